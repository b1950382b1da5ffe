/**
 * `npm run preview:web -- [--port 5180] [--data-dir DIR] [--no-seed]`: serves the built renderer
 * on 127.0.0.1 with a real data host behind a token-guarded WebSocket (scripts/preview/server.ts).
 * Seeds development cases into an empty cache unless --no-seed. Never part of the packaged app.
 */
import { parseArgs } from 'node:util';
import { listCases } from '../src/main/host/cases';
import { seedDevelopmentCases } from './dev-seed';
import { defaultRendererDir, startPreview } from './preview/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    'data-dir': { type: 'string', default: '.data/preview' },
    'no-seed': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a port number');

async function main(): Promise<void> {
  const preview = await startPreview({
    port,
    rendererDir: defaultRendererDir,
    host: { dataDir: values['data-dir'], appVersion: process.env.npm_package_version ?? '0.0.0' },
    prepare: (host) => {
      if (!values['no-seed'] && listCases(host.cache.db, 1, 0).total === 0) {
        seedDevelopmentCases(host.cache.db, { count: 120, seed: 1, today: new Date().toISOString().slice(0, 10) });
      }
    },
  });

  console.info(`Werkbank browser preview (development only), bound to 127.0.0.1.\nOpen: ${preview.pageUrl}\nStop with Ctrl-C.`);

  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
