/**
 * The queue's single-key shortcuts (j/k, Enter, x, c, r, n, /, 1-3, ?), active while the queue is on
 * screen and the user is not typing or in a dialog.
 */
import { useEffect, useRef } from 'react';

export type QueueKeyAction = 'down' | 'up' | 'open' | 'select' | 'claim' | 'release' | 'takeNext' | 'search' | 'legend' | 'tab1' | 'tab2' | 'tab3';

const keyActions: Record<string, QueueKeyAction> = {
  j: 'down', ArrowDown: 'down', k: 'up', ArrowUp: 'up', Enter: 'open', x: 'select', c: 'claim', r: 'release', n: 'takeNext',
  '/': 'search', '?': 'legend', '1': 'tab1', '2': 'tab2', '3': 'tab3',
};

/** True when a key press belongs to what the user is typing or to an open dialog, not to the queue. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null;
}

export function useQueueKeyboard(onAction: (action: QueueKeyAction) => void): void {
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      // Arrow keys and Enter belong to focused buttons and links outside the grid.
      const inGrid = event.target instanceof HTMLElement && event.target.closest('[data-testid="queue-scroll"]') !== null;
      const onControl = event.target instanceof HTMLElement && event.target !== document.body && !inGrid
        && event.target.closest('button, a, [role="tab"], [role="button"]') !== null;
      if (onControl && (event.key === 'Enter' || event.key.startsWith('Arrow'))) return;
      const action = keyActions[event.key];
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
