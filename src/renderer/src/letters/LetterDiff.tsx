/**
 * What the drafter wrote, as a reviewer reads it: each free block of the letter against the
 * template's own proposal, or against the version the reviewer returned. Standard texts are not
 * compared: the letter always takes them from the template (src/render/letters/compose.ts).
 */
import { Box, SegmentedControl, Stack, Text } from '@mantine/core';
import { diffWords } from 'diff';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { freeBlocksOf, freeBlockText, type LetterBody } from '../../../shared/letters/body';

type Against = 'template' | 'returned';

/** Each free block's text by name, in the body's order. */
function freeTexts(body: LetterBody): Map<string, string> {
  return new Map([...freeBlocksOf(body).keys()].map((block) => [block, freeBlockText(body, block).trim()]));
}

export function LetterDiff({ body, templateBody, returnedBody }: { body: LetterBody; templateBody: LetterBody | null; returnedBody: LetterBody | null }) {
  const { t } = useTranslation();
  const [against, setAgainst] = useState<Against>(returnedBody ? 'returned' : 'template');
  const base = against === 'returned' ? returnedBody : templateBody;
  const blocks = useMemo(() => {
    if (!base) return [];
    const now = freeTexts(body);
    const before = freeTexts(base);
    return [...new Set([...before.keys(), ...now.keys()])].map((block) => ({
      block, changes: diffWords(before.get(block) ?? '', now.get(block) ?? ''),
    }));
  }, [base, body]);
  const changed = blocks.filter((entry) => entry.changes.some((change) => change.added || change.removed));
  return (
    <Stack gap={4} data-testid="letter-diff" data-against={against}>
      {returnedBody && templateBody && (
        <SegmentedControl size="xs" value={against} onChange={(value) => setAgainst(value as Against)} aria-label={t('letters.diff.against')}
          data={[{ value: 'returned', label: t('letters.diff.returned') }, { value: 'template', label: t('letters.diff.template') }]} />
      )}
      <Text size="xs" c="dark.6">{t('letters.diff.standardNote')}</Text>
      {changed.length === 0 && <Text size="sm" data-testid="letter-diff-none">{t('letters.diff.none')}</Text>}
      {changed.map(({ block, changes }) => (
        <Box key={block} data-testid="letter-diff-block" data-block={block}>
          <Text size="xs" fw={700}>{t(`letterEditor.freeBlock.${block}`, { defaultValue: block })}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {changes.map((change, index) => (change.added
              ? <ins key={index} className="letter-diff-added">{change.value}</ins>
              : change.removed ? <del key={index} className="letter-diff-removed">{change.value}</del> : <span key={index}>{change.value}</span>))}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}
