import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFindings, validateAllowList, type AllowEntry } from '../../../scripts/electronegativity.mjs';

const why = 'An explanation that is long enough to say something real about the finding.';

describe('the Electronegativity gate', () => {
  const allowList: AllowEntry[] = [
    { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/security.ts', why },
    { check: 'CSP_GLOBAL_CHECK', file: 'N/A', why },
  ];

  it('explains findings that match an entry by check and file', () => {
    const result = classifyFindings(
      [{ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/security.ts' }, { id: 'CSP_GLOBAL_CHECK', file: 'N/A' }],
      allowList,
    );
    expect(result.explained).toHaveLength(2);
    expect(result.unexplained).toEqual([]);
    expect(result.stale).toEqual([]);
  });

  it('flags a finding of the same check in another file as unexplained', () => {
    const result = classifyFindings([{ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'preload/index.ts' }, { id: 'CSP_GLOBAL_CHECK', file: 'N/A' }], allowList);
    expect(result.unexplained.map((issue) => issue.file)).toEqual(['preload/index.ts']);
    expect(result.stale.map((entry) => entry.file)).toEqual(['main/security.ts']);
  });

  it('flags entries that no longer match anything, so the list cannot grow stale', () => {
    expect(classifyFindings([], allowList).stale).toHaveLength(2);
  });

  it('refuses entries without a real explanation', () => {
    expect(() => validateAllowList({})).toThrow(/"allowed" array/);
    expect(() => validateAllowList({ allowed: [{ check: 'X', file: 'main/a.ts' }] })).toThrow(/"why"/);
    expect(() => validateAllowList({ allowed: [{ check: 'X', file: 'main/a.ts', why: 'ok' }] })).toThrow(/really explain/);
  });

  it('the project allow-list is valid and small', async () => {
    const text = await readFile(path.join(import.meta.dirname, '..', '..', '..', 'electronegativity.allow.json'), 'utf8');
    const entries = validateAllowList(JSON.parse(text));
    expect(entries.length).toBeLessThanOrEqual(8);
  });
});
