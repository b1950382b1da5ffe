import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letters, messages, notes } from '../../../src/server/db/schema';
import { password } from '../server/harness';
import { seededRandom } from './fault-proxy';
import { serverEventCount, startSyncWorld, type SyncWorld } from './harness';
import { typedText, typedWordsOf } from './typing';
import { tempDir } from '../../helpers/temp-dir';

const iterations = Number(process.env['SYNC_KILL_ITERATIONS'] ?? 12);
const seed = Number(process.env['SYNC_KILL_SEED'] ?? 42);
const child = join(__dirname, 'kill-child.ts');

let sync: SyncWorld;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  sync = await startSyncWorld();
  dir = tempDir('werkbank-kill-');
});
afterAll(async () => {
  await sync.close();
  dir.remove();
});

interface Run {
  tried: string[];
  acked: string[];
  /** The messages the child queued (MTRY) and had acknowledged (MACK). */
  messagesTried: string[];
  messagesAcked: string[];
  /** The draft saves the child started, by their word count. */
  typed: number[];
  /** The draft saves acknowledged, with the text the child recorded for each. */
  saved: { words: number; text: string }[];
  /** The words the editor would have reopened the draft with at the start (null: no draft in the cache; undefined: no case to open yet; NaN: a body never typed). */
  reopened: number | null | undefined;
  lines: string[];
}

/** Starts the child as one node process (no tsx wrapper, whose grandchild a SIGKILL would orphan); kills it with SIGKILL `killAfter` ms after READY (never, for a drain run). */
function run(args: string[], killAfter: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: Run = { tried: [], acked: [], messagesTried: [], messagesAcked: [], typed: [], saved: [], reopened: null, lines: [] };
    let buffer = '';
    let stderr = '';
    process_.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    process_.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        result.lines.push(line);
        if (line.startsWith('TRY ')) result.tried.push(line.slice(4));
        if (line.startsWith('ACK ')) result.acked.push(line.slice(4));
        if (line.startsWith('MTRY ')) result.messagesTried.push(line.slice(5));
        if (line.startsWith('MACK ')) result.messagesAcked.push(line.slice(5));
        if (line.startsWith('TYPE ')) result.typed.push(Number(line.slice(5)));
        if (line.startsWith('REOPEN ')) result.reopened = line === 'REOPEN none' ? null : line === 'REOPEN nocase' ? undefined : Number(line.slice(7));
        const saved = /^SAVED (\d+) (.*)$/.exec(line);
        if (saved) result.saved.push({ words: Number(saved[1]), text: JSON.parse(saved[2] ?? '') as string });
        if (line === 'READY' && killAfter !== null) setTimeout(() => process_.kill('SIGKILL'), killAfter);
      }
    });
    process_.on('error', reject);
    process_.on('close', (code, signal) => {
      if (killAfter === null && code !== 0) reject(new Error(`child exited with ${code}: ${stderr.slice(0, 2000)}`));
      else if (killAfter !== null && signal !== 'SIGKILL') reject(new Error(`child ended by itself (${code}): ${stderr.slice(0, 2000)}`));
      else resolve(result);
    });
  });
}

/** How many typed words the server's copy of the draft holds: null when there is none yet; NaN when its body is no text ever typed. */
async function serverDraftWords(letterId: string): Promise<number | null> {
  const [row] = await sync.server.database.db.select({ body: letters.body }).from(letters).where(eq(letters.id, letterId));
  return row === undefined ? null : typedWordsOf(row.body) ?? Number.NaN;
}

describe(`kill loop (${iterations} SIGKILLs, seed ${seed})`, () => {
  it('loses no acknowledged mutation or typed word, applies none twice, and never corrupts the cache', async () => {
    const random = seededRandom(seed);
    const user = sync.world.users.caseworkerA;
    const caseId = sync.world.cases.A2.id;
    const letterId = randomUUID();
    const threadId = randomUUID();
    const args = (words: number) => [sync.baseUrl, user.username, password, dir.path, caseId, letterId, threadId, String(words)];
    const tried = new Set<string>();
    const acked = new Set<string>();
    const messagesTried = new Set<string>();
    const messagesAcked = new Set<string>();
    // The caseworker's text: the longest save acknowledged so far; each run types on from it.
    let ackedWords = 0;
    let triedWords = 0;
    let saves = 0;
    let serverWords = 0;
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      const result = await run(args(ackedWords), Math.floor(random() * 600));
      // The editor reopens the draft with a text that was typed, and never with less than was acknowledged
      // (an applied save is remembered until the pull brings the letter's row).
      // (undefined: the first pull had not brought the case yet, so no editor could open it.)
      if (result.reopened !== undefined) {
        if (ackedWords > 0) expect(result.reopened).toBeGreaterThanOrEqual(ackedWords);
        if (result.reopened !== null) expect(result.reopened).toBeLessThanOrEqual(triedWords);
      }
      for (const id of result.tried) tried.add(id);
      for (const id of result.acked) acked.add(id);
      for (const id of result.messagesTried) messagesTried.add(id);
      for (const id of result.messagesAcked) messagesAcked.add(id);
      for (const words of result.typed) triedWords = Math.max(triedWords, words);
      for (const save of result.saved) {
        // Typing: every acknowledged save extends the one before it.
        expect(save.text).toBe(typedText(save.words));
        expect(save.words).toBe(ackedWords + 1);
        ackedWords = save.words;
        saves += 1;
      }
      const db = new Database(join(dir.path, 'cache.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // One person's saves in flight build on each other: none is a conflict or refused.
      expect(db.prepare('SELECT count(*) FROM conflicts').pluck().get()).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM outbox WHERE state = 'failed'`).pluck().get()).toBe(0);
      db.close();
      // The server holds a text that was typed, and never goes back to an older one.
      const now = await serverDraftWords(letterId);
      if (now !== null) {
        expect(now).toBeGreaterThanOrEqual(serverWords);
        expect(now).toBeLessThanOrEqual(triedWords);
        serverWords = now;
      }
    }
    expect(acked.size).toBeGreaterThan(iterations);
    expect(saves).toBeGreaterThan(iterations);

    const drained = await run([...args(ackedWords), 'drain'], null);
    expect(drained.lines).toContain('DRAINED 0 0 0');
    const onServer = (await sync.server.database.db.select({ id: notes.id }).from(notes).where(eq(notes.authorId, user.id))).map((row) => row.id);
    // Exactly once: no note twice; every acknowledged one present; nothing the child never tried.
    expect(new Set(onServer).size).toBe(onServer.length);
    for (const id of acked) expect(onServer).toContain(id);
    for (const id of onServer) expect(tried.has(id)).toBe(true);

    // Every message the caseworker saw queued reached the server once, in the one thread; none it never queued.
    expect(messagesAcked.size).toBeGreaterThan(0);
    const sentMessages = await sync.server.database.db.select({ id: messages.id, delivery: messages.delivery })
      .from(messages).where(eq(messages.threadId, threadId));
    const sentIds = sentMessages.map((row) => row.id);
    expect(new Set(sentIds).size).toBe(sentIds.length);
    for (const id of messagesAcked) expect(sentIds).toContain(id);
    for (const id of sentIds) expect(messagesTried.has(id)).toBe(true);
    expect(sentMessages.every((row) => row.delivery === 'pending')).toBe(true);
    expect(await serverEventCount(sync.server, caseId, 'message.sent')).toBe(sentIds.length);

    // The draft exists once, and holds the last acknowledged save's text, or a longer one the
    // child saved but was killed before acknowledging: no typed and acknowledged word is lost.
    const drafts = await sync.server.database.db.select({ id: letters.id }).from(letters).where(eq(letters.caseId, caseId));
    expect(drafts.map((row) => row.id)).toEqual([letterId]);
    expect(await serverEventCount(sync.server, caseId, 'letter.create')).toBe(1);
    const finalWords = await serverDraftWords(letterId);
    expect(finalWords).toBeGreaterThanOrEqual(ackedWords);
    expect(finalWords).toBeLessThanOrEqual(triedWords);
    expect(finalWords).toBeGreaterThanOrEqual(serverWords);
  }, 600_000);
});
