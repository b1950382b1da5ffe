/**
 * Entry of the embedded training server inside Electron's utilityProcess (bundled as
 * out/main/training-server.js). With no central API configured, main starts this first: the
 * training environment on PGlite in the user's data folder, seeded with 500 cases on first start,
 * listening on 127.0.0.1 on a free port. It tells main {type:'ready', url}; main then forks the
 * data host pointed at that URL. Uses process.parentPort, which Electron gives utility processes,
 * so nothing here imports electron (and nothing imports main: the messages are restated below and
 * checked on main's side, src/main/training-server.ts).
 */
import { jsonLogger } from '../services';
import { startTrainingServer, type TrainingServer } from '../training/serve';

/** Environment variables main sets; the same names as trainingServerEnvironment in src/main/training-server.ts. */
const environment = {
  dataDir: 'WERKBANK_TRAINING_DATA_DIR',
  caseCount: 'WERKBANK_TRAINING_CASES',
  migrationsFolder: 'WERKBANK_SERVER_MIGRATIONS',
} as const;

/** server → main */
type ToMain = { type: 'ready'; url: string } | { type: 'fatal'; code: string; message: string }
  | { type: 'progress'; phase: 'database' | 'generating' | 'loading'; done?: number; total?: number };

interface ParentPort {
  postMessage(message: ToMain): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function isShutdown(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === 'shutdown';
}

async function start(port: ParentPort): Promise<void> {
  const dataDir = process.env[environment.dataDir];
  if (!dataDir) {
    port.postMessage({ type: 'fatal', code: 'training_unavailable', message: `${environment.dataDir} is not set.` });
    return;
  }
  const caseCount = Number(process.env[environment.caseCount] ?? '500');
  const migrationsFolder = process.env[environment.migrationsFolder];
  let server: TrainingServer | undefined;
  let stopping = false;
  port.on('message', (event) => {
    if (!isShutdown(event.data) || stopping) return;
    stopping = true;
    // Requests in flight finish and PGlite closes cleanly before the process goes.
    void (server?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
  try {
    server = await startTrainingServer({
      port: 0, host: '127.0.0.1', dataDir, caseCount: Number.isInteger(caseCount) && caseCount > 0 ? caseCount : 500,
      ...(migrationsFolder ? { migrationsFolder } : {}),
      // Main shows each step on the start screen: a first start generates and loads hundreds of cases.
      onProgress: (progress) => port.postMessage({ type: 'progress', ...progress }),
    });
  } catch (error) {
    jsonLogger.error('training server failed to start', { errorName: error instanceof Error ? error.name : 'unknown' });
    port.postMessage({ type: 'fatal', code: 'training_unavailable', message: 'The training environment could not be started.' });
    return;
  }
  if (stopping) return;
  port.postMessage({ type: 'ready', url: server.url });
}

if (parentPort) void start(parentPort);
else jsonLogger.error('training server: no parent port', {});
