/**
 * A letter draft's body: the letter editor's document (tiptap / ProseMirror JSON), checked here so
 * the host, the server and the renderer agree on what a body may hold. Standard paragraphs
 * (standaardteksten) are `standardBlock` nodes the editor locks; merge fields are inline atoms that
 * name a field of the catalogue (fields.ts) and show its value; everything else is free text.
 * Depth is fixed by the node types: no node nests deeper than doc → block → paragraph → inline.
 */
import { z } from 'zod';
import type { LetterBlock } from './blocks';

/** The largest body, as JSON, a draft may have: about 60 pages of text. */
export const maxLetterBodyCharacters = 200_000;

const mark = z.object({ type: z.enum(['bold', 'italic']) }).strict();

const textNode = z.object({
  type: z.literal('text'),
  // ProseMirror has no empty text nodes; an empty paragraph simply has no content.
  text: z.string().min(1).max(20_000),
  marks: z.array(mark).max(2).optional(),
}).strict();

/** A merge field: a dotted path into LetterFields, e.g. "applicant.name". */
const mergeField = z.object({
  type: z.literal('mergeField'),
  attrs: z.object({ field: z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+){0,3}$/) }).strict(),
}).strict();

const hardBreak = z.object({ type: z.literal('hardBreak') }).strict();

const inline = z.discriminatedUnion('type', [textNode, mergeField, hardBreak]);
export type LetterInline = z.infer<typeof inline>;
export type LetterMergeField = z.infer<typeof mergeField>;

const paragraph = z.object({ type: z.literal('paragraph'), content: z.array(inline).max(2_000).optional() }).strict();
const heading = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }).strict(),
  content: z.array(inline).max(500).optional(),
}).strict();
const textBlock = z.discriminatedUnion('type', [paragraph, heading]);

/** A standard paragraph from a template: locked in the editor, identified by its template block. */
const standardBlock = z.object({
  type: z.literal('standardBlock'),
  attrs: z.object({ block: z.string().min(1).max(64), template: z.string().min(1).max(200) }).strict(),
  content: z.array(textBlock).min(1).max(200),
}).strict();

/**
 * A free block of a template (`{% free "reasoning" %}`): the caseworker's own text, as many
 * paragraphs as they write, with merge fields. Its name is the template block it fills, so the
 * letter keeps its order and the check finds the reasoning by name.
 */
const freeBlock = z.object({
  type: z.literal('freeBlock'),
  attrs: z.object({ block: z.string().min(1).max(64) }).strict(),
  content: z.array(textBlock).min(1).max(500),
}).strict();

const block = z.discriminatedUnion('type', [paragraph, heading, standardBlock, freeBlock]);
export type LetterBodyBlock = z.infer<typeof block>;

export const letterBodyDocument = z.object({
  type: z.literal('doc'),
  content: z.array(block).min(1).max(2_000),
}).strict().refine((body) => JSON.stringify(body).length <= maxLetterBodyCharacters, 'letter body too large');
export type LetterBody = z.infer<typeof letterBodyDocument>;

/** Text as inline nodes: its line breaks as hard breaks. */
function inlinesOf(text: string): LetterInline[] {
  return text.split('\n').flatMap((line, index): LetterInline[] => [
    ...(index > 0 ? [{ type: 'hardBreak' as const }] : []),
    ...(line === '' ? [] : [{ type: 'text' as const, text: line }]),
  ]);
}

/** A plain-text body as the editor's document: a paragraph per blank-line-separated part, line breaks kept. */
export function plainLetterBody(text: string): LetterBody {
  const parts = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((part) => part.trim());
  const content = parts.filter((part) => part !== '').map((part): LetterBodyBlock => ({ type: 'paragraph', content: inlinesOf(part) }));
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** A body as the server stores it (JSON text); a row from before the editor holds plain text. */
export function storedLetterBody(stored: string): LetterBody {
  try {
    const parsed = letterBodyDocument.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: plain text from before the editor.
  }
  return plainLetterBody(stored);
}

/**
 * A draft's body as the mutation takes it. A plain string is still accepted and read as plain
 * paragraphs, so an older client's queued draft is not refused after the server is upgraded.
 */
export const letterBody = z.union([
  letterBodyDocument,
  z.string().max(maxLetterBodyCharacters).transform(plainLetterBody),
]);

type TextBlock = z.infer<typeof textBlock>;

/** A free block's text as paragraphs: one per blank-line-separated part, an empty one when there is no text yet. */
export function freeParagraphs(text: string): TextBlock[] {
  const paragraphs = plainLetterBody(text).content.filter((node): node is TextBlock => node.type === 'paragraph');
  return paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }];
}

/**
 * A rendered template as the editor's first document: each standard block locked with its text,
 * each free block (the template's `{% free %}`) editable with the text the template proposes.
 * Blocks the template renders several times under one name (a line per paragraph) stay one node;
 * a free block the template leaves empty (`emptyFree`, before the block at `at`) is an empty one.
 */
export function bodyFromBlocks(
  blocks: readonly LetterBlock[], template: string, emptyFree: readonly { block: string; at: number }[] = [],
): LetterBody {
  const content: LetterBodyBlock[] = [];
  const emptyAt = (index: number) => {
    for (const slot of emptyFree.filter((entry) => entry.at === index)) {
      content.push({ type: 'freeBlock', attrs: { block: slot.block }, content: [{ type: 'paragraph' }] });
    }
  };
  for (const [index, rendered] of blocks.entries()) {
    emptyAt(index);
    const previous = content.at(-1);
    const node: TextBlock = rendered.type === 'heading'
      ? { type: 'heading', attrs: { level: 2 }, content: inlinesOf(rendered.text) }
      : { type: 'paragraph', content: inlinesOf(rendered.text) };
    if (!rendered.standard) {
      if (previous?.type === 'freeBlock' && previous.attrs.block === rendered.block) previous.content.push(...freeParagraphs(rendered.text));
      else content.push({ type: 'freeBlock', attrs: { block: rendered.block }, content: freeParagraphs(rendered.text) });
    } else if (previous?.type === 'standardBlock' && previous.attrs.block === rendered.block) {
      previous.content.push(node);
    } else {
      content.push({ type: 'standardBlock', attrs: { block: rendered.block, template }, content: [node] });
    }
  }
  emptyAt(blocks.length);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** The free blocks of a body by name, in order; a block written twice keeps all its paragraphs. */
export function freeBlocksOf(body: LetterBody): Map<string, TextBlock[]> {
  const blocks = new Map<string, TextBlock[]>();
  for (const node of body.content) {
    if (node.type === 'freeBlock') blocks.set(node.attrs.block, [...(blocks.get(node.attrs.block) ?? []), ...node.content]);
  }
  return blocks;
}

/** The body's text, merge fields as their path in braces: for search, diffs and the consistency check. */
export function letterBodyText(body: LetterBody): string {
  const inlineText = (nodes: readonly LetterInline[] | undefined): string => (nodes ?? [])
    .map((node) => (node.type === 'text' ? node.text : node.type === 'hardBreak' ? '\n' : `{${node.attrs.field}}`)).join('');
  const blockText = (node: LetterBodyBlock): string => (node.type === 'standardBlock' || node.type === 'freeBlock'
    ? node.content.map((inner) => inlineText(inner.content)).join('\n\n')
    : inlineText(node.content));
  return body.content.map(blockText).join('\n\n');
}

/** One free block's text (merge fields as their path), '' when the body does not have it. */
export function freeBlockText(body: LetterBody, block: string): string {
  const content = freeBlocksOf(body).get(block);
  return content === undefined ? '' : letterBodyText({ type: 'doc', content: [{ type: 'freeBlock', attrs: { block }, content }] });
}
