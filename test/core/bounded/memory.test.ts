// Memory in proportion to what is kept, not to what was sent: an 8.9 MB .docx whose statement is
// 31 MB of text is checked in a process that peaks under 512 MB, its answer cut with an issue.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { MAX_ANSWER_CHARACTERS } from '../../../src/core/forms/values';
import { secondaryMasterySpecialist } from '../../../scripts/samples/forms';
import { escapeText, type Xml } from '../../../scripts/word/docx-writer';

/** Paragraphs of words from a vocabulary, as long as asked: text that deflates about as prose does. */
function statement(characters: number): string[] {
  const vocabulary = Array.from(
    { length: 3000 },
    (_, i) => ((i * 7919) % 1_000_003).toString(36) + ['ing', 'tion', 'ed', 's', 'ly'][i % 5],
  );
  let seed = 7;
  const paragraphs: string[] = [];
  let words: string[] = [];
  let length = 0;
  let paragraphLength = 0;
  while (length < characters) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const word = vocabulary[seed % vocabulary.length]!;
    words.push(word);
    length += word.length + 1;
    paragraphLength += word.length + 1;
    if (paragraphLength > 20_000) {
      paragraphs.push(words.join(' '));
      words = [];
      paragraphLength = 0;
    }
  }
  paragraphs.push(words.join(' '));
  return paragraphs;
}

describe('a form with a 31 MB answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-intake-memory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is checked within 512 MB, the answer cut with an issue', () => {
    const paragraphs = statement(30.5 * 1024 * 1024);
    // One long run per paragraph, as Word writes text typed in one go.
    const bytes = secondaryMasterySpecialist(
      {
        schoolName: 'Ashfield Academy',
        applicantStatement: (w) => paragraphs.map((text) => w.p(`<w:r><w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>` as Xml)),
      },
      { seed: 'a 31 MB answer' },
    );
    expect(bytes.length / 1048576).toBeGreaterThan(8);
    expect(bytes.length / 1048576).toBeLessThan(10);
    expect(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!.length / 1048576).toBeGreaterThan(31);
    const path = join(dir, 'form.docx');
    writeFileSync(path, bytes);
    const tsx = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
    const out = JSON.parse(
      execFileSync(tsx, [join(__dirname, '..', '..', 'support', 'peak-rss.ts'), path], { encoding: 'utf8', maxBuffer: 1 << 20 }),
    );
    expect(out.formId).toBe('secondary-mastery-specialist-2018');
    expect(out.issues).toEqual(expect.arrayContaining(['answer-too-long', 'word-limit']));
    expect(out.statementLength).toBeLessThanOrEqual(MAX_ANSWER_CHARACTERS + 100);
    expect(out.peakMegabytes).toBeLessThan(512);
    if (process.env.MEMORY_SUMMARY) console.log(`peak ${Math.round(out.peakMegabytes)} MB for ${(bytes.length / 1048576).toFixed(1)} MB`);
  }, 120_000);
});
