/**
 * The embedded training environment seen from main: with no central API configured, main forks
 * the training server (out/main/training-server.js, src/server/embedded/utility.ts) in a
 * utilityProcess, waits for {type:'ready', url}, and only then forks the data host pointed at that
 * URL. Electron is injected (fork, timers), so this is unit-tested without it.
 */
import { z } from 'zod';

/** Environment variables main sets for the training server (restated in src/server/embedded/utility.ts). */
export const trainingServerEnvironment = {
  /** Folder of PGlite, the token secret and the generated dataset: userData/training. */
  dataDir: 'WERKBANK_TRAINING_DATA_DIR',
  /** Cases to seed an empty database with (default 500). */
  caseCount: 'WERKBANK_TRAINING_CASES',
  /** The server's SQL migrations, copied next to the bundle. */
  migrationsFolder: 'WERKBANK_SERVER_MIGRATIONS',
} as const;

/** training server → main */
export const trainingServerToMain = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.url({ protocol: /^http$/, hostname: /^127\.0\.0\.1$/ }) }),
  /** How far the start is: the database, generating the demo dataset, loading its cases (`done` of `total`). */
  z.object({
    type: z.literal('progress'), phase: z.enum(['database', 'generating', 'loading']),
    done: z.number().int().nonnegative().optional(), total: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('fatal'), code: z.string(), message: z.string() }),
]);

/** main → training server */
export type MainToTrainingServer = { type: 'shutdown' };

/** The part of Electron's UtilityProcess used here. */
export interface TrainingServerChild {
  postMessage(message: MainToTrainingServer): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface EmbeddedTrainingOptions {
  fork: () => TrainingServerChild;
  setTimer: (callback: () => void, delayMs: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** The first start generates and loads 500 cases; later starts take seconds. */
  startTimeoutMs?: number;
  shutdownGraceMs?: number;
  /** Called when the server stops on its own after it was ready. */
  onDidExitUnexpectedly?: (code: number) => void;
  /** Each step of its start, for the start screen. */
  onProgress?: (progress: TrainingStartProgress) => void;
}

export type TrainingStartProgress = Omit<Extract<z.infer<typeof trainingServerToMain>, { type: 'progress' }>, 'type'>;

export interface EmbeddedTrainingServer {
  url: string;
  /** Asks the server to close its database and exit; kills it after the grace period. */
  stop(): Promise<void>;
}

/** Why the training server could not be started (code for failureMessage, message without personal data). */
export class TrainingServerFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'TrainingServerFailure';
  }
}

/** Forks the training server and resolves with its URL once it is ready. */
export function startEmbeddedTrainingServer(options: EmbeddedTrainingOptions): Promise<EmbeddedTrainingServer> {
  const child = options.fork();
  let exited = false;
  let ready = false;
  let stopping = false;
  const exitWaiters: (() => void)[] = [];

  const stop = (): Promise<void> => {
    if (exited) return Promise.resolve();
    stopping = true;
    return new Promise<void>((done) => {
      exitWaiters.push(done);
      child.postMessage({ type: 'shutdown' });
      options.setTimer(() => {
        if (!exited) child.kill();
        done();
      }, options.shutdownGraceMs ?? 5_000);
    });
  };

  return new Promise<EmbeddedTrainingServer>((resolve, reject) => {
    const timer = options.setTimer(() => {
      if (ready || exited) return;
      child.kill();
      reject(new TrainingServerFailure('training_unavailable', 'the training server did not become ready in time'));
    }, options.startTimeoutMs ?? 600_000);

    child.on('message', (message) => {
      if (ready) return;
      const parsed = trainingServerToMain.safeParse(message);
      if (!parsed.success) return;
      if (parsed.data.type === 'progress') {
        const { type: _type, ...progress } = parsed.data;
        options.onProgress?.(progress);
        return;
      }
      options.clearTimer(timer);
      if (parsed.data.type === 'fatal') {
        child.kill();
        reject(new TrainingServerFailure(parsed.data.code, parsed.data.message));
        return;
      }
      ready = true;
      resolve({ url: parsed.data.url, stop });
    });
    child.on('exit', (code) => {
      exited = true;
      for (const done of exitWaiters.splice(0)) done();
      if (!ready) {
        options.clearTimer(timer);
        reject(new TrainingServerFailure('training_unavailable', `the training server exited before it was ready (${code})`));
      } else if (!stopping) {
        options.onDidExitUnexpectedly?.(code);
      }
    });
  });
}
