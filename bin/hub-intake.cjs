#!/usr/bin/env node
// The hub-intake command: the CLI compiled to JavaScript in dist-cli (scripts/build-cli.cjs, run
// by `npm install`), so it needs only Node and the dependencies, not TypeScript or tsx.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist-cli', 'hub-intake.mjs');
if (!existsSync(entry)) {
  process.stderr.write('hub-intake: the command line is not built: run `npm install` or `npm run build:cli` in the project folder.\n');
  process.exitCode = 1;
} else {
  import(entry).catch((error) => {
    process.stderr.write(`hub-intake: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
