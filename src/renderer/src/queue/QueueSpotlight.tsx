/** The command palette (Ctrl/⌘+K): every queue action, the tabs, the filters' shortcuts and the saved views. */
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface PaletteAction {
  id: string;
  label: string;
  description?: string;
  run: () => void;
  disabled?: boolean;
}

export function QueueSpotlight({ actions }: { actions: readonly PaletteAction[] }) {
  const { t } = useTranslation();
  const data: SpotlightActionData[] = actions.filter((action) => !action.disabled).map((action) => ({
    id: action.id, label: action.label, ...(action.description ? { description: action.description } : {}), onClick: action.run,
  }));
  return (
    <Spotlight
      actions={data}
      shortcut={['mod + K']}
      nothingFound={t('queue.palette.nothing')}
      highlightQuery
      limit={12}
      searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: t('queue.palette.placeholder'), 'aria-label': t('queue.palette.label') }}
      scrollable
      maxHeight={420}
    />
  );
}
