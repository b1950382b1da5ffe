/**
 * The work queue (werkvoorraad): my cases, my team's and the unassigned ones, most urgent first by
 * the domain engine's priority, with filters, search, saved views, claim/release, take next and (for
 * team leads) assigning. Keyboard first: see ShortcutLegend; Ctrl/⌘+K opens the command palette.
 */
import { Button, Center, Checkbox, Group, Kbd, Menu, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { spotlight } from '@mantine/spotlight';
import { IconColumns, IconKeyboard, IconPlayerTrackNext, IconTerminal2 } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decodeViewSettings, encodeViewSettings, type QueueFilter, type QueueRow, type QueueSort, type QueueTab,
  mutationCall, type Mutate, type SavedViewItem, type SavedViewSettings,
} from '../../../shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { errorCodeOf } from '../errors';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import { useApi } from '../state/api';
import { hashOfCase } from '../state/hooks';
import { setQueueOrder } from '../state/queueOrder';
import { useHostQuery } from '../state/useHostQuery';
import { AssignDialog } from './AssignDialog';
import { columnsForTab, fixedColumns, loadColumns, queueColumns, saveColumns, type QueueColumn } from './columns';
import { searchWords } from './highlight';
import { QueueFilters } from './QueueFilters';
import { QueueGrid } from './QueueGrid';
import { ApprovalsList } from '../letters/ApprovalsList';
import { QueueSpotlight, type PaletteAction } from './QueueSpotlight';
import { SavedViews } from './SavedViews';
import { ShortcutLegend } from './ShortcutLegend';
import { useQueueData } from './useQueueData';
import { useQueueKeyboard, type QueueKeyAction } from './useQueueKeyboard';

const tabs: readonly QueueTab[] = ['mine', 'team', 'unassigned'];
const defaultSort: QueueSort = { column: 'priority', direction: 'desc' };
const prioritySortKey = JSON.stringify(defaultSort);

/** Opens a case on the case screen. */
function openCase(caseId: string): void {
  window.location.hash = hashOfCase(caseId);
}

/** No saved views until the first answer. */
const noViews: readonly SavedViewItem[] = [];

function useDirectoryAndViews() {
  const api = useApi();
  // Views arrive with syncs; the directory rarely changes but comes with the first bootstrap.
  const directory = useHostQuery(() => api.queue.directory(), { events: { 'sync.changed': true } });
  const views = useHostQuery(() => api.queue.views(), { events: { 'sync.changed': true } });
  return { directory: directory.data, views: views.data?.items ?? noViews, reloadViews: views.reload };
}

const stateKey = 'werkbank.queue.view';

/** The tab, filters and sort the user left the queue with: coming back from a case finds the same view. */
function restoredView(): SavedViewSettings | null {
  try {
    return decodeViewSettings(JSON.parse(sessionStorage.getItem(stateKey) ?? 'null'));
  } catch {
    return null;
  }
}

export interface QueueScreenProps {
  /** No central API to sign in to (a seeded development cache): nothing is "mine". */
  sessionless: boolean;
}

/** Memoised: the app shell renders again on every sync event, which leaves the queue as it is. */
export const QueueScreen = memo(function QueueScreen({ sessionless }: QueueScreenProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const language = toLanguage(i18n.language);
  const [restored] = useState(restoredView);
  const [tab, setTab] = useState<QueueTab>(restored?.tab ?? 'mine');
  const [filter, setFilter] = useState<QueueFilter>(restored?.filter ?? {});
  const [sort, setSort] = useState<QueueSort>(restored?.sort ?? defaultSort);
  useEffect(() => {
    try {
      sessionStorage.setItem(stateKey, JSON.stringify(encodeViewSettings({ tab, filter, sort })));
    } catch {
      // Unavailable storage only costs the remembered view.
    }
  }, [tab, filter, sort]);
  const [columns, setColumns] = useState<QueueColumn[]>(() => loadColumns());
  const [activeIndex, setActiveIndex] = useState(0);
  const [selected, setSelected] = useState<ReadonlyMap<string, QueueRow>>(new Map());
  const [legendOpened, setLegendOpened] = useState(false);
  const [assignOpened, setAssignOpened] = useState(false);
  const [saveViewOpened, setSaveViewOpened] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollTo = useRef<((index: number) => void) | null>(null);
  const { directory, views, reloadViews } = useDirectoryAndViews();
  const data = useQueueData({ tab, filter, sort });
  const me = directory?.me ?? null;
  const teamLead = me?.role === 'team_lead';
  // Reviewers and team leads approve letters (four-eyes): their queue has a tab of letters awaiting them.
  const approver = teamLead || me?.role === 'reviewer';
  const [approvals, setApprovals] = useState(false);
  const words = useMemo(() => searchWords(filter.text), [filter.text]);
  const shownColumns = useMemo(() => columnsForTab(columns, tab), [columns, tab]);
  const openRow = useCallback((row: QueueRow) => openCase(row.id), []);

  // Without a session nothing is "mine": start on the team tab.
  if (sessionless && tab === 'mine') setTab('team');

  // A new tab, filter or sort starts at the top with nothing selected (adjusted while rendering).
  const viewKey = JSON.stringify([tab, filter, sort]);
  const [shownKey, setShownKey] = useState(viewKey);
  if (shownKey !== viewKey) {
    setShownKey(viewKey);
    setActiveIndex(0);
    setSelected(new Map());
  }

  useEffect(() => {
    const { total, rowAt, subscribe } = data;
    const remember = (): void => {
      const ids: string[] = [];
      for (let index = 0; index < Math.min(total, 2000); index += 1) {
        const row = rowAt(index);
        if (!row) break;
        ids.push(row.id);
      }
      setQueueOrder(ids);
    };
    remember();
    // Rows arrive without re-rendering this screen (see useQueueData): the order follows them.
    return subscribe(remember);
  }, [data]);

  const mutate: Mutate = useCallback((name, args) => api.sync.mutate(mutationCall(name, args)), [api]);
  const notify = useCallback((options: { message: string; color?: string; title?: string; autoClose?: number }) => {
    notifications.show({ ...options, closeButtonProps: { 'aria-label': t('app.close') } });
  }, [t]);
  const reportFailure = useCallback((error: unknown) => {
    notify({ color: 'red', title: t('queue.actions.failed'), message: t(`errors.${errorCodeOf(error)}`, { defaultValue: t('errors.unknown') }) });
  }, [notify, t]);

  const actionOf = useCallback((row: QueueRow): 'claim' | 'release' | null => {
    if (!me) return null;
    if (row.assignee === me.id && row.status !== 'decided' && row.status !== 'closed') return 'release';
    if (row.assignee === null && row.status !== 'decided' && row.status !== 'closed') return 'claim';
    return null;
  }, [me]);

  const runAction = useCallback((row: QueueRow, action: 'claim' | 'release') => {
    mutate(`case.${action}`, { caseId: row.id }).then(() => {
      notify({ message: t(`queue.actions.${action}ed`, { caseNumber: row.caseNumber }), autoClose: 2500 });
    }, reportFailure);
  }, [mutate, notify, reportFailure, t]);

  const takeNext = useCallback(() => {
    api.queue.takeNext().then(({ caseId }) => {
      if (caseId) openCase(caseId);
      else notify({ message: t('queue.actions.nothingToTake') });
    }, reportFailure);
  }, [api, notify, reportFailure, t]);

  const toggleSelected = useCallback((row: QueueRow) => {
    setSelected((previous) => {
      const next = new Map(previous);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row);
      return next;
    });
  }, []);

  const assign = async (assigneeId: string, reason: string): Promise<void> => {
    const rows = [...selected.values()];
    const results = await Promise.allSettled(rows.map((row) => mutate('case.assign', { caseId: row.id, assigneeId, reason })));
    const failed = results.filter((result) => result.status === 'rejected').length;
    notify({
      ...(failed > 0 ? { color: 'red' } : {}),
      message: failed > 0 ? t('queue.assign.partlyFailed', { count: failed }) : t('queue.assign.done', { count: rows.length }),
    });
    setSelected(new Map());
    setAssignOpened(false);
  };

  const applyView = (view: SavedViewItem): void => {
    setTab(view.settings.tab);
    setFilter(view.settings.filter);
    setSort(view.settings.sort);
  };

  // Re-renders this screen only when the active row itself arrives or changes, not for every page.
  const activeRow = useSyncExternalStore(data.subscribe, () => data.rowAt(activeIndex));
  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(data.total - 1, index));
    setActiveIndex(next);
    scrollTo.current?.(next);
  };
  const onKey = (action: QueueKeyAction): void => {
    switch (action) {
      case 'down': moveTo(activeIndex + 1); break;
      case 'up': moveTo(activeIndex - 1); break;
      case 'open': if (activeRow) openCase(activeRow.id); break;
      case 'select': if (activeRow && teamLead) toggleSelected(activeRow); break;
      case 'claim': if (activeRow && actionOf(activeRow) === 'claim') runAction(activeRow, 'claim'); break;
      case 'release': if (activeRow && actionOf(activeRow) === 'release') runAction(activeRow, 'release'); break;
      case 'takeNext': takeNext(); break;
      case 'search': searchRef.current?.focus(); break;
      case 'legend': setLegendOpened(true); break;
      case 'tab1': case 'tab2': case 'tab3': setTab(tabs[Number(action.slice(3)) - 1] ?? 'mine'); break;
    }
  };
  useQueueKeyboard(onKey);

  const paletteActions: PaletteAction[] = [
    { id: 'take-next', label: t('queue.actions.takeNext'), run: takeNext },
    { id: 'open', label: t('queue.palette.openActive'), run: () => activeRow && openCase(activeRow.id), disabled: !activeRow },
    { id: 'claim', label: t('queue.palette.claimActive'), run: () => activeRow && runAction(activeRow, 'claim'), disabled: !activeRow || actionOf(activeRow) !== 'claim' },
    { id: 'release', label: t('queue.palette.releaseActive'), run: () => activeRow && runAction(activeRow, 'release'), disabled: !activeRow || actionOf(activeRow) !== 'release' },
    { id: 'assign', label: t('queue.assign.open'), run: () => setAssignOpened(true), disabled: !teamLead || selected.size === 0 },
    ...tabs.map((name) => ({ id: `tab-${name}`, label: t('queue.palette.showTab', { tab: t(`queue.tabs.${name}`) }), run: () => setTab(name) })),
    { id: 'search', label: t('queue.palette.search'), run: () => searchRef.current?.focus() },
    { id: 'overdue', label: t('queue.palette.filterOverdue'), run: () => setFilter({ ...filter, window: 'overdue' }) },
    { id: 'clear', label: t('queue.filters.clear'), run: () => setFilter({}) },
    { id: 'priority', label: t('queue.palette.sortPriority'), run: () => setSort(defaultSort) },
    { id: 'save-view', label: t('queue.views.saveCurrent'), run: () => setSaveViewOpened(true) },
    ...views.map((view) => ({ id: `view-${view.id}`, label: t('queue.palette.applyView', { name: view.name }), run: () => applyView(view) })),
    { id: 'legend', label: t('queue.shortcuts.title'), run: () => setLegendOpened(true) },
  ];

  const toggleColumn = (column: QueueColumn): void => {
    setColumns((previous) => {
      const next = previous.includes(column) ? previous.filter((item) => item !== column) : queueColumns.filter((item) => item === column || previous.includes(item));
      saveColumns(next);
      return next;
    });
  };

  let body;
  if (data.status === 'loading') {
    body = <Center py="xl" role="status"><Text size="sm">{t('queue.loading')}</Text></Center>;
  } else if (data.status === 'error') {
    body = <ErrorNotice title={t('queue.errorTitle')} code={data.errorCode ?? 'unknown'} onRetry={data.reload} />;
  } else if (data.total === 0) {
    const filtered = Object.keys(filter).length > 0;
    body = (
      <Stack align="center" py="xl" gap="xs" data-testid="case-list-empty">
        <Title order={2} size="h4">{filtered ? t('queue.emptyFilteredTitle') : t(`queue.empty.${tab}`)}</Title>
        <Text size="sm" c="dimmed" maw={560} ta="center">{filtered ? t('queue.emptyFilteredDescription') : t('queue.emptyDescription')}</Text>
        {filtered && <Button variant="light" size="xs" onClick={() => setFilter({})}>{t('queue.filters.clear')}</Button>}
      </Stack>
    );
  } else {
    body = (
      <QueueGrid data={data} columns={shownColumns} sort={sort} onSort={setSort} activeIndex={activeIndex} onActivate={setActiveIndex}
        selection={teamLead ? { ids: new Set(selected.keys()), toggle: toggleSelected } : null}
        onOpen={openRow} actionOf={actionOf} onAction={runAction} words={words} today={data.today ?? ''} scrollRef={scrollTo} />
    );
  }

  return (
    <Stack gap="sm" className="queue-screen" data-testid="queue-screen">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Title order={1} size="h2">{t('queue.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="queue-summary" aria-live="polite">
            {data.status === 'ready' && t('queue.summaryTotal', { count: data.total })}
            {data.today && ` · ${t(JSON.stringify(sort) === prioritySortKey ? 'queue.rankedOn' : 'queue.sortedBy', {
              date: formatCalendarDate(data.today, language), column: t(`queue.columns.${sort.column === 'priority' ? 'priority' : sort.column}`),
            })}`}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {teamLead && selected.size > 0 && (
            <Button size="xs" variant="light" onClick={() => setAssignOpened(true)} data-testid="assign-open">{t('queue.assign.openCount', { count: selected.size })}</Button>
          )}
          <Button size="xs" leftSection={<IconPlayerTrackNext size={16} aria-hidden />} onClick={takeNext} disabled={!me} data-testid="take-next">
            {t('queue.actions.takeNext')}<Kbd ml={6} size="xs" aria-hidden>n</Kbd>
          </Button>
          <SavedViews views={views} current={{ tab, filter, sort }} directory={directory} onApply={applyView}
            mutate={(name, args) => mutate(name, args).finally(reloadViews)} saveOpened={saveViewOpened} onSaveOpenedChange={setSaveViewOpened} />
          <Menu closeOnItemClick={false} position="bottom-end" shadow="md">
            <Menu.Target>
              <Button variant="default" size="xs" leftSection={<IconColumns size={16} aria-hidden />} data-testid="columns-menu">{t('queue.columnsMenu')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {queueColumns.filter((column) => !fixedColumns.has(column)).map((column) => (
                <Menu.Item key={column} onClick={() => toggleColumn(column)} data-testid={`column-toggle-${column}`}
                  leftSection={<Checkbox size="xs" checked={columns.includes(column)} readOnly tabIndex={-1} aria-hidden />}>
                  {t(`queue.columns.${column}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" size="xs" onClick={() => spotlight.open()} leftSection={<IconTerminal2 size={16} aria-hidden />} data-testid="palette-open">
            {t('queue.palette.button')}<Kbd ml={6} size="xs" aria-hidden>Ctrl K</Kbd>
          </Button>
          <Button variant="subtle" size="xs" onClick={() => setLegendOpened(true)} aria-label={t('queue.shortcuts.title')} data-testid="legend-open">
            <IconKeyboard size={18} aria-hidden /><Kbd ml={6} size="xs" aria-hidden>?</Kbd>
          </Button>
        </Group>
      </Group>
      <Tabs value={approvals ? 'approvals' : tab} activateTabWithKeyboard
        onChange={(value) => {
          setApprovals(value === 'approvals');
          if (value && value !== 'approvals') setTab(value as QueueTab);
        }}>
        <Tabs.List>
          {tabs.map((name, index) => (
            <Tabs.Tab key={name} value={name} data-testid={`queue-tab-${name}`} rightSection={<Kbd size="xs" aria-hidden>{index + 1}</Kbd>}>
              {t(`queue.tabs.${name}`)}
            </Tabs.Tab>
          ))}
          {approver && <Tabs.Tab value="approvals" data-testid="queue-tab-approvals">{t('letters.approvals.tab')}</Tabs.Tab>}
        </Tabs.List>
        {approver && <Tabs.Panel value="approvals" pt="sm">{approvals && <ApprovalsList />}</Tabs.Panel>}
        {/* One panel per tab so every tab controls an element; the queue itself lives in the active one. */}
        {tabs.map((name) => (
          <Tabs.Panel key={name} value={name} pt="sm">
            {name === tab && !approvals && (
              <Stack gap="sm">
                <QueueFilters filter={filter} onChange={setFilter} directory={directory} searchRef={searchRef} />
                {data.status === 'ready' && data.errorCode && <ErrorNotice title={t('queue.errorTitle')} code={data.errorCode} onRetry={data.reload} />}
                {body}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      <ShortcutLegend opened={legendOpened} onClose={() => setLegendOpened(false)} />
      <AssignDialog opened={assignOpened} rows={[...selected.values()]} users={directory?.users ?? []} onClose={() => setAssignOpened(false)} onAssign={assign} />
      <QueueSpotlight actions={paletteActions} />
    </Stack>
  );
});
