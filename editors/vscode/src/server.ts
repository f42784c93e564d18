// Finding the `onrecord` program: the `onrecord.server.path` setting, then
// the copy bundled in the extension, then `onrecord` on PATH.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type ServerOrigin = 'setting' | 'bundled' | 'PATH';

export interface Found {
  path: string;
  origin: ServerOrigin;
}

export interface Lookup {
  /** The `onrecord.server.path` setting, possibly empty. */
  configured: string;
  /** The extension's own folder. */
  extensionPath: string;
  /** The first workspace folder, for a relative `onrecord.server.path`. */
  workspaceRoot?: string;
  /** The PATH to search (defaults to the process's). */
  envPath?: string;
  platform?: NodeJS.Platform;
}

export interface LookupResult {
  found?: Found;
  /** Set when `onrecord.server.path` names no runnable file. */
  badSetting?: string;
}

export function exeName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'onrecord.exe' : 'onrecord';
}

export function isExecutable(file: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The setting's value as a path: `~` expanded, relative paths taken from the workspace root. */
export function resolveConfigured(configured: string, workspaceRoot?: string): string {
  let p = configured.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  if (!path.isAbsolute(p) && workspaceRoot) {
    p = path.join(workspaceRoot, p);
  }
  return p;
}

export function findServer(opts: Lookup): LookupResult {
  const platform = opts.platform ?? process.platform;
  const result: LookupResult = {};
  if (opts.configured.trim() !== '') {
    const p = resolveConfigured(opts.configured, opts.workspaceRoot);
    if (isExecutable(p, platform)) {
      result.found = { path: p, origin: 'setting' };
      return result;
    }
    result.badSetting = p;
  }
  const bundled = path.join(opts.extensionPath, 'server', exeName(platform));
  if (platform !== 'win32' && !isExecutable(bundled, platform)) {
    // An unpacker that dropped the executable bit.
    try {
      if (fs.statSync(bundled).isFile()) fs.chmodSync(bundled, 0o755);
    } catch {
      // Not bundled, or not ours to change.
    }
  }
  if (isExecutable(bundled, platform)) {
    result.found = { path: bundled, origin: 'bundled' };
    return result;
  }
  const envPath = opts.envPath ?? process.env.PATH ?? '';
  const delimiter = platform === 'win32' ? ';' : ':';
  for (const dir of envPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, exeName(platform));
    if (isExecutable(candidate, platform)) {
      result.found = { path: candidate, origin: 'PATH' };
      return result;
    }
  }
  return result;
}
