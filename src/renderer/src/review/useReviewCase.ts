/**
 * The case screen's data: review.case from the host, reloaded when the host says the case or the
 * sync state changed (a queued action was answered, a pull brought new rows). Opening the case goes
 * through cases.open once, which records the read for the audit log (queued while offline). A reload
 * that brings the same case (the outbox moved for another action, such as the audit record of a
 * document read) keeps the object the screen has, so nothing on it renders again.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReviewCase } from '../../../shared/contract';
import { errorCodeOf, type UiErrorCode } from '../errors';
import { useApi } from '../state/api';
import { coalesce } from '../state/coalesce';

export interface ReviewCaseState {
  review: ReviewCase | null;
  errorCode: UiErrorCode | null;
  reload: () => void;
}

export function useReviewCase(caseId: string, today: string): ReviewCaseState {
  const api = useApi();
  // The case with its JSON, to tell a reload that changed something from one that did not.
  const [shown, setShown] = useState<{ review: ReviewCase; json: string } | null>(null);
  const [errorCode, setErrorCode] = useState<UiErrorCode | null>(null);

  const load = useMemo(() => coalesce(() => api.review.case({ caseId, today }).then(
    (answer) => {
      const json = JSON.stringify(answer);
      setShown((previous) => (previous?.json === json ? previous : { review: answer, json }));
      setErrorCode(null);
    },
    (error: unknown) => setErrorCode(errorCodeOf(error)),
  )), [api, caseId, today]);

  useEffect(() => {
    // The audited read: once per opening, not per reload.
    api.cases.open({ caseId }).catch(() => undefined);
  }, [api, caseId]);

  useEffect(() => {
    load();
    const offCases = api.on('cases.changed', ({ caseIds }) => {
      if (caseIds.length === 0 || caseIds.includes(caseId)) load();
    });
    // When the outbox moved (an action answered, refused or in conflict) and when a sync cycle ended:
    // an answered action leaves the outbox before the pull brings the server's row, and rows such as
    // evidence links and notes do not change the case row, so no cases.changed announces them.
    let last: { outbox: string; syncing: boolean } | null = null;
    const offSync = api.on('sync.changed', (status) => {
      const next = { outbox: `${status.pending}/${status.failed ?? 0}/${status.conflicts}`, syncing: status.state === 'syncing' };
      if (last && (next.outbox !== last.outbox || (last.syncing && !next.syncing))) load();
      last = next;
    });
    return () => {
      offCases();
      offSync();
    };
  }, [api, caseId, load]);

  return { review: shown?.review ?? null, errorCode, reload: load };
}
