/**
 * npm run demo -- --seed S --cases N --out DIR [--today YYYY-MM-DD]
 * Writes a deterministic demo dataset (dataset.json, cases.jsonl, blobs/<sha256>.pdf) and prints a
 * short summary. Demo users sign in with the password 'training' (training environments only).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { defaultToday, generateDataset } from './generate';

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      cases: { type: 'string', default: '500' },
      out: { type: 'string', default: '.data/demo' },
      today: { type: 'string', default: defaultToday },
    },
    strict: true,
  });
  const seed = Number(values.seed);
  const caseCount = Number(values.cases);
  const outputFolder = resolve(values.out);
  const { manifest, milliseconds } = generateDataset({ seed, caseCount, outputFolder, today: values.today });
  const { summary } = manifest;
  const lines = [
    `Demo dataset written to ${outputFolder} in ${(milliseconds / 1000).toFixed(1)} s`,
    `  seed ${manifest.seed}, today ${manifest.today}, ${manifest.caseCount} cases, ${manifest.users.length} users in ${manifest.teams.length} teams`,
    `  ${summary.documents} documents in ${summary.blobs} distinct PDFs (${(summary.blobBytes / 1_048_576).toFixed(1)} MiB), ${summary.brokenDocuments} deliberately broken, ${summary.imageOnlyPages} image-only pages`,
    `  statuses: ${Object.entries(summary.statuses).map(([status, number]) => `${status} ${number}`).join(', ')}`,
    `  expected findings: ${Object.entries(summary.expectedFindings).map(([kind, number]) => `${kind} ${number}`).join(', ') || 'none'}`,
    `  scenarios: ${manifest.scenarios.map((scenario) => scenario.id).join(', ') || 'none'}`,
    `  demo users (password 'training'): ${manifest.demoUsers.join(', ')}`,
  ];
  console.info(lines.join('\n'));
}

try {
  main();
} catch (error: unknown) {
  console.error(`demo: ${error instanceof Error ? error.message : 'failed'}`);
  process.exit(1);
}
