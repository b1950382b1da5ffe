/**
 * The per-case documents of the demo dataset. Each shows exactly the data it is given, so the
 * caller decides whether it agrees with the application or carries a deliberate mismatch (a
 * misspelt surname, a salary under the threshold) listed in the case's expectedFindings.
 */
import { passportMrz } from '../identifiers';
import { type Random } from '../random';
import { formatDateLong, formatEuro, formatMonth, formatPassportDate } from './format';
import { scannedPage, type ScanLine } from './scan';
import { PageBuilder, writePdf } from './writer';

/** A generated PDF and what the dataset records about it. */
export type BuiltDocument = { bytes: Buffer; pageCount: number; imageOnlyPages: number };

/** A person as a document shows them. */
export type PersonShown = {
  givenNames: string;
  surname: string;
  sex: 'F' | 'M';
  birthDate: string;
  birthPlace: string;
  nationalityCode: string;
  nationalityName: string;
  /** The country of the nationality, in English ("China"). */
  countryName: string;
};

function built(pages: PageBuilder[], title: string, created: string, imageOnlyPages = 0): BuiltDocument {
  return { bytes: writePdf(pages, { title, created }), pageCount: pages.length, imageOnlyPages };
}

function letterhead(page: PageBuilder, organisation: string, city: string): number {
  page.rectangle(0, 800, 595, 42, 0.93);
  page.text(50, 815, organisation, 14, 'sansBold');
  page.text(400, 815, city, 10);
  return 760;
}

/** A passport data page marked SPECIMEN: photo box, fields and an MRZ with correct check digits. */
export function passportDocument(person: PersonShown & { documentNumber: string; issuedOn: string; expiresOn: string; issuingCountry: string }): BuiltDocument {
  const page = new PageBuilder(500, 340);
  page.rectangle(10, 10, 480, 320);
  page.text(24, 305, `PASSPORT - ${person.issuingCountry.toUpperCase()}`, 13, 'sansBold');
  page.rectangle(24, 110, 110, 140, 0.85);
  page.text(56, 176, 'PHOTO', 12, 'sansBold');
  // Under the fields, so the fields stay legible, as on a real specimen.
  page.watermark(110, 120, 'SPECIMEN', 64, 25);
  const fields: [string, string][] = [
    ['Type / Code', `P   ${person.nationalityCode}`], ['Passport No.', person.documentNumber],
    ['Surname', person.surname.toUpperCase()], ['Given names', person.givenNames.toUpperCase()],
    ['Nationality', person.nationalityName.toUpperCase()], ['Date of birth', formatPassportDate(person.birthDate)],
    ['Sex', person.sex], ['Place of birth', person.birthPlace.toUpperCase()],
    ['Date of issue', formatPassportDate(person.issuedOn)], ['Date of expiry', formatPassportDate(person.expiresOn)],
  ];
  fields.forEach(([label, value], index) => {
    const y = 280 - index * 17;
    page.text(150, y, label, 6);
    page.text(150, y - 8, value, 9, 'sansBold');
  });
  const [first, second] = passportMrz({
    issuingState: person.nationalityCode, surname: person.surname, givenNames: person.givenNames,
    documentNumber: person.documentNumber, nationality: person.nationalityCode, birthDate: person.birthDate,
    sex: person.sex, expiryDate: person.expiresOn,
  });
  page.rectangle(14, 22, 472, 44, 0.97);
  page.text(24, 50, first, 10.5, 'mono');
  page.text(24, 32, second, 10.5, 'mono');
  return built([page], 'Passport data page (SPECIMEN)', person.issuedOn);
}

const contractArticles = [
  'The employee shall perform the duties belonging to the position in good faith and follow reasonable instructions of the employer.',
  'Working hours are 40 hours a week. Overtime is compensated in time or money as set out in the staff handbook.',
  'The employee is entitled to 25 days of paid leave a year in addition to Dutch public holidays.',
  'The employee participates in the pension scheme of the employer from the first day of employment.',
  'Either party may terminate this contract in writing with due observance of the statutory notice period.',
  'This contract is governed by Dutch law. The employer is a recognised sponsor with the IND.',
];

/** An employment contract (arbeidsovereenkomst) stating the gross monthly salary. */
export function employmentContract(input: {
  employee: PersonShown; employerName: string; employerCity: string; jobTitle: string; startDate: string; monthlySalaryCents: number; signedOn: string;
}): BuiltDocument {
  const first = new PageBuilder();
  let y = letterhead(first, input.employerName, input.employerCity);
  first.text(50, y, 'ARBEIDSOVEREENKOMST / EMPLOYMENT CONTRACT', 15, 'sansBold');
  y -= 34;
  y = first.paragraph(50, y, `The undersigned, ${input.employerName}, established in ${input.employerCity}, hereinafter "the employer", and`);
  y -= 6;
  first.text(70, y, `Name: ${input.employee.givenNames} ${input.employee.surname}`, 11, 'sansBold');
  first.text(70, y - 16, `Date of birth: ${formatDateLong(input.employee.birthDate, 'en')}`, 10);
  first.text(70, y - 30, `Nationality: ${input.employee.nationalityName}`, 10);
  y -= 54;
  y = first.paragraph(50, y, 'hereinafter "the employee", agree as follows.');
  y -= 10;
  first.text(50, y, 'Article 1 - Position and start', 11, 'sansBold');
  y = first.paragraph(50, y - 16, `The employee is employed as ${input.jobTitle} from ${formatDateLong(input.startDate, 'en')} for an indefinite period.`);
  y -= 10;
  first.text(50, y, 'Article 2 - Salary', 11, 'sansBold');
  first.text(50, y - 16, `Gross monthly salary: ${formatEuro(input.monthlySalaryCents)}`, 10, 'sansBold');
  first.paragraph(50, y - 32, 'excluding 8% holiday allowance, paid monthly in arrears into an account in the name of the employee.');
  const second = new PageBuilder();
  y = 790;
  contractArticles.forEach((text, index) => {
    second.text(50, y, `Article ${index + 3}`, 11, 'sansBold');
    y = second.paragraph(50, y - 16, text) - 10;
  });
  second.text(50, y - 20, `Signed in ${input.employerCity} on ${formatDateLong(input.signedOn, 'en')}`, 10);
  second.line(50, y - 80, 230, y - 80).line(320, y - 80, 500, y - 80);
  second.text(50, y - 94, 'For the employer', 9).text(320, y - 94, `${input.employee.givenNames} ${input.employee.surname}`, 9);
  return built([first, second], 'Employment contract', input.signedOn);
}

/** Three monthly payslips (loonstroken), one page each. */
export function payslips(input: { employee: PersonShown; employerName: string; employerCity: string; monthlySalaryCents: number; months: string[] }): BuiltDocument {
  const pages = input.months.map((month) => {
    const page = new PageBuilder();
    let y = letterhead(page, input.employerName, input.employerCity);
    page.text(50, y, `LOONSTROOK / PAYSLIP ${formatMonth(month, 'nl').toUpperCase()}`, 14, 'sansBold');
    y -= 30;
    page.text(50, y, `Werknemer / Employee: ${input.employee.givenNames} ${input.employee.surname}`, 10);
    page.text(50, y - 14, `Geboortedatum / Date of birth: ${formatDateLong(input.employee.birthDate, 'nl')}`, 10);
    y -= 50;
    const tax = Math.round(input.monthlySalaryCents * 0.37);
    const pension = Math.round(input.monthlySalaryCents * 0.05);
    const rows: [string, number][] = [
      ['Bruto salaris / Gross salary', input.monthlySalaryCents], ['Pensioenpremie / Pension', -pension],
      ['Loonheffing / Wage tax', -tax], ['Netto / Net pay', input.monthlySalaryCents - tax - pension],
    ];
    for (const [label, cents] of rows) {
      page.text(50, y, label, 10).text(380, y, formatEuro(cents), 10, label.startsWith('Netto') ? 'sansBold' : 'sans');
      y -= 18;
    }
    return page;
  });
  return built(pages, 'Payslips', input.months[input.months.length - 1] ?? '2026-01-01');
}

/** A birth certificate; scanned (image only, no text layer) when asked. */
export function birthCertificate(input: {
  person: PersonShown; fatherName: string; motherName: string; registeredOn: string; scanned: boolean; random: Random;
}): BuiltDocument {
  const lines: ScanLine[] = [
    { text: `BIRTH CERTIFICATE`, scale: 3 }, { text: `Country: ${input.person.countryName}`, scale: 2 }, { text: '' },
    { text: `Surname: ${input.person.surname}`, scale: 2 }, { text: `Given names: ${input.person.givenNames}`, scale: 2 },
    { text: `Sex: ${input.person.sex}`, scale: 2 }, { text: `Date of birth: ${input.person.birthDate}`, scale: 2 },
    { text: `Place of birth: ${input.person.birthPlace}`, scale: 2 }, { text: `Father: ${input.fatherName}`, scale: 2 },
    { text: `Mother: ${input.motherName}`, scale: 2 }, { text: '' }, { text: `Registered on ${input.registeredOn}`, scale: 2 },
  ];
  if (input.scanned) {
    const page = new PageBuilder().image(scannedPage(lines, input.random), 0, 0, 595, 842);
    return built([page], 'Birth certificate (scan)', input.registeredOn, 1);
  }
  const page = new PageBuilder();
  page.rectangle(30, 30, 535, 782);
  page.text(150, 760, 'BIRTH CERTIFICATE', 22, 'serif');
  page.text(150, 736, `Civil registry - ${input.person.countryName}`, 12, 'serif');
  let y = 680;
  for (const line of lines.slice(3)) {
    if (line.text) page.text(70, y, line.text, 12, 'serif');
    y -= 26;
  }
  page.text(70, 120, 'Apostille / legalisation attached', 9, 'serif');
  return built([page], 'Birth certificate', input.registeredOn);
}

/** A marriage certificate of two people. */
export function marriageCertificate(input: { first: PersonShown; second: { fullName: string; birthDate: string }; marriedOn: string; place: string }): BuiltDocument {
  const page = new PageBuilder();
  page.rectangle(30, 30, 535, 782);
  page.text(140, 760, 'MARRIAGE CERTIFICATE', 22, 'serif');
  page.text(140, 736, 'Akte van huwelijk / Certificate of marriage', 12, 'serif');
  const rows = [
    `Spouse 1: ${input.first.givenNames} ${input.first.surname}`, `born ${formatDateLong(input.first.birthDate, 'en')} in ${input.first.birthPlace}`,
    `Spouse 2: ${input.second.fullName}`, `born ${formatDateLong(input.second.birthDate, 'en')}`,
    `Date of marriage: ${formatDateLong(input.marriedOn, 'en')}`, `Place of marriage: ${input.place}`,
  ];
  let y = 670;
  for (const row of rows) {
    page.text(70, y, row, 12, 'serif');
    y -= 28;
  }
  return built([page], 'Marriage certificate', input.marriedOn);
}

/** A letter of admission by a recognised educational institution. */
export function admissionLetter(input: { student: PersonShown; institution: string; city: string; programme: string; startDate: string; issuedOn: string; tuitionCents: number }): BuiltDocument {
  const page = new PageBuilder();
  let y = letterhead(page, input.institution, input.city);
  page.text(50, y, 'LETTER OF ADMISSION', 15, 'sansBold');
  y -= 30;
  page.text(50, y, `Dear ${input.student.givenNames} ${input.student.surname},`, 11);
  y = page.paragraph(50, y - 22, `We are pleased to inform you that you have been admitted to the programme ${input.programme}, starting on ${formatDateLong(input.startDate, 'en')}. `
    + `Your date of birth as registered: ${formatDateLong(input.student.birthDate, 'en')}. The tuition fee for the first year is ${formatEuro(input.tuitionCents)}.`);
  y = page.paragraph(50, y - 12, `${input.institution} is a recognised sponsor and has applied for your residence permit for study on your behalf. Please book your biometrics appointment after you receive the IND's acknowledgement.`);
  page.text(50, y - 30, `${input.city}, ${formatDateLong(input.issuedOn, 'en')}`, 10);
  page.text(50, y - 60, 'Admissions Office', 10, 'sansBold');
  return built([page], 'Letter of admission', input.issuedOn);
}

/** The antecedents declaration (antecedentenverklaring) signed by the applicant. */
export function antecedentsDeclaration(input: { person: PersonShown; signedOn: string; place: string }): BuiltDocument {
  const page = new PageBuilder();
  page.text(50, 790, 'Antecedentenverklaring / Declaration of antecedents', 15, 'sansBold');
  let y = 750;
  const rows: [string, string][] = [
    ['Achternaam / Surname', input.person.surname], ['Voornamen / Given names', input.person.givenNames],
    ['Geboortedatum / Date of birth', formatDateLong(input.person.birthDate, 'nl')], ['Nationaliteit / Nationality', input.person.nationalityName],
  ];
  for (const [label, value] of rows) {
    page.text(50, y, label, 9).text(240, y, value, 11, 'sansBold');
    y -= 22;
  }
  y = page.paragraph(50, y - 10, 'Ik verklaar dat ik nooit ben veroordeeld voor een misdrijf, in Nederland of in een ander land. '
    + 'I declare that I have never been convicted of a crime, in the Netherlands or in any other country.');
  page.text(50, y - 30, `${input.place}, ${formatDateLong(input.signedOn, 'nl')}`, 10);
  page.line(50, y - 80, 250, y - 80);
  page.text(50, y - 94, 'Handtekening / Signature', 9);
  return built([page], 'Antecedents declaration', input.signedOn);
}

/** A notice of objection (bezwaarschrift) by the applicant's lawyer. */
export function objectionNotice(input: { clientName: string; vNumber: string; caseNumber: string; contestedDecisionOn: string; lawFirm: string; city: string; lawyerName: string; sentOn: string }): BuiltDocument {
  const first = new PageBuilder();
  let y = letterhead(first, input.lawFirm, input.city);
  first.text(50, y, 'Immigratie- en Naturalisatiedienst', 10).text(50, y - 14, 'Postbus 287, 7600 AG Almelo', 10);
  y -= 50;
  first.text(50, y, `Betreft: bezwaarschrift - ${input.clientName}`, 11, 'sansBold');
  first.text(50, y - 16, `V-nummer ${input.vNumber}, zaaknummer ${input.caseNumber}`, 10);
  first.paragraph(50, y - 44, `Namens mijn cliënt(e) ${input.clientName} maak ik bezwaar tegen uw besluit van ${formatDateLong(input.contestedDecisionOn, 'nl')}. `
    + 'De gronden van het bezwaar volgen hieronder. Ik verzoek u cliënt(e) te horen en het besluit te herroepen.');
  const second = new PageBuilder();
  let y2 = second.paragraph(50, 790, 'Gronden: het besluit is onvoldoende gemotiveerd (artikel 3:46 Awb). De overgelegde stukken zijn niet kenbaar bij de beoordeling betrokken. '
    + 'Subsidiair verzoek ik u een termijn te gunnen om aanvullende stukken over te leggen.');
  y2 -= 20;
  second.text(50, y2, `${input.city}, ${formatDateLong(input.sentOn, 'nl')}`, 10);
  second.text(50, y2 - 40, input.lawyerName, 10, 'sansBold').text(50, y2 - 54, 'advocaat', 10);
  return built([first, second], 'Bezwaarschrift', input.sentOn);
}
