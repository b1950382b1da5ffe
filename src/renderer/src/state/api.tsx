/**
 * Hands window.werkbank to the components. Passed in rather than read from window everywhere, so a
 * screen depends on the contract's type only, and the connection monitor can learn of lost
 * connections from any call.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { WerkbankApi } from '../../../shared/contract';

const ApiContext = createContext<WerkbankApi | null>(null);

/** Provides the bridge to the components below. */
export function ApiProvider({ api, children }: { api: WerkbankApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The bridge to the data host. */
export function useApi(): WerkbankApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
