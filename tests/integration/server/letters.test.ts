/**
 * Decision letters on the server (#15): the frame a draft is saved with, the consistency check at
 * submit and approval against the server's own record, the approved PDF's SHA-256, sending as a
 * stored document that decides the case, and GET /letters/:id/pdf.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { blobs, caseEvents, cases, documents, letters, noticesOfDefault } from '../../../src/server/db/schema';
import type { LetterFrame } from '../../../src/shared/letters/draft';
import { entitySchemas, type MutationResult } from '../../../src/shared/sync';
import { createTestServer, mutation, pullAll, push, request, seedWorld, type TestServer, type World, type WorldUser } from './harness';
import { consistentFrame } from './letter-frames';

let server: TestServer;
let world: World;
const today = '2026-03-02';

beforeAll(async () => {
  server = await createTestServer();
  world = await seedWorld(server);
});
afterAll(async () => server.close());

/** Saves a refusal draft on `caseKey` with `frame` and submits it; returns the letter id and both results. */
async function draftAndSubmit(user: WorldUser, caseKey: keyof World['cases'], frame: LetterFrame | undefined,
  kind = 'refusal'): Promise<{ letterId: string; results: MutationResult[] }> {
  const letterId = randomUUID();
  const results = await push(server, user, [
    mutation('letter.saveDraft', { letterId, caseId: world.cases[caseKey].id, kind, body: 'Uw aanvraag wordt afgewezen.', ...(frame ? { frame } : {}) }),
    mutation('letter.submit', { letterId }, { status: 'draft' }),
  ]);
  return { letterId, results };
}

/** qpdf and poppler are system tools: without them these checks are skipped, and say so. */
function tool(name: string, args: string[]): { status: number | null; stdout: string } | null {
  const result = spawnSync(name, args, { encoding: 'utf8' });
  if (result.error) {
    console.warn(`letters: '${name}' is not installed, its check of the sent PDF is skipped (apt-get install qpdf poppler-utils)`);
    return null;
  }
  return { status: result.status, stdout: result.stdout };
}

/** The sent letter as an archive keeps it: a sound PDF, every font embedded, tagged, declared PDF/A in its XMP. */
function expectArchivalPdf(bytes: Buffer): void {
  const file = join(mkdtempSync(join(tmpdir(), 'sent-letter-')), 'letter.pdf');
  writeFileSync(file, bytes);
  const check = tool('qpdf', ['--check', file]);
  if (check) expect(check.status).toBe(0);
  const fonts = tool('pdffonts', [file]);
  if (fonts) {
    const rows = fonts.stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    // The "emb" column is the fifth from the right of each row.
    for (const row of rows) expect(row.trim().split(/\s+/).at(-5)).toBe('yes');
  }
  const info = tool('pdfinfo', [file]);
  if (info) expect(info.stdout).toMatch(/Tagged:\s+yes/);
  expect(bytes.toString('latin1')).toMatch(/pdfaid:part[^0-9]*2/);
}

async function letterRow(letterId: string) {
  const [row] = await server.database.db.select().from(letters).where(eq(letters.id, letterId));
  if (!row) throw new Error('letter missing');
  return row;
}

describe('saving and submitting', () => {
  it('builds one person\'s saves on each other, and makes a save over someone else\'s newer text a conflict', async () => {
    const letterId = randomUUID();
    const caseId = world.cases.A1.id;
    const save = (body: string, version: number | null) => mutation('letter.saveDraft', { letterId, caseId, kind: 'refusal', body }, { version });
    const [created] = await push(server, world.users.caseworkerA, [save('Eerste versie.', null)]);
    expect(created?.status).toBe('applied');
    const first = (await letterRow(letterId)).version;
    // Typed faster than the pull: both saves say the first version, and both are this person's.
    const own = await push(server, world.users.caseworkerA, [save('Tweede versie.', first), save('Derde versie.', first)]);
    expect(own.map((result) => result.status)).toEqual(['applied', 'applied']);
    // A team lead edits the draft from what they pulled: the latest version, so it applies.
    const [lead] = await push(server, world.users.leadA, [save('Versie van de teamleider.', (await letterRow(letterId)).version)]);
    expect(lead?.status).toBe('applied');
    // The caseworker types on from their stale version: a conflict, not a silent overwrite of the lead's text.
    const [stale] = await push(server, world.users.caseworkerA, [save('Vierde versie.', first + 2)]);
    expect(stale).toMatchObject({ status: 'conflict', fields: ['version'] });
    expect(JSON.parse((await letterRow(letterId)).body)).toMatchObject({ content: [{ content: [{ text: 'Versie van de teamleider.' }] }] });
  });

  it('refuses a frame of another case or letter kind, and a letter without a frame at submit', async () => {
    const frame = await consistentFrame(server, world.cases.A1.id, 'refusal', today);
    const [wrongCase] = await push(server, world.users.caseworkerA, [
      mutation('letter.saveDraft', { letterId: randomUUID(), caseId: world.cases.A2.id, kind: 'refusal', body: 'x', frame }),
    ]);
    expect(wrongCase).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
    const [wrongKind] = await push(server, world.users.caseworkerA, [
      mutation('letter.saveDraft', { letterId: randomUUID(), caseId: world.cases.A1.id, kind: 'grant', body: 'x', frame }),
    ]);
    expect(wrongKind).toMatchObject({ status: 'rejected', code: 'invalid_arguments', reason: 'frame template is of another letter kind' });
    const { results } = await draftAndSubmit(world.users.caseworkerA, 'A1', undefined);
    expect(results[0]?.status).toBe('applied');
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'invalid_state', reason: 'letter has no frame: save it with this version first' });
  });

  it('refuses an inconsistent frame with the finding codes and no personal data', async () => {
    const frame = await consistentFrame(server, world.cases.A1.id, 'refusal', today);
    frame.fields.applicant.vNumber = '9999999999';
    frame.decision = { outcome: 'refused', groundIds: [] };
    const { results } = await draftAndSubmit(world.users.caseworkerA, 'A1', frame);
    const submitted = results[1];
    expect(submitted).toMatchObject({ status: 'rejected', code: 'letter_inconsistent' });
    const reason = submitted?.status === 'rejected' ? submitted.reason : '';
    expect(reason).toContain('v_number_differs');
    expect(reason).toContain('grounds_missing');
    expect(reason).not.toContain('9999999999');
    expect(reason).not.toContain('Applicant');
  });

  it('submits a consistent frame and stores it', async () => {
    const frame = await consistentFrame(server, world.cases.A1.id, 'refusal', today);
    const { letterId, results } = await draftAndSubmit(world.users.caseworkerA, 'A1', frame);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(await letterRow(letterId)).toMatchObject({ status: 'submitted', frame, approvedSha256: null });
  });
});

describe('approving a letter the case has moved away from', () => {
  it('checks again at approval: a suspension recorded after submission makes the stated deadline wrong', async () => {
    const frame = await consistentFrame(server, world.cases.A1.id, 'refusal', today);
    const { letterId, results } = await draftAndSubmit(world.users.caseworkerA, 'A1', frame);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const [requested] = await push(server, world.users.caseworkerA, [mutation('case.requestDocuments', {
      caseId: world.cases.A1.id, suspensionId: randomUUID(), documents: ['passport'], dueOn: '2026-03-16',
    })]);
    expect(requested?.status).toBe('applied');
    const [approved] = await push(server, world.users.reviewerA, [mutation('letter.approve', { letterId }, { status: 'submitted' })]);
    expect(approved).toMatchObject({ status: 'rejected', code: 'letter_inconsistent' });
    expect(approved?.status === 'rejected' ? approved.reason : '').toContain('suspension_count_differs');
  });
});

describe('approving and sending', () => {
  let letterId: string;
  let approvedSha: string;

  it('refuses the drafter approving (four eyes) and stores the SHA-256 of the reviewer\'s approval', async () => {
    const frame = await consistentFrame(server, world.cases.A2.id, 'refusal', today);
    ({ letterId } = await draftAndSubmit(world.users.leadA, 'A2', frame));
    const [own] = await push(server, world.users.leadA, [mutation('letter.approve', { letterId }, { status: 'submitted' })]);
    expect(own).toMatchObject({ status: 'rejected', code: 'four_eyes' });
    const [approved] = await push(server, world.users.reviewerA, [mutation('letter.approve', { letterId }, { status: 'submitted' })]);
    expect(approved?.status).toBe('applied');
    const row = await letterRow(letterId);
    expect(row.approvedSha256).toMatch(/^[0-9a-f]{64}$/);
    approvedSha = row.approvedSha256 ?? '';
    const events = await server.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, world.cases.A2.id));
    expect(events.find((event) => event.kind === 'letter.approve')?.detail)
      .toMatchObject({ letterId, drafterId: world.users.leadA.id, approverId: world.users.reviewerA.id, sha256: approvedSha });
  });

  it('answers GET /letters/:id/pdf with the approved bytes, 401 without a token and 404 out of scope', async () => {
    const pdf = await request(server, world.users.caseworkerA, 'GET', `/letters/${letterId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-letter-sha256']).toBe(approvedSha);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await request(server, null, 'GET', `/letters/${letterId}/pdf`)).statusCode).toBe(401);
    expect((await request(server, world.users.caseworkerB, 'GET', `/letters/${letterId}/pdf`)).statusCode).toBe(404);
    expect((await request(server, world.users.caseworkerA, 'GET', `/letters/${randomUUID()}/pdf`)).statusCode).toBe(404);
  });

  it('answers 404 for a letter without a frame', async () => {
    const bare = randomUUID();
    await push(server, world.users.caseworkerA, [mutation('letter.saveDraft', { letterId: bare, caseId: world.cases.A1.id, kind: 'refusal', body: 'x' })]);
    expect((await request(server, world.users.caseworkerA, 'GET', `/letters/${bare}/pdf`)).statusCode).toBe(404);
  });

  it('refuses to send when the stored letter no longer renders to the approved bytes', async () => {
    const row = await letterRow(letterId);
    const { db } = server.database;
    await db.update(letters).set({ body: JSON.stringify({ type: 'doc', content: [{ type: 'freeBlock', attrs: { block: 'reasoning' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Anders.' }] }] }] }) })
      .where(eq(letters.id, letterId));
    const [changed] = await push(server, world.users.caseworkerA, [mutation('letter.send', { letterId }, { status: 'approved' })]);
    expect(changed).toMatchObject({ status: 'rejected', code: 'letter_changed' });
    await db.update(letters).set({ body: row.body }).where(eq(letters.id, letterId));
  });

  it('refuses to send a letter dated before today', async () => {
    server.clock.advance(24 * 3600_000);
    try {
      const [late] = await push(server, world.users.caseworkerA, [mutation('letter.send', { letterId }, { status: 'approved' })]);
      expect(late).toMatchObject({ status: 'rejected', code: 'invalid_state' });
      expect(late?.status === 'rejected' ? late.reason : '').toContain('re-date');
    } finally {
      server.clock.advance(-24 * 3600_000);
    }
  });

  it('sends: stores the PDF as a letter document, registers the decision on the letter date', async () => {
    const [sent] = await push(server, world.users.caseworkerA, [mutation('letter.send', { letterId }, { status: 'approved' })]);
    expect(sent?.status).toBe('applied');
    const row = await letterRow(letterId);
    expect(row).toMatchObject({ status: 'sent', approvedSha256: approvedSha });
    const { db } = server.database;
    const [document] = await db.select().from(documents).where(eq(documents.id, row.documentId ?? ''));
    expect(document).toMatchObject({ source: 'letter', letterId, kind: 'letter', mediaType: 'application/pdf', sha256: approvedSha });
    expect(document?.title).toContain(today);
    const [blob] = await db.select().from(blobs).where(eq(blobs.sha256, approvedSha));
    const pdf = await request(server, world.users.caseworkerA, 'GET', `/letters/${letterId}/pdf`);
    expect(pdf.headers['x-letter-sha256']).toBe(approvedSha);
    expect(blob && pdf.rawPayload.equals(Buffer.from(blob.content))).toBe(true);
    expectArchivalPdf(pdf.rawPayload);
    const [kase] = await db.select().from(cases).where(eq(cases.id, world.cases.A2.id));
    expect(kase).toMatchObject({ decision: 'refuse', decidedOn: today, status: 'decided' });
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, world.cases.A2.id));
    expect(events.find((event) => event.kind === 'letter.send')?.detail)
      .toMatchObject({ letterId, documentId: row.documentId, remediesLastDay: row.frame?.fields.remedies?.lastDay });
  });

  it('publishes the frame, the approved SHA-256 and the document link, and still parses rows from before them', async () => {
    const page = await pullAll(server, world.users.caseworkerA);
    const upserted = (entity: string, id: string | null) => {
      const change = page.changes.find((entry) => entry.entity === entity && entry.id === id);
      return change?.kind === 'upsert' ? change.data : undefined;
    };
    const parsed = entitySchemas.letter.parse(upserted('letter', letterId));
    expect(parsed).toMatchObject({ status: 'sent', approvedSha256: approvedSha });
    expect(parsed.frame?.letterDate).toBe(today);
    expect(entitySchemas.document.parse(upserted('document', parsed.documentId))).toMatchObject({ letterId, source: 'letter' });
    const { frame: _frame, approvedSha256: _sha, documentId: _document, ...older } = parsed;
    expect(entitySchemas.letter.parse(older)).toMatchObject({ frame: null, approvedSha256: null, documentId: null });
  });
});

describe('a penalty decision', () => {
  // B2's deadline is Monday 2026-05-04; a notice of 2026-05-14 starts the penalty on 2026-05-28, the
  // decision of 2026-06-17 stops it after 20 days: 14 × €23 + 6 × €35 = €532. Written to the rows
  // directly: the server's clock is months before these days.
  const letterDate = '2026-06-17';
  const penalty = { noticeReceivedOn: '2026-05-14', firstPenaltyDay: '2026-05-28', lastPenaltyDay: '2026-06-16', days: 20, amountCents: 53_200 };

  beforeAll(async () => {
    const { db } = server.database;
    await db.insert(noticesOfDefault).values({ id: randomUUID(), caseId: world.cases.B2.id, receivedOn: '2026-05-14', source: 'post' });
    await db.update(cases).set({ decision: 'grant', decidedOn: letterDate, status: 'decided' }).where(eq(cases.id, world.cases.B2.id));
  });

  it('is submitted when it fixes the penalty the server counts from its own rows', async () => {
    const frame = await consistentFrame(server, world.cases.B2.id, 'penalty_decision', letterDate);
    frame.fields.penalty = penalty;
    const { letterId, results } = await draftAndSubmit(world.users.caseworkerA, 'B2', frame, 'penalty_decision');
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(await letterRow(letterId)).toMatchObject({ status: 'submitted', kind: 'penalty_decision' });
  });

  it('is refused when it states another amount or number of days', async () => {
    const frame = await consistentFrame(server, world.cases.B2.id, 'penalty_decision', letterDate);
    frame.fields.penalty = { ...penalty, lastPenaltyDay: '2026-06-17', days: 21, amountCents: 56_700 };
    const { results } = await draftAndSubmit(world.users.caseworkerA, 'B2', frame, 'penalty_decision');
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'letter_inconsistent' });
    const reason = results[1]?.status === 'rejected' ? results[1].reason : '';
    expect(reason).toContain('penalty_days_differs (penalty.days)');
    expect(reason).toContain('penalty_amount_differs (penalty.amountCents)');
  });
});
