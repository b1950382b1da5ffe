/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is signed
 * (SECURITY.md, Electron shell). Off: running as plain Node, NODE_OPTIONS, --inspect arguments,
 * file:// privileges. On: cookie encryption, ASAR integrity validation, loading the app only from
 * the ASAR archive.
 */
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** The fuse settings of every Werkbank build. */
export function werkbankFuses(platform) {
  return {
    version: FuseVersion.V1,
    // Flipping fuses invalidates the ad-hoc signature of a macOS build; the real signature follows.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The path of the Electron binary (or .app bundle) inside electron-builder's output folder. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, packager.executableName ?? productFilename);
}

/** The hook electron-builder calls after packing each platform and architecture. */
export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, werkbankFuses(context.electronPlatformName));
  console.info(`after-pack: fuses flipped in ${path.basename(binary)}`);
}
