/**
 * The browser half of `npm run bench:letters` (issue 15): the letter editor on the browser
 * preview with the built renderer (out/renderer), driven in Debian's Chromium, signed in as
 * demo.caseworker on a draft of the `letter-ready` scenario, against a training server in a process
 * of its own as the app runs it. Figures only, no assertions.
 *
 * 1. Preview after the last keystroke: a burst of keys in the reasoning block, then the time from
 *    the last keydown to the preview pane's new data-sha256 (the host's rendering back in the page)
 *    and to the viewer frame's page drawn from it (the PDF on screen); p95 of BENCH_LETTER_BURSTS
 *    (default 15). Goal ≤ 300 ms. Floor: the same letters.preview call, with the arguments the
 *    editor last sent, timed through the page's bridge (window.werkbank), p95 of as many calls.
 * 2. Typing in a 10-page letter: reasoning paragraphs inserted until the preview has ≥ 10 pages,
 *    then 200 characters typed 40 ms apart; the longest animation-frame interval and the intervals
 *    over a frame's slot (> 20 ms: a missed 16.7 ms slot, with room for timer jitter), while typing
 *    and until the preview of the typed text is drawn. Floor: the same typing into a plain
 *    <textarea> put over the same page. stderr names what ran in the long animation frames;
 *    BENCH_LETTERS_TRACE=1 lists each of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { z } from 'zod';
import { startPreview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import type { DatasetCase } from '../../src/server/training/dataset';
import { tempDir } from '../helpers/temp-dir';
import { editorProbeScript } from './letters-editor-probe';
import { median, p95 } from './stats';
import { startTrainingProcess, stopTrainingProcess } from './training-child';

export type Emit = (metric: string, value: number, unit: string, floor?: number) => void;

const rendererDir = join(__dirname, '..', '..', 'out', 'renderer');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const bursts = Number(process.env['BENCH_LETTER_BURSTS'] ?? 15);
const typedCharacters = 200;
const typingDelayMs = 40;
const targetPages = 10;
/** The renderer's pause before a preview, read from its source (the module itself needs the DOM and React). */
const previewPauseMs = Number(/previewPauseMs = (\d+)/.exec(readFileSync(join(__dirname, '..', '..', 'src', 'renderer', 'src', 'letters', 'useLetterDraft.ts'), 'utf8'))?.[1] ?? Number.NaN);

type ProbeGlobal = { __lettersBench: { lastKey: number; shas: { sha: string; at: number }[]; painted: number[]; startFrames(): void; stopFrames(): unknown } };
type BridgeGlobal = { werkbank: { letters: { preview(args: unknown): Promise<{ preview: { pageCount?: number; sha256: string } }> } } };

const frames = z.object({
  times: z.array(z.number()),
  longFrames: z.array(z.object({
    start: z.number(), duration: z.number(), styleAndLayout: z.number(),
    scripts: z.array(z.object({ invoker: z.string(), duration: z.number(), sourceFunctionName: z.string() })),
  })),
  longFramesSupported: z.boolean(),
});


/** The viewer frame inside the letter's preview pane. */
async function previewFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('[data-testid="letter-preview"] iframe').elementHandle({ timeout: 30_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the letter preview has no viewer frame');
  return frame;
}

/** Waits until the preview pane and its viewer have been quiet for `quietMs` (nothing rendered or drawn). */
async function settle(page: Page, frame: Frame, quietMs = 800): Promise<void> {
  let seen = '';
  for (let stable = 0; stable < quietMs; stable += 100) {
    const counts = `${await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.shas.length)}/${await frame.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.painted.length)}`;
    if (counts !== seen) {
      seen = counts;
      stable = 0;
    }
    await page.waitForTimeout(100);
  }
}

/** Time from the last keydown to the next new sha and to the viewer's next drawn page after it; waits for both. */
async function afterLastKey(page: Page, frame: Frame, shasBefore: number): Promise<{ sha: number; shown: number }> {
  const lastKey = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.lastKey);
  const shaHandle = await page.waitForFunction(([before, key]) => {
    const found = (globalThis as unknown as ProbeGlobal).__lettersBench.shas.slice(before).find((entry) => entry.at > key);
    return found ? found.at : false;
  }, [shasBefore, lastKey] as const, { timeout: 30_000, polling: 10 });
  const shaAt = await shaHandle.jsonValue() as number;
  const shownHandle = await frame.waitForFunction((after) => (globalThis as unknown as ProbeGlobal).__lettersBench.painted.find((at) => at > after) ?? false, shaAt, { timeout: 30_000, polling: 10 });
  const shownAt = await shownHandle.jsonValue() as number;
  return { sha: shaAt - lastKey, shown: shownAt - lastKey };
}

/** Puts the caret at the end of the reasoning free block's last paragraph. */
async function caretInReasoning(page: Page): Promise<void> {
  const block = page.locator('[data-testid="letter-workspace"] .ProseMirror [data-free-block][data-block="reasoning"] .letter-block-content > *').last();
  await block.click();
  await page.keyboard.press('End');
}

async function measureBursts(page: Page, frame: Frame, lastArgs: () => unknown, emit: Emit): Promise<void> {
  await caretInReasoning(page);
  const sha: number[] = [];
  const shown: number[] = [];
  // One untimed burst first: the first rendering after the editor opened warms the host's and the viewer's code.
  for (let burst = -1; burst < bursts; burst++) {
    await settle(page, frame);
    const before = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.shas.length);
    await page.keyboard.type(` woord${burst + 1} erbij`, { delay: 35 });
    const timed = await afterLastKey(page, frame, before);
    if (burst >= 0) {
      sha.push(timed.sha);
      shown.push(timed.shown);
    }
  }
  await settle(page, frame);
  const args = lastArgs();
  const calls: number[] = [];
  for (let call = -1; call < bursts; call++) {
    const elapsed = await page.evaluate(async (request) => {
      const started = performance.now();
      await (globalThis as unknown as BridgeGlobal).werkbank.letters.preview(request);
      return performance.now() - started;
    }, args);
    if (call >= 0) calls.push(elapsed);
  }
  emit('preview_pause', previewPauseMs, 'ms');
  emit('preview_after_last_keystroke_p95', p95(sha), 'ms', p95(calls));
  emit('preview_after_last_keystroke_median', median(sha), 'ms', median(calls));
  emit('preview_pdf_shown_after_last_keystroke_p95', p95(shown), 'ms', p95(calls));
  emit('preview_pdf_shown_after_last_keystroke_median', median(shown), 'ms', median(calls));
  emit('letters_preview_call_p95', p95(calls), 'ms');
}

/** Reasoning paragraphs until the preview is `targetPages` long; returns its page count. */
async function growLetter(page: Page, frame: Frame, lastArgs: () => unknown): Promise<number> {
  const sentence = 'Uit de overgelegde loonstroken blijkt dat het maandelijkse brutoloon van de referent lager is dan het normbedrag dat voor deze verblijfsvergunning geldt. ';
  const paragraph = sentence.repeat(10).trim();
  await caretInReasoning(page);
  let pages = 0;
  for (let round = 0; round < 20 && pages < targetPages; round++) {
    for (let added = 0; added < 4; added++) {
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(paragraph);
    }
    await settle(page, frame, 500);
    pages = await page.evaluate(async (request) => (await (globalThis as unknown as BridgeGlobal).werkbank.letters.preview(request)).preview.pageCount ?? 0, lastArgs());
  }
  return pages;
}

type FrameFigures = z.infer<typeof frames>;

/** The intervals between animation frames from `from` to `to` (absolute ms). */
function intervals(figures: FrameFigures, from: number, to: number): number[] {
  const times = figures.times.filter((at) => at >= from && at <= to);
  return times.slice(1).map((at, index) => at - (times[index] ?? at));
}

function emitFrames(emit: Emit, prefix: string, deltas: number[], floor: number[] | null, longFrames: FrameFigures['longFrames'] | null): void {
  const over = (values: number[]) => values.filter((delta) => delta > 20).length;
  emit(`${prefix}_max_frame_ms`, Math.max(0, ...deltas), 'ms', floor ? Math.max(0, ...floor) : undefined);
  emit(`${prefix}_frames_over_16ms`, over(deltas), 'frames', floor ? over(floor) : undefined);
  emit(`${prefix}_frames`, deltas.length, 'frames', floor ? floor.length : undefined);
  if (longFrames) {
    // Diagnostics on stderr: what ran in the long frames, by invoker.
    const byInvoker = new Map<string, number>();
    for (const script of longFrames.flatMap((entry) => entry.scripts)) {
      const key = `${script.invoker}${script.sourceFunctionName ? ` ${script.sourceFunctionName}` : ''}`;
      byInvoker.set(key, (byInvoker.get(key) ?? 0) + script.duration);
    }
    const top = [...byInvoker].sort((left, right) => right[1] - left[1]).slice(0, 5).map(([invoker, total]) => `${invoker} ${Math.round(total)} ms`);
    if (top.length > 0) console.error(`# ${prefix} long-frame scripts by invoker: ${top.join('; ')}`);
    for (const entry of process.env['BENCH_LETTERS_TRACE'] ? longFrames : []) {
      const scripts = entry.scripts.reduce((total, script) => total + script.duration, 0);
      console.error(`# ${prefix} long frame ${Math.round(entry.duration)} ms: scripts ${Math.round(scripts)} ms, style+layout ${Math.round(entry.styleAndLayout)} ms`);
    }
    emit(`${prefix}_long_animation_frames`, longFrames.length, 'frames');
    emit(`${prefix}_longest_animation_frame`, Math.max(0, ...longFrames.map((entry) => entry.duration)), 'ms');
  }
}

/** Types the text at a human pace, recording frames; returns them and when the typing began and ended. */
async function typeRecorded(page: Page, text: string): Promise<{ figures: FrameFigures; started: number; lastKey: number }> {
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.startFrames());
  await page.waitForTimeout(200);
  const started = await page.evaluate(() => performance.timeOrigin + performance.now());
  await page.keyboard.type(text, { delay: typingDelayMs });
  const lastKey = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.lastKey);
  return { figures: frames.parse(await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.stopFrames())), started, lastKey };
}

async function measureTyping(page: Page, frame: Frame, lastArgs: () => unknown, emit: Emit): Promise<void> {
  const pages = await growLetter(page, frame, lastArgs);
  emit('typing_letter_pages', pages, 'pages');
  const words = 'het inkomen is niet duurzaam en voldoende ';
  const text = words.repeat(Math.ceil(typedCharacters / words.length)).slice(0, typedCharacters);
  await caretInReasoning(page);
  await settle(page, frame);
  const shasBefore = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.shas.length);
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.startFrames());
  await page.waitForTimeout(200);
  const started = await page.evaluate(() => performance.timeOrigin + performance.now());
  await page.keyboard.type(text, { delay: typingDelayMs });
  // Until the typed text's preview is drawn: the rendering arriving under the caret counts too.
  const after = await afterLastKey(page, frame, shasBefore);
  await page.waitForTimeout(300);
  const editor = frames.parse(await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.stopFrames()));
  const lastKey = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.lastKey);
  await settle(page, frame);

  // The floor: a plain textarea over the same page, the same keys at the same pace.
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'bench-floor';
    area.setAttribute('style', 'position:fixed;left:20px;top:20px;width:600px;height:300px;z-index:100000');
    document.body.appendChild(area);
    area.focus();
  });
  const floor = await typeRecorded(page, text);
  await page.evaluate(() => document.getElementById('bench-floor')?.remove());

  const typing = intervals(editor, started, lastKey);
  const floorTyping = intervals(floor.figures, floor.started, floor.lastKey);
  const longWhileTyping = editor.longFramesSupported ? editor.longFrames.filter((entry) => entry.start >= started && entry.start <= lastKey) : null;
  emitFrames(emit, 'typing', typing, floorTyping, longWhileTyping);
  const withPreview = intervals(editor, started, lastKey + after.shown + 300);
  emitFrames(emit, 'typing_until_preview_shown', withPreview, floorTyping, editor.longFramesSupported ? editor.longFrames.filter((entry) => entry.start >= started) : null);
  emit('typing_10_pages_pdf_shown_after_last_keystroke', after.shown, 'ms');
  // Renderings that came back while the keys were still coming (a pause between two keys longer than previewPauseMs).
  const shas = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__lettersBench.shas);
  emit('typing_previews_while_typing', shas.filter((entry) => entry.at >= started && entry.at <= lastKey).length, 'previews');
  if (floor.figures.longFramesSupported) emit('typing_floor_long_animation_frames', floor.figures.longFrames.filter((entry) => entry.start >= floor.started && entry.start <= floor.lastKey).length, 'frames');
}

/** Runs both measurements and prints their figures through `emit`. */
export async function measureEditor(emit: Emit): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` before the letters benchmark');
  const dir = tempDir('werkbank-letters-bench-');
  const training = await startTrainingProcess(join(dir.path, 'training'), { cases: 40 });
  let browser: Browser | undefined;
  const preview = await startPreview({
    port: 0, rendererDir,
    host: { dataDir: join(dir.path, 'cache'), appVersion: '0.1.0-bench', logger: silentLogger, serverUrl: training.url, trainingServer: true },
  });
  try {
    const cases = readFileSync(join(training.datasetFolder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
    const kase = cases.find((candidate) => candidate.scenario === 'letter-ready' && candidate.letters.some((letter) => letter.status === 'draft'));
    if (!kase) throw new Error('the dataset has no letter-ready case with a draft');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let args: unknown = null;
    page.on('websocket', (socket) => socket.on('framesent', (frame) => {
      if (typeof frame.payload !== 'string' || !frame.payload.includes('"method":"letters.preview"')) return;
      args = (JSON.parse(frame.payload) as { args: unknown }).args;
    }));
    const lastArgs = (): unknown => {
      if (args === null) throw new Error('the editor sent no letters.preview call');
      return args;
    };
    await page.addInitScript({ content: editorProbeScript });
    await page.goto(preview.pageUrl);
    await page.getByTestId('demo-user').filter({ hasText: 'demo.caseworker' }).click();
    await page.getByTestId('sign-in').getByRole('button', { name: 'Aanmelden' }).click();
    await page.locator('[data-testid="sync-indicator"][data-state="online"]').waitFor({ timeout: 60_000 });
    await page.evaluate((id) => {
      window.location.hash = `#/case/${id}`;
    }, kase.id);
    await page.getByTestId('tab-letters').click();
    await page.locator('[data-testid="letter-row"][data-status="draft"]').first().getByTestId('letter-open').click();
    await page.locator('[data-testid="letter-workspace"] .ProseMirror').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="letter-preview"][data-sha256]').waitFor({ timeout: 30_000 });
    const frame = await previewFrame(page);
    await frame.locator('#page[data-painted]').waitFor({ state: 'attached', timeout: 30_000 });
    await measureBursts(page, frame, lastArgs, emit);
    await measureTyping(page, frame, lastArgs, emit);
    await page.close();
  } finally {
    await browser?.close();
    await preview.close();
    await stopTrainingProcess(training);
    dir.remove();
  }
}
