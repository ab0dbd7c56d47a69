import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../../errors';

/** One uploaded file: its name in the form (when multipart) and its bytes. */
export interface UploadedFile {
  readonly name?: string;
  readonly content: AsyncIterable<Buffer>;
}

const XML_TYPES = /^(application|text)\/([a-z0-9.+-]*\+)?xml$/;

/**
 * The files of an XML upload that was spooled to `path`: the body itself when it is `application/xml`
 * (one document), or each file part of a `multipart/form-data` body (a batch: `curl -F file=@a.xml -F file=@b.xml`).
 * Parts are streamed one after another (busboy, the parser behind multer), so a batch of 10,000 documents
 * never sits in memory at once; each is drained after its reader is done with it, read or not.
 */
export async function* uploadedFiles(path: string, contentType: string | undefined): AsyncGenerator<UploadedFile> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (XML_TYPES.test(type)) {
    yield { content: createReadStream(path) };
    return;
  }
  if (type !== 'multipart/form-data') {
    throw new AppError('unsupported_media_type', 'Send one document as application/xml, or a batch as multipart/form-data with one file per document.', 415);
  }
  const parts = busboy({ headers: { 'content-type': contentType! }, limits: { fields: 0, parts: 100_000 } });
  const queue: (UploadedFile & { stream: Readable })[] = [];
  let done = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => { wake?.(); wake = undefined; };
  parts.on('file', (_field, stream, info) => { queue.push({ name: info.filename, stream, content: stream.iterator({ destroyOnReturn: false }) }); notify(); });
  parts.on('error', (e: Error) => { failure = new AppError('bad_multipart', `The multipart body cannot be read: ${e.message}`, 400); notify(); });
  parts.on('close', () => { done = true; notify(); });
  const file = createReadStream(path);
  file.on('error', (e) => { failure = e; notify(); });
  file.pipe(parts);
  try {
    for (;;) {
      const next = queue.shift();
      if (next) {
        yield { ...(next.name ? { name: next.name } : {}), content: next.content };
        next.stream.resume();
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    file.destroy();
    for (const rest of queue) rest.stream.resume();
  }
}
