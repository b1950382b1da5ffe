/**
 * npm run bench:letters — (1) rendering the three-page sample letter (tests/helpers/sample-letter.ts)
 * as a tagged PDF/A-2a file.
 *
 * Prints one JSON object per line: {"bench", "metric", "value", "unit", "floor"}. The floor is
 * PDFKit writing the same text in the same fonts in the same run, without tagging, PDF/A, the
 * letterhead or any layout decision: what the renderer adds on top of PDFKit itself. Each figure is
 * the 95th percentile of BENCH_LETTER_RUNS (default 30) renders after a warm-up, both sides
 * interleaved so a slow moment of the machine hits both alike.
 *
 * (2) The editor in Chromium (letters-editor.ts): the preview after the last keystroke and typing in
 * a 10-page letter, on the built renderer. BENCH_LETTERS_SKIP_EDITOR=1 prints the render figures only.
 */
import PDFDocument from 'pdfkit';
import { collect, type LetterFonts, loadLetterFonts, registerLetterFonts, renderLetterPdf } from '../../src/render/letters/pdf';
import { paragraphRuns } from '../../src/shared/letters/document';
import { sampleLetter } from '../helpers/sample-letter';
import { measureEditor } from './letters-editor';
import { p95 } from './stats';

const runs = Number(process.env.BENCH_LETTER_RUNS ?? 30);
const warmup = 5;

/** The floor: every text of the letter, in order, in the same fonts and sizes, flowed by PDFKit. */
async function plainPdfKit(fonts: LetterFonts): Promise<Buffer> {
  const letter = sampleLetter();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 108, bottom: 86, left: 72, right: 163.28 }, font: '' });
  const done = collect(doc);
  // The same parsed fonts as the renderer's: the floor is PDFKit's own work, not parsing the font files again.
  registerLetterFonts(doc, fonts, { regular: 'r', bold: 'b' });
  doc.font('r').fontSize(10);
  const texts = [
    letter.addressee.name, ...letter.addressee.addressLines, letter.references.caseNumber,
    letter.references.ourReference, letter.subject,
  ];
  for (const text of texts) doc.text(text, { width: 360 });
  for (const block of letter.blocks) {
    const parts = block.type === 'heading' ? [{ text: block.text, bold: true }] : paragraphRuns(block.text);
    parts.forEach((part, index) => doc.font(part.bold ? 'b' : 'r').text(part.text, { width: 360, lineGap: 2.8, continued: index < parts.length - 1 }));
  }
  for (const text of [letter.signature.closing, letter.signature.name, ...letter.signature.lines]) doc.text(text, { width: 360 });
  doc.end();
  return done;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const fonts = await loadLetterFonts();
  const letter = sampleLetter();
  const first = await time(() => renderLetterPdf(letter, fonts));
  for (let index = 0; index < warmup; index += 1) {
    await renderLetterPdf(letter, fonts);
    await plainPdfKit(fonts);
  }
  const rendered: number[] = [];
  const floor: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    rendered.push(await time(() => renderLetterPdf(letter, fonts)));
    floor.push(await time(() => plainPdfKit(fonts)));
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(JSON.stringify({ bench: 'letters', metric: 'render_first_ms', value: round(first), unit: 'ms' }));
  const bytes = (await renderLetterPdf(letter, fonts)).length;
  console.log(JSON.stringify({ bench: 'letters', metric: 'render_3_pages_p95', value: round(p95(rendered)), unit: 'ms', floor: round(p95(floor)) }));
  console.log(JSON.stringify({ bench: 'letters', metric: 'pdf_bytes', value: bytes, unit: 'bytes', floor: (await plainPdfKit(fonts)).length }));
  if (process.env['BENCH_LETTERS_SKIP_EDITOR'] === '1') return;
  await measureEditor((metric, value, unit, floor) => {
    console.log(JSON.stringify({ bench: 'letters', metric, value: round(value), unit, ...(floor === undefined ? {} : { floor: round(floor) }) }));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
