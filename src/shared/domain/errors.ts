/**
 * Errors of the domain engine. The message is English and names the field so a developer reading a
 * log knows what to fix; it never contains personal data (only field names and the offending date or
 * period, which are not personal). The UI maps `code` and `field` to the i18n key `error.<code>`.
 */

/** What can go wrong, as stable codes the UI translates (`error.<code>` in the domain catalog). */
export const domainErrorCodes = [
  'invalid_date',
  'missing_field',
  'unknown_regime',
  'unknown_case_type',
  'invalid_period',
  'suspension_ends_before_start',
  'open_suspension_without_as_of',
  'missing_contested_decision',
  'too_many_extensions',
  'extension_too_long',
  'invalid_input',
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** A refused input of the domain engine: `field` names the input, e.g. `suspensions[1].endedOn`. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
