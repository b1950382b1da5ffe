/**
 * What the tests need from the machine besides npm packages: a Chromium for the e2e tests and the
 * browser benchmarks, poppler-utils (pdfinfo, pdffonts, pdftotext) and qpdf for the PDF checks.
 * `npm test` looks for them first and installs Debian's packages when it can (root with apt-get,
 * as CI is); where it cannot, it says in one line which command to run.
 */
// CommonJS, because Playwright's config loader cannot import an ES module file (it reads playwright.config.ts).
const { spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

/** True when `file` exists and may be executed. */
function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH, or null. */
function onPath(name, environment = process.env) {
  for (const folder of (environment.PATH ?? '').split(delimiter)) {
    if (folder && executable(join(folder, name))) return join(folder, name);
  }
  return null;
}

/** Playwright's own Chromium when `npx playwright install` has fetched it (not possible on every machine). */
function playwrightChromium() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && executable(path) ? path : null;
  } catch {
    return null;
  }
}

/** The Chromium to test with: CHROMIUM_PATH, Playwright's own, then the system's; null when there is none. */
function findChromium(environment = process.env) {
  const chosen = environment.CHROMIUM_PATH;
  if (chosen) return executable(chosen) ? chosen : null;
  return playwrightChromium()
    ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(executable)
    ?? onPath('chromium', environment) ?? onPath('google-chrome', environment);
}

/** The tools, how to find each, and the Debian package that brings it. */
const testTools = [
  { name: 'Chromium', find: findChromium, debianPackage: 'chromium', neededBy: 'the e2e tests and browser benchmarks' },
  { name: 'pdfinfo', find: (environment) => onPath('pdfinfo', environment), debianPackage: 'poppler-utils', neededBy: 'the PDF checks' },
  { name: 'qpdf', find: (environment) => onPath('qpdf', environment), debianPackage: 'qpdf', neededBy: 'the PDF/A checks of letters' },
];

function canInstallWithApt() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && onPath('apt-get') !== null;
}

/**
 * Installs what is missing when this machine allows it; returns the tools still missing, each with
 * the one line that tells a developer what to run.
 */
function ensureTestTools({ environment = process.env, install = true, log = console.info } = {}) {
  let missing = testTools.filter((tool) => !tool.find(environment));
  if (missing.length > 0 && install && canInstallWithApt()) {
    const packages = missing.map((tool) => tool.debianPackage);
    log(`Installing ${packages.join(', ')} for ${missing.map((tool) => tool.neededBy).join(' and ')} (apt-get) ...`);
    const env = { ...environment, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status === 0) spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
    missing = missing.filter((tool) => !tool.find(environment));
  }
  return missing.map((tool) => ({
    ...tool,
    hint: `${tool.name} is missing for ${tool.neededBy}: run \`sudo apt-get install ${tool.debianPackage}\`${tool.name === 'Chromium' ? ' (or set CHROMIUM_PATH to a Chromium or Chrome)' : ''}.`,
  }));
}

module.exports = { onPath, findChromium, testTools, ensureTestTools };
