/**
 * The required-evidence checklist of the case type (verified, awaiting a check, missing) and the
 * assistant's findings: what in the documents disagrees with the application.
 */
import { Alert, Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconFileOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { checklistStates } from '../../../shared/domain';
import { Section } from './Section';
import { useReview, useViewerSpot } from './controller';
import { findingText } from './findingText';

const stateIcons = {
  verified: <IconCircleCheck size={16} color="#1e6b35" aria-hidden />,
  unverified: <IconCircleDashed size={16} color="#5c5f66" aria-hidden />,
  missing: <IconFileOff size={16} color="#b02a1e" aria-hidden />,
};

export function EvidencePanel() {
  const { t } = useTranslation();
  const review = useReview();
  const { documentId, page } = useViewerSpot();
  const titleOf = (id: string) => review.review.documents.find((document) => document.id === id)?.title ?? '';
  const states = checklistStates(review.checklist, review.review.documents, review.review.evidenceLinks);
  const shownKind = review.review.documents.find((document) => document.id === documentId)?.kind;

  return (
    <Stack gap={0}>
      <Section title={t('review.checklist.title')} testId="checklist">
        <Text size="xs" c="dark.5" mb={4}>
          {t('review.checklist.summary', {
            verified: states.filter((state) => state.state === 'verified').length,
            missing: states.filter((state) => state.state === 'missing').length, total: states.length,
          })}
        </Text>
        <List spacing={4} listStyleType="none" p={0}>
          {states.map((state) => (
            <List.Item key={state.requirement} data-testid="checklist-item" data-requirement={state.requirement} data-state={state.state}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                {stateIcons[state.state]}
                <Stack gap={0} style={{ flex: 1 }}>
                  <Text size="sm" fw={500}>{t(`review.requirements.${state.requirement}`)}</Text>
                  <Text size="xs" c={state.state === 'missing' ? 'red.9' : 'dark.5'}>{t(`review.checklist.${state.state}`)}</Text>
                  {state.documentIds.length > 0 && (
                    <Group gap={6}>
                      {state.documentIds.map((id) => (
                        <Anchor key={id} component="button" type="button" size="xs" onClick={() => review.show({ documentId: id })}>{titleOf(id)}</Anchor>
                      ))}
                    </Group>
                  )}
                </Stack>
                {state.state === 'unverified' && documentId && state.documentIds.includes(documentId) && shownKind && (
                  <Button size="compact-xs" variant="light" onClick={() => void review.verify(null, state.requirement)}
                    aria-label={t('review.checklist.verifyLabel', { requirement: t(`review.requirements.${state.requirement}`), page })}>
                    {t('review.checklist.verify')}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      </Section>
      <Section title={t('review.findings.title')} testId="findings">
        {review.reading > 0 && <Text size="xs" c="dark.5">{t('review.documents.reading', { count: review.reading })}</Text>}
        {review.findings.length === 0 ? (
          <Text size="sm" c="dimmed">{review.reading > 0 ? t('review.findings.pending') : t('review.findings.none')}</Text>
        ) : (
          <Stack gap={6}>
            {review.findings.map((finding, index) => (
              <Alert key={index} color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} data-testid="finding" data-kind={finding.kind}>
                <Text size="sm" c="dark.9">{findingText(t, finding, titleOf(finding.documentId))}</Text>
                <Anchor component="button" type="button" size="xs" onClick={() => review.show({ documentId: finding.documentId, page: finding.page, ...('quote' in finding ? { find: finding.quote } : { find: finding.found }) })}>
                  {t('review.findings.show')}
                </Anchor>
              </Alert>
            ))}
          </Stack>
        )}
        <Group gap={6} mt={6}>
          <Badge variant="light" color="gray" tt="none" size="sm">{t('review.findings.suggestions', { count: review.suggestions.length })}</Badge>
        </Group>
      </Section>
    </Stack>
  );
}
