/**
 * The reasoning builder (motivering, Awb 3:46) of a decision letter: the legal grounds that apply
 * to the case, each with its reference and the facts it needs, checked against the case's verified
 * evidence. Picking grounds records them in the decision; "insert reasoning" writes the grounds'
 * standard paragraphs into the reasoning block, citing each verified fact and leaving a visible
 * [[marker]] for each one that is not (the check refuses a letter that still has one).
 */
import { Badge, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract';
import { isRegime } from '../../../shared/domain/rules';
import type { LetterBody } from '../../../shared/letters/body';
import type { LetterDecisionRecord } from '../../../shared/letters/draft';
import { groundsFor, type GroundKind } from '../../../shared/letters/grounds';
import { buildReasoning } from '../../../shared/letters/reasoning';
import { useReview } from '../review/controller';

/** The block the reasoning goes in (the templates' `{% free "reasoning" %}`). */
const reasoningBlock = 'reasoning';

export interface ReasoningSectionProps {
  kind: GroundKind;
  language: Language;
  letterDate: string;
  decision: LetterDecisionRecord;
  editable: boolean;
  onDecision: (decision: LetterDecisionRecord) => void;
  /** Writes the reasoning into the body as it is at that moment (the last keys typed included). */
  onBody: (update: (body: LetterBody) => LetterBody) => void;
}

export function ReasoningSection({ kind, language, letterDate, decision, editable, onDecision, onBody }: ReasoningSectionProps) {
  const { t } = useTranslation();
  const { review } = useReview();
  const { caseType, regime } = review.summary;
  const grounds = useMemo(() => groundsFor(caseType, isRegime(regime) ? regime : null, kind, letterDate), [caseType, regime, kind, letterDate]);
  const evidence = useMemo(() => review.evidenceLinks.map((link) => ({
    requirement: link.requirement, field: link.field, documentId: link.documentId, page: link.page, quote: link.quote,
    documentTitle: review.documents.find((document) => document.id === link.documentId)?.title ?? '',
  })), [review.evidenceLinks, review.documents]);
  const result = useMemo(() => {
    const known = decision.groundIds.filter((id) => grounds.some((ground) => ground.id === id));
    return buildReasoning({ groundIds: known, caseType, language, evidence, application: review.application, kind, on: letterDate });
  }, [decision.groundIds, grounds, caseType, language, evidence, review.application, kind, letterDate]);

  const toggle = (id: string, on: boolean) => {
    const groundIds = on ? [...decision.groundIds, id] : decision.groundIds.filter((chosen) => chosen !== id);
    onDecision({ ...decision, groundIds });
  };

  const insert = () => {
    const content = result.paragraphs.length > 0 ? result.paragraphs : [{ type: 'paragraph' as const }];
    onBody((body) => {
      const present = body.content.some((node) => node.type === 'freeBlock' && node.attrs.block === reasoningBlock);
      return {
        ...body,
        content: present
          ? body.content.map((node) => (node.type === 'freeBlock' && node.attrs.block === reasoningBlock ? { ...node, content } : node))
          : [...body.content, { type: 'freeBlock', attrs: { block: reasoningBlock }, content }],
      };
    });
  };

  const factsOf = (groundId: string) => result.facts.filter((fact) => fact.groundId === groundId);
  return (
    <Stack gap={4} data-testid="reasoning-builder" component="section" aria-label={t('letters.reasoning.title')}>
      <Text fw={700} fz="sm" c="werkbank.8">{t('letters.reasoning.title')}</Text>
      {grounds.length === 0 && <Text size="xs" c="dark.6">{t('letters.reasoning.noGrounds')}</Text>}
      {/* A letter this user only reads shows the grounds it gives, not the whole catalogue greyed out. */}
      {grounds.filter((ground) => editable || decision.groundIds.includes(ground.id)).map((ground) => {
        const chosen = decision.groundIds.includes(ground.id);
        return (
          <Stack key={ground.id} gap={2} data-testid="ground" data-ground-id={ground.id}>
            <Checkbox size="xs" checked={chosen} disabled={!editable} onChange={(event) => toggle(ground.id, event.currentTarget.checked)}
              label={<><Text span size="sm">{ground.title[language]}</Text> <Text span size="xs" c="dark.6">({ground.reference})</Text></>} />
            {chosen && factsOf(ground.id).length > 0 && (
              <List size="xs" ml="lg" spacing={1}>
                {factsOf(ground.id).map((fact) => (
                  <List.Item key={fact.factId} data-testid="ground-fact" data-status={fact.status}>
                    <Group gap={4} wrap="nowrap">
                      <Badge size="xs" variant="light" color={fact.status === 'verified' ? 'teal' : 'orange'} c={fact.status === 'verified' ? '#0a5c48' : '#8a3a00'} tt="none"
                        styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } }}>
                        {t(`letters.reasoning.${fact.status}`)}
                      </Badge>
                      <Text size="xs">{fact.label}{fact.citation ? ` — ${fact.citation.text}` : fact.reason ? ` — ${t(`letters.reasoning.reason.${fact.reason}`)}` : ''}</Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
      {editable && (
        <Group gap="xs">
          <Button size="compact-xs" variant="light" leftSection={<IconWand size={14} aria-hidden />} disabled={decision.groundIds.length === 0}
            onClick={insert} data-testid="reasoning-insert">{t('letters.reasoning.insert')}</Button>
          {result.facts.some((fact) => fact.status === 'unverified') && (
            <Text size="xs" c="orange.9">{t('letters.reasoning.unverifiedHint')}</Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
