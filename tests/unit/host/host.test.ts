import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls, events, type CaseSummary } from '../../../src/shared/contract';
import { connectRpc } from '../../../src/shared/rpc';
import { upsertCases } from '../../../src/main/host/cases/store';
import { createHost, type Host } from '../../../src/main/host/host';
import { silentLogger } from '../../../src/main/host/log';
import { endpointPair } from '../../helpers/endpoint-pair';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let host: Host | undefined;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  host?.close();
  host = undefined;
  dir.remove();
});

function connect(h: Host) {
  const [hostEnd, clientEnd] = endpointPair();
  h.serve(hostEnd);
  return connectRpc(clientEnd, { calls, events, timeoutMs: 2000 });
}

const row = (id: string, deadline: string | null, receivedOn: string) => ({
  id, caseNumber: `Z${id}`, applicantName: `Applicant ${id}`, vNumber: '0012345678', caseType: 'study',
  regime: 'regular_study', status: 'in_progress', receivedOn, deadline, assignee: null, team: 'T1',
  version: 1, updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('data host', () => {
  it('answers app.info for the training environment by default, in Dutch', async () => {
    host = createHost({ dataDir: dir.path, appVersion: '1.2.3', logger: silentLogger });
    const info = await connect(host).call('app.info');
    expect(info).toEqual({ environment: 'training', environmentName: 'training', version: '1.2.3', language: 'nl' });
  });

  it('names a production environment after its server', async () => {
    host = createHost({ dataDir: dir.path, serverUrl: 'https://werkbank.ind.example:8443/api', logger: silentLogger });
    await expect(connect(host).call('app.info')).resolves.toMatchObject({ environment: 'production', environmentName: 'werkbank.ind.example:8443' });
  });

  it('remembers the language across restarts', async () => {
    host = createHost({ dataDir: dir.path, logger: silentLogger });
    await connect(host).call('settings.setLanguage', { language: 'en' });
    host.close();
    host = createHost({ dataDir: dir.path, logger: silentLogger });
    await expect(connect(host).call('app.info')).resolves.toMatchObject({ language: 'en' });
  });

  it('lists cached cases by deadline, unknown deadlines last, with paging and a total', async () => {
    host = createHost({ dataDir: dir.path, logger: silentLogger });
    upsertCases(host.cache.db, [
      row('a', '2026-03-01', '2025-12-01'),
      row('b', null, '2025-11-01'),
      row('c', '2026-02-01', '2025-11-15'),
      row('d', '2026-02-01', '2025-11-10'),
    ]);
    const client = connect(host);
    const all = await client.call('cases.list', {});
    expect(all.total).toBe(4);
    expect(all.items.map((c: CaseSummary) => c.id)).toEqual(['d', 'c', 'a', 'b']);
    const page = await client.call('cases.list', { limit: 2, offset: 1 });
    expect(page.items.map((c: CaseSummary) => c.id)).toEqual(['c', 'a']);
  });

  it('validates every call against the contract', async () => {
    host = createHost({ dataDir: dir.path, logger: silentLogger });
    const client = connect(host);
    await expect(client.call('cases.list', { limit: 0 })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(client.call('cases.list', { limit: 10, sql: 'DROP TABLE cases' } as never)).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(client.call('settings.setLanguage', { language: 'de' } as never)).rejects.toMatchObject({ code: 'invalid_arguments' });
  });

  it('pushes events to every connected window', async () => {
    host = createHost({ dataDir: dir.path, logger: silentLogger });
    const first = connect(host);
    const second = connect(host);
    const seen: string[] = [];
    first.on('cases.changed', (p) => seen.push(`1:${p.caseIds.join()}`));
    second.on('cases.changed', (p) => seen.push(`2:${p.caseIds.join()}`));
    host.broadcast('cases.changed', { caseIds: ['x'] });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.sort()).toEqual(['1:x', '2:x']);
  });
});
