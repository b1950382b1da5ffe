/**
 * The directory the queue shows names from: users and teams as the server publishes them (every
 * signed-in client receives them), read from the cache's server rows. Kept in memory and read again
 * only when the rows changed, which one index-only count tells.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { DirectoryUser } from '../../../shared/contract';

const userData = z.object({
  id: z.string(), displayName: z.string(), role: z.string(),
  teamIds: z.array(z.string()).default([]), active: z.boolean().default(true),
});
const teamData = z.object({ id: z.string(), name: z.string() });

export interface Directory {
  users: Map<string, DirectoryUser>;
  teams: Map<string, string>;
}

export class DirectoryReader {
  private cached: { key: string; directory: Directory } | null = null;
  private readonly statements;

  constructor(sqlite: Database.Database) {
    this.statements = {
      key: sqlite.prepare(`SELECT count(*) || ':' || coalesce(sum(version), 0) FROM server_rows WHERE entity IN ('user', 'team')`).pluck(),
      rows: sqlite.prepare(`SELECT entity, data FROM server_rows WHERE entity IN ('user', 'team')`),
    };
  }

  /** Users by id and team names by id; rows that do not parse are left out rather than failing the queue. */
  read(): Directory {
    const key = this.statements.key.get() as string;
    if (this.cached?.key === key) return this.cached.directory;
    const directory: Directory = { users: new Map(), teams: new Map() };
    for (const row of this.statements.rows.all() as { entity: string; data: string }[]) {
      const data: unknown = JSON.parse(row.data);
      if (row.entity === 'user') {
        const user = userData.safeParse(data);
        if (user.success) directory.users.set(user.data.id, user.data);
      } else {
        const team = teamData.safeParse(data);
        if (team.success) directory.teams.set(team.data.id, team.data.name);
      }
    }
    this.cached = { key, directory };
    return directory;
  }
}
