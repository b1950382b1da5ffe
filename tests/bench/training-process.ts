/**
 * A training server in its own process for the case screen's benchmark, as the app runs it (its own
 * utility process), so PGlite does not share the data host's event loop. Prints one JSON line with
 * the URL and the dataset folder on stdout, stops on SIGTERM.
 */
import { join } from 'node:path';
import { silentLogger } from '../../src/server/services';
import { testPasswordCost } from '../../src/server/auth/passwords';
import { startTrainingServer } from '../../src/server/training/serve';

async function main(): Promise<void> {
  const dataDir = process.env['TRAINING_DATA_DIR'] ?? '';
  const server = await startTrainingServer({
    port: 0, host: '127.0.0.1', dataDir, caseCount: Number(process.env['TRAINING_CASES'] ?? 120), logger: silentLogger, passwordCost: testPasswordCost,
    // The messages benchmark plays My IND through the intake endpoints.
    ...(process.env['TRAINING_INTAKE_TOKEN'] ? { intakeTokens: [process.env['TRAINING_INTAKE_TOKEN']] } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, datasetFolder: join(dataDir, 'training-dataset') })}\n`);
  process.on('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
