// Naming a hub as schools write it in the form's Maths Hub box: with or without "Maths Hub",
// abbreviated, or inside a longer answer.
import { findHub } from '../../src/core/catalogue/hubs';
import { loadCatalogue } from '../../src/core/catalogue';
import type { Hub } from '../../src/core/catalogue';

const { hubs } = loadCatalogue();
const named = (text: string) => findHub(text, hubs)?.name;
const hub = (name: string, aliases: string[] = []): Hub => ({ name, region: 'Test', leadSchool: 'A School', aliases });

describe('findHub', () => {
  it.each([
    ['GLOW Maths Hub', 'GLOW Maths Hub'],
    ['glow', 'GLOW Maths Hub'],
    ['The GLOW Hub', 'GLOW Maths Hub'],
    ['GLOW Mathematics Hub', 'GLOW Maths Hub'],
    ['glow math hubs', 'GLOW Maths Hub'],
    ['Cornwall & West Devon', 'Cornwall and West Devon Maths Hub'],
    ['NW2', 'North West Two Maths Hub'],
    ['North West 3 Maths Hub', 'North West Three Maths Hub'],
    ['Matrix', 'Matrix Essex and Herts Maths Hub'],
  ])('%s is %s', (text, hub) => {
    expect(named(text)).toBe(hub);
  });

  it.each([
    ['GLOW (Gloucestershire)', 'GLOW Maths Hub'],
    ['Archimedes NE, Darlington', 'Archimedes NE Maths Hub'],
    ['Our hub is Enigma, we think', 'Enigma Maths Hub'],
  ])('finds the name as whole words inside a longer answer: %s', (text, hub) => {
    expect(named(text)).toBe(hub);
  });

  it('takes the longest name found, not the first: London Central and West is not Central', () => {
    expect(named('London Central and West Maths Hub (Harris Academy)')).toBe('London Central and West Maths Hub');
    expect(named('Central Maths Hub, Birmingham')).toBe('Central Maths Hub');
  });

  it('keeps the longer name found first when a shorter one comes later in the list', () => {
    const list = [hub('Kent and Medway Maths Hub'), hub('Medway Maths Hub')];
    expect(findHub('Kent and Medway', list)).toBe(list[0]);
    expect(findHub('Medway, Kent and Medway Maths Hub', list)).toBe(list[0]);
  });

  it('takes the first of two names of one length', () => {
    const list = [hub('North Maths Hub'), hub('South Maths Hub')];
    expect(findHub('North or South', list)).toBe(list[0]);
    expect(findHub('South or North', list)).toBe(list[0]);
  });

  it('matches whole words only, and words in their order', () => {
    expect(named('Glowing reports')).toBeUndefined();
    expect(named('Centralised')).toBeUndefined();
    expect(findHub('Medway and Kent', [hub('Kent and Medway Maths Hub')])).toBeUndefined();
    // Words run together are another word: "Archimedes NE" is not "ArchimedesNE".
    expect(findHub('ArchimedesNE', [hub('Archimedes NE Maths Hub')])).toBeUndefined();
  });

  it('names no hub for an empty answer or one of noise words only', () => {
    expect(named('')).toBeUndefined();
    expect(named('The Maths Hub')).toBeUndefined();
    expect(named('mathematics')).toBeUndefined();
    // Not even a hub whose own name is noise words only.
    expect(findHub('The Maths Hub', [hub('The Maths Hub')])).toBeUndefined();
    expect(findHub('Maths', [hub('Maths Hub', ['The Hub'])])).toBeUndefined();
  });

  it("drops each noise word from the hub's name", () => {
    for (const noise of ['the', 'maths', 'math', 'mathematics', 'hub', 'hubs'])
      expect(findHub('Solent', [hub('Sussex'), hub(`${noise} Solent ${noise}`)])?.name).toBe(`${noise} Solent ${noise}`);
    // "the" inside a hub's own name counts as noise too: "Yorkshire and the Humber" is "yorkshire and humber".
    expect(named('Yorkshire and Humber')).toBe('Yorkshire and the Humber Maths Hub');
  });

  it('an alias names its hub inside a longer answer', () => {
    expect(named('We are in BBO (Bucks, Berks and Oxon)')).toBe('Bucks, Berks and Oxon Maths Hub');
    expect(named('Enigma Maths Hub')).not.toBe(named('Cambridge Maths Hub'));
  });
});
