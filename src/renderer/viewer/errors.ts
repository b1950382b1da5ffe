/**
 * Turns whatever pdf.js threw into one of the viewer's error kinds, so the person sees what happened
 * and what to do, and the parent never sees pdf.js's own message (which may quote the file).
 */
import type { ViewerErrorKind } from './protocol';

/** The parts of a thrown value the classification looks at. */
export interface ErrorLike {
  name?: unknown;
  message?: unknown;
}

function describe(error: unknown): { name: string; message: string } {
  if (typeof error !== 'object' || error === null) return { name: '', message: String(error) };
  const { name, message } = error as ErrorLike;
  return { name: typeof name === 'string' ? name : '', message: typeof message === 'string' ? message : '' };
}

/** Classifies an error from opening a document (pdf.js getDocument) into a viewer error kind. */
export function classifyOpenError(error: unknown): ViewerErrorKind {
  const { name, message } = describe(error);
  // pdf.js raises PasswordException for files that need a password; the portal only accepts
  // unprotected PDFs, so the viewer refuses them instead of asking for one.
  if (name === 'PasswordException') return 'encrypted';
  if (/is empty|zero bytes/i.test(message)) return 'empty';
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return 'malformed';
  if (/invalid pdf|bad xref|xref|trailer|startxref|corrupt|unexpected|illegal|missing/i.test(message)) return 'malformed';
  return 'unknown';
}
