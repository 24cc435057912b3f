/**
 * The embedded reference target: one loopback HTTP server carrying the five APIs under their
 * own prefixes. It never opens an outbound connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCatalogs } from '../src/load.js';
import type { LoadedCatalog } from '../src/catalog/types.js';
import type { ApiContext, ReferenceApi, ReferenceOptions } from './api.js';
import { FACTORIES } from './apis/index.js';
import { applyDeviation, indexDeviations, type Deviation } from './deviations.js';
import { EntryIndex } from './errors.js';
import { ApiError, type RefRequest, type RefResponse } from './http.js';

/** Requests larger than this are cut; handlers see `truncated` (awork answers 413-style errors). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export interface StartOptions extends Partial<ReferenceOptions> {
  port?: number;
  host?: string;
  deviations?: Deviation[];
  catalogsDir?: string;
  catalogs?: LoadedCatalog[];
  /** answer every request this many ms after it arrived, as a deployment across a network would (default 0) */
  delayMs?: number;
}

export interface RunningReference {
  server: Server;
  port: number;
  origin: string;
  apis: ReferenceApi[];
  /** env variable name -> base URL, e.g. CMIX_BASE_URL */
  baseUrls: Record<string, string>;
  close(): Promise<void>;
}

export function buildApis(catalogs: LoadedCatalog[], options: ReferenceOptions): ReferenceApi[] {
  const apis: ReferenceApi[] = [];
  for (const mod of FACTORIES) {
    const catalog = catalogs.find((c) => c.api === mod.api);
    if (!catalog) {
      process.stderr.write(`reference target: no catalog for api ${mod.api}; not mounted\n`);
      continue;
    }
    mod.entries.require(catalog);
    apis.push(mod.create({ catalog, options, now: () => Date.now() } satisfies ApiContext));
  }
  return apis;
}

export async function startReference(opts: StartOptions = {}): Promise<RunningReference> {
  const catalogs = opts.catalogs ?? loadCatalogs(opts.catalogsDir ?? new URL('../catalogs/', import.meta.url).pathname);
  const options: ReferenceOptions = { lagMs: opts.lagMs ?? 300 };
  const apis = buildApis(catalogs, options).sort((a, b) => b.prefix.length - a.prefix.length);
  const index = new EntryIndex(catalogs);
  const deviations = indexDeviations(opts.deviations ?? []);
  for (const id of deviations.keys()) index.entry(id); // unknown ids fail at start, not silently

  const delay = opts.delayMs ?? 0;
  const server = createServer((req, res) => {
    if (delay > 0) setTimeout(() => void serve(req, res, apis, index, deviations), delay);
    else void serve(req, res, apis, index, deviations);
  });
  server.keepAliveTimeout = 10_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  const baseUrls: Record<string, string> = {};
  for (const api of apis) {
    const catalog = catalogs.find((c) => c.api === api.api)!;
    baseUrls[catalog.baseUrlVar] = origin + api.prefix;
  }
  return {
    server, port, origin, apis, baseUrls,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function serve(
  req: IncomingMessage, res: ServerResponse, apis: ReferenceApi[], index: EntryIndex, deviations: Map<string, Deviation[]>,
): Promise<void> {
  let out: RefResponse;
  try {
    const request = await readRequest(req);
    const api = apis.find((a) => request.originalPath === a.prefix || request.originalPath.startsWith(a.prefix + '/'));
    if (!api) {
      out = { status: 404, body: `faultline reference target: no API is mounted at ${request.originalPath}\n`, contentType: 'text/plain; charset=utf-8' };
    } else {
      request.path = request.originalPath.slice(api.prefix.length) || '/';
      try {
        out = await api.handle(request);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        out = index.respond(err);
        for (const d of deviations.get(err.entryId) ?? []) out = applyDeviation(out, d);
      }
    }
  } catch (err) {
    process.stderr.write(`reference target: internal error: ${(err as Error).stack ?? String(err)}\n`);
    out = { status: 500, body: 'faultline reference target: internal error\n', contentType: 'text/plain; charset=utf-8' };
  }
  send(res, out);
}

function readRequest(req: IncomingMessage): Promise<RefRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    req.on('data', (c: Buffer) => {
      if (size + c.length > MAX_REQUEST_BYTES) { truncated = true; return; }
      size += c.length;
      chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://reference.invalid');
      resolve({
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        originalPath: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        raw: Buffer.concat(chunks),
        truncated,
      });
    });
  });
}

function send(res: ServerResponse, out: RefResponse): void {
  let payload: Buffer | undefined;
  let type = out.contentType;
  if (out.body === undefined) payload = undefined;
  else if (Buffer.isBuffer(out.body)) payload = out.body;
  else if (typeof out.body === 'string') payload = Buffer.from(out.body, 'utf8');
  else { payload = Buffer.from(JSON.stringify(out.body), 'utf8'); type ??= 'application/json'; }
  const headers: Record<string, string> = { ...(out.headers ?? {}) };
  if (payload !== undefined && type && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = type;
  headers['Content-Length'] = String(payload?.length ?? 0);
  res.writeHead(out.status, headers);
  res.end(payload);
}
