// Tests that run inside the editor's extension host, on the real VS Code
// API, against the extension under development (the unpacked .vsix) and
// the onrecord server bundled in it. test.sh opens the workbench with this
// file as `extensionTestsPath`; `run()` resolves when every test ran, and
// rejects when one failed, which sets the exit code the page reports.
//
// Each test prints `PASS: name` or `FAIL: name: reason`, on the console
// and appended to $ONRECORD_E2E_RESULTS.

'use strict';

const vscode = require('vscode');
const fs = require('fs');
const path = require('path');
const assert = require('assert');

const RESULTS = process.env.ONRECORD_E2E_RESULTS;
const SERVER = process.env.ONRECORD_E2E_SERVER;
const EXPECTED = [
  { line: 7, code: 'unattributed-quote', severity: vscode.DiagnosticSeverity.Warning },
  { line: 15, code: 'misquote', severity: vscode.DiagnosticSeverity.Warning },
  { line: 19, code: 'misattributed-quote', severity: vscode.DiagnosticSeverity.Warning },
  { line: 23, code: 'unknown-quote', severity: vscode.DiagnosticSeverity.Information },
];

function report(line) {
  console.log(line);
  if (RESULTS) fs.appendFileSync(RESULTS, line + '\n');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; fails with `what` and the last value seen. */
async function waitFor(what, fn, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${seen})`);
    }
    await sleep(100);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const ws = () => vscode.workspace.workspaceFolders[0].uri.fsPath;
const draftUri = () => vscode.Uri.file(path.join(ws(), 'test-corpus', 'drafts', 'issues.md'));
const corpusFile = (name) => path.join(ws(), 'test-corpus', name);

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'onrecord');
}

function summary(diags) {
  return diags
    .map((d) => `${d.range.start.line + 1}:${typeof d.code === 'object' ? d.code.value : d.code}`)
    .sort()
    .join(', ');
}

function codeOf(d) {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Waits until the draft's onrecord diagnostics are exactly `expected` (line and code). */
async function waitForDiagnostics(uri, expected, timeoutMs = 30000) {
  const want = summary(expected.map((e) => ({ range: { start: { line: e.line - 1 } }, code: e.code })));
  let seen = '';
  try {
    return await waitFor(`diagnostics [${want}]`, () => {
      const got = ours(uri);
      seen = summary(got);
      return seen === want && got;
    }, timeoutMs);
  } catch (e) {
    throw new Error(`${e.message}; the draft has [${seen}]`);
  }
}

function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function textAt(location) {
  const uri = location.targetUri || location.uri;
  const range = location.targetSelectionRange || location.targetRange || location.range;
  const doc = await vscode.workspace.openTextDocument(uri);
  return { file: uri.fsPath, text: doc.getText(range) };
}

async function settle(api, timeoutMs = 30000) {
  await waitFor('the server to be ready', () => api.status().state === 'ready', timeoutMs);
}

const tests = [];
const test = (name, fn, timeoutMs = 60000, critical = false) => tests.push({ name, fn, timeoutMs, critical });

let api;
let draft;

test('extension activates from the unpacked package with its bundled server', async () => {
  const ext = vscode.extensions.getExtension('onrecord.onrecord');
  assert.ok(ext, 'extension onrecord.onrecord is not installed');
  api = await ext.activate();
  const bundled = path.join(ext.extensionPath, 'server', 'onrecord');
  assert.ok(fs.existsSync(bundled), `no bundled server at ${bundled}`);
  assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'extension.js')), 'no dist/extension.js');
  assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'src')), 'the package holds the TypeScript sources');
  assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'node_modules')), 'the package holds node_modules');
  assert.strictEqual(api.serverPath(), bundled);
  await settle(api, 20000);
}, 30000, true);

test('draft gets exactly the expected diagnostics', async () => {
  const doc = await vscode.workspace.openTextDocument(draftUri());
  assert.strictEqual(doc.languageId, 'markdown');
  await vscode.window.showTextDocument(doc);
  draft = doc.uri;
  const diags = await waitForDiagnostics(draft, EXPECTED, 60000);
  for (const e of EXPECTED) {
    const d = diags.find((x) => x.range.start.line === e.line - 1);
    assert.strictEqual(d.source, 'onrecord');
    assert.strictEqual(d.severity, e.severity, `severity of line ${e.line}`);
    assert.ok(d.message.length > 10, `empty message on line ${e.line}`);
  }
  const unattributed = diags.find((d) => codeOf(d) === 'unattributed-quote');
  assert.match(unattributed.message, /State Department official/);
  const related = unattributed.relatedInformation || [];
  assert.ok(related.length >= 2, 'no related places for the unattributed quote');
  for (const r of related) {
    assert.strictEqual(path.dirname(r.location.uri.fsPath), path.join(ws(), 'test-corpus'));
  }
});

test('status bar shows the indexed corpus', async () => {
  await settle(api);
  const s = api.status();
  assert.match(s.text, /^\$\(quote\) \d+ quotations$/, `status text: ${s.text}`);
  assert.ok(s.quotations > 10, `quotations: ${s.quotations}`);
  assert.strictEqual(s.articles, 5);
  assert.match(s.tooltip, /in 5 source articles/);
});

test('hover names the speaker and the sources', async () => {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', draft, new vscode.Position(14, 20));
  const text = hoverText(hovers);
  assert.match(text, /Said by \*\*Ian Kelly\*\* \(State Department spokesman\)/, text);
  assert.match(text, /The sources have: .*\*\*monitoring\*\*/, text);
  assert.match(text, /3 sources/, text);
  for (const f of ['004_3b80394eee0eb363.txt', '002_0c5362f621e694e9.txt', '003_0c2ef44d899710dd.txt']) {
    assert.ok(text.includes(f), `hover does not name ${f}: ${text}`);
  }
  assert.match(text, /US asks Twitter to maintain service after Iran vote: official/);
});

test('go to definition lands on the quoted words in the source', async () => {
  const unattributed = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', draft, new vscode.Position(6, 10));
  assert.strictEqual(unattributed.length, 1);
  const a = await textAt(unattributed[0]);
  assert.strictEqual(a.file, corpusFile('001_3e6dcae349e62da4.txt'));
  assert.strictEqual(a.text, 'They announced they were going to shut down their system for maintenance and we asked them not to');
  const misquote = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', draft, new vscode.Position(14, 20));
  const b = await textAt(misquote[0]);
  assert.strictEqual(b.file, corpusFile('004_3b80394eee0eb363.txt'));
  assert.strictEqual(
    b.text,
    'we were, of course, monitoring the situation through a number of different media, including social media networks like Facebook and Twitter',
  );
});

test('show other reporting lists every source (code lens arguments and cursor)', async () => {
  const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', draft);
  const lens = lenses.find((l) => l.range.start.line === 14);
  assert.ok(lens && lens.command, 'no code lens on line 15');
  assert.strictEqual(lens.command.command, 'onrecord.showSources');
  assert.strictEqual(lens.command.title, '3 sources · Ian Kelly');
  const fromLens = await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments);
  assert.deepStrictEqual(
    fromLens.map((l) => path.basename(l.uri.fsPath)),
    ['004_3b80394eee0eb363.txt', '002_0c5362f621e694e9.txt', '003_0c2ef44d899710dd.txt'],
  );
  await vscode.commands.executeCommand('closeReferenceSearch');
  const editor = await vscode.window.showTextDocument(draft);
  editor.selection = new vscode.Selection(6, 20, 6, 20);
  const fromCursor = await vscode.commands.executeCommand('onrecord.showSources');
  assert.deepStrictEqual(
    fromCursor.map((l) => path.basename(l.uri.fsPath)),
    ['001_3e6dcae349e62da4.txt', '002_0c5362f621e694e9.txt', '003_0c2ef44d899710dd.txt'],
  );
  await vscode.commands.executeCommand('closeReferenceSearch');
});

test('inlay hints name the speaker after each quotation', async () => {
  const doc = await vscode.workspace.openTextDocument(draft);
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', draft, all);
  const labels = hints.map((h) => `${h.position.line + 1}:${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);
  assert.ok(labels.includes('15:— Ian Kelly'), labels.join(' | '));
  assert.ok(labels.includes('11:— Biz Stone'), labels.join(' | '));
});

test('code action attributes the unattributed quote and its diagnostic goes away', async () => {
  const doc = await vscode.workspace.openTextDocument(draft);
  const actions = await vscode.commands.executeCommand(
    'vscode.executeCodeActionProvider',
    draft,
    new vscode.Range(6, 10, 6, 10),
  );
  const titles = actions.map((a) => a.title);
  const attribute = actions.find((a) => a.title.startsWith('Attribute to'));
  assert.ok(attribute, `no "Attribute to" action: ${titles.join(' | ')}`);
  assert.strictEqual(attribute.title, 'Attribute to a State Department official');
  assert.ok(titles.includes('Disable unattributed-quote for this line'), titles.join(' | '));
  assert.ok(attribute.edit, 'the action carries no edit');
  assert.ok(await vscode.workspace.applyEdit(attribute.edit), 'applyEdit refused the edit');
  const line = doc.lineAt(6).text;
  assert.ok(line.endsWith('we asked them not to," a State Department official said.'), line);
  await waitForDiagnostics(draft, EXPECTED.filter((e) => e.line !== 7));
});

test('commands exist; restart brings the diagnostics back', async () => {
  const commands = await vscode.commands.getCommands(true);
  for (const c of ['onrecord.showSources', 'onrecord.restartServer', 'onrecord.showOutput']) {
    assert.ok(commands.includes(c), `command ${c} is missing`);
  }
  let cleared = false;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === draft.toString()) && ours(draft).length === 0) cleared = true;
  });
  try {
    await withTimeout(vscode.commands.executeCommand('onrecord.restartServer'), 30000, 'restart');
    await settle(api);
    await waitForDiagnostics(draft, EXPECTED.filter((e) => e.line !== 7));
  } finally {
    sub.dispose();
  }
  assert.ok(cleared, 'the diagnostics were never cleared: the server did not restart');
});

test('severity setting reaches the server (didChangeConfiguration)', async () => {
  const config = () => vscode.workspace.getConfiguration('onrecord');
  const remaining = EXPECTED.filter((e) => e.line !== 7);
  try {
    await config().update('check.severity', { 'unknown-quote': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(draft, remaining.filter((e) => e.line !== 23));
    assert.deepStrictEqual(api.serverSettings(), { onrecord: { check: { severity: { 'unknown-quote': 'off' } } } });
    await config().update('check.severity', { 'unknown-quote': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('line 23 as an error', () =>
      ours(draft).some((d) => d.range.start.line === 22 && d.severity === vscode.DiagnosticSeverity.Error),
    );
  } finally {
    await config().update('check.severity', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('line 23 back as information', () =>
    ours(draft).some((d) => d.range.start.line === 22 && d.severity === vscode.DiagnosticSeverity.Information),
  );
  assert.deepStrictEqual(api.serverSettings(), { onrecord: {} });
});

test('inlay hints setting turns the hints off and on', async () => {
  const config = () => vscode.workspace.getConfiguration('onrecord');
  const hints = async () => {
    const doc = await vscode.workspace.openTextDocument(draft);
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    return (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', draft, all)).length;
  };
  assert.ok((await hints()) > 0, 'no hints to start with');
  try {
    await config().update('inlayHints.enabled', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('no inlay hints', async () => (await hints()) === 0);
    assert.deepStrictEqual(api.serverSettings(), { onrecord: { check: { inlay_hints: false } } });
  } finally {
    await config().update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('the inlay hints back', async () => (await hints()) > 0);
});

test('removing a setting the server started with restarts it', async () => {
  const config = () => vscode.workspace.getConfiguration('onrecord');
  try {
    await config().update('check.severity', { misquote: 'error' }, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('onrecord.restartServer');
    await settle(api);
    await waitFor('line 15 as an error', () =>
      ours(draft).some((d) => d.range.start.line === 14 && d.severity === vscode.DiagnosticSeverity.Error),
    );
  } finally {
    await config().update('check.severity', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('line 15 back as a warning', () =>
    ours(draft).some((d) => d.range.start.line === 14 && d.severity === vscode.DiagnosticSeverity.Warning),
  );
  await settle(api);
});

test('onrecord.server.path picks the program and restarts the server', async () => {
  assert.ok(SERVER && fs.existsSync(SERVER), `ONRECORD_E2E_SERVER not set or missing: ${SERVER}`);
  const config = () => vscode.workspace.getConfiguration('onrecord');
  const bundled = api.serverPath();
  try {
    await config().update('server.path', SERVER, vscode.ConfigurationTarget.Workspace);
    await waitFor(`the server to run from ${SERVER}`, () => api.serverPath() === SERVER);
    await settle(api);
    await waitForDiagnostics(draft, EXPECTED.filter((e) => e.line !== 7));
    // A path that names no program: a warning, and the bundled server.
    await config().update('server.path', path.join(ws(), 'no-such-onrecord'), vscode.ConfigurationTarget.Workspace);
    await waitFor('the bundled server after a bad path', () => api.serverPath() === bundled);
    await settle(api);
    await waitForDiagnostics(draft, EXPECTED.filter((e) => e.line !== 7));
  } finally {
    await config().update('server.path', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('the bundled server again', () => api.serverPath() === bundled);
  await settle(api);
});

/** The pids of the `onrecord serve` processes this extension host started. */
function serverPids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (ppid === process.pid && path.basename(argv[0]) === 'onrecord' && argv[1] === 'serve') pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

test('a server that dies is started again', async () => {
  const before = await waitFor('one running server', () => {
    const p = serverPids();
    return p.length === 1 && p;
  });
  process.kill(before[0], 'SIGKILL');
  const after = await waitFor('a new server', () => {
    const p = serverPids();
    return p.length === 1 && p[0] !== before[0] && p;
  });
  assert.notStrictEqual(after[0], before[0]);
  await settle(api);
  await waitForDiagnostics(draft, EXPECTED.filter((e) => e.line !== 7));
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', draft, new vscode.Position(14, 20));
  assert.match(hoverText(hovers), /Ian Kelly/);
});

test('an untitled markdown draft is checked too', async () => {
  const doc = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: 'A short note.\n\n"They announced they were going to shut down their system for maintenance and we asked them not to."\n',
  });
  const diags = await waitFor('a diagnostic on the untitled draft', () => {
    const d = ours(doc.uri);
    return d.length > 0 && d;
  });
  assert.strictEqual(summary(diags), '3:unattributed-quote');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

async function run() {
  let failed = 0;
  report(`PLAN: ${tests.length}`);
  let blocked;
  for (const t of tests) {
    if (blocked) {
      failed++;
      report(`FAIL: ${t.name}: not run (${blocked})`);
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, 'the test');
      report(`PASS: ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      const reason = (e && e.message ? e.message : String(e)).replace(/\s+/g, ' ');
      report(`FAIL: ${t.name}: ${reason}`);
      if (t.critical) blocked = `"${t.name}" failed`;
    }
  }
  // Leave the draft as it is on disk.
  try {
    await vscode.window.showTextDocument(draft);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  } catch {
    // Nothing to revert.
  }
  if (failed > 0) throw new Error(`${failed} of ${tests.length} tests failed`);
}

module.exports = { run };
