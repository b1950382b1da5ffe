/**
 * The evidence assistant: finds what the applicant stated (name, birth date, V-number, salary, ...)
 * in the text of the case's PDFs and suggests the page that proves it, and flags what disagrees: a
 * surname spelt differently on a document, a contract salary other than stated or under the
 * threshold for the applicant's age. It only suggests; a caseworker decides what is verified.
 */
import { type IsoDate } from './dates';
import { ageOn, evidenceFields, salaryThreshold, salaryThresholdCaseTypes, type EvidenceField } from './evidence';

/** A document's text, one string per page (empty for image-only pages). */
export type DocumentText = { documentId: string; kind: string; pages: readonly string[] };

export type EvidenceSuggestion = { field: EvidenceField; documentId: string; page: number; quote: string };

export type EvidenceFinding =
  | { kind: 'name_mismatch'; field: 'surname'; documentId: string; page: number; expected: string; found: string }
  | { kind: 'salary_differs'; field: 'monthlySalaryCents'; documentId: string; page: number; statedCents: number; foundCents: number; quote: string }
  | { kind: 'salary_below_threshold'; field: 'monthlySalaryCents'; documentId: string; page: number; foundCents: number; thresholdCents: number; age: number; legalBasis: string; quote: string };

export type AssistantInput = {
  caseType: string;
  receivedOn: IsoDate;
  /** What the applicant stated; unknown fields are ignored. */
  application: Readonly<Record<string, string | number | boolean | null>>;
  documents: readonly DocumentText[];
};

/** Document kinds that name the applicant, so a different surname on them is worth a look. */
const namingKinds: ReadonlySet<string> = new Set([
  'passport', 'employment_contract', 'payslips', 'birth_certificate', 'marriage_certificate', 'admission_letter', 'antecedents_declaration',
]);
const salaryKinds: ReadonlySet<string> = new Set(['employment_contract', 'payslips']);

const monthsEnglish = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthsDutch = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Lower case without diacritics and with single spaces, so "YILMAZ" finds "Yılmaz". */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase().replace(/\s+/g, ' ');
}

/** The ways a date is written on documents: ISO, day-month-year, "12 August 1990", "12 AUG 1990". */
export function dateVariants(date: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return [];
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const index = Number(month) - 1;
  const english = monthsEnglish[index] ?? '';
  const dutch = monthsDutch[index] ?? '';
  const dayNumber = String(Number(day));
  return [
    date, `${day}-${month}-${year}`, `${day}.${month}.${year}`, `${day}/${month}/${year}`,
    `${dayNumber} ${english} ${year}`, `${dayNumber} ${dutch} ${year}`, `${day} ${english.slice(0, 3)} ${year}`,
  ].map(foldText);
}

/** Euro cents as documents write them: "5.942,00" (Dutch) or "5,942.00". */
export function amountVariants(cents: number): string[] {
  const euros = String(Math.floor(cents / 100));
  const rest = String(cents % 100).padStart(2, '0');
  return [`${euros.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${rest}`, `${euros.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${rest}`];
}

/** Parses "5.942,00" or "5,942.00" to cents; null when it is not an amount. */
export function parseAmountCents(text: string): number | null {
  const dutch = /^(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})$/.exec(text);
  if (dutch) return Number((dutch[1] ?? '').replace(/\./g, '')) * 100 + Number(dutch[2]);
  const english = /^(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})$/.exec(text);
  if (english) return Number((english[1] ?? '').replace(/,/g, '')) * 100 + Number(english[2]);
  return null;
}

/** Optimal string alignment distance, stopping early above `limit`. */
export function editDistance(left: string, right: string, limit = 2): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= left.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= right.length; j++) {
      if (i === 0) {
        (rows[0] as number[])[j] = j;
        continue;
      }
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      row[j] = best;
    }
  }
  return (rows[left.length] as number[])[right.length] ?? limit + 1;
}

/** The first page (1-based) whose folded text contains one of the needles, with the needle found. */
function findOnPages(pages: readonly string[], needles: readonly string[]): { page: number; quote: string } | null {
  for (let index = 0; index < pages.length; index++) {
    const text = pages[index] ?? '';
    for (const needle of needles) if (needle.length > 0 && containsWord(text, needle)) return { page: index + 1, quote: needle };
  }
  return null;
}

/** Whether `needle` occurs in `text` not as part of a longer word or number. */
function containsWord(text: string, needle: string): boolean {
  let from = text.indexOf(needle);
  while (from >= 0) {
    const before = text[from - 1];
    const after = text[from + needle.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
    from = text.indexOf(needle, from + 1);
  }
  return false;
}

/** The needles that find a field's stated value, folded; none for a value that cannot be searched. */
function needlesOf(field: EvidenceField, value: string | number | boolean | null): string[] {
  if (value === null || typeof value === 'boolean') return [];
  if (field === 'monthlySalaryCents') return typeof value === 'number' ? amountVariants(value) : [];
  const text = String(value);
  if (field === 'birthDate' || field === 'employmentStartDate' || field === 'studyStartDate') return dateVariants(text);
  if (field === 'relationship') return text === 'married' ? ['marriage', 'huwelijk'] : [];
  return text.trim().length >= 2 ? [foldText(text.trim())] : [];
}

/** Salaries on a page: the amount after a salary label ("Gross monthly salary: € 5.942,00"). */
function salariesOn(text: string): { cents: number; quote: string }[] {
  const found: { cents: number; quote: string }[] = [];
  const pattern = /(gross monthly salary|gross salary|bruto salaris)[^€\d]{0,40}€\s*(-?[\d.,]+\d)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const cents = parseAmountCents(match[2] ?? '');
    if (cents !== null) found.push({ cents, quote: `€ ${match[2] ?? ''}` });
  }
  return found;
}

/** Suggestions (where each stated value is found) and findings (what disagrees), per document. */
export function assistEvidence(input: AssistantInput): { suggestions: EvidenceSuggestion[]; findings: EvidenceFinding[] } {
  const suggestions: EvidenceSuggestion[] = [];
  const findings: EvidenceFinding[] = [];
  const folded = input.documents.map((document) => ({ ...document, pages: document.pages.map(foldText) }));
  const fields = Object.keys(input.application).filter((field): field is EvidenceField => isEvidenceField(field));
  for (const document of folded) {
    for (const field of fields) {
      const found = findOnPages(document.pages, needlesOf(field, input.application[field] ?? null));
      if (found) suggestions.push({ field, documentId: document.documentId, ...found });
    }
  }
  const surname = input.application['surname'];
  if (typeof surname === 'string' && surname.length >= 3) {
    const expected = foldText(surname);
    for (const document of folded) {
      if (!namingKinds.has(document.kind) || document.pages.every((page) => page.trim() === '')) continue;
      if (document.pages.some((page) => containsWord(page, expected))) continue;
      const near = nearWord(input.documents.find((original) => original.documentId === document.documentId)?.pages ?? [], expected);
      if (near) findings.push({ kind: 'name_mismatch', field: 'surname', documentId: document.documentId, page: near.page, expected: surname, found: near.word });
    }
  }
  const stated = input.application['monthlySalaryCents'];
  const birthDate = input.application['birthDate'];
  for (const document of folded) {
    if (!salaryKinds.has(document.kind)) continue;
    document.pages.forEach((page, index) => {
      for (const salary of salariesOn(page)) {
        if (typeof stated === 'number' && salary.cents !== stated) {
          findings.push({ kind: 'salary_differs', field: 'monthlySalaryCents', documentId: document.documentId, page: index + 1, statedCents: stated, foundCents: salary.cents, quote: salary.quote });
        }
        if (salaryThresholdCaseTypes.has(input.caseType) && typeof birthDate === 'string') {
          const age = ageOn(birthDate, input.receivedOn);
          const threshold = salaryThreshold(age, input.receivedOn);
          if (salary.cents < threshold.cents) {
            findings.push({ kind: 'salary_below_threshold', field: 'monthlySalaryCents', documentId: document.documentId, page: index + 1, foundCents: salary.cents, thresholdCents: threshold.cents, age, legalBasis: threshold.legalBasis, quote: salary.quote });
          }
        }
      }
    });
  }
  return { suggestions, findings };
}

/**
 * Words of the pages one edit from the stated surname (a swapped or doubled letter), as many words
 * as the surname has ("de Haan" against "de aHan"), starting with the same letter; as written.
 */
function nearWord(pages: readonly string[], expected: string): { page: number; word: string } | null {
  const wanted = expected.split(' ').length;
  if (expected.length < 3) return null;
  for (let index = 0; index < pages.length; index++) {
    const words = (pages[index] ?? '').split(/[^\p{L}]+/u).filter((word) => word.length > 0);
    for (let at = 0; at + wanted <= words.length; at++) {
      const written = words.slice(at, at + wanted).join(' ');
      const candidate = foldText(written);
      if (candidate.length < 3 || candidate[0] !== expected[0] || candidate === expected) continue;
      if (editDistance(candidate, expected, 1) === 1) return { page: index + 1, word: written };
    }
  }
  return null;
}

function isEvidenceField(field: string): field is EvidenceField {
  return (evidenceFields as readonly string[]).includes(field);
}
