/**
 * Two panes side by side with a divider the person can drag, or move with the arrow keys once it has
 * focus (a WAI-ARIA window splitter). The width is kept for the next case.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const storageKey = 'werkbank.review.split';
const minimum = 25;
const maximum = 75;

function initialShare(): number {
  const stored = Number(window.localStorage.getItem(storageKey));
  return Number.isFinite(stored) && stored >= minimum && stored <= maximum ? stored : 42;
}

export function SplitView({ left, right }: { left: ReactNode; right: ReactNode }) {
  const { t } = useTranslation();
  const [share, setShare] = useState(initialShare);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const update = (next: number): void => {
    const clamped = Math.min(maximum, Math.max(minimum, Math.round(next)));
    setShare(clamped);
    window.localStorage.setItem(storageKey, String(clamped));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const bounds = box.current?.getBoundingClientRect();
    if (!dragging.current || !bounds) return;
    update(((event.clientX - bounds.left) / bounds.width) * 100);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = { ArrowLeft: share - 5, ArrowRight: share + 5, Home: minimum, End: maximum };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    update(next);
  };

  return (
    <div ref={box} className="review-split" onPointerMove={onPointerMove}
      onPointerUp={() => { dragging.current = false; }} onPointerLeave={() => { dragging.current = false; }}>
      <div className="review-pane" style={{ flexBasis: `${share}%` }}>{left}</div>
      <div
        className="review-divider"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label={t('review.split')}
        aria-valuenow={share}
        aria-valuemin={minimum}
        aria-valuemax={maximum}
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerUp={(event) => {
          dragging.current = false;
          event.currentTarget.releasePointerCapture(event.pointerId);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="review-pane review-pane-right">{right}</div>
    </div>
  );
}
