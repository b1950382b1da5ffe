/**
 * The damaged-uploads scenario: every dataset, however small (the e2e suite's 40 cases), holds a
 * case of the demo caseworker with one truncated and one password-protected upload beside readable
 * documents, so the case screen's handling of unreadable files can be shown and tested.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatasetCase, type DatasetManifest } from '../../../src/server/training/dataset';
import { defaultToday, generateDataset } from '../../../src/server/training/generate';
import { demoUsernames } from '../../../src/server/training/staff';
import { pdfJsError, readWithPdfJs } from './pdf-reading';

const folder = mkdtempSync(join(tmpdir(), 'werkbank-scenarios-'));
let manifest: DatasetManifest;
let cases: DatasetCase[];

beforeAll(() => {
  // What the e2e fixture's training preview generates: seed 1, 40 cases, the default today.
  manifest = generateDataset({ seed: 1, caseCount: 40, outputFolder: folder, today: defaultToday }).manifest;
  cases = readFileSync(join(folder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const blob = (sha256: string) => readFileSync(join(folder, 'blobs', `${sha256}.pdf`));

describe('damaged uploads', () => {
  it('is an open case of the demo caseworker, listed as a scenario', () => {
    const kase = cases.find((candidate) => candidate.scenario === 'damaged-uploads');
    expect(kase).toBeDefined();
    expect(manifest.scenarios.find((scenario) => scenario.id === 'damaged-uploads')?.caseIds).toEqual([kase?.id]);
    expect(kase).toMatchObject({ assignee: demoUsernames.caseworker, status: 'in_progress', decision: null });
    expect(manifest.summary.brokenDocuments).toBeGreaterThanOrEqual(2);
  });

  it('holds one truncated and one encrypted upload that pdf.js refuses, and readable documents beside them', async () => {
    const kase = cases.find((candidate) => candidate.scenario === 'damaged-uploads');
    if (!kase) throw new Error('no damaged-uploads case');
    const broken = kase.documents.filter((document) => document.broken);
    expect(broken.map((document) => [document.broken, document.title])).toEqual([
      ['truncated', 'Upload (onvolledig)'],
      ['encrypted', 'Upload (beveiligd)'],
    ]);
    const [truncated, encrypted] = broken;
    if (!truncated || !encrypted) throw new Error('missing damaged uploads');
    expect(await pdfJsError(blob(truncated.sha256))).toBe('InvalidPDFException');
    expect(await pdfJsError(blob(encrypted.sha256))).toBe('PasswordException');

    const readable = kase.documents.filter((document) => !document.broken);
    expect(readable.map((document) => document.kind)).toContain('passport');
    for (const document of readable) expect((await readWithPdfJs(blob(document.sha256))).pageCount).toBe(document.pageCount);
    // The passport agrees with the application, so a field can be verified against it.
    const passport = readable.find((document) => document.kind === 'passport');
    const surname = kase.parties.find((party) => party.role === 'applicant')?.surname ?? '';
    expect((await readWithPdfJs(blob(passport?.sha256 ?? ''), true)).text).toContain(surname.toUpperCase());
  });
});
