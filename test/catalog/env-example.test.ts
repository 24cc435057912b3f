/**
 * env/staging.env.example says, under every identity and fixture, which entries need it and the
 * assumptions it serves (assumed setup steps and requests that name it), so whoever provisions a
 * deployment knows what each value must make true.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envExample } from '../../src/env-example.js';
import { parseCatalog } from '../../src/load.js';
import { catalogHead } from '../checks/helpers.js';

const text = `${catalogHead('r')}identities:
  admin: { env: R_TOKEN, description: admin }
  full: { env: R_TOKEN_FULL, description: a team with no seats left }
fixtures:
  R_THING_ID: id of a thing
  R_SPARE_ID: id nobody uses
envelopes:
  error: { type: object }
defaults:
  strength: must
  body: { kind: json, envelope: error }
entries:
  - id: r/not-found
    title: not found
    doc: { url: "https://example.test/e#404", quote: Not there. }
    status: 404
    recipe: { request: { method: GET, path: '/things/\${R_THING_ID}/x' }, basis: { kind: inferred, why: below a thing } }
  - id: r/no-seats
    title: no seats
    doc: { url: "https://example.test/e#seats", quote: No seats. }
    status: 403
    recipe:
      setup:
        - request: { method: GET, path: '/things/\${R_THING_ID}' }
          expect: 200
          basis: { kind: documented, why: reading a thing }
      request: { method: POST, path: /invitations, as: full }
      basis: { kind: assumed, why: invitations are sent with POST /invitations }
      teardown:
        - request: { method: DELETE, path: '/things/\${R_THING_ID}/invitations' }
          basis: { kind: assumed, why: a teardown guess decides nothing }
`.replace(/identities: \{ admin: \{ env: R_TOKEN, description: admin \} \}\n/, '');

test('each identity and fixture: the entries that need it and the assumptions it serves', () => {
  const r = parseCatalog(text, 'catalogs/r.yaml');
  assert.ok(r.catalog, r.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n'));
  const out = envExample([r.catalog]);
  // the comment lines right above `v=`, after the description line
  const block = (v: string): string => {
    const lines = out.split('\n');
    const end = lines.indexOf(`${v}=`);
    let start = end;
    while (start > 0 && lines[start - 1]!.startsWith('#   ')) start--;
    return lines.slice(start, end).join('\n');
  };
  assert.match(block('R_TOKEN_FULL'), /^#   needed by r\/no-seats\n#   an assumption of r\/no-seats: invitations are sent with POST \/invitations$/);
  assert.match(block('R_THING_ID'), /^#   needed by r\/not-found, r\/no-seats$/, 'the documented setup step that names it serves no assumption, and the teardown decides nothing');
  assert.match(block('R_SPARE_ID'), /^#   needed by no entry$/);
  assert.match(block('R_TOKEN'), /^#   needed by r\/not-found, r\/no-seats$/, 'the default identity: its entries, not every assumption');
});
