/**
 * The queue grid's cells as plain elements with CSS classes: a scroll through 100,000 rows mounts
 * thousands of rows a second, and Mantine's Badge, Text, Tooltip and Popover cost too much per row
 * for 16 ms frames (bench:queue). The "why here?" popover is mounted only when it is opened.
 */
import { IconAlertOctagon, IconCurrencyEuro, IconFileDownload, IconHeartHandshake, IconHelpCircle, IconHourglass, IconMessage, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, QueueFlag, QueueRow } from '../../../shared/contract';
import { deadlineRemark, type DeadlineTone } from '../components/DeadlineCell';
import { deadlineState } from '../state/caseFigures';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import { PriorityPopover, useBandLabel } from './PriorityCell';

/** The band label and a "why here?" button; the popover mounts on the first click. */
export function PriorityText({ row }: { row: QueueRow }) {
  const { t } = useTranslation();
  const bandLabel = useBandLabel();
  const [opened, setOpened] = useState(false);
  const label = t('queue.why.label', { caseNumber: row.caseNumber });
  return (
    <span className="queue-priority">
      <span className={`queue-band queue-band-${row.band}`} data-testid="row-band" data-band={row.band}>{bandLabel(row.band)}</span>
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
}

const toneClasses: Record<DeadlineTone, string> = { overdue: 'queue-remark-overdue', soon: 'queue-remark-soon', later: 'queue-dimmed' };

export function DeadlineText({ row, today }: { row: QueueRow; today: string }) {
  const { t, i18n } = useTranslation();
  if (row.deadline === null) return <span className="queue-dimmed">{t('queue.noDeadline')}</span>;
  const state = deadlineState(row, today);
  const remark = deadlineRemark(state, t);
  return (
    <span className="queue-stack" data-deadline-state={state.kind}>
      <span className="tabular">{formatCalendarDate(row.deadline, toLanguage(i18n.language))}</span>
      {remark && <span className={`queue-small tabular ${toneClasses[remark.tone]}`}>{remark.text}</span>}
    </span>
  );
}

export function StatusText({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`queue-status queue-status-${status}`} data-status={status}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

const flagIcons: Partial<Record<QueueFlag, Icon>> = {
  penalty: IconCurrencyEuro, noticeOfDefault: IconAlertOctagon, vulnerable: IconHeartHandshake,
  waiting: IconHourglass, newDocument: IconFileDownload, newMessage: IconMessage,
};

/** Flag icons with their names for screen readers and as the pointer's tooltip. */
export function FlagIcons({ flags }: { flags: readonly QueueFlag[] }) {
  const { t } = useTranslation();
  return (
    <span className="queue-flag-icons" data-testid="row-flags" data-flags={flags.join(' ')}>
      {flags.map((flag) => {
        const FlagIcon = flagIcons[flag];
        if (!FlagIcon) return null;
        const label = t(`queue.flags.${flag}`);
        return <span key={flag} role="img" aria-label={label} title={label} className={`queue-flag queue-flag-${flag}`}><FlagIcon size={17} stroke={1.8} aria-hidden /></span>;
      })}
    </span>
  );
}
