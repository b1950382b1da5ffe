/**
 * Main's secret vault with safeStorage faked: what reaches the file, when it refuses, and that a
 * damaged file or entry means "sign in again" rather than a failure. The file system is real (a
 * temporary folder) unless a test needs to see or break the individual steps.
 */
import * as fs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecretVault, SecretVaultError, type SafeStorageLike, type VaultFileSystem } from '../../../src/main/secrets';

const secret = '{"accessToken":"tok-ACCESS-1234","refreshToken":"tok-REFRESH-5678"}';

/** A stand-in for safeStorage: a reversible scramble with a marker, so plain text never shows. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; marker?: string } = {}) {
  const marker = options.marker ?? 'v10';
  const scramble = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  const storage = {
    available: options.available ?? true,
    backend: options.backend ?? 'gnome_libsecret',
    isAsyncEncryptionAvailable: async () => storage.available,
    encryptStringAsync: async (plainText: string) => Buffer.concat([Buffer.from(marker), scramble(Buffer.from(plainText, 'utf8'))]),
    decryptStringAsync: async (encrypted: Buffer) => {
      if (encrypted.subarray(0, marker.length).toString() !== marker) throw new Error(`cannot decrypt ${encrypted.toString('hex')}`);
      return { result: scramble(encrypted.subarray(marker.length)).toString('utf8'), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: vi.fn(() => storage.backend),
  };
  return storage satisfies SafeStorageLike;
}

let folder = '';
let file = '';
let warnings: string[] = [];

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'werkbank-vault-'));
  file = path.join(folder, 'userData', 'secrets.json');
  warnings = [];
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function vault(safeStorage: SafeStorageLike = fakeSafeStorage(), options: { platform?: string; fs?: VaultFileSystem } = {}) {
  return createSecretVault({
    file, safeStorage, platform: options.platform ?? 'linux', warn: (message) => warnings.push(message),
    ...(options.fs ? { fs: options.fs } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<SecretVaultError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SecretVaultError);
  return error as SecretVaultError;
}

describe('the secret vault', () => {
  it('round-trips a value, encrypted on disk, readable only by the owner, and deletes it', async () => {
    const store = vault();
    expect(await store.read('central-api.tokens')).toBeNull();
    await store.write('central-api.tokens', secret);
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('tok-ACCESS');
    expect(onDisk).not.toContain('tok-REFRESH');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // A new vault on the same file (the next start) reads it back.
    expect(await vault().read('central-api.tokens')).toBe(secret);
    await store.delete('central-api.tokens');
    expect(await vault().read('central-api.tokens')).toBeNull();
    expect(readFileSync(file, 'utf8')).not.toContain('v10');
    expect(readdirSync(path.dirname(file))).toEqual(['secrets.json']);
  });

  it('keeps other keys when one is written or deleted, also when requests overlap', async () => {
    const store = vault();
    await Promise.all([store.write('a', 'one'), store.write('b', 'two'), store.write('c', 'three')]);
    expect(await Promise.all(['a', 'b', 'c'].map((key) => store.read(key)))).toEqual(['one', 'two', 'three']);
    await Promise.all([store.delete('b'), store.write('a', 'uno'), store.write('d', 'four')]);
    expect(await store.read('d')).toBe('four');
    expect(await store.read('a')).toBe('uno');
    expect(await store.read('b')).toBeNull();
    expect(await store.read('c')).toBe('three');
  });

  it('writes through a fresh 0600 temporary file that is renamed over the vault', async () => {
    const steps: string[] = [];
    const recording: VaultFileSystem = {
      readFile: (target, encoding) => fs.readFile(target, encoding),
      mkdir: (target, options) => fs.mkdir(target, options),
      open: async (target, flags, mode) => {
        steps.push(`open ${path.basename(target) === 'secrets.json' ? 'vault' : 'temporary'} ${flags} ${mode.toString(8)}`);
        const handle = await fs.open(target, flags, mode);
        return {
          writeFile: (data, encoding) => handle.writeFile(data, encoding),
          sync: async () => {
            steps.push('sync');
            await handle.sync();
          },
          close: () => handle.close(),
        };
      },
      rename: async (from, to) => {
        steps.push(`rename ${path.dirname(from) === path.dirname(to) && from !== to ? 'temporary→vault' : 'elsewhere'}`);
        await fs.rename(from, to);
      },
      rm: (target, options) => fs.rm(target, options),
    };
    await vault(fakeSafeStorage(), { fs: recording }).write('k', 'value');
    expect(steps).toEqual(['open temporary wx 600', 'sync', 'rename temporary→vault']);
  });

  it('leaves the previous file intact and no temporary file behind when the write fails', async () => {
    const store = vault();
    await store.write('k', 'old-value');
    const before = readFileSync(file, 'utf8');
    const breaking: VaultFileSystem = { ...fs, rename: async () => { throw new Error(`EIO renaming ${file}`); } };
    const error = await failure(vault(fakeSafeStorage(), { fs: breaking }).write('k', 'new-secret-value'));
    expect(error.code).toBe('storage');
    expect(error.message).not.toContain('new-secret-value');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(['secrets.json']);
    expect(await store.read('k')).toBe('old-value');
  });

  it('refuses to read or write when encryption is unavailable, and writes nothing', async () => {
    const safeStorage = fakeSafeStorage({ available: false });
    const store = vault(safeStorage);
    expect((await failure(store.write('k', secret))).code).toBe('unavailable');
    expect((await failure(store.read('k'))).code).toBe('unavailable');
    expect(() => statSync(file)).toThrow();
  });

  it('refuses the plain-text fallback on Linux (basic_text), and an unknown backend', async () => {
    for (const backend of ['basic_text', 'unknown']) {
      const store = vault(fakeSafeStorage({ backend }));
      const error = await failure(store.write('k', secret));
      expect(error.code).toBe('unavailable');
      expect(error.message).toContain(backend);
      expect((await failure(store.read('k'))).code).toBe('unavailable');
    }
    expect(() => statSync(file)).toThrow();
  });

  it('asks for the storage backend only on Linux', async () => {
    const safeStorage = fakeSafeStorage({ backend: 'basic_text' });
    await vault(safeStorage, { platform: 'darwin' }).write('k', 'value');
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
    expect(await vault(safeStorage, { platform: 'win32' }).read('k')).toBe('value');
  });

  it('still deletes when encryption is unavailable, so sign-out always reaches the file', async () => {
    await vault().write('k', secret);
    await vault(fakeSafeStorage({ available: false })).delete('k');
    expect(await vault().read('k')).toBeNull();
    expect(readFileSync(file, 'utf8')).not.toContain('v10');
  });

  it('treats a damaged file as empty, and the next sign-in replaces it', async () => {
    for (const damage of ['{"version":1,"entries":[{"key"', '{"version":2,"entries":[]}', '\u0000\u0001garbage', '[]']) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      writeFileSync(file, damage);
      const store = vault();
      expect(await store.read('k')).toBeNull();
      await store.write('k', 'fresh');
      expect(await store.read('k')).toBe('fresh');
    }
    expect(warnings.some((line) => line.includes('damaged'))).toBe(true);
  });

  it('treats an entry it cannot decrypt (another keyring, a damaged value) as absent', async () => {
    await vault(fakeSafeStorage({ marker: 'v11' })).write('other-keyring', secret);
    const store = vault();
    expect(await store.read('other-keyring')).toBeNull();
    const text = JSON.parse(readFileSync(file, 'utf8')) as { version: 1; entries: { key: string; value: string }[] };
    text.entries.push({ key: 'not-base64', value: '%%%' });
    writeFileSync(file, JSON.stringify(text));
    expect(await store.read('not-base64')).toBeNull();
  });

  it('never puts a value in a warning or an error', async () => {
    const refused = vault(fakeSafeStorage({ backend: 'basic_text' }));
    const errors = [
      await failure(refused.write('k', secret)),
      await failure(vault(fakeSafeStorage(), { fs: { ...fs, open: async () => { throw new Error(`EACCES ${secret}`); } } }).write('k', secret)),
    ];
    await vault().write('k', secret);
    // An entry from another keyring: the fake's decrypt error even quotes the ciphertext.
    await vault(fakeSafeStorage({ marker: 'v11' })).read('k');
    const texts = [...warnings, ...errors.map((error) => `${error.message} ${String(error.stack)}`)];
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) {
      expect(text).not.toContain('tok-');
      expect(text).not.toMatch(/[0-9a-f]{16}/);
    }
  });
});
