// The onrecord extension: starts `onrecord serve` for markdown and plain
// text documents, keeps its settings in step with VS Code's, shows the
// indexing state in the status bar and adds "Show other reporting".

import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandler,
  LanguageClient,
  LanguageClientOptions,
  Location as LspLocation,
  ServerOptions,
  State as ClientState,
  TextDocumentPositionParams,
} from 'vscode-languageclient/node';
import { findServer, Found } from './server';
import {
  dropsInitialKey,
  mergeScopes,
  ServerSettings,
  settingPaths,
  toServerSettings,
} from './settings';
import { Status, StatusSnapshot } from './status';

const SECTION = 'onrecord';

const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
];

interface IndexStatus {
  state: 'indexing' | 'ready';
  quotations?: number;
  articles?: number;
}

/** What the extension gives other extensions and its tests. */
export interface OnrecordApi {
  status(): StatusSnapshot;
  /** The program the running server was started from. */
  serverPath(): string | undefined;
  /** The settings last sent to the server. */
  serverSettings(): ServerSettings | undefined;
}

let context: vscode.ExtensionContext;
let output: vscode.OutputChannel;
let status: Status;
let client: LanguageClient | undefined;
let server: Found | undefined;
/** The initialization options of the running server. */
let initialSettings: ServerSettings | undefined;
let sentSettings: ServerSettings | undefined;
/** Set after a settings change: refresh lenses and hints once the server re-checked. */
let refreshAfterCheck = false;
let reportedMissing = false;
let reportedBadSetting: string | undefined;
let reportedStartError = false;
/** Start and stop run one after the other. */
let queue: Promise<unknown> = Promise.resolve();

function serialize<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

function workspaceRoot(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

/** One `onrecord.*` setting as the person set it, over every scope. */
function explicitSetting(key: string): unknown {
  const cfg = vscode.workspace.getConfiguration(SECTION, workspaceRoot()?.uri);
  const i = cfg.inspect(key);
  if (!i) return undefined;
  return mergeScopes([i.globalValue, i.workspaceValue, i.workspaceFolderValue]);
}

function currentSettings(): ServerSettings {
  return toServerSettings(explicitSetting);
}

function log(message: string): void {
  output.appendLine(`[onrecord] ${message}`);
}

async function openServerSetting(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', 'onrecord.server.path');
}

/** Asks the lenses and inlay hints of open documents to be fetched again. */
function refreshProviders(): void {
  const c = client;
  if (!c || !c.isRunning()) return;
  const lenses = c.getFeature('textDocument/codeLens');
  const hints = c.getFeature('textDocument/inlayHint');
  const seen = new Set<unknown>();
  for (const doc of vscode.workspace.textDocuments) {
    for (const shape of [lenses.getProvider(doc), hints.getProvider(doc)]) {
      if (!shape || seen.has(shape)) continue;
      seen.add(shape);
      if ('onDidChangeCodeLensEmitter' in shape) shape.onDidChangeCodeLensEmitter.fire();
      if ('onDidChangeInlayHints' in shape) shape.onDidChangeInlayHints.fire();
    }
  }
}

function locate(): Found | undefined {
  const root = workspaceRoot();
  const configured = vscode.workspace
    .getConfiguration(SECTION, root?.uri)
    .get<string>('server.path', '');
  const result = findServer({
    configured,
    extensionPath: context.extensionPath,
    workspaceRoot: root?.uri.scheme === 'file' ? root.uri.fsPath : undefined,
  });
  if (result.badSetting) {
    log(`onrecord.server.path: ${result.badSetting} is not a program that can be run`);
    if (reportedBadSetting !== result.badSetting) {
      reportedBadSetting = result.badSetting;
      const next = result.found ? ` Using ${result.found.path} instead.` : '';
      void vscode.window
        .showWarningMessage(
          `onrecord: the onrecord.server.path setting names ${result.badSetting}, which is not a program that can be run.${next}`,
          'Open Settings',
        )
        .then((pick) => (pick ? openServerSetting() : undefined));
    }
  }
  return result.found;
}

/**
 * Restarts a server that stopped on its own, up to 4 times in 3 minutes,
 * then says so once. The client's own pop-ups are replaced by lines in
 * the output and the status bar.
 */
function errorHandler(self: () => LanguageClient | undefined, everRan: () => boolean): ErrorHandler {
  const stops: number[] = [];
  return {
    error(error, _message, count) {
      log(`connection error: ${error.message}`);
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      // A server that never answered is reported by startClient.
      if (client !== self() || !everRan()) return { action: CloseAction.DoNotRestart, handled: true };
      const now = Date.now();
      while (stops.length > 0 && now - stops[0] > 3 * 60 * 1000) stops.shift();
      stops.push(now);
      if (stops.length <= 4) {
        log('the server stopped: starting it again');
        return { action: CloseAction.Restart, handled: true };
      }
      log('the server stopped 5 times in 3 minutes: not starting it again');
      status.error('the server keeps stopping');
      void vscode.window
        .showErrorMessage(
          'onrecord: the server stopped 5 times in 3 minutes and was not started again. "onrecord: Restart server" starts it.',
          'Show Output',
        )
        .then((pick) => (pick ? output.show(true) : undefined));
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

async function startClient(): Promise<void> {
  if (client) return;
  status.starting();
  const found = locate();
  if (!found) {
    status.noServer();
    log('cannot find the onrecord program: set onrecord.server.path, or put onrecord on PATH');
    if (!reportedMissing) {
      reportedMissing = true;
      void vscode.window
        .showErrorMessage(
          'onrecord: cannot find the onrecord program that checks quotations. Set its path in the onrecord.server.path setting, or put onrecord on PATH.',
          'Open Settings',
        )
        .then((pick) => (pick ? openServerSetting() : undefined));
    }
    return;
  }
  server = found;
  const root = workspaceRoot();
  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['serve'],
    options: root?.uri.scheme === 'file' ? { cwd: root.uri.fsPath } : undefined,
  };
  let c: LanguageClient | undefined = undefined;
  let ran = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    errorHandler: errorHandler(() => c, () => ran),
    initializationFailedHandler: (error) => {
      log(`the server did not initialize: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
    outputChannel: output,
    traceOutputChannel: output,
    // A function: a server restarted after a crash gets the settings of
    // that moment.
    initializationOptions: () => {
      const settings = currentSettings();
      initialSettings = settings;
      sentSettings = settings;
      return settings;
    },
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        if (refreshAfterCheck) {
          refreshAfterCheck = false;
          refreshProviders();
        }
      },
    },
  };
  c = new LanguageClient('onrecord', 'onrecord', serverOptions, clientOptions);
  c.onNotification('onrecord/status', (p: IndexStatus) => {
    if (client !== c) return;
    if (p.state === 'ready') {
      status.ready(p.quotations ?? 0, p.articles ?? 0);
      // Lenses and hints asked for while the corpus was read have no
      // sources: ask again (a repeat when the server asked already).
      refreshProviders();
    } else {
      status.indexing();
    }
  });
  c.onDidChangeState((e) => {
    if (client !== c) return;
    if (e.newState === ClientState.Running) ran = true;
    if (e.newState === ClientState.Starting) status.starting();
    if (e.newState === ClientState.Stopped && status.snapshot().state !== 'error') status.stopped();
  });
  client = c;
  log(`starting ${found.path} serve (from ${found.origin === 'PATH' ? 'PATH' : found.origin === 'bundled' ? 'the extension' : 'onrecord.server.path'})`);
  try {
    await c.start();
    if (status.snapshot().state === 'starting') status.indexing();
  } catch (e) {
    client = undefined;
    server = undefined;
    const message = e instanceof Error ? e.message : String(e);
    log(`the server did not start: ${message}`);
    status.error('the server did not start');
    if (!reportedStartError) {
      reportedStartError = true;
      void vscode.window
        .showErrorMessage(`onrecord: the server ${found.path} did not start: ${message}`, 'Show Output', 'Open Settings')
        .then((pick) => {
          if (pick === 'Show Output') output.show(true);
          if (pick === 'Open Settings') void openServerSetting();
        });
    }
    try {
      await c.dispose(2000);
    } catch {
      // Already gone.
    }
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  server = undefined;
  initialSettings = undefined;
  sentSettings = undefined;
  if (!c) return;
  try {
    await c.dispose(5000);
  } catch (e) {
    log(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
  }
  status.stopped();
}

function restart(): Promise<void> {
  return serialize(async () => {
    await stopClient();
    reportedStartError = false;
    await startClient();
  });
}

function onSettingsChanged(e: vscode.ConfigurationChangeEvent): Promise<void> | undefined {
  if (!e.affectsConfiguration(SECTION)) return undefined;
  if (e.affectsConfiguration(`${SECTION}.server.path`)) {
    log('onrecord.server.path changed: restarting the server');
    return restart();
  }
  return serialize(async () => {
    const c = client;
    if (!c || !c.isRunning()) return;
    const next = currentSettings();
    if (JSON.stringify(next) === JSON.stringify(sentSettings)) return;
    if (initialSettings && dropsInitialKey(initialSettings, next)) {
      // The server keeps the options it started with under later
      // settings: taking one back needs a new server.
      log('a setting the server started with was removed: restarting the server');
      await stopClient();
      await startClient();
      return;
    }
    sentSettings = next;
    // The server re-checks open drafts with the new settings, but does not
    // ask for the hints and lenses again: ask once the new diagnostics
    // arrive (and in any case a moment later).
    refreshAfterCheck = vscode.workspace.textDocuments.some((d) =>
      vscode.languages.match(DOCUMENT_SELECTOR, d) > 0,
    );
    setTimeout(refreshProviders, 1000);
    log(`settings: ${settingPaths(next).join(', ') || 'none set'}`);
    await c.sendNotification(DidChangeConfigurationNotification.type, { settings: next });
  });
}

function isPositionLike(v: unknown): v is { line: number; character: number } {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as { line?: unknown }).line === 'number' &&
    typeof (v as { character?: unknown }).character === 'number'
  );
}

/**
 * "Show other reporting": the places in the corpus (and other open drafts)
 * that carry the quotation at a position, in the references peek. Takes
 * the code lens's arguments (a URI string and an LSP position), a
 * `vscode.Uri` and `vscode.Position`, or nothing for the cursor. Returns
 * the locations.
 */
async function showSources(uriArg?: unknown, positionArg?: unknown): Promise<vscode.Location[] | undefined> {
  let uri: vscode.Uri;
  let position: vscode.Position;
  if ((typeof uriArg === 'string' || uriArg instanceof vscode.Uri) && isPositionLike(positionArg)) {
    uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
    position = new vscode.Position(positionArg.line, positionArg.character);
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('onrecord: open a draft and put the cursor on a quotation first.');
      return undefined;
    }
    uri = editor.document.uri;
    position = editor.selection.active;
  }
  const c = client;
  if (!c || !c.isRunning()) {
    void vscode.window.showWarningMessage('onrecord: the server is not running. Run "onrecord: Restart server".');
    return undefined;
  }
  const params: TextDocumentPositionParams = {
    textDocument: { uri: c.code2ProtocolConverter.asUri(uri) },
    position: c.code2ProtocolConverter.asPosition(position),
  };
  let result: LspLocation[] | null;
  try {
    result = await c.sendRequest<LspLocation[] | null>('onrecord/sources', params);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`onrecord: cannot list the other reporting: ${message}`);
    return undefined;
  }
  const locations = (await c.protocol2CodeConverter.asReferences(result ?? [])) ?? [];
  if (locations.length === 0) {
    void vscode.window.showInformationMessage('onrecord: no other article carries the quotation here.');
    return locations;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
  return locations;
}

export async function activate(ctx: vscode.ExtensionContext): Promise<OnrecordApi> {
  context = ctx;
  output = vscode.window.createOutputChannel('onrecord');
  status = new Status();
  ctx.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('onrecord.showSources', showSources),
    vscode.commands.registerCommand('onrecord.restartServer', async () => {
      log('restart requested');
      reportedMissing = false;
      await restart();
    }),
    vscode.commands.registerCommand('onrecord.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('onrecord.openServerSetting', openServerSetting),
    vscode.workspace.onDidChangeConfiguration(onSettingsChanged),
  );
  await serialize(startClient);
  return {
    status: () => status.snapshot(),
    serverPath: () => server?.path,
    serverSettings: () => sentSettings,
  };
}

export function deactivate(): Promise<void> {
  return serialize(stopClient);
}
