/**
 * The demo dataset generator: same seed, same today, same case count → the same files byte for
 * byte (see dataset.ts for the layout). Case i draws from its own random stream, so a smaller
 * dataset is a prefix of a larger one; the first cases are the scenario cases.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { requireIsoDate, type IsoDate } from '../../shared/domain/dates';
import { BlobStore } from './blobs';
import { buildCase, type TeamStaff } from './build-case';
import { demoConversation } from './communication';
import { datasetFormat, datasetFormatVersion, type DatasetCase, type DatasetManifest, type DatasetScenario } from './dataset';
import { allOrganisations, biometricsLocations } from './organisations';
import { planCase } from './plan';
import { Random } from './random';
import { withPreparedRefusal } from './letter-scenario';
import { scenarioSlots } from './scenarios';
import { demoUsernames, makeStaff } from './staff';

/** What to generate. */
export type GenerateOptions = { seed: number; caseCount: number; outputFolder: string; today: IsoDate };

/** The dataset's fixed default "today", so output is stable unless asked otherwise. */
export const defaultToday: IsoDate = '2026-03-16';

/** What a run produced, for the command line's summary. */
export type GenerateResult = { manifest: DatasetManifest; milliseconds: number };

const ownFiles = ['dataset.json', 'cases.jsonl', 'blobs'];

/** Empties the output folder of a previous dataset; refuses a folder holding anything else. */
function prepareFolder(folder: string): void {
  if (existsSync(folder)) {
    const strangers = readdirSync(folder).filter((name) => !ownFiles.includes(name));
    if (strangers.length > 0) throw new Error(`output folder ${folder} holds files that are not a dataset (${strangers.slice(0, 3).join(', ')}); choose an empty folder`);
    for (const name of ownFiles) rmSync(join(folder, name), { recursive: true, force: true });
  }
  mkdirSync(folder, { recursive: true });
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** Sorted copy of a counter, so the manifest does not depend on the order cases were made in. */
function sorted(counter: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counter).sort(([first], [second]) => first.localeCompare(second)));
}

/** Generates a dataset into options.outputFolder. */
export function generateDataset(options: GenerateOptions): GenerateResult {
  const started = performance.now();
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 2 ** 31 - 1) throw new Error('seed must be a whole number from 0 to 2147483647');
  if (!Number.isInteger(options.caseCount) || options.caseCount < 1 || options.caseCount > 1_000_000) throw new Error('case count must be a whole number from 1 to 1000000');
  const today = requireIsoDate(options.today, 'today');
  prepareFolder(options.outputFolder);
  const blobs = new BlobStore(join(options.outputFolder, 'blobs'));
  const { teams, users } = makeStaff(today);
  const staff: TeamStaff[] = teams.map((team) => {
    const members = users.filter((user) => user.teamIds.includes(team.id));
    const reviewer = members.find((user) => user.role === 'reviewer');
    const teamLead = members.find((user) => user.role === 'team_lead');
    if (!reviewer || !teamLead) throw new Error('every team has a reviewer and a team lead');
    return { id: team.id, caseTypes: team.caseTypes, caseworkers: members.filter((user) => user.role === 'caseworker'), reviewer, teamLead };
  });
  const context = { seed: options.seed, today, blobs, teams: staff };
  const summary: DatasetManifest['summary'] = { caseTypes: {}, statuses: {}, documents: 0, blobs: 0, blobBytes: 0, brokenDocuments: 0, imageOnlyPages: 0, expectedFindings: {} };
  const scenarios: DatasetScenario[] = [];

  const file = openSync(join(options.outputFolder, 'cases.jsonl'), 'w');
  let buffer = '';
  try {
    for (let index = 0; index < options.caseCount; index += 1) {
      const random = Random.derive(options.seed, 'case', index);
      let plan = planCase(random, today);
      const scenarioCase = scenarioSlots[index];
      let kase: DatasetCase;
      if (scenarioCase) {
        const { definition: scenario, slot } = scenarioCase;
        plan = scenario.plan(plan, today, scenarioCase.index);
        kase = buildCase(index, plan, random, context, { scenario: scenario.id, assignee: demoUsernames.caseworker, status: slot.status });
        if (slot.letter) kase = withPreparedRefusal(kase, slot.letter, { today, reviewer: demoUsernames.reviewer, random });
        const listed = scenarios.find((entry) => entry.id === scenario.id);
        if (listed) listed.caseIds.push(kase.id);
        else {
          const { plan: _plan, status: _status, slots: _slots, ...definition } = scenario;
          scenarios.push({ ...definition, caseIds: [kase.id] });
        }
      } else {
        kase = buildCase(index, plan, random, context);
      }
      if (kase.assignee === demoUsernames.caseworker) {
        kase = { ...kase, threads: [...kase.threads, demoConversation(kase, today, Random.derive(options.seed, 'demo-conversation', index))] };
      }
      count(summary.caseTypes, kase.caseType);
      count(summary.statuses, kase.status);
      summary.documents += kase.documents.length;
      for (const document of kase.documents) {
        if (document.broken) summary.brokenDocuments += 1;
        summary.imageOnlyPages += document.imageOnlyPages;
      }
      for (const finding of kase.expectedFindings) count(summary.expectedFindings, finding.kind);
      buffer += `${JSON.stringify(kase)}\n`;
      if (buffer.length > 1 << 20) {
        writeSync(file, buffer);
        buffer = '';
      }
    }
    if (buffer) writeSync(file, buffer);
  } finally {
    closeSync(file);
  }
  summary.caseTypes = sorted(summary.caseTypes);
  summary.statuses = sorted(summary.statuses);
  summary.expectedFindings = sorted(summary.expectedFindings);
  summary.blobs = blobs.count;
  summary.blobBytes = blobs.bytesWritten;
  const manifest: DatasetManifest = {
    format: datasetFormat, formatVersion: datasetFormatVersion, seed: options.seed, today, caseCount: options.caseCount,
    casesFile: 'cases.jsonl', blobsFolder: 'blobs', demoUsers: users.filter((user) => user.demo).map((user) => user.username),
    teams, users, organisations: allOrganisations, biometricsLocations, scenarios, summary,
  };
  writeFileSync(join(options.outputFolder, 'dataset.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, milliseconds: performance.now() - started };
}
