import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import { AppError } from '../../errors';

const tooLarge = (max: number) => new AppError('payload_too_large', `The file is larger than the limit of ${max} bytes.`, 413);

/**
 * Streams a request body into a temporary file, never into memory, and stops at `maxBytes`. Importing
 * from the file afterwards means an oversized upload is refused before a single row is ingested (413 and
 * nothing written), while a large file still needs only constant memory. Call `cleanup()` when done.
 */
export async function spoolBody(req: Request, maxBytes: number): Promise<{ path: string; bytes: number; cleanup: () => Promise<void> }> {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw tooLarge(maxBytes);
  }
  const dir = await mkdtemp(join(tmpdir(), 'rd-ingest-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload.csv');
  const file = createWriteStream(path);
  try {
    const bytes = await new Promise<number>((resolve, reject) => {
      let total = 0;
      const fail = (error: unknown) => {
        req.unpipe(file);
        file.destroy();
        reject(error);
      };
      req.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          // Keep draining (discarding) so the client gets to read the 413 instead of a reset connection.
          req.removeAllListeners('data');
          req.resume();
          fail(tooLarge(maxBytes));
        }
      });
      req.on('error', fail);
      req.on('aborted', () => fail(new AppError('aborted', 'The upload was interrupted.', 400)));
      file.on('error', fail);
      file.on('finish', () => resolve(total));
      req.pipe(file);
    });
    return { path, bytes, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
