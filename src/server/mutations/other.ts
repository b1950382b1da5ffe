/** Document annotations and evidence links, saved views, and reads made offline. */
import { and, eq } from 'drizzle-orm';
import { annotations, documents, evidenceLinks, savedViews } from '../db/schema';
import { publishCaseChild } from '../cases/records';
import { project } from '../sync/projections';
import { caseInScope, Rejection, type MutationContext, type MutationHandler } from './context';

async function documentInScope(context: MutationContext, documentId: string) {
  const [document] = await context.tx.select().from(documents).where(eq(documents.id, documentId));
  if (!document) throw new Rejection('not_found', 'document not found');
  const kase = await caseInScope(context, document.caseId);
  return { document, kase };
}

export const annotateDocument: MutationHandler<'document.annotate'> = async (context, args) => {
  const { document, kase } = await documentInScope(context, args.documentId);
  if (args.caseId !== undefined && args.caseId !== kase.id) throw new Rejection('invalid_arguments', 'document belongs to another case');
  const [annotation] = await context.tx.insert(annotations).values({
    id: args.annotationId, caseId: kase.id, documentId: document.id, authorId: context.actor.userId,
    page: args.page, body: args.body, quote: args.quote ?? null, createdAt: context.batch.now,
  }).onConflictDoNothing().returning();
  if (!annotation) throw new Rejection('invalid_arguments', 'annotation id already used');
  publishCaseChild(context.batch, kase, 'annotation', annotation);
};

export const linkEvidence: MutationHandler<'document.linkEvidence'> = async (context, args) => {
  const { document, kase } = await documentInScope(context, args.documentId);
  if (document.caseId !== args.caseId) throw new Rejection('invalid_arguments', 'document belongs to another case');
  const [link] = await context.tx.insert(evidenceLinks).values({
    id: args.linkId, caseId: kase.id, documentId: document.id, requirement: args.requirement,
    field: args.field ?? null, page: args.page ?? null, quote: args.quote ?? null, createdBy: context.actor.userId, createdAt: context.batch.now,
  }).onConflictDoNothing().returning();
  if (!link) throw new Rejection('invalid_arguments', 'link id already used');
  publishCaseChild(context.batch, kase, 'evidenceLink', link);
};

/** Who receives a saved view: its owner, or also the team it is shared with (owner_id null: the team's scope rule applies). */
function viewScope(view: typeof savedViews.$inferSelect) {
  return view.teamId === null
    ? { caseId: null, teamId: null, assigneeId: null, ownerId: view.ownerId }
    : { caseId: null, teamId: view.teamId, assigneeId: null, ownerId: null };
}

/**
 * view.save: a saved view of the queue; only its owner changes it. Shared with a team when created
 * with `teamId` (one of the owner's teams); sharing never changes later, because a view that left
 * a team's scope would linger on the members' machines (the team gets a copy, or a tombstone).
 */
export const saveView: MutationHandler<'view.save'> = async (context, args) => {
  const [existing] = await context.tx.select().from(savedViews).where(eq(savedViews.id, args.viewId)).for('update');
  if (existing && existing.ownerId !== context.actor.userId) throw new Rejection('not_found', 'view not found');
  const teamId = args.teamId ?? null;
  if (existing && args.teamId !== undefined && teamId !== existing.teamId) {
    throw new Rejection('invalid_arguments', 'sharing is fixed when a view is created');
  }
  if (!existing && teamId !== null && !context.actor.teamIds.includes(teamId)) {
    throw new Rejection('forbidden', 'not a member of that team');
  }
  const [view] = existing
    ? await context.tx.update(savedViews).set({ name: args.name, filter: args.filter, version: existing.version + 1 })
      .where(and(eq(savedViews.id, args.viewId), eq(savedViews.ownerId, context.actor.userId))).returning()
    : await context.tx.insert(savedViews).values({ id: args.viewId, ownerId: context.actor.userId, name: args.name, filter: args.filter, teamId })
      .returning();
  if (!view) throw new Error('view write returned nothing');
  context.batch.publish({ entity: 'savedView', id: view.id, version: view.version, data: project('savedView', view), scope: viewScope(view) });
};

/** view.delete: removes one's own saved view and publishes its tombstone to everyone who had it. */
export const deleteView: MutationHandler<'view.delete'> = async (context, args) => {
  const [view] = await context.tx.delete(savedViews)
    .where(and(eq(savedViews.id, args.viewId), eq(savedViews.ownerId, context.actor.userId))).returning();
  if (!view) throw new Rejection('not_found', 'view not found');
  context.batch.publish({ entity: 'savedView', id: view.id, version: view.version + 1, scope: viewScope(view) });
};

/** audit.recordRead: a read made offline; audited now, with the client's time kept out of the chain. */
export const recordOfflineRead: MutationHandler<'audit.recordRead'> = async (context, args) => {
  if (args.objectType === 'case') {
    await caseInScope(context, args.objectId);
  } else {
    await documentInScope(context, args.objectId);
  }
  context.batch.audit({
    actorId: context.actor.userId, actorKind: 'user', action: `${args.objectType}.read`, objectType: args.objectType,
    objectId: args.objectId, result: 'ok', origin: 'offline',
  });
};
