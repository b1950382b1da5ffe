/** The training preview's dataset as generated, for finding the cases a test needs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Preview } from '../../scripts/preview/server';
import type { DatasetCase } from '../../src/server/training/dataset';

/** Every case of the training preview's dataset (cases.jsonl). */
export function datasetCases(preview: Preview): DatasetCase[] {
  if (!preview.trainingDatasetFolder) throw new Error('the preview has no training dataset');
  return readFileSync(join(preview.trainingDatasetFolder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
}
