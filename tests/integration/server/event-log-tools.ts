/**
 * The outside tools the event-log tests check exports with: xmllint against the IEEE XES schema,
 * ajv against the OCEL 2.0 JSON schema, and pm4js's XES importer. Each says why when it cannot run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const fixtures = fileURLToPath(new URL('../../fixtures/process-mining/', import.meta.url));
export const xesSchemaPath = join(fixtures, 'xes-ieee-1849-2016.xsd');

/** Null when xmllint (libxml2-utils) is installed, else why the schema check is skipped. */
export const xmllintMissing: string | null = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).error
  ? 'xmllint is not installed (apt-get install libxml2-utils); the XES schema check is skipped' : null;

/** xmllint's verdict on `xes` against the IEEE 1849-2016 schema: ok, or its messages. */
export function validateXes(xes: string): { ok: boolean; messages: string } {
  const folder = mkdtempSync(join(tmpdir(), 'werkbank-xes-'));
  try {
    const file = join(folder, 'log.xes');
    writeFileSync(file, xes);
    const result = spawnSync('xmllint', ['--noout', '--schema', xesSchemaPath, file], { encoding: 'utf8' });
    return { ok: result.status === 0, messages: `${result.stderr}`.slice(0, 2000) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// The schema declares draft-07 ($schema), which is the default Ajv class's dialect.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const ocelSchema = JSON.parse(readFileSync(join(fixtures, 'ocel20-schema-json.json'), 'utf8')) as object;
const ocelValidator = ajv.compile(ocelSchema);

/** Ajv's verdict on a parsed OCEL 2.0 document: ok, or its first errors. */
export function validateOcel(document: unknown): { ok: boolean; errors: string } {
  const ok = ocelValidator(document);
  return { ok, errors: JSON.stringify(ocelValidator.errors?.slice(0, 5) ?? []) };
}

/**
 * pm4js's XES importer, run in a child process: pm4js assigns globals (Event, DOMParser, ...) when it
 * loads, which must not leak into the test process. Resolved from node_modules or NODE_PATH.
 */
const pm4jsScript = `
let importer;
try { importer = require('pm4js/pm4js/objects/log/importer/xes/importer.js'); }
catch (error) { if (error.code === 'MODULE_NOT_FOUND') { process.stdout.write(JSON.stringify({ missing: true })); process.exit(0); } throw error; }
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const log = importer.XesImporter.apply(Buffer.concat(chunks).toString('utf8'));
  const traces = log.traces.map((trace) => ({
    name: trace.attributes['concept:name']?.value ?? null,
    caseType: trace.attributes['caseType']?.value ?? null,
    events: trace.events.map((event) => ({
      activity: event.attributes['concept:name']?.value ?? null,
      resource: event.attributes['org:resource']?.value ?? null,
      time: event.attributes['time:timestamp']?.value ?? null,
    })),
  }));
  process.stdout.write(JSON.stringify({ missing: false, traces }));
});`;

export interface Pm4jsTrace {
  name: string | null;
  caseType: string | null;
  events: { activity: string | null; resource: string | null; time: string | null }[];
}

/** The traces pm4js reads from `xes`, or null when pm4js is not installed. */
export function parseWithPm4js(xes: string): Pm4jsTrace[] | null {
  const result = spawnSync(process.execPath, ['-e', pm4jsScript], { input: xes, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pm4js failed: ${result.stderr.slice(0, 2000)}`);
  const answer = JSON.parse(result.stdout) as { missing: true } | { missing: false; traces: Pm4jsTrace[] };
  return answer.missing ? null : answer.traces;
}
