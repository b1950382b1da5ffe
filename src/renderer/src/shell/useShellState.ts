/**
 * The Electron shell's start-up and update state (src/shared/shell.ts) from window.werkbankShell.
 * Null in the browser preview, where nothing starts behind the page and there is nothing to update.
 */
import { useEffect, useState } from 'react';
import { shellGlobalName, type ShellState, type WerkbankShell } from '../../../shared/shell';

export function shellApi(): WerkbankShell | null {
  return (window as unknown as Partial<Record<typeof shellGlobalName, WerkbankShell>>)[shellGlobalName] ?? null;
}

export function useShellState(): ShellState | null {
  const [state, setState] = useState<ShellState | null>(null);
  useEffect(() => {
    const shell = shellApi();
    if (!shell) return undefined;
    let active = true;
    // Pushed states win over the first answer when they cross.
    let pushed = false;
    const stop = shell.onState((next) => {
      pushed = true;
      if (active) setState(next);
    });
    void shell.state().then((first) => {
      if (active && !pushed) setState(first);
    }).catch(() => undefined);
    return () => {
      active = false;
      stop();
    };
  }, []);
  return state;
}
