// @vitest-environment jsdom
/**
 * The reviewer's diff (LetterDiff) in jsdom: a letter that was returned is compared with the
 * version the reviewer returned first, so only what the drafter changed since is marked; the
 * template's proposal is one switch away, and a letter never returned compares with the template.
 */
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { LetterDiff } from '../../../src/renderer/src/letters/LetterDiff';
import { bodyFromBlocks, type LetterBody } from '../../../src/shared/letters/body';
import { mount, useReactDom } from '../../helpers/jsdom-react';

const dom = useReactDom('nl');

const letter = (reasoning: string): LetterBody => bodyFromBlocks([
  { type: 'paragraph', block: 'intro', standard: true, text: 'U hebt een aanvraag ingediend.' },
  { type: 'paragraph', block: 'reasoning', standard: false, text: reasoning },
], 'decision-refusal');

const template = letter('');
const returned = letter('Het inkomen is te laag.');
const now = letter('Het inkomen van de referent is te laag en niet duurzaam.');

const marked = (selector: string): string[] => [...document.querySelectorAll(`[data-testid="letter-diff-block"] ${selector}`)].map((node) => node.textContent ?? '');

describe('LetterDiff', () => {
  it('compares a returned letter with the returned version first, and with the template on request', () => {
    mount(createElement(LetterDiff, { body: now, templateBody: template, returnedBody: returned }), dom.i18n());
    expect(document.querySelector('[data-testid="letter-diff"]')?.getAttribute('data-against')).toBe('returned');
    // Only the words added since the return are marked, not the sentence the reviewer already read.
    expect(marked('ins').join('|')).toBe('van de referent |en niet duurzaam');
    expect(marked('del')).toEqual([]);
    expect(document.querySelector('[data-testid="letter-diff-block"]')?.textContent).toContain('Het inkomen');

    const templateOption = [...document.querySelectorAll('label')].find((label) => label.textContent === 'Tekst van het sjabloon');
    expect(templateOption).toBeDefined();
    act(() => templateOption?.click());
    expect(document.querySelector('[data-testid="letter-diff"]')?.getAttribute('data-against')).toBe('template');
    // Against the template's empty reasoning, all of it was written by the drafter.
    expect(marked('ins').join('')).toBe('Het inkomen van de referent is te laag en niet duurzaam.');
    expect(marked('del')).toEqual([]);
  });

  it('compares a letter that was never returned with the template, without a switch', () => {
    mount(createElement(LetterDiff, { body: now, templateBody: template, returnedBody: null }), dom.i18n());
    expect(document.querySelector('[data-testid="letter-diff"]')?.getAttribute('data-against')).toBe('template');
    expect(document.querySelectorAll('label')).toHaveLength(0);
  });

  it('says so when nothing changed since the return', () => {
    mount(createElement(LetterDiff, { body: returned, templateBody: template, returnedBody: returned }), dom.i18n());
    expect(document.querySelector('[data-testid="letter-diff-none"]')).not.toBeNull();
  });
});
