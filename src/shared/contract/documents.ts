/** Contract of the `documents` namespace: a case's documents and their verified bytes. */
import { z } from 'zod';
import { defineCall } from '../rpc';
import { bytes } from '../rpc/binary';
import { inNamespace } from './common';

/** A document of a case as the local cache knows it. */
export const documentInfo = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  kind: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  size: z.number().int().nonnegative(),
  /** True when its verified file is on disk, so it opens offline. */
  cached: z.boolean(),
});
export type DocumentInfo = z.infer<typeof documentInfo>;

export const documentContent = z.object({
  documentId: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  /** The verified bytes: binary over every transport (src/shared/rpc/binary.ts), never base64. */
  bytes,
});

export const documentsCalls = inNamespace('documents', {
  'documents.list': defineCall(
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    z.object({ items: z.array(documentInfo) }),
    'The documents of a case, and whether each opens offline.',
  ),
  'documents.open': defineCall(
    z.object({ documentId: z.string().min(1).max(64) }).strict(),
    documentContent,
    'A document\'s verified bytes, from the document cache or downloaded; the read is recorded for the audit log.',
  ),
  'documents.prefetch': defineCall(
    z.object({ documentId: z.string().min(1).max(64) }).strict(),
    documentContent,
    'A document\'s verified bytes held by the case screen before it is shown; no read is recorded (the case screen records it when the document is shown).',
  ),
} as const);
