/**
 * The queue grid's cells as plain elements with CSS classes: a scroll through 100,000 rows mounts
 * thousands of rows a second, and Mantine's Badge, Text, Tooltip and Popover cost too much per row
 * for 16 ms frames (bench:queue). The "why here?" popover is mounted only when it is opened.
 */
import { IconAlertOctagon, IconCurrencyEuro, IconFileDownload, IconHeartHandshake, IconHelpCircle, IconHourglass, IconMessage, type Icon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { memo, useState, type ReactNode } from 'react';
import type { CaseStatus, Language, QueueFlag, QueueRow } from '../../../shared/contract';
import { deadlineRemark, type DeadlineTone } from '../components/DeadlineCell';
import { deadlineState } from '../state/caseFigures';
import { formatCalendarDate } from '../format/dates';
import { bandLabel, PriorityPopover } from './PriorityCell';

/**
 * The translation and language the cells are written in, looked up once per grid render instead of
 * by a useTranslation per cell: a fast scroll mounts hundreds of cells a second.
 */
export interface CellText {
  t: TFunction;
  language: Language;
}

/** The band label and a "why here?" button; the popover mounts on the first click. */
export const PriorityText = memo(function PriorityText({ row, text }: { row: QueueRow; text: CellText }) {
  const [opened, setOpened] = useState(false);
  const label = text.t('queue.why.label', { caseNumber: row.caseNumber });
  return (
    <span className="queue-priority">
      <span className={`queue-band queue-band-${row.band}`} data-testid="row-band" data-band={row.band}>{bandLabel(row.band, text.t)}</span>
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
  if (row.deadline === null) return <span className="queue-dimmed">{text.t('queue.noDeadline')}</span>;
  const state = deadlineState(row, today);
  const remark = deadlineRemark(state, text.t);
  return (
    <span className="queue-stack" data-deadline-state={state.kind}>
      <span className="tabular">{formatCalendarDate(row.deadline, text.language)}</span>
      {remark && <span className={`queue-small tabular ${toneClasses[remark.tone]}`}>{remark.text}</span>}
    </span>
  );
}

export function statusText(status: CaseStatus, text: CellText): ReactNode {
  return <span className={`queue-status queue-status-${status}`} data-status={status}>{text.t(`status.${status}`, { defaultValue: status })}</span>;
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
        const label = text.t(`queue.flags.${flag}`);
        return <span key={flag} role="img" aria-label={label} title={label} className={`queue-flag queue-flag-${flag}`}><FlagIcon size={17} stroke={1.8} aria-hidden /></span>;
      })}
    </span>
  );
}
