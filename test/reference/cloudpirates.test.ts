/**
 * The CloudPirates reference target: every provokable catalog entry provoked by the suite's own
 * recipe runner and judged by the suite's own checks, then the resources and rules behind them:
 * authentication schemes, roles, ajv validation, pagination and the lagging read model.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Json } from '../../src/catalog/types.js';
import type { Exchange } from '../../src/target/exchange.js';
import { FIXTURE_BEARERS, FIXTURE_KEYS, USERS } from '../../reference/apis/cloudpirates/identities.js';
import { fetchSender, harness, recipeTests, startOne, type CallOptions } from '../support/reference.js';

const LAG = 300; // the reference default, which the catalog's recipes are written against
const h = harness('cloudpirates', { lagMs: LAG });

const settle = (): Promise<void> => sleep(LAG + 80);
const apiKey = (who: keyof typeof FIXTURE_KEYS): string => `ApiKey ${FIXTURE_KEYS[who]}`;
const bearer = (who: keyof typeof FIXTURE_BEARERS): string => `Bearer ${FIXTURE_BEARERS[who]}`;

/** A request as the owner (API key) unless `auth` says otherwise. */
const call = (method: string, path: string, o: CallOptions = {}): Promise<Exchange> => h.call(method, path, { auth: apiKey('owner'), ...o });

type Obj = Record<string, Json>;
const obj = (x: Exchange): Obj => x.body as Obj;
let n = 0;
const unique = (): string => `fl-cp-${process.pid}-${++n}`;

/** A workspace owned by `auth` (default owner), torn down by the caller. */
async function workspace(auth = apiKey('owner')): Promise<string> {
  const x = await call('POST', '/workspaces', { auth, json: { name: unique() } });
  assert.equal(x.status, 201, x.text);
  return obj(x).id as string;
}

function assertError(x: Exchange, status: number): Obj {
  assert.equal(x.status, status, x.text);
  assert.match(x.headers['content-type'] ?? '', /^application\/json/);
  assert.equal(obj(x).status, status);
  assert.equal(typeof obj(x).message, 'string');
  return obj(x);
}

/** What each recipe's answer must show beyond the catalog's contract, which runChecks judges. */
const SPECIFICS: Record<string, (x: Exchange) => void> = {
  'cloudpirates/bad-request-required': (x) => assert.deepEqual(obj(x), { status: 400, instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'name' }, message: "must have required property 'name'" }),
  'cloudpirates/bad-request-enum': (x) => assert.deepEqual(obj(x), { status: 400, instancePath: '/role', schemaPath: '#/properties/role/enum', keyword: 'enum', params: { allowedValues: ['Owner', 'Member', 'Viewer'] }, message: 'must be equal to one of the allowed values' }),
  'cloudpirates/bad-request-additional-property': (x) => assert.deepEqual(obj(x), { status: 400, instancePath: '', schemaPath: '#/additionalProperties', keyword: 'additionalProperties', params: { additionalProperty: 'myAdditionalProperty' }, message: 'must NOT have additional properties' }),
  'cloudpirates/unauthorized': (x) => { assert.deepEqual(obj(x), { status: 401, message: 'Unauthorized' }); assert.match(x.headers['www-authenticate']!, /ApiKey .*Bearer /); },
  'cloudpirates/forbidden': (x) => assert.deepEqual(obj(x), { status: 403, message: 'Forbidden' }),
  'cloudpirates/not-found': (x) => assert.deepEqual(obj(x), { status: 404, message: 'Not found' }),
};

describe('cloudpirates catalog recipes', () => {
  recipeTests(h, async (entry, r) => {
    SPECIFICS[entry.id]!(r.exchange);
    // The teardown really deleted what the setup created (the write model knows at once).
    for (const del of r.sent.filter((s) => s.method === 'DELETE')) {
      assert.equal((await call('PATCH', del.url.slice(h.base.length), { json: { name: 'gone?' } })).status, 404);
    }
  });

  test('the 403 recipe needs its polling: right after the viewer is added, its read answers 403', async () => {
    const id = await workspace();
    await settle();
    assert.equal((await call('POST', `/workspaces/${id}/members`, { json: { email: USERS.viewer.email, role: 'Viewer' } })).status, 201);
    assertError(await call('GET', `/workspaces/${id}`, { auth: apiKey('viewer') }), 403);
    await settle();
    assert.equal(obj(await call('GET', `/workspaces/${id}`, { auth: apiKey('viewer') })).role, 'Viewer');
    assert.equal((await call('DELETE', `/workspaces/${id}`)).status, 204);
  });
});

describe('authentication', () => {
  for (const [label, auth] of [['no header', null], ['unknown key', 'ApiKey cp_key_nobody'], ['unknown bearer', 'Bearer nope'], ['other scheme', `Token ${FIXTURE_KEYS.owner}`], ['scheme only', 'ApiKey']] as const) {
    test(`401 with a challenge for ${label}`, async () => {
      const x = await call('GET', '/auth/me', { auth });
      assert.deepEqual(assertError(x, 401), { status: 401, message: 'Unauthorized' });
      assert.equal(x.headers['www-authenticate'], 'ApiKey realm="cloudpirates", Bearer realm="cloudpirates"');
    });
  }

  test('both schemes name the same identity; the scheme name is case-insensitive', async () => {
    const a = await call('GET', '/auth/me', { auth: `apikey ${FIXTURE_KEYS.viewer}` });
    const b = await call('GET', '/auth/me', { auth: bearer('viewer') });
    assert.deepEqual(obj(a), { ...USERS.viewer, authenticatedWith: 'ApiKey' });
    assert.deepEqual(obj(b), { ...USERS.viewer, authenticatedWith: 'Bearer' });
  });

  test('authentication comes before routing: an unknown path without credentials is 401', async () => {
    assertError(await call('GET', '/no/such/thing', { auth: null }), 401);
    assertError(await call('GET', '/no/such/thing'), 404);
  });

  test('API keys: Bearer only; a new key works at once and is listed without its secret', async () => {
    const refused = await call('GET', '/auth/api-keys');
    assertError(refused, 401);
    assert.equal(refused.headers['www-authenticate'], 'Bearer realm="cloudpirates"');
    assertError(await call('POST', '/auth/api-keys', { json: { label: 'by key' } }), 401);
    const made = await call('POST', '/auth/api-keys', { auth: bearer('member'), json: { label: 'ci' } });
    assert.equal(made.status, 201, made.text);
    const key = obj(made).key as string;
    assert.equal(obj(await call('GET', '/auth/me', { auth: `ApiKey ${key}` })).id, USERS.member.id);
    const list = await call('GET', '/auth/api-keys', { auth: bearer('member') });
    const mine = (list.body as Obj[]).find((k) => k.id === obj(made).id)!;
    assert.equal(mine.label, 'ci');
    assert.equal(mine.key, undefined);
    assert.ok(key.startsWith(mine.prefix as string));
    assert.equal(obj(await call('POST', '/auth/api-keys', { auth: bearer('member'), json: {} })).keyword, 'required');
    assert.equal(obj(await call('POST', '/auth/api-keys', { auth: bearer('member'), json: { label: 'x', scope: 'all' } })).keyword, 'additionalProperties');
  });
});

describe('workspaces and the lagging read model', () => {
  test('a created workspace is 404 to reads until the read model catches up', async () => {
    const name = unique();
    const made = await call('POST', '/workspaces', { json: { name, description: 'lag' } });
    assert.equal(made.status, 201);
    assert.equal(made.headers.location, `/cloudpirates/v1/workspaces/${obj(made).id}`);
    assert.equal(obj(made).role, 'Owner');
    assertError(await call('GET', made.headers.location!.slice('/cloudpirates/v1'.length)), 404);
    await settle();
    const got = await call('GET', `/workspaces/${obj(made).id}`);
    assert.equal(got.status, 200);
    assert.equal(obj(got).name, name);
    assert.equal(obj(got).description, 'lag');
    assert.equal((await call('DELETE', `/workspaces/${obj(made).id}`)).status, 204);
  });

  test('renames and deletes reach reads late; writes see them at once', async () => {
    const id = await workspace();
    await settle();
    const renamed = await call('PATCH', `/workspaces/${id}`, { json: { name: 'new name' } });
    assert.equal(obj(renamed).name, 'new name');
    assert.notEqual(obj(await call('GET', `/workspaces/${id}`)).name, 'new name');
    await settle();
    assert.equal(obj(await call('GET', `/workspaces/${id}`)).name, 'new name');
    assert.equal((await call('DELETE', `/workspaces/${id}`)).status, 204);
    assert.equal((await call('GET', `/workspaces/${id}`)).status, 200, 'a stale read still shows it');
    assertError(await call('PATCH', `/workspaces/${id}`, { json: { name: 'x' } }), 404);
    await settle();
    assertError(await call('GET', `/workspaces/${id}`), 404);
  });

  test('with lagMs 0 reads see writes at once', async () => {
    const { ref: quick, base: url } = await startOne(h.catalog, { lagMs: 0 });
    try {
      const made = await fetchSender.send({ method: 'POST', url: `${url}/workspaces`, headers: { Authorization: apiKey('owner'), 'Content-Type': 'application/json' }, body: '{"name":"now"}' });
      const got = await fetchSender.send({ method: 'GET', url: `${url}/workspaces/${obj(made).id}`, headers: { Authorization: apiKey('owner') } });
      assert.equal(got.status, 200);
    } finally {
      await quick.close();
    }
  });

  test('lists page with limit/offset, x-Total and Link; each caller sees only its workspaces', async () => {
    const made = [await workspace(), await workspace(), await workspace()];
    await settle();
    const seen: string[] = [];
    let path: string | undefined = '/workspaces?limit=2';
    let total = -1;
    while (path) {
      const x = await call('GET', path);
      assert.equal(x.status, 200);
      total = Number(x.headers['x-total']);
      seen.push(...(x.body as Obj[]).map((w) => w.id as string));
      assert.ok((x.body as Obj[]).length <= 2);
      const next = /<\/cloudpirates\/v1([^>]+)>; rel="next"/.exec(x.headers.link ?? '');
      path = next?.[1];
    }
    assert.equal(seen.length, total);
    for (const id of made) assert.ok(seen.includes(id));
    const second = await call('GET', '/workspaces?limit=2&offset=2');
    assert.match(second.headers.link ?? '', /offset=0>; rel="prev"/);
    const theirs = await call('GET', '/workspaces', { auth: apiKey('viewer') });
    for (const id of made) assert.ok(!(theirs.body as Obj[]).some((w) => w.id === id));
    for (const id of made) assertError(await call('GET', `/workspaces/${id}`, { auth: apiKey('viewer') }), 403);
    for (const id of made) assert.equal((await call('DELETE', `/workspaces/${id}`)).status, 204);
  });

  test('paging parameters are validated by ajv', async () => {
    const zero = obj(await call('GET', '/workspaces?limit=0'));
    assert.deepEqual([zero.status, zero.keyword, zero.instancePath], [400, 'minimum', '/limit']);
    assert.equal(obj(await call('GET', '/workspaces?limit=abc')).keyword, 'type');
    assert.equal(obj(await call('GET', '/workspaces?offset=-1')).instancePath, '/offset');
  });

  test('request bodies are validated by ajv: the first error is the body', async () => {
    const bad = await call('POST', '/workspaces', { body: '{"name": ', headers: { 'Content-Type': 'application/json' } });
    assert.deepEqual(obj(bad), { status: 400, instancePath: '', schemaPath: '#/type', keyword: 'type', params: { type: 'object' }, message: 'must be object' });
    assert.equal(obj(await call('POST', '/workspaces', { json: { name: 'x'.repeat(101) } })).keyword, 'maxLength');
    const id = await workspace();
    assert.equal(obj(await call('PATCH', `/workspaces/${id}`, { json: {} })).keyword, 'minProperties');
    const email = obj(await call('POST', `/workspaces/${id}/members`, { json: { email: 'not an email', role: 'Viewer' } }));
    assert.deepEqual([email.keyword, email.instancePath], ['format', '/email']);
    assert.equal((await call('DELETE', `/workspaces/${id}`)).status, 204);
  });

  test('unknown routes and methods are 404', async () => {
    assertError(await call('GET', '/ships'), 404);
    assertError(await call('PUT', '/workspaces/abc', { json: { name: 'x' } }), 404);
  });
});

describe('roles', () => {
  test('Viewer reads; Member also renames; only Owner deletes and manages members', async () => {
    const id = await workspace();
    for (const [who, role] of [[USERS.viewer, 'Viewer'], [USERS.member, 'Member']] as const) {
      assert.equal((await call('POST', `/workspaces/${id}/members`, { json: { email: who.email, role } })).status, 201);
    }
    assertError(await call('PATCH', `/workspaces/${id}`, { auth: apiKey('viewer'), json: { name: 'v' } }), 403);
    assertError(await call('DELETE', `/workspaces/${id}`, { auth: apiKey('viewer') }), 403);
    assert.equal((await call('PATCH', `/workspaces/${id}`, { auth: apiKey('member'), json: { name: 'm' } })).status, 200);
    assertError(await call('DELETE', `/workspaces/${id}`, { auth: apiKey('member') }), 403);
    assertError(await call('POST', `/workspaces/${id}/members`, { auth: apiKey('member'), json: { email: USERS.viewer.email, role: 'Owner' } }), 403);
    assertError(await call('PATCH', `/workspaces/${id}/members/${USERS.viewer.id}`, { auth: apiKey('member'), json: { role: 'Owner' } }), 403);
    await settle();
    const members = await call('GET', `/workspaces/${id}/members?limit=2`, { auth: apiKey('viewer') });
    assert.equal(members.headers['x-total'], '3');
    assert.deepEqual((members.body as Obj[]).map((m) => m.role), ['Owner', 'Viewer']);
    assert.match(members.headers.link ?? '', /rel="next"/);
    assert.equal((await call('DELETE', `/workspaces/${id}`)).status, 204);
  });

  test('a workspace keeps an Owner; members can be re-roled, removed, or leave', async () => {
    const id = await workspace();
    assertError(await call('PATCH', `/workspaces/${id}/members/${USERS.owner.id}`, { json: { role: 'Member' } }), 403);
    assertError(await call('DELETE', `/workspaces/${id}/members/${USERS.owner.id}`), 403);
    assertError(await call('POST', `/workspaces/${id}/members`, { json: { email: 'nobody@faultline.test', role: 'Viewer' } }), 404);
    assert.equal((await call('POST', `/workspaces/${id}/members`, { json: { email: USERS.member.email, role: 'Viewer' } })).status, 201);
    const again = await call('POST', `/workspaces/${id}/members`, { json: { email: USERS.member.email.toUpperCase(), role: 'Owner' } });
    assert.deepEqual([again.status, obj(again).role], [200, 'Owner']);
    assert.equal(obj(await call('PATCH', `/workspaces/${id}/members/${USERS.owner.id}`, { json: { role: 'Viewer' } })).role, 'Viewer');
    assertError(await call('DELETE', `/workspaces/${id}`), 403);
    assert.equal((await call('DELETE', `/workspaces/${id}/members/${USERS.owner.id}`)).status, 204, 'anyone may leave');
    assertError(await call('DELETE', `/workspaces/${id}/members/${USERS.owner.id}`, { auth: apiKey('member') }), 404);
    assertError(await call('PATCH', `/workspaces/${id}`, { json: { name: 'x' } }), 403);
    assert.equal((await call('DELETE', `/workspaces/${id}`, { auth: apiKey('member') })).status, 204);
  });
});
