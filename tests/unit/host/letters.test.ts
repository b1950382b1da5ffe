/** The `letters` calls through the real RPC, over a cache filled the way a pull fills it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../src/main/host/host';
import { silentLogger } from '../../../src/main/host/log';
import { InboundStore } from '../../../src/main/host/sync/inbound';
import { Outbox } from '../../../src/main/host/sync/outbox';
import { calls, events } from '../../../src/shared/contract';
import { connectRpc } from '../../../src/shared/rpc';
import type { SyncChange } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';
import { endpointPair } from '../../helpers/endpoint-pair';
import { tempDir } from '../../helpers/temp-dir';

const caseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f70';
const bareCaseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f71';
const returnedLetterId = '2b2c3d4e-0000-4000-8000-000000000001';
const sentLetterId = '2b2c3d4e-0000-4000-8000-000000000002';
const draftLetterId = '2b2c3d4e-0000-4000-8000-000000000003';
const now = '2026-03-02T09:00:00.000Z';
const letterDate = '2026-03-02';

const upsert = (entity: SyncChange['entity'], id: string, data: Record<string, unknown>, ofCase = caseId): SyncChange =>
  ({ kind: 'upsert', entity, id, version: 1, caseId: ofCase, data: entityRow(entity, { id, caseId: ofCase, ...data }) });
const kase = (id: string, caseNumber: string): SyncChange => upsert('case', id, {
  caseNumber, caseType: 'highly_skilled_migrant', regime: 'regular', status: 'in_progress', receivedOn: '2026-02-02', updatedAt: now,
}, id);

let host: Host;
let inbound: InboundStore;
let outbox: Outbox;
function fill(): void {
  inbound = new InboundStore(host.cache.sqlite, () => 'user-me');
  outbox = new Outbox(host.cache.sqlite, inbound);
  inbound.applyPage({
    nextCursor: '1', hasMore: false, changes: [
      kase(caseId, 'IND-2026-000101'),
      upsert('party', 'p1', {
        role: 'applicant', name: 'Samira El Amrani', vNumber: '0123456789',
        address: { street: 'Lange Voorhout 12', postcode: '2514 EA', city: 'Den Haag', country: 'NLD' },
      }),
      upsert('party', 'p2', {
        role: 'representative', name: 'mr. J.P. de Vries', organisation: 'De Vries Advocaten',
        address: { street: 'Postbus 1234', postcode: '2501 CA', city: 'Den Haag' },
      }),
      upsert('party', 'p3', { role: 'sponsor', name: 'Noordzee Data B.V.', organisation: 'Noordzee Data B.V.', recognisedSponsor: true }),
      upsert('letter', returnedLetterId, {
        kind: 'refusal', status: 'returned', returnedReason: 'Motivering aanvullen', updatedAt: '2026-02-27T10:00:00.000Z',
      }),
      upsert('letter', sentLetterId, { kind: 'acknowledgement', status: 'sent', updatedAt: '2026-02-03T10:00:00.000Z' }),
      // A case without an address on file: no letter can be addressed.
      kase(bareCaseId, 'IND-2026-000102'),
      upsert('party', 'p4', { role: 'applicant', name: 'Ada Applicant' }, bareCaseId),
    ],
  }, now);
}
beforeEach(() => {
  host = createHost({ dataDir: ':memory:', logger: silentLogger });
  fill();
});

afterEach(() => host.close());
function connect() {
  const [hostEnd, clientEnd] = endpointPair();
  host.serve(hostEnd);
  // The first preview parses the fonts, which takes a moment on a slow machine.
  return connectRpc(clientEnd, { calls, events, timeoutMs: 30_000 });
}

describe('letters.list', () => {
  it('lists the pulled letters with their status and a draft still in the outbox, newest first', async () => {
    outbox.enqueue('letter.saveDraft', { letterId: draftLetterId, caseId, kind: 'missing_documents', body: 'Concept' }, now);
    const { items } = await connect().call('letters.list', { caseId });
    expect(items).toEqual([
      { id: draftLetterId, kind: 'missing_documents', status: 'draft', updatedAt: now, syncState: 'queued', returnReason: null, pending: true },
      {
        id: returnedLetterId, kind: 'refusal', status: 'returned', updatedAt: '2026-02-27T10:00:00.000Z', syncState: null,
        returnReason: 'Motivering aanvullen', pending: false,
      },
      { id: sentLetterId, kind: 'acknowledgement', status: 'sent', updatedAt: '2026-02-03T10:00:00.000Z', syncState: null, returnReason: null, pending: false },
    ]);
  });

  it('shows a queued status change of a pulled letter, which names only the letter', async () => {
    outbox.enqueue('letter.submit', { letterId: returnedLetterId }, now);
    const { items } = await connect().call('letters.list', { caseId });
    expect(items.find((letter) => letter.id === returnedLetterId)).toMatchObject({ status: 'submitted', syncState: 'queued', returnReason: null });
  });
});

describe('letters.templates', () => {
  it('offers the templates in effect for the case\'s regime, an English text only where one exists', async () => {
    const { items } = await connect().call('letters.templates', { caseId, today: letterDate });
    const offered = items.map((item) => `${item.kind}/${item.language}.${item.variant}`);
    expect(offered).toEqual(expect.arrayContaining(['acknowledgement/nl.residence', 'acknowledgement/en.residence', 'refusal/nl.residence', 'missing_documents/en.all']));
    expect(offered.some((name) => name.startsWith('objection_decision/'))).toBe(false);
    expect(offered.filter((name) => name.startsWith('extension_notice/'))).toEqual(['extension_notice/nl.all']);
    await expect(connect().call('letters.templates', { caseId, today: '2025-12-31' })).resolves.toEqual({ items: [] });
  });
});

describe('letters.fields', () => {
  it('addresses the representative when the case has one, with the deadline and remedies from the domain engine', async () => {
    const fields = await connect().call('letters.fields', { caseId, letterDate, kind: 'refusal' });
    expect(fields.representative).toEqual({
      name: 'mr. J.P. de Vries', addressLines: ['Postbus 1234', '2501 CA  DEN HAAG'], salutation: 'Geachte heer/mevrouw mr. J.P. de Vries,',
      organisation: 'De Vries Advocaten',
    });
    expect(fields.applicant).toMatchObject({ name: 'Samira El Amrani', vNumber: '0123456789', addressLines: ['Lange Voorhout 12', '2514 EA  DEN HAAG'] });
    expect(fields.sponsor).toEqual({ name: 'Noordzee Data B.V.', organisation: 'Noordzee Data B.V.' });
    expect(fields.case).toMatchObject({ caseNumber: 'IND-2026-000101', caseTypeLabel: 'verblijfsvergunning kennismigrant' });
    // 90 days after 2 February end on Sunday 3 May, which Atw art. 1 moves to Monday 4 May.
    expect(fields.deadline).toMatchObject({ decisionDeadline: '2026-05-04', statutoryPeriod: { days: 90 }, suspensions: [], extensions: [] });
    expect(fields.remedies).toEqual({ remedy: 'objection', weeks: 4, lastDay: '2026-03-30', legalBasis: 'Vw art. 69(1)' });
    // A refusal states its outcome before anything is written; the departure date is four weeks after the letter (Vw art. 62(1)).
    expect(fields.decision).toMatchObject({ outcome: 'refused', grounds: [], reasoning: '', departureBy: '2026-03-30' });
    expect(fields.penalty).toBeNull();
    expect(fields.request).toBeNull();
  });

  it('fixes the penalty of a penalty decision from the notices of default in the cache, once the decision stopped it', async () => {
    const client = connect();
    // Deadline Monday 2026-05-04; the notice of 2026-05-14 starts the penalty on 2026-05-28.
    inbound.applyPage({ nextCursor: '2', hasMore: false, changes: [upsert('noticeOfDefault', 'n1', { receivedOn: '2026-05-14', source: 'post' })] }, now);
    await expect(client.call('letters.fields', { caseId, letterDate: '2026-06-10', kind: 'penalty_decision' }))
      .rejects.toMatchObject({ code: 'not_found', details: { reason: 'missing_facts', missing: 'penalty' } });
    const decided: SyncChange = {
      kind: 'upsert', entity: 'case', id: caseId, version: 2, caseId,
      data: entityRow('case', {
        id: caseId, caseNumber: 'IND-2026-000101', caseType: 'highly_skilled_migrant', regime: 'regular', status: 'decided',
        receivedOn: '2026-02-02', decision: 'grant', decidedOn: '2026-06-17', updatedAt: now, version: 2,
      }),
    };
    inbound.applyPage({ nextCursor: '3', hasMore: false, changes: [decided] }, now);
    // 2026-05-28 through 2026-06-16: 20 days, 14 × €23 + 6 × €35.
    const fields = await client.call('letters.fields', { caseId, letterDate: '2026-06-17', kind: 'penalty_decision' });
    expect(fields.penalty).toEqual({
      noticeReceivedOn: '2026-05-14', firstPenaltyDay: '2026-05-28', lastPenaltyDay: '2026-06-16', days: 20, amountCents: 53_200,
    });
    const view = await client.call('letters.preview', { caseId, kind: 'penalty_decision', letterDate: '2026-06-17' });
    expect(view.preview.blocks.find((block) => block.block === 'decision')?.text).toContain('20 dagen');
    expect(view.findings.filter((entry) => entry.severity === 'error')).toEqual([]);
  });

  it('leaves the remedies out of a letter that is not a decision', async () => {
    await expect(connect().call('letters.fields', { caseId, letterDate, kind: 'acknowledgement' })).resolves.toMatchObject({ remedies: null });
  });

  it('refuses, naming the missing fact and not the person, when no address is on file', async () => {
    await expect(connect().call('letters.fields', { caseId: bareCaseId, letterDate }))
      .rejects.toMatchObject({ code: 'not_found', details: { reason: 'missing_facts', missing: 'applicant.addressLines' } });
    // A representative without an address cannot be written to, and the applicant's address is not borrowed.
    inbound.applyPage({ nextCursor: '2', hasMore: false, changes: [upsert('party', 'p5', { role: 'representative', name: 'R. Vertegenwoordiger' }, bareCaseId)] }, now);
    await expect(connect().call('letters.fields', { caseId: bareCaseId, letterDate }))
      .rejects.toMatchObject({ details: { missing: 'applicant.addressLines,representative.addressLines' } });
  });
});

describe('letters.preview', () => {
  it('renders a PDF addressed to the representative, the same bytes for the same input, with the frame to save', async () => {
    const client = connect();
    const first = await client.call('letters.preview', { caseId, kind: 'acknowledgement', letterDate });
    expect(new TextDecoder().decode(first.preview.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(first.preview.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.preview.pageCount).toBeGreaterThanOrEqual(1);
    expect(first.preview.template).toMatchObject({ kind: 'acknowledgement', language: 'nl', variant: 'residence', fellBack: false });
    expect(first.preview.blocks.find((block) => block.block === 'address')?.text).toContain('mr. J.P. de Vries');
    expect(first.frame).toMatchObject({ letterDate, language: 'nl', template: 'acknowledgement/nl.residence.2026-01-01', decision: null });
    expect(first.body.content.every((node) => node.type === 'standardBlock' || node.type === 'freeBlock')).toBe(true);
    const again = await client.call('letters.preview', { caseId, kind: 'acknowledgement', letterDate, body: first.body });
    expect(again.preview.sha256).toBe(first.preview.sha256);
    expect(again.preview.bytes).toEqual(first.preview.bytes);
  });

  it('renders a refusal from the body the caseworker writes, and the check says what is still missing', async () => {
    const client = connect();
    const proposal = await client.call('letters.preview', {
      caseId, kind: 'refusal', letterDate, decision: { outcome: 'refused', groundIds: [] },
    });
    const codes = (view: typeof proposal) => view.findings.filter((entry) => entry.severity === 'error').map((entry) => entry.code);
    expect(codes(proposal)).toEqual(expect.arrayContaining(['grounds_missing', 'reasoning_missing']));
    const body = structuredClone(proposal.body);
    const reasoning = body.content.find((node) => node.type === 'freeBlock' && node.attrs.block === 'reasoning');
    if (reasoning?.type !== 'freeBlock') throw new Error('the refusal template has a reasoning block');
    reasoning.content = [{ type: 'paragraph', content: [{ type: 'text', text: 'Het salaris van ' }, { type: 'mergeField', attrs: { field: 'applicant.name' } }, { type: 'text', text: ' is te laag.' }] }];
    const written = await client.call('letters.preview', { caseId, kind: 'refusal', letterDate, body, decision: { outcome: 'refused', groundIds: [] } });
    expect(written.preview.blocks.find((block) => block.block === 'reasoning')).toMatchObject({ standard: false, text: 'Het salaris van Samira El Amrani is te laag.' });
    expect(codes(written)).not.toContain('reasoning_missing');
    expect(written.frame.fields.decision).toMatchObject({ outcome: 'refused', reasoning: 'Het salaris van {applicant.name} is te laag.' });
  });

  it('takes standard texts from the template, whatever the body holds', async () => {
    const client = connect();
    const proposal = await client.call('letters.preview', { caseId, kind: 'acknowledgement', letterDate });
    const tampered = structuredClone(proposal.body);
    const standard = tampered.content.find((node) => node.type === 'standardBlock' && node.attrs.block === 'intro');
    if (standard?.type !== 'standardBlock') throw new Error('the acknowledgement has an intro');
    standard.content = [{ type: 'paragraph', content: [{ type: 'text', text: 'Uw aanvraag is toegewezen.' }] }];
    const view = await client.call('letters.preview', { caseId, kind: 'acknowledgement', letterDate, body: tampered });
    expect(view.preview.sha256).toBe(proposal.preview.sha256);
    expect(view.preview.blocks.map((block) => block.text).join('\n')).not.toContain('toegewezen');
  });

  it('falls back to the Dutch text where the language has none, worded in Dutch', async () => {
    const client = connect();
    await expect(client.call('letters.preview', { caseId, kind: 'extension_notice', letterDate, language: 'en' }))
      .rejects.toMatchObject({ code: 'not_found', details: { reason: 'missing_facts', missing: 'deadline.extensions' } });
    inbound.applyPage({
      nextCursor: '2', hasMore: false,
      changes: [upsert('extension', 'x1', { period: { months: 6 }, legalGround: 'artikel 25, tweede lid, van de Vreemdelingenwet 2000', announcedOn: letterDate })],
    }, now);
    const notice = await client.call('letters.preview', { caseId, kind: 'extension_notice', letterDate, language: 'en' });
    expect(notice.preview.template).toMatchObject({ language: 'nl', fellBack: true });
    expect(notice.frame.language).toBe('nl');
    expect(notice.preview.blocks.find((block) => block.block === 'intro')?.text).toContain('verblijfsvergunning kennismigrant');
  });
});

describe('an unknown case', () => {
  it('is not_found for every letters call', async () => {
    const client = connect();
    const unknown = '8a4c1f52-0d6e-4b7a-9b1e-000000000000';
    await expect(client.call('letters.list', { caseId: unknown })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.call('letters.templates', { caseId: unknown, today: letterDate })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.call('letters.fields', { caseId: unknown, letterDate })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.call('letters.preview', { caseId: unknown, kind: 'acknowledgement', letterDate })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the letter resources', () => {
  it('are read from the folders the host was given, and their absence is unavailable, not internal', async () => {
    const empty = tempDir('werkbank-letters-');
    try {
      host.close();
      host = createHost({ dataDir: ':memory:', logger: silentLogger, lettersDirectory: empty.path });
      fill();
      await expect(connect().call('letters.preview', { caseId, kind: 'acknowledgement', letterDate }))
        .rejects.toMatchObject({ code: 'unavailable', details: { reason: 'template_missing' } });
      host.close();
      host = createHost({ dataDir: ':memory:', logger: silentLogger, fontsDirectory: empty.path });
      fill();
      await expect(connect().call('letters.preview', { caseId, kind: 'acknowledgement', letterDate }))
        .rejects.toMatchObject({ code: 'unavailable', details: { reason: 'fonts_missing' } });
    } finally {
      empty.remove();
    }
  });
});
