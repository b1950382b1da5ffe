/**
 * The in-page probe of the letter editor's benchmark (letters-editor.ts), installed with
 * page.addInitScript, so it runs in the app's page and in the viewer's frame alike. Plain JavaScript
 * in a string: the Node tsconfig has no DOM types, and the page's CSP forbids eval. Times are
 * absolute milliseconds (performance.timeOrigin + performance.now()), comparable across frames.
 * It exposes window.__lettersBench:
 *   lastKey            when the last keydown reached the document (app page)
 *   shas               [{sha, at}] each new data-sha256 of [data-testid="letter-preview"] (app page)
 *   painted            [at] each page of a new document drawn in the viewer (#page data-painted set
 *                      again after the viewer cleared it for the next drawing; viewer frame)
 *   startFrames()      records animation-frame times and long animation frames from now
 *   stopFrames()       {times, longFrames: [{start, duration, styleAndLayout, scripts}], longFramesSupported} since startFrames
 */
export const editorProbeScript = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = { lastKey: 0, shas: [], painted: [], frameTimes: [], longFrames: [], running: false };
  window.__lettersBench = bench;
  const longFramesSupported = typeof PerformanceObserver !== 'undefined'
    && (PerformanceObserver.supportedEntryTypes || []).includes('long-animation-frame');
  if (longFramesSupported) {
    new PerformanceObserver((list) => {
      if (!bench.running) return;
      for (const entry of list.getEntries()) {
        bench.longFrames.push({
          start: performance.timeOrigin + entry.startTime, duration: entry.duration,
          // Style and layout of the frame's rendering (the editor's DOM), apart from its scripts.
          styleAndLayout: entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0,
          scripts: (entry.scripts || []).map((script) => ({ invoker: script.invoker || '', duration: script.duration, sourceFunctionName: script.sourceFunctionName || '' })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  }
  bench.startFrames = () => {
    bench.frameTimes = [];
    bench.longFrames = [];
    bench.running = true;
    const tick = () => {
      if (!bench.running) return;
      bench.frameTimes.push(now());
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  bench.stopFrames = () => {
    bench.running = false;
    return { times: bench.frameTimes, longFrames: bench.longFrames, longFramesSupported };
  };
  const start = () => {
    document.addEventListener('keydown', () => { bench.lastKey = now(); }, true);
    new MutationObserver((records) => {
      for (const record of records) {
        const element = record.target;
        if (!element.matches || !element.matches('[data-testid="letter-preview"]')) continue;
        const sha = element.getAttribute('data-sha256');
        const last = bench.shas[bench.shas.length - 1];
        if (sha && (!last || last.sha !== sha)) bench.shas.push({ sha, at: now() });
      }
    }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-sha256'] });
    const box = document.getElementById('page');
    if (box) {
      let cleared = false;
      new MutationObserver(() => {
        if (!box.dataset.painted) cleared = true;
        else if (cleared) {
          cleared = false;
          bench.painted.push(now());
        }
      }).observe(box, { attributes: true, attributeFilter: ['data-painted'] });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();`;
