/**
 * The `letter-ready` scenario and the letters of the training data: after generating and loading
 * the demo dataset (PGlite), demo.caseworker has a refusal draft that the server accepts for
 * submission, one awaiting demo.reviewer that the reviewer can approve (the PDF's SHA-256 kept),
 * and one returned with a reason; every applicant and representative has a postal address; each
 * applicant's correspondence language is recorded; and a
 * reset of the scenario gives the draft back after the lesson submitted it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPasswordCost } from '../../../src/server/auth/passwords';
import { evidenceLinks, letters, users } from '../../../src/server/db/schema';
import { addressLines } from '../../../src/shared/letters/build-fields';
import { letterFrame } from '../../../src/shared/letters/draft';
import { type DatasetCase, type DatasetManifest } from '../../../src/server/training/dataset';
import { generateDataset } from '../../../src/server/training/generate';
import { loadDataset, resetScenarios } from '../../../src/server/training/load';
import { demoPassword, demoUsernames } from '../../../src/server/training/staff';
import { createTestServer, mutation, push, type TestServer, type WorldUser } from '../server/harness';

const today = '2026-03-16';
const folder = mkdtempSync(join(tmpdir(), 'werkbank-letters-'));
let server: TestServer;
let manifest: DatasetManifest;
let dataset: DatasetCase[];

beforeAll(async () => {
  manifest = generateDataset({ seed: 3, caseCount: 40, outputFolder: folder, today }).manifest;
  dataset = readFileSync(join(folder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
  server = await createTestServer({ environment: 'training' });
  // The training clock: the letters are dated the dataset's today.
  server.clock.set(new Date(`${today}T09:00:00Z`));
  await loadDataset(server.database.db, folder, { now: server.clock.now(), passwordCost: testPasswordCost, listener: server.context.head });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function signIn(username: string): Promise<WorldUser> {
  const response = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: demoPassword } });
  expect(response.statusCode, response.body).toBe(200);
  const [user] = await server.database.db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username}`);
  return { id: user.id, username, role: user.role, teamIds: [], token: (response.json() as { accessToken: string }).accessToken };
}

/** The scenario's letter in `status` (the dataset's), with its row as loaded now. */
async function scenarioLetter(status: 'draft' | 'submitted' | 'returned') {
  const scenario = manifest.scenarios.find((entry) => entry.id === 'letter-ready');
  const kase = dataset.find((candidate) => scenario?.caseIds.includes(candidate.id) && candidate.letters.some((letter) => letter.draft && letter.status === status));
  const letter = kase?.letters.find((candidate) => candidate.draft && candidate.status === status);
  if (!kase || !letter) throw new Error(`no ${status} letter in the letter-ready scenario`);
  const [row] = await server.database.db.select().from(letters).where(eq(letters.id, letter.id));
  if (!row) throw new Error('letter not loaded');
  return { kase, letter, row };
}

describe('training letters', () => {
  it('gives every applicant, sponsor organisation and representative an address a letter can print', () => {
    for (const kase of dataset) {
      for (const party of kase.parties) {
        if (party.role === 'sponsor' && !party.organisation && !party.address) continue;
        expect(addressLines(party.address), `${kase.caseNumber} ${party.role}`).not.toBeNull();
      }
    }
    const abroad = dataset.flatMap((kase) => kase.parties).filter((party) => party.role === 'applicant' && party.address?.['country'] !== 'NL');
    expect(abroad.length).toBeGreaterThan(0);
    // The country is printed as the last line of the address.
    for (const party of abroad) expect(addressLines(party.address)?.at(-1)).toBe(party.address?.['country']);
  });

  it('records the language each applicant corresponds in, the one their messages are written in, both in use', () => {
    const languages = dataset.map((kase) => kase.application?.['correspondenceLanguage']);
    expect(new Set(languages)).toEqual(new Set(['nl', 'en']));
    for (const kase of dataset) {
      for (const thread of kase.threads.filter((candidate) => candidate.counterpart === 'applicant')) {
        expect(thread.language, kase.caseNumber).toBe(kase.application?.['correspondenceLanguage']);
      }
    }
  });

  it('lists the letter-ready scenario for demo.caseworker with three cases in their queue', () => {
    const scenario = manifest.scenarios.find((entry) => entry.id === 'letter-ready');
    expect(scenario).toMatchObject({ user: demoUsernames.caseworker, title: { nl: expect.any(String), en: expect.any(String) } });
    expect(scenario?.caseIds).toHaveLength(3);
    for (const id of scenario?.caseIds ?? []) {
      expect(dataset.find((kase) => kase.id === id)).toMatchObject({ assignee: demoUsernames.caseworker, caseType: 'highly_skilled_migrant', scenario: 'letter-ready' });
    }
  });

  it('loads the three refusals with frames, dated today, in their workflow states', async () => {
    const reviewer = await signIn(demoUsernames.reviewer);
    const caseworker = await signIn(demoUsernames.caseworker);
    const draft = await scenarioLetter('draft');
    const submitted = await scenarioLetter('submitted');
    const returned = await scenarioLetter('returned');
    for (const { row } of [draft, submitted, returned]) {
      expect(letterFrame.parse(row.frame)).toMatchObject({ letterDate: today, decision: { outcome: 'refused', groundIds: ['salary_below_threshold'] } });
      expect(row.drafterId).toBe(caseworker.id);
      expect(row.frame?.fields.decision?.reasoning).not.toMatch(/\[\[/);
      expect(await server.database.db.$count(evidenceLinks, eq(evidenceLinks.caseId, row.caseId))).toBe(2);
    }
    expect(draft.row.status).toBe('draft');
    expect(submitted.row).toMatchObject({ status: 'submitted', approverId: null });
    expect(returned.row).toMatchObject({ status: 'returned', approverId: reviewer.id, returnedReason: expect.stringMatching(/\w{10,}/) });
  });

  it('frames the refusal of refusal-four-eyes too, so its review passes the check', async () => {
    const reviewer = await signIn(demoUsernames.reviewer);
    const kase = dataset.find((candidate) => candidate.scenario === 'refusal-four-eyes');
    const letter = kase?.letters.find((candidate) => candidate.kind === 'refusal');
    if (!letter) throw new Error('no refusal-four-eyes letter');
    const [approved] = await push(server, reviewer, [mutation('letter.approve', { letterId: letter.id }, { status: 'submitted' })]);
    expect(approved).toMatchObject({ status: 'applied' });
  });

  it('lets demo.reviewer approve the submitted refusal, keeping the SHA-256 of the approved PDF', async () => {
    const reviewer = await signIn(demoUsernames.reviewer);
    const { row } = await scenarioLetter('submitted');
    const [approved] = await push(server, reviewer, [mutation('letter.approve', { letterId: row.id }, { status: 'submitted' })]);
    expect(approved).toMatchObject({ status: 'applied' });
    const [after] = await server.database.db.select().from(letters).where(eq(letters.id, row.id));
    expect(after).toMatchObject({ status: 'approved', approverId: reviewer.id });
    expect(after?.approvedSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets demo.caseworker submit the draft, and a reset of letter-ready gives the draft back', async () => {
    const caseworker = await signIn(demoUsernames.caseworker);
    const { row } = await scenarioLetter('draft');
    const [submitted] = await push(server, caseworker, [mutation('letter.submit', { letterId: row.id }, { status: 'draft' })]);
    expect(submitted).toMatchObject({ status: 'applied' });
    expect((await scenarioLetter('draft')).row.status).toBe('submitted');

    await resetScenarios(server.database.db, folder, ['letter-ready'], { now: server.clock.now(), passwordCost: testPasswordCost, listener: server.context.head });
    const restored = (await scenarioLetter('draft')).row;
    expect(restored).toMatchObject({ status: 'draft', submittedAt: null, frame: row.frame, body: row.body });
    expect(restored.version).toBeGreaterThan(row.version);
    expect((await scenarioLetter('submitted')).row).toMatchObject({ status: 'submitted', approvedSha256: null });
  });
});
