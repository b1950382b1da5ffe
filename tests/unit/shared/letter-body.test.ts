/** The letter editor's document as the mutation, the sync entity and the server check it. */
import { describe, expect, it } from 'vitest';
import {
  bodyFromBlocks, freeBlocksOf, letterBody, letterBodyDocument, letterBodyText, maxLetterBodyCharacters, plainLetterBody, storedLetterBody,
} from '../../../src/shared/letters/body';
import { mutationArgs } from '../../../src/shared/sync';

describe('a letter body', () => {
  it('reads plain text as paragraphs, its line breaks as hard breaks', () => {
    expect(plainLetterBody('Geachte heer,\n\nUw aanvraag is afgewezen.\nZie de motivering.\n\n')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Geachte heer,' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Uw aanvraag is afgewezen.' }, { type: 'hardBreak' }, { type: 'text', text: 'Zie de motivering.' }] },
      ],
    });
    expect(plainLetterBody('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('keeps standard paragraphs locked as blocks of their template and free text in named free blocks', () => {
    const body = bodyFromBlocks([
      { type: 'heading', block: 'subject', standard: true, text: 'Besluit op uw aanvraag' },
      { type: 'paragraph', block: 'reasoning', standard: false, text: 'Wij hebben besloten.' },
    ], 'refusal/nl.residence.2026-01-01');
    expect(body.content[0]).toMatchObject({ type: 'standardBlock', attrs: { block: 'subject', template: 'refusal/nl.residence.2026-01-01' } });
    expect(body.content[1]).toEqual({
      type: 'freeBlock', attrs: { block: 'reasoning' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wij hebben besloten.' }] }],
    });
    expect(freeBlocksOf(body).get('reasoning')).toHaveLength(1);
    expect(letterBodyDocument.safeParse(body).success).toBe(true);
    expect(letterBodyText(body)).toBe('Besluit op uw aanvraag\n\nWij hebben besloten.');
  });

  it('keeps the lines of one template block in one node, and an empty free block as one empty paragraph', () => {
    const body = bodyFromBlocks([
      { type: 'paragraph', block: 'address', standard: true, text: 'A. Jansen' },
      { type: 'paragraph', block: 'address', standard: true, text: 'Dorpsstraat 1' },
      { type: 'paragraph', block: 'reason', standard: false, text: ' ' },
    ], 'extension_notice/nl.all.2026-01-01');
    expect(body.content).toHaveLength(2);
    expect(body.content[0]).toMatchObject({ type: 'standardBlock', content: [{ type: 'paragraph' }, { type: 'paragraph' }] });
    expect(body.content[1]).toEqual({ type: 'freeBlock', attrs: { block: 'reason' }, content: [{ type: 'paragraph' }] });
  });

  it('refuses what an editor could not have written: unknown nodes, empty text, script in a field path, a body too large', () => {
    const doc = (content: unknown) => ({ type: 'doc', content });
    expect(letterBodyDocument.safeParse(doc([{ type: 'image', attrs: { src: 'x' } }])).success).toBe(false);
    expect(letterBodyDocument.safeParse(doc([{ type: 'paragraph', content: [{ type: 'text', text: '' }] }])).success).toBe(false);
    expect(letterBodyDocument.safeParse(doc([{ type: 'paragraph', content: [{ type: 'mergeField', attrs: { field: 'a;alert(1)' } }] }])).success).toBe(false);
    expect(letterBodyDocument.safeParse(doc([])).success).toBe(false);
    const huge = doc(Array.from({ length: 20 }, () => ({ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(11_000) }] })));
    expect(JSON.stringify(huge).length).toBeGreaterThan(maxLetterBodyCharacters);
    expect(letterBodyDocument.safeParse(huge).success).toBe(false);
  });

  it('is what letter.saveDraft takes, a plain string from an older client included', () => {
    const id = '6f1c1d2e-0000-4000-8000-000000000001';
    const parsed = mutationArgs['letter.saveDraft'].parse({ letterId: id, caseId: id, kind: 'refusal', body: 'Afgewezen.' });
    expect(parsed.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Afgewezen.' }] }] });
    const withField = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'mergeField', attrs: { field: 'applicant.name' } }] }] };
    expect(letterBody.parse(withField)).toEqual(withField);
  });

  it('reads a stored body as the document, and a row from before the editor as its text', () => {
    const body = plainLetterBody('Toegewezen.');
    expect(storedLetterBody(JSON.stringify(body))).toEqual(body);
    expect(storedLetterBody('{not json')).toEqual(plainLetterBody('{not json'));
    expect(storedLetterBody('Oude tekst')).toEqual(plainLetterBody('Oude tekst'));
  });
});
