/**
 * One stated fact of the application with its evidence: verified against a page (jump there), a
 * suggestion of the assistant (confirm it), or a mismatch it found (look at it). "Verify" marks the
 * fact proven by the page the viewer shows, with the selected text when there is one.
 */
import { ActionIcon, Anchor, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconTarget } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceField } from '../../../shared/domain';
import { useReview } from './controller';
import { findingText } from './findingText';

export function FieldRow({ label, value, field }: { label: string; value: ReactNode; field?: EvidenceField }) {
  const { t } = useTranslation();
  const review = useReview();
  if (!field) {
    return (
      <>
        <dt>{label}</dt>
        <dd>{value ?? <Text span size="sm" c="dimmed">{t('review.none')}</Text>}</dd>
      </>
    );
  }
  const titleOf = (id: string) => review.review.documents.find((document) => document.id === id)?.title ?? '';
  const rankOf = (id: string) => review.review.documents.findIndex((document) => document.id === id);
  const link = review.review.evidenceLinks.find((candidate) => candidate.field === field);
  const finding = review.findings.find((candidate) => candidate.field === field);
  // The document the checklist names for this fact first (the passport for a name), then any other.
  const suggestion = [...review.suggestions].filter((candidate) => candidate.field === field)
    .sort((left, right) => rankOf(left.documentId) - rankOf(right.documentId))[0];
  const selected = review.selectedField === field;
  const verifyButton = !link && (
    <Tooltip label={t('review.evidence.verifyHint')}>
      <ActionIcon size="sm" variant={selected ? 'filled' : 'subtle'} data-testid="verify-field"
        aria-label={t('review.evidence.verifyLabel', { field: label })} aria-pressed={selected}
        disabled={review.review.documents.length === 0}
        onClick={() => {
          review.selectField(field);
          void review.verify(field, null);
        }}>
        <IconTarget size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
  return (
    <>
      <dt id={`field-${field}`}>{label}</dt>
      <dd className={selected ? 'review-field-selected' : undefined} data-testid="evidence-field" data-field={field}
        data-state={link ? 'verified' : finding ? 'mismatch' : suggestion ? 'suggested' : 'open'}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text span size="sm" fw={500} onClick={() => review.selectField(selected ? null : field)}>{value}</Text>
          {verifyButton}
        </Group>
        {link && (
          <Anchor component="button" type="button" size="xs" c="#1e6b35" data-testid="evidence-link" className="review-evidence-line"
            onClick={() => review.show({ documentId: link.documentId, page: link.page ?? 1, ...(link.quote ? { find: link.quote } : {}) })}>
            <IconCircleCheck size={14} aria-hidden />
            {t('review.evidence.verifiedAt', { title: titleOf(link.documentId), page: link.page ?? 1 })}
            {link.pending && ` · ${t('review.pending')}`}
          </Anchor>
        )}
        {!link && suggestion && (
          <Group gap={4} wrap="nowrap" className="review-evidence-line">
            <Anchor component="button" type="button" size="xs" c="werkbank.8" truncate
              onClick={() => review.show({ documentId: suggestion.documentId, page: suggestion.page, find: suggestion.quote })}>
              {t('review.evidence.foundAt', { title: titleOf(suggestion.documentId), page: suggestion.page })}
            </Anchor>
            <Button size="compact-xs" variant="light" data-testid="confirm-suggestion"
              aria-label={t('review.evidence.confirmLabel', { field: label, title: titleOf(suggestion.documentId), page: suggestion.page })}
              onClick={() => void review.verify(field, null, { documentId: suggestion.documentId, page: suggestion.page, quote: suggestion.quote })}>
              {t('review.evidence.confirm')}
            </Button>
          </Group>
        )}
        {finding && (
          <Anchor component="button" type="button" size="xs" c="red.9" fw={600} data-testid="field-finding" className="review-evidence-line"
            onClick={() => review.show({ documentId: finding.documentId, page: finding.page })}>
            <IconAlertTriangle size={14} aria-hidden />
            {findingText(t, finding, titleOf(finding.documentId))}
          </Anchor>
        )}
      </dd>
    </>
  );
}
