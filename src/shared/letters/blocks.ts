/**
 * A rendered letter as blocks: what a PDF module lays out and what the letter editor shows, with
 * the standard texts locked. The block syntax of the templates is described in manifest.ts.
 */
import { z } from 'zod';

export const letterBlock = z.object({
  type: z.enum(['heading', 'paragraph']),
  /** The name of the template block it came from; one template block can give several paragraphs. */
  block: z.string().min(1).max(64),
  /** Standard text (standaardtekst), which a caseworker may not change; false for free text. */
  standard: z.boolean(),
  /** Plain text, never markup; "\n" is a line break that must be kept (address, signature). */
  text: z.string().min(1),
}).strict();

export type LetterBlock = z.infer<typeof letterBlock>;
