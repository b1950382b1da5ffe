/**
 * The right pane while a letter is open: its PDF as the host rendered it, in the sandboxed viewer
 * the case's documents open in, with the SHA-256 the reviewer approves.
 */
import { Box, Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentViewer } from '../viewer/DocumentViewer';
import type { ShownLetter } from './preview';

export function LetterPreviewPane({ letter }: { letter: ShownLetter }) {
  const { t } = useTranslation();
  // The viewer takes an ArrayBuffer of its own (it transfers a copy into the frame).
  const bytes = useMemo(() => letter.bytes.slice().buffer, [letter.bytes]);
  // The page the caseworker reads stays shown, at its scroll position, while the letter is rendered again under their typing.
  const [page, setPage] = useState(1);
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%' }} data-testid="letter-preview" data-sha256={letter.sha256}>
      <Group gap="xs" px="xs" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="xs" fw={700}>{t('letters.preview')}</Text>
        <Text size="xs" c="dark.6" ff="monospace" title={t('letters.shaHint')}>SHA-256 {letter.sha256.slice(0, 12)}…</Text>
      </Group>
      <Box style={{ flex: 1, minHeight: 0 }}>
        {/* No documentKey: every rendering is a new document, and the frame must not keep them all. */}
        <DocumentViewer bytes={bytes} inPlace page={page} onPageChange={(next) => setPage(next)} title={t('letters.previewTitle')} />
      </Box>
    </Box>
  );
}
