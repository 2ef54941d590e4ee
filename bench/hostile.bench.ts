// npm run bench: how long each hostile attachment takes to be refused, and the memory it costs.
import { readDocx } from '../src/core/docx/read-docx';
import { HOSTILE_FILES } from '../test/support/hostile-files';
import { ADVERSARIAL_INPUTS, growth } from '../test/support/adversarial-inputs';

console.log('\nHostile attachments: time to a report, and growth of the heap and buffers while reading.\n');
console.log('input'.padEnd(58), 'bytes'.padStart(10), 'result'.padStart(22), 'time'.padStart(10), 'memory'.padStart(10));
let worst = 0;
for (const file of HOSTILE_FILES) {
  const bytes = file.build();
  global.gc?.();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  const result = readDocx(bytes, file.limits);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const after = process.memoryUsage();
  const grown = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1048576;
  worst = Math.max(worst, ms);
  const code = result.ok ? 'READ (unexpected)' : result.error.code;
  console.log(
    file.name.padEnd(58),
    String(bytes.length).padStart(10),
    code.padStart(22),
    `${ms.toFixed(1)} ms`.padStart(10),
    `${Math.max(0, grown).toFixed(1)} MB`.padStart(10),
  );
}
console.log(`\nSlowest hostile input: ${worst.toFixed(1)} ms.`);

// Inputs a sender can grow at will: time at size n and 2n (least of four rounds), and the growth.

console.log('\nAdversarial inputs, doubled: time at n and at 2n, and the ratio (linear ≈ 2, quadratic ≈ 4).\n');
console.log('input'.padEnd(45), 'n'.padStart(10), 'time n'.padStart(10), 'time 2n'.padStart(10), 'ratio'.padStart(7));
let slowest = { name: '', ms: 0 };
let steepest = { name: '', ratio: 0 };
for (const input of ADVERSARIAL_INPUTS) {
  const { ratio, small, large } = growth(input);
  if (large > slowest.ms) slowest = { name: input.name, ms: large };
  if (ratio > steepest.ratio) steepest = { name: input.name, ratio };
  console.log(
    input.name.padEnd(45),
    String(input.n).padStart(10),
    `${small.toFixed(1)} ms`.padStart(10),
    `${large.toFixed(1)} ms`.padStart(10),
    ratio.toFixed(2).padStart(7),
  );
}
console.log(
  `\nSlowest adversarial input: ${slowest.name}, ${slowest.ms.toFixed(1)} ms at 2n. Steepest growth: ${steepest.name}, ×${steepest.ratio.toFixed(2)} for ×2.`,
);
