/**
 * npm run server -- [--port 8787] [--host 127.0.0.1] [--data-dir DIR]
 * Uses DATABASE_URL when set, else PGlite in the data folder. Other settings from the environment:
 * WERKBANK_TOKEN_SECRET (base64, 32+ bytes), WERKBANK_INTAKE_TOKEN, WERKBANK_ADMIN_PASSWORD
 * (creates user `admin` on an empty database), WERKBANK_ENVIRONMENT (production | training).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startServer } from './start';
import { jsonLogger } from './services';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.data/server' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a port number');
  const environment = process.env['WERKBANK_ENVIRONMENT'] === 'training' ? 'training' : 'production';
  const intakeToken = process.env['WERKBANK_INTAKE_TOKEN'];
  const adminPassword = process.env['WERKBANK_ADMIN_PASSWORD'];
  const databaseUrl = process.env['DATABASE_URL'];
  const server = await startServer({
    port, host: values.host, dataDir: resolve(values['data-dir']), environment,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(intakeToken ? { intakeTokens: [intakeToken] } : {}),
    ...(adminPassword ? { initialAdminPassword: adminPassword } : {}),
  });
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
