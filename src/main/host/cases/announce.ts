/**
 * Turns a change of the local cache into host events: `cases.changed` for the lists, and
 * `case.changed` for each case whose screen has something new, so an open case screen reloads only
 * for its own case. A change of many cases at once (a mass reassignment, a fresh pull) is one
 * `cases.changed` with an empty list instead, which every screen takes as "reload".
 *
 * `letters.changed` goes with each `case.changed`: a change does not say which of a case's rows it
 * touched, and a case's letter list is one small read, so a spare reload is cheaper than a missed one.
 * `messages.changed` goes with every change for the same reason, with the same case ids (an empty
 * list: reload everything), so the unread badge and an open thread follow pulls and the outbox.
 */
import type { Broadcast } from '../context';
import type { CasesChange } from '../sync/cases-change';

/** Above this many cases in one change, one "everything" event replaces the per-case ones. */
export const perCaseEventLimit = 300;

export function announceCases(broadcast: Broadcast, change: CasesChange): void {
  if (change.cases === 'all' || change.cases.length > perCaseEventLimit) {
    broadcast('cases.changed', { caseIds: [] });
    broadcast('messages.changed', { caseIds: [] });
    return;
  }
  if (change.listed.length > 0) broadcast('cases.changed', { caseIds: change.listed });
  const changed = [...new Set(change.cases)];
  if (changed.length > 0) broadcast('messages.changed', { caseIds: changed });
  for (const caseId of changed) {
    broadcast('case.changed', { caseId });
    broadcast('letters.changed', { caseId });
  }
}
