/** The assistant's findings as sentences in the user's language. */
import type { TFunction } from 'i18next';
import type { EvidenceFinding } from '../../../shared/domain';
import { formatEuroCents as euro } from '../format/money';

/** One finding, e.g. "Achternaam anders in Arbeidsovereenkomst p. 1: Ylimaz". */
export function findingText(t: TFunction, finding: EvidenceFinding, title: string): string {
  const language = t('review.locale');
  switch (finding.kind) {
    case 'name_mismatch':
      return t('review.findings.name_mismatch', { title, page: finding.page, found: finding.found, expected: finding.expected });
    case 'salary_differs':
      return t('review.findings.salary_differs', { title, page: finding.page, found: euro(finding.foundCents, language), stated: euro(finding.statedCents, language) });
    case 'salary_below_threshold':
      return t('review.findings.salary_below_threshold', {
        title, page: finding.page, found: euro(finding.foundCents, language), threshold: euro(finding.thresholdCents, language), age: finding.age, basis: finding.legalBasis,
      });
  }
}
