/**
 * The host half of the kill loop: a sync stack on a cache file that mutates and syncs until it is
 * killed. It writes `TRY <id>` before and `ACK <id>` after each mutation with blocking writes, so
 * the parent knows exactly which actions were acknowledged when the SIGKILL landed.
 * Usage: tsx kill-child.ts <baseUrl> <username> <password> <dataDir> <caseId> [drain]
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { openCache } from '../../../src/main/host/db/open';
import { silentLogger } from '../../../src/main/host/log';
import { createCentralApi } from '../../../src/main/host/sync/api-client';
import { SyncEngine } from '../../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../../src/main/host/session/session';

const [baseUrl = '', username = '', password = '', dataDir = '', caseId = '', mode] = process.argv.slice(2);
if (!baseUrl || !username || !password || !dataDir || !caseId) throw new Error('usage: kill-child <baseUrl> <username> <password> <dataDir> <caseId> [drain]');

const say = (line: string) => writeSync(1, `${line}\n`);

const cache = openCache({ file: join(dataDir, 'cache.sqlite') });
const api = createCentralApi({ baseUrl, timeoutMilliseconds: 5000 });
const clock = { now: () => new Date() };
const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: clock.now });
const engine = new SyncEngine({
  sqlite: cache.sqlite, api, session, clock, random: Math.random, logger: silentLogger,
  schedule: () => () => undefined, backoffBaseMilliseconds: 0, backoffMaxMilliseconds: 0, pushBatchSize: 3,
});

async function main(): Promise<void> {
  await session.signIn(username, password);
  if (mode === 'drain') {
    for (let round = 0; round < 20 && engine.status().pending > 0; round += 1) await engine.syncNow();
    await engine.syncNow();
    const status = engine.status();
    say(`DRAINED ${status.pending} ${status.failed} ${status.conflicts}`);
    cache.sqlite.close();
  } else {
    say('READY');
    for (;;) {
      for (let index = 0; index < 3; index += 1) {
        const noteId = randomUUID();
        say(`TRY ${noteId}`);
        engine.mutate('case.addNote', { caseId, noteId, body: 'kill loop' });
        say(`ACK ${noteId}`);
      }
      await engine.syncNow();
    }
  }
}

void main().catch((error: unknown) => {
  say(`FAILED ${error instanceof Error ? error.name : 'unknown'}`);
  process.exit(1);
});
