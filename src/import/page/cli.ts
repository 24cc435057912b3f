/**
 * `faultline import page <capture> [--api name] [--url public-url] [--out file] [--force]`
 * (until the `faultline` command exists: `npm run import:page -- <capture> ...`). Prints the draft
 * catalog (or writes it to --out), then on stderr what it found and what it could not place.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeDraft } from './draft.js';
import { importPage } from './index.js';
import { CaptureError, LIMITS } from './model.js';

const USAGE = 'usage: faultline import page <capture> [--api name] [--url public-url] [--out file] [--force]';

export function runImportPage(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { api: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    err.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) { out.write(`${USAGE}\n`); return 0; }
  const [capture, ...extra] = args.positionals;
  if (!capture || extra.length) { err.write(`${capture ? `unexpected argument '${extra[0]}'` : 'missing <capture>'}\n${USAGE}\n`); return 2; }
  const { api, url, out: file, force } = args.values;
  if (api !== undefined && !/^[a-z][a-z0-9-]*$/.test(api)) { err.write(`--api '${api}' must be a lower-case name like 'cmix'\n`); return 2; }
  if (url !== undefined && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(url)) { err.write(`--url '${url}' must be an absolute URL like https://example.com/errors\n`); return 2; }
  let bytes: Buffer;
  try {
    const st = statSync(capture);
    if (!st.isFile()) { err.write(`${capture}: not a file\n`); return 2; }
    if (st.size > LIMITS.captureBytes) { err.write(`${capture}: ${st.size} bytes is more than a page capture can be (limit ${LIMITS.captureBytes})\n`); return 2; }
    bytes = readFileSync(capture);
  } catch (e) {
    err.write(`${capture}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 2;
  }
  let result;
  try { result = importPage(bytes, capture, { api, url, out: file }); } catch (e) {
    if (e instanceof CaptureError) { err.write(`${e.message}\n`); return 1; }
    throw e;
  }
  const { found, findings, draft, page } = result;
  if (found.rows.length === 0) {
    err.write(`${capture}: no error rows found on this ${page.shape} page (no status or error-code table, no status or code headings)\n`);
    for (const u of found.unplaced) err.write(`  could not place: ${u}\n`);
    return 1;
  }
  if (file) {
    try { writeDraft(file, draft.yaml, force === true); } catch (e) { err.write(`${(e as Error).message}\n`); return 1; }
  } else out.write(draft.yaml);
  err.write(`${capture}: ${page.shape} page, ${found.rows.length} rows, ${findings.length} doc findings${file ? `, draft written to ${file}` : ''}\n`);
  for (const u of found.unplaced) err.write(`  could not place: ${u}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runImportPage(process.argv.slice(2));
