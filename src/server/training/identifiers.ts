/**
 * Identifiers of the demo dataset: V-numbers (vreemdelingennummer, 10 digits), BSNs passing the
 * 11-test, IND case numbers, passport numbers and the machine-readable zone (MRZ) of a passport
 * data page (ICAO Doc 9303, TD3) with its check digits.
 */
import { type Random } from './random';

/** A V-number: 10 digits, leading zeros kept; it has no public check digit (docs/domain.md). */
export function makeVNumber(random: Random): string {
  return random.digits(10);
}

/** Whether a string is nine digits passing the 11-test (weights 9..2 and -1; sum divisible by 11). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let position = 0; position < 8; position += 1) sum += Number(value[position]) * (9 - position);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** A BSN passing the 11-test, not starting with 0 (real BSNs are issued from 1xxxxxxxx). */
export function makeBsn(random: Random): string {
  for (;;) {
    const first = String(random.int(1, 9)) + random.digits(7);
    let sum = 0;
    for (let position = 0; position < 8; position += 1) sum += Number(first[position]) * (9 - position);
    // The last digit d must satisfy (sum - d) % 11 === 0, so d = sum mod 11, which must be one digit.
    const last = sum % 11;
    if (last <= 9) return first + String(last);
  }
}

/** An IND case number as shown in My IND; opaque to the workbench. */
export function makeCaseNumber(index: number, seed: number): string {
  return `IND-${String(2_600_000_000 + (seed % 1000) * 100_000 + index).slice(-9)}`;
}

/** A passport document number: two letters and seven digits. */
export function makePassportNumber(random: Random): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return random.pick([...letters]) + random.pick([...letters]) + random.digits(7);
}

/** The ICAO 9303 check digit of an MRZ field: weights 7,3,1; A-Z count 10-35, '<' counts 0. */
export function mrzCheckDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let position = 0; position < field.length; position += 1) {
    const character = field[position] ?? '<';
    let value = 0;
    if (character >= '0' && character <= '9') value = character.charCodeAt(0) - 48;
    else if (character >= 'A' && character <= 'Z') value = character.charCodeAt(0) - 55;
    sum += value * (weights[position % 3] ?? 1);
  }
  return String(sum % 10);
}

const mrzTransliteration: Record<string, string> = {
  Ä: 'AE', Ö: 'OE', Ü: 'UE', Å: 'AA', Æ: 'AE', Ø: 'OE', ß: 'SS', Þ: 'TH', Œ: 'OE', Ł: 'L', Đ: 'D', I: 'I', İ: 'I', ı: 'I',
};

/** A name in MRZ characters (ICAO 9303 part 3 transliteration): A-Z, with '<' for spaces and hyphens. */
export function mrzName(name: string): string {
  let text = '';
  for (const character of name.toUpperCase()) {
    const mapped = mrzTransliteration[character];
    if (mapped) text += mapped;
    else text += character.normalize('NFD').replace(/[^A-Z -]/g, '');
  }
  return text.trim().replace(/[ -]+/g, '<');
}

/** What the two MRZ lines of a passport data page are computed from. */
export type PassportFields = {
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: 'F' | 'M';
  expiryDate: string;
  /** Optional personal number (14 characters at most); fillers when absent. */
  personalNumber?: string;
};

function mrzDate(isoDate: string): string {
  return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
}

/** The two 44-character lines of a TD3 (passport) MRZ, with all check digits. */
export function passportMrz(fields: PassportFields): [string, string] {
  const names = `${mrzName(fields.surname)}<<${mrzName(fields.givenNames)}`;
  const first = `P<${fields.issuingState}${names}`.padEnd(44, '<').slice(0, 44);
  const number = fields.documentNumber.padEnd(9, '<').slice(0, 9);
  const birth = mrzDate(fields.birthDate);
  const expiry = mrzDate(fields.expiryDate);
  const personal = (fields.personalNumber ?? '').padEnd(14, '<').slice(0, 14);
  const numberPart = number + mrzCheckDigit(number);
  const birthPart = birth + mrzCheckDigit(birth);
  const expiryPart = expiry + mrzCheckDigit(expiry);
  const personalPart = personal + mrzCheckDigit(personal);
  const composite = mrzCheckDigit(numberPart + birthPart + expiryPart + personalPart);
  const second = `${numberPart}${fields.nationality}${birthPart}${fields.sex}${expiryPart}${personalPart}${composite}`;
  return [first, second];
}
