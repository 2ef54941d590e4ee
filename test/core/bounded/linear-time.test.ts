// Every input a sender can grow costs time in proportion to its size: each adversarial input is read
// at size n and 2n, and the time may at most about double (a quadratic path would make it 4 times).
// A ratio, not an absolute time, and the least of several runs: the machine is shared and loaded.
import { ADVERSARIAL_INPUTS, type AdversarialInput } from '../../support/adversarial-inputs';

/** Milliseconds one run takes, averaged over enough runs to fill 15 ms (shorter runs are all noise). */
function timeOf(input: AdversarialInput, bytes: Uint8Array): number {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    input.run(bytes);
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < 15);
  return elapsed / runs;
}

/** The growth of time when the input doubles: the least time of four rounds at each size, after a warm-up. */
export function growth(input: AdversarialInput): { ratio: number; small: number; large: number } {
  const small = input.build(input.n);
  const large = input.build(input.n * 2);
  input.run(small);
  let smallest = Infinity;
  let largest = Infinity;
  for (let round = 0; round < 4; round++) {
    smallest = Math.min(smallest, timeOf(input, small));
    largest = Math.min(largest, timeOf(input, large));
  }
  return { ratio: largest / smallest, small: smallest, large: largest };
}

describe('time grows linearly with each adversarial input', () => {
  it.each(ADVERSARIAL_INPUTS.map((input) => [input.name, input] as const))('%s', (_name, input) => {
    let { ratio } = growth(input);
    // One more look before calling it quadratic: a loaded machine can slow one side of a round.
    if (ratio >= 3) ratio = Math.min(ratio, growth(input).ratio);
    expect(ratio).toBeLessThan(3);
  });
});
