/**
 * The evidence assistant against the training dataset: every planted mismatch (expectedFindings) is
 * flagged on its document, and nothing of that kind is flagged in a case without one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistEvidence } from '../../../src/shared/domain';
import { type DatasetCase } from '../../../src/server/training/dataset';
import { generateDataset } from '../../../src/server/training/generate';
import { applicationOf } from '../../../src/server/training/load';
import '../../unit/training/pdf-reading';

const root = mkdtempSync(join(tmpdir(), 'werkbank-assistant-'));
let cases: DatasetCase[];

/** The text of each page, as the viewer frame's pdf.js gives it. */
async function pagesOf(sha256: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(readFileSync(join(root, 'blobs', `${sha256}.pdf`))), verbosity: 0 });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''));
    }
    return pages;
  } catch {
    return [];
  } finally {
    await task.destroy();
  }
}

beforeAll(() => {
  generateDataset({ seed: 11, caseCount: 200, outputFolder: root, today: '2026-03-16' });
  cases = readFileSync(join(root, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('evidence assistant on the training dataset', () => {
  it('flags every planted mismatch and no other name or threshold finding', async () => {
    let planted = 0;
    for (const kase of cases) {
      const documents = [];
      for (const document of kase.documents) {
        // Shared templates (country reports, bank statements) name nobody: not read, as the app skips nothing but they never match.
        if (!document.perCase) continue;
        documents.push({ documentId: document.id, kind: document.kind, pages: await pagesOf(document.sha256) });
      }
      const { findings } = assistEvidence({ caseType: kase.caseType, receivedOn: kase.receivedOn, application: applicationOf(kase), documents });
      for (const expected of kase.expectedFindings) {
        planted += 1;
        expect(findings.some((found) => found.kind === expected.kind && found.documentId === expected.documentId), `${kase.caseNumber} ${expected.kind}`).toBe(true);
        if (expected.kind === 'name_mismatch') {
          expect(findings).toContainEqual(expect.objectContaining({ kind: 'name_mismatch', documentId: expected.documentId, found: expected.found }));
        }
      }
      const plantedKinds = new Set(kase.expectedFindings.map((finding) => finding.kind));
      for (const found of findings) {
        if (found.kind === 'salary_differs') expect(plantedKinds.has('salary_below_threshold'), kase.caseNumber).toBe(true);
        else expect(plantedKinds.has(found.kind), `${kase.caseNumber} ${found.kind} ${JSON.stringify(found)}`).toBe(true);
      }
    }
    expect(planted).toBeGreaterThan(5);
  }, 180_000);
});
