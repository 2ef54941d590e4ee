// Every input a sender can grow costs time in proportion to its size: each adversarial input is read
// at size n and 2n, and the time may at most about double (a quadratic path would make it 4 times).
// A ratio, not an absolute time, and the least of several runs: the machine is shared and loaded.
import { ADVERSARIAL_INPUTS, growth } from '../../support/adversarial-inputs';

describe('time grows linearly with each adversarial input', () => {
  it.each(ADVERSARIAL_INPUTS.map((input) => [input.name, input] as const))('%s', (_name, input) => {
    // Each form input is read as its form, not refused early (which would time nothing).
    if (input.name.includes('box') || input.name.includes('label cell') || input.name.includes('paragraph'))
      expect(input.run(input.build(input.n))).toBe(1);
    let { ratio } = growth(input);
    // Two more looks before calling it quadratic: a loaded machine (parallel test workers) can slow
    // one side of a round; a quadratic path is about 4 on every look.
    for (let look = 0; look < 2 && ratio >= 3; look++) ratio = Math.min(ratio, growth(input).ratio);
    expect(ratio).toBeLessThan(3);
  });
});
