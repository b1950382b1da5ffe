import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import afterPack, { electronBinaryPath, werkbankFuses } from '../../../build/after-pack.mjs';

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
let outDir: string;

/** A stand-in Electron binary: a fuse wire (version 1, nine fuses) between bytes of padding. */
function fakeElectronBinary(): Buffer {
  // Electron's defaults: run-as-node, node options and inspect on; integrity and asar-only off.
  const wire = Buffer.from('101100111', 'ascii');
  return Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(sentinel, 'ascii'), Buffer.from([1, wire.length]), wire, Buffer.alloc(4096, 7)]);
}

beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'werkbank-fuses-'));
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the afterPack fuses hook', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect arguments, and turns on ASAR integrity and asar-only loading', async () => {
    const binary = path.join(outDir, 'werkbank');
    await writeFile(binary, fakeElectronBinary());
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await afterPack({ appOutDir: outDir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Werkbank' }, executableName: 'werkbank' } });
    info.mockRestore();
    const wire = await getCurrentFuseWire(binary);
    const on = '1'.charCodeAt(0);
    const off = '0'.charCodeAt(0);
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    // Only the wire changed: the binary keeps its size.
    expect((await readFile(binary)).length).toBe(fakeElectronBinary().length);
  });

  it('finds the binary per platform', () => {
    const packager = { appInfo: { productFilename: 'Werkbank' }, executableName: 'werkbank' };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(path.join('/o', 'Werkbank.exe'));
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(path.join('/o', 'Werkbank.app'));
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(path.join('/o', 'werkbank'));
  });

  it('resets the ad-hoc signature only for macOS builds', () => {
    expect(werkbankFuses('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(werkbankFuses('win32').resetAdHocDarwinSignature).toBe(false);
  });
});
