/**
 * What the data host knows of the training environment: whether it is one, and the trainer's
 * training "today". Loaded through the contract, reloaded when the connection comes back, and
 * replaced by every `training.changed` event, which carries it (after a sync or a clock change).
 */
import type { TrainingInfo } from '../../../shared/contract';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

/** The day to count deadlines from: the training "today" when the host knows one, else the real one. */
export function effectiveToday(info: TrainingInfo | null, realToday: string): string {
  return info?.active === true && info.today !== null ? info.today : realToday;
}

/** The host's training info; null until the first answer (or while the host does not answer). */
export function useTrainingInfo(): TrainingInfo | null {
  const api = useApi();
  return useHostQuery(() => api.training.info(), { answeredBy: { 'training.changed': (info) => info } }).data;
}
