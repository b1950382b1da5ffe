/**
 * Search and filters of the queue: the search box ('/' focuses it), deadline window, case type,
 * flags, and behind "More filters" status, assignee and team. Every control has a visible label.
 */
import { Button, CloseButton, Group, MultiSelect, Popover, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatus, deadlineWindow, queueFlag, type QueueDirectory, type QueueFilter } from '../../../shared/contract';

export interface QueueFiltersProps {
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  directory: QueueDirectory | null;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Drops empty lists and blank text, so an unchanged filter compares equal and saves cleanly. */
export function cleanFilter(filter: QueueFilter): QueueFilter {
  const clean: QueueFilter = {};
  for (const [key, value] of Object.entries(filter) as [keyof QueueFilter, QueueFilter[keyof QueueFilter]][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    (clean as Record<string, unknown>)[key] = value;
  }
  return clean;
}

export function QueueFilters({ filter, onChange, directory, searchRef }: QueueFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.text ?? '');
  // A saved view or "clear" replaces the filter: the box follows (adjusted while rendering).
  const [appliedText, setAppliedText] = useState(filter.text);
  if (appliedText !== filter.text) {
    setAppliedText(filter.text);
    if ((filter.text ?? '') !== text.trim()) setText(filter.text ?? '');
  }
  const commitText = useDebouncedCallback((value: string) => onChange(cleanFilter({ ...filter, text: value })), 150);
  const set = (patch: Partial<QueueFilter>): void => onChange(cleanFilter({ ...filter, ...patch }));
  const moreCount = (filter.statuses?.length ? 1 : 0) + (filter.assignees?.length ? 1 : 0) + (filter.teams?.length ? 1 : 0);
  const anyFilter = Object.keys(cleanFilter(filter)).length > 0;
  const users = (directory?.users ?? []).filter((user) => user.active);
  const teams = directory?.teams ?? [];

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="queue-filters">
      <TextInput
        ref={searchRef}
        label={t('queue.search.label')}
        placeholder={t('queue.search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={text ? <CloseButton size="sm" aria-label={t('queue.search.clear')} onClick={() => {
          setText('');
          set({ text: '' });
        }} /> : <kbd className="kbd-hint" aria-hidden>/</kbd>}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          commitText(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') (event.currentTarget as HTMLInputElement).blur();
        }}
        w={260}
        size="xs"
        data-testid="queue-search"
        type="search"
        maxLength={200}
      />
      <Select
        label={t('queue.filters.window')}
        placeholder={t('queue.filters.any')}
        data={deadlineWindow.options.map((value) => ({ value, label: t(`queue.window.${value}`) }))}
        value={filter.window ?? null}
        onChange={(value) => set({ window: (value ?? undefined) as QueueFilter['window'] })}
        clearable
        size="xs"
        w={150}
        data-testid="filter-window"
      />
      <MultiSelect
        label={t('queue.filters.caseType')}
        placeholder={filter.caseTypes?.length ? undefined : t('queue.filters.any')}
        data={(directory?.caseTypes ?? []).map((value) => ({ value, label: t(`caseType.${value}`, { defaultValue: value }) }))}
        value={filter.caseTypes ?? []}
        onChange={(value) => set({ caseTypes: value })}
        searchable
        clearable
        size="xs"
        w={220}
        maxValues={50}
        data-testid="filter-case-type"
      />
      <MultiSelect
        label={t('queue.filters.flags')}
        placeholder={filter.flags?.length ? undefined : t('queue.filters.any')}
        data={queueFlag.options.map((value) => ({ value, label: t(`queue.flags.${value}`) }))}
        value={filter.flags ?? []}
        onChange={(value) => set({ flags: value as QueueFilter['flags'] })}
        clearable
        size="xs"
        w={200}
        data-testid="filter-flags"
      />
      <Popover position="bottom-start" width={320} shadow="md" trapFocus>
        <Popover.Target>
          <Button variant="default" size="xs" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />} data-testid="filter-more">
            {moreCount > 0 ? t('queue.filters.moreCount', { count: moreCount }) : t('queue.filters.more')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <MultiSelect
              label={t('queue.filters.status')}
              placeholder={filter.statuses?.length ? undefined : t('queue.filters.openStatuses')}
              data={caseStatus.options.map((value) => ({ value, label: t(`status.${value}`) }))}
              value={filter.statuses ?? []}
              onChange={(value) => set({ statuses: value as QueueFilter['statuses'] })}
              clearable
              size="xs"
              comboboxProps={{ withinPortal: false }}
            />
            <MultiSelect
              label={t('queue.filters.assignee')}
              placeholder={filter.assignees?.length ? undefined : t('queue.filters.any')}
              data={users.map((user) => ({ value: user.id, label: user.displayName }))}
              value={filter.assignees ?? []}
              onChange={(value) => set({ assignees: value })}
              searchable
              clearable
              size="xs"
              comboboxProps={{ withinPortal: false }}
            />
            {teams.length > 1 && (
              <MultiSelect
                label={t('queue.filters.team')}
                placeholder={filter.teams?.length ? undefined : t('queue.filters.any')}
                data={teams.map((team) => ({ value: team.id, label: team.name }))}
                value={filter.teams ?? []}
                onChange={(value) => set({ teams: value })}
                clearable
                size="xs"
                comboboxProps={{ withinPortal: false }}
              />
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {anyFilter && (
        <Button variant="subtle" size="xs" onClick={() => {
          setText('');
          onChange({});
        }} data-testid="filter-clear">{t('queue.filters.clear')}</Button>
      )}
    </Group>
  );
}
