// The status bar item: what the server is doing, then the size of the
// indexed corpus.

import * as vscode from 'vscode';

export type State = 'starting' | 'indexing' | 'ready' | 'stopped' | 'no-server' | 'error';

export interface StatusSnapshot {
  state: State;
  text: string;
  tooltip: string;
  quotations?: number;
  articles?: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export class Status implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private snap: StatusSnapshot = { state: 'stopped', text: '', tooltip: '' };

  constructor() {
    this.item = vscode.window.createStatusBarItem('onrecord.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'onrecord';
    this.starting();
    this.item.show();
  }

  snapshot(): StatusSnapshot {
    return { ...this.snap };
  }

  private set(s: StatusSnapshot, command: string, error = false): void {
    this.snap = s;
    this.item.text = s.text;
    this.item.tooltip = s.tooltip;
    this.item.command = command;
    this.item.backgroundColor = error
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : undefined;
  }

  starting(): void {
    this.set(
      {
        state: 'starting',
        text: '$(loading~spin) onrecord',
        tooltip: 'onrecord: starting the server',
      },
      'onrecord.showOutput',
    );
  }

  indexing(detail?: string): void {
    this.set(
      {
        state: 'indexing',
        text: `$(loading~spin) onrecord: indexing${detail ? ` ${detail}` : ''}`,
        tooltip: 'onrecord: reading the source articles',
      },
      'onrecord.showOutput',
    );
  }

  ready(quotations: number, articles: number): void {
    this.set(
      {
        state: 'ready',
        text: `$(quote) ${plural(quotations, 'quotation', 'quotations')}`,
        tooltip:
          `onrecord: ${plural(quotations, 'quotation', 'quotations')} in ` +
          `${plural(articles, 'source article', 'source articles')}. Click to show the server output.`,
        quotations,
        articles,
      },
      'onrecord.showOutput',
    );
  }

  stopped(): void {
    this.set(
      {
        state: 'stopped',
        text: '$(circle-slash) onrecord',
        tooltip: 'onrecord: the server is not running. Click to show the output; "onrecord: Restart server" starts it again.',
      },
      'onrecord.showOutput',
    );
  }

  noServer(): void {
    this.set(
      {
        state: 'no-server',
        text: '$(error) onrecord',
        tooltip: 'onrecord: cannot find the onrecord program. Click to set onrecord.server.path.',
      },
      'onrecord.openServerSetting',
      true,
    );
  }

  error(message: string): void {
    this.set(
      {
        state: 'error',
        text: '$(error) onrecord',
        tooltip: `onrecord: ${message}. Click to show the output.`,
      },
      'onrecord.showOutput',
      true,
    );
  }

  dispose(): void {
    this.item.dispose();
  }
}
