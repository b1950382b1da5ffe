/**
 * The reasoning builder in the letter editor (issue #15): the caseworker ticks the legal grounds of
 * the decision from the catalogue, sees per ground which of its facts the case's evidence proves,
 * and inserts the reasoning the shared builder writes. Self-contained: the editor passes the case's
 * verified evidence and takes the result in `onInsert`, so this component stores nothing itself.
 */
import { Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract/common';
import type { ApplicationValue } from '../../../shared/contract/review';
import type { IsoDate } from '../../../shared/domain/dates';
import { regimeForCaseType } from '../../../shared/domain/rules';
import { groundsFor, type GroundKind } from '../../../shared/letters/grounds';
import { buildReasoning, type ReasoningFact, type ReasoningResult, type VerifiedEvidence } from '../../../shared/letters/reasoning';

export type ReasoningBuilderProps = {
  caseType: string;
  kind: GroundKind;
  /** The letter's language: the reasoning is written in it. */
  language: Language;
  evidence: readonly VerifiedEvidence[];
  application?: Readonly<Record<string, ApplicationValue>>;
  /** The letter date: only grounds in effect on it are offered. */
  on?: IsoDate;
  onInsert: (result: ReasoningResult) => void;
};

export function ReasoningBuilder({ caseType, kind, language, evidence, application, on, onInsert }: ReasoningBuilderProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  // The screen's language for titles and labels; the letter's own language only for what is inserted.
  const uiLanguage: Language = i18n.language.startsWith('en') ? 'en' : 'nl';
  const grounds = useMemo(() => groundsFor(caseType, regimeForCaseType(caseType), kind, on), [caseType, kind, on]);
  // The order of ticking is the order the letter gives the grounds in.
  const [picked, setPicked] = useState<string[]>([]);

  const factsOf = useMemo(() => {
    const facts = new Map<string, ReasoningFact[]>();
    for (const ground of grounds) {
      facts.set(ground.id, buildReasoning({ groundIds: [ground.id], caseType, language: uiLanguage, evidence, application, kind, on }).facts);
    }
    return facts;
  }, [grounds, caseType, uiLanguage, evidence, application, kind, on]);

  const chosen = picked.filter((id) => grounds.some((ground) => ground.id === id));
  const unverified = chosen.flatMap((id) => factsOf.get(id) ?? []).filter((fact) => fact.status === 'unverified').length;

  const toggle = (id: string, checked: boolean): void => {
    setPicked((current) => (checked ? [...current.filter((other) => other !== id), id] : current.filter((other) => other !== id)));
  };
  const insert = (): void => onInsert(buildReasoning({ groundIds: chosen, caseType, language, evidence, application, kind, on }));

  if (grounds.length === 0) return <Text c="dimmed">{t('reasoningBuilder.none')}</Text>;
  return (
    <Stack gap="sm" aria-label={t('reasoningBuilder.title')}>
      <Text fw={600}>{t('reasoningBuilder.title')}</Text>
      {grounds.map((ground) => (
        <Paper key={ground.id} withBorder p="sm">
          <Checkbox
            checked={chosen.includes(ground.id)}
            onChange={(event) => toggle(ground.id, event.currentTarget.checked)}
            label={ground.title[uiLanguage]}
            description={ground.reference}
          />
          {ground.facts.length > 0 && (
            <Stack gap={4} mt="xs" ml="xl">
              {(factsOf.get(ground.id) ?? []).map((fact) => (
                <Group key={fact.factId} gap="xs" wrap="nowrap">
                  <Badge size="sm" color={fact.status === 'verified' ? 'green' : 'orange'} variant="light">
                    {t(`reasoningBuilder.status.${fact.status}`)}
                  </Badge>
                  <Text size="sm">{fact.label}</Text>
                  {fact.citation && <Text size="xs" c="dimmed">{fact.citation.text}</Text>}
                  {fact.reason && <Text size="xs" c="dimmed">{t(`reasoningBuilder.reason.${fact.reason}`)}</Text>}
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
      ))}
      {unverified > 0 && <Text size="sm" c="orange">{t('reasoningBuilder.unverifiedWarning', { count: unverified })}</Text>}
      <Group justify="flex-end">
        <Button onClick={insert} disabled={chosen.length === 0}>{t('reasoningBuilder.insert')}</Button>
      </Group>
    </Stack>
  );
}
