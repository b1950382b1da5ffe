/**
 * The one way a screen reads from the data host. A query runs a host call and keeps its last
 * answer: a reload that answers the same keeps the same object (nothing renders again), a failed
 * reload keeps what was shown (an error never blanks a screen), a burst of reloads folds into one
 * follow-up, and the query reloads when the connection comes back and on the host events it names,
 * each with an optional test of the event's payload (`case.changed` for this case only). An event
 * that carries the answer itself (`answeredBy`) replaces it without another call.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EventName, Events } from '../../../shared/contract';
import type { PayloadOf } from '../../../shared/rpc';
import { connection } from '../connection';
import { errorCodeOf, isConnectionLost, type UiErrorCode } from '../errors';
import { useApi } from './api';
import { coalesce } from './coalesce';

/** The host events a query reloads on: `true` for every one, or a test of its payload. */
export type HostQueryEvents = { [Name in EventName]?: true | ((payload: PayloadOf<Events, Name>) => boolean) };

/** Host events whose payload is the answer itself (sync.changed carries the status): taken as it is, with no call. */
export type HostQueryAnswers<T> = { [Name in EventName]?: (payload: PayloadOf<Events, Name>) => T };

export interface HostQueryOptions<T> {
  /** The arguments that make this query a different one (a case id, a day): when they change, the old answer is not shown. */
  key?: readonly (string | number | boolean | null)[];
  events?: HostQueryEvents;
  answeredBy?: HostQueryAnswers<T>;
  /** False holds the query (nothing is asked) until it turns true. */
  enabled?: boolean;
}

export interface HostQuery<T> {
  /** 'loading' until the first answer; 'ready' from then on, even while a later reload fails. */
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  /** The last error, kept until a load succeeds. */
  errorCode: UiErrorCode | null;
  reload: () => void;
  /** Changes the shown answer at once (an item removed by the user) until the next answer. */
  update: (change: (data: T) => T) => void;
}

interface Answer<T> {
  /** The key of the query this answers: an answer to another key is never shown. */
  query: string;
  data: T | null;
  /** The answer as JSON, to tell a reload that changed something from one that did not. */
  json: string | null;
  errorCode: UiErrorCode | null;
  /** True once this query has been answered at least once. */
  loaded: boolean;
}

/**
 * Runs `run` now, again when `options.key` changes (a new query), on the named events and after a
 * reconnect. `run` and the event tests may close over anything; the latest ones are used.
 */
export function useHostQuery<T>(run: () => Promise<T>, options: HostQueryOptions<T> = {}): HostQuery<T> {
  const api = useApi();
  // Read here rather than through state/hooks, which reads the training info through this hook.
  const epoch = useSyncExternalStore((onStoreChange) => connection.onDidChange(onStoreChange), () => connection.epoch);
  const enabled = options.enabled ?? true;
  const latest = useRef({ run, events: options.events, answeredBy: options.answeredBy });
  useLayoutEffect(() => {
    latest.current = { run, events: options.events, answeredBy: options.answeredBy };
  });
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const loader = useRef<(() => void) | null>(null);

  const query = JSON.stringify(options.key ?? []);
  const eventNames = Object.keys(options.events ?? {}).sort().join(' ');
  const answerNames = Object.keys(options.answeredBy ?? {}).sort().join(' ');
  useEffect(() => {
    if (!enabled) return undefined;
    // Answers that arrive after this query ended (another key, unmounted) are dropped.
    let active = true;
    const accept = (data: T): void => {
      if (!active) return;
      const json = JSON.stringify(data);
      setAnswer((previous) => (previous?.query === query && previous.errorCode === null && previous.json === json
        ? previous : { query, data, json, errorCode: null, loaded: true }));
    };
    const load = coalesce(() => latest.current.run().then(
      accept,
      (error: unknown) => {
        if (isConnectionLost(error)) connection.setState('disconnected');
        if (!active) return;
        const errorCode = errorCodeOf(error);
        setAnswer((previous) => (previous?.query === query ? { ...previous, errorCode } : { query, data: null, json: null, errorCode, loaded: false }));
      },
    ));
    loader.current = load;
    if (epoch > 0) load();
    const offs: (() => void)[] = eventNames === '' ? [] : (eventNames.split(' ') as EventName[]).map((name) => api.on(name, (payload) => {
      const test = latest.current.events?.[name] as true | ((payload: unknown) => boolean) | undefined;
      if (test === true || (test !== undefined && test(payload))) load();
    }));
    for (const name of answerNames === '' ? [] : answerNames.split(' ') as EventName[]) {
      offs.push(api.on(name, (payload) => {
        const take = latest.current.answeredBy?.[name] as ((payload: unknown) => T) | undefined;
        if (take) accept(take(payload));
      }));
    }
    return () => {
      active = false;
      if (loader.current === load) loader.current = null;
      for (const off of offs) off();
    };
  }, [api, query, enabled, epoch, eventNames, answerNames]);

  const reload = useCallback(() => loader.current?.(), []);
  const update = useCallback((change: (data: T) => T) => {
    setAnswer((previous) => (previous?.query === query && previous.loaded && previous.data !== null
      ? { ...previous, data: change(previous.data), json: null } : previous));
  }, [query]);

  const current = answer?.query === query ? answer : null;
  return {
    status: current?.loaded ? 'ready' : current?.errorCode ? 'error' : 'loading',
    data: current?.data ?? null,
    errorCode: current?.errorCode ?? null,
    reload,
    update,
  };
}
