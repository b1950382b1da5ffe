/**
 * The main process's secret vault: the data host's tokens, encrypted with Electron's safeStorage
 * and kept in one file under userData (SECURITY.md: tokens are kept with safeStorage, never its
 * plain-text fallback). Electron and the file system are injected, so it runs in unit tests.
 *
 * - read/write refuse (SecretVaultError 'unavailable') when safeStorage cannot encrypt, or on
 *   Linux when it would only use its hard-coded-password fallback ('basic_text').
 * - delete never needs encryption: removing an entry always works, so sign-out reaches the file
 *   even when the keyring is locked.
 * - A file that cannot be parsed, or an entry that cannot be decrypted (another user's or an old
 *   keyring), counts as absent: the user simply signs in again.
 * - Writes are atomic (a fresh temporary file with mode 0600, then rename) and operations run one
 *   at a time, so concurrent requests never lose each other's changes.
 * - No value, and no error text that could contain one, ever reaches a log line or an error.
 */
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The parts of Electron's safeStorage the vault uses: the asynchronous calls (Electron 45 deprecates
 * the synchronous ones, which also block main while a keychain asks the user).
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  /** Linux only; 'basic_text' means a hard-coded password, i.e. plain text in effect. */
  getSelectedStorageBackend(): string;
}

/** An open file the vault writes its temporary copy through. */
export interface VaultFileHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The parts of node:fs/promises the vault uses. */
export interface VaultFileSystem {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  /** Opens a new file; flags 'wx' fail when it exists, so `mode` always applies. */
  open(file: string, flags: 'wx', mode: number): Promise<VaultFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
  mkdir(folder: string, options: { recursive: true; mode: number }): Promise<unknown>;
}

export interface SecretVaultOptions {
  /** The vault file, e.g. userData/secrets.json. */
  file: string;
  safeStorage: SafeStorageLike;
  /** process.platform; the plain-text check applies on Linux only. */
  platform: string;
  fs?: VaultFileSystem;
  /** Receives a short reason without any secret (default console.warn). */
  warn?: (message: string) => void;
}

/** Why the vault refused; the message is fixed text and never contains a value. */
export class SecretVaultError extends Error {
  constructor(readonly code: 'unavailable' | 'storage', message: string) {
    super(message);
    this.name = 'SecretVaultError';
  }
}

export interface SecretVault {
  read(key: string): Promise<string | null>;
  write(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The file: entries as a list (never an object keyed by host-chosen names), values base64 ciphertext. */
const vaultFile = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ key: z.string().min(1), value: z.string() })),
});

/** The stored form of an entry: base64 of safeStorage's ciphertext. */
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** Creates the vault; nothing is read until the first request. */
export function createSecretVault(options: SecretVaultOptions): SecretVault {
  const fs: VaultFileSystem = options.fs ?? nodeFs;
  const warn = options.warn ?? ((message: string) => console.warn(`werkbank: ${message}`));
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs operations one after another; a failed one does not stop the next. */
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.then(operation, operation);
    queue = result.catch(() => undefined);
    return result;
  };

  const requireEncryption = async (): Promise<void> => {
    let available: boolean;
    let backend = '';
    try {
      available = await options.safeStorage.isAsyncEncryptionAvailable();
      if (available && options.platform === 'linux') backend = options.safeStorage.getSelectedStorageBackend();
    } catch {
      available = false;
    }
    if (!available) throw new SecretVaultError('unavailable', 'Encryption is not available on this computer.');
    // 'basic_text' encrypts with a hard-coded password; 'unknown' is only reported before ready.
    if (backend === 'basic_text' || backend === 'unknown') {
      throw new SecretVaultError('unavailable', `Refused the safeStorage backend ${backend}: it would keep secrets readable.`);
    }
  };

  const load = async (): Promise<Map<string, string>> => {
    let text: string;
    try {
      text = await fs.readFile(options.file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return new Map();
      throw new SecretVaultError('storage', 'The secret store file could not be read.');
    }
    let parsed: z.infer<typeof vaultFile> | undefined;
    try {
      const result = vaultFile.safeParse(JSON.parse(text));
      parsed = result.success ? result.data : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed) {
      warn('the secret store file was damaged; it is treated as empty and signing in again replaces it');
      return new Map();
    }
    return new Map(parsed.entries.map((entry) => [entry.key, entry.value]));
  };

  const save = async (entries: Map<string, string>): Promise<void> => {
    const folder = path.dirname(options.file);
    const temporary = path.join(folder, `.${path.basename(options.file)}.${randomUUID()}.tmp`);
    const text = JSON.stringify({ version: 1, entries: [...entries].map(([key, value]) => ({ key, value })) });
    try {
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const handle = await fs.open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, options.file);
    } catch {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw new SecretVaultError('storage', 'The secret store file could not be written.');
    }
  };

  return {
    read: (key) => serial(async () => {
      await requireEncryption();
      const stored = (await load()).get(key);
      if (stored === undefined) return null;
      try {
        if (!base64.test(stored)) throw new Error('not base64');
        return (await options.safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'))).result;
      } catch {
        // Another keyring or a damaged entry: as if nothing were stored; the user signs in again.
        warn('a stored secret could not be decrypted; it is treated as absent');
        return null;
      }
    }),
    write: (key, value) => serial(async () => {
      await requireEncryption();
      let encrypted: Buffer;
      try {
        encrypted = await options.safeStorage.encryptStringAsync(value);
      } catch {
        throw new SecretVaultError('unavailable', 'Encryption failed.');
      }
      const entries = await load().catch(() => new Map<string, string>());
      entries.set(key, encrypted.toString('base64'));
      await save(entries);
    }),
    delete: (key) => serial(async () => {
      let entries: Map<string, string>;
      try {
        entries = await load();
      } catch {
        // Unreadable is not the same as absent: start afresh, so the entry is certainly gone.
        entries = new Map();
        await save(entries);
        return;
      }
      if (!entries.delete(key)) return;
      await save(entries);
    }),
  };
}
