/**
 * The queue's current order of case ids, so the case screen can step to the next or previous case
 * of the queue the user came from. A module-level store: one queue per window.
 */
let order: readonly string[] = [];

/** Called by the queue screen with the ids it has loaded, in order. */
export function setQueueOrder(caseIds: readonly string[]): void {
  order = [...caseIds];
}

/** The case `step` places from `caseId` in the queue, or null at either end or when it is not in the queue. */
export function neighbourOf(caseId: string, step: 1 | -1): string | null {
  const index = order.indexOf(caseId);
  if (index === -1) return null;
  return order[index + step] ?? null;
}
