// Builds the extension and packs it into a .vsix, with the onrecord server
// program inside it when one is at hand.
//
//   npm run package                        bundles $ONRECORD_BIN, else ../../target/release/onrecord
//   npm run package -- --server PATH       bundles PATH
//   npm run package -- --no-server         no program inside: the extension uses onrecord.server.path or PATH
//   npm run package -- --out FILE.vsix     where to write the package
//
// A package with the program inside is for one platform (vsce --target,
// for example linux-x64): VS Code refuses to install it on another.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);

function option(name) {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (!value || value.startsWith('--')) {
    console.error(`package: ${name} needs a value`);
    process.exit(2);
  }
  return value;
}

function run(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: ${what} failed`);
    process.exit(r.status ?? 1);
  }
}

/** VS Code's name for this machine's platform, as vsce --target takes it. */
function target() {
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  if (!arch || !platform) return undefined;
  if (platform === 'linux' && existsSync('/etc/alpine-release')) return `alpine-${arch}`;
  return `${platform}-${arch}`;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const exe = process.platform === 'win32' ? 'onrecord.exe' : 'onrecord';
const serverDir = join(root, 'server');

let binary;
if (!argv.includes('--no-server')) {
  binary = option('--server') ?? process.env.ONRECORD_BIN;
  if (binary) {
    binary = resolve(binary);
    if (!existsSync(binary) || !statSync(binary).isFile()) {
      console.error(`package: no server program at ${binary}`);
      process.exit(2);
    }
  } else {
    const built = resolve(root, '../../target/release', exe);
    if (existsSync(built)) binary = built;
  }
}

run([join(root, 'scripts/build.mjs'), '--production'], 'the build');

rmSync(serverDir, { recursive: true, force: true });
// Relative links stay relative: the README's picture is inside the package.
const vsceArgs = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
let name = `${manifest.name}-${manifest.version}.vsix`;
if (binary) {
  mkdirSync(serverDir, { recursive: true });
  copyFileSync(binary, join(serverDir, exe));
  chmodSync(join(serverDir, exe), 0o755);
  const t = target();
  if (t) {
    vsceArgs.push('--target', t);
    name = `${manifest.name}-${t}-${manifest.version}.vsix`;
  }
  console.log(`package: bundling ${binary}${t ? ` for ${t}` : ''}`);
} else {
  console.log('package: no server program bundled (set ONRECORD_BIN or build target/release/onrecord to bundle one)');
}
const out = resolve(option('--out') ?? join(root, name));
vsceArgs.push('--out', out);

run([join(root, 'node_modules/@vscode/vsce/vsce'), ...vsceArgs], 'vsce package');
console.log(`package: ${out}`);
