// Builds the command line into plain JavaScript, dist-cli/hub-intake.mjs and its chunks, that
// bin/hub-intake.cjs runs with Node: no TypeScript at run time, and nothing from devDependencies.
// Run by `npm run build:cli`, by `prepare` (so `npm install` and `npm ci` build it) and before the
// tests (jest's globalSetup), which run the CLI as users do.
//
// Everything is bundled except better-sqlite3, a native module loaded from node_modules (it is a
// dependency). src/cli/main.ts imports each command's modules when the command runs; as ES modules
// split into chunks, those stay separate files, so `hub-intake --help` reads and compiles little.
const { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist-cli');

// The bundled code is CommonJS-minded (require, __dirname); ES modules have neither, so each
// file defines them for itself.
const PRELUDE = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  "import { dirname as __pathDirname } from 'node:path';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  'const __dirname = __pathDirname(__filename);',
].join(' ');

async function buildCli() {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    // `npm install --omit=dev` runs prepare without the dev dependencies: keep what was built.
    process.stderr.write('build-cli: esbuild (a dev dependency) is not installed; dist-cli is left as it is.\n');
    return;
  }
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { 'hub-intake': 'src/cli/main.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    external: ['better-sqlite3'],
    banner: { js: PRELUDE },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    write: false,
    outdir: OUT,
    logLevel: 'warning',
  });
  // Written in a folder of its own and swapped in, so that old chunks go and a CLI started
  // meanwhile never reads half a build.
  const fresh = `${OUT}.${process.pid}.new`;
  const old = `${OUT}.${process.pid}.old`;
  rmSync(fresh, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    const path = join(fresh, file.path.slice(OUT.length + 1));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(fresh, OUT);
  rmSync(old, { recursive: true, force: true });
}

module.exports = buildCli;

if (require.main === module) {
  buildCli().catch((error) => {
    process.stderr.write(`build-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
