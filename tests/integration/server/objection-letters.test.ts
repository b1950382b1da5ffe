/**
 * The decision on an objection (beslissing op bezwaar, #15) on the server: four-eyes approval, sending
 * as a letter document that records the objection's outcome on the case, and a remedies clause that
 * offers appeal (beroep) to the court, not objection again.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, documents, letters } from '../../../src/server/db/schema';
import { formatLegalDateLong, remedyPeriod } from '../../../src/shared/domain';
import type { LetterFrame } from '../../../src/shared/letters/draft';
import type { MutationResult } from '../../../src/shared/sync';
import {
  createTestServer, mutation, push, request, seedObjectionCase, seedWorld, type TestServer, type World, type WorldUser,
} from './harness';
import { consistentFrame } from './letter-frames';

let server: TestServer;
let world: World;
let regular: { id: string; caseNumber: string };
let naturalisation: { id: string; caseNumber: string };
const today = '2026-03-02';

beforeAll(async () => {
  server = await createTestServer();
  world = await seedWorld(server);
  const dates = { receivedOn: '2026-02-16', contestedDecisionOn: '2026-02-02' };
  regular = await seedObjectionCase(server, world, 'objection_regular', dates);
  naturalisation = await seedObjectionCase(server, world, 'objection_naturalisation', dates);
});
afterAll(async () => server.close());

async function draftAndSubmit(user: WorldUser, caseId: string, frame: LetterFrame): Promise<{ letterId: string; results: MutationResult[] }> {
  const letterId = randomUUID();
  const results = await push(server, user, [
    mutation('letter.saveDraft', { letterId, caseId, kind: 'objection_decision', body: 'Uw bezwaar is ongegrond.', frame }),
    mutation('letter.submit', { letterId }, { status: 'draft' }),
  ]);
  return { letterId, results };
}

const reasonOf = (result: MutationResult | undefined): string => (result?.status === 'rejected' ? result.reason : '');

/** The PDF's text with its line breaks as spaces, or null (and a warning) without poppler's pdftotext. */
function pdfText(bytes: Buffer): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'objection-letter-')), 'letter.pdf');
  writeFileSync(file, bytes);
  const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (result.error) {
    console.warn('objection letters: \'pdftotext\' is not installed, the check of the sent text is skipped (apt-get install poppler-utils)');
    return null;
  }
  expect(result.status).toBe(0);
  return result.stdout.replace(/\s+/g, ' ');
}

describe('an objection decision, approved by a second person and sent', () => {
  let letterId: string;

  it('refuses its drafter\'s approval (four eyes) and takes a reviewer\'s', async () => {
    const frame = await consistentFrame(server, regular.id, 'objection_decision', today, 'objection_unfounded');
    const drafted = await draftAndSubmit(world.users.leadA, regular.id, frame);
    letterId = drafted.letterId;
    expect(drafted.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const [own] = await push(server, world.users.leadA, [mutation('letter.approve', { letterId }, { status: 'submitted' })]);
    expect(own).toMatchObject({ status: 'rejected', code: 'four_eyes' });
    const [approved] = await push(server, world.users.reviewerA, [mutation('letter.approve', { letterId }, { status: 'submitted' })]);
    expect(approved?.status).toBe('applied');
  });

  it('sends: the case records the objection\'s outcome on the letter date, the PDF is a letter document', async () => {
    const [sent] = await push(server, world.users.caseworkerA, [mutation('letter.send', { letterId }, { status: 'approved' })]);
    expect(sent?.status).toBe('applied');
    const { db } = server.database;
    const [kase] = await db.select().from(cases).where(eq(cases.id, regular.id));
    expect(kase).toMatchObject({ decision: 'objection_unfounded', decidedOn: today, status: 'decided' });
    const [row] = await db.select().from(letters).where(eq(letters.id, letterId));
    expect(row?.status).toBe('sent');
    const [document] = await db.select().from(documents).where(eq(documents.id, row?.documentId ?? ''));
    expect(document).toMatchObject({ source: 'letter', letterId, mediaType: 'application/pdf' });
  });

  it('states appeal within the period remedyPeriod gives for the case type, in the frame and in the PDF', async () => {
    const [row] = await server.database.db.select().from(letters).where(eq(letters.id, letterId));
    const expected = remedyPeriod({ caseType: 'objection_regular', letterDate: today });
    expect(expected).toMatchObject({ remedy: 'appeal', period: { weeks: 4 }, lastDay: '2026-03-30' });
    expect(row?.frame?.fields.remedies).toMatchObject({ remedy: 'appeal', weeks: expected.period.weeks, lastDay: expected.lastDay });
    const pdf = await request(server, world.users.caseworkerA, 'GET', `/letters/${letterId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    if (text === null) return;
    expect(text).toContain('beroep');
    expect(text).toContain(`uiterlijk op ${formatLegalDateLong(expected.lastDay, 'nl')}`);
    expect(text).toContain('uiterlijk op 30 maart 2026');
    // The objection branch of the template would offer a second objection instead of the court.
    expect(text).not.toContain('Dan kunt u bezwaar maken');
  });

  it('refuses a further objection decision on the case that states another outcome than the one recorded', async () => {
    const other = await consistentFrame(server, regular.id, 'objection_decision', today, 'objection_well_founded');
    const { results } = await draftAndSubmit(world.users.caseworkerA, regular.id, other);
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'letter_inconsistent' });
    expect(reasonOf(results[1])).toContain('outcome_differs_from_record (decision.outcome)');
    // The same letter with the recorded outcome goes through: the outcome is what was refused.
    const same = await consistentFrame(server, regular.id, 'objection_decision', today, 'objection_unfounded');
    const again = await draftAndSubmit(world.users.caseworkerA, regular.id, same);
    expect(again.results.map((result) => result.status)).toEqual(['applied', 'applied']);
  });
});

describe('the remedies clause of an objection decision', () => {
  it('offers appeal within six weeks (Awb 6:7) in a naturalisation objection', async () => {
    const frame = await consistentFrame(server, naturalisation.id, 'objection_decision', today);
    const expected = remedyPeriod({ caseType: 'objection_naturalisation', letterDate: today });
    expect(expected).toMatchObject({ remedy: 'appeal', period: { weeks: 6 } });
    expect(frame.fields.remedies).toMatchObject({ remedy: 'appeal', weeks: expected.period.weeks, lastDay: expected.lastDay });
    const { results } = await draftAndSubmit(world.users.caseworkerA, naturalisation.id, frame);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
  });

  it('refuses at submit a frame that offers objection instead of appeal', async () => {
    const frame = await consistentFrame(server, naturalisation.id, 'objection_decision', today);
    if (!frame.fields.remedies) throw new Error('frame without remedies');
    frame.fields.remedies.remedy = 'objection';
    const { results } = await draftAndSubmit(world.users.caseworkerA, naturalisation.id, frame);
    expect(results[0]?.status).toBe('applied');
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'letter_inconsistent' });
    expect(reasonOf(results[1])).toContain('remedy_differs (remedies.remedy)');
    // Only the remedy was changed: the period and last day still agree.
    expect(reasonOf(results[1])).not.toContain('remedy_weeks_differs');
    expect(reasonOf(results[1])).not.toContain('remedy_last_day_differs');
  });

  it('refuses at submit a frame that names another contested decision than the case records', async () => {
    const frame = await consistentFrame(server, naturalisation.id, 'objection_decision', today);
    // The intro says which decision the objection was against: a wrong date answers another objection.
    frame.fields.case.contestedDecisionOn = '2026-01-26';
    const { results } = await draftAndSubmit(world.users.caseworkerA, naturalisation.id, frame);
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'letter_inconsistent' });
    expect(reasonOf(results[1])).toContain('contested_decision_differs (case.contestedDecisionOn)');
  });
});
