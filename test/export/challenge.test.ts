/**
 * The OpenAPI export says what a `challenge` header rule requires, which JSON Schema cannot: in
 * the header's description and as `x-faultline-challenge` (the schemes, or the written challenge
 * the list must include), and the document stays valid OpenAPI 3.1.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportCatalog, validateExport } from '../../src/export/openapi.js';
import { parseCatalog } from '../../src/load.js';
import { catalogHead } from '../checks/helpers.js';

const text = `${catalogHead('r')}envelopes:
  error: { type: object, properties: { code: { type: string } } }
defaults:
  strength: must
  body: { kind: json, envelope: error }
entries:
  - id: r/unauthorized
    title: "401"
    doc: { url: "https://example.test/e#401", quote: No token. }
    status: 401
    headers: [{ name: WWW-Authenticate, challenge: auth, strength: should, basis: RFC 9110 section 15.5.2 }]
    recipe: { request: { method: GET, path: /things, as: none }, basis: { kind: inferred, why: no token at all } }
  - id: r/bad-login
    title: "401 login"
    doc: { url: "https://example.test/e#login", quote: Wrong password. }
    status: 401
    headers: [{ name: WWW-Authenticate, challenge: 'Basic realm="r"', strength: must, basis: the page prints it }]
    recipe: { request: { method: GET, path: /login, as: none }, basis: { kind: inferred, why: no credentials } }
`;

test('challenge rules: in words and as x-faultline-challenge, valid OpenAPI', async () => {
  const r = parseCatalog(text, 'catalogs/r.yaml');
  assert.ok(r.catalog, r.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n'));
  const { document, notes } = exportCatalog(r.catalog);
  assert.deepEqual(notes, []);
  await validateExport(document);
  type Header = { description: string; 'x-faultline-challenge'?: unknown };
  const header = (path: string): Header => ((document.paths as Record<string, { get: { responses: Record<string, { headers: Record<string, Header> }> } }>)[path]!.get.responses['401']!.headers['WWW-Authenticate'])!;
  const byAuth = header('/things');
  assert.deepEqual(byAuth['x-faultline-challenge'], { schemes: ['Bearer'] });
  assert.match(byAuth.description, /^should: a challenge list \(RFC 9110 section 11\.6\.1\) with a challenge of the scheme Bearer \(in any letter case\)\. RFC 9110 section 15\.5\.2$/);
  const written = header('/login');
  assert.deepEqual(written['x-faultline-challenge'], { includes: 'Basic realm="r"' });
  assert.match(written.description, /^must: a challenge list .* that includes Basic realm="r" .*the page prints it$/);
});
