/**
 * npm run simulate -- --server URL [--rate 2/s] [--duration 60s] [--seed S] [--concurrency 16]
 *                      [--events message,document] [--cases IND-600100000,IND-600100001]
 * Plays the applicant side (My IND) against the intake endpoints; `--events` and `--cases` narrow
 * it to some kinds of event on some cases (a trainer's "the applicant writes now"). The service token comes from
 * WERKBANK_INTAKE_TOKEN (or --token). Ctrl-C stops cleanly: requests in flight finish, then the
 * summary is printed.
 */
import { parseArgs } from 'node:util';
import { parseDuration, parseRate, runSimulation, simulatedEvents, type SimulatedEvent, type SimulationSummary } from './simulate';

function report(summary: SimulationSummary): string {
  const seconds = summary.milliseconds / 1000;
  const lines = [
    `Simulated ${summary.events} events in ${seconds.toFixed(1)} s (${(summary.events / Math.max(seconds, 0.001)).toFixed(2)}/s): ${summary.accepted} accepted, ${summary.failed} failed, ${summary.casesCreated} new cases.`,
    ...Object.entries(summary.byEvent).map(([event, counts]) => `  ${event.padEnd(16)} ${String(counts.accepted).padStart(6)} accepted ${String(counts.failed).padStart(6)} failed`),
  ];
  const { delivered, failed, errors } = summary.deliveries;
  lines.push(`  ${'delivery'.padEnd(16)} ${String(delivered).padStart(6)} delivered ${String(failed).padStart(5)} failed${errors > 0 ? ` (${errors} requests without a good answer)` : ''}`);
  const failures = Object.entries(summary.failuresByStatus);
  if (failures.length > 0) lines.push(`  failures by status: ${failures.map(([status, count]) => `${status === '0' ? 'no answer' : status} ${count}`).join(', ')}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      rate: { type: 'string', default: '2/s' },
      duration: { type: 'string' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '16' },
      token: { type: 'string' },
      events: { type: 'string' },
      cases: { type: 'string' },
    },
    strict: true,
  });
  if (!values.server) throw new Error('--server URL is required (e.g. --server http://127.0.0.1:8787)');
  const serverUrl = new URL(values.server).toString().replace(/\/+$/, '');
  const token = values.token ?? process.env['WERKBANK_INTAKE_TOKEN'];
  if (!token) throw new Error('set WERKBANK_INTAKE_TOKEN (the intake service token the server was started with) or pass --token');
  const seed = Number(values.seed);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new Error('--concurrency must be from 1 to 256');
  const isEvent = (name: string): name is SimulatedEvent => (simulatedEvents as readonly string[]).includes(name);
  const names = values.events?.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const events = names?.filter(isEvent);
  const unknown = names?.filter((name) => !isEvent(name)) ?? [];
  if (unknown.length > 0) throw new Error(`--events: unknown ${unknown.join(', ')} (known: ${simulatedEvents.join(', ')})`);
  const caseNumbers = values.cases?.split(',').map((number) => number.trim()).filter((number) => number !== '');
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    console.info('Stopping: letting requests in flight finish (Ctrl-C again to quit at once)…');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const ratePerSecond = parseRate(values.rate);
  console.info(`Simulating My IND against ${serverUrl} at ${ratePerSecond.toFixed(2)} events/s${values.duration ? ` for ${values.duration}` : ' until Ctrl-C'}.`);
  const summary = await runSimulation({
    serverUrl, token, ratePerSecond, seed, concurrency, signal: controller.signal,
    ...(values.duration ? { durationMilliseconds: parseDuration(values.duration) } : {}),
    ...(events ? { events } : {}),
    ...(caseNumbers ? { caseNumbers } : {}),
  });
  console.info(report(summary));
  process.exit(summary.events > 0 && summary.accepted === 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`simulate: ${error instanceof Error ? error.message : 'failed'}`);
  process.exit(1);
});
