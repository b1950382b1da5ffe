import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notes } from '../../../src/server/db/schema';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { createSyncClient, serverAssignee, startSyncWorld, type SyncClient, type SyncWorld } from './harness';

let sync: SyncWorld;
let proxy: FaultProxy;
beforeAll(async () => {
  sync = await startSyncWorld();
  proxy = await startFaultProxy(sync.baseUrl, { seed: 99, faultRate: 0.3, delayMilliseconds: 5 });
});
afterAll(async () => {
  await proxy.close();
  await sync.close();
});

type Command =
  | { kind: 'note' | 'claim' | 'release'; client: number; kase: 'A1' | 'A2' }
  | { kind: 'sync'; client: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom('note', 'claim', 'release'), client: fc.integer({ min: 0, max: 2 }), kase: fc.constantFrom('A1', 'A2') }),
  fc.record({ kind: fc.constant('sync'), client: fc.integer({ min: 0, max: 2 }) }),
) as fc.Arbitrary<Command>;

const guarded = new Set(['case.claim', 'case.release']);

describe('model: random edits by three clients under network faults', () => {
  it('converge to the server state, with read-your-writes and every note exactly once', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 8, maxLength: 30 }), async (commands) => {
      const { users, cases } = sync.world;
      const people = [users.caseworkerA, users.caseworkerA2, users.leadA];
      proxy.faultRate = 0;
      const clients: SyncClient[] = [];
      for (const person of people) clients.push(await createSyncClient(proxy.url, person, { pushBatchSize: 3 }));
      for (const client of clients) await client.engine.syncNow();
      proxy.faultRate = 0.3;
      const assigneeOf = (client: SyncClient, caseId: string) => client.cache.sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(caseId);
      const noteIds: string[] = [];
      try {
        for (const step of commands) {
          const client = clients[step.client] as SyncClient;
          const me = people[step.client]?.id;
          if (step.kind === 'sync') {
            await client.engine.syncNow();
            continue;
          }
          const caseId = cases[step.kase].id;
          if (step.kind === 'note') {
            const noteId = randomUUID();
            noteIds.push(noteId);
            client.engine.mutate('case.addNote', { caseId, noteId, body: 'model' });
          } else {
            client.engine.mutate(`case.${step.kind}`, { caseId });
            // Read-your-writes: the user sees their own edit at once, before any server answer.
            expect(assigneeOf(client, caseId)).toBe(step.kind === 'claim' ? me : null);
          }
        }
        proxy.faultRate = 0;
        for (let round = 0; round < 3; round += 1) for (const client of clients) await client.engine.syncNow();

        for (const client of clients) {
          expect(client.engine.status()).toMatchObject({ pending: 0, state: 'online' });
          for (const key of ['A1', 'A2'] as const) {
            expect(assigneeOf(client, cases[key].id)).toBe(await serverAssignee(sync.server, cases[key].id));
          }
          // Only guarded edits may be refused or conflict; notes always go through.
          for (const item of client.engine.outbox.items()) expect(guarded.has(item.name)).toBe(true);
          for (const conflict of client.engine.outbox.conflicts()) expect(JSON.parse(conflict.fields)).toEqual(['assigneeId']);
        }
        if (noteIds.length > 0) {
          const stored = await sync.server.database.db.select({ id: notes.id }).from(notes).where(inArray(notes.id, noteIds));
          expect(stored.map((row) => row.id).sort()).toEqual([...noteIds].sort());
        }
      } finally {
        for (const client of clients) client.close();
      }
    }), { numRuns: Number(process.env['SYNC_MODEL_RUNS'] ?? 6), seed: Number(process.env['SYNC_MODEL_SEED'] ?? 5), endOnFailure: true });
  }, 300_000);
});
