import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { misspell } from '../../../src/server/training/case-documents';
import { passportMrz } from '../../../src/server/training/identifiers';
import { birthCertificate, employmentContract, passportDocument, type PersonShown } from '../../../src/server/training/pdf/documents';
import { formatEuro } from '../../../src/server/training/pdf/format';
import { scannedPage } from '../../../src/server/training/pdf/scan';
import { bankStatements, brokenDocument, countryReport } from '../../../src/server/training/pdf/templates';
import { PageBuilder, writePdf } from '../../../src/server/training/pdf/writer';
import { Random } from '../../../src/server/training/random';
import { pdfJsError, pdfLibPages, pdfinfoPages, pdfinfoPath, readWithPdfJs } from './pdf-reading';

const person: PersonShown = {
  givenNames: 'Zeynep', surname: 'Öztürk', sex: 'F', birthDate: '1991-02-28', birthPlace: 'İzmir'.replace('İ', 'I'),
  nationalityCode: 'TUR', nationalityName: 'Turkish', countryName: 'Turkey',
};
const folder = mkdtempSync(join(tmpdir(), 'werkbank-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the PDF writer', () => {
  it('writes text, boxes and images that pdf.js and pdf-lib read back', async () => {
    const image = scannedPage([{ text: 'SCANNED', scale: 3 }], new Random(1));
    const pages = [
      new PageBuilder().text(50, 780, 'Naam: Zoë Müller (€ 1.234,56)', 12).rectangle(50, 600, 100, 100, 0.8).line(50, 590, 300, 590),
      new PageBuilder().image(image, 0, 0, 595, 842),
      new PageBuilder().image(image, 0, 0, 595, 842),
    ];
    const bytes = writePdf(pages, { title: 'Test', created: '2026-01-02' });
    const read = await readWithPdfJs(bytes, true);
    expect(read.pageCount).toBe(3);
    expect(read.text).toContain('Naam: Zoë Müller (€ 1.234,56)');
    const reparsed = await PDFDocument.load(bytes);
    expect(reparsed.getPageCount()).toBe(3);
    // The image used on two pages is stored once.
    expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
  });

  it('is deterministic: the same pages give the same bytes', () => {
    const make = () => writePdf([new PageBuilder().text(10, 10, 'same')], { title: 'Same', created: '2026-01-01' });
    expect(make().equals(make())).toBe(true);
  });
});

describe('per-case documents', () => {
  it('a passport data page is marked SPECIMEN and carries the MRZ computed from the data', async () => {
    const bytes = passportDocument({ ...person, documentNumber: 'U12345678', issuedOn: '2020-05-01', expiresOn: '2030-05-01', issuingCountry: 'Turkey' }).bytes;
    const { text } = await readWithPdfJs(bytes, true);
    const [first, second] = passportMrz({
      issuingState: 'TUR', surname: person.surname, givenNames: person.givenNames, documentNumber: 'U12345678', nationality: 'TUR',
      birthDate: person.birthDate, sex: 'F', expiryDate: '2030-05-01',
    });
    expect(text).toContain('SPECIMEN');
    expect(text).toContain('ÖZTÜRK');
    expect(text).toContain(first);
    expect(text).toContain(second);
    expect(first.startsWith('P<TUROEZTUERK<<ZEYNEP')).toBe(true);
  });

  it('an employment contract states the salary it is given', async () => {
    const bytes = employmentContract({
      employee: person, employerName: 'Polderlicht Technologies B.V.', employerCity: 'Eindhoven', jobTitle: 'Data Scientist',
      startDate: '2026-01-01', monthlySalaryCents: 612_345, signedOn: '2025-12-01',
    }).bytes;
    const { text, pageCount } = await readWithPdfJs(bytes, true);
    expect(pageCount).toBe(2);
    expect(text).toContain(`Gross monthly salary: ${formatEuro(612_345)}`);
    expect(formatEuro(612_345)).toBe('€ 6.123,45');
    expect(formatEuro(-19_000)).toBe('€ -190,00');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(text).toContain('Name: Zeynep Öztürk');
  });

  it('a scanned birth certificate has no text layer', async () => {
    const document = birthCertificate({ person, fatherName: 'Mehmet Öztürk', motherName: 'Ayşe Kaya', registeredOn: '1991-03-05', scanned: true, random: new Random(5) });
    expect(document.imageOnlyPages).toBe(1);
    const { text, pageCount } = await readWithPdfJs(document.bytes, true);
    expect(pageCount).toBe(1);
    expect(text.trim()).toBe('');
  });

  it('a misspelt surname differs from the real one but keeps its letters', () => {
    const random = new Random(9);
    for (const surname of ['Kapoor', 'Öztürk', 'Tesfamariam', 'Li', 'Wu']) {
      const misspelt = misspell(surname, random);
      expect(misspelt).not.toBe(surname);
      expect([...misspelt].sort().join('').replace(/(.)\1/g, '$1')).toBe([...surname].sort().join('').replace(/(.)\1/g, '$1'));
    }
  });
});

describe('shared templates', () => {
  it('a country report has the page count it promises, up to 300', async () => {
    const document = countryReport('Syrian', 300, '2025-06-01');
    expect(document.pageCount).toBe(300);
    expect((await readWithPdfJs(document.bytes)).pageCount).toBe(300);
  });

  it('scanned bank statements are image-only pages', async () => {
    const document = bankStatements(1, 4, '2025-06-01');
    expect(document.imageOnlyPages).toBe(4);
    const { text, pageCount } = await readWithPdfJs(document.bytes, true);
    expect(pageCount).toBe(4);
    expect(text.trim()).toBe('');
  });
});

describe('deliberately broken files', () => {
  it.each([0, 2, 4])('a truncated file (variant %i) fails in pdf.js and pdf-lib', async (variant) => {
    const { bytes } = brokenDocument(variant, 'truncated', '2025-06-01');
    expect(await pdfJsError(bytes)).toBe('InvalidPDFException');
    // pdf-lib is lenient and may parse the fragment, but never finds the lost page tree.
    expect(await pdfLibPages(bytes)).toBeNull();
  });

  it.each([1, 3, 5])('an encrypted file (variant %i) asks for a password in pdf.js and pdf-lib', async (variant) => {
    const { bytes } = brokenDocument(variant, 'encrypted', '2025-06-01');
    expect(await pdfJsError(bytes)).toBe('PasswordException');
    await expect(PDFDocument.load(bytes)).rejects.toThrow(/encrypted/);
  });

  it.skipIf(!pdfinfoPath)('poppler opens the good files and refuses the broken ones (skipped without poppler-utils)', () => {
    const good = join(folder, 'good.pdf');
    writeFileSync(good, countryReport('Eritrean', 12, '2025-06-01').bytes);
    expect(pdfinfoPages(good)).toBe(12);
    const truncated = join(folder, 'truncated.pdf');
    writeFileSync(truncated, brokenDocument(0, 'truncated', '2025-06-01').bytes);
    expect(typeof pdfinfoPages(truncated)).toBe('string');
    const encrypted = join(folder, 'encrypted.pdf');
    writeFileSync(encrypted, brokenDocument(1, 'encrypted', '2025-06-01').bytes);
    expect(String(pdfinfoPages(encrypted))).toMatch(/password/i);
  });
});
