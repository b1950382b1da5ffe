/** Types of scripts/native-electron.mjs, for the unit tests that import it. */
export declare const bindingFileName: string;
export declare const headersUrl: string;
export declare const sourceEntries: readonly string[];
export declare function nativeFolderName(electronVersion: string, platform: string, arch: string): string;
export declare function bindingPath(root: string, electronVersion: string, platform: string, arch: string): string;
export declare function packagedBindingPath(root: string): string;
export declare function rebuildArguments(electronVersion: string, arch: string): string[];
export declare function buildEnvironment(environment: Readonly<Record<string, string | undefined>>): Record<string, string>;
export declare function installedElectronVersion(root: string): Promise<string>;
export type RunCommand = (command: string, args: string[], options: { cwd: string; env: Record<string, string> }) => Promise<number>;
export declare function runCommand(...args: Parameters<RunCommand>): ReturnType<RunCommand>;
export declare class NativeBuildError extends Error {}
export interface EnsureOptions {
  root: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
  environment?: Readonly<Record<string, string | undefined>>;
  run?: RunCommand;
  temporaryRoot?: string;
  log?: (message: string) => void;
}
export declare function ensureElectronBinding(options: EnsureOptions): Promise<{ status: 'present' | 'built'; path: string }>;
export declare function failureAdvice(electronVersion: string, reason: string): string;
