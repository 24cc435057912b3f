/**
 * Just enough multipart/form-data (RFC 7578) to take one uploaded file: the part named "file",
 * its filename, media type and bytes. A body that is not multipart is invalid-model.
 */
import { header, mediaType, type RefRequest } from '../../http.js';
import { fail } from './fail.js';

export interface Upload { name: string; contentType: string; data: Buffer }

export function readUpload(req: RefRequest, field = 'file'): Upload | undefined {
  const type = header(req, 'content-type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type ?? '')?.[1];
  if (mediaType(type) !== 'multipart/form-data' || !boundary) {
    throw fail('invalid-model', 'Upload the file as multipart/form-data with a part named "file".');
  }
  const delimiter = Buffer.from(`--${boundary}`);
  let at = req.raw.indexOf(delimiter);
  if (at < 0) throw fail('invalid-model', 'The multipart body contains no part.');
  for (;;) {
    const start = at + delimiter.length;
    if (req.raw.subarray(start, start + 2).toString() === '--') return undefined; // closing delimiter
    const next = req.raw.indexOf(delimiter, start);
    if (next < 0) throw fail('invalid-model', 'The multipart body is not closed by its boundary.');
    const part = req.raw.subarray(start + 2, next - 2); // without the CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw fail('invalid-model', 'A multipart part has no header section.');
    const head = part.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*\bname="([^"]*)"(?:[^\r\n]*\bfilename="([^"]*)")?/i.exec(head);
    if (disposition?.[1] === field) {
      const partType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
      return { name: disposition[2] || 'upload', contentType: partType, data: part.subarray(split + 4) };
    }
    at = next;
  }
}
