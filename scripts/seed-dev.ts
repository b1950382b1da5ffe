/**
 * `npm run seed:dev -- [--data-dir DIR] [--count N] [--seed S] [--today YYYY-MM-DD]`
 * writes development cases into the local cache in DIR (default .data/preview), the folder the
 * browser preview uses by default.
 */
import { parseArgs } from 'node:util';
import { isoDate } from '../src/shared/contract';
import { createHost } from '../src/main/host/host';
import { seedDevelopmentCases } from './dev-seed';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/preview' },
    count: { type: 'string', default: '120' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('--count must be a whole number from 1 to 100000');
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
const today = isoDate.parse(values.today);

const host = createHost({ dataDir: values['data-dir'] });
seedDevelopmentCases(host.cache.db, { count, seed, today });
host.close();
console.info(`Seeded ${count} development cases into ${values['data-dir']}.`);
