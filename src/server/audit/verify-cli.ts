/**
 * npm run audit:verify -- [--data-dir DIR]: re-computes the audit hash chain of the database the
 * server would use (DATABASE_URL, else PGlite in the data folder). Exit code 0 when intact, 2 when
 * an entry was changed, inserted or removed, 1 on other errors. Prints one JSON line.
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/database';
import { verifyAuditChain } from './log';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: '.data/server' } }, strict: true });
  const databaseUrl = process.env['DATABASE_URL'];
  const database = await openDatabase(databaseUrl
    ? { kind: 'postgres', url: databaseUrl }
    : { kind: 'pglite', dataDir: join(resolve(values['data-dir']), 'pglite') });
  try {
    const verdict = await verifyAuditChain(database.db);
    console.info(JSON.stringify(verdict));
    return verdict.ok ? 0 : 2;
  } finally {
    await database.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(JSON.stringify({ ok: false, error: error instanceof Error ? error.name : 'unknown' }));
  process.exit(1);
});
