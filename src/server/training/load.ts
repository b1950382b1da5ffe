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
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { plainLetterBody, type LetterBody } from '../../shared/letters/body';
import type { LetterFrame } from '../../shared/letters/draft';
import { createTeam, createUser } from '../admin/directory';
import { hashPassword, type PasswordCost } from '../auth/passwords';
import { publishCaseChild, type CaseChildEntity } from '../cases/records';
import { type Database } from '../db/database';
import {
  annotations, blobs, caseEvents, evidenceLinks, syncRows, cases, documents, extensions, letters, messageReads, messages, messageThreads, notes, noticesOfDefault, parties, suspensions,
} from '../db/schema';
import type { ProjectionInput } from '../sync/projections';
import { runWrite, type ChangeListener, type WriteBatch } from '../sync/publish';
import { type SyncEntity } from '../../shared/sync';
import { datasetFormat, datasetFormatVersion, type DatasetCase, type DatasetLetter, type DatasetManifest } from './dataset';
import { draftTrainingLetter } from './letters';
import { demoPassword } from './staff';

/** What loadDataset needs besides the database and the folder. */
export type LoadOptions = {
  /** The moment the load is recorded at (created rows, audit). */
  now: Date;
  passwordCost: PasswordCost;
  listener?: ChangeListener | null;
  /** Cases per transaction. */
  chunkSize?: number;
  /** After each transaction of cases: how many are loaded, of how many (the start screen's count). */
  onProgress?: (loaded: number, total: number) => void;
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

/** Who the dataset's usernames are, and the day its letters are dated (the training clock's today). */
type Staff = { userIds: Map<string, string>; displayNames: Map<string, string>; today: string };

function staffOf(manifest: DatasetManifest): Staff {
  return {
    userIds: new Map(manifest.users.map((user) => [user.username, user.id])),
    displayNames: new Map(manifest.users.map((user) => [user.username, user.displayName])),
    today: manifest.today,
  };
}

/** The version a re-inserted row gets: above any version clients may hold, so they apply it. */
type VersionOf = (entity: SyncEntity, id: string) => number;
const firstVersion: VersionOf = () => 1;

/** Inserts rows in slices (PostgreSQL allows 65,535 parameters a statement) and returns them. */
async function insertAll<Row, Inserted>(rows: Row[], size: number, insert: (slice: Row[]) => Promise<Inserted[]>): Promise<Inserted[]> {
  const inserted: Inserted[] = [];
  for (let offset = 0; offset < rows.length; offset += size) inserted.push(...(await insert(rows.slice(offset, offset + size))));
  return inserted;
}

/**
 * The form data as the server keeps it: the dataset's application plus what the applicant stated
 * about themself (names, birth date, V-number), which the dataset keeps on the applicant party.
 */
export function applicationOf(kase: DatasetCase): Record<string, string | number | boolean | null> {
  const applicant = kase.parties.find((party) => party.role === 'applicant');
  return {
    ...(applicant ? {
      givenNames: applicant.givenNames, surname: applicant.surname, birthDate: applicant.birthDate,
      vNumber: applicant.vNumber, birthPlace: applicant.birthPlace,
    } : {}),
    ...kase.application,
  };
}

/**
 * Inserts a chunk of cases table by table (one statement per table and slice, not per case: this is
 * what makes 500 cases load in seconds on PGlite) and publishes every row scoped like its case.
 */
async function insertCases(batch: WriteBatch, folder: string, chunk: DatasetCase[], staff: Staff, versionOf: VersionOf = firstVersion): Promise<number> {
  const { tx } = batch;
  const { userIds } = staff;
  const user = (username: string | null) => (username ? userIds.get(username) ?? null : null);
  const caseRows = await tx.insert(cases).values(chunk.map((kase) => ({
    id: kase.id, caseNumber: kase.caseNumber, caseType: kase.caseType, regime: kase.regime, status: kase.status, teamId: kase.teamId,
    assigneeId: user(kase.assignee), receivedOn: kase.receivedOn, contestedDecisionOn: kase.contestedDecisionOn,
    feeStatus: kase.fee.status, feePaidOn: kase.fee.paidOn, feeAmountCents: kase.fee.amountCents, biometrics: kase.biometrics,
    application: applicationOf(kase),
    deadline: kase.deadline, penaltyAmountCents: kase.penaltyAmountCents, decision: kase.decision, decidedOn: kase.decidedOn,
    createdAt: instant(kase.createdAt), updatedAt: instant(kase.updatedAt), version: versionOf('case', kase.id),
  }))).returning();
  const caseById = new Map(caseRows.map((row) => [row.id, row]));
  for (const row of caseRows) await publishCaseChild(batch, row, 'case', row);
  const publishAll = async <E extends CaseChildEntity>(entity: E, rows: (ProjectionInput[E] & { caseId: string })[]) => {
    for (const child of rows) {
      const kase = caseById.get(child.caseId);
      if (!kase) throw new Error('child row of a case outside the chunk');
      await publishCaseChild(batch, kase, entity, child);
    }
  };
  const every = <Item>(pick: (kase: DatasetCase) => Item[]) => chunk.flatMap((kase) => pick(kase).map((item) => ({ kase, item })));

  const partyRows = await insertAll(every((kase) => kase.parties), 2000, (slice) => tx.insert(parties).values(slice.map(({ kase, item: party }) => ({
    id: party.id, caseId: kase.id, role: party.role, name: party.name, vNumber: party.vNumber, bsn: party.bsn, birthDate: party.birthDate,
    nationality: party.nationality, organisation: party.organisation, recognisedSponsor: party.recognisedSponsor, address: party.address,
    email: party.email, phone: party.phone, version: versionOf('party', party.id),
  }))).returning());
  await publishAll('party', partyRows);
  const suspensionRows = await insertAll(every((kase) => kase.suspensions), 2000, (slice) => tx.insert(suspensions)
    .values(slice.map(({ kase, item }) => ({ ...item, caseId: kase.id, version: versionOf('suspension', item.id) }))).returning());
  await publishAll('suspension', suspensionRows);
  const extensionRows = await insertAll(every((kase) => kase.extensions), 2000, (slice) => tx.insert(extensions)
    .values(slice.map(({ kase, item }) => ({ ...item, caseId: kase.id, version: versionOf('extension', item.id) }))).returning());
  await publishAll('extension', extensionRows);
  const noticeRows = await insertAll(every((kase) => kase.noticesOfDefault), 2000, (slice) => tx.insert(noticesOfDefault)
    .values(slice.map(({ kase, item }) => ({ ...item, caseId: kase.id, version: versionOf('noticeOfDefault', item.id) }))).returning());
  await publishAll('noticeOfDefault', noticeRows);

  const documentItems = every((kase) => kase.documents);
  const firstUse = new Map<string, string>();
  for (const { item } of documentItems) if (!firstUse.has(item.sha256)) firstUse.set(item.sha256, item.uploadedAt);
  const hashes = [...firstUse.keys()];
  for (let offset = 0; offset < hashes.length; offset += 50) {
    await tx.insert(blobs).values(hashes.slice(offset, offset + 50).map((sha256) => {
      const content = readFileSync(join(folder, 'blobs', `${sha256}.pdf`));
      return { sha256, size: content.length, content, createdAt: instant(firstUse.get(sha256) ?? '2000-01-01T00:00:00.000Z') };
    })).onConflictDoNothing();
  }
  const documentRows = await insertAll(documentItems, 2000, (slice) => tx.insert(documents).values(slice.map(({ kase, item: document }) => ({
    id: document.id, caseId: kase.id, title: document.title, kind: document.kind, mediaType: document.mediaType, sha256: document.sha256,
    size: document.size, source: document.source, uploadedAt: instant(document.uploadedAt), version: versionOf('document', document.id),
  }))).returning());
  await publishAll('document', documentRows);
  const linkItems = every((kase) => (kase.evidenceLinks ?? []).flatMap((link) => {
    const createdBy = user(link.createdBy);
    return createdBy ? [{ link, createdBy }] : [];
  }));
  const linkRows = await insertAll(linkItems, 2000, (slice) => tx.insert(evidenceLinks).values(slice.map(({ kase, item: { link, createdBy } }) => ({
    id: link.id, caseId: kase.id, documentId: link.documentId, requirement: link.requirement, field: link.field, page: link.page,
    quote: link.quote, createdBy, createdAt: instant(link.createdAt), version: versionOf('evidenceLink', link.id),
  }))).returning());
  await publishAll('evidenceLink', linkRows);

  await publishAll('messageThread', await insertAll(every((kase) => kase.threads), 2000, (slice) => tx.insert(messageThreads).values(slice.map(({ kase, item: thread }) => ({
    id: thread.id, caseId: kase.id, subject: thread.subject, counterpart: thread.counterpart, createdAt: instant(thread.createdAt), version: versionOf('messageThread', thread.id),
  }))).returning()));
  const messageItems = every((kase) => kase.threads.flatMap((thread) => thread.messages.map((message) => ({ thread, message }))));
  const messageRows = await insertAll(messageItems, 2000, (slice) => tx.insert(messages).values(slice.map(({ kase, item: { thread, message } }) => {
    // An inbound message was read by the caseworker who has the case; a message nobody can have read stays unread.
    const readBy = message.direction === 'inbound' && message.readAt ? user(kase.assignee) : null;
    return {
      id: message.id, threadId: thread.id, caseId: kase.id, direction: message.direction, authorId: user(message.author), body: message.body,
      sentAt: instant(message.sentAt), readAt: readBy && message.readAt ? instant(message.readAt) : null, readBy,
      // What the dataset's IND sent reached My IND when it was sent.
      delivery: message.direction === 'outbound' ? 'delivered' as const : null,
      deliveredAt: message.direction === 'outbound' ? instant(message.sentAt) : null,
      version: versionOf('message', message.id),
    };
  })).returning());
  await publishAll('message', messageRows);
  const readItems = messageRows.flatMap((row) => (row.readAt && row.readBy ? [{ row, readAt: row.readAt, userId: row.readBy }] : []));
  await publishAll('messageRead', await insertAll(readItems, 2000, (slice) => tx.insert(messageReads).values(slice.map(({ row, readAt, userId }) => ({
    id: messageReadId(row.id), messageId: row.id, caseId: row.caseId, userId, readAt, version: versionOf('messageRead', messageReadId(row.id)),
  }))).returning()));
  const ofCase = <Row extends { caseId: string }>(rows: Row[], caseId: string) => rows.filter((row) => row.caseId === caseId);
  const letterItems: { kase: DatasetCase; item: { letter: DatasetLetter; drafterId: string; drafted: { frame: LetterFrame; body: LetterBody } | null } }[] = [];
  for (const { kase, item: letter } of every((candidate) => candidate.letters)) {
    const drafterId = user(letter.drafter);
    if (!drafterId) continue;
    const caseRow = caseById.get(kase.id);
    if (!letter.draft || !caseRow) {
      letterItems.push({ kase, item: { letter, drafterId, drafted: null } });
      continue;
    }
    const drafted = await draftTrainingLetter({
      kase: caseRow, parties: ofCase(partyRows, kase.id), suspensions: ofCase(suspensionRows, kase.id), extensions: ofCase(extensionRows, kase.id),
      noticesOfDefault: ofCase(noticeRows, kase.id), documents: ofCase(documentRows, kase.id), evidenceLinks: ofCase(linkRows, kase.id),
    }, { kind: letter.kind, draft: letter.draft, letterDate: staff.today, signatory: staff.displayNames.get(letter.drafter) ?? null });
    letterItems.push({ kase, item: { letter, drafterId, drafted } });
  }
  await publishAll('letter', await insertAll(letterItems, 2000, (slice) => tx.insert(letters).values(slice.map(({ kase, item: { letter, drafterId, drafted } }) => ({
    id: letter.id, caseId: kase.id, kind: letter.kind, status: letter.status,
    body: JSON.stringify(drafted?.body ?? plainLetterBody(letter.body)), frame: drafted?.frame ?? null, returnedReason: letter.returnedReason ?? null, drafterId,
    submittedAt: letter.submittedAt ? instant(letter.submittedAt) : null, approverId: user(letter.approver),
    approvedAt: letter.approvedAt ? instant(letter.approvedAt) : null, sentAt: letter.sentAt ? instant(letter.sentAt) : null,
    updatedAt: instant(letter.updatedAt), version: versionOf('letter', letter.id),
  }))).returning()));
  await publishAll('caseEvent', await insertAll(every((kase) => kase.events), 2000, (slice) => tx.insert(caseEvents).values(slice.map(({ kase, item: event }) => ({
    id: event.id, caseId: kase.id, at: instant(event.at), actorId: user(event.actor), kind: event.kind, detail: event.detail, version: versionOf('caseEvent', event.id),
  }))).returning()));
  const noteItems = every((kase) => kase.notes.flatMap((note) => {
    const authorId = user(note.author);
    return authorId ? [{ ...note, authorId }] : [];
  }));
  await publishAll('note', await insertAll(noteItems, 2000, (slice) => tx.insert(notes).values(slice.map(({ kase, item: note }) => ({
    id: note.id, caseId: kase.id, authorId: note.authorId, body: note.body, createdAt: instant(note.createdAt), version: versionOf('note', note.id),
  }))).returning()));
  return documentItems.length;
}

/** Loads teams, users and cases of the dataset in `folder` into an empty central database. */
export async function loadDataset(db: Database, folder: string, options: LoadOptions): Promise<LoadResult> {
  const manifest = readManifest(folder);
  const staff = staffOf(manifest);
  // Every demo user has the same public password: one hash serves them all (each took ~0.2 s).
  const demoPasswordHash = await hashPassword(demoPassword, options.passwordCost);
  await runWrite(db, options.now, options.listener ?? null, async (batch) => {
    for (const team of manifest.teams) await createTeam(batch, team.name, team.id);
    for (const user of manifest.users) {
      await createUser(batch, {
        id: user.id, username: user.username, displayName: user.displayName, role: user.role, passwordHash: demoPasswordHash, teamIds: user.teamIds,
      }, options.passwordCost);
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
      documentCount += await insertCases(batch, folder, current, staff);
    });
    caseCount += current.length;
    options.onProgress?.(caseCount, manifest.caseCount);
  };
  for await (const kase of readCases(folder)) {
    chunk.push(kase);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return { cases: caseCount, documents: documentCount, users: manifest.users.length };
}

/**
 * The id of the reading a dataset message loads with (one at most: its caseworker's). Derived from
 * the message, so the dataset format needs no field for it and a scenario reset restores the same row.
 */
export function messageReadId(messageId: string): string {
  const hex = createHash('sha256').update(`messageRead:${messageId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
  add('messageRead', kase.threads.flatMap((thread) => thread.messages)
    .filter((message) => message.direction === 'inbound' && message.readAt && kase.assignee)
    .map((message) => ({ id: messageReadId(message.id) })));
  add('letter', kase.letters);
  add('evidenceLink', kase.evidenceLinks ?? []);
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
  const staff = staffOf(manifest);
  const { userIds } = staff;
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
      // Children first (reads before messages before threads, annotations and links before documents), the case last.
      for (const table of [messageReads, messages, annotations, evidenceLinks, documents, messageThreads, letters, caseEvents, notes, parties, suspensions, extensions, noticesOfDefault]) {
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
      await insertCases(batch, folder, [kase], staff, (entity, id) => (versions.get(`${entity}:${id}`) ?? 0) + 2);
      batch.audit({ actorId: null, actorKind: 'system', action: 'training.resetScenario', objectType: 'case', objectId: kase.id, result: 'ok', origin: 'cli' });
    }
  });
  return { cases: wanted.length };
}
