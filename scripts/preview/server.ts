/**
 * The browser preview: serves the built renderer on 127.0.0.1 with the app's CSP and a real data
 * host behind a token-guarded loopback WebSocket, so the real UI runs in Chromium where no Electron
 * binary exists. Development and tests only: never part of the packaged app.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { contentSecurityPolicy } from '../../src/shared/security/csp';
import { appOrigin, createAppProtocolHandler } from '../../src/main/protocol';
import { createHost, type Host, type HostOptions } from '../../src/main/host/host';
import { attachWebSocketRpc } from '../../src/main/host/transports/websocket';
import { tokenFragmentKey } from '../../src/shared/rpc/websocket';
import { type PasswordCost } from '../../src/server/auth/passwords';
import { silentLogger as silentServerLogger, type Logger as ServerLogger } from '../../src/server/services';
import { startTrainingServer, type TrainingServer } from '../../src/server/training/serve';

/** An in-process training server for the preview (what the app embeds when no central API is configured). */
export interface PreviewTrainingOptions {
  /** PGlite, token secret and the generated dataset; seeded once, reused on later starts. */
  dataDir: string;
  /** 500 like the app; tests pass a few dozen so each starts in seconds. */
  caseCount: number;
  seed?: number;
  /** The dataset's today (default: the generator's fixed default); the trainer's clock starts there. */
  today?: string;
  /** Service tokens for the intake endpoints (npm run simulate). */
  intakeTokens?: readonly string[];
  /** Tests pass testPasswordCost: hashing the demo users' passwords is most of a small start. */
  passwordCost?: PasswordCost;
  logger?: ServerLogger;
}

export interface PreviewOptions {
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  host: Omit<HostOptions, 'logger'> & Partial<Pick<HostOptions, 'logger'>>;
  /** Runs once the host is open, before the server listens (seeding in development and tests). */
  prepare?: (host: Host) => void;
  /**
   * Starts a training server first and points the host at it (host.serverUrl is then ignored).
   * Without it the host has only what `host.serverUrl` and `prepare` give it.
   */
  training?: PreviewTrainingOptions;
}

export interface Preview {
  url: string;
  /** The page URL including the token fragment. */
  pageUrl: string;
  token: string;
  host: Host;
  /** The training server, when options.training asked for one. */
  training?: TrainingServer;
  /** Where the training server's dataset files are (cases.jsonl), when options.training asked for one. */
  trainingDatasetFolder?: string;
  close(): Promise<void>;
}

/** Starts the preview server and its host. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const rendererDir = resolve(options.rendererDir);
  const training = options.training ? await startTrainingServer({
    port: 0, host: '127.0.0.1', dataDir: options.training.dataDir, caseCount: options.training.caseCount,
    logger: options.training.logger ?? silentServerLogger,
    ...(options.training.seed === undefined ? {} : { seed: options.training.seed }),
    ...(options.training.today === undefined ? {} : { today: options.training.today }),
    ...(options.training.intakeTokens ? { intakeTokens: options.training.intakeTokens } : {}),
    ...(options.training.passwordCost ? { passwordCost: options.training.passwordCost } : {}),
  }) : undefined;
  let host: Host;
  try {
    // trainingServer: the host treats this loopback server as the training environment (demo users, marker).
    host = createHost(training ? { ...options.host, serverUrl: training.url, trainingServer: true } : options.host);
  } catch (error) {
    await training?.close();
    throw error;
  }
  options.prepare?.(host);
  const token = randomBytes(32).toString('base64url');
  let origin = '';

  // The same handler as the app's app:// protocol (GET only, refused odd paths, no symlink escape),
  // fed a translated URL; only the CSP differs, to allow the loopback WebSocket.
  const serveBundle = createAppProtocolHandler(rendererDir);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
    void serveBundle(new Request(`${appOrigin}${url.pathname}`, { method })).then(async (answer) => {
      const headers = Object.fromEntries(answer.headers);
      headers['content-security-policy'] = contentSecurityPolicy({ connectSources: [origin.replace(/^http/, 'ws')] });
      const body = Buffer.from(await answer.arrayBuffer());
      response.writeHead(answer.status, { ...headers, 'content-length': String(body.length) });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  });

  const closeSockets = attachWebSocketRpc(server, {
    token,
    get allowedOrigins() {
      return [origin];
    },
    onConnection: (endpoint) => host.serve(endpoint),
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  origin = `http://127.0.0.1:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    pageUrl: `${origin}/#${tokenFragmentKey}=${token}`,
    token,
    host,
    ...(training && options.training ? { training, trainingDatasetFolder: join(options.training.dataDir, 'training-dataset') } : {}),
    close() {
      closing ??= (async () => {
        await closeSockets();
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await closed;
        host.close();
        await training?.close();
      })();
      return closing;
    },
  };
}

/** The built renderer's folder. */
export const defaultRendererDir = join(__dirname, '..', '..', 'out', 'renderer');
