/**
 * The training server of the browser benchmarks in a process of its own (training-process.ts), as
 * the app runs it: started with its data folder, case count and optional intake token, answered
 * with its URL and dataset folder; stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TrainingChild {
  url: string;
  datasetFolder: string;
  process: ChildProcess;
}

export async function startTrainingProcess(dataDir: string, options: { cases: number; intakeToken?: string }): Promise<TrainingChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'training-process.ts')], {
    env: {
      ...process.env, TRAINING_DATA_DIR: dataDir, TRAINING_CASES: String(options.cases),
      ...(options.intakeToken ? { TRAINING_INTAKE_TOKEN: options.intakeToken } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), 'line')) as [string];
  return { ...(JSON.parse(line) as { url: string; datasetFolder: string }), process: child };
}

export async function stopTrainingProcess(training: TrainingChild): Promise<void> {
  training.process.kill('SIGTERM');
  await once(training.process, 'exit');
}
