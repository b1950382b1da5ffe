#!/usr/bin/env node
/**
 * Runs Electronegativity (SECURITY.md: one signal among several; the tool is unmaintained) over the
 * main process and the preload, and fails when a finding is not explained in
 * electronegativity.allow.json, or when an explanation no longer matches any finding (so the list
 * cannot silently grow stale). main and preload are scanned together, because the tool's global
 * checks (navigation limits, permission handler) look for a handler anywhere in the input.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folders scanned, relative to the project root, and their names inside the scan. */
export const scannedFolders = [
  { from: 'src/main', as: 'main' },
  { from: 'src/preload', as: 'preload' },
];

/** The built renderer pages (npm run build), scanned for their Content-Security-Policy meta tag. */
export const scannedPages = [
  { from: 'out/renderer/index.html', as: 'renderer/index.html' },
  { from: 'out/renderer/viewer/index.html', as: 'renderer/viewer/index.html' },
];

/** A finding reduced to what the allow-list matches on. */
export function findingKey(issue) {
  return { check: String(issue.id), file: String(issue.file).split(path.sep).join('/') };
}

/**
 * Splits findings into explained and unexplained ones, and reports allow-list entries that matched
 * nothing. An entry matches a finding with the same check id and file.
 */
export function classifyFindings(issues, allowList) {
  const used = new Set();
  const explained = [];
  const unexplained = [];
  for (const issue of issues) {
    const key = findingKey(issue);
    const index = allowList.findIndex((entry) => entry.check === key.check && entry.file === key.file);
    if (index === -1) unexplained.push(issue);
    else {
      used.add(index);
      explained.push({ issue, why: allowList[index].why });
    }
  }
  const stale = allowList.filter((_entry, index) => !used.has(index));
  return { explained, unexplained, stale };
}

/** Checks the allow-list's shape: every entry names a check and a file and says why. */
export function validateAllowList(parsed) {
  const entries = parsed?.allowed;
  if (!Array.isArray(entries)) throw new Error('electronegativity.allow.json must have an "allowed" array');
  for (const [index, entry] of entries.entries()) {
    for (const field of ['check', 'file', 'why']) {
      if (typeof entry?.[field] !== 'string' || entry[field].trim() === '') {
        throw new Error(`electronegativity.allow.json entry ${index} needs a non-empty "${field}"`);
      }
    }
    if (entry.why.trim().length < 40) throw new Error(`electronegativity.allow.json entry ${index}: "why" must really explain (40+ characters)`);
  }
  return entries;
}

function describe(issue) {
  const { check, file } = findingKey(issue);
  const line = issue.location?.line ?? 0;
  return `${check} ${file}:${line} (${issue.severity?.name ?? '?'}, ${issue.confidence?.name ?? '?'}) ${issue.description ?? ''}`;
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(path.join(root, 'package.json'));
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const allowList = validateAllowList(JSON.parse(await readFile(path.join(root, 'electronegativity.allow.json'), 'utf8')));

  const scanRoot = await mkdtemp(path.join(tmpdir(), 'werkbank-electronegativity-'));
  let result;
  try {
    for (const folder of scannedFolders) await cp(path.join(root, folder.from), path.join(scanRoot, folder.as), { recursive: true });
    for (const page of scannedPages) {
      await cp(path.join(root, page.from), path.join(scanRoot, page.as)).catch(() => {
        throw new Error(`electronegativity: ${page.from} is missing; run npm run build first`);
      });
    }
    // The tool logs its (failing, offline) translation and release look-ups to stdout; keep the report readable.
    const log = console.log;
    console.log = () => undefined;
    try {
      result = await run({ input: scanRoot, electronVersionOverride: electronVersion, isRelative: true });
    } finally {
      console.log = log;
    }
  } finally {
    await rm(scanRoot, { recursive: true, force: true });
  }

  const parseErrors = result.errors.filter((error) => !error.tolerable);
  const { explained, unexplained, stale } = classifyFindings(result.issues, allowList);
  console.info(`electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}over ${[...scannedFolders, ...scannedPages].map((folder) => folder.from).join(', ')}: ` +
    `${result.atomicChecks + result.globalChecks} checks, ${result.issues.length} findings, ${explained.length} explained`);
  for (const { issue, why } of explained) console.info(`  explained: ${describe(issue)}\n    why: ${why}`);
  for (const error of parseErrors) console.error(`  could not parse ${error.file}: ${error.message}`);
  for (const issue of unexplained) console.error(`  UNEXPLAINED: ${describe(issue)}`);
  for (const entry of stale) console.error(`  STALE allow-list entry (matches no finding, remove it): ${entry.check} ${entry.file}`);
  if (parseErrors.length > 0 || unexplained.length > 0 || stale.length > 0) {
    console.error('electronegativity: fix the findings above or explain them in electronegativity.allow.json');
    process.exitCode = 1;
  } else {
    console.info('electronegativity: every finding is explained');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
