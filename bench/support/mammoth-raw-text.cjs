// The yardstick for bench/cli.bench.ts: mammoth's raw-text extraction of every .docx in a folder,
// one after the other, as one whole Node process. Prints how many forms and characters it read.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const mammoth = require('mammoth');

async function main(dir) {
  let forms = 0;
  let chars = 0;
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.docx'))
    .sort()) {
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(join(dir, name)) });
    forms += 1;
    chars += value.length;
  }
  process.stdout.write(`${forms} forms, ${chars} characters\n`);
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
