// The extension's settings as the server reads them.
//
// VS Code keys (`onrecord.check.minWords`) and the server's keys
// (`check.min_words`, as in `onrecord.toml`) differ, so the client sends
// the mapped object, both as `initializationOptions` and in
// `workspace/didChangeConfiguration`. Only the settings a person set are
// sent: a value left at its default must not hide the one in the
// workspace's `onrecord.toml`.

export const CODES = [
  'unattributed-quote',
  'misquote',
  'misattributed-quote',
  'unknown-quote',
] as const;

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;

export type Code = (typeof CODES)[number];
export type Severity = (typeof SEVERITIES)[number];

export interface ServerSettings {
  onrecord: {
    corpus?: { paths?: string[]; exclude?: string[] };
    check?: {
      severity?: Partial<Record<Code, Severity>>;
      min_words?: number;
      inlay_hints?: boolean;
      debounce_ms?: number;
    };
  };
}

/**
 * Reads one setting under `onrecord.` (for example `check.minWords`), as
 * the person set it: `undefined` when no scope sets it. Object settings
 * come merged over the scopes that set them.
 */
export type ExplicitSetting = (key: string) => unknown;

function stringArray(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter((x): x is string => typeof x === 'string');
}

function integer(v: unknown, min: number, max: number): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return Math.min(max, Math.max(min, Math.round(v)));
}

/** The server's settings object for the settings a person set. */
export function toServerSettings(get: ExplicitSetting): ServerSettings {
  const corpus: NonNullable<ServerSettings['onrecord']['corpus']> = {};
  const check: NonNullable<ServerSettings['onrecord']['check']> = {};

  const paths = stringArray(get('corpus.paths'));
  if (paths) corpus.paths = paths;
  const exclude = stringArray(get('corpus.exclude'));
  if (exclude) corpus.exclude = exclude;

  const sev = get('check.severity');
  if (sev && typeof sev === 'object' && !Array.isArray(sev)) {
    const out: Partial<Record<Code, Severity>> = {};
    for (const code of CODES) {
      const value = (sev as Record<string, unknown>)[code];
      if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) {
        out[code] = value as Severity;
      }
    }
    if (Object.keys(out).length > 0) check.severity = out;
  }

  const minWords = integer(get('check.minWords'), 1, 1000);
  if (minWords !== undefined) check.min_words = minWords;
  const debounce = integer(get('check.debounceMs'), 0, 10000);
  if (debounce !== undefined) check.debounce_ms = debounce;
  const hints = get('inlayHints.enabled');
  if (typeof hints === 'boolean') check.inlay_hints = hints;

  const settings: ServerSettings = { onrecord: {} };
  if (Object.keys(corpus).length > 0) settings.onrecord.corpus = corpus;
  if (Object.keys(check).length > 0) settings.onrecord.check = check;
  return settings;
}

/** Every key path that a settings object sets, such as `check.severity.misquote`. */
export function settingPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return prefix ? [prefix] : [];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out.push(...settingPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return out;
}

/**
 * Whether `next` leaves out a key that `initial` (the initialization
 * options the server started with) set. The server keeps its
 * initialization options as a layer under later settings, so a key can
 * only be taken back by starting the server again.
 */
export function dropsInitialKey(initial: ServerSettings, next: ServerSettings): boolean {
  const now = new Set(settingPaths(next));
  return settingPaths(initial).some((k) => !now.has(k));
}

/** Merges the values of one setting over VS Code's scopes, innermost last. */
export function mergeScopes(values: unknown[]): unknown {
  let out: unknown = undefined;
  for (const v of values) {
    if (v === undefined || v === null) continue;
    if (
      typeof v === 'object' &&
      !Array.isArray(v) &&
      out &&
      typeof out === 'object' &&
      !Array.isArray(out)
    ) {
      out = { ...(out as object), ...(v as object) };
    } else {
      out = v;
    }
  }
  return out;
}
