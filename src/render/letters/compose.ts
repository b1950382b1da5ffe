/**
 * A letter as it is sent: the template rendered with the letter's fields, its free blocks replaced
 * by what the caseworker wrote in the editor (the body), laid out as the structured letter the PDF
 * is made from. The data host (preview, offline) and the central API (approval, sending) both call
 * this, so the bytes the reviewer approves are the bytes that go out.
 *
 * Standard blocks always come from the template, never from the body: the body's copy of them is
 * what the editor shows, so a body that was tampered with cannot change a standaardtekst.
 */
import type { Language } from '../../shared/contract/common';
import type { LetterBlock } from '../../shared/letters/blocks';
import { freeBlocksOf, type LetterBody, type LetterInline } from '../../shared/letters/body';
import type { LetterDocument } from '../../shared/letters/document';
import type { LetterFields } from '../../shared/letters/fields';
import { mergeFieldText } from '../../shared/letters/merge';
import type { RenderedLetter } from './templates';

// Moved to shared so the letter editor shows a field exactly as the letter prints it; re-exported for existing callers.
export { fieldValue, mergeFieldText } from '../../shared/letters/merge';

/** Template blocks the layout prints in places of its own (address window, reference column, signature). */
const placedBlocks = new Set(['address', 'references', 'subject', 'signature', 'signatory']);

const closingFallback: Record<Language, string> = { nl: 'Met vriendelijke groet,', en: 'Kind regards,' };

function inlineText(nodes: readonly LetterInline[] | undefined, fields: LetterFields, language: Language): string {
  return (nodes ?? []).map((node) => {
    if (node.type === 'text') return node.marks?.some((mark) => mark.type === 'bold') ? `**${node.text}**` : node.text;
    if (node.type === 'hardBreak') return '\n';
    return mergeFieldText(fields, node.attrs.field, language);
  }).join('');
}

/**
 * The template's blocks with each free block replaced by the body's text of the same name, one
 * block per paragraph, including free blocks the template left empty (in their place). A free
 * block the body leaves empty is left out, as the template leaves out one that renders empty; the
 * check then reports a required one as missing.
 */
export function composeBlocks(rendered: RenderedLetter, body: LetterBody | null, fields: LetterFields): LetterBlock[] {
  if (body === null) return rendered.blocks;
  const written = freeBlocksOf(body);
  const done = new Set<string>();
  const freeText = (name: string): LetterBlock[] => {
    if (done.has(name)) return [];
    done.add(name);
    return (written.get(name) ?? []).flatMap((node): LetterBlock[] => {
      const text = inlineText(node.content, fields, rendered.language).trim();
      return text === '' ? [] : [{ type: node.type, block: name, standard: false, text }];
    });
  };
  const slotsAt = (index: number): LetterBlock[] =>
    rendered.emptyFreeBlocks.filter((slot) => slot.at === index).flatMap((slot) => freeText(slot.block));
  const composed = rendered.blocks.flatMap((block, index): LetterBlock[] => [
    ...slotsAt(index),
    ...(block.standard || !written.has(block.block) ? [block] : freeText(block.block)),
  ]);
  return [...composed, ...slotsAt(rendered.blocks.length)];
}

const lines = (block: LetterBlock | undefined): string[] =>
  block ? block.text.split('\n').map((line) => line.trim()).filter((line) => line !== '') : [];

/** The subject as the layout wants it: the layout prints its own "Betreft", so the template's label goes. */
function subjectOf(heading: LetterBlock | undefined, title: string): string {
  const text = heading?.text.replace(/\s+/g, ' ').replace(/^(Onderwerp|Subject):\s*/i, '').trim() ?? '';
  return text === '' ? title : text.charAt(0).toUpperCase() + text.slice(1);
}

/** The composed blocks as the structured letter the PDF is made from. */
export function toLetterDocument(rendered: RenderedLetter, blocks: readonly LetterBlock[], fields: LetterFields): LetterDocument {
  const byName = new Map(blocks.map((block) => [block.block, block] as const));
  const recipient = fields.representative ?? fields.applicant;
  const signatory = lines(byName.get('signatory'));
  const closing = lines(byName.get('signature')).join(' ');
  return {
    language: rendered.language,
    date: fields.letter.date,
    references: { vNumber: fields.applicant.vNumber, caseNumber: fields.case.caseNumber, ourReference: fields.letter.reference },
    addressee: { name: recipient.name, addressLines: recipient.addressLines },
    subject: subjectOf(byName.get('subject'), rendered.template.title),
    blocks: blocks.filter((block) => !placedBlocks.has(block.block)).flatMap((block): LetterDocument['blocks'] =>
      block.type === 'heading'
        ? [{ type: 'heading', text: block.text.replace(/\s+/g, ' ').trim() }]
        // A kept line break ("lines" blocks) is a paragraph of its own: the letter's text holds no control characters.
        : lines(block).map((text) => ({ type: 'paragraph', text }))),
    signature: {
      closing: closing === '' ? closingFallback[rendered.language] : closing,
      name: signatory[0] ?? fields.letter.signatory,
      lines: signatory.slice(1, 5),
    },
  };
}
