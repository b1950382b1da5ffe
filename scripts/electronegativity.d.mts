/** Types of scripts/electronegativity.mjs, for the unit tests that import it. */
export interface Finding {
  id: string;
  file: string;
  location?: { line: number; column: number };
  description?: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  why: string;
}
export declare const scannedFolders: readonly { from: string; as: string }[];
export declare const scannedPages: readonly { from: string; as: string }[];
export declare function findingKey(issue: Finding): { check: string; file: string };
export declare function classifyFindings(
  issues: Finding[],
  allowList: AllowEntry[],
): { explained: { issue: Finding; why: string }[]; unexplained: Finding[]; stale: AllowEntry[] };
export declare function validateAllowList(parsed: unknown): AllowEntry[];
