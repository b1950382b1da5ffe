/** `npm run server` as a process: starts on a fresh data folder, answers /health, pokes over SSE, stops cleanly. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startServer } from '../../../src/server/start';
import { silentLogger } from '../../../src/server/services';

describe('the server process', () => {
  it('starts with PGlite in a fresh data folder, answers /health and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'werkbank-server-'));
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let log = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(log);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${log}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', environment: 'production' });
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(log).toContain('central API stopped');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('pokes SSE listeners when something is committed', async () => {
    const server = await startServer({ port: 0, initialAdminPassword: 'an admin password', logger: silentLogger });
    const controller = new AbortController();
    try {
      const login = await fetch(`${server.url}/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'an admin password' }),
      });
      const { accessToken } = await login.json() as { accessToken: string };
      const events = await fetch(`${server.url}/sync/events`, { headers: { authorization: `Bearer ${accessToken}` }, signal: controller.signal });
      expect(events.headers.get('content-type')).toContain('text/event-stream');
      const reader = events.body?.getReader();
      if (!reader) throw new Error('no body');
      let text = '';
      const nextPoke = async () => {
        for (;;) {
          const pokes = [...text.matchAll(/event: poke\ndata: (\d+)\n\n/g)];
          if (pokes.length > 0) {
            text = text.slice((pokes.at(-1)?.index ?? 0) + (pokes.at(-1)?.[0].length ?? 0));
            return Number(pokes.at(-1)?.[1]);
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          text += new TextDecoder().decode(value);
        }
      };
      const initial = await nextPoke();
      const created = await fetch(`${server.url}/admin/teams`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ name: 'Team poke' }),
      });
      expect(created.status).toBe(201);
      expect(await nextPoke()).toBeGreaterThan(initial);
      // Shutdown ends open streams instead of waiting for clients to hang up.
      await server.close();
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    } finally {
      controller.abort();
      await server.close();
    }
  }, 90_000);
});

describe('several API processes on one PostgreSQL', () => {
  it.skipIf(!process.env['DATABASE_URL'])('pokes the SSE listeners of one process when another commits', async () => {
    const { createTestDatabase } = await import('./harness');
    const database = await createTestDatabase();
    const url = new URL(process.env['DATABASE_URL'] as string);
    const [{ name } = { name: '' }] = (await database.db.execute(sql`select current_database() as name`) as unknown as { rows: { name: string }[] }).rows;
    url.pathname = `/${name}`;
    // The first process keeps its token secret in a data folder that does not exist yet; the
    // second is given the same secret, as processes behind one load balancer would be.
    const dataDir = join(mkdtempSync(join(tmpdir(), 'werkbank-pg-')), 'not-yet');
    const first = await startServer({ port: 0, databaseUrl: url.toString(), dataDir, initialAdminPassword: 'an admin password', logger: silentLogger });
    const secret = Buffer.from(readFileSync(join(dataDir, 'token-secret'), 'utf8'), 'base64');
    const second = await startServer({ port: 0, databaseUrl: url.toString(), tokenSecret: secret, logger: silentLogger });
    try {
      const heads: number[] = [];
      const seen = new Promise<void>((resolve) => second.context.head.onDidAdvance((head) => { heads.push(head); resolve(); }));
      const login = await first.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'admin', password: 'an admin password' } });
      const { accessToken } = login.json() as { accessToken: string };
      const created = await first.app.inject({ method: 'POST', url: '/admin/teams', payload: { name: 'Elsewhere' }, headers: { authorization: `Bearer ${accessToken}` } });
      expect(created.statusCode).toBe(201);
      await seen;
      expect(heads.length).toBeGreaterThan(0);
    } finally {
      await second.close();
      await first.close();
      await database.close();
    }
  }, 90_000);
});
