// Drives code-server in headless Chromium (started by test.sh, reached over
// the DevTools protocol) for two runs:
//
//   suite  the workbench opened with extensionDevelopmentPath (the unpacked
//          .vsix) and extensionTestsPath (suite/index.js): the tests run in
//          the extension host and the page reports their exit code through
//          window.codeAutomationExit.
//   ui     a plain window on a copy of the workspace, with the .vsix
//          installed: opens the draft, waits for the squiggles, hovers a
//          quotation and checks what a person sees; saves a screenshot.
//
// Prints `PASS: name` / `FAIL: name: reason` lines for the ui run, and the
// console of both pages to the log file given (the lines about tests and
// errors also to stdout).
//
// node driver.mjs suite|ui --cdp PORT --url http://127.0.0.1:PORT --folder DIR
//   [--dev-ext DIR --tests FILE --timeout S] [--screenshot FILE] --log FILE

import { appendFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [mode, ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i += 2) opt[rest[i].replace(/^--/, '')] = rest[i + 1];
const base = opt.url.replace(/\/$/, '');
const host = new URL(base).host;
const timeoutMs = Number(opt.timeout ?? 240) * 1000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function log(line) {
  if (opt.log) appendFileSync(opt.log, line + '\n');
}

function watchConsole(page, tag) {
  page.on('console', (m) => {
    // The workbench styles its log lines: `%c INFO color: #33f message`.
    const text = m.text().replace(/^%c\s+\w+\s+color:\s*#\w+\s*/, '');
    log(`[${tag}] ${m.type()}: ${text}`);
    if (/^(PASS|FAIL|PLAN): /.test(text)) return; // the suite writes these to the results file
    if (/\bonrecord\b/i.test(text) && m.type() === 'error') console.log(`console (${tag}): ${text.split('\n')[0]}`);
  });
  page.on('pageerror', (e) => log(`[${tag}] pageerror: ${e.message}`));
}

async function connect() {
  // The browser belongs to test.sh, which stops it: this only disconnects.
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${opt.cdp}`, { timeout: 30000 });
  return browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
}

async function suite() {
  const context = await connect();
  const page = await context.newPage();
  watchConsole(page, 'suite');
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${host}${opt['dev-ext']}`],
    ['extensionTestsPath', `vscode-remote://${host}${opt.tests}`],
  ]);
  await page.goto(`${base}/?folder=${encodeURIComponent(opt.folder)}&payload=${encodeURIComponent(payload)}`);
  const code = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout')]);
  await context.close().catch(() => {});
  if (code === 'timeout') {
    console.log(`FAIL: extension host tests: no exit code after ${timeoutMs / 1000} s`);
    return 1;
  }
  console.log(`extension host tests exited with code ${code}`);
  return code === 0 ? 0 : 1;
}

async function ui() {
  const context = await connect();
  const page = await context.newPage();
  watchConsole(page, 'ui');
  let failed = 0;
  const step = async (name, fn) => {
    const started = Date.now();
    try {
      await fn();
      console.log(`PASS: ui: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return true;
    } catch (e) {
      failed++;
      if (opt.shots) await page.screenshot({ path: `${opt.shots}/ui-failure-${failed}.png` }).catch(() => {});
      console.log(`FAIL: ui: ${name}: ${String(e && e.message ? e.message : e).split('\n')[0]}`);
      return false;
    }
  };
  const editor = page.locator('.editor-instance .monaco-editor').first();
  // Each step needs the one before it: the first failure ends the run.
  const steps = [
    ['workbench opens the workspace', async () => {
      await page.goto(`${base}/?folder=${encodeURIComponent(opt.folder)}`);
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
    }],
    ['quick open opens the draft', async () => {
      // Quick Open, as a person would: Ctrl+P, the file name, Enter.
      for (let attempt = 0; ; attempt++) {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 10000 });
        await input.fill('issues.md');
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'issues.md' }).first();
        try {
          await row.waitFor({ timeout: 15000 });
          break;
        } catch (e) {
          await page.keyboard.press('Escape');
          if (attempt >= 2) throw e;
        }
      }
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'issues.md' }).waitFor({ timeout: 15000 });
      await editor.locator('.view-line', { hasText: 'watching the situation' }).waitFor({ timeout: 15000 });
    }],
    ['squiggles appear under the quotations', async () => {
      await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60000 });
      await page.waitForFunction(
        () => document.querySelectorAll('.editor-instance .monaco-editor .squiggly-warning').length >= 3,
        null,
        { timeout: 30000 },
      );
    }],
    ['status bar shows the number of quotations', async () => {
      await page
        .locator('.part.statusbar .statusbar-item', { hasText: /\d+ quotations/ })
        .waitFor({ timeout: 30000 });
    }],
    ['code lens names the speaker', async () => {
      await editor.locator('.codelens-decoration', { hasText: '3 sources · Ian Kelly' }).waitFor({ timeout: 30000 });
    }],
    ['hovering the misquote shows the speaker and the source wording', async () => {
      // Line 15: "We're of course watching the situation …," Kelly said.
      const line = editor.locator('.view-line', { hasText: "We're of course watching" }).first();
      await line.scrollIntoViewIfNeeded();
      const box = await line.boundingBox();
      if (!box) throw new Error('line 15 is not on screen');
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Said by Ian Kelly' });
      for (let attempt = 0; ; attempt++) {
        await page.mouse.move(box.x + 5, box.y - 40);
        await page.mouse.move(box.x + 150 + attempt * 20, box.y + box.height / 2, { steps: 8 });
        try {
          await hover.first().waitFor({ timeout: 10000 });
          break;
        } catch (e) {
          if (attempt >= 2) throw e;
        }
      }
      const text = (await hover.first().innerText()).replace(/\s+/g, ' ');
      for (const want of ['Said by Ian Kelly (State Department spokesman)', 'The sources have:', '3 sources:', '003_0c2ef44d899710dd.txt']) {
        if (!text.includes(want)) throw new Error(`the hover lacks "${want}": ${text.slice(0, 400)}`);
      }
      // The diagnostic comes first in the hover: for the picture, focus
      // the hover from the keyboard and scroll it to the speaker and the
      // source wording.
      await page.mouse.click(box.x + 150, box.y + box.height / 2);
      await page.mouse.move(200, 600, { steps: 4 }); // off the text: no Ctrl+hover link
      await hover.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
      await page.keyboard.press('Control+K'); // Show or Focus Hover, twice: show, then focus
      await page.keyboard.press('Control+I');
      await hover.first().waitFor({ timeout: 10000 });
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await sleep(200);
      await page.keyboard.press('End');
      await sleep(400); // let the hover finish its layout before the picture
      await hover.first().waitFor({ timeout: 2000 });
      if (opt.screenshot) await page.screenshot({ path: opt.screenshot, type: 'png' });
    }],
    ['clicking the code lens opens the other reporting', async () => {
      await page.mouse.move(640, 790);
      await page.keyboard.press('Escape');
      await editor.locator('.codelens-decoration a', { hasText: '3 sources · Ian Kelly' }).first().click();
      const peek = page.locator('.peekview-widget');
      await peek.waitFor({ timeout: 15000 });
      await peek.locator('.monaco-list-row', { hasText: '004_3b80394eee0eb363.txt' }).first().waitFor({ timeout: 15000 });
      await peek.locator('.peekview-title', { hasText: 'Locations (3)' }).waitFor({ timeout: 5000 });
    }],
  ];
  for (const [name, fn] of steps) {
    if (!(await step(name, fn))) break;
  }
  await context.close().catch(() => {});
  return failed === 0 ? 0 : 1;
}

const run = mode === 'suite' ? suite : mode === 'ui' ? ui : null;
if (!run) {
  console.error('usage: node driver.mjs suite|ui --cdp PORT --url URL --folder DIR …');
  process.exit(2);
}
run().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`FAIL: ${mode}: ${String(e && e.message ? e.message : e).split('\n')[0]}`);
    process.exit(1);
  },
);
