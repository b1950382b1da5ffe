import type Database from 'better-sqlite3';

/** One schema step of the local cache. Versions count up from 1 without gaps. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
