/**
 * Errors as problem+json (RFC 9457) with a stable `code`. Messages are fixed strings chosen here,
 * never exception text, so no internals or personal data leave the server.
 */
import { z } from 'zod';

export const problemCode = z.enum([
  'invalid_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'payload_too_large',
  'unsupported_media_type', 'rate_limited', 'cursor_expired', 'internal', 'unavailable',
]);
export type ProblemCode = z.infer<typeof problemCode>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: problemCode,
  detail: z.string().optional(),
  /** For invalid_request: where the input was wrong (paths and rule names, no values). */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<ProblemCode, [number, string]> = {
  invalid_request: [400, 'The request is not valid.'],
  unauthenticated: [401, 'Sign in first.'],
  forbidden: [403, 'You may not do this.'],
  not_found: [404, 'Not found.'],
  conflict: [409, 'The request conflicts with the current state.'],
  payload_too_large: [413, 'The request body is too large.'],
  unsupported_media_type: [415, 'Unsupported content type.'],
  rate_limited: [429, 'Too many requests; try again later.'],
  cursor_expired: [410, 'The sync cursor is older than the retained change log; bootstrap again.'],
  internal: [500, 'Something went wrong on the server.'],
  unavailable: [503, 'The server is not available right now.'],
};

/** An error the API answers with as problem+json. */
export class ApiError extends Error {
  readonly status: number;
  constructor(readonly code: ProblemCode, readonly detail?: string, readonly issues?: Problem['issues']) {
    super(code);
    this.status = titles[code][0];
  }
}

/** The problem+json body for `code`. */
export function problem(code: ProblemCode, detail?: string, issues?: Problem['issues']): Problem {
  const [status, title] = titles[code];
  return {
    type: `https://werkbank.invalid/problems/${code.replaceAll('_', '-')}`,
    title, status, code,
    ...(detail === undefined ? {} : { detail }),
    ...(issues === undefined ? {} : { issues }),
  };
}

export const problemContentType = 'application/problem+json; charset=utf-8';
