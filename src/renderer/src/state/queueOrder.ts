/**
 * The queue's current order of cases, so the case screen can step to the next or previous case
 * without asking the host. The queue screen writes it whenever its list changes; the case screen
 * only reads it. A module-level store: one queue per window.
 */
let order: readonly string[] = [];

/** Remembers the queue's cases in the order it shows them. */
export function setQueueOrder(caseIds: readonly string[]): void {
  order = [...caseIds];
}

/** The case `step` places after (1) or before (-1) `caseId` in the queue; null at either end or when unknown. */
export function neighbourOf(caseId: string, step: 1 | -1): string | null {
  const index = order.indexOf(caseId);
  if (index < 0) return null;
  return order[index + step] ?? null;
}
