/**
 * Starts a training environment: the central API with environment 'training', seeded on first
 * start with a demo dataset (generated into DATA_DIR/training-dataset, or reused from there), the
 * trainer's movable clock restored from the database, and the /training endpoints. Used by
 * `npm run server -- --demo`, the app's embedded training server (src/server/embedded/utility.ts)
 * and the browser preview.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { defaultPasswordCost, type PasswordCost } from '../auth/passwords';
import { queryRows, type Executor } from '../db/database';
import { startServer, type RunningServer } from '../start';
import { amsterdamDate, jsonLogger, systemClock, type Clock, type Logger } from '../services';
import { requireIsoDate, type IsoDate } from '../../shared/domain/dates';
import { ensureTrainingSettings, initialClockSetting, MovableClock, readClockSetting, saveClockSetting } from './clock';
import { seedTrainingEnvironment, type TrainingStartProgress } from './embedded';
import { defaultToday, generateDataset } from './generate';
import { readManifest } from './load';
import { type TrainingServices } from './routes';

/** How to start a training server. */
export interface TrainingServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Holds PGlite (DATA_DIR/pglite), the token secret and the generated dataset. */
  dataDir: string;
  /** PostgreSQL instead of PGlite (its database must be empty or a training database). */
  databaseUrl?: string;
  seed?: number;
  caseCount?: number;
  /** The dataset's today; the clock starts there. Default: the generator's fixed default. */
  today?: IsoDate;
  intakeTokens?: readonly string[];
  logger?: Logger;
  passwordCost?: PasswordCost;
  /** The server's SQL migrations when they are not next to database.ts (the app's bundle). */
  migrationsFolder?: string;
  /** Real time (tests pass a fixed one). */
  realClock?: Clock;
  /** Each step of the start (the embedded server tells main, for the start screen). */
  onProgress?: (progress: TrainingStartProgress) => void;
}

/** A running training server. */
export interface TrainingServer extends RunningServer {
  training: TrainingServices;
  /** True when this start loaded the dataset into an empty database. */
  seeded: boolean;
}

type DatasetKey = { seed: number; caseCount: number; today: IsoDate };

async function readDatasetKey(db: Executor): Promise<DatasetKey | null> {
  const rows = await queryRows<{ value: unknown }>(db, sql`select value from training_settings where key = 'dataset'`);
  const value = rows[0]?.value;
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<DatasetKey> | undefined;
  if (!parsed || typeof parsed.seed !== 'number' || typeof parsed.caseCount !== 'number' || typeof parsed.today !== 'string') return null;
  return { seed: parsed.seed, caseCount: parsed.caseCount, today: requireIsoDate(parsed.today, 'today') };
}

async function saveDatasetKey(db: Executor, key: DatasetKey, at: Date): Promise<void> {
  await db.execute(sql`insert into training_settings (key, value, updated_at) values ('dataset', ${JSON.stringify(key)}::jsonb, ${at.toISOString()})
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
}

function datasetMatches(folder: string, key: DatasetKey): boolean {
  if (!existsSync(join(folder, 'dataset.json'))) return false;
  try {
    const manifest = readManifest(folder);
    return manifest.seed === key.seed && manifest.caseCount === key.caseCount && manifest.today === key.today;
  } catch {
    return false;
  }
}

/** Starts (and on first start seeds) a training environment. */
export async function startTrainingServer(options: TrainingServerOptions): Promise<TrainingServer> {
  const realClock = options.realClock ?? systemClock;
  const logger = options.logger ?? jsonLogger;
  const passwordCost = options.passwordCost ?? defaultPasswordCost;
  const requested: DatasetKey = { seed: options.seed ?? 1, caseCount: options.caseCount ?? 500, today: options.today ?? defaultToday };
  const datasetFolder = join(options.dataDir, 'training-dataset');
  const clock = new MovableClock({ mode: 'real' }, realClock);
  let training: TrainingServices | undefined;
  let seeded = false;

  const server = await startServer({
    port: options.port, dataDir: options.dataDir, environment: 'training', clock, logger,
    ...(options.host ? { host: options.host } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
    ...(options.intakeTokens ? { intakeTokens: options.intakeTokens } : {}),
    server: { passwordCost },
    onDatabaseReady: async ({ db }) => {
      options.onProgress?.({ phase: 'database' });
      await ensureTrainingSettings(db);
      // A database seeded before keeps its dataset (and what trainees did to it), whatever was asked now.
      const stored = await readDatasetKey(db);
      const key = stored ?? requested;
      if (stored && (stored.seed !== requested.seed || stored.caseCount !== requested.caseCount)) {
        logger.warn('training database already holds another dataset; keeping it', { seed: stored.seed, cases: stored.caseCount });
      }
      const result = await seedTrainingEnvironment(db, {
        ...key, datasetFolder, now: realClock.now(), passwordCost, ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      seeded = result.seeded;
      // Scenario resets read the dataset folder: bring it back when it was removed.
      if (!datasetMatches(datasetFolder, key)) generateDataset({ ...key, outputFolder: datasetFolder });
      if (!stored) await saveDatasetKey(db, key, realClock.now());
      let setting = await readClockSetting(db);
      if (!setting) {
        setting = initialClockSetting(key.today, amsterdamDate(realClock.now()));
        await saveClockSetting(db, setting, realClock.now());
      }
      clock.set(setting);
      training = { clock, datasetFolder, manifest: readManifest(datasetFolder), passwordCost };
      return { training, sessionClock: realClock };
    },
  });
  if (!training) throw new Error('training server started without its dataset');
  logger.info('training environment ready', { cases: training.manifest.caseCount, seeded, today: clock.today() });
  return { ...server, training, seeded };
}
