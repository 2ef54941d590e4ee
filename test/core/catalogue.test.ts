import { CatalogueError, loadCatalogue } from '../../src/core/catalogue';

const good = {
  id: 'hub-own-form-2026',
  title: 'Our Own Programme – Application Form',
  programme: 'Our Own Programme',
  fields: [{ key: 'schoolName', label: 'Name of school', type: 'text' }],
};
const bad = { id: 'Not An Id', title: 'x', programme: 'x' };

describe('loadCatalogue with a hub’s own templates', () => {
  it('adds a valid template beside the built-in ones', () => {
    const catalogue = loadCatalogue([{ data: good, source: 'Form Templates/1' }]);
    expect(catalogue.templates.map((t) => t.id)).toContain('hub-own-form-2026');
    expect(catalogue.templates.length).toBe(loadCatalogue().templates.length + 1);
  });

  it('refuses an invalid template when no one is told of it', () => {
    expect(() => loadCatalogue([{ data: bad, source: 'folder/bad.json' }])).toThrow(CatalogueError);
  });

  it('leaves an invalid template out, and says which, when asked to go on', () => {
    const invalid: string[] = [];
    const catalogue = loadCatalogue(
      [
        { data: bad, source: 'Form Templates/7' },
        { data: good, source: 'Form Templates/8' },
      ],
      { onInvalid: (e) => invalid.push(e.message) },
    );
    expect(catalogue.templates.map((t) => t.id)).toContain('hub-own-form-2026');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatch(/^Template Form Templates\/7 is not valid/);
  });
});
