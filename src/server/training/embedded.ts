/**
 * The one call the server needs for `--demo` and the embedded training environment: make sure the
 * database holds a demo dataset. An empty database gets one (generated into a folder, or reused
 * from there when the same seed, size and today were generated before); a database that already
 * has users is left alone, so restarting keeps what trainees did.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type PasswordCost } from '../auth/passwords';
import { type Database } from '../db/database';
import { users } from '../db/schema';
import { type ChangeListener } from '../sync/publish';
import { type IsoDate } from '../../shared/domain/dates';
import { generateDataset } from './generate';
import { loadDataset, readManifest } from './load';

export type SeedTrainingOptions = {
  seed: number;
  caseCount: number;
  /** The dataset's today; the server's clock should start on it so deadlines agree. */
  today: IsoDate;
  /** Where the generated files live (e.g. DATA_DIR/training-dataset). */
  datasetFolder: string;
  now: Date;
  passwordCost: PasswordCost;
  listener?: ChangeListener | null;
  /** Each step of a first start: generating the dataset, then loading it (`done` of `total` cases). */
  onProgress?: (progress: TrainingStartProgress) => void;
};

/** How far a training server's start is, for the start screen. */
export type TrainingStartProgress = { phase: 'database' | 'generating' | 'loading'; done?: number; total?: number };

export type SeedTrainingResult = { seeded: boolean; cases: number };

function sameDataset(folder: string, options: SeedTrainingOptions): boolean {
  if (!existsSync(join(folder, 'dataset.json'))) return false;
  try {
    const manifest = readManifest(folder);
    return manifest.seed === options.seed && manifest.caseCount === options.caseCount && manifest.today === options.today;
  } catch {
    return false;
  }
}

/** Seeds an empty database with the demo dataset; does nothing when it already has users. */
export async function seedTrainingEnvironment(db: Database, options: SeedTrainingOptions): Promise<SeedTrainingResult> {
  if ((await db.$count(users)) > 0) return { seeded: false, cases: 0 };
  if (!sameDataset(options.datasetFolder, options)) {
    options.onProgress?.({ phase: 'generating' });
    generateDataset({ seed: options.seed, caseCount: options.caseCount, outputFolder: options.datasetFolder, today: options.today });
  }
  options.onProgress?.({ phase: 'loading', done: 0, total: options.caseCount });
  const loaded = await loadDataset(db, options.datasetFolder, {
    now: options.now, passwordCost: options.passwordCost, listener: options.listener ?? null,
    // Smaller transactions than the default: the start screen's count moves every few seconds.
    chunkSize: 100,
    ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress?.({ phase: 'loading', done, total }) } : {}),
  });
  return { seeded: true, cases: loaded.cases };
}
