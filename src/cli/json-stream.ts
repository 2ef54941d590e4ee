// One JSON array on stdout, written element by element as each is made, so a run over thousands
// of emails holds one report at a time. The text is byte for byte JSON.stringify(array, null, 2).
import type { Writable } from 'node:stream';

export interface JsonArrayWriter {
  push(value: unknown): Promise<void>;
  end(): Promise<void>;
}

export function jsonArrayWriter(out: Pick<Writable, 'write' | 'once'> = process.stdout): JsonArrayWriter {
  let count = 0;
  // Waits for the pipe to drain when it is full, so memory stays flat however slow the reader.
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  return {
    push(value) {
      const element = JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
      return write(`${count++ ? ',\n' : '[\n'}  ${element}`);
    },
    end() {
      return write(count ? '\n]\n' : '[]\n');
    },
  };
}
