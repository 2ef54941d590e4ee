// File and folder names SharePoint refuses are refused by the store as Graph refuses them
// (400 invalidRequest, innerError nameContainsInvalidCharacters or pathIsTooLong), by every way a
// file gets a name: simple upload, upload session, new folder. Names SharePoint accepts still work.
import { SITE, startStore, type Api } from './helpers';

let api: Api;
beforeAll(async () => {
  api = await startStore();
});
afterAll(() => api.dispose());

const put = (name: string, folder = '') =>
  api.send('PUT', `${SITE}/drive/root:/${folder}${encodeURIComponent(name)}:/content`, 'form bytes', {
    'Content-Type': 'application/octet-stream',
  });

const REFUSED: [string, string][] = [
  ['Application_vti_form.docx', '_vti_ in the middle'],
  ['_vti_cnf', '_vti_ at the start'],
  ['CON', 'bare CON'],
  ['prn', 'bare PRN, lower case'],
  ['Aux', 'bare AUX'],
  ['NUL', 'bare NUL'],
  ['COM1', 'COM1'],
  ['com9', 'COM9'],
  ['LPT1', 'LPT1'],
  ['desktop.ini', 'desktop.ini'],
  ['.lock', '.lock'],
  ['~$Application form.docx', 'a leading ~$ (Office lock files)'],
  ['Application form.', 'a trailing dot'],
  ['Application form.docx ', 'a trailing space'],
  [' Application form.docx', 'a leading space'],
  ...['"', '*', '<', '>', '?', '\\', '|'].map((c): [string, string] => [`Form ${c} St Mary.docx`, `the character ${c}`]),
  ['Form\u0007bell.docx', 'a control character'],
];

describe('names SharePoint refuses', () => {
  test.each(REFUSED)('%p (%s) is 400 nameContainsInvalidCharacters, and nothing is stored', async (name) => {
    const r = await put(name);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalidRequest');
    expect(r.json.error.innerError.code).toBe('nameContainsInvalidCharacters');
    if (name.includes('St Mary')) expect(r.json.error.message).not.toContain('St Mary'); // the rule, never the (possibly personal) name
    const listing = await api.call('GET', `${SITE}/drive/root/children`);
    expect((listing.json.value as { name: string }[]).map((i) => i.name)).not.toContain(name);
  });

  test("a ':' in a name is refused too (Graph reads %3A as the path's ':' delimiter)", async () => {
    const r = await put('Form : St Mary.docx');
    expect(r.status).toBe(400);
    const listing = await api.call('GET', `${SITE}/drive/root/children`);
    expect((listing.json.value as { name: string }[]).map((i) => i.name)).not.toContain('Form : St Mary.docx');
  });

  test('a / inside a name cannot be smuggled in percent-encoded: it is a folder separator', async () => {
    const r = await api.send('PUT', `${SITE}/drive/root:/Applications%2F..%2F..%2Fescape.docx:/content`, 'x', {
      'Content-Type': 'application/octet-stream',
    });
    expect(r.status).toBe(400);
    expect(r.json.error.innerError.code).toBe('nameContainsInvalidCharacters');
  });

  test('an upload session and a new folder are refused the same way', async () => {
    const session = await api.call('POST', `${SITE}/drive/root:/${encodeURIComponent('~$draft.docx')}:/createUploadSession`, {});
    expect(session.status).toBe(400);
    expect(session.json.error.innerError.code).toBe('nameContainsInvalidCharacters');
    const folder = await api.call('POST', `${SITE}/drive/root/children`, { name: 'COM1', folder: {} });
    expect(folder.status).toBe(400);
    expect(folder.json.error.innerError.code).toBe('nameContainsInvalidCharacters');
    const inFolder = await put('form.docx', `${encodeURIComponent('Applications_vti_')}/`);
    expect(inFolder.status).toBe(400);
    const listing = await api.call('GET', `${SITE}/drive/root/children`);
    expect((listing.json.value as { name: string }[]).map((i) => i.name)).not.toContain('Applications_vti_');
  });

  test('a path over 400 characters is 400 pathIsTooLong; exactly 400 is stored', async () => {
    // sites/hub-intake/Shared Documents/ is 34 characters; the folder and file make up the rest.
    const prefix = 'sites/hub-intake/Shared Documents/';
    const folder = 'F'.repeat(200);
    const fits = `${'n'.repeat(400 - prefix.length - folder.length - 1 - 5)}.docx`;
    expect(`${prefix}${folder}/${fits}`).toHaveLength(400);
    expect((await put(fits, `${folder}/`)).status).toBe(201);
    const tooLong = await put(`n${fits}`, `${folder}/`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.innerError.code).toBe('pathIsTooLong');
    const session = await api.call('POST', `${SITE}/drive/root:/${folder}/${`n${fits}`}:/createUploadSession`, {});
    expect(session.status).toBe(400);
    expect(session.json.error.innerError.code).toBe('pathIsTooLong');
  });
});

describe('names SharePoint accepts', () => {
  test.each([
    'Application form – St Mary’s C of E (2024).docx',
    'CON.docx',
    'Form~$copy.docx',
    'com10',
    'ÉCOLE ÉLÉMENTAIRE #3 & 50% off {draft}.docx',
  ])('%p is stored', async (name) => {
    const r = await put(name);
    expect(r.status).toBe(201);
    expect(r.json.name).toBe(name);
  });
});
