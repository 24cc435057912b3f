/**
 * Several targets per catalog and several causes per entry, end to end: a catalog whose API
 * answers from two base URLs (an auth server issuing a token, the API refusing it), and an entry
 * with two recipes (two documented causes of one error), each provoked against real loopback
 * servers and judged; the entry conforms only when every cause does.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { formatIssue } from '../../src/catalog/issues.js';
import { parseCatalog } from '../../src/load.js';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { requiredVariables } from '../../src/recipes/requirements.js';
import { executeEntry, type RunContext } from '../../src/runner/execute.js';
import { Validators } from '../../src/schema/compile.js';
import { envExample } from '../../src/env-example.js';
import { Redactor } from '../../src/target/redact.js';
import { fetchSender } from '../support/reference.js';

const CATALOG = `api: two
title: Two
baseUrlVar: TWO_BASE_URL
otherBaseUrlVars: [TWO_AUTH_URL]
page: { capture: two.html, title: Errors }
auth: { header: Authorization, format: "Bearer {token}" }
identities: { user: { env: TWO_TOKEN, description: a user } }
defaultIdentity: user
envelopes: { error: { type: object, required: [code], properties: { code: { type: string } } } }
defaults: { strength: must, body: { kind: json, envelope: error }, basis: { kind: documented, why: the two servers' docs } }
entries:
  - id: two/token-refused
    title: "401"
    doc: A token the auth server revoked, or no token at all, is refused.
    status: 401
    body: { const: { code: UNAUTHORIZED } }
    recipes:
      - setup:
          - name: obtain a token from the auth server, then revoke it
            request: { method: POST, path: /tokens, base: TWO_AUTH_URL, as: none }
            expect: 201
            capture: { revoked: /body/token }
          - request: { method: DELETE, path: '/tokens/{{revoked}}', base: TWO_AUTH_URL, as: none }
            expect: 204
        request: { method: GET, path: /things, headers: { Authorization: 'Bearer {{revoked}}' }, as: none }
      - request: { method: GET, path: /things, as: none }
`;

let api: Server;
let auth: Server;
const revoked = new Set<string>();
/** what the API answers a request without a valid token; a test may make it deviate */
let noTokenCode = 'UNAUTHORIZED';
let n = 0;

function listen(s: Server): Promise<string> {
  return new Promise((ok) => s.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}

let env: Record<string, string>;
before(async () => {
  auth = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/tokens') { const token = `t${++n}`; res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ token })); return; }
    const m = /^\/tokens\/(\w+)$/.exec(req.url ?? '');
    if (req.method === 'DELETE' && m) { revoked.add(m[1]!); res.writeHead(204).end(); return; }
    res.writeHead(404).end();
  });
  api = createServer((req, res) => {
    const token = /^Bearer (\w+)$/.exec(req.headers.authorization ?? '')?.[1];
    const body = token ? (revoked.has(token) ? { code: 'UNAUTHORIZED' } : undefined) : { code: noTokenCode };
    if (body) { res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(body)); return; }
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  env = { TWO_BASE_URL: await listen(api), TWO_AUTH_URL: await listen(auth), TWO_TOKEN: 'valid-token' };
});
after(() => { api.close(); auth.close(); });

function load(): LoadedCatalog {
  const r = parseCatalog(CATALOG, 'catalogs/two.yaml');
  assert.deepEqual(r.issues.map(formatIssue), []);
  return r.catalog!;
}

function context(c: LoadedCatalog): RunContext {
  return { env, allowDestructive: false, validators: new Validators([c]), redactor: new Redactor(env), sender: fetchSender, expectations: new Map(), unique: 'u1' };
}

test('a catalog names two base URLs; each request goes where it says, the default to the first', async () => {
  const c = load();
  const e = c.entries[0]!;
  assert.equal(e.recipes?.length, 2);
  assert.deepEqual(requiredVariables(c, e).sort(), ['TWO_AUTH_URL', 'TWO_BASE_URL'], 'both base URLs are needed (no identity token: every request is as none)');
  assert.match(envExample([c]), /^TWO_AUTH_URL=$/m);
  const result = await executeEntry(c, e, context(c));
  assert.equal(result.outcome, 'conformant', JSON.stringify(result));
  assert.ok(revoked.size >= 1, 'the setup reached the auth server');
});

test('an entry with two causes deviates when one cause does, and the violation names the cause', async () => {
  const c = load();
  noTokenCode = 'NO_TOKEN';
  try {
    const result = await executeEntry(c, c.entries[0]!, context(c));
    assert.equal(result.outcome, 'violation');
    assert.deepEqual(result.violations?.map((v) => [v.check, v.pointer]), [['response_schema_conformance', '/body/code']]);
    assert.match(result.violations![0]!.message, /^cause 2 of 2: /);
  } finally {
    noTokenCode = 'UNAUTHORIZED';
  }
});

test('a base no catalog variable names, and recipe with recipes, are refused at their lines', () => {
  const bad = CATALOG.replace('base: TWO_AUTH_URL, as: none }\n            expect: 201', 'base: TWO_LOGIN_URL, as: none }\n            expect: 201');
  assert.ok(parseCatalog(bad, 'catalogs/two.yaml').issues.map(formatIssue).some((i) => /^catalogs\/two\.yaml:\d+:\d+ base 'TWO_LOGIN_URL' is not one of the catalog's base-URL variables \(TWO_BASE_URL, TWO_AUTH_URL\)/.test(i)));
  const both = CATALOG.replace('    recipes:\n', '    recipe: { request: { method: GET, path: /x } }\n    recipes:\n');
  assert.ok(parseCatalog(both, 'catalogs/two.yaml').issues.map(formatIssue).some((i) => /exactly one of recipe, recipes or unprovokable/.test(i)));
});
