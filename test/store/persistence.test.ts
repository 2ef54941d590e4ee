// Restart persistence: what was acknowledged is still there after a clean restart and after kill -9.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, startLocalStore } from '../../src/store';
import { StoreDatabase } from '../../src/store/db';
import { openDatabase } from '../../src/store/sqlite';
import { apiFor, createList, SITE, startStore, tempDataDir } from './helpers';

const withoutPort = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'ORIGIN'));

test('close and start again on the same dataDir: same lists, items, ids, eTags and files', async () => {
  const first = await startStore();
  const listId = await createList(first, 'Persisted', [
    { name: 'Urn', number: {} },
    { name: 'Status', choice: { choices: ['New', 'Filed'] } },
  ]);
  const columns = (await first.call('GET', `${SITE}/lists/${listId}/columns`)).json.value as { id: string; name: string }[];
  await first.call('PATCH', `${SITE}/lists/${listId}/columns/${columns.find((c) => c.name === 'Urn')!.id}`, { indexed: true });
  for (let i = 1; i <= 3; i++)
    await first.call('POST', `${SITE}/lists/${listId}/items`, { fields: { Title: `Item ${i}`, Urn: 100 + i, Status: 'New' } });
  await first.call('PATCH', `${SITE}/lists/${listId}/items/2/fields`, { Status: 'Filed' });
  await first.call('DELETE', `${SITE}/lists/${listId}/items/3`);
  const small = await first.send('PUT', `${SITE}/drive/root:/kept/small.txt:/content`, 'small file');
  const bigBytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
  const session = await first.call('POST', `${SITE}/drive/root:/kept/big.bin:/createUploadSession`, {});
  await first.send('PUT', session.json.uploadUrl, bigBytes.subarray(0, 2500), { 'Content-Range': 'bytes 0-2499/5000' });
  const pending = await first.call('POST', `${SITE}/drive/root:/kept/pending.bin:/createUploadSession`, {});
  await first.send('PUT', pending.json.uploadUrl, bigBytes.subarray(0, 1000), { 'Content-Range': 'bytes 0-999/5000' });
  await first.send('PUT', session.json.uploadUrl, bigBytes.subarray(2500), { 'Content-Range': 'bytes 2500-4999/5000' });

  const snapshot = async (api: typeof first) => ({
    lists: (await api.call('GET', `${SITE}/lists?$expand=columns`)).json.value,
    items: (await api.call('GET', `${SITE}/lists/${listId}/items?$expand=fields`)).json.value,
    small: (await api.call('GET', `${SITE}/drive/root:/kept/small.txt`)).json,
    big: (await api.call('GET', `${SITE}/drive/root:/kept/big.bin`)).json,
  });
  const before = await snapshot(first);
  expect(before.items.map((i: { id: string }) => i.id)).toEqual(['1', '2']);
  await first.g.close();

  const db = openDatabase(path.join(first.dataDir, DATABASE_FILE));
  try {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  } finally {
    db.close();
  }

  const second = apiFor(await startLocalStore({ port: 0, dataDir: first.dataDir }), first.dataDir);
  try {
    const after = await snapshot(second);
    expect(withoutPort(after)).toEqual(withoutPort(before));
    expect(after.items[1].eTag).toMatch(/,2"$/);
    expect(after.small.id).toBe(small.json.id);
    const bytes = Buffer.from(
      await (await fetch(`${second.g.url}/drives/${after.big.parentReference.driveId}/items/${after.big.id}/content`)).arrayBuffer(),
    );
    expect(bytes.equals(bigBytes)).toBe(true);
    // Numbering continues after the highest id ever used (3 was deleted).
    const next = await second.call('POST', `${SITE}/lists/${listId}/items`, { fields: { Title: 'Item 4' } });
    expect(next.json.id).toBe('4');
    // An upload session in progress survives too (its URL path is the same; the port may differ).
    const resumed = `${second.origin}${new URL(pending.json.uploadUrl).pathname}`;
    expect((await second.call('GET', resumed)).json.nextExpectedRanges).toEqual(['1000-']);
    const done = await second.send('PUT', resumed, bigBytes.subarray(1000), { 'Content-Range': 'bytes 1000-4999/5000' });
    expect(done.status).toBe(201);
  } finally {
    await second.dispose();
  }
});

test('kill -9 after acknowledged writes loses nothing', async () => {
  const dataDir = tempDataDir();
  const script = path.join(dataDir, '..', `${path.basename(dataDir)}-child.cjs`);
  fs.writeFileSync(
    script,
    `const { startLocalStore } = require(process.argv[2]);
     startLocalStore({ port: 0, dataDir: process.argv[3] }).then((g) => process.stdout.write('READY ' + g.url + '\\n'));`,
  );
  const storeModule = path.resolve(__dirname, '../../src/store');
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script, storeModule, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`child exited early: ${out}`)));
    });
    const call = async (method: string, p: string, body: unknown) => {
      const r = await fetch(`${url}${p}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, json: (await r.json()) as Record<string, any> }; // parsed JSON of any Graph resource
    };
    const list = await call('POST', `${SITE}/lists`, {
      displayName: 'Durable',
      columns: [{ name: 'N', number: {} }],
      list: { template: 'genericList' },
    });
    expect(list.status).toBe(201);
    const acknowledged: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const r = await call('POST', `${SITE}/lists/${list.json.id}/items`, { fields: { Title: `Durable ${i}`, N: i } });
      expect(r.status).toBe(201);
      acknowledged.push(r.json.eTag as string);
    }
    const patched = await call('PATCH', `${SITE}/lists/${list.json.id}/items/10/fields`, { N: 100 });
    acknowledged[9] = patched.json['@odata.etag'] as string;

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const reopened = apiFor(await startLocalStore({ port: 0, dataDir }), dataDir);
    try {
      const all = await reopened.call('GET', `${SITE}/lists/Durable/items?$expand=fields`);
      expect(all.json.value.map((i: { eTag: string }) => i.eTag)).toEqual(acknowledged);
      expect(all.json.value[9].fields.N).toBe(100);
    } finally {
      await reopened.dispose();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(script, { force: true });
  }
});

test('the parsed items a query reads stay what the file holds: after writes, a failed transaction and a delete', () => {
  const dir = tempDataDir();
  const db = new StoreDatabase(dir);
  const list = db.createList({ displayName: 'Cached', name: 'Cached', description: '', template: 'genericList', columns: [] });
  const fromFile = () => {
    const fresh = new StoreDatabase(dir);
    try {
      return fresh.items(list.id).map((i) => [i.id, i.version, i.fields]);
    } finally {
      fresh.close();
    }
  };
  expect(db.items(list.id)).toEqual([]);
  db.insertItem(list.id, { Title: 'one' });
  db.transaction(() => db.insertItem(list.id, { Title: 'two' }));
  db.updateItem(list.id, 1, { Title: 'one, changed' });
  // A request that fails after writing leaves neither the file nor the items read next changed.
  expect(() =>
    db.transaction(() => {
      db.insertItem(list.id, { Title: 'three' });
      db.updateItem(list.id, 2, { Title: 'two, changed' });
      throw new Error('the request failed');
    }),
  ).toThrow('the request failed');
  expect(db.items(list.id).map((i) => [i.id, i.version, i.fields])).toEqual([
    [1, 2, { Title: 'one, changed' }],
    [2, 1, { Title: 'two' }],
  ]);
  expect(db.items(list.id).map((i) => [i.id, i.version, i.fields])).toEqual(fromFile());
  db.rewriteItemFields(list.id, 2, { Title: 'two, rewritten' });
  db.deleteItem(list.id, 1);
  db.insertItem(list.id, { Title: 'four' });
  expect(db.items(list.id).map((i) => [i.id, i.fields.Title])).toEqual([
    [2, 'two, rewritten'],
    [3, 'four'], // the failed transaction's id was never taken,
  ]);
  expect(db.items(list.id).map((i) => [i.id, i.version, i.fields])).toEqual(fromFile());
  db.deleteList(list.id);
  expect(db.items(list.id)).toEqual([]);
  db.close();
});
