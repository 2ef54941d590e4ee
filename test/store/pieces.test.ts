// Files are stored, hashed and sent in pieces of at most 1 MiB, and uploads are spooled to disk:
// what goes in comes out byte for byte, with SharePoint's hash, whatever the fragment boundaries,
// and a data directory from before pieces still serves its files.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, quickXorHash } from '../../src/store';
import { QuickXorHasher } from '../../src/core/quickxor';
import { openDatabase } from '../../src/store/sqlite';
import { SITE, startStore, tempDataDir, type Api } from './helpers';

const MiB = 1024 * 1024;

test('QuickXorHash over pieces equals the hash of the whole, at any boundaries', () => {
  const bytes = randomBytes(3 * 160 + 77);
  for (const cuts of [[1], [159, 160, 161], [7, 300, 301, 500], [bytes.length]]) {
    const hasher = new QuickXorHasher();
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      hasher.update(bytes.subarray(at, Math.max(at, cut)));
      at = Math.max(at, cut);
    }
    expect(hasher.digest()).toBe(quickXorHash(bytes));
  }
});

describe('files in pieces', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startStore();
  });
  afterAll(() => api.dispose());

  test('an upload session in fragments that do not fall on piece boundaries comes back whole, with its hash', async () => {
    const bytes = randomBytes(2 * MiB + 777_777);
    const session = await api.call('POST', `${SITE}/drive/root:/Applications/large form.docx:/createUploadSession`, {});
    const uploadUrl = session.json.uploadUrl as string;
    let last: Awaited<ReturnType<typeof api.send>> | undefined;
    for (let start = 0; start < bytes.length; start += 1_000_003) {
      const end = Math.min(start + 1_000_003, bytes.length) - 1;
      last = await api.send('PUT', uploadUrl, bytes.subarray(start, end + 1), { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` });
    }
    expect(last!.status).toBe(201);
    expect(last!.json.size).toBe(bytes.length);
    expect(last!.json.file.hashes.quickXorHash).toBe(quickXorHash(bytes));
    const download = await api.send('GET', last!.json['@microsoft.graph.downloadUrl'] as string, undefined);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-length')).toBe(String(bytes.length));
    expect(download.bytes.equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.join(api.dataDir, 'incoming'))).toEqual([]); // spooled fragments are gone
  });

  test('a simple upload is replaced in pieces too, and HEAD sends no body', async () => {
    const first = await api.send('PUT', `${SITE}/drive/root:/replaced.bin:/content`, randomBytes(3 * MiB + 5), {
      'Content-Type': 'application/octet-stream',
    });
    expect(first.status).toBe(201);
    const second = randomBytes(MiB - 1);
    const replaced = await api.send('PUT', `${SITE}/drive/root:/replaced.bin:/content`, second, {
      'Content-Type': 'application/octet-stream',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.size).toBe(second.length);
    const url = replaced.json['@microsoft.graph.downloadUrl'] as string;
    expect((await api.send('GET', url, undefined)).bytes.equals(second)).toBe(true);
    const head = await api.send('HEAD', url, undefined);
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
  });
});

test('a data directory whose files were stored whole (before pieces) still serves them', async () => {
  const dataDir = tempDataDir();
  const bytes = randomBytes(100_000);
  let api = await startStore({ dataDir });
  const put = await api.send('PUT', `${SITE}/drive/root:/old.docx:/content`, bytes, { 'Content-Type': 'application/octet-stream' });
  const id = put.json.id as string;
  await api.g.close();
  // What an earlier version wrote: the bytes in drive_items.content, no pieces.
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  db.prepare('DELETE FROM file_pieces WHERE item_id = ?').run(id);
  db.prepare('UPDATE drive_items SET content = ? WHERE id = ?').run(bytes, id);
  db.close();
  api = await startStore({ dataDir });
  try {
    const download = await api.send('GET', `${api.origin}/_download/${id}`, undefined);
    expect(download.bytes.equals(bytes)).toBe(true);
  } finally {
    await api.dispose();
  }
});
