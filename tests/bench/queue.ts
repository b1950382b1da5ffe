/**
 * npm run bench:queue — the work queue (issue #7) on a cache of BENCH_QUEUE_CASES (default 100,000)
 * open cases plus 4 % decided ones (tests/bench/queue-data.ts). Needs the built renderer
 * (npm run build) and Debian's Chromium for the browser half; BENCH_QUEUE_BROWSER=0 skips it.
 *
 * Prints JSON lines. One per queue view:
 *   {"bench":"queue","view","p50_ms","p95_ms","floor_p50_ms","floor_p95_ms","ratio_p95","floor_rows_p50_ms",
 *    "floor_count_p50_ms","rows","total","runs","extra"?}
 * where the floor is the same SQL (window of rows + count) through raw prepared better-sqlite3
 * statements in the same run, also split into its two statements;
 * and {"bench":"queue","metric","value","unit"} for the cache and the browser figures.
 * Goals (reported, never asserted): query p95 ≤ 10 ms and ≤ 3× the floor; first rows painted
 * ≤ 500 ms after the queue opens; no frame over 16 ms while scrolling. The query plans of views that
 * miss a goal go to stderr (all of them with BENCH_QUEUE_PLANS=1).
 */
import { openCache } from '../../src/main/host/db/open';
import { calendarDateInAmsterdam } from '../../src/shared/domain/dates';
import { tempDir } from '../helpers/temp-dir';
import { fillQueueCache } from './queue-data';
import { measureViews, typicalViews } from './queue-queries';

const openCases = Number(process.env['BENCH_QUEUE_CASES'] ?? 100_000);
const runs = Number(process.env['BENCH_QUEUE_RUNS'] ?? 200);
const showAllPlans = process.env['BENCH_QUEUE_PLANS'] === '1';

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Prints one figure that is not a view. */
function emitMetric(metric: string, value: number, unit: string): void {
  console.log(JSON.stringify({ bench: 'queue', metric, value: round(value), unit }));
}

async function main(): Promise<void> {
  const dir = tempDir('werkbank-queue-bench-');
  try {
    // Today's date, so the browser half's host (which ranks for the real today) finds the cache ranked.
    const data = fillQueueCache(dir.path, { openCases, decidedCases: Math.round(openCases * 0.04), today: calendarDateInAmsterdam(new Date()) });
    emitMetric('fill_cache', data.fillMilliseconds, 'ms');
    emitMetric('cases_open', data.openCases, 'cases');
    emitMetric('cases_total', data.totalCases, 'cases');

    const cache = openCache({ file: data.file });
    try {
      const figures = measureViews(cache.sqlite, data, typicalViews(data), { runs, minimumRuns: 10, warmup: 20, budgetMilliseconds: 2_000 });
      const extras = new Set(typicalViews(data).filter((view) => view.extra).map((view) => view.name));
      for (const figure of figures) {
        const ratio = figure.p95 / figure.floorP95;
        console.log(JSON.stringify({
          bench: 'queue', view: figure.view, p50_ms: round(figure.p50), p95_ms: round(figure.p95),
          floor_p50_ms: round(figure.floorP50), floor_p95_ms: round(figure.floorP95), ratio_p95: Math.round(ratio * 100) / 100,
          floor_rows_p50_ms: round(figure.floorRowsP50), floor_count_p50_ms: round(figure.floorCountP50), rows: figure.rows, total: figure.total, runs: figure.runs, ...(extras.has(figure.view) ? { extra: true } : {}),
        }));
        if (showAllPlans || figure.p95 > 10 || ratio > 3) console.error(`# plan ${figure.view}: rows: ${figure.plan}; count: ${figure.countPlan}`);
      }
    } finally {
      cache.sqlite.close();
    }

    if (process.env['BENCH_QUEUE_BROWSER'] !== '0') {
      const { measureBrowser } = await import('./queue-browser');
      await measureBrowser(dir.path, data.openCases, emitMetric);
    }
  } finally {
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
