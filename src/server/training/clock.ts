/**
 * The trainer's movable clock (training environments only). The trainer sets "today"; the clock
 * then reports that calendar day while the time of day keeps running, so deadlines, penalties and
 * the queue follow the lesson. "Real time" hands the clock back to the system clock.
 *
 * The setting lives in the training database (table training_settings, created here on demand:
 * it exists only in training databases, never through the production migrations), so a restart
 * keeps the lesson's date.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database';
import { amsterdamDate, type Clock } from '../services';
import { daysBetween, requireIsoDate, type IsoDate } from '../../shared/domain/dates';

/** What the clock follows: a date the trainer chose, or the real date. */
export type ClockSetting = { mode: 'fixed'; today: IsoDate } | { mode: 'real' };

const settingKey = 'clock';
const dayMilliseconds = 86_400_000;

/** A clock whose day the trainer moves; sessions and tokens keep using real time (see app.ts). */
export class MovableClock implements Clock {
  private current: ClockSetting;

  constructor(initial: ClockSetting, private readonly real: Clock) {
    this.current = initial;
  }

  /** The setting in force. */
  setting(): ClockSetting {
    return this.current;
  }

  /** Moves the clock; callers persist the setting first (saveClockSetting) and audit it. */
  set(setting: ClockSetting): void {
    this.current = setting.mode === 'fixed' ? { mode: 'fixed', today: requireIsoDate(setting.today, 'today') } : { mode: 'real' };
  }

  today(): IsoDate {
    return this.current.mode === 'fixed' ? this.current.today : this.real.today();
  }

  /** The real moment shifted by whole days, so timestamps written today fall on the trainer's day. */
  now(): Date {
    return this.nowWith(this.current);
  }

  /** What now() will be under `setting` (for the write that moves the clock). */
  nowWith(setting: ClockSetting): Date {
    const moment = this.real.now();
    if (setting.mode === 'real') return moment;
    const shift = daysBetween(amsterdamDate(moment), setting.today);
    return new Date(moment.getTime() + shift * dayMilliseconds);
  }
}

/** Creates the settings table of a training database when it is missing. */
export async function ensureTrainingSettings(db: Executor): Promise<void> {
  await db.execute(sql`create table if not exists training_settings (
    key text primary key, value jsonb not null, updated_at timestamptz not null)`);
}

/** The stored clock setting, or null when none was stored yet. */
export async function readClockSetting(db: Executor): Promise<ClockSetting | null> {
  const rows = await queryRows<{ value: unknown }>(db, sql`select value from training_settings where key = ${settingKey}`);
  const value = rows[0]?.value;
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (parsed && typeof parsed === 'object' && 'mode' in parsed) {
    if (parsed.mode === 'real') return { mode: 'real' };
    if (parsed.mode === 'fixed' && 'today' in parsed && typeof parsed.today === 'string') return { mode: 'fixed', today: requireIsoDate(parsed.today, 'today') };
  }
  return null;
}

/** Stores the clock setting (in the caller's transaction when given one). */
export async function saveClockSetting(db: Executor, setting: ClockSetting, at: Date): Promise<void> {
  await db.execute(sql`insert into training_settings (key, value, updated_at) values (${settingKey}, ${JSON.stringify(setting)}::jsonb, ${at.toISOString()})
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
}

/** The dataset's today as the clock's first setting, or real time when the dataset was made for today. */
export function initialClockSetting(datasetToday: IsoDate, realToday: IsoDate): ClockSetting {
  return datasetToday === realToday ? { mode: 'real' } : { mode: 'fixed', today: datasetToday };
}
