/** The keyboard shortcuts of the queue, shown on '?'. */
import { Group, Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const queueShortcuts = [
  { keys: ['j', '↓'], action: 'down' },
  { keys: ['k', '↑'], action: 'up' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['x'], action: 'select' },
  { keys: ['c'], action: 'claim' },
  { keys: ['r'], action: 'release' },
  { keys: ['n'], action: 'takeNext' },
  { keys: ['/'], action: 'search' },
  { keys: ['1', '2', '3'], action: 'tabs' },
  { keys: ['Ctrl', 'K'], action: 'palette' },
  { keys: ['?'], action: 'legend' },
] as const;

export function ShortcutLegend({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('queue.shortcuts.title')} centered size="md" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Table data-testid="shortcut-legend" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr><Table.Th scope="col">{t('queue.shortcuts.keys')}</Table.Th><Table.Th scope="col">{t('queue.shortcuts.action')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queueShortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.action}>
              <Table.Td><Group gap={4}>{shortcut.keys.map((key) => <Kbd key={key}>{key}</Kbd>)}</Group></Table.Td>
              <Table.Td>{t(`queue.shortcuts.${shortcut.action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
