import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toClassicWorkerSource } from '../../../src/renderer/viewer/classic-worker';
import { classifyOpenError } from '../../../src/renderer/viewer/errors';

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('classifying open errors', () => {
  it('refuses password-protected files as encrypted, never asking for a password', () => {
    expect(classifyOpenError(named('PasswordException', 'No password given'))).toBe('encrypted');
  });

  it('tells empty files from broken ones', () => {
    expect(classifyOpenError(named('InvalidPDFException', 'The PDF file is empty, i.e. its size is zero bytes.'))).toBe('empty');
    expect(classifyOpenError(named('InvalidPDFException', 'Invalid PDF structure.'))).toBe('malformed');
    expect(classifyOpenError(named('UnknownErrorException', 'Bad XRef entry'))).toBe('malformed');
    expect(classifyOpenError(new Error('Invalid XRef stream header'))).toBe('malformed');
  });

  it('falls back to unknown for anything else, including values that are not errors', () => {
    expect(classifyOpenError(new Error('out of memory'))).toBe('unknown');
    expect(classifyOpenError(undefined)).toBe('unknown');
    expect(classifyOpenError({ name: 42 })).toBe('unknown');
  });
});

describe("pdf.js's worker as a classic script", () => {
  it('rewrites the shipped worker module into a script that parses as a classic script', () => {
    const moduleSource = readFileSync(join(__dirname, '..', '..', '..', 'node_modules', 'pdfjs-dist', 'build', 'pdf.worker.min.mjs'), 'utf8');
    expect(() => new Script(moduleSource)).toThrow();
    const classic = toClassicWorkerSource(moduleSource);
    expect(classic).not.toBeNull();
    expect(() => new Script(classic ?? '')).not.toThrow();
    expect(classic).toContain('WorkerMessageHandler');
  });

  it('refuses module syntax it cannot rewrite', () => {
    expect(toClassicWorkerSource('import x from "./y.js"; x();')).toBeNull();
    expect(toClassicWorkerSource('const a = 1; export default a;')).toBeNull();
    expect(toClassicWorkerSource('const a = 1; export { a };')).toBe('const a = 1; ');
  });
});
