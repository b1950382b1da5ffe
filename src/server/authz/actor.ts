/**
 * Who is calling, and what they may touch. One place decides scope so that reads, pulls and
 * mutations cannot drift apart (SECURITY.md: authorization on every endpoint and mutation).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { teamMembers, users, type Role } from '../db/schema';
import type { EnvironmentKind } from '../services';

/** A signed-in user as the server knows them for this request. */
export interface Actor {
  userId: string;
  role: Role;
  teamIds: readonly string[];
  environment: EnvironmentKind;
}

/** The cases an actor sees: all (trainer in training), none, or their teams plus assigned cases. */
export type CaseScope = { kind: 'all' } | { kind: 'none' } | { kind: 'teams'; teamIds: readonly string[]; userId: string };

/** The case scope of `actor`. Admins manage users and the audit log; they do not read case files. */
export function caseScope(actor: Actor): CaseScope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'none' };
    case 'trainer':
      return actor.environment === 'training' ? { kind: 'all' } : { kind: 'none' };
    case 'caseworker':
    case 'reviewer':
    case 'team_lead':
      return { kind: 'teams', teamIds: actor.teamIds, userId: actor.userId };
  }
}

/** True when the case with this team and assignee is in the actor's scope (read and work on it). */
export function canWorkOnCase(actor: Actor, kase: { teamId: string; assigneeId: string | null }): boolean {
  const scope = caseScope(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.teamIds.includes(kase.teamId) || kase.assigneeId === actor.userId;
}

/** Team leads (of the case's team) and trainers in training may assign cases to others. */
export function canAssignCases(actor: Actor, kase: { teamId: string }): boolean {
  if (actor.role === 'trainer') return actor.environment === 'training';
  return actor.role === 'team_lead' && actor.teamIds.includes(kase.teamId);
}

/** Reviewers and team leads of the case's team approve or return letters (four-eyes). */
export function canReviewLetters(actor: Actor, kase: { teamId: string }): boolean {
  if (actor.role === 'trainer') return actor.environment === 'training';
  return (actor.role === 'reviewer' || actor.role === 'team_lead') && actor.teamIds.includes(kase.teamId);
}

/** Only admins manage users and query the audit log. */
export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/**
 * Loads actors by user id with a short cache: an idle pull then costs no query. Role and team
 * changes take effect within `ttlMilliseconds`, like the access token lifetime bounds revocation.
 */
export class ActorDirectory {
  private readonly cache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(private readonly db: Database, private readonly environment: EnvironmentKind,
    private readonly ttlMilliseconds = 5000) {}

  /** The active user with this id, or null. */
  async load(userId: string, now: number): Promise<Actor | null> {
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.actor;
    const [user] = await this.db.select({ id: users.id, role: users.role, active: users.active })
      .from(users).where(eq(users.id, userId));
    let actor: Actor | null = null;
    if (user?.active) {
      const memberships = await this.db.select({ teamId: teamMembers.teamId }).from(teamMembers)
        .where(eq(teamMembers.userId, userId));
      actor = { userId, role: user.role, teamIds: memberships.map((row) => row.teamId), environment: this.environment };
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(userId, { actor, until: now + this.ttlMilliseconds });
    return actor;
  }

  /** Drops a cached user after an admin changed them. */
  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
