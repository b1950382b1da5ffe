import { describe, expect, it } from 'vitest';
import { caseStatus } from '../../../src/shared/contract';
import { rpcErrorCodes, RpcError } from '../../../src/shared/rpc';
import { errorCodeOf, errorMessageKey, isConnectionLost } from '../../../src/renderer/src/errors';
import { createI18n, toLanguage } from '../../../src/renderer/src/i18n';
import en from '../../../src/renderer/src/i18n/en.json';
import nl from '../../../src/renderer/src/i18n/nl.json';
import { domainRules } from '../../../src/shared/domain';

/** All leaf keys of a nested catalog, dotted. */
function leafKeys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]);
}

/** Every case type of the domain's rules table needs a label. */
const caseTypes = Object.keys(domainRules.caseTypes);

describe('catalogs', () => {
  it('have the same keys in Dutch and English', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(nl).sort());
  });

  it('have no empty texts', () => {
    for (const catalog of [nl, en]) {
      for (const key of leafKeys(catalog)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
        expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('explain every RPC error code, and anything unknown', () => {
    const keys = new Set(leafKeys(nl));
    for (const code of [...rpcErrorCodes, 'unknown']) expect(keys.has(`errors.${code}`), code).toBe(true);
  });

  it('label every case status and every case type of the rules table', () => {
    const keys = new Set(leafKeys(nl));
    for (const status of caseStatus.options) expect(keys.has(`status.${status}`), status).toBe(true);
    for (const type of caseTypes) expect(keys.has(`caseType.${type}`), type).toBe(true);
  });
});

describe('createI18n', () => {
  it('starts in the given language, switches, and reports each language', async () => {
    const seen: string[] = [];
    const i18n = await createI18n('nl', (language) => seen.push(language));
    expect(i18n.t('nav.queue')).toBe('Werkvoorraad');
    expect(i18n.t('status.waiting_on_applicant')).toBe('Wacht op aanvrager');
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.queue')).toBe('Queue');
    expect(i18n.t('language.label')).toBe('Language');
    expect(seen).toEqual(['nl', 'en']);
  });

  it('uses Dutch plural forms and falls back to the raw case type', async () => {
    const i18n = await createI18n('nl');
    expect(i18n.t('queue.daysLeft', { count: 1 })).toBe('nog 1 dag');
    expect(i18n.t('queue.daysLeft', { count: 12 })).toBe('nog 12 dagen');
    expect(i18n.t('queue.overdue', { count: 3 })).toBe('3 dagen over termijn');
    expect(i18n.t('caseType.asylum_unaccompanied_minor', { defaultValue: 'asylum_unaccompanied_minor' })).toBe('Asiel (alleenstaande minderjarige)');
    expect(i18n.t('caseType.blue_card', { defaultValue: 'blue_card' })).toBe('blue_card');
  });

  it('registers the domain engine texts as the namespace "domain"', async () => {
    const i18n = await createI18n('en');
    expect(i18n.t('domain:unit.days', { count: 2 })).toBe('2 days');
    await i18n.changeLanguage('nl');
    expect(i18n.t('domain:unit.days', { count: 1 })).toBe('1 dag');
  });

  it('accepts only the supported languages', () => {
    expect(toLanguage('en')).toBe('en');
    expect(toLanguage('de')).toBe('nl');
    expect(toLanguage(undefined)).toBe('nl');
  });
});

describe('error codes', () => {
  it('take the stable code of an RpcError or of an RpcError-like object', () => {
    expect(errorCodeOf(new RpcError('timeout', 'The data host did not answer cases.list in time.'))).toBe('timeout');
    expect(errorCodeOf({ code: 'forbidden', message: 'x' })).toBe('forbidden');
    expect(errorMessageKey(new RpcError('storage_full', 'disk'))).toBe('errors.storage_full');
  });

  it('map anything else to "unknown", never to a made-up code', () => {
    expect(errorCodeOf(new Error('boom'))).toBe('unknown');
    expect(errorCodeOf({ code: 'ENOENT' })).toBe('unknown');
    expect(errorCodeOf({ code: 42 })).toBe('unknown');
    expect(errorCodeOf(null)).toBe('unknown');
    expect(errorCodeOf('disconnected')).toBe('unknown');
  });

  it('recognise a lost connection', () => {
    expect(isConnectionLost(new RpcError('disconnected', 'lost'))).toBe(true);
    expect(isConnectionLost(new RpcError('timeout', 'slow'))).toBe(false);
  });

  it('resolve to a message in both languages for every code', async () => {
    const i18n = await createI18n('nl');
    for (const code of [...rpcErrorCodes, 'unknown'] as const) {
      const dutch = i18n.t(errorMessageKey({ code }));
      expect(dutch).not.toBe(`errors.${code}`);
      await i18n.changeLanguage('en');
      expect(i18n.t(errorMessageKey({ code }))).not.toBe(dutch);
      await i18n.changeLanguage('nl');
    }
  });
});
