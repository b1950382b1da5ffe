/**
 * The queue's rows, loaded a window at a time: the virtualized grid asks for the rows it is about to
 * show and this hook fetches the missing pages of 100 from the host. A change of tab, filter or sort
 * starts afresh; a cases.changed event reloads the pages in view, so claims and syncs show at once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { QueueFilter, QueueRow, QueueSort, QueueTab } from '../../../shared/contract';
import { connection } from '../connection';
import { errorCodeOf, isConnectionLost, type UiErrorCode } from '../errors';
import { useApi } from '../state/api';
import { useConnectionEpoch } from '../state/hooks';

export const queuePageSize = 100;
/** How often the rows in view are looked at while scrolling, to fetch their pages. */
const fetchDelay = 40;
/** The pages kept besides the first ones: a scroll through 100,000 rows would otherwise hold them all (and the garbage collector would trace them all). */
const keptPages = 40;
/** The first pages are always kept: they give the case screen the queue's order (setQueueOrder). */
const firstPages = 20;

/** Forgets the loaded pages farthest from the rows in view, beyond the first pages and `keptPages` others; they are fetched again when scrolled to. */
function forgetFarPages(rows: Map<number, QueueRow[]>, visible: { start: number; end: number }): void {
  const others = [...rows.keys()].filter((page) => page >= firstPages);
  if (others.length <= keptPages) return;
  const middle = (visible.start + visible.end) / 2 / queuePageSize;
  others.sort((left, right) => Math.abs(right - middle) - Math.abs(left - middle));
  for (const page of others.slice(0, others.length - keptPages)) rows.delete(page);
}

export interface QueueQueryState {
  tab: QueueTab;
  filter: QueueFilter;
  sort: QueueSort;
}

export interface QueueData {
  status: 'loading' | 'ready' | 'error';
  total: number;
  /** The day the host ranked the cases for. */
  today: string | null;
  errorCode: UiErrorCode | null;
  /**
   * The row at an index, or undefined while its page loads. It reads the pages as they are now:
   * components that show rows subscribe to their arrival, so an answer re-renders only them (the
   * grid, or the screen when its active row arrives), not the whole queue screen.
   */
  rowAt(index: number): QueueRow | undefined;
  /** Calls `listener` after every page that arrives; returns the unsubscribe. For useSyncExternalStore. */
  subscribe(listener: () => void): () => void;
  /** Bumped on every page that arrives: the snapshot of the rows for useSyncExternalStore. */
  version(): number;
  /** Asks for the rows from `start` to `end` (inclusive); pages already loaded or loading are skipped. */
  ensureRange(start: number, end: number): void;
  reload(): void;
}

interface Pages {
  /** Bumped on every reset, so answers for an earlier query are ignored. */
  generation: number;
  rows: Map<number, QueueRow[]>;
  loading: Set<number>;
}

export function useQueueData(query: QueueQueryState): QueueData {
  const api = useApi();
  const epoch = useConnectionEpoch();
  const key = JSON.stringify(query);
  const pages = useRef<Pages>({ generation: 0, rows: new Map(), loading: new Set() });
  const visible = useRef<{ start: number; end: number }>({ start: 0, end: queuePageSize - 1 });
  const [state, setState] = useState<QueueState>({ status: 'loading', total: 0, today: null, errorCode: null });
  // The rows' arrivals, outside React state: only their subscribers re-render.
  const [arrivals] = useState(createArrivals);

  const fetchPage = useCallback((page: number) => {
    const current = pages.current;
    if (current.loading.has(page)) return;
    current.loading.add(page);
    const generation = current.generation;
    const parsed = JSON.parse(key) as QueueQueryState;
    api.queue.list({ ...parsed, offset: page * queuePageSize, limit: queuePageSize }).then(
      (result) => {
        if (pages.current.generation !== generation) return;
        pages.current.loading.delete(page);
        pages.current.rows.set(page, result.items);
        forgetFarPages(pages.current.rows, visible.current);
        // The same state object when nothing but rows changed, so the screen does not re-render.
        setState((previous) => sameState(previous, { status: 'ready', total: result.total, today: result.today, errorCode: null }));
        arrivals.notify();
      },
      (error: unknown) => {
        if (pages.current.generation !== generation) return;
        pages.current.loading.delete(page);
        if (isConnectionLost(error)) connection.setState('disconnected');
        setState((previous) => sameState(previous, { ...previous, status: previous.status === 'loading' ? 'error' : previous.status, errorCode: errorCodeOf(error) }));
      },
    );
  }, [api, key, arrivals]);

  // While the user scrolls fast, only the pages in view when scrolling pauses are fetched: the host
  // answers one call at a time, and pages flown past would only delay the ones the user stops at (and
  // their answers would cost the frames of the scroll a render each for rows already out of view).
  // Every 40 ms the rows in view are looked at: moved by more than a screenful since the last look
  // means flying past, so look again later; otherwise fetch the missing pages in view.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ensureRange = useCallback((start: number, end: number) => {
    visible.current = { start, end };
    if (pending.current !== null) return;
    let seen = start;
    const look = (): void => {
      const range = visible.current;
      if (Math.abs(range.start - seen) > Math.max(1, range.end - range.start)) {
        seen = range.start;
        pending.current = setTimeout(look, fetchDelay);
        return;
      }
      pending.current = null;
      const first = Math.max(0, Math.floor(range.start / queuePageSize));
      const last = Math.max(first, Math.floor(range.end / queuePageSize));
      for (let page = first; page <= last; page += 1) {
        if (!pages.current.rows.has(page)) fetchPage(page);
      }
    };
    pending.current = setTimeout(look, fetchDelay);
  }, [fetchPage]);
  useEffect(() => () => {
    if (pending.current !== null) clearTimeout(pending.current);
  }, []);

  /** Reloads what is in view and forgets the rest (it is fetched again when scrolled to). */
  const refresh = useCallback(() => {
    const { start, end } = visible.current;
    pages.current = { generation: pages.current.generation + 1, rows: pages.current.rows, loading: new Set() };
    const keep = new Map<number, QueueRow[]>();
    for (const [page, rows] of pages.current.rows) {
      if (page >= Math.floor(start / queuePageSize) && page <= Math.floor(end / queuePageSize)) keep.set(page, rows);
    }
    // Old rows stay on screen until the fresh ones arrive: no flicker on every sync.
    pages.current.rows = keep;
    for (const page of keep.keys()) fetchPage(page);
    if (keep.size === 0) fetchPage(Math.floor(start / queuePageSize));
  }, [fetchPage]);

  useEffect(() => {
    pages.current = { generation: pages.current.generation + 1, rows: new Map(), loading: new Set() };
    visible.current = { start: 0, end: queuePageSize - 1 };
    // The previous rows stay on screen until the first page of the new query arrives.
    fetchPage(0);
  }, [fetchPage]);

  useEffect(() => {
    if (epoch > 0) refresh();
  }, [epoch, refresh]);

  useEffect(() => api.on('cases.changed', () => refresh()), [api, refresh]);
  useEffect(() => api.on('training.changed', () => refresh()), [api, refresh]);

  const rowAt = useCallback((index: number) => pages.current.rows.get(Math.floor(index / queuePageSize))?.[index % queuePageSize], []);

  return useMemo(() => ({
    status: state.status, total: state.total, today: state.today, errorCode: state.errorCode, rowAt,
    subscribe: arrivals.subscribe, version: arrivals.version, ensureRange, reload: refresh,
  }), [state.status, state.total, state.today, state.errorCode, rowAt, arrivals, ensureRange, refresh]);
}

type QueueState = Pick<QueueData, 'status' | 'total' | 'today' | 'errorCode'>;

function sameState(previous: QueueState, next: QueueState): QueueState {
  return previous.status === next.status && previous.total === next.total && previous.today === next.today && previous.errorCode === next.errorCode
    ? previous : next;
}

interface Arrivals {
  notify(): void;
  subscribe(listener: () => void): () => void;
  version(): number;
}

/** A counter of page arrivals with listeners: a minimal external store. */
function createArrivals(): Arrivals {
  const listeners = new Set<() => void>();
  let count = 0;
  return {
    notify: () => {
      count += 1;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    version: () => count,
  };
}
