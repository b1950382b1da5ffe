/**
 * The queue as a virtualized ARIA grid: only the rows in view (plus a margin) are in the DOM, so
 * 100,000 cases scroll like 100. Rows are fixed-height; the grid keeps one active row (j/k, arrow
 * keys, click) announced through aria-activedescendant, and sortable column headers.
 */
import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow, QueueSort } from '../../../shared/contract';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import { hashOfCase } from '../state/hooks';
import { RowSyncState } from '../sync/RowSyncState';
import { columnWidths, sortColumnOf, type QueueColumn } from './columns';
import { DeadlineText, FlagIcons, PriorityText, StatusText } from './cells';
import { Highlighted } from './highlight';
import type { QueueData } from './useQueueData';

export const queueRowHeight = 52;

export interface QueueGridProps {
  data: QueueData;
  columns: readonly QueueColumn[];
  sort: QueueSort;
  onSort: (sort: QueueSort) => void;
  activeIndex: number;
  onActivate: (index: number) => void;
  /** Team leads select rows to assign them; null hides the selection column. */
  selection: { ids: ReadonlySet<string>; toggle: (row: QueueRow) => void } | null;
  onOpen: (row: QueueRow) => void;
  /** The row's action: claim, release or none. */
  actionOf: (row: QueueRow) => 'claim' | 'release' | null;
  onAction: (row: QueueRow, action: 'claim' | 'release') => void;
  words: readonly string[];
  today: string;
  /** Exposes scrollToIndex to the keyboard handling. */
  scrollRef?: { current: ((index: number) => void) | null };
}

function rowDomId(index: number): string {
  return `queue-row-${index}`;
}

/** What a row needs besides its data; stable between renders so memoized rows skip re-rendering. */
interface RowContext {
  columns: readonly QueueColumn[];
  words: readonly string[];
  today: string;
  onOpen: (row: QueueRow) => void;
  actionOf: (row: QueueRow) => 'claim' | 'release' | null;
  onAction: (row: QueueRow, action: 'claim' | 'release') => void;
}

function Cell({ column, row, props }: { column: QueueColumn; row: QueueRow; props: RowContext }): ReactNode {
  const { t, i18n } = useTranslation();
  switch (column) {
    case 'priority':
      return <PriorityText row={row} />;
    case 'caseNumber':
      return (
        <a href={hashOfCase(row.id)} className="queue-case-link tabular" tabIndex={-1} onClick={(event) => {
          event.preventDefault();
          props.onOpen(row);
        }}><Highlighted text={row.caseNumber} words={props.words} /></a>
      );
    case 'applicant':
      return (
        <span className="queue-stack">
          <span className="queue-truncate"><Highlighted text={row.applicantName} words={props.words} /></span>
          {row.sponsorName && props.words.length > 0 && (
            <span className="queue-small queue-dimmed queue-truncate">{t('queue.sponsor')}: <Highlighted text={row.sponsorName} words={props.words} /></span>
          )}
          {props.words.length > 0 && row.vNumber && !props.columns.includes('vNumber') && (
            <span className="queue-small queue-dimmed tabular">V <Highlighted text={row.vNumber} words={props.words} /></span>
          )}
        </span>
      );
    case 'vNumber':
      return row.vNumber ? <span className="tabular"><Highlighted text={row.vNumber} words={props.words} /></span> : <span className="queue-dimmed">—</span>;
    case 'caseType':
      return <span className="queue-truncate">{t(`caseType.${row.caseType}`, { defaultValue: row.caseType })}</span>;
    case 'received':
      return <span className="tabular queue-nowrap">{formatCalendarDate(row.receivedOn, toLanguage(i18n.language))}</span>;
    case 'deadline':
      return <DeadlineText row={row} today={props.today} />;
    case 'status':
      return <StatusText status={row.status} />;
    case 'assignee':
      return row.assignee === null ? <span className="queue-dimmed">{t('queue.unassigned')}</span>
        : <span className="queue-truncate">{row.assigneeName ?? t('queue.unknownUser')}</span>;
    case 'flags':
      return (
        <span className="queue-flags">
          {row.syncState && <RowSyncState state={row.syncState} />}
          <FlagIcons flags={row.flags} />
        </span>
      );
    case 'actions': {
      const action = props.actionOf(row);
      if (!action) return null;
      return (
        <button type="button" className={`queue-action queue-action-${action}`} tabIndex={-1} data-testid={`row-${action}`}
          aria-label={t(`queue.actions.${action}Case`, { caseNumber: row.caseNumber })}
          onClick={(event) => {
            event.stopPropagation();
            props.onAction(row, action);
          }}>
          {t(`queue.actions.${action}`)}
        </button>
      );
    }
  }
}

function HeaderCell({ column, props }: { column: QueueColumn; props: QueueGridProps }) {
  const { t } = useTranslation();
  const sortColumn = sortColumnOf[column];
  const label = t(`queue.columns.${column}`);
  if (!sortColumn) {
    return <div role="columnheader" className="queue-cell queue-header-cell">{column === 'actions' ? <span className="visually-hidden-text">{label}</span> : label}</div>;
  }
  const active = props.sort.column === sortColumn;
  const ariaSort = active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  // Priority starts most urgent first; other columns start ascending.
  const firstDirection = sortColumn === 'priority' ? 'desc' : 'asc';
  const next = active ? (props.sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection;
  const Arrow = props.sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div role="columnheader" aria-sort={ariaSort} className="queue-cell queue-header-cell">
      <UnstyledButton className="queue-sort" data-testid={`sort-${column}`} onClick={() => props.onSort({ column: sortColumn, direction: next })}>
        {label}
        {active && <Arrow size={14} aria-hidden />}
      </UnstyledButton>
    </div>
  );
}

interface QueueRowViewProps {
  row: QueueRow;
  index: number;
  start: number;
  active: boolean;
  /** Null when rows cannot be selected (not a team lead). */
  selected: boolean | null;
  onToggle: ((row: QueueRow) => void) | null;
  onActivate: (index: number) => void;
  context: RowContext;
}

/** One row; memoized, so scrolling renders only rows that came into view. */
const QueueRowView = memo(function QueueRowView({ row, index, start, active, selected, onToggle, onActivate, context }: QueueRowViewProps) {
  const { t } = useTranslation();
  return (
    <div
      id={rowDomId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected ?? undefined}
      className={`queue-row queue-body-row${active ? ' queue-row-active' : ''}${selected ? ' queue-row-selected' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: queueRowHeight }}
      data-testid="queue-row"
      data-case-id={row.id}
      data-index={index}
      data-sync-state={row.syncState ?? 'synced'}
      onClick={() => onActivate(index)}
      onDoubleClick={() => context.onOpen(row)}
    >
      {selected !== null && onToggle && (
        <div role="gridcell" className="queue-cell">
          <input type="checkbox" className="queue-checkbox" tabIndex={-1} checked={selected} onChange={() => onToggle(row)}
            aria-label={t('queue.selectCase', { caseNumber: row.caseNumber })} onClick={(event) => event.stopPropagation()} />
        </div>
      )}
      {context.columns.map((column) => (
        <div key={column} role={column === 'caseNumber' ? 'rowheader' : 'gridcell'} className={`queue-cell queue-cell-${column}`}>
          <Cell column={column} row={row} props={context} />
        </div>
      ))}
    </div>
  );
});

export function QueueGrid(props: QueueGridProps) {
  const { t } = useTranslation();
  const { data, columns, selection } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer returns fresh functions each render by design; React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: data.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => queueRowHeight,
    overscan: 6,
    // Rendering synchronously inside every scroll event made frames of 100-300 ms (bench:queue).
    useFlushSync: false,
  });
  const { columns: contextColumns, words, today, onOpen, actionOf, onAction } = props;
  const context = useMemo<RowContext>(() => ({ columns: contextColumns, words, today, onOpen, actionOf, onAction }),
    [contextColumns, words, today, onOpen, actionOf, onAction]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensureRange } = data;
  useEffect(() => {
    if (data.total > 0) ensureRange(first, last);
  }, [first, last, data.total, ensureRange]);
  useEffect(() => {
    if (props.scrollRef) props.scrollRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [props.scrollRef, virtualizer]);

  const template = [selection ? '40px' : null, ...columns.map((column) => columnWidths[column])].filter(Boolean).join(' ');
  const activeRow = data.rowAt(props.activeIndex);
  return (
    <div
      ref={scroller}
      className="queue-scroll"
      data-testid="queue-scroll"
      role="grid"
      tabIndex={0}
      aria-label={t('queue.tableLabel')}
      aria-rowcount={data.total + 1}
      aria-colcount={columns.length + (selection ? 1 : 0)}
      aria-multiselectable={selection ? true : undefined}
      aria-activedescendant={activeRow ? rowDomId(props.activeIndex) : undefined}
      style={{ ['--queue-columns' as string]: template }}
    >
      <div role="rowgroup" className="queue-head">
        <div role="row" aria-rowindex={1} className="queue-row queue-header-row">
          {selection && <div role="columnheader" className="queue-cell queue-header-cell"><span className="visually-hidden-text">{t('queue.columns.select')}</span></div>}
          {columns.map((column) => <HeaderCell key={column} column={column} props={props} />)}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = data.rowAt(item.index);
          if (!row) {
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="queue-row queue-body-row"
                style={{ transform: `translateY(${item.start}px)`, height: queueRowHeight }} data-testid="queue-row-loading">
                <div role="gridcell" className="queue-cell"><span className="queue-placeholder" aria-hidden /></div>
              </div>
            );
          }
          return (
            <QueueRowView key={row.id} row={row} index={item.index} start={item.start} active={item.index === props.activeIndex}
              selected={selection ? selection.ids.has(row.id) : null} onToggle={selection?.toggle ?? null} onActivate={props.onActivate} context={context} />
          );
        })}
      </div>
    </div>
  );
}
