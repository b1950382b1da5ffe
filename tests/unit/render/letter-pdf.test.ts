import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { letterDocument } from '../../../src/shared/letters/document';
import { letterDocumentId, type LetterFonts, loadLetterFonts, renderLetterPdf } from '../../../src/render/letters/pdf';
import { sampleLetter } from '../../helpers/sample-letter';
import { tempDir } from '../../helpers/temp-dir';

/** qpdf and poppler-utils are system tools: a machine without them skips these checks and says so. */
function installed(tool: string): boolean {
  const found = spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;
  if (!found) console.warn(`letter-pdf: '${tool}' is not installed, its checks are skipped (apt-get install qpdf poppler-utils)`);
  return found;
}
const hasQpdf = installed('qpdf');
const hasPoppler = installed('pdfinfo') && installed('pdffonts') && installed('pdftotext');

function run(tool: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The metadata stream is written uncompressed (PDF/A wants it readable), so the packet is in the bytes. */
function xmp(pdf: Buffer): string {
  const text = pdf.toString('utf8');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end');
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start, end);
}

let fonts: LetterFonts;
let pdf: Buffer;
let file: string;
const folder = tempDir('werkbank-letter-pdf-');

beforeAll(async () => {
  fonts = await loadLetterFonts();
  pdf = await renderLetterPdf(sampleLetter(), fonts);
  file = join(folder.path, 'letter.pdf');
  writeFileSync(file, pdf);
});
afterAll(() => folder.remove());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('letter PDF', () => {
  it.skipIf(!hasQpdf)('passes qpdf --check', () => {
    const result = run('qpdf', ['--check', file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No syntax or stream encoding errors');
  });

  it.skipIf(!hasPoppler)('embeds every font it uses, none of the standard 14', () => {
    const rows = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      // name type… encoding emb sub uni object ID: "emb" is the fourth column from the end.
      const columns = row.trim().split(/\s+/);
      expect(columns.at(-5), row).toBe('yes');
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s/);
    }
  });

  it.skipIf(!hasPoppler)('is tagged and has three pages', () => {
    const info = run('pdfinfo', [file]).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^CreationDate:\s+Wed Mar 12 00:00:00 2025 UTC$/m);
  });

  it('declares PDF/A-2a in the XMP, with dates from the letter', () => {
    const packet = xmp(pdf);
    expect(packet).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(packet).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(packet).toContain('<xmp:CreateDate>2025-03-12T00:00:00Z</xmp:CreateDate>');
    expect(packet).toContain('<xmp:ModifyDate>2025-03-12T00:00:00Z</xmp:ModifyDate>');
    expect(pdf.toString('latin1')).toContain('/GTS_PDFA1');
  });

  it('takes the trailer /ID from the letter', () => {
    const hex = Buffer.from(letterDocumentId(letterDocument.parse(sampleLetter()), fonts)).toString('hex');
    expect(pdf.toString('latin1')).toContain(`/ID [<${hex}> <${hex}>]`);
  });

  it('gives the same bytes for the same letter, whatever the clock and the random numbers say', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T13:37:00Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.42);
    const again = await renderLetterPdf(sampleLetter(), fonts);
    expect(sha256(again)).toBe(sha256(pdf));
  });

  it('gives other bytes for another letter date, another ID too', async () => {
    const other = await renderLetterPdf(sampleLetter({ date: '2025-03-13' }), fonts);
    expect(sha256(other)).not.toBe(sha256(pdf));
    expect(xmp(other)).toContain('<xmp:CreateDate>2025-03-13T00:00:00Z</xmp:CreateDate>');
    const id = (bytes: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(bytes.toString('latin1'))?.[1];
    expect(id(other)).not.toBe(id(pdf));
  });

  it.skipIf(!hasPoppler)('numbers every page and keeps Dutch characters as text', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']).stdout;
    for (const page of ['pagina 1 van 3', 'pagina 2 van 3', 'pagina 3 van 3']) expect(text).toContain(page);
    for (const words of ['Ruïnelaan', 'de Vries-Çelik', '‘verblijf bij partner’', '“bewijs van inschrijving”', 'Personen –', 'collega’s', 'Naïeve', 'V-nummer', 'Zaaknummer', '12 maart 2025']) {
      expect(text).toContain(words);
    }
    // The amount stays on one line (a no-break space; Noto draws it with the space glyph, so it is extracted as a space).
    expect(text).toMatch(/€[ \u00a0]2\.184,60/);
  });

  it.skipIf(!hasPoppler)('prints the labels of an English letter in English', async () => {
    const english = join(folder.path, 'english.pdf');
    writeFileSync(english, await renderLetterPdf(sampleLetter({ language: 'en', subject: 'Decision on your application & “next steps”' }), fonts));
    const text = run('pdftotext', ['-enc', 'UTF-8', english, '-']).stdout;
    for (const words of ['page 1 of 3', 'Case number', 'Our reference', 'V-number', '12 March 2025', 'Decision on your application & “next steps”']) {
      expect(text).toContain(words);
    }
    expect(run('pdfinfo', [english]).stdout).toMatch(/^Title:\s+Decision on your application & “next steps”$/m);
    if (hasQpdf) expect(run('qpdf', ['--check', english]).status).toBe(0);
  });

  it('escapes the XMP, so a subject with & or < keeps the packet well-formed', async () => {
    const packet = xmp(await renderLetterPdf(sampleLetter({ subject: 'A & B <c>' }), fonts));
    expect(packet).toContain('A &amp; B &lt;c&gt;');
    expect(packet).not.toContain('A & B');
  });

  it('refuses a letter that is not valid before writing a byte', async () => {
    await expect(renderLetterPdf(sampleLetter({ subject: 'tab\there' }), fonts)).rejects.toThrow();
    const unbalanced = sampleLetter({ blocks: [{ type: 'paragraph', text: 'half **bold' }] });
    await expect(renderLetterPdf(unbalanced, fonts)).rejects.toThrow(/unbalanced/);
  });
});
