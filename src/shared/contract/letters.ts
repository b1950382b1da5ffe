/**
 * Contract of the `letters` namespace (issue 15): a case's letters from the local cache, the
 * templates that apply to it, the merge fields the host builds for it and a rendered preview. The
 * preview is rendered by the host, offline, with the same renderer the central API uses for the
 * authoritative PDF, so what the caseworker sees is what is sent.
 */
import { z } from 'zod';
import { letterBlock } from '../letters/blocks';
import { letterBodyDocument } from '../letters/body';
import { letterDecisionRecord, letterFrame } from '../letters/draft';
import { letterFields } from '../letters/fields';
import { letterFindingCodes } from '../letters/messages';
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

/** One finding of the consistency check (src/shared/letters/consistency.ts); its text is `consistency.<code>`. */
export const letterFinding = z.object({
  code: z.enum(letterFindingCodes),
  severity: z.enum(['error', 'warning']),
  field: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
}).strict();
export type LetterFindingView = z.infer<typeof letterFinding>;

/** A letter as the editor shows it: the preview, the body to edit, the frame to save, the check's findings. */
export const letterDraftView = z.object({
  preview: letterPreview,
  /** The body as given, or the template's proposal for a new letter (standard texts locked, free blocks to write). */
  body: letterBodyDocument,
  /** What `letter.saveDraft` sends with the body. */
  frame: letterFrame,
  /** The template's own proposal for this letter: what the reviewer's diff compares the free text with. */
  templateBody: letterBodyDocument,
  findings: z.array(letterFinding),
});
export type LetterDraftView = z.infer<typeof letterDraftView>;

/** One letter with everything its screen needs; the body and frame include this workbench's queued saves. */
export const letterDetail = z.object({
  summary: letterSummary,
  caseId,
  body: letterBodyDocument,
  frame: letterFrame.nullable(),
  drafterId: z.string().nullable(),
  drafterName: z.string().nullable(),
  approverName: z.string().nullable(),
  /** True when the signed-in user drafted it. */
  mine: z.boolean(),
  /** The rules table's four-eyes setting for this kind on the letter date. */
  needsSecondApprover: z.boolean(),
  /** The SHA-256 the approval recorded: the bytes that will be sent. */
  approvedSha256: z.string().nullable(),
  /** The case document the sent letter became. */
  documentId: z.string().nullable(),
  /** The body as it was when it was last returned, for the diff against the version now submitted. */
  returnedBody: letterBodyDocument.nullable(),
});
export type LetterDetail = z.infer<typeof letterDetail>;

/** A submitted letter awaiting someone's approval, for the reviewer's queue tab. */
export const letterAwaitingReview = z.object({
  letterId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  kind: z.string(),
  drafterName: z.string().nullable(),
  submittedAt: isoInstant.nullable(),
  syncState: itemSyncState.nullable(),
});
export type LetterAwaitingReview = z.infer<typeof letterAwaitingReview>;

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
      /** The editor's document while it is being written; null for a new letter (the template's proposal). */
      body: letterBodyDocument.nullable().default(null),
      /** The decision record of a decision letter: outcome and the chosen grounds. */
      decision: letterDecisionRecord.nullable().default(null),
    }).strict(),
    letterDraftView,
    'The letter rendered as a PDF from the template in effect on the letter date, the case\'s fields and the body, '
      + 'with the frame to save and the consistency check\'s findings; the same input gives the same bytes.',
  ),
  'letters.get': defineCall(
    z.object({ letterId: z.string().min(1).max(64) }).strict(),
    letterDetail,
    'One letter from the local cache with this workbench\'s queued saves applied; not_found when the cache has no such letter.',
  ),
  'letters.awaitingReview': defineCall(
    z.object({}).strict(),
    z.object({ items: z.array(letterAwaitingReview) }),
    'Submitted letters in the cache that the signed-in user may approve: drafted by someone else, oldest first.',
  ),
} as const);

export const lettersEvents = inNamespace('letters', {
  'letters.changed': defineEvent(
    z.object({ caseId: z.string() }),
    'The letters of this case changed: a pulled letter, or the state of one of its queued actions.',
  ),
} as const);
