// Unit tests of the settings mapping (no VS Code needed): npm test
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropsInitialKey, mergeScopes, settingPaths, toServerSettings } from '../src/settings';

function from(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

test('nothing set maps to an empty layer', () => {
  assert.deepEqual(toServerSettings(from({})), { onrecord: {} });
});

test('every setting maps to the server key', () => {
  const s = toServerSettings(
    from({
      'corpus.paths': ['sources', 'wire'],
      'corpus.exclude': ['drafts/'],
      'check.severity': { misquote: 'error', 'unknown-quote': 'off' },
      'check.minWords': 6,
      'check.debounceMs': 300,
      'inlayHints.enabled': false,
    }),
  );
  assert.deepEqual(s, {
    onrecord: {
      corpus: { paths: ['sources', 'wire'], exclude: ['drafts/'] },
      check: {
        severity: { misquote: 'error', 'unknown-quote': 'off' },
        min_words: 6,
        debounce_ms: 300,
        inlay_hints: false,
      },
    },
  });
});

test('unknown codes, bad severities and wrong types are left out', () => {
  const s = toServerSettings(
    from({
      'corpus.paths': 'sources',
      'check.severity': { misquote: 'loud', 'no-such-code': 'error', 'unattributed-quote': 'hint' },
      'check.minWords': 'four',
      'inlayHints.enabled': 'yes',
    }),
  );
  assert.deepEqual(s, { onrecord: { check: { severity: { 'unattributed-quote': 'hint' } } } });
});

test('numbers are rounded and kept in range', () => {
  const s = toServerSettings(from({ 'check.minWords': 0, 'check.debounceMs': 99999.4 }));
  assert.deepEqual(s.onrecord.check, { min_words: 1, debounce_ms: 10000 });
});

test('an empty corpus path list is sent as set', () => {
  assert.deepEqual(toServerSettings(from({ 'corpus.paths': [] })).onrecord.corpus, { paths: [] });
});

test('setting paths name every leaf', () => {
  assert.deepEqual(
    settingPaths({ onrecord: { corpus: { paths: ['a'] }, check: { severity: { misquote: 'off' }, min_words: 3 } } }),
    ['onrecord.corpus.paths', 'onrecord.check.severity.misquote', 'onrecord.check.min_words'],
  );
});

test('a key the server started with and that is gone needs a restart', () => {
  const initial = toServerSettings(from({ 'check.severity': { misquote: 'error' }, 'check.minWords': 5 }));
  const changed = toServerSettings(from({ 'check.severity': { misquote: 'hint' }, 'check.minWords': 5 }));
  const added = toServerSettings(from({ 'check.severity': { misquote: 'error', 'unknown-quote': 'off' }, 'check.minWords': 5 }));
  const removed = toServerSettings(from({ 'check.minWords': 5 }));
  assert.equal(dropsInitialKey(initial, changed), false);
  assert.equal(dropsInitialKey(initial, added), false);
  assert.equal(dropsInitialKey(initial, removed), true);
  assert.equal(dropsInitialKey({ onrecord: {} }, removed), false);
});

test('scopes merge objects key by key, innermost last', () => {
  assert.equal(mergeScopes([undefined, undefined, undefined]), undefined);
  assert.equal(mergeScopes([4, undefined, 6]), 6);
  assert.deepEqual(mergeScopes([['a'], ['b']]), ['b']);
  assert.deepEqual(
    mergeScopes([{ misquote: 'error', 'unknown-quote': 'off' }, { misquote: 'hint' }, undefined]),
    { misquote: 'hint', 'unknown-quote': 'off' },
  );
});
