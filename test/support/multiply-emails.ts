// A large mailbox for tests and the bench: the sample emails copied over and over, each copy with a
// fresh Message-ID (and nothing else changed), written to a folder the caller owns (a temp folder).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MESSAGE_ID = /^Message-ID:[ \t]*(?:\r?\n[ \t]+)?<[^>\r\n]*>/im;

/** The email with its Message-ID replaced. */
export function withMessageId(eml: Buffer, messageId: string): Buffer {
  const text = eml.toString('latin1');
  if (!MESSAGE_ID.test(text)) throw new Error('The email has no Message-ID header.');
  return Buffer.from(text.replace(MESSAGE_ID, `Message-ID: <${messageId}>`), 'latin1');
}

/** Writes `count` emails into `outDir` (copies of the .eml files in `sourceDir`, in turn); returns their Message-IDs in order. */
export function multiplyEmails(sourceDir: string, outDir: string, count: number, tag = 'copy'): string[] {
  const sources = readdirSync(sourceDir)
    .filter((f) => /\.eml$/i.test(f))
    .sort()
    .map((f) => readFileSync(join(sourceDir, f)));
  mkdirSync(outDir, { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${tag}-${String(i).padStart(6, '0')}@hub-intake.test`;
    writeFileSync(join(outDir, `${String(i).padStart(6, '0')}.eml`), withMessageId(sources[i % sources.length]!, id));
    ids.push(`<${id}>`);
  }
  return ids;
}
