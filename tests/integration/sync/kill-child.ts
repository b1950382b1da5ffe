/**
 * The host half of the kill loop: a sync stack on a cache file that mutates and syncs until it is
 * killed. It writes `TRY <id>` before and `ACK <id>` after each note with blocking writes, so
 * the parent knows exactly which actions were acknowledged when the SIGKILL landed. Between the
 * notes it types a letter draft the way the editor saves it: `letter.saveDraft` of the whole
 * document after each word, from the `<words>` the parent saw acknowledged last (the caseworker's
 * text), writing `TYPE <words>` before and `SAVED <words> <text as JSON>` after each save. Each
 * round also sends a message to the applicant in one thread (`message.send`, which opens the
 * thread the first time the server sees it), with `MTRY <id>` before and `MACK <id>` after.
 * Usage: tsx kill-child.ts <baseUrl> <username> <password> <dataDir> <caseId> <letterId> <threadId> <words> [drain]
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { openCache } from '../../../src/main/host/db/open';
import { LetterDetailReader } from '../../../src/main/host/letters/detail';
import { LettersReader } from '../../../src/main/host/letters/list';
import { silentLogger } from '../../../src/main/host/log';
import { createCentralApi } from '../../../src/main/host/sync/api-client';
import { SyncEngine } from '../../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../../src/main/host/session/session';
import { typedBody, typedText, typedWordsOf } from './typing';

const [baseUrl = '', username = '', password = '', dataDir = '', caseId = '', letterId = '', threadId = '', startWords = '', mode] = process.argv.slice(2);
if (!baseUrl || !username || !password || !dataDir || !caseId || !letterId || !threadId || !/^\d+$/.test(startWords)) {
  throw new Error('usage: kill-child <baseUrl> <username> <password> <dataDir> <caseId> <letterId> <threadId> <words> [drain]');
}

const say = (line: string) => writeSync(1, `${line}\n`);

const cache = openCache({ file: join(dataDir, 'cache.sqlite') });
const api = createCentralApi({ baseUrl, timeoutMilliseconds: 5000 });
const clock = { now: () => new Date() };
const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: clock.now });
const engine = new SyncEngine({
  sqlite: cache.sqlite, api, session, clock, random: Math.random, logger: silentLogger,
  schedule: () => () => undefined, backoffBaseMilliseconds: 0, backoffMaxMilliseconds: 0, pushBatchSize: 3,
});

/**
 * What the editor would reopen the draft with, read by the host's own letter reader (the latest
 * queued save, else an applied one not pulled yet, else the synced row): its typed words, `none`
 * without a draft, `spliced` for a body that is no text ever typed.
 */
function reopened(): string {
  const reader = new LetterDetailReader(cache.sqlite, new LettersReader(cache.sqlite), () => session.userId(), () => '2026-01-01');
  try {
    return String(typedWordsOf(JSON.stringify(reader.get(letterId).body)) ?? 'spliced');
  } catch (error) {
    // Before the first pull has brought the case, no editor can open it: there is nothing to reopen.
    if (cache.sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) === undefined) return 'nocase';
    if (error instanceof Error && error.message.includes('letter is not in the local cache')) return 'none';
    throw error;
  }
}

async function main(): Promise<void> {
  await session.signIn(username, password);
  if (mode === 'drain') {
    for (let round = 0; round < 20 && engine.status().pending > 0; round += 1) await engine.syncNow();
    await engine.syncNow();
    const status = engine.status();
    say(`DRAINED ${status.pending} ${status.failed} ${status.conflicts}`);
    cache.sqlite.close();
  } else {
    say(`REOPEN ${reopened()}`);
    say('READY');
    let words = Number(startWords);
    for (;;) {
      for (let index = 0; index < 3; index += 1) {
        const noteId = randomUUID();
        say(`TRY ${noteId}`);
        engine.mutate('case.addNote', { caseId, noteId, body: 'kill loop' });
        say(`ACK ${noteId}`);
      }
      const messageId = randomUUID();
      say(`MTRY ${messageId}`);
      engine.mutate('message.send', {
        caseId, threadId, messageId, body: 'kill loop message', newThread: { subject: 'Kill loop', counterpart: 'applicant' },
      });
      say(`MACK ${messageId}`);
      // Two saves per round: the second is based on the version the cache had before the first applied.
      for (let index = 0; index < 2; index += 1) {
        words += 1;
        say(`TYPE ${words}`);
        engine.mutate('letter.saveDraft', { letterId, caseId, kind: 'refusal', body: typedBody(words) });
        say(`SAVED ${words} ${JSON.stringify(typedText(words))}`);
      }
      await engine.syncNow();
    }
  }
}

void main().catch((error: unknown) => {
  say(`FAILED ${error instanceof Error ? error.name : 'unknown'}`);
  process.exit(1);
});
