/**
 * The data host against a real training server (issue 6): it follows the trainer's clock through
 * training.info / training.changed, refuses a server of the other environment at sign-in, and lets a
 * trainer set the clock and reset scenarios through the contract.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, events, type TrainingInfo } from '../../../src/shared/contract';
import { connectRpc } from '../../../src/shared/rpc';
import { createHost, type Host } from '../../../src/main/host/host';
import { silentLogger } from '../../../src/main/host/log';
import { testPasswordCost } from '../../../src/server/auth/passwords';
import { fixedClock, silentLogger as serverLogger } from '../../../src/server/services';
import { startTrainingServer, type TrainingServer } from '../../../src/server/training/serve';
import { demoPassword, demoUsernames } from '../../../src/server/training/staff';
import { endpointPair } from '../../helpers/endpoint-pair';
import { password } from '../server/harness';
import { startSyncWorld, type SyncWorld } from './harness';

const datasetToday = '2026-03-16';
const folder = mkdtempSync(join(tmpdir(), 'werkbank-training-clock-'));
let training: TrainingServer;
let production: SyncWorld;
const hosts: Host[] = [];

beforeAll(async () => {
  training = await startTrainingServer({
    port: 0, dataDir: folder, seed: 3, caseCount: 8, today: datasetToday, logger: serverLogger, passwordCost: testPasswordCost,
    realClock: fixedClock(new Date('2026-11-22T10:00:00Z')),
  });
  production = await startSyncWorld();
}, 120_000);

afterAll(async () => {
  for (const host of hosts) host.close();
  await training?.close();
  await production?.close();
  rmSync(folder, { recursive: true, force: true });
});

function connect(serverUrl: string, trainingServer: boolean) {
  const host = createHost({ dataDir: ':memory:', serverUrl, trainingServer, logger: silentLogger, backgroundSync: false });
  hosts.push(host);
  const [hostEnd, clientEnd] = endpointPair();
  host.serve(hostEnd);
  const client = connectRpc(clientEnd, { calls, events, timeoutMs: 20_000 });
  const changes: TrainingInfo[] = [];
  client.on('training.changed', (info) => changes.push(info));
  return { host, client, changes };
}

describe('the data host and the training clock', () => {
  it('learns the training "today" from the training server, before anyone signs in', async () => {
    const { client } = connect(training.url, true);
    await expect(client.call('training.info')).resolves.toEqual({ active: true, today: datasetToday, clock: { mode: 'fixed', today: datasetToday } });
  });

  it('reports no training clock on a production host', async () => {
    const { client } = connect(production.baseUrl, false);
    await expect(client.call('training.info')).resolves.toEqual({ active: false, today: null, clock: null });
    await expect(client.call('training.setClock', { today: '2026-04-01' })).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('refuses a production server on a training host and a training server on a production host', async () => {
    const trainingHost = connect(production.baseUrl, true);
    await expect(trainingHost.client.call('session.signIn', { username: 'caseworkera', password }))
      .rejects.toMatchObject({ code: 'forbidden', details: { reason: 'environment_mismatch', expected: 'training', actual: 'production' } });
    await expect(trainingHost.client.call('session.current')).resolves.toEqual({ user: null, signInAvailable: true });

    const productionHost = connect(training.url, false);
    await expect(productionHost.client.call('session.signIn', { username: demoUsernames.caseworker, password: demoPassword }))
      .rejects.toMatchObject({ code: 'forbidden', details: { reason: 'environment_mismatch', expected: 'production', actual: 'training' } });
    await expect(productionHost.client.call('session.current')).resolves.toEqual({ user: null, signInAvailable: true });
  });

  it('lets a trainer move the clock; other workbenches follow after their next sync', async () => {
    const trainer = connect(training.url, true);
    const caseworker = connect(training.url, true);
    await trainer.client.call('session.signIn', { username: demoUsernames.trainer, password: demoPassword });
    await caseworker.client.call('session.signIn', { username: demoUsernames.caseworker, password: demoPassword });
    await caseworker.client.call('sync.now');
    await expect(caseworker.client.call('training.info')).resolves.toMatchObject({ today: datasetToday });

    const moved = await trainer.client.call('training.setClock', { today: '2026-04-20' });
    expect(moved).toEqual({ active: true, today: '2026-04-20', clock: { mode: 'fixed', today: '2026-04-20' } });
    expect(trainer.changes.at(-1)).toEqual(moved);

    await caseworker.client.call('sync.now');
    await expect.poll(() => caseworker.changes.at(-1)?.today).toBe('2026-04-20');
    await expect(caseworker.client.call('training.info')).resolves.toEqual(moved);

    const real = await trainer.client.call('training.setClock', { mode: 'real' });
    expect(real).toEqual({ active: true, today: '2026-11-22', clock: { mode: 'real' } });
    await trainer.client.call('training.setClock', { today: datasetToday });
  }, 60_000);

  it('refuses the trainer calls to anyone but a trainer, saying so', async () => {
    const { client } = connect(training.url, true);
    await client.call('session.signIn', { username: demoUsernames.caseworker, password: demoPassword });
    await expect(client.call('training.setClock', { today: '2026-04-01' })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'not_trainer' } });
    await expect(client.call('training.scenarios')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client.call('training.info')).resolves.toMatchObject({ today: datasetToday });
  });

  it('lists the scenarios and resets one, or all, for a trainer', async () => {
    const { client } = connect(training.url, true);
    await client.call('session.signIn', { username: demoUsernames.trainer, password: demoPassword });
    const { items } = await client.call('training.scenarios');
    expect(items.length).toBeGreaterThan(0);
    const first = items[0];
    if (!first) return;
    expect(first.title.nl.length).toBeGreaterThan(0);
    await expect(client.call('training.resetScenarios', { scenarios: [first.id] })).resolves.toMatchObject({ scenarios: [first.id] });
    const all = await client.call('training.resetScenarios', {});
    expect(all.scenarios).toEqual(items.map((item) => item.id));
    await expect(client.call('training.resetScenarios', { scenarios: ['no-such-scenario'] })).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);
});
