// Files in document libraries: simple upload with conflictBehavior, upload sessions, downloads, hashes.
import { quickXorHash } from '../../src/store';
import { expectGraphError, SITE, startStore, type Api } from './helpers';

let api: Api;
let driveId: string;
const LIMIT = 64 * 1024;

beforeAll(async () => {
  api = await startStore({ simpleUploadLimitBytes: LIMIT });
  driveId = (await api.call('GET', `${SITE}/drive`)).json.id;
});
afterAll(async () => {
  await api.dispose();
});

describe('QuickXorHash', () => {
  // Reference vectors published with rclone's quickxorhash package (checked against Microsoft's C# implementation).
  test.each([
    ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
    ['tbQ=', 'taAFAAAAAAAAAAAAAgAAAAAAAAA='],
    ['2fuxhBJXtpWFe8dOfdGeHw==', 'O9tHLAghgSvYohKFyMMxnNCHaHg='],
    ['T6LYJIfDh81JrAK309H2JMJTXis=', 'zBTHrspn3mEcohlJdIUAbjGNaNg='],
  ])('base64 input %p', (input, expected) => {
    expect(quickXorHash(Buffer.from(input, 'base64'))).toBe(expected);
  });
});

describe('simple upload', () => {
  test('PUT …:/content creates the file (201) and its folders, then replaces it (200) by default', async () => {
    const first = await api.send('PUT', `/drives/${driveId}/items/root:/Applications/2024/Ashfield form.docx:/content`, 'first version');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      id: expect.stringMatching(/^01[A-Z2-7]{32}$/),
      name: 'Ashfield form.docx',
      size: 13,
      eTag: expect.stringMatching(/^"\{[0-9A-F-]{36}\},1"$/),
      cTag: expect.stringMatching(/^"c:\{[0-9A-F-]{36}\},1"$/),
      webUrl: `${api.origin}/sites/hub-intake/Shared%20Documents/Applications/2024/Ashfield%20form.docx`,
      file: {
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        hashes: { quickXorHash: quickXorHash(Buffer.from('first version')) },
      },
      parentReference: { driveId, path: `/drives/${driveId}/root:/Applications/2024` },
    });
    const second = await api.send('PUT', `${SITE}/drive/root:/Applications/2024/Ashfield form.docx:/content`, 'second version!');
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ id: first.json.id, size: 15, eTag: expect.stringMatching(/,2"$/) });

    const folder = await api.call('GET', `/drives/${driveId}/root:/Applications/2024`);
    expect(folder.json).toMatchObject({ name: '2024', folder: { childCount: 1 } });
    const children = await api.call('GET', `/drives/${driveId}/items/${folder.json.id}/children`);
    expect(children.json.value.map((c: { name: string }) => c.name)).toEqual(['Ashfield form.docx']);
  });

  test('conflictBehavior=fail is 409 nameAlreadyExists; rename keeps both', async () => {
    const p = `/drives/${driveId}/root:/conflicts/note.txt:/content`;
    expect((await api.send('PUT', p, 'one')).status).toBe(201);
    expectGraphError(await api.send('PUT', `${p}?@microsoft.graph.conflictBehavior=fail`, 'two'), 409, 'nameAlreadyExists');
    const renamed = await api.send('PUT', `${p}?@microsoft.graph.conflictBehavior=rename`, 'three');
    expect(renamed.status).toBe(201);
    expect(renamed.json.name).toBe('note 1.txt');
    const replaced = await api.send('PUT', `${p}?@microsoft.graph.conflictBehavior=replace`, 'four');
    expect(replaced.status).toBe(200);
    expectGraphError(await api.send('PUT', `${p}?@microsoft.graph.conflictBehavior=sometimes`, 'x'), 400, 'invalidRequest');
  });

  test('reading: by path, by id, 404 itemNotFound, content via a 302 to a download URL', async () => {
    const up = await api.send('PUT', `${SITE}/drive/root:/read/me.pdf:/content`, Buffer.from('%PDF-1.7 bytes'));
    const byPath = await api.call('GET', `/drives/${driveId}/items/root:/read/me.pdf`);
    expect(byPath.json.id).toBe(up.json.id);
    const byId = await api.call('GET', `/drives/${driveId}/items/${up.json.id}`);
    expect(byId.json).toMatchObject({ name: 'me.pdf', file: { mimeType: 'application/pdf' } });
    expectGraphError(await api.call('GET', `/drives/${driveId}/items/root:/read/missing.pdf`), 404, 'itemNotFound');
    expectGraphError(await api.call('GET', `/drives/${driveId}/items/01NOSUCHITEM`), 404, 'itemNotFound');
    const content = await api.call('GET', `/drives/${driveId}/items/${up.json.id}/content`);
    expect(content.status).toBe(302);
    const location = content.headers.get('location')!;
    expect(location).toBe(byId.json['@microsoft.graph.downloadUrl']);
    const bytes = await fetch(location);
    expect(Buffer.from(await bytes.arrayBuffer()).toString()).toBe('%PDF-1.7 bytes');
    const followed = await fetch(`${api.g.url}/drives/${driveId}/root:/read/me.pdf:/content`);
    expect(await followed.text()).toBe('%PDF-1.7 bytes');
  });

  test(`a simple upload above simpleUploadLimitBytes (${LIMIT}) is refused with 413`, async () => {
    const r = await api.send('PUT', `/drives/${driveId}/root:/big.bin:/content`, Buffer.alloc(LIMIT + 1));
    expect(r.status).toBe(413);
    expect(r.json.error.innerError.code).toBe('maxFileSizeExceeded');
  });

  test('DELETE removes an item; POST …/children creates a folder', async () => {
    const folder = await api.call('POST', `/drives/${driveId}/root/children`, {
      name: 'Made',
      folder: {},
      '@microsoft.graph.conflictBehavior': 'fail',
    });
    expect(folder.status).toBe(201);
    expectGraphError(await api.call('POST', `/drives/${driveId}/root/children`, { name: 'Made', folder: {} }), 409, 'nameAlreadyExists');
    expect((await api.call('DELETE', `/drives/${driveId}/items/${folder.json.id}`)).status).toBe(204);
    expectGraphError(await api.call('GET', `/drives/${driveId}/items/${folder.json.id}`), 404, 'itemNotFound');
  });

  test('a list drive and the drives/{id} form address the same library', async () => {
    const lib = await api.call('POST', `${SITE}/lists`, { displayName: 'Evidence Library', list: { template: 'documentLibrary' } });
    const libDrive = await api.call('GET', `${SITE}/lists/${lib.json.id}/drive`);
    const put = await api.send('PUT', `${SITE}/lists/${lib.json.id}/drive/root:/e.txt:/content`, 'evidence');
    expect(put.status).toBe(201);
    expect(put.json.webUrl).toBe(`${api.origin}/sites/hub-intake/Evidence%20Library/e.txt`);
    const read = await api.call('GET', `/drives/${libDrive.json.id}/root:/e.txt`);
    expect(read.json.id).toBe(put.json.id);
    expectGraphError(await api.call('GET', `/drives/${driveId}/root:/e.txt`), 404, 'itemNotFound');
  });
});

describe('upload sessions', () => {
  const file = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 251));
  const range = (a: number, b: number) => ({ 'Content-Range': `bytes ${a}-${b}/${file.length}`, 'Content-Length': String(b - a + 1) });

  test('three chunks, with an out-of-order chunk refused with 416, complete with 201 and the right bytes', async () => {
    const created = await api.call('POST', `/drives/${driveId}/items/root:/sessions/large.pdf:/createUploadSession`, {
      item: { '@microsoft.graph.conflictBehavior': 'replace' },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      uploadUrl: expect.stringMatching(new RegExp(`^${api.origin}/_upload/`)),
      expirationDateTime: expect.any(String),
      nextExpectedRanges: ['0-'],
    });
    const uploadUrl = created.json.uploadUrl as string;
    expect(uploadUrl).not.toContain('/v1.0/');

    const c1 = await api.send('PUT', uploadUrl, file.subarray(0, 1000), range(0, 999));
    expect(c1.status).toBe(202);
    expect(c1.json.nextExpectedRanges).toEqual(['1000-']);

    const skipped = await api.send('PUT', uploadUrl, file.subarray(2000), range(2000, 2999));
    expectGraphError(skipped, 416, 'invalidRange');
    expect(skipped.json.error.innerError.code).toBe('fragmentOutOfOrder');
    const overlap = await api.send('PUT', uploadUrl, file.subarray(500, 1500), range(500, 1499));
    expectGraphError(overlap, 416, 'invalidRange');

    const status = await api.call('GET', uploadUrl);
    expect(status.json.nextExpectedRanges).toEqual(['1000-']);

    const c2 = await api.send('PUT', uploadUrl, file.subarray(1000, 2000), range(1000, 1999));
    expect(c2.status).toBe(202);
    const c3 = await api.send('PUT', uploadUrl, file.subarray(2000), range(2000, 2999));
    expect(c3.status).toBe(201);
    expect(c3.json).toMatchObject({ name: 'large.pdf', size: 3000, file: { hashes: { quickXorHash: quickXorHash(file) } } });

    const bytes = Buffer.from(await (await fetch(`${api.g.url}/drives/${driveId}/items/${c3.json.id}/content`)).arrayBuffer());
    expect(bytes.equals(file)).toBe(true);
    expectGraphError(await api.call('GET', uploadUrl), 404, 'itemNotFound');

    // A second session onto the same path replaces the file: 200 with the same id.
    const again = await api.call('POST', `/drives/${driveId}/items/root:/sessions/large.pdf:/createUploadSession`, {
      item: { '@microsoft.graph.conflictBehavior': 'replace' },
    });
    const whole = await api.send('PUT', again.json.uploadUrl, file, range(0, 2999));
    expect(whole.status).toBe(200);
    expect(whole.json.id).toBe(c3.json.id);
  });

  test('the default conflictBehavior of a session is fail; DELETE cancels; a wrong Content-Range is refused', async () => {
    await api.send('PUT', `/drives/${driveId}/root:/sessions/taken.txt:/content`, 'x');
    expectGraphError(
      await api.call('POST', `/drives/${driveId}/root:/sessions/taken.txt:/createUploadSession`, {}),
      409,
      'nameAlreadyExists',
    );

    const created = await api.call('POST', `${SITE}/drive/root:/sessions/cancel.txt:/createUploadSession`);
    const uploadUrl = created.json.uploadUrl as string;
    expectGraphError(await api.send('PUT', uploadUrl, file.subarray(0, 10), { 'Content-Range': 'bytes 0-19/3000' }), 400, 'invalidRequest');
    expectGraphError(await api.send('PUT', uploadUrl, file.subarray(0, 10)), 400, 'invalidRequest');
    expect((await api.send('PUT', uploadUrl, file.subarray(0, 10), range(0, 9))).status).toBe(202);
    expectGraphError(
      await api.send('PUT', uploadUrl, file.subarray(10, 20), { 'Content-Range': 'bytes 10-19/4000' }),
      400,
      'invalidRequest',
    );
    expect((await api.call('DELETE', uploadUrl)).status).toBe(204);
    expectGraphError(await api.send('PUT', uploadUrl, file.subarray(10, 20), range(10, 19)), 404, 'itemNotFound');
    expectGraphError(await api.call('GET', `/drives/${driveId}/root:/sessions/cancel.txt`), 404, 'itemNotFound');
  });

  test('the uploadUrl works when the Graph JS SDK appends it to the base URL, and upload URL requests are counted for bearer tokens', async () => {
    const before = api.g.stats().authorization;
    const created = await api.call(
      'POST',
      `/drives/${driveId}/root:/sessions/sdk.bin:/createUploadSession`,
      {},
      { Authorization: 'Bearer test-token' },
    );
    // What @microsoft/microsoft-graph-client builds from an http:// uploadUrl: <baseUrl>/v1.0/<uploadUrl>.
    const mangled = `${api.g.url}/${created.json.uploadUrl}`;
    const done = await api.send('PUT', mangled, file.subarray(0, 100), { 'Content-Range': 'bytes 0-99/100' });
    expect(done.status).toBe(201);
    const after = api.g.stats().authorization;
    expect(after.bearer).toBe(before.bearer + 1);
    expect(after.uploadUrlRequests).toBe(before.uploadUrlRequests + 1);
    expect(after.uploadUrlWithAuthorization).toBe(before.uploadUrlWithAuthorization);
    await api.send(
      'PUT',
      (await api.call('POST', `/drives/${driveId}/root:/sessions/leak.bin:/createUploadSession`, {})).json.uploadUrl,
      'ab',
      {
        'Content-Range': 'bytes 0-1/2',
        Authorization: 'Bearer leaked',
      },
    );
    expect(api.g.stats().authorization.uploadUrlWithAuthorization).toBe(before.uploadUrlWithAuthorization + 1);
  });
});
