/**
 * A consistent letter frame for a case of the test world, built from the server's own rows and the
 * domain engine, as a workbench would build it from its cache (src/main/host/letters/fields.ts). The
 * tests then break one fact at a time to see the server refuse it.
 */
import { asc, eq } from 'drizzle-orm';
import { addPeriod, computeDecisionDeadline, remedyPeriod } from '../../../src/shared/domain';
import { domainRules, isRegime, versionInEffect, type Regime } from '../../../src/shared/domain/rules';
import type { LetterFrame } from '../../../src/shared/letters/draft';
import { letterFields, letterPeriod, type LetterFields } from '../../../src/shared/letters/fields';
import { letterTemplates, selectTemplate, templateFile } from '../../../src/shared/letters/manifest';
import { caseTypeWording, worded } from '../../../src/shared/letters/wording';
import type { LetterKind } from '../../../src/shared/sync/mutations';
import { cases, extensions, parties, suspensions } from '../../../src/server/db/schema';
import type { TestServer } from './harness';

type Outcome = NonNullable<LetterFields['decision']>['outcome'];

const outcomeOfKind: Partial<Record<LetterKind, Outcome>> = {
  grant: 'granted', refusal: 'refused', not_processed: 'not_processed', objection_decision: 'objection_unfounded',
};

/**
 * The frame of a `kind` letter on `caseId`, dated `letterDate`, that agrees with the case record;
 * `objectionOutcome` picks which of the three outcomes an objection decision states.
 */
export async function consistentFrame(server: TestServer, caseId: string, kind: LetterKind, letterDate: string,
  objectionOutcome?: Extract<Outcome, `objection_${string}`>): Promise<LetterFrame> {
  const { db } = server.database;
  const [kase] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!kase || !isRegime(kase.regime)) throw new Error('test case missing or without a regime');
  const regime: Regime = kase.regime;
  const caseParties = await db.select().from(parties).where(eq(parties.caseId, caseId)).orderBy(asc(parties.id));
  const applicant = caseParties.find((party) => party.role === 'applicant');
  if (!applicant) throw new Error('test case has no applicant');
  const caseSuspensions = await db.select().from(suspensions).where(eq(suspensions.caseId, caseId)).orderBy(asc(suspensions.requestedOn));
  const caseExtensions = await db.select().from(extensions).where(eq(extensions.caseId, caseId)).orderBy(asc(extensions.announcedOn));
  const computed = computeDecisionDeadline({
    regime, receivedOn: kase.receivedOn,
    ...(kase.contestedDecisionOn === null ? {} : { contestedDecisionOn: kase.contestedDecisionOn }),
    suspensions: caseSuspensions.map(({ requestedOn, endedOn }) => (endedOn ? { requestedOn, endedOn } : { requestedOn })),
    extensions: caseExtensions.map((extension) => extension.period),
    asOf: letterDate,
  });
  const rule = versionInEffect(domainRules.regimes[regime], kase.receivedOn);
  const remedy = remedyPeriod({ caseType: kase.caseType, letterDate });
  const outcome = kind === 'objection_decision' ? objectionOutcome ?? outcomeOfKind[kind] : outcomeOfKind[kind];
  const dutyToLeave = versionInEffect(domainRules.dutyToLeave, letterDate).caseTypes.includes(kase.caseType);
  const fields: LetterFields = {
    case: {
      caseNumber: kase.caseNumber, caseType: kase.caseType, caseTypeLabel: worded(caseTypeWording, kase.caseType, 'nl') ?? 'Aanvraag',
      receivedOn: kase.receivedOn, contestedDecisionOn: kase.contestedDecisionOn,
    },
    applicant: {
      name: applicant.name, addressLines: ['Teststraat 1', '1234 AB  AMSTERDAM'], salutation: `Geachte heer/mevrouw ${applicant.name},`,
      vNumber: applicant.vNumber, birthDate: applicant.birthDate, nationality: applicant.nationality,
    },
    sponsor: null,
    representative: null,
    deadline: {
      decisionDeadline: computed.deadline, statutoryPeriod: letterPeriod.parse(rule.period), legalBasis: rule.legalBasis,
      extensions: caseExtensions.map(({ period, legalGround, announcedOn }) => ({ period: letterPeriod.parse(period), legalGround, announcedOn })),
      suspensions: caseSuspensions.map(({ requestedOn, dueOn, endedOn }) => ({ requestedOn, dueOn, endedOn })),
    },
    request: null,
    decision: outcome === undefined ? null : {
      outcome, decidedOn: letterDate,
      grounds: kind === 'refusal' ? [{ text: 'Het inkomen is lager dan het normbedrag.', legalBasis: 'artikel 3.30a Vb 2000' }] : [],
      reasoning: 'Uit de stukken blijkt dat niet aan de voorwaarden is voldaan.',
      permit: kind === 'grant' ? { purpose: 'arbeid als kennismigrant', validFrom: kase.receivedOn, validUntil: null } : null,
      departureBy: kind === 'refusal' && dutyToLeave ? addPeriod(letterDate, { weeks: 4 }) : null,
    },
    penalty: null,
    remedies: { remedy: remedy.remedy, weeks: remedy.period.weeks, lastDay: remedy.lastDay, legalBasis: remedy.legalBasis },
    letter: { date: letterDate, reference: kase.caseNumber, signatory: 'Beslismedewerker' },
  };
  const entry = selectTemplate(letterTemplates, kind, 'nl', regime, letterDate);
  if (!entry) throw new Error(`no ${kind} template for ${regime}`);
  return {
    letterDate, language: 'nl', template: templateFile(entry).replace(/\.liquid$/, ''), fields: letterFields.parse(fields),
    decision: outcome === undefined ? null : { outcome, groundIds: kind === 'refusal' ? ['income_below_threshold'] : [] },
  };
}
