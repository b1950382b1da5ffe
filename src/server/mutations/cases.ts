/** Mutations on a case: who works on it, notes, suspensions, extensions and notices of default. */
import { and, eq, isNull } from 'drizzle-orm';
import { canAssignCases, canWorkOnCase } from '../authz/actor';
import { notes, extensions, noticesOfDefault, suspensions, teamMembers, users } from '../db/schema';
import { publishCaseChild, recordCaseEvent, updateCase } from '../cases/records';
import { caseInScope, expectBase, Rejection, type MutationHandler } from './context';

/** case.claim: take an unassigned case of one's own team. */
export const claimCase: MutationHandler<'case.claim'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  if (!context.actor.teamIds.includes(kase.teamId) && context.actor.role !== 'trainer') {
    throw new Rejection('forbidden', 'only members of the case team may claim it');
  }
  expectBase(context, 'case', kase, { assigneeId: kase.assigneeId });
  if (kase.assigneeId !== null) throw new Rejection('invalid_state', 'case is already assigned');
  const status = kase.status === 'intake' ? 'in_progress' : kase.status;
  const after = await updateCase(context.tx, context.batch, kase, { assigneeId: context.actor.userId, status }, context.today);
  await recordCaseEvent(context.tx, context.batch, after, 'case.claim', context.actor.userId, {});
};

/** case.release: the assignee (or a team lead) gives the case back to the team queue. */
export const releaseCase: MutationHandler<'case.release'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  expectBase(context, 'case', kase, { assigneeId: kase.assigneeId });
  if (kase.assigneeId !== context.actor.userId && !canAssignCases(context.actor, kase)) {
    throw new Rejection('forbidden', 'only the assignee or a team lead may release a case');
  }
  const after = await updateCase(context.tx, context.batch, kase, { assigneeId: null }, context.today);
  await recordCaseEvent(context.tx, context.batch, after, 'case.release', context.actor.userId, {});
};

/** case.assign: a team lead gives the case to someone, with a reason. */
export const assignCase: MutationHandler<'case.assign'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  if (!canAssignCases(context.actor, kase)) throw new Rejection('forbidden', 'only team leads assign cases');
  expectBase(context, 'case', kase, { assigneeId: kase.assigneeId });
  const [target] = await context.tx.select({ id: users.id, role: users.role }).from(users)
    .where(and(eq(users.id, args.assigneeId), eq(users.active, true)));
  const memberships = target
    ? await context.tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, target.id))
    : [];
  const assignable = target && ['caseworker', 'reviewer', 'team_lead'].includes(target.role) &&
    canWorkOnCase({ ...context.actor, userId: target.id, role: target.role, teamIds: memberships.map((row) => row.teamId) },
      { teamId: kase.teamId, assigneeId: target.id });
  if (!assignable) throw new Rejection('invalid_arguments', 'assignee cannot work on cases');
  const after = await updateCase(context.tx, context.batch, kase, { assigneeId: args.assigneeId }, context.today);
  await recordCaseEvent(context.tx, context.batch, after, 'case.assign', context.actor.userId,
    { assigneeId: args.assigneeId, reason: args.reason });
};

export const addNote: MutationHandler<'case.addNote'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  const [note] = await context.tx.insert(notes).values({
    id: args.noteId, caseId: kase.id, authorId: context.actor.userId, body: args.body, createdAt: context.batch.now,
  }).onConflictDoNothing().returning();
  if (!note) throw new Rejection('invalid_arguments', 'note id already used');
  publishCaseChild(context.batch, kase, 'note', note);
};

/** case.requestDocuments: asks for missing documents and suspends the period (Awb 4:5, 4:15). */
export const requestDocuments: MutationHandler<'case.requestDocuments'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  if (['decided', 'closed'].includes(kase.status)) throw new Rejection('invalid_state', 'case is decided');
  const open = await context.tx.select({ id: suspensions.id }).from(suspensions)
    .where(and(eq(suspensions.caseId, kase.id), isNull(suspensions.endedOn)));
  if (open.length > 0) throw new Rejection('invalid_state', 'a suspension is already open');
  if (args.dueOn <= context.today) throw new Rejection('invalid_arguments', 'due date must be after today');
  const [suspension] = await context.tx.insert(suspensions).values({
    id: args.suspensionId, caseId: kase.id, requestedOn: context.today, dueOn: args.dueOn, documents: args.documents,
  }).onConflictDoNothing().returning();
  if (!suspension) throw new Rejection('invalid_arguments', 'suspension id already used');
  const after = await updateCase(context.tx, context.batch, kase, { status: 'waiting_on_applicant' }, context.today);
  publishCaseChild(context.batch, after, 'suspension', suspension);
  await recordCaseEvent(context.tx, context.batch, after, 'case.requestDocuments', context.actor.userId,
    { suspensionId: suspension.id, dueOn: args.dueOn, documentCount: args.documents.length });
};

/** case.closeSuspension: the documents arrived or the term passed; the period runs again. */
export const closeSuspension: MutationHandler<'case.closeSuspension'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  const [suspension] = await context.tx.select().from(suspensions)
    .where(and(eq(suspensions.id, args.suspensionId), eq(suspensions.caseId, kase.id))).for('update');
  if (!suspension) throw new Rejection('not_found', 'suspension not found');
  if (suspension.endedOn !== null) throw new Rejection('invalid_state', 'suspension already closed');
  if (args.endedOn < suspension.requestedOn || args.endedOn > context.today) {
    throw new Rejection('invalid_arguments', 'end date must lie between the request and today');
  }
  const [closed] = await context.tx.update(suspensions).set({ endedOn: args.endedOn, version: suspension.version + 1 })
    .where(eq(suspensions.id, suspension.id)).returning();
  const status = kase.status === 'waiting_on_applicant' ? 'in_progress' : kase.status;
  const after = await updateCase(context.tx, context.batch, kase, { status }, context.today);
  if (closed) publishCaseChild(context.batch, after, 'suspension', closed);
  await recordCaseEvent(context.tx, context.batch, after, 'case.closeSuspension', context.actor.userId,
    { suspensionId: suspension.id, endedOn: args.endedOn });
};

/** case.extendPeriod: guarded on the deadline the caseworker saw when deciding to extend. */
export const extendPeriod: MutationHandler<'case.extendPeriod'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  expectBase(context, 'case', kase, { deadline: kase.deadline });
  if (['decided', 'closed'].includes(kase.status)) throw new Rejection('invalid_state', 'case is decided');
  const period = Object.fromEntries(Object.entries(args.period).filter(([, value]) => value !== undefined));
  const [extension] = await context.tx.insert(extensions).values({
    id: args.extensionId, caseId: kase.id, period, legalGround: args.legalGround, announcedOn: context.today,
  }).onConflictDoNothing().returning();
  if (!extension) throw new Rejection('invalid_arguments', 'extension id already used');
  const after = await updateCase(context.tx, context.batch, kase, {}, context.today);
  publishCaseChild(context.batch, after, 'extension', extension);
  await recordCaseEvent(context.tx, context.batch, after, 'case.extendPeriod', context.actor.userId,
    { extensionId: extension.id, previousDeadline: kase.deadline, deadline: after.deadline });
};

/** case.recordNoticeOfDefault: a notice (ingebrekestelling) that arrived on paper. */
export const recordNoticeOfDefault: MutationHandler<'case.recordNoticeOfDefault'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  if (args.receivedOn > context.today) throw new Rejection('invalid_arguments', 'received date is in the future');
  const [notice] = await context.tx.insert(noticesOfDefault).values({
    id: args.noticeId, caseId: kase.id, receivedOn: args.receivedOn, source: 'paper',
  }).onConflictDoNothing().returning();
  if (!notice) throw new Rejection('invalid_arguments', 'notice id already used');
  const after = await updateCase(context.tx, context.batch, kase, {}, context.today);
  publishCaseChild(context.batch, after, 'noticeOfDefault', notice);
  await recordCaseEvent(context.tx, context.batch, after, 'case.recordNoticeOfDefault', context.actor.userId,
    { noticeId: notice.id, receivedOn: notice.receivedOn });
};
