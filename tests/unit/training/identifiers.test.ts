import { describe, expect, it } from 'vitest';
import { isValidBsn, makeBsn, makeVNumber, mrzCheckDigit, mrzName, passportMrz } from '../../../src/server/training/identifiers';
import { Random } from '../../../src/server/training/random';

describe('BSN 11-test', () => {
  it('accepts numbers whose weighted sum is divisible by 11 and rejects others', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('generates only BSNs that pass the 11-test', () => {
    const random = new Random(42);
    for (let count = 0; count < 2000; count += 1) {
      const bsn = makeBsn(random);
      expect(bsn).toMatch(/^[1-9]\d{8}$/);
      expect(isValidBsn(bsn)).toBe(true);
    }
  });
});

describe('V-numbers', () => {
  it('are ten digits, leading zeros kept', () => {
    const random = new Random(7);
    const numbers = Array.from({ length: 500 }, () => makeVNumber(random));
    for (const number of numbers) expect(number).toMatch(/^\d{10}$/);
    expect(numbers.some((number) => number.startsWith('0'))).toBe(true);
  });
});

describe('passport MRZ (ICAO 9303 TD3)', () => {
  it('reproduces the ICAO specimen with every check digit', () => {
    const [first, second] = passportMrz({
      issuingState: 'UTO', surname: 'Eriksson', givenNames: 'Anna Maria', documentNumber: 'L898902C3', nationality: 'UTO',
      birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15', personalNumber: 'ZE184226B',
    });
    expect(first).toBe('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<');
    expect(second).toBe('L898902C36UTO7408122F1204159ZE184226B<<<<<10');
  });

  it('computes check digits with weights 7, 3, 1 and letters from 10', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('<<<<<<<<<<<<<<')).toBe('0');
  });

  it('transliterates names to MRZ characters', () => {
    expect(mrzName('Müller-Lüdenscheidt')).toBe('MUELLER<LUEDENSCHEIDT');
    expect(mrzName("O'Brien")).toBe('OBRIEN');
    expect(mrzName('Şahin Çelik')).toBe('SAHIN<CELIK');
    expect(mrzName('Al-Hassan')).toBe('AL<HASSAN');
  });

  it('always has two lines of 44 characters', () => {
    const [first, second] = passportMrz({
      issuingState: 'IND', surname: 'Venkataraghavan Subramaniam Iyer', givenNames: 'Lakshmi Narayanan Krishnamurthy', documentNumber: 'AB1234567',
      nationality: 'IND', birthDate: '1990-01-31', sex: 'M', expiryDate: '2030-01-30',
    });
    expect(first).toHaveLength(44);
    expect(second).toHaveLength(44);
  });
});

describe('seeded random streams', () => {
  it('repeat for the same seed, stream and index and differ otherwise', () => {
    const draw = (random: Random) => Array.from({ length: 5 }, () => random.int(0, 1_000_000));
    expect(draw(Random.derive(1, 'case', 3))).toEqual(draw(Random.derive(1, 'case', 3)));
    expect(draw(Random.derive(1, 'case', 3))).not.toEqual(draw(Random.derive(2, 'case', 3)));
    expect(draw(Random.derive(1, 'case', 3))).not.toEqual(draw(Random.derive(1, 'case', 4)));
  });

  it('makes version-4-shaped UUIDs', () => {
    const random = new Random(3);
    for (let count = 0; count < 50; count += 1) expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
