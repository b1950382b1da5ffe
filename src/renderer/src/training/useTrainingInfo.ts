/**
 * What the data host knows of the training environment: whether it is one, and the trainer's
 * training "today". Loaded through the contract, reloaded when the connection comes back, and
 * replaced by every `training.changed` event (after a sync or a clock change).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TrainingInfo } from '../../../shared/contract';
import { connection } from '../connection';
import { useApi } from '../state/api';

/** The day to count deadlines from: the training "today" when the host knows one, else the real one. */
export function effectiveToday(info: TrainingInfo | null, realToday: string): string {
  return info?.active === true && info.today !== null ? info.today : realToday;
}

/** The host's training info; null until the first answer (or when the host does not answer). */
export function useTrainingInfo(): TrainingInfo | null {
  const api = useApi();
  const epoch = useSyncExternalStore((onStoreChange) => connection.onDidChange(onStoreChange), () => connection.epoch);
  const [info, setInfo] = useState<TrainingInfo | null>(null);
  useEffect(() => {
    let current = true;
    api.training.info().then((next) => {
      if (current) setInfo(next);
    }, () => undefined);
    const off = api.on('training.changed', (next) => setInfo(next));
    return () => {
      current = false;
      off();
    };
  }, [api, epoch]);
  return info;
}
