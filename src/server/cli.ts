/**
 * npm run server -- [--port 8787] [--host 127.0.0.1] [--data-dir DIR]
 * npm run server -- --demo [--seed S] [--cases N] [--today YYYY-MM-DD] [...]
 *   a training environment: seeds an empty database with the demo dataset (kept in
 *   DATA_DIR/training-dataset), starts the trainer's clock on the dataset's today, serves /training/*.
 * Uses DATABASE_URL when set, else PGlite in the data folder. Other settings from the environment:
 * WERKBANK_TOKEN_SECRET (base64, 32+ bytes), WERKBANK_INTAKE_TOKEN, WERKBANK_ADMIN_PASSWORD
 * (creates user `admin` on an empty database), WERKBANK_ENVIRONMENT (production | training).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startServer } from './start';
import { startTrainingServer } from './training/serve';
import { jsonLogger } from './services';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.data/server' },
      demo: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      cases: { type: 'string', default: '500' },
      today: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a port number');
  const environment = values.demo || process.env['WERKBANK_ENVIRONMENT'] === 'training' ? 'training' : 'production';
  const intakeToken = process.env['WERKBANK_INTAKE_TOKEN'];
  const adminPassword = process.env['WERKBANK_ADMIN_PASSWORD'];
  const databaseUrl = process.env['DATABASE_URL'];
  const common = {
    port, host: values.host, dataDir: resolve(values['data-dir']),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(intakeToken ? { intakeTokens: [intakeToken] } : {}),
  };
  const server = values.demo
    ? await startTrainingServer({ ...common, seed: Number(values.seed), caseCount: Number(values.cases), ...(values.today ? { today: values.today } : {}) })
    : await startServer({ ...common, environment, ...(adminPassword ? { initialAdminPassword: adminPassword } : {}) });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    jsonLogger.info('stopping', { signal });
    server.close().then(() => process.exit(0), (error: unknown) => {
      jsonLogger.error('shutdown failed', { errorName: error instanceof Error ? error.name : 'unknown' });
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  jsonLogger.error('central API failed to start', { errorName: error instanceof Error ? error.name : 'unknown', detail: error instanceof Error ? error.message : null });
  process.exit(1);
});
