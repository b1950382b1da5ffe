/**
 * The training environment's command line (npm run demo):
 *
 *   npm run demo -- --seed S --cases N --out DIR [--today YYYY-MM-DD]
 *       writes a deterministic demo dataset and prints a short summary
 *   npm run demo -- load --dataset DIR [--data-dir D]
 *       loads a dataset into an empty central database (DATABASE_URL, else PGlite in D)
 *   npm run demo -- reset --dataset DIR --scenario ID [--scenario ID ...] [--data-dir D]
 *       resets scenarios to their state in the dataset (stop an embedded PGlite server first:
 *       PGlite allows one process at a time; on PostgreSQL the server may keep running)
 *
 * Demo users sign in with the password 'training' (training environments only).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { defaultPasswordCost } from '../auth/passwords';
import { openDatabase } from '../db/database';
import { defaultToday, generateDataset, type GenerateResult } from './generate';
import { loadDataset, readManifest, resetScenarios } from './load';

function summary({ manifest, milliseconds }: GenerateResult, outputFolder: string): string {
  const { summary: counts } = manifest;
  return [
    `Demo dataset written to ${outputFolder} in ${(milliseconds / 1000).toFixed(1)} s`,
    `  seed ${manifest.seed}, today ${manifest.today}, ${manifest.caseCount} cases, ${manifest.users.length} users in ${manifest.teams.length} teams`,
    `  ${counts.documents} documents in ${counts.blobs} distinct PDFs (${(counts.blobBytes / 1_048_576).toFixed(1)} MiB), ${counts.brokenDocuments} deliberately broken, ${counts.imageOnlyPages} image-only pages`,
    `  statuses: ${Object.entries(counts.statuses).map(([status, number]) => `${status} ${number}`).join(', ')}`,
    `  expected findings: ${Object.entries(counts.expectedFindings).map(([kind, number]) => `${kind} ${number}`).join(', ') || 'none'}`,
    `  scenarios: ${manifest.scenarios.map((scenario) => scenario.id).join(', ') || 'none'}`,
    `  demo users (password 'training'): ${manifest.demoUsers.join(', ')}`,
  ].join('\n');
}

async function openTarget(dataDir: string) {
  const url = process.env['DATABASE_URL'];
  return openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '1' },
      cases: { type: 'string', default: '500' },
      out: { type: 'string', default: '.data/demo' },
      today: { type: 'string', default: defaultToday },
      dataset: { type: 'string', default: '.data/demo' },
      'data-dir': { type: 'string', default: '.data/server' },
      scenario: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const command = positionals[0] ?? 'generate';
  if (command === 'generate') {
    const outputFolder = resolve(values.out);
    const result = generateDataset({ seed: Number(values.seed), caseCount: Number(values.cases), outputFolder, today: values.today });
    console.info(summary(result, outputFolder));
    return;
  }
  const datasetFolder = resolve(values.dataset);
  const manifest = readManifest(datasetFolder);
  const database = await openTarget(values['data-dir']);
  try {
    if (command === 'load') {
      const loaded = await loadDataset(database.db, datasetFolder, { now: new Date(), passwordCost: defaultPasswordCost });
      console.info(`Loaded ${loaded.cases} cases, ${loaded.documents} documents and ${loaded.users} users (dataset today ${manifest.today}).`);
    } else if (command === 'reset') {
      const scenarios = values.scenario ?? [];
      if (scenarios.length === 0) throw new Error(`name a scenario with --scenario (known: ${manifest.scenarios.map((scenario) => scenario.id).join(', ')})`);
      const reset = await resetScenarios(database.db, datasetFolder, scenarios, { now: new Date(), passwordCost: defaultPasswordCost });
      console.info(`Reset ${scenarios.join(', ')} (${reset.cases} cases).`);
    } else {
      throw new Error(`unknown command '${command}' (generate, load or reset)`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : 'failed'}`);
  process.exit(1);
});
