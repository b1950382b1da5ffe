/** The audit log: reads and changes are logged, the hash chain detects tampering, admins query it. */
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../src/server/db/schema';
import { verifyAuditChain } from '../../../src/server/audit/log';
import { createTestServer, mutation, push, request, seedWorld, type TestServer, type World } from './harness';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await createTestServer();
  world = await seedWorld(server);
});
afterAll(async () => server.close());

const entriesFor = (actorId: string, action: string, objectId: string) => server.database.db.select().from(auditLog)
  .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action), eq(auditLog.objectId, objectId)));

describe('what is logged', () => {
  it('logs every read of a case and of a document with actor, action, object, result, origin and server time', async () => {
    await request(server, world.users.caseworkerA, 'GET', `/cases/${world.cases.A1.id}`);
    await request(server, world.users.caseworkerA, 'GET', `/cases/${world.cases.A1.id}`);
    await request(server, world.users.caseworkerA, 'GET', `/documents/${world.documents.A1}/content`);
    const reads = await entriesFor(world.users.caseworkerA.id, 'case.read', world.cases.A1.id);
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ actorKind: 'user', objectType: 'case', result: 'ok', origin: 'api' });
    expect(reads[0]?.at.toISOString()).toBe(server.clock.now().toISOString());
    expect(await entriesFor(world.users.caseworkerA.id, 'document.read', world.documents.A1)).toHaveLength(1);
  });

  it('logs every change, and reads made offline with origin offline', async () => {
    const envelope = mutation('case.addNote', { caseId: world.cases.A1.id, noteId: randomUUID(), body: 'A note' });
    await push(server, world.users.caseworkerA, [envelope, mutation('audit.recordRead', { objectType: 'document', objectId: world.documents.A1, readAt: '2026-03-01T08:00:00Z' })]);
    expect(await entriesFor(world.users.caseworkerA.id, 'mutation.case.addNote', envelope.clientMutationId)).toHaveLength(1);
    const offline = await server.database.db.select().from(auditLog).where(and(eq(auditLog.origin, 'offline'), eq(auditLog.objectId, world.documents.A1)));
    expect(offline).toHaveLength(1);
  });

  it('keeps personal data out of the log: no names, notes or case numbers in any entry', async () => {
    const rows = await server.database.db.select().from(auditLog);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Applicant');
    expect(text).not.toContain('A note');
    expect(text).not.toContain(world.cases.A1.caseNumber);
  });
});

describe('hash chain', () => {
  it('is append-only in the database: updates, deletes and truncation are refused', async () => {
    await expect(server.database.db.update(auditLog).set({ result: 'denied' }).where(eq(auditLog.seq, 1))).rejects.toThrow();
    await expect(server.database.db.delete(auditLog).where(eq(auditLog.seq, 1))).rejects.toThrow();
    await expect(server.database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    // From here on the tests play an attacker who owns the table and switches the guard off.
    await server.database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  });

  it('verifies an untouched chain', async () => {
    const verdict = await verifyAuditChain(server.database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBeGreaterThan(10);
  });

  it('detects an edited entry, and where', async () => {
    const [target] = await server.database.db.select().from(auditLog).where(eq(auditLog.action, 'case.read')).limit(1);
    if (!target) throw new Error('no read to tamper with');
    await server.database.db.update(auditLog).set({ actorId: world.users.admin.id }).where(eq(auditLog.seq, target.seq));
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: false, brokenAt: target.seq, problem: 'hash_mismatch' });
    await server.database.db.update(auditLog).set({ actorId: target.actorId }).where(eq(auditLog.seq, target.seq));
    expect((await verifyAuditChain(server.database.db)).ok).toBe(true);
  });

  it('detects a removed entry and a re-hashed entry whose successor no longer links', async () => {
    const [target] = await server.database.db.select().from(auditLog).where(eq(auditLog.action, 'document.read')).limit(1);
    if (!target) throw new Error('no entry');
    // Recomputing the hash of an edited entry is not enough: the next entry's prevHash breaks.
    const { entryHash } = await import('../../../src/server/audit/log');
    const forged = { ...target, result: 'denied' };
    await server.database.db.update(auditLog).set({ result: 'denied', hash: entryHash(forged) }).where(eq(auditLog.seq, target.seq));
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: false, brokenAt: target.seq + 1, problem: 'broken_link' });
    await server.database.db.update(auditLog).set({ result: target.result, hash: target.hash }).where(eq(auditLog.seq, target.seq));
    await server.database.db.delete(auditLog).where(eq(auditLog.seq, target.seq));
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: false, brokenAt: target.seq, problem: 'missing_entry' });
    await server.database.db.insert(auditLog).values(target);
    expect((await verifyAuditChain(server.database.db)).ok).toBe(true);
  });
});

describe('admin queries', () => {
  it('pages through the log for admins', async () => {
    const first = await request(server, world.users.admin, 'GET', '/admin/audit?limit=5');
    expect(first.statusCode).toBe(200);
    const items = (first.json() as { items: { seq: number }[] }).items;
    expect(items.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5]);
    const next = await request(server, world.users.admin, 'GET', '/admin/audit?after=5&limit=2');
    expect((next.json() as { items: { seq: number }[] }).items.map((item) => item.seq)).toEqual([6, 7]);
    const verify = await request(server, world.users.admin, 'GET', '/admin/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true });
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact chain and 2 after tampering, on a PGlite data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'werkbank-audit-'));
    try {
      const { startServer } = await import('../../../src/server/start');
      const running = await startServer({ port: 0, dataDir, initialAdminPassword: 'an admin password', logger: { info: () => {}, warn: () => {}, error: () => {} } });
      const login = await running.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'admin', password: 'an admin password' } });
      expect(login.statusCode).toBe(200);
      await running.close();
      const run = () => promisify(execFile)('npx', ['tsx', 'src/server/audit/verify-cli.ts', '--data-dir', dataDir], { env: { ...process.env, DATABASE_URL: '' } })
        .then((result) => ({ code: 0, stdout: result.stdout }), (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }));
      const intact = await run();
      expect(intact.code).toBe(0);
      expect(JSON.parse(intact.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ ok: true, entries: 1 });
      const { openDatabase } = await import('../../../src/server/db/database');
      const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
      await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await database.db.execute(sql`update audit_log set action = 'auth.logout' where seq = 1`);
      await database.close();
      const tampered = await run();
      expect(tampered.code).toBe(2);
      expect(JSON.parse(tampered.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ ok: false, brokenAt: 1 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
