/**
 * The compiler holds every projection to its entity's schema. The `@ts-expect-error` lines are the
 * test: `tsc -p tsconfig.node.json` (npm run typecheck) fails if one of them compiles, i.e. if a
 * renamed column, a missing field or an unknown field could reach clients. The runtime half checks
 * that what the projections publish passes the schemas the host parses with.
 */
import { describe, expect, it } from 'vitest';
import type { cases } from '../../../src/server/db/schema';
import { projections, type Projection, type ProjectionInput } from '../../../src/server/sync/projections';
import { entitySchemas, type EntityRow } from '../../../src/shared/sync';

type CaseRow = typeof cases.$inferSelect;
/** The cases table as drizzle would type it after renaming received_on to received_date. */
type RenamedCaseRow = Omit<CaseRow, 'receivedOn'> & { receivedDate: string };

const at = new Date('2026-03-02T09:00:00.000Z');
const caseRow: CaseRow = {
  id: 'c1', caseNumber: 'IND-1', caseType: 'study', regime: 'regular', status: 'intake', teamId: 't1', assigneeId: null,
  receivedOn: '2026-02-02', contestedDecisionOn: null, feeStatus: 'unpaid', feePaidOn: null, feeAmountCents: null, biometrics: null,
  application: { surname: 'Yılmaz' }, deadline: '2026-05-04', penaltyAmountCents: 0, decision: null, decidedOn: null,
  createdAt: at, updatedAt: at, version: 3,
};
const renamedRow: RenamedCaseRow = (({ receivedOn, ...rest }) => ({ ...rest, receivedDate: receivedOn }))(caseRow);

/** Projections as they would be written against a changed table or schema; each must not compile. */
const wrong: unknown[] = [
  // @ts-expect-error a renamed column: the case projection reads row.receivedOn, which the row no longer has
  projections.case(renamedRow),
  // @ts-expect-error a projection that leaves out a field of the schema (receivedOn)
  ((row) => ({ ...projections.case(row), receivedOn: undefined })) satisfies Projection<'case'>,
  ((row: ProjectionInput['case']): EntityRow<'case'> => ({
    ...projections.case(row),
    // @ts-expect-error a field the schema does not know: a column is private until the schema names it
    receivedDate: row.receivedOn,
  })),
];

describe('projections', () => {
  it('are complete and published rows pass the schemas the host parses with', () => {
    expect(wrong).toHaveLength(3);
    const published = projections.case(caseRow);
    expect(published).toMatchObject({ receivedOn: '2026-02-02', createdAt: '2026-03-02T09:00:00.000Z', version: 3 });
    expect(entitySchemas.case.safeParse(published).success).toBe(true);
    expect(entitySchemas.case.safeParse({ ...published, id: undefined }).success).toBe(false);
    expect(Object.keys(projections).sort()).toEqual(Object.keys(entitySchemas).sort());
  });

  it('parks what a renamed column would publish, and keeps extra fields a newer server may add', () => {
    const { receivedOn, ...renamed } = projections.case(caseRow);
    const result = entitySchemas.case.safeParse({ ...renamed, receivedDate: receivedOn });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['receivedOn']);
    expect(entitySchemas.case.safeParse({ ...projections.case(caseRow), priorityNote: 'first' }).success).toBe(true);
  });
});
