// Reading request bodies with a cap. A JSON body is read into memory, up to a limit (Graph's own
// is 4 MB); an upload's bytes (beyond one piece) are streamed to a file on disk as they arrive (with backpressure) and
// read back in pieces, so four 60 MiB fragments at once cost disk, not memory. A body over its
// limit is refused by its Content-Length before any of it is read, or as soon as it passes the
// limit; the rest is then discarded unread, so the refusal can still be answered.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PIECE_BYTES, type Content } from './context';

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
  constructor(
    readonly limit: number,
    /** The size the request declared, when it declared one. */
    readonly declared: number | null,
  ) {
    super(`The request body is larger than the ${limit} bytes this endpoint accepts.`);
  }
}

/** The declared Content-Length, or null (chunked or absent); a malformed value counts as too large. */
function declaredLength(req: http.IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  return /^\d+$/.test(header) ? Number(header) : Number.POSITIVE_INFINITY;
}

/** Feeds the body to `take` chunk by chunk (waiting for it before reading on), stopping at `limit` bytes. */
function consume(req: http.IncomingMessage, limit: number, take: (chunk: Buffer) => void | Promise<void>): Promise<number> {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) return Promise.reject(new BodyTooLarge(limit, declared));
  return new Promise((resolve, reject) => {
    let size = 0;
    let failed = false;
    let pending: Promise<void> = Promise.resolve(); // the chunk being taken; 'end' waits for it
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      req.off('data', onData);
      req.resume(); // discard the rest; the refusal is answered once the body is read and thrown away
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(new BodyTooLarge(limit, declared));
      const taken = take(chunk);
      if (taken) {
        req.pause();
        pending = taken.then(() => {
          if (!failed) req.resume();
        });
        pending.catch(fail);
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      pending.then(() => {
        if (!failed) resolve(size);
      }, fail);
    });
    req.once('error', fail);
    req.once('aborted', () => fail(new Error('The client went away.')));
  });
}

/** Reads a whole body into memory, refusing one over `limit` bytes. */
export async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const size = await consume(req, limit, (chunk) => void chunks.push(chunk));
  return Buffer.concat(chunks, size);
}

/** An upload's bytes in a file of their own, deleted by dispose(). */
export interface SpooledContent extends Content {
  dispose(): void;
}

/** Streams a body to a new file under `dir`, refusing one over `limit` bytes. */
export async function spoolBody(req: http.IncomingMessage, limit: number, dir: string): Promise<SpooledContent> {
  const file = path.join(dir, randomUUID());
  const dispose = () => fs.rmSync(file, { force: true });
  let size: number;
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'wx', 0o600);
    const out = handle;
    size = await consume(req, limit, async (chunk) => {
      await out.write(chunk);
    });
  } catch (error) {
    await handle?.close();
    dispose();
    throw error;
  }
  await handle.close();
  return {
    size,
    *pieces() {
      const fd = fs.openSync(file, 'r');
      try {
        for (let at = 0; at < size;) {
          const piece = Buffer.allocUnsafe(Math.min(PIECE_BYTES, size - at));
          const read = fs.readSync(fd, piece, 0, piece.length, at);
          if (read <= 0) break;
          at += read;
          yield read === piece.length ? piece : piece.subarray(0, read);
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    dispose,
  };
}
