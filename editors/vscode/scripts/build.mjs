// Type-checks the extension and bundles it into dist/extension.js.
//   node scripts/build.mjs              type-check, then a bundle with a source map
//   node scripts/build.mjs --production type-check, then a minified bundle without one
//   node scripts/build.mjs --watch      rebuild on change (no type-check)
//   node scripts/build.mjs --tests      also bundle test/*.test.ts into dist/test/
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

if (!watch) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) {
    console.error('build: type errors');
    process.exit(1);
  }
}

rmSync(join(root, 'dist'), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
};

const extension = {
  ...common,
  entryPoints: [join(root, 'src/extension.ts')],
  outfile: join(root, 'dist/extension.js'),
  minify: production,
  sourcemap: production ? false : 'linked',
};

if (watch) {
  const ctx = await esbuild.context(extension);
  await ctx.watch();
  console.log('build: watching src/');
} else {
  await esbuild.build(extension);
  if (args.has('--tests')) {
    const tests = readdirSync(join(root, 'test'))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(root, 'test', f));
    await esbuild.build({ ...common, entryPoints: tests, outdir: join(root, 'dist/test') });
  }
  console.log(`build: dist/extension.js${production ? ' (production)' : ''}`);
}
