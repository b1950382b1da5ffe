/**
 * Loads a generated demo dataset into the central database (PGlite or PostgreSQL) through the
 * server's own schema and publishing functions, so every row is also a sync row and clients pull
 * the training environment like any other. Cases go in chunks, one transaction each, so 100,000
 * cases never make one giant transaction; teams and users go first, in one.
 *
 * Every user of a training dataset signs in with demoPassword ('training'); such users exist only
 * in training environments. The dataset's deadlines are as of its today: run the server's clock on
 * that date (or regenerate with --today) so they agree with what the server computes.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createTeam, createUser } from '../admin/directory';
import { type PasswordCost } from '../auth/passwords';
import { publishCaseChild } from '../cases/records';
import { type Database } from '../db/database';
import {
  annotations, blobs, caseEvents, evidenceLinks, syncRows, cases, documents, extensions, letters, messages, messageThreads, notes, noticesOfDefault, parties, suspensions,
} from '../db/schema';
import { runWrite, type ChangeListener, type WriteBatch } from '../sync/publish';
import { type SyncEntity } from '../../shared/sync';
import { datasetFormat, datasetFormatVersion, type DatasetCase, type DatasetManifest } from './dataset';
import { demoPassword } from './staff';

/** What loadDataset needs besides the database and the folder. */
export type LoadOptions = {
  /** The moment the load is recorded at (created rows, audit). */
  now: Date;
  passwordCost: PasswordCost;
  listener?: ChangeListener | null;
  /** Cases per transaction. */
  chunkSize?: number;
};

export type LoadResult = { cases: number; documents: number; users: number };

/** Reads and checks dataset.json. */
export function readManifest(folder: string): DatasetManifest {
  const manifest = JSON.parse(readFileSync(join(folder, 'dataset.json'), 'utf8')) as DatasetManifest;
  if (manifest.format !== datasetFormat || manifest.formatVersion !== datasetFormatVersion) {
    throw new Error(`${folder} is not a Werkbank training dataset of format version ${datasetFormatVersion}`);
  }
  return manifest;
}

/** Streams the cases of a dataset one by one. */
export async function* readCases(folder: string): AsyncGenerator<DatasetCase> {
  const lines = createInterface({ input: createReadStream(join(folder, 'cases.jsonl'), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as DatasetCase;
}

const instant = (value: string) => new Date(value);

/** The version a re-inserted row gets: above any version clients may hold, so they apply it. */
type VersionOf = (entity: SyncEntity, id: string) => number;
const firstVersion: VersionOf = () => 1;

async function insertCase(batch: WriteBatch, folder: string, kase: DatasetCase, userIds: Map<string, string>, versionOf: VersionOf = firstVersion): Promise<number> {
  const user = (username: string | null) => (username ? userIds.get(username) ?? null : null);
  const [row] = await batch.tx.insert(cases).values({
    id: kase.id, caseNumber: kase.caseNumber, caseType: kase.caseType, regime: kase.regime, status: kase.status, teamId: kase.teamId,
    assigneeId: user(kase.assignee), receivedOn: kase.receivedOn, contestedDecisionOn: kase.contestedDecisionOn,
    feeStatus: kase.fee.status, feePaidOn: kase.fee.paidOn, feeAmountCents: kase.fee.amountCents, biometrics: kase.biometrics,
    deadline: kase.deadline, penaltyAmountCents: kase.penaltyAmountCents, decision: kase.decision, decidedOn: kase.decidedOn,
    createdAt: instant(kase.createdAt), updatedAt: instant(kase.updatedAt), version: versionOf('case', kase.id),
  }).returning();
  if (!row) throw new Error('case insert returned nothing');
  await publishCaseChild(batch, row, 'case', row);
  const publishAll = async (entity: Parameters<typeof publishCaseChild>[2], rows: { id: string; version: number }[]) => {
    for (const child of rows) await publishCaseChild(batch, row, entity, child);
  };
  const caseId = kase.id;
  if (kase.parties.length > 0) {
    await publishAll('party', await batch.tx.insert(parties).values(kase.parties.map((party) => ({
      id: party.id, caseId, role: party.role, name: party.name, vNumber: party.vNumber, bsn: party.bsn, birthDate: party.birthDate,
      nationality: party.nationality, organisation: party.organisation, recognisedSponsor: party.recognisedSponsor, address: party.address,
      email: party.email, phone: party.phone, version: versionOf('party', party.id),
    }))).returning());
  }
  if (kase.suspensions.length > 0) {
    await publishAll('suspension', await batch.tx.insert(suspensions).values(kase.suspensions.map((suspension) => ({ ...suspension, caseId, version: versionOf('suspension', suspension.id) }))).returning());
  }
  if (kase.extensions.length > 0) {
    await publishAll('extension', await batch.tx.insert(extensions).values(kase.extensions.map((extension) => ({ ...extension, caseId, version: versionOf('extension', extension.id) }))).returning());
  }
  if (kase.noticesOfDefault.length > 0) {
    await publishAll('noticeOfDefault', await batch.tx.insert(noticesOfDefault).values(kase.noticesOfDefault.map((notice) => ({ ...notice, caseId, version: versionOf('noticeOfDefault', notice.id) }))).returning());
  }
  for (const document of kase.documents) {
    const content = readFileSync(join(folder, 'blobs', `${document.sha256}.pdf`));
    await batch.tx.insert(blobs).values({ sha256: document.sha256, size: content.length, content, createdAt: instant(document.uploadedAt) }).onConflictDoNothing();
  }
  if (kase.documents.length > 0) {
    await publishAll('document', await batch.tx.insert(documents).values(kase.documents.map((document) => ({
      id: document.id, caseId, title: document.title, kind: document.kind, mediaType: document.mediaType, sha256: document.sha256,
      size: document.size, source: document.source, uploadedAt: instant(document.uploadedAt), version: versionOf('document', document.id),
    }))).returning());
  }
  for (const thread of kase.threads) {
    await publishAll('messageThread', await batch.tx.insert(messageThreads).values({ id: thread.id, caseId, subject: thread.subject, counterpart: thread.counterpart, createdAt: instant(thread.createdAt), version: versionOf('messageThread', thread.id) }).returning());
    await publishAll('message', await batch.tx.insert(messages).values(thread.messages.map((message) => ({
      id: message.id, threadId: thread.id, caseId, direction: message.direction, authorId: user(message.author), body: message.body,
      sentAt: instant(message.sentAt), readAt: message.readAt ? instant(message.readAt) : null, readBy: message.readAt ? user(message.author) ?? row.assigneeId : null, version: versionOf('message', message.id),
    }))).returning());
  }
  const lettersWithDrafter = kase.letters.flatMap((letter) => {
    const drafterId = user(letter.drafter);
    return drafterId ? [{ letter, drafterId }] : [];
  });
  if (lettersWithDrafter.length > 0) {
    await publishAll('letter', await batch.tx.insert(letters).values(lettersWithDrafter.map(({ letter, drafterId }) => ({
      id: letter.id, caseId, kind: letter.kind, status: letter.status, body: letter.body, drafterId,
      submittedAt: letter.submittedAt ? instant(letter.submittedAt) : null, approverId: user(letter.approver),
      approvedAt: letter.approvedAt ? instant(letter.approvedAt) : null, sentAt: letter.sentAt ? instant(letter.sentAt) : null,
      updatedAt: instant(letter.updatedAt), version: versionOf('letter', letter.id),
    }))).returning());
  }
  if (kase.events.length > 0) {
    await publishAll('caseEvent', await batch.tx.insert(caseEvents).values(kase.events.map((event) => ({
      id: event.id, caseId, at: instant(event.at), actorId: user(event.actor), kind: event.kind, detail: event.detail, version: versionOf('caseEvent', event.id),
    }))).returning());
  }
  const notesWithAuthor = kase.notes.flatMap((note) => {
    const authorId = user(note.author);
    return authorId ? [{ ...note, authorId }] : [];
  });
  if (notesWithAuthor.length > 0) {
    await publishAll('note', await batch.tx.insert(notes).values(notesWithAuthor.map((note) => ({ id: note.id, caseId, authorId: note.authorId, body: note.body, createdAt: instant(note.createdAt), version: versionOf('note', note.id) }))).returning());
  }
  return kase.documents.length;
}

/** Loads teams, users and cases of the dataset in `folder` into an empty central database. */
export async function loadDataset(db: Database, folder: string, options: LoadOptions): Promise<LoadResult> {
  const manifest = readManifest(folder);
  const userIds = new Map(manifest.users.map((user) => [user.username, user.id]));
  await runWrite(db, options.now, options.listener ?? null, async (batch) => {
    for (const team of manifest.teams) await createTeam(batch, team.name, team.id);
    for (const user of manifest.users) {
      await createUser(batch, { id: user.id, username: user.username, displayName: user.displayName, role: user.role, password: demoPassword, teamIds: user.teamIds }, options.passwordCost);
    }
    batch.audit({ actorId: null, actorKind: 'system', action: 'training.load', objectType: 'dataset', objectId: String(manifest.seed), result: 'ok', origin: 'cli' });
  });
  const chunkSize = options.chunkSize ?? 250;
  let chunk: DatasetCase[] = [];
  let caseCount = 0;
  let documentCount = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const current = chunk;
    chunk = [];
    await runWrite(db, options.now, options.listener ?? null, async (batch) => {
      for (const kase of current) documentCount += await insertCase(batch, folder, kase, userIds);
    });
    caseCount += current.length;
  };
  for await (const kase of readCases(folder)) {
    chunk.push(kase);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return { cases: caseCount, documents: documentCount, users: manifest.users.length };
}

/** The sync keys (entity:id) of every row a dataset case loads as. */
function datasetRowKeys(kase: DatasetCase): Set<string> {
  const keys = new Set<string>([`case:${kase.id}`]);
  const add = (entity: SyncEntity, rows: { id: string }[]) => {
    for (const row of rows) keys.add(`${entity}:${row.id}`);
  };
  add('party', kase.parties);
  add('suspension', kase.suspensions);
  add('extension', kase.extensions);
  add('noticeOfDefault', kase.noticesOfDefault);
  add('document', kase.documents);
  add('messageThread', kase.threads);
  add('message', kase.threads.flatMap((thread) => thread.messages));
  add('letter', kase.letters);
  add('caseEvent', kase.events);
  add('note', kase.notes);
  return keys;
}

/**
 * Resets scenarios to their state in the dataset: the scenario cases lose everything done to them
 * in the lesson (rows added are tombstoned for clients) and get their dataset rows back, each at a
 * version above the one clients hold, so a synced workbench applies the reset too.
 */
export async function resetScenarios(db: Database, folder: string, scenarioIds: string[], options: Omit<LoadOptions, 'chunkSize'>): Promise<{ cases: number }> {
  const manifest = readManifest(folder);
  const unknown = scenarioIds.filter((id) => !manifest.scenarios.some((scenario) => scenario.id === id));
  if (unknown.length > 0) throw new Error(`unknown scenario: ${unknown.join(', ')} (known: ${manifest.scenarios.map((scenario) => scenario.id).join(', ')})`);
  const userIds = new Map(manifest.users.map((user) => [user.username, user.id]));
  const wanted: DatasetCase[] = [];
  for await (const kase of readCases(folder)) if (kase.scenario && scenarioIds.includes(kase.scenario)) wanted.push(kase);
  await runWrite(db, options.now, options.listener ?? null, async (batch) => {
    for (const kase of wanted) {
      const [current] = await batch.tx.select().from(cases).where(eq(cases.id, kase.id)).for('update');
      const published = await batch.tx.select({ entity: syncRows.entity, id: syncRows.id, version: syncRows.version })
        .from(syncRows).where(eq(syncRows.caseId, kase.id));
      const versions = new Map(published.map((row) => [`${row.entity}:${row.id}`, row.version]));
      const assigneeId = kase.assignee ? userIds.get(kase.assignee) ?? null : null;
      if (current && (current.teamId !== kase.teamId || current.assigneeId !== assigneeId)) {
        await batch.moveCaseScope(kase.id, { teamId: current.teamId, assigneeId: current.assigneeId }, { teamId: kase.teamId, assigneeId });
      }
      // Children first (messages before threads, annotations and links before documents), the case last.
      for (const table of [messages, annotations, evidenceLinks, documents, messageThreads, letters, caseEvents, notes, parties, suspensions, extensions, noticesOfDefault]) {
        await batch.tx.delete(table).where(eq(table.caseId, kase.id));
      }
      await batch.tx.delete(cases).where(eq(cases.id, kase.id));
      // Tombstones only for rows the lesson added: the dataset's own rows are published again below,
      // and one batch must not publish the same row twice.
      const restored = datasetRowKeys(kase);
      for (const row of published) {
        if (restored.has(`${row.entity}:${row.id}`)) continue;
        await batch.publish({ entity: row.entity as SyncEntity, id: row.id, version: row.version + 1, scope: { caseId: kase.id, teamId: kase.teamId, assigneeId } });
      }
      await insertCase(batch, folder, kase, userIds, (entity, id) => (versions.get(`${entity}:${id}`) ?? 0) + 2);
      batch.audit({ actorId: null, actorKind: 'system', action: 'training.resetScenario', objectType: 'case', objectId: kase.id, result: 'ok', origin: 'cli' });
    }
  });
  return { cases: wanted.length };
}
