import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPasswordCost } from '../../../src/server/auth/passwords';
import { publishCaseChild } from '../../../src/server/cases/records';
import { blobs, cases, documents, messageReads, messages, notes, syncRows, users } from '../../../src/server/db/schema';
import { runWrite } from '../../../src/server/sync/publish';
import { type DatasetCase } from '../../../src/server/training/dataset';
import { generateDataset } from '../../../src/server/training/generate';
import { seedTrainingEnvironment } from '../../../src/server/training/embedded';
import { loadDataset, resetScenarios } from '../../../src/server/training/load';
import { demoPassword, demoUsernames } from '../../../src/server/training/staff';
import { createTestServer, type TestServer } from '../server/harness';

const today = '2026-03-16';
const folder = mkdtempSync(join(tmpdir(), 'werkbank-load-'));
let server: TestServer;
let dataset: DatasetCase[];

beforeAll(async () => {
  generateDataset({ seed: 5, caseCount: 60, outputFolder: folder, today });
  dataset = readFileSync(join(folder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
  server = await createTestServer({ environment: 'training' });
  server.clock.set(new Date(`${today}T09:00:00Z`));
  await loadDataset(server.database.db, folder, { now: server.clock.now(), passwordCost: testPasswordCost, listener: server.context.head, chunkSize: 25 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function signIn(username: string): Promise<string> {
  const response = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: demoPassword } });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { accessToken: string }).accessToken;
}

describe('loading a dataset into the central API', () => {
  it('inserts every case with its documents and blobs, published for sync', async () => {
    const { db } = server.database;
    expect(await db.$count(cases)).toBe(60);
    expect(await db.$count(documents)).toBe(dataset.reduce((sum, kase) => sum + kase.documents.length, 0));
    expect(await db.$count(blobs)).toBe(new Set(dataset.flatMap((kase) => kase.documents.map((document) => document.sha256))).size);
    expect(await db.$count(syncRows, eq(syncRows.entity, 'case'))).toBe(60);
    const first = dataset[0];
    const document = first?.documents[0];
    if (!first || !document) throw new Error('empty dataset');
    const [stored] = await db.select().from(blobs).where(eq(blobs.sha256, document.sha256));
    expect(Buffer.from(stored?.content ?? []).equals(readFileSync(join(folder, 'blobs', `${document.sha256}.pdf`)))).toBe(true);
    const [row] = await db.select().from(cases).where(eq(cases.id, first.id));
    expect(row).toMatchObject({ caseNumber: first.caseNumber, deadline: first.deadline, status: first.status });
  });

  it('lets demo.caseworker sign in with the demo password and see their queue', async () => {
    const token = await signIn(demoUsernames.caseworker);
    const response = await server.app.inject({ method: 'GET', url: '/cases?limit=1000', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: { id: string; teamId: string }[] }).items;
    const [user] = await server.database.db.select().from(users).where(eq(users.username, demoUsernames.caseworker));
    const firstTeam = dataset.find((kase) => kase.assignee === demoUsernames.caseworker)?.teamId;
    expect(user).toBeDefined();
    expect(items.length).toBe(dataset.filter((kase) => kase.teamId === firstTeam).length);
    expect(items.map((item) => item.id)).toContain(dataset.find((kase) => kase.scenario === 'deadline-tomorrow')?.id);
    for (const username of Object.values(demoUsernames)) await signIn(username);
  });
});

describe('the demo users\' conversations', () => {
  it('give demo.caseworker threads with read, unread and delivered messages, pulled with their readings', async () => {
    const { db } = server.database;
    const [caseworker] = await db.select().from(users).where(eq(users.username, demoUsernames.caseworker));
    if (!caseworker) throw new Error('no demo caseworker');
    const own = dataset.filter((kase) => kase.assignee === demoUsernames.caseworker).map((kase) => kase.id);
    expect(own.length).toBeGreaterThan(0);
    const rows = await db.select().from(messages).where(inArray(messages.caseId, own));
    const reads = await db.select().from(messageReads).where(inArray(messageReads.caseId, own));
    const readByMe = new Set(reads.filter((read) => read.userId === caseworker.id).map((read) => read.messageId));
    const inbound = rows.filter((row) => row.direction === 'inbound');
    // Every case of theirs has an older message they read and a newer one nobody has read.
    for (const caseId of own) {
      const ofCase = inbound.filter((row) => row.caseId === caseId);
      expect(ofCase.some((row) => readByMe.has(row.id) && row.readBy === caseworker.id), caseId).toBe(true);
      expect(ofCase.some((row) => !readByMe.has(row.id) && row.readAt === null), caseId).toBe(true);
    }
    const outbound = rows.filter((row) => row.direction === 'outbound');
    expect(outbound.length).toBeGreaterThan(0);
    for (const row of outbound) expect(row).toMatchObject({ delivery: 'delivered', deliveredAt: row.sentAt });
    for (const row of inbound) expect(row.delivery).toBeNull();

    const token = await signIn(demoUsernames.caseworker);
    const pulled = await server.app.inject({ method: 'GET', url: '/sync/pull?limit=10000', headers: { authorization: `Bearer ${token}` } });
    const changes = (pulled.json() as { changes: { entity: string; id: string }[] }).changes;
    const pulledReads = new Set(changes.filter((change) => change.entity === 'messageRead').map((change) => change.id));
    for (const read of reads) expect(pulledReads.has(read.id)).toBe(true);
  });
});

describe('the embedded training environment', () => {
  it('leaves a database that already has users alone (a restart keeps what trainees did)', async () => {
    const before = await server.database.db.$count(cases);
    const result = await seedTrainingEnvironment(server.database.db, {
      seed: 5, caseCount: 60, today, datasetFolder: folder, now: server.clock.now(), passwordCost: testPasswordCost,
    });
    expect(result).toEqual({ seeded: false, cases: 0 });
    expect(await server.database.db.$count(cases)).toBe(before);
  });
});

describe('resetting a scenario', () => {
  it('restores the scenario case and tombstones what the lesson added, at versions clients will apply', async () => {
    const { db } = server.database;
    const scenario = dataset.find((kase) => kase.scenario === 'missing-documents');
    if (!scenario) throw new Error('no scenario case');
    const [before] = await db.select().from(cases).where(eq(cases.id, scenario.id));
    if (!before) throw new Error('scenario case not loaded');
    // The lesson: the case is resumed and a note is added.
    const noteId = '00000000-0000-4000-8000-0000000000ff';
    await runWrite(db, server.clock.now(), server.context.head, async (batch) => {
      const [changed] = await batch.tx.update(cases).set({ status: 'in_progress', version: before.version + 1 }).where(eq(cases.id, scenario.id)).returning();
      if (!changed) throw new Error('update returned nothing');
      await publishCaseChild(batch, changed, 'case', changed);
      const [note] = await batch.tx.insert(notes).values({ id: noteId, caseId: scenario.id, authorId: before.assigneeId ?? '', body: 'lesson note', createdAt: server.clock.now() }).returning();
      if (note) await publishCaseChild(batch, changed, 'note', note);
    });

    await expect(resetScenarios(db, folder, ['no-such-scenario'], { now: server.clock.now(), passwordCost: testPasswordCost })).rejects.toThrow(/unknown scenario/);
    const result = await resetScenarios(db, folder, ['missing-documents'], { now: server.clock.now(), passwordCost: testPasswordCost, listener: server.context.head });
    expect(result.cases).toBe(1);

    const [after] = await db.select().from(cases).where(eq(cases.id, scenario.id));
    expect(after?.status).toBe('waiting_on_applicant');
    expect(after?.version).toBeGreaterThan(before.version + 1);
    expect(await db.$count(notes, eq(notes.id, noteId))).toBe(0);
    const [tombstone] = await db.select().from(syncRows).where(and(eq(syncRows.entity, 'note'), eq(syncRows.id, noteId)));
    expect(tombstone?.deleted).toBe(true);
    const [published] = await db.select().from(syncRows).where(and(eq(syncRows.entity, 'case'), eq(syncRows.id, scenario.id)));
    expect(published?.version).toBe(after?.version);
    expect(published?.deleted).toBe(false);
    expect(await db.$count(documents, eq(documents.caseId, scenario.id))).toBe(scenario.documents.length);
    // The readings come back as they were loaded: the same rows, so clients see no tombstone for them.
    const readings = await db.select().from(messageReads).where(eq(messageReads.caseId, scenario.id));
    expect(readings.length).toBeGreaterThan(0);
    const readRows = await db.select().from(syncRows).where(and(eq(syncRows.entity, 'messageRead'), eq(syncRows.caseId, scenario.id)));
    expect(readRows.every((row) => !row.deleted)).toBe(true);
  });
});
