/** The `dashboard` calls: the team lead's figures over every case in scope. */
import type { dashboardCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';
import { DashboardReader } from './summary';

export function dashboardHandlers(parts: HostParts): HandlersOf<typeof dashboardCalls> {
  const reader = new DashboardReader(parts.cache.sqlite);
  return {
    'dashboard.summary': ({ today }) => reader.summary(today),
  };
}
