/**
 * The queue as a virtualized ARIA grid: only the rows in view (plus a margin) are in the DOM, so
 * 100,000 cases scroll like 100. Rows are fixed-height; the grid keeps one active row (j/k, arrow
 * keys, click) announced through aria-activedescendant, and sortable column headers.
 */
import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconMail } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow, QueueSort } from '../../../shared/contract';
import { toLanguage } from '../i18n';
import { hashOfCase } from '../state/hooks';
import { RowSyncState } from '../sync/RowSyncState';
import { columnWidths, sortColumnOf, type QueueColumn } from './columns';
import { cellText, deadlineText, flagIconsOf, PriorityText, statusText, type CellText } from './cells';
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
  text: CellText;
}

/** A cell's content: a plain function, not a component, so a row is one component however many columns it has. */
function cellContent(column: QueueColumn, row: QueueRow, props: RowContext): ReactNode {
  const { t } = props.text;
  switch (column) {
    case 'priority':
      return <PriorityText row={row} text={props.text} />;
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
            <span className="queue-small queue-dimmed queue-truncate">{props.text.label('queue.sponsor')}: <Highlighted text={row.sponsorName} words={props.words} /></span>
          )}
          {props.words.length > 0 && row.vNumber && !props.columns.includes('vNumber') && (
            <span className="queue-small queue-dimmed tabular">V <Highlighted text={row.vNumber} words={props.words} /></span>
          )}
        </span>
      );
    case 'vNumber':
      return row.vNumber ? <span className="tabular"><Highlighted text={row.vNumber} words={props.words} /></span> : <span className="queue-dimmed">—</span>;
    case 'caseType':
      return <span className="queue-truncate">{props.text.label(`caseType.${row.caseType}`, row.caseType)}</span>;
    case 'received':
      return <span className="tabular queue-nowrap">{props.text.date(row.receivedOn)}</span>;
    case 'deadline':
      return deadlineText(row, props.today, props.text);
    case 'status':
      return statusText(row.status, props.text);
    case 'assignee':
      return row.assignee === null ? <span className="queue-dimmed">{props.text.label('queue.unassigned')}</span>
        : <span className="queue-truncate">{row.assigneeName ?? props.text.label('queue.unknownUser')}</span>;
    case 'unread':
      // The signed-in user's unread messages of the case: a reason to open it today.
      return row.unread > 0
        ? <span className="queue-unread tabular" data-testid="row-unread" aria-label={t('messages.unreadCount', { count: row.unread })}>{row.unread}</span>
        : null;
    case 'flags':
      return (
        <span className="queue-flags">
          {row.syncState && <RowSyncState state={row.syncState} />}
          {flagIconsOf(row.flags, props.text)}
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
          {props.text.label(`queue.actions.${action}`)}
        </button>
      );
    }
  }
}

interface HeaderProps {
  columns: readonly QueueColumn[];
  sort: QueueSort;
  onSort: (sort: QueueSort) => void;
  selectable: boolean;
}

function HeaderCell({ column, sort, onSort }: { column: QueueColumn; sort: QueueSort; onSort: (sort: QueueSort) => void }) {
  const { t } = useTranslation();
  const sortColumn = sortColumnOf[column];
  const label = t(`queue.columns.${column}`);
  if (!sortColumn) {
    // A narrow column's header is its icon, named for screen readers.
    const content = column === 'actions' ? <span className="visually-hidden-text">{label}</span>
      : column === 'unread' ? <span title={label}><IconMail size={16} aria-hidden /><span className="visually-hidden-text">{label}</span></span> : label;
    return <div role="columnheader" className="queue-cell queue-header-cell">{content}</div>;
  }
  const active = sort.column === sortColumn;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  // Priority starts most urgent first; other columns start ascending.
  const firstDirection = sortColumn === 'priority' ? 'desc' : 'asc';
  const next = active ? (sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection;
  const Arrow = sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div role="columnheader" aria-sort={ariaSort} className="queue-cell queue-header-cell">
      <UnstyledButton className="queue-sort" data-testid={`sort-${column}`} onClick={() => onSort({ column: sortColumn, direction: next })}>
        {label}
        {active && <Arrow size={14} aria-hidden />}
      </UnstyledButton>
    </div>
  );
}

/** The header row; memoized, so the grid's re-render on every scrolled frame skips its Mantine buttons. */
const QueueHeader = memo(function QueueHeader({ columns, sort, onSort, selectable }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <div role="rowgroup" className="queue-head">
      <div role="row" aria-rowindex={1} className="queue-row queue-header-row">
        {selectable && <div role="columnheader" className="queue-cell queue-header-cell"><span className="visually-hidden-text">{t('queue.columns.select')}</span></div>}
        {columns.map((column) => <HeaderCell key={column} column={column} sort={sort} onSort={onSort} />)}
      </div>
    </div>
  );
});

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
  const { t } = context.text;
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
          {cellContent(column, row, context)}
        </div>
      ))}
    </div>
  );
});

export function QueueGrid(props: QueueGridProps) {
  const { t, i18n } = useTranslation();
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
  const language = toLanguage(i18n.language);
  const context = useMemo<RowContext>(() => ({ columns: contextColumns, words, today, onOpen, actionOf, onAction, text: cellText(t, language) }),
    [contextColumns, words, today, onOpen, actionOf, onAction, t, language]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensureRange } = data;
  // Re-render when a page of rows arrives: only the rows whose data came change (they are memoized).
  useSyncExternalStore(data.subscribe, data.version);
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
      <QueueHeader columns={columns} sort={props.sort} onSort={props.onSort} selectable={selection !== null} />
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = data.rowAt(item.index);
          if (!row) {
            // Keyed by slot, not by index: while a fast scroll shows rows not loaded yet, the frames move
            // the same placeholder elements instead of removing and creating them. The indices in view
            // are consecutive, so their remainders modulo the count in view never collide.
            return (
              <div key={`loading-${item.index % items.length}`} role="row" aria-rowindex={item.index + 2} className="queue-row queue-body-row"
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
