/**
 * The case screen's data: review.case from the host, reloaded on `case.changed` for this case only
 * (its row, a child row or one of its queued actions changed) and when every case may have changed.
 * Opening the case goes through cases.open once, which records the read for the audit log (queued
 * while offline). A reload that brings the same case keeps the object the screen has.
 */
import { useEffect } from 'react';
import type { ReviewCase } from '../../../shared/contract';
import type { UiErrorCode } from '../errors';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

export interface ReviewCaseState {
  review: ReviewCase | null;
  errorCode: UiErrorCode | null;
  reload: () => void;
}

export function useReviewCase(caseId: string, today: string): ReviewCaseState {
  const api = useApi();
  const query = useHostQuery(() => api.review.case({ caseId, today }), {
    key: [caseId, today],
    events: {
      'case.changed': (event) => event.caseId === caseId,
      'cases.changed': (event) => event.caseIds.length === 0,
    },
  });

  useEffect(() => {
    // The audited read: once per opening, not per reload.
    api.cases.open({ caseId }).catch(() => undefined);
  }, [api, caseId]);

  return { review: query.data, errorCode: query.errorCode, reload: query.reload };
}
