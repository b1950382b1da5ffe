/**
 * `npm run bench`: every benchmark in turn, each printing JSON lines
 * {"bench","metric","value","unit","floor"?}. Benchmarks print figures; they never assert timings.
 * The server and sync benchmarks use PostgreSQL at DATABASE_URL; the browser benchmarks (viewer,
 * queue, review, letters, messages, startup) build the renderer first, their npm scripts say so. The queue benchmark prints one line
 * per queue view ({"bench","view","p50_ms",…}) besides its {"bench","metric",…} lines.
 */
import { spawnSync } from 'node:child_process';

const benchmarks = ['bench:server', 'bench:sync', 'bench:viewer', 'bench:queue', 'bench:review', 'bench:letters', 'bench:messages', 'bench:startup', 'bench:eventlog'];
let failed = 0;
for (const name of benchmarks) {
  console.error(`# ${name}`);
  const result = spawnSync('npm', ['run', '-s', name], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`# ${name} failed with exit code ${result.status ?? 'none'}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
