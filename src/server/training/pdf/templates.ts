/**
 * Shared documents: made from a bounded set of (kind, variant) templates, so the same bytes recur
 * across cases and are stored once by hash. These are the long ones (up to 300 pages), the scanned
 * bundles and the deliberately broken files; none names the applicant, so sharing them is honest.
 */
import { Random } from '../random';
import { type BuiltDocument } from './documents';
import { scannedPage } from './scan';
import { PageBuilder, writePdf } from './writer';

const reportSentences = [
  'This report describes the general security situation and the position of specific groups, as far as known to the authors.',
  'Sources include reports by international organisations, non-governmental organisations, media and confidential sources.',
  'The situation differs considerably between regions; the report distinguishes between areas under different control.',
  'Returnees may face questioning on arrival; the extent depends on their profile and the period of absence.',
  'Documents issued by local authorities vary in form; forgery and fraudulent issuance have been reported.',
  'Access to health care, housing and employment is limited, in particular for internally displaced persons.',
  'Women and children without a male family network are in a vulnerable position according to several sources.',
  'Members of minority groups report discrimination in access to public services and the labour market.',
];

/** A country of origin report (algemeen ambtsbericht) of 120 to 300 pages: text on every page. */
export function countryReport(countryName: string, pageCount: number, created: string): BuiltDocument {
  const pages: PageBuilder[] = [];
  for (let number = 1; number <= pageCount; number += 1) {
    const page = new PageBuilder();
    if (number === 1) {
      page.text(50, 700, 'Algemeen ambtsbericht', 24, 'sansBold');
      page.text(50, 670, countryName, 18, 'sans');
      page.text(50, 640, 'Training copy - fictional content for the Werkbank training environment', 10);
    } else {
      page.text(50, 800, `${countryName} - section ${Math.ceil(number / 12)}`, 11, 'sansBold');
      let y = 776;
      for (let line = 0; line < 6; line += 1) {
        y = page.paragraph(50, y, reportSentences[(number + line) % reportSentences.length] ?? '') - 8;
      }
    }
    page.text(280, 30, `${number} / ${pageCount}`, 8);
    pages.push(page);
  }
  return { bytes: writePdf(pages, { title: `Algemeen ambtsbericht ${countryName}`, created }), pageCount, imageOnlyPages: 0 };
}

/** Scanned bank statements: image-only pages (no text layer), one variant of a bounded set. */
export function bankStatements(variant: number, pageCount: number, created: string): BuiltDocument {
  const random = Random.derive(variant, 'bank-statements');
  const pages: PageBuilder[] = [];
  for (let number = 1; number <= pageCount; number += 1) {
    const lines = [
      { text: 'BANK STATEMENT', scale: 3 }, { text: `PAGE ${number} OF ${pageCount}`, scale: 2 }, { text: '' },
      ...Array.from({ length: 24 }, (_, row) => ({
        text: `${String(row + 1).padStart(2, '0')}-${String((number % 12) + 1).padStart(2, '0')}  TRANSFER ${random.int(1000, 9999)}   EUR ${random.int(10, 2500)},${String(random.int(0, 99)).padStart(2, '0')}`,
        scale: 2,
      })),
    ];
    pages.push(new PageBuilder().image(scannedPage(lines, random), 0, 0, 595, 842));
  }
  return { bytes: writePdf(pages, { title: 'Bank statements (scan)', created }), pageCount, imageOnlyPages: pageCount };
}

/** A bundle of supporting documents with text pages and a scanned cover. */
export function supportingDocuments(variant: number, pageCount: number, created: string): BuiltDocument {
  const random = Random.derive(variant, 'supporting-documents');
  const cover = new PageBuilder().image(scannedPage([{ text: 'SUPPORTING DOCUMENTS', scale: 3 }, { text: `BUNDLE ${variant + 1}`, scale: 2 }], random), 0, 0, 595, 842);
  const pages = [cover];
  for (let number = 2; number <= pageCount; number += 1) {
    const page = new PageBuilder();
    page.text(50, 800, `Supporting document ${number - 1}`, 12, 'sansBold');
    page.paragraph(50, 776, reportSentences[(variant + number) % reportSentences.length] ?? '');
    pages.push(page);
  }
  return { bytes: writePdf(pages, { title: 'Supporting documents', created }), pageCount, imageOnlyPages: 1 };
}

/** A damaged upload: a document cut off part-way (catalog and page tree lost) or encrypted with an unknown password. */
export function brokenDocument(variant: number, damage: 'truncated' | 'encrypted', created: string): BuiltDocument {
  const page = new PageBuilder();
  page.text(50, 790, 'Uploaded document', 14, 'sansBold');
  page.paragraph(50, 760, reportSentences[variant % reportSentences.length] ?? '');
  const pages = [page, new PageBuilder().text(50, 790, 'Page 2', 12)];
  if (damage === 'encrypted') {
    const id = Random.derive(variant, 'encrypted').digits(32);
    return { bytes: writePdf(pages, { title: 'Protected upload', created }, { encryptWithId: id }), pageCount: pages.length, imageOnlyPages: 0 };
  }
  const whole = writePdf(pages, { title: 'Upload', created });
  // Cut before the page tree and catalog, which the writer puts last.
  const pageTree = whole.indexOf('\n5 0 obj');
  const cut = Math.min(Math.floor(whole.length * (0.4 + (variant % 3) * 0.1)), pageTree);
  return { bytes: whole.subarray(0, cut), pageCount: pages.length, imageOnlyPages: 0 };
}
