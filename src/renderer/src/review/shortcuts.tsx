/**
 * The case screen's keyboard shortcuts and their legend. Keys typed into a field never trigger
 * them; inside the viewer frame its own keys apply (page keys, + and −, Ctrl+F).
 */
import { Button, Kbd, Modal, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconKeyboard } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageShortcuts } from '../messages/shortcuts';

export interface ReviewShortcutActions {
  stepDocument(step: 1 | -1): void;
  stepPage(step: 1 | -1): void;
  verifySelected(): void;
  stepCase(step: 1 | -1): void;
  focusSearch(): void;
}

/** Every shortcut: its keys (as Mantine's useHotkeys reads them), shown keys and i18n key. */
export const reviewShortcuts = [
  { hotkey: 'alt+ArrowRight', keys: ['Alt', '→'], label: 'nextDocument' },
  { hotkey: 'alt+ArrowLeft', keys: ['Alt', '←'], label: 'previousDocument' },
  { hotkey: 'PageDown', keys: ['Page Down'], label: 'nextPage' },
  { hotkey: 'PageUp', keys: ['Page Up'], label: 'previousPage' },
  { hotkey: 'v', keys: ['V'], label: 'verify' },
  { hotkey: 'alt+ArrowDown', keys: ['Alt', '↓'], label: 'nextCase' },
  { hotkey: 'alt+ArrowUp', keys: ['Alt', '↑'], label: 'previousCase' },
  { hotkey: '/', keys: ['/'], label: 'search' },
  { hotkey: 'shift+?', keys: ['?'], label: 'legend' },
] as const;

export function useReviewShortcuts(actions: ReviewShortcutActions, openLegend: () => void): void {
  const run: Record<(typeof reviewShortcuts)[number]['label'], () => void> = {
    nextDocument: () => actions.stepDocument(1),
    previousDocument: () => actions.stepDocument(-1),
    nextPage: () => actions.stepPage(1),
    previousPage: () => actions.stepPage(-1),
    verify: () => actions.verifySelected(),
    nextCase: () => actions.stepCase(1),
    previousCase: () => actions.stepCase(-1),
    search: () => actions.focusSearch(),
    legend: openLegend,
  };
  useHotkeys(reviewShortcuts.map((shortcut) => [shortcut.hotkey, () => run[shortcut.label]()]));
}

/** The legend: a button in the case header and the dialog it opens (also on "?"). */
export function ShortcutLegend({ opened, onOpen, onClose }: { opened: boolean; onOpen: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [viewerKeys] = useState(['Ctrl+F', '+ / −', 'Home / End']);
  return (
    <>
      <Button size="xs" variant="subtle" leftSection={<IconKeyboard size={16} aria-hidden />} onClick={onOpen} data-testid="shortcut-legend-button">
        {t('review.shortcuts.button')}
      </Button>
      <Modal opened={opened} onClose={onClose} title={t('review.shortcuts.title')} size="md" closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Table verticalSpacing={4} fz="sm" data-testid="shortcut-legend">
          <Table.Tbody>
            {reviewShortcuts.map((shortcut) => (
              <Table.Tr key={shortcut.hotkey}>
                <Table.Td className="nowrap">{shortcut.keys.map((key, index) => <span key={key}>{index > 0 && ' + '}<Kbd>{key}</Kbd></span>)}</Table.Td>
                <Table.Td>{t(`review.shortcuts.${shortcut.label}`)}</Table.Td>
              </Table.Tr>
            ))}
            {messageShortcuts.map((shortcut) => (
              <Table.Tr key={shortcut.hotkey}>
                <Table.Td className="nowrap"><Kbd>{shortcut.keys[0]}</Kbd></Table.Td>
                <Table.Td>{t(`messages.shortcuts.${shortcut.label}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dark.5" mt="sm">{t('review.shortcuts.viewer', { keys: viewerKeys.join(', ') })}</Text>
      </Modal>
    </>
  );
}
