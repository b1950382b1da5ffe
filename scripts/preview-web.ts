/**
 * `npm run preview:web -- [--port 5180] [--data-dir DIR] [--cases 500] [--no-training] [--no-seed]`:
 * serves the built renderer on 127.0.0.1 with a real data host behind a token-guarded WebSocket
 * (scripts/preview/server.ts). Never part of the packaged app.
 *
 * Like the app: with no central API configured (WERKBANK_SERVER_URL unset) the training
 * environment runs in-process, PGlite in DIR/training seeded once with --cases cases, the host's
 * cache in DIR/cache. --no-training gives the old offline preview instead: the cache in DIR, seeded
 * with development cases unless --no-seed.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listCases } from '../src/main/host/cases/store';
import { jsonLogger } from '../src/server/services';
import { seedDevelopmentCases } from './dev-seed';
import { defaultRendererDir, startPreview, type PreviewOptions } from './preview/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    'data-dir': { type: 'string', default: '.data/preview' },
    cases: { type: 'string', default: '500' },
    'no-training': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a port number');
const caseCount = Number(values.cases);
if (!Number.isInteger(caseCount) || caseCount < 1) throw new Error('--cases must be a whole number above 0');

const dataDir = values['data-dir'];
const appVersion = process.env.npm_package_version ?? '0.0.0';
const serverUrl = process.env.WERKBANK_SERVER_URL || undefined;
const withTraining = !serverUrl && !values['no-training'];
const intakeToken = process.env.WERKBANK_INTAKE_TOKEN || randomBytes(24).toString('base64url');

function previewOptions(): PreviewOptions {
  if (withTraining) {
    return {
      port, rendererDir: defaultRendererDir,
      host: { dataDir: join(dataDir, 'cache'), appVersion },
      training: { dataDir: join(dataDir, 'training'), caseCount, intakeTokens: [intakeToken], logger: jsonLogger },
    };
  }
  return {
    port, rendererDir: defaultRendererDir,
    host: { dataDir, appVersion, ...(serverUrl ? { serverUrl } : {}) },
    prepare: (host) => {
      // Development cases only for the offline preview: with a server the cache fills by sync.
      if (!serverUrl && !values['no-seed'] && listCases(host.cache.db, 1, 0).total === 0) {
        seedDevelopmentCases(host.cache.db, { count: 120, seed: 1, today: new Date().toISOString().slice(0, 10) });
      }
    },
  };
}

async function main(): Promise<void> {
  const preview = await startPreview(previewOptions());
  const lines = [`Werkbank browser preview (development only), bound to 127.0.0.1.`, `Open: ${preview.pageUrl}`];
  if (preview.training) {
    lines.push(
      `Training environment: ${preview.training.url} (${preview.training.training.manifest.caseCount} cases, today ${preview.training.training.clock.today()}); demo users sign in with password 'training'.`,
      `Simulator: WERKBANK_INTAKE_TOKEN=${intakeToken} npm run simulate -- --server ${preview.training.url} --rate 2/s`,
    );
  } else if (serverUrl) {
    lines.push(`Central API: ${serverUrl}`);
  }
  lines.push('Stop with Ctrl-C.');
  console.info(lines.join('\n'));

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
