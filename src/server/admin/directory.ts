/** Teams and users: created by admins (and by seeds and tests through the same functions). */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { teamMembers, teams, users, type Role } from '../db/schema';
import { project } from '../sync/projections';
import type { WriteBatch } from '../sync/publish';
import { hashPassword, type PasswordCost } from '../auth/passwords';

/** Publishes a user's directory entry (no username, no hash) to every signed-in client. */
async function publishUser(batch: WriteBatch, user: typeof users.$inferSelect, teamIds: string[]): Promise<void> {
  batch.publish({
    entity: 'user', id: user.id, version: user.version,
    data: project('user', { ...user, teamIds }),
    scope: { caseId: null, teamId: null, assigneeId: null, global: true },
  });
}

/** Creates a team. */
export async function createTeam(batch: WriteBatch, name: string, id: string = randomUUID()): Promise<string> {
  const [team] = await batch.tx.insert(teams).values({ id, name }).returning();
  if (!team) throw new Error('team insert returned nothing');
  batch.publish({
    entity: 'team', id: team.id, version: team.version, data: project('team', team),
    scope: { caseId: null, teamId: null, assigneeId: null, global: true },
  });
  return team.id;
}

export interface NewUser {
  id?: string;
  username: string;
  displayName: string;
  role: Role;
  teamIds: string[];
}

/**
 * Creates a user with a hashed password and team memberships. The password comes as text, or as a
 * hash already made (the training environment's demo users share one public password, and hashing
 * it for each of them made a first start seconds slower).
 */
export async function createUser(batch: WriteBatch, input: NewUser & ({ password: string } | { passwordHash: string }), cost: PasswordCost): Promise<string> {
  const passwordHash = 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password, cost);
  const [user] = await batch.tx.insert(users).values({
    id: input.id ?? randomUUID(), username: input.username.toLowerCase(), displayName: input.displayName,
    role: input.role, passwordHash, createdAt: batch.now,
  }).returning();
  if (!user) throw new Error('user insert returned nothing');
  if (input.teamIds.length > 0) {
    await batch.tx.insert(teamMembers).values(input.teamIds.map((teamId) => ({ teamId, userId: user.id })));
  }
  await publishUser(batch, user, input.teamIds);
  return user.id;
}

/** Changes a user's role, active flag or teams; returns false when there is no such user. */
export async function updateUser(batch: WriteBatch, userId: string,
  changes: { role?: Role; active?: boolean; teamIds?: string[] }): Promise<boolean> {
  const [current] = await batch.tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!current) return false;
  const [user] = await batch.tx.update(users).set({
    ...(changes.role ? { role: changes.role } : {}), ...(changes.active === undefined ? {} : { active: changes.active }),
    version: current.version + 1,
  }).where(eq(users.id, userId)).returning();
  if (changes.teamIds) {
    await batch.tx.delete(teamMembers).where(eq(teamMembers.userId, userId));
    if (changes.teamIds.length > 0) {
      await batch.tx.insert(teamMembers).values(changes.teamIds.map((teamId) => ({ teamId, userId })));
    }
  }
  const teamIds = (await batch.tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId)))
    .map((row) => row.teamId);
  if (user) await publishUser(batch, user, teamIds);
  return true;
}
