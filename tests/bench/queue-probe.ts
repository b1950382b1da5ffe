/**
 * The in-page probe of the queue benchmark, installed with page.addInitScript before the app's
 * scripts run. Plain JavaScript in a string: the Node tsconfig has no DOM types, and the probe must
 * not depend on the app's bundle. Everything is in page time (performance.now(), ms since the
 * navigation started). It exposes window.__queueBench:
 *   rows              {inDom, painted, since} once the first [data-testid="queue-row"] is in the DOM
 *                     and painted (the second animation frame after it appeared, i.e. the frame that
 *                     showed it has been presented); since = 0 after navigation, else the click time
 *   loadTimes()       {firstContentfulPaint, ready}: the first contentful paint and when the app
 *                     set data-ready="true" (null when not yet)
 *   armRows()         forget the rows, measure again from the next click on nav-queue
 *   scrollThrough(ms, expectedRows)  scrollTop from top to bottom of [data-testid="queue-scroll"], one
 *                     step per animation frame; resolves with the frame intervals, long animation
 *                     frames, the last row index reached and when the bottom rows were painted
 *   scrollToTop(), startFrames(), stopFrames()  frame intervals of a phase driven from outside
 */
export const probeScript = `(() => {
  const rowSelector = '[data-testid="queue-row"]';
  const longFrames = [];
  const longFramesSupported = typeof PerformanceObserver !== 'undefined'
    && (PerformanceObserver.supportedEntryTypes || []).includes('long-animation-frame');
  if (longFramesSupported) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const end = entry.startTime + entry.duration;
        longFrames.push({
          start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration || 0,
          renderStart: entry.renderStart || 0,
          // Style and layout of the frame's rendering; the scripts by what invoked them (event, callback, promise).
          styleAndLayout: entry.styleAndLayoutStart > 0 ? end - entry.styleAndLayoutStart : 0,
          // The file a script came from tells the app's bundle from this probe (an init script has no URL).
          scripts: (entry.scripts || []).map((script) => ({
            invoker: String(script.invoker || script.invokerType || '?') + ' @ ' + (String(script.sourceURL || '').split('/').pop() || 'probe'),
            duration: script.duration, forcedStyleAndLayout: script.forcedStyleAndLayoutDuration || 0,
            scriptStart: script.startTime || 0, functionName: String(script.sourceFunctionName || ''),
          })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  }
  const afterNextPaint = (callback) => requestAnimationFrame(() => requestAnimationFrame(callback));
  const bench = { rows: null, since: 0, pending: false, recorder: null, readyAt: null };
  window.__queueBench = bench;

  const look = () => {
    if (bench.readyAt === null && document.documentElement && document.documentElement.dataset.ready === 'true') bench.readyAt = performance.now();
    if (bench.rows !== null || bench.pending || !document.querySelector(rowSelector)) return;
    bench.pending = true;
    const inDom = performance.now();
    const since = bench.since;
    afterNextPaint((painted) => {
      bench.rows = { inDom, painted, since };
      bench.pending = false;
    });
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-testid="nav-queue"]')) bench.since = event.timeStamp;
  }, true);

  bench.loadTimes = () => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { firstContentfulPaint: paint ? paint.startTime : null, ready: bench.readyAt };
  };

  bench.armRows = () => {
    bench.rows = null;
    bench.pending = false;
    bench.since = performance.now();
  };

  const scroller = () => {
    const element = document.querySelector('[data-testid="queue-scroll"]');
    if (!element) throw new Error('no [data-testid="queue-scroll"] on the page');
    return element;
  };
  const lastIndex = () => {
    let last = -1;
    for (const row of document.querySelectorAll(rowSelector)) last = Math.max(last, Number(row.getAttribute('data-index')));
    return last;
  };
  const longFramesSince = (start) => longFrames.filter((frame) => frame.start >= start);

  bench.scrollToTop = () => { scroller().scrollTop = 0; };

  bench.scrollThrough = (duration, expectedRows) => new Promise((resolve) => {
    const element = scroller();
    // Read once: the height is fixed by the row count, and reading it every frame would force a layout.
    const maxTop = element.scrollHeight - element.clientHeight;
    const deltas = [];
    // Diagnostics: when each frame ran and the scrollTop it set, to place the missed frames.
    const times = [];
    const tops = [];
    let start = null;
    let previous = 0;
    const settle = (stoppedAt) => {
      const bottom = '[data-testid="queue-row"][data-index="' + (expectedRows - 1) + '"]';
      const finish = (bottomPainted) => resolve({
        deltas, times, tops, longFrames: longFramesSince(start), longFramesSupported, lastIndex: lastIndex(), bottomPainted,
      });
      const poll = (now) => {
        if (document.querySelector(bottom)) afterNextPaint((painted) => finish(painted - stoppedAt));
        else if (now - stoppedAt > 10000) finish(null);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    };
    const step = (now) => {
      if (start === null) start = now;
      else deltas.push(now - previous);
      previous = now;
      const progress = Math.min(1, (now - start) / duration);
      element.scrollTop = Math.round(progress * maxTop);
      times.push(now);
      tops.push(Math.round(progress * maxTop));
      if (progress < 1) requestAnimationFrame(step);
      else settle(now);
    };
    requestAnimationFrame(step);
  });

  bench.startFrames = () => {
    const recorder = { deltas: [], times: [], start: performance.now(), previous: null, running: true };
    const tick = (now) => {
      if (!recorder.running) return;
      recorder.times.push(now);
      if (recorder.previous !== null) recorder.deltas.push(now - recorder.previous);
      recorder.previous = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    bench.recorder = recorder;
  };
  bench.stopFrames = () => {
    const recorder = bench.recorder;
    if (!recorder) throw new Error('startFrames was not called');
    recorder.running = false;
    bench.recorder = null;
    return { deltas: recorder.deltas, times: recorder.times, longFrames: longFramesSince(recorder.start), longFramesSupported };
  };
})();`;
