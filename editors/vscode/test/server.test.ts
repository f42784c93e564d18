// Unit tests of the server lookup (no VS Code needed): npm test
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { findServer, resolveConfigured } from '../src/server';

const dir = mkdtempSync(join(tmpdir(), 'onrecord-lookup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function program(path: string, mode = 0o755): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

const ext = join(dir, 'ext');
const bundled = program(join(ext, 'server', 'onrecord'));
const onPath = program(join(dir, 'bin', 'onrecord'));
const custom = program(join(dir, 'custom', 'onrecord-dev'));
const notExecutable = program(join(dir, 'plain', 'onrecord'), 0o644);
const linux = { platform: 'linux' as NodeJS.Platform };

test('the setting comes first', () => {
  const r = findServer({ configured: custom, extensionPath: ext, envPath: join(dir, 'bin'), ...linux });
  assert.deepEqual(r, { found: { path: custom, origin: 'setting' } });
});

test('a relative setting is taken from the workspace root', () => {
  const r = findServer({ configured: 'custom/onrecord-dev', extensionPath: ext, workspaceRoot: dir, ...linux });
  assert.deepEqual(r.found, { path: custom, origin: 'setting' });
});

test('then the bundled program', () => {
  const r = findServer({ configured: '', extensionPath: ext, envPath: join(dir, 'bin'), ...linux });
  assert.deepEqual(r, { found: { path: bundled, origin: 'bundled' } });
});

test('then PATH, skipping files that cannot run', () => {
  const r = findServer({
    configured: '',
    extensionPath: join(dir, 'no-ext'),
    envPath: ['', join(dir, 'plain'), join(dir, 'bin')].join(':'),
    ...linux,
  });
  assert.deepEqual(r, { found: { path: onPath, origin: 'PATH' } });
});

test('a setting that names no program is reported, and the lookup goes on', () => {
  const r = findServer({ configured: notExecutable, extensionPath: ext, ...linux });
  assert.equal(r.badSetting, notExecutable);
  assert.deepEqual(r.found, { path: bundled, origin: 'bundled' });
});

test('a bundled program that lost its executable bit gets it back', () => {
  const ext2 = join(dir, 'ext2');
  const p = program(join(ext2, 'server', 'onrecord'), 0o644);
  const r = findServer({ configured: '', extensionPath: ext2, envPath: '', ...linux });
  assert.deepEqual(r.found, { path: p, origin: 'bundled' });
});

test('nothing found', () => {
  const r = findServer({ configured: '', extensionPath: join(dir, 'no-ext'), envPath: join(dir, 'none'), ...linux });
  assert.deepEqual(r, {});
});

test('~ is the home folder', () => {
  assert.ok(!resolveConfigured('~/bin/onrecord').startsWith('~'));
  assert.equal(resolveConfigured('/abs/onrecord', '/ws'), '/abs/onrecord');
});
