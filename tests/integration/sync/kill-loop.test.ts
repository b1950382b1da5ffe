import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notes } from '../../../src/server/db/schema';
import { password } from '../server/harness';
import { seededRandom } from './fault-proxy';
import { startSyncWorld, type SyncWorld } from './harness';
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
  lines: string[];
}

/** Starts the child as one node process (no tsx wrapper, whose grandchild a SIGKILL would orphan); kills it with SIGKILL `killAfter` ms after READY (never, for a drain run). */
function run(args: string[], killAfter: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: Run = { tried: [], acked: [], lines: [] };
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

describe(`kill loop (${iterations} SIGKILLs, seed ${seed})`, () => {
  it('loses no acknowledged mutation, applies none twice, and never corrupts the cache', async () => {
    const random = seededRandom(seed);
    const user = sync.world.users.caseworkerA;
    const args = [sync.baseUrl, user.username, password, dir.path, sync.world.cases.A2.id];
    const tried = new Set<string>();
    const acked = new Set<string>();
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      const result = await run(args, Math.floor(random() * 600));
      for (const id of result.tried) tried.add(id);
      for (const id of result.acked) acked.add(id);
      const db = new Database(join(dir.path, 'cache.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    expect(acked.size).toBeGreaterThan(iterations);

    const drained = await run([...args, 'drain'], null);
    expect(drained.lines).toContain('DRAINED 0 0 0');
    const onServer = (await sync.server.database.db.select({ id: notes.id }).from(notes).where(eq(notes.authorId, user.id))).map((row) => row.id);
    // Exactly once: no note twice; every acknowledged one present; nothing the child never tried.
    expect(new Set(onServer).size).toBe(onServer.length);
    for (const id of acked) expect(onServer).toContain(id);
    for (const id of onServer) expect(tried.has(id)).toBe(true);
  }, 600_000);
});
