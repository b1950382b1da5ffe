/** Types of scripts/test-tools.cjs, for the configs, benchmarks and tests that import it. */
type Environment = Readonly<Record<string, string | undefined>>;
export declare function onPath(name: string, environment?: Environment): string | null;
export declare function findChromium(environment?: Environment): string | null;
export interface TestTool {
  name: string;
  debianPackage: string;
  neededBy: string;
  find(environment: Environment): string | null;
}
export declare const testTools: readonly TestTool[];
export declare function ensureTestTools(options?: { environment?: Environment; install?: boolean; log?: (line: string) => void }):
  (TestTool & { hint: string })[];
