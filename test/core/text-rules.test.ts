// The text rules forms.md fixes, character by character: spaces and quotes, folding, label keys,
// word counts, trimming, and finding e-mail addresses in what a sender wrote.
import {
  countWords,
  findEmail,
  foldLines,
  foldWhitespace,
  labelKey,
  normalizeCharacters,
  replaceEmails,
  trimWhere,
} from '../../src/core/text';

describe('characters', () => {
  it('makes every kind of space a plain one, drops invisible characters, straightens quotes and line ends', () => {
    for (const space of ['\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u202f', '\u205f', '\u3000', '\t', '\f', '\v']) {
      expect([space.codePointAt(0), normalizeCharacters(`a${space}b`)]).toEqual([space.codePointAt(0), 'a b']);
    }
    expect(normalizeCharacters('a\u200bb\u200c\u200d\u2060c\ufeff\u00add')).toBe('abcd');
    expect(normalizeCharacters('\u2018a\u2019 \u201ab\u201b c\u2032')).toBe("'a' 'b' c'");
    expect(normalizeCharacters('\u201ca\u201d \u201eb\u201f c\u2033')).toBe('"a" "b" c"');
    expect(normalizeCharacters('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    const plain = 'Plain ASCII, kept as it is.\nTwo lines.';
    expect(normalizeCharacters(plain)).toBe(plain);
  });

  it('folds white space to single spaces, or line by line keeping the lines', () => {
    expect(foldWhitespace('  a \u00a0 b\n\n c\t ')).toBe('a b c');
    expect(foldLines(' 1  High Street \r\n\r\n  Town\u00a0 \n\n')).toBe('1 High Street\nTown');
    expect(foldLines('\n\n')).toBe('');
  });

  it('compares labels by their letters and digits, "&" as "and" and "e-mail" as "email"', () => {
    expect(labelKey('  Head Teacher’s E-mail & Phone (Yes/No): ')).toBe('head teacher s email and phone yes no');
    expect(labelKey('URN—123')).toBe('urn 123');
  });
});

describe('counting words', () => {
  it('counts runs holding a letter or a digit, in any script, split by any white space', () => {
    expect(countWords('one two  three')).toBe(3);
    expect(countWords('a\tb\nc\rd\ve\ff')).toBe(6);
    expect(countWords('word\u00a0word\u2003word\u3000word')).toBe(4);
    expect(countWords('0 9 a z A Z')).toBe(6);
    expect(countWords('- – … ! ? / @ [ ` {')).toBe(0);
    expect(countWords('über straße 日本 ٣')).toBe(4);
    expect(countWords('— é')).toBe(1);
    expect(countWords('well-known, re-use; e.g. 3.5')).toBe(4);
    expect(countWords('')).toBe(0);
    expect(countWords(' x')).toBe(1);
  });
});

describe('trimming', () => {
  const dot = (c: string) => c === '.';
  it('trims what it is told at the ends it is told, and gives back the same string when there is nothing to trim', () => {
    expect(trimWhere('..a.b..', dot)).toBe('a.b');
    expect(trimWhere('..a.b..', dot, 'start')).toBe('a.b..');
    expect(trimWhere('..a.b..', dot, 'end')).toBe('..a.b');
    expect(trimWhere('....', dot)).toBe('');
    expect(trimWhere('....', dot, 'end')).toBe('');
    expect(trimWhere('', dot)).toBe('');
    const same = 'a.b';
    expect(trimWhere(same, dot)).toBe(same);
  });
});

describe('finding e-mail addresses', () => {
  it('finds the whole address from its @ outwards, the first at or after a position', () => {
    expect(findEmail('Mrs Jane Smith, J.Smith@school.org.uk')).toEqual({ address: 'J.Smith@school.org.uk', index: 16 });
    expect(findEmail("o'brien+hub@x-y.sch.uk.")).toEqual({ address: "o'brien+hub@x-y.sch.uk", index: 0 });
    expect(findEmail('a@b.co and c@d.co', 1)).toEqual({ address: 'c@d.co', index: 11 });
    expect(findEmail('@b.co x@y')).toBeUndefined();
    expect(findEmail('name@localhost')).toBeUndefined();
    expect(findEmail('name@-bad.com')).toBeUndefined();
    expect(findEmail('(jsmith@x.sch.uk)')).toEqual({ address: 'jsmith@x.sch.uk', index: 1 });
    // A second @ ends the first local part: "a@b@c.uk" holds b@c.uk.
    expect(findEmail('a@b@c.uk')).toEqual({ address: 'b@c.uk', index: 2 });
  });

  it('replaces every address, and gives back the text itself when it holds none', () => {
    expect(replaceEmails('From a@b.co, cc c@d.co.', '[address]')).toBe('From [address], cc [address].');
    expect(replaceEmails('a@b.co', 'X')).toBe('X');
    const none = 'no address here';
    expect(replaceEmails(none, 'X')).toBe(none);
  });
});
