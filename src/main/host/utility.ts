/**
 * Entry of the data host inside Electron's utilityProcess. Main hands over one MessagePort per
 * window ({type:'connect'}); the host serves the contract on each. Uses process.parentPort, which
 * Electron provides to utility processes, so nothing here imports electron.
 */
import { RpcError } from '../../shared/rpc';
import { readLanguage } from './app/settings';
import { createHost, type Host } from './host';
import { createLogger } from './log';
import { hostEnvironment, mainToHost, type HostToMain, type SecretRequest } from './protocol';
import { portEndpoint, type PortLike } from './transports/message-port';
import { parentSecretStore, withMemoryFallback } from './session/parent-secrets';

interface ParentPort {
  postMessage(message: HostToMain | SecretRequest): void;
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const logger = createLogger('host');

function start(port: ParentPort): void {
  let host: Host;
  try {
    const dataDir = process.env[hostEnvironment.dataDir];
    if (!dataDir) throw new RpcError('internal', `${hostEnvironment.dataDir} is not set.`);
    // Tokens go to main's safeStorage only when main said it answers secret requests. When main
    // refuses (no keyring, only the plain-text fallback) they stay in memory for this session.
    const secrets = process.env[hostEnvironment.secrets] === 'parent'
      ? withMemoryFallback(parentSecretStore({
        post: (message) => port.postMessage(message),
        onMessage: (listener) => {
          port.on('message', (event) => listener(event.data));
          return () => undefined;
        },
      }), (reason) => logger.warn('secrets.memory_only', { reason }))
      : undefined;
    host = createHost({
      dataDir,
      ...(secrets ? { secrets } : {}),
      nativeBinding: process.env[hostEnvironment.sqliteBinding],
      appVersion: process.env[hostEnvironment.appVersion],
      serverUrl: process.env[hostEnvironment.serverUrl],
      trainingServer: process.env[hostEnvironment.trainingServer] === '1',
      lettersDirectory: process.env[hostEnvironment.lettersDir],
      fontsDirectory: process.env[hostEnvironment.fontsDir],
      messagesDirectory: process.env[hostEnvironment.messagesDir],
      // Main shows the system notification; it gets ids and the case number, never a body.
      onDidReceiveMessages: (received) => {
        const messages = received.slice(0, 100).map(({ caseId, caseNumber, threadId }) => ({ caseId, caseNumber, threadId }));
        port.postMessage({ type: 'messages.received', language: readLanguage(host.cache.db), messages });
      },
      logger,
      // Main may restart the app to install an update only while nothing waits to be synced.
      onDidChangeOutbox: (pending) => port.postMessage({ type: 'outbox', pending }),
    });
  } catch (error) {
    const code = error instanceof RpcError ? error.code : 'internal';
    const message = error instanceof RpcError ? error.message : 'The local cache could not be opened.';
    logger.error('host.start_failed', { code });
    port.postMessage({ type: 'fatal', code, message });
    return;
  }

  port.on('message', (event) => {
    const parsed = mainToHost.safeParse(event.data);
    if (!parsed.success) return;
    if (parsed.data.type === 'shutdown') {
      host.close();
      process.exit(0);
    }
    for (const windowPort of event.ports) host.serve(portEndpoint(windowPort));
  });
  port.postMessage({ type: 'ready' });
}

if (parentPort) start(parentPort);
else logger.error('host.no_parent_port', {});
