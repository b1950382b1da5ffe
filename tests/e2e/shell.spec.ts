import { calls } from '../../src/shared/contract';
import { metaContentSecurityPolicy } from '../../src/shared/security/csp';
import { ShellPage } from './pages/shell';
import { accessibilityViolations, expect, seededCaseCount, test } from './fixtures';

test.describe('app shell in the browser preview', () => {
  test('shows the shell and the cached cases in Dutch, read through the real host', async ({ app, preview }) => {
    const shell = new ShellPage(app);
    await expect(app.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(shell.environmentBadge).toContainText('Oefenomgeving');
    await expect(shell.syncIndicator).toBeVisible();
    await expect(shell.caseRows.first()).toBeVisible();
    const listed = await preview.host.cache.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    expect(listed.n).toBe(seededCaseCount);
    // Without a session the queue opens on the team tab: every open case, most urgent first by the
    // priority the host ranked in its SQLite file.
    const open = preview.host.cache.sqlite.prepare('SELECT count(*) FROM cases WHERE open = 1').pluck().get() as number;
    await expect(app.getByTestId('queue-summary')).toContainText(`${open} zaken`);
    const first = preview.host.cache.sqlite
      .prepare('SELECT case_number FROM cases WHERE open = 1 ORDER BY priority_score DESC, rowid LIMIT 1')
      .get() as { case_number: string };
    await expect(shell.caseRows.first()).toContainText(first.case_number);

    await app.screenshot({ path: 'test-results/screens/queue-nl.png', fullPage: false });
    expect(await accessibilityViolations(app)).toEqual([]);
  });

  test('switches to English, remembers it, and every screen passes axe in both languages', async ({ app }) => {
    const shell = new ShellPage(app);
    for (const [language, screens] of [
      ['nl', ['Werkvoorraad', 'Dashboard', 'Oefenomgeving']],
      ['en', ['Queue', 'Dashboard', 'Training']],
    ] as const) {
      if (language === 'en') {
        await shell.switchLanguage('EN');
        await expect(app.locator('html')).toHaveAttribute('lang', 'en');
        await expect(shell.environmentBadge).toContainText('Training environment');
      }
      for (const screen of screens) {
        await shell.navigation(new RegExp(`^${screen}`)).click();
        await expect(shell.heading).toBeVisible();
        await app.screenshot({ path: `test-results/screens/${screen.toLowerCase()}-${language}.png` });
        expect(await accessibilityViolations(app), `${screen} (${language})`).toEqual([]);
      }
    }
    await app.reload();
    await expect(app.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the page has no Node, and window.werkbank holds only the contract', async ({ app }) => {
    expect(await app.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process]))
      .toEqual(['undefined', 'undefined']);
    const shape = await app.evaluate(() => {
      const bridge = (window as unknown as { werkbank: Record<string, unknown> }).werkbank;
      return Object.fromEntries(Object.entries(bridge).map(([key, value]) => [
        key,
        typeof value === 'function' ? 'function' : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}:${typeof v}`).sort(),
      ]));
    });
    const expected: Record<string, string | string[]> = { on: 'function' };
    for (const name of Object.keys(calls)) {
      const [head, tail] = name.split('.') as [string, string];
      const members = (expected[head] ??= []) as string[];
      members.push(`${tail}:function`);
      members.sort();
    }
    expect(shape).toEqual(expected);
  });

  test('the CSP blocks an inline script and eval', async ({ app, preview }) => {
    // DevTools evaluation is exempt from CSP, so the probes must run as page scripts: a same-origin
    // script file (allowed by script-src 'self') that tries eval and new Function, and an inline one.
    await app.route(`${preview.url}/csp-probe.js`, (route) => route.fulfill({
      contentType: 'text/javascript',
      body: `
        const attempt = (run) => { try { return String(run()); } catch (error) { return error.name; } };
        window.cspProbe = { evalResult: attempt(() => eval('1 + 1')), functionResult: attempt(() => new Function('return 2 + 2')()) };
      `,
    }));
    await app.evaluate(() => {
      const win = window as unknown as { violations: string[] };
      win.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => win.violations.push(event.effectiveDirective));
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true;';
      document.body.append(inline);
      const probe = document.createElement('script');
      probe.src = '/csp-probe.js';
      document.body.append(probe);
    });
    await expect.poll(() => app.evaluate(() => (window as unknown as { cspProbe?: unknown }).cspProbe)).toEqual({
      evalResult: 'EvalError',
      functionResult: 'EvalError',
    });
    expect(await app.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    const violations = await app.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations).toContain('script-src-elem');
    expect(violations).toContain('script-src');
  });

  test('the page carries the CSP as a meta tag too, which holds when a response lacks the header', async ({ app, preview }) => {
    const page = await app.context().newPage();
    try {
      // The document is served without its CSP header: only the meta tag is left to enforce the policy.
      await page.route(`${preview.url}/`, async (route) => {
        const response = await route.fetch();
        const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
        await route.fulfill({ response, headers });
      });
      await page.goto(`${preview.url}/`);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(meta).toBe(metaContentSecurityPolicy());
      await page.evaluate(() => {
        const inline = document.createElement('script');
        inline.textContent = 'window.inlineRan = true;';
        document.body.append(inline);
      });
      expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  test('tells the user when the data host goes away', async ({ app, preview }) => {
    await preview.close();
    await expect(app.getByRole('alert')).toBeVisible();
    await app.screenshot({ path: 'test-results/screens/host-lost-nl.png' });
  });
});
