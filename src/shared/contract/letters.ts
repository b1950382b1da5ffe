/**
 * Contract of the `letters` namespace (issue 15): a case's letters from the local cache, the
 * templates that apply to it, the merge fields the host builds for it and a rendered preview. The
 * preview is rendered by the host, offline, with the same renderer the central API uses for the
 * authoritative PDF, so what the caseworker sees is what is sent.
 */
import { z } from 'zod';
import { letterBlock } from '../letters/blocks';
import { letterFields } from '../letters/fields';
import { defineCall, defineEvent } from '../rpc';
import { bytes } from '../rpc/binary';
import { letterKind } from '../sync/mutations';
import { inNamespace, isoDate, isoInstant, language } from './common';
import { itemSyncState } from './sync';

const caseId = z.string().min(1).max(64);

export const letterStatus = z.enum(['draft', 'submitted', 'approved', 'returned', 'sent']);
export type LetterStatus = z.infer<typeof letterStatus>;

/** One letter of a case as a list shows it. */
export const letterSummary = z.object({
  id: z.string(),
  /** A string, not LetterKind: the server may hold kinds this version has no template for. */
  kind: z.string(),
  /** The status with this workbench's queued actions applied (a queued submit shows as submitted). */
  status: letterStatus,
  updatedAt: isoInstant,
  /** The least settled state of this letter's queued actions; null when all are synced. */
  syncState: itemSyncState.nullable(),
  /** Why the approver returned it, while it is returned. */
  returnReason: z.string().nullable(),
  /** True when the server has not seen this letter yet (a new draft still in the outbox). */
  pending: z.boolean(),
});
export type LetterSummary = z.infer<typeof letterSummary>;

/** A template that applies to the case, as a "new letter" menu offers it. */
export const letterTemplateInfo = z.object({
  kind: letterKind,
  language,
  title: z.string(),
  /** The group of regimes the text is written for. */
  variant: z.string(),
  effectiveFrom: isoDate,
});
export type LetterTemplateInfo = z.infer<typeof letterTemplateInfo>;

export const letterPreview = z.object({
  /** The PDF: binary over every transport (src/shared/rpc/binary.ts), never base64. */
  bytes,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pageCount: z.number().int().positive().optional(),
  /** The rendered blocks, standard texts marked, for the editor. */
  blocks: z.array(letterBlock),
  /** The template used; its language differs from the one asked for when the Dutch text stood in. */
  template: letterTemplateInfo.extend({ fellBack: z.boolean() }),
});
export type LetterPreview = z.infer<typeof letterPreview>;

export const lettersCalls = inNamespace('letters', {
  'letters.list': defineCall(
    z.object({ caseId }).strict(),
    z.object({ items: z.array(letterSummary) }),
    'The letters of a case from the local cache, newest first, with the state of their queued actions.',
  ),
  'letters.templates': defineCall(
    z.object({ caseId, today: isoDate }).strict(),
    z.object({ items: z.array(letterTemplateInfo) }),
    'The templates in effect on `today` for the case\'s regime, per kind and language (the Dutch text where a language has none).',
  ),
  'letters.fields': defineCall(
    z.object({ caseId, letterDate: isoDate, language: language.default('nl'), kind: letterKind.optional() }).strict(),
    letterFields,
    'The merge fields built from the local cache for a letter of this date; groups the case has no facts for are null. '
      + 'With `kind`, the remedies are only filled for a decision.',
  ),
  'letters.preview': defineCall(
    z.object({
      caseId, kind: letterKind, letterDate: isoDate, language: language.default('nl'),
      /** The caseworker's reasoning (the free text of a decision), while it is being written. */
      body: z.string().max(50_000).optional(),
    }).strict(),
    letterPreview,
    'The letter rendered as a PDF from the template in effect on the letter date and the case\'s fields; the same input gives the same bytes.',
  ),
} as const);

export const lettersEvents = inNamespace('letters', {
  'letters.changed': defineEvent(
    z.object({ caseId: z.string() }),
    'The letters of this case changed: a pulled letter, or the state of one of its queued actions.',
  ),
} as const);
