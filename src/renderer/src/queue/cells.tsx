/**
 * The queue grid's cells as plain elements with CSS classes: a scroll through 100,000 rows mounts
 * thousands of rows a second, and Mantine's Badge, Text, Tooltip and Popover cost too much per row
 * for 16 ms frames (bench:queue). The "why here?" popover is mounted only when it is opened.
 */
import { IconAlertOctagon, IconCurrencyEuro, IconFileDownload, IconHeartHandshake, IconHelpCircle, IconHourglass, IconMessage, type Icon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { memo, useState, type CSSProperties, type ReactNode } from 'react';
import type { CaseStatus, Language, QueueFlag, QueueRow } from '../../../shared/contract';
import { deadlineRemark, type DeadlineTone } from '../components/DeadlineCell';
import { statusColours } from '../components/StatusBadge';
import { deadlineState, type DeadlineState } from '../state/caseFigures';
import { formatCalendarDate } from '../format/dates';
import { PriorityPopover } from './PriorityPopover';

/**
 * The translation and language the cells are written in, looked up once per grid render instead of
 * by a useTranslation per cell: a fast scroll mounts hundreds of cells a second.
 */
export interface CellText {
  t: TFunction;
  language: Language;
  /** t(key) of a key without values, looked up once per grid: the same few labels repeat in every row. */
  label(key: string, defaultValue?: string): string;
  /** A calendar date in the language, formatted once per date. */
  date(isoDate: string): string;
  /** The words under a deadline, once per kind and count of days. */
  remark(state: DeadlineState): { text: string; tone: DeadlineTone } | null;
}

/** The cells' texts in `language`, with the lookups that repeat from row to row remembered. */
export function cellText(t: TFunction, language: Language): CellText {
  const labels = new Map<string, string>();
  const dates = new Map<string, string>();
  const remarks = new Map<string, { text: string; tone: DeadlineTone } | null>();
  return {
    t, language,
    label: (key, defaultValue) => {
      let text = labels.get(key);
      if (text === undefined) {
        text = defaultValue === undefined ? t(key) : t(key, { defaultValue });
        labels.set(key, text);
      }
      return text;
    },
    date: (isoDate) => {
      let text = dates.get(isoDate);
      if (text === undefined) {
        text = formatCalendarDate(isoDate, language);
        dates.set(isoDate, text);
      }
      return text;
    },
    remark: (state) => {
      const key = 'days' in state ? `${state.kind}:${state.days}` : state.kind;
      let remark = remarks.get(key);
      if (remark === undefined) {
        remark = deadlineRemark(state, t);
        remarks.set(key, remark);
      }
      return remark;
    },
  };
}

/** The band label and a "why here?" button; the popover mounts on the first click. */
export const PriorityText = memo(function PriorityText({ row, text }: { row: QueueRow; text: CellText }) {
  const [opened, setOpened] = useState(false);
  const label = text.t('queue.why.label', { caseNumber: row.caseNumber });
  return (
    <span className="queue-priority">
      {/* The band's text: the domain catalog's, or ours for a case without a deadline. */}
      <span className={`queue-band queue-band-${row.band}`} data-testid="row-band" data-band={row.band}>{text.label(row.band === 'no_deadline' ? 'queue.band.noDeadline' : `domain:priority.band.${row.band}`)}</span>
      {opened ? <PriorityPopover row={row} label={label} onClose={() => setOpened(false)} /> : (
        <button type="button" className="queue-why" aria-label={label} data-testid="why-here" tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            setOpened(true);
          }}>
          <IconHelpCircle size={16} aria-hidden />
        </button>
      )}
    </span>
  );
});

const toneClasses: Record<DeadlineTone, string> = { overdue: 'queue-remark-overdue', soon: 'queue-remark-soon', later: 'queue-dimmed' };

export function deadlineText(row: QueueRow, today: string, text: CellText): ReactNode {
  if (row.deadline === null) return <span className="queue-dimmed">{text.label('queue.noDeadline')}</span>;
  const state = deadlineState(row, today);
  const remark = text.remark(state);
  return (
    <span className="queue-stack" data-deadline-state={state.kind}>
      <span className="tabular">{text.date(row.deadline)}</span>
      {remark && <span className={`queue-small tabular ${toneClasses[remark.tone]}`}>{remark.text}</span>}
    </span>
  );
}

/** The status badge's colours as one style per status, made once: the grid's cells are plain elements. */
const statusStyles = Object.fromEntries(Object.entries(statusColours).map(([status, colours]) => [status, { background: colours.tint, color: colours.text }])) as
  Record<CaseStatus, CSSProperties>;

export function statusText(status: CaseStatus, text: CellText): ReactNode {
  return <span className="queue-status" style={statusStyles[status]} data-status={status}>{text.label(`status.${status}`, status)}</span>;
}

const flagIcons: Partial<Record<QueueFlag, Icon>> = {
  penalty: IconCurrencyEuro, noticeOfDefault: IconAlertOctagon, vulnerable: IconHeartHandshake,
  waiting: IconHourglass, newDocument: IconFileDownload, newMessage: IconMessage,
};

/** Flag icons with their names for screen readers and as the pointer's tooltip. */
export function flagIconsOf(flags: readonly QueueFlag[], text: CellText): ReactNode {
  return (
    <span className="queue-flag-icons" data-testid="row-flags" data-flags={flags.join(' ')}>
      {flags.map((flag) => {
        const FlagIcon = flagIcons[flag];
        if (!FlagIcon) return null;
        const label = text.label(`queue.flags.${flag}`);
        return <span key={flag} role="img" aria-label={label} title={label} className={`queue-flag queue-flag-${flag}`}><FlagIcon size={17} stroke={1.8} aria-hidden /></span>;
      })}
    </span>
  );
}
