// QuickXorHash as SharePoint computes it: published input/output pairs (the vectors OneDrive
// clients check against), from no bytes to more than the 160-byte register wraps, whole and in pieces.
import { QuickXorHasher, quickXorHash } from '../../src/core/quickxor';

const VECTORS: [input: string, hash: string][] = [
  ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
  ['n6Neh7p6fFgm', 'nxiFFw6hCz3wAQsmCQAAAAAAAAA='],
  ['T6LYJIfDh81JrAK309H2JMJTXis=', 'zBTHrspn3mEcohlJdIUAbjGNaNg='],
  [
    'PfxMcUd0vIW6VbHG/uj/Y0W6qEoKmyBD0nYebEKazKaKG+UaDqBEcmQjbfQeVnVLuodMoPp7P7TR1htX5n2VnkHh22xDyoJ8C/ZQKiSNqQfXvh83judf4RVr9exJCud8Uvgip6aVZTaPrJHVjQhMCp/dEnGvqg0oN5OVkM2qqAXvA0teKUDhgNM71sDBVBCGXxNOR2bpbD1iM4dnuT0ey4L+loXEHTL0fqMeUcEi2asgImnlNakwenDzz0x57aBwyq3AspCFGB1ncX4yYCr/OaCcS5OKi/00WH+wNQU3',
    'QX/YEpG0gDsmhEpCdWhsxDzsfVE=',
  ],
];
const bytes = (base64: string) => Uint8Array.from(Buffer.from(base64, 'base64'));

test.each(VECTORS.map(([input, hash]) => [bytes(input).length, input, hash] as const))('%i bytes hash as published', (_n, input, hash) => {
  expect(quickXorHash(bytes(input))).toBe(hash);
});

test('the same in pieces of every size', () => {
  const [input, hash] = VECTORS[VECTORS.length - 1]!;
  const data = bytes(input);
  for (const size of [1, 7, 64, 159, 160, 161]) {
    const hasher = new QuickXorHasher();
    for (let at = 0; at < data.length; at += size) hasher.update(data.subarray(at, at + size));
    expect([size, hasher.digest()]).toEqual([size, hash]);
  }
});
