/** The `training` calls: the training "today" and, for trainers, moving the clock and resetting scenarios. */
import type { TrainingInfo, trainingCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';
import { central } from '../session/access';

export function trainingHandlers(parts: HostParts): HandlersOf<typeof trainingCalls> {
  return {
    'training.info': async (): Promise<TrainingInfo> =>
      (await parts.sync?.training.current()) ?? { active: parts.environment === 'training', today: null, clock: null },
    'training.setClock': (args) => central(parts.sync).training.setClock(args),
    'training.scenarios': () => central(parts.sync).training.scenarios(),
    'training.resetScenarios': ({ scenarios }) => central(parts.sync).training.resetScenarios(scenarios),
  };
}
