/** A small catalog and exchange builders for the checks' unit tests. */
import { parseCatalog } from '../../src/load.js';
import type { Json } from '../../src/catalog/types.js';
import type { Expectation } from '../../src/checks/types.js';
import type { Exchange } from '../../src/target/exchange.js';
import { Validators } from '../../src/schema/compile.js';
import { toExchange } from '../../src/target/exchange.js';

/** The lines every test catalog starts with: its name, page, auth and one identity. */
export function catalogHead(api: string, auth = '{ header: Authorization, format: "Bearer {token}" }'): string {
  const up = api.toUpperCase();
  return `api: ${api}
title: ${up}
baseUrlVar: ${up}_BASE_URL
page: { url: "https://example.test/e", capture: ${api}.txt, title: E }
auth: ${auth}
identities: { admin: { env: ${up}_TOKEN, description: admin } }
defaultIdentity: admin
`;
}

const CATALOG = `${catalogHead('t')}envelopes:
  problem: { type: object, properties: { title: { type: string }, status: { type: integer }, errorCode: { type: string } } }
entries:
  - id: t/unauthorized
    title: "401"
    doc: { url: "https://example.test/e#401", quote: No token. }
    status: 401
    strength: must
    headers:
      - { name: WWW-Authenticate, matches: "^Bearer", strength: should, basis: RFC 9110 }
      - { name: X-Request-Id, strength: must, basis: page }
    contentType: { type: application/problem+json, strength: should, basis: RFC 9457 }
    body: { kind: json, envelope: problem, const: { errorCode: AUTH_MISSING, status: 401 }, required: [title] }
    recipe: { request: { method: GET, path: /x, as: none }, basis: { kind: documented, why: page } }
  - id: t/conflict
    title: "409"
    doc: { url: "https://example.test/e#409", quote: Conflict. }
    status: [409, 412]
    strength: should
    statusBasis: inferred
    body: { kind: text, equals: conflict }
    recipe: { request: { method: PUT, path: /x }, basis: { kind: assumed, why: a conflict on PUT } }
  - id: t/server
    title: "5xx"
    doc: { url: "https://example.test/e#5xx", quote: Server. }
    status: 5xx
    strength: must
    body: { kind: undocumented, basis: none }
    unprovokable: internal
`;

const catalog = parseCatalog(CATALOG, 'catalogs/t.yaml').catalog!;
if (!catalog) throw new Error(JSON.stringify(parseCatalog(CATALOG, 'catalogs/t.yaml').issues));
export const validators = new Validators([catalog]);
export const testCatalog = catalog;

export function expectation(id: string): Expectation {
  return { entry: catalog.entries.find((e) => e.id === id)!, validate: validators.get(id) };
}

export function exchange(status: number, headers: Record<string, string>, body: Json | string | undefined): Exchange {
  const raw = body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return toExchange(status, headers, raw);
}

/** A response that conforms to t/unauthorized. */
export function goodUnauthorized(): Exchange {
  return exchange(401, { 'WWW-Authenticate': 'Bearer realm="t"', 'X-Request-Id': 'abc', 'Content-Type': 'application/problem+json' },
    { title: 'Unauthorized', status: 401, errorCode: 'AUTH_MISSING', extension: 'allowed' });
}
