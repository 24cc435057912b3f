/**
 * The subscription reference target: every provokable catalog entry provoked by its own recipe
 * through the suite's runner and judged by the suite's checks, then the rules behind them (auth,
 * rate limits, paging and sort, callback and header validation, names, the status machine,
 * ownership, quota, isolation under parallel use).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Json } from '../../src/catalog/types.js';
import { parseDeviations } from '../../reference/deviations.js';
import { EntryIndex } from '../../reference/errors.js';
import { ApiError, type RefRequest, type RefResponse } from '../../reference/http.js';
import { MAX_HEADER_BYTES, MAX_HEADERS } from '../../reference/apis/subscription/callback.js';
import { PREFIX, subscription } from '../../reference/apis/subscription/index.js';
import { harness, recipeTests, startOne, type Exchange } from '../support/reference.js';

const h = harness('subscription');
const { catalog, call } = h;
const env = (name: string): string => h.v(name);

const TOKEN = {
  admin: h.token('admin'), member: env('SUBSCRIPTION_TOKEN_MEMBER'), restricted: env('SUBSCRIPTION_TOKEN_RESTRICTED'),
  atQuota: env('SUBSCRIPTION_TOKEN_AT_QUOTA'), rateLimited: env('SUBSCRIPTION_TOKEN_RATE_LIMITED'), disabled: env('SUBSCRIPTION_TOKEN_API_DISABLED'),
};
const KM = env('SUBSCRIPTION_KM_ID');
const TRIGGER = env('SUBSCRIPTION_TRIGGER_ID');
const RKM = env('SUBSCRIPTION_RESTRICTED_KM_ID');
const RTRIGGER = env('SUBSCRIPTION_RESTRICTED_TRIGGER_ID');
const SUSPENDED = env('SUBSCRIPTION_SUSPENDED_ID');
const CALLBACK = env('SUBSCRIPTION_CALLBACK_URI');

type X = Exchange;

const code = (x: X): unknown => (x.body as { errorCode?: unknown } | null)?.errorCode;
const field = <T = Json>(x: X, name: string): T => (x.body as Record<string, Json>)[name] as T;

function assertError(x: X, status: number, errorCode: string): void {
  assert.equal(x.status, status, x.text);
  assert.equal(code(x), errorCode, x.text);
  assert.equal(x.headers['content-type'], 'application/problem+json');
  assert.equal(field(x, 'status'), status);
}

const createPath = (km = KM, trigger = TRIGGER): string => `/knowledge-models/${km}/triggers/${trigger}/subscriptions`;
const spec = (more: Record<string, Json> = {}, cb: Record<string, Json> = {}): Json =>
  ({ name: 'faultline test', callbackInfo: { uri: CALLBACK, protocol: 'HTTPS', ...cb }, ...more });

async function create(as = TOKEN.admin, km = KM, trigger = TRIGGER): Promise<string> {
  const x = await call('POST', createPath(km, trigger), { token: as, json: spec() });
  assert.equal(x.status, 201, x.text);
  return field<string>(x, 'id');
}

async function listed(as = TOKEN.admin): Promise<{ id: string; status: string; owner: string }[]> {
  const x = await call('GET', '/subscriptions?pageSize=200', { token: as });
  assert.equal(x.status, 200, x.text);
  return field(x, 'content');
}

/** The module in-process over a clock the test controls; errors answered as the server would. */
function direct(now: () => number): (r: Partial<RefRequest> & { token?: string }) => RefResponse {
  const api = subscription.create({ catalog, options: { lagMs: 0 }, now });
  const index = new EntryIndex([catalog]);
  return ({ token, ...r }) => {
    const req: RefRequest = {
      method: 'GET', path: '/knowledge-models', originalPath: PREFIX + (r.path ?? '/knowledge-models'), query: new URLSearchParams(),
      headers: token ? { authorization: `Bearer ${token}` } : {}, raw: Buffer.alloc(0), truncated: false, ...r,
    };
    try {
      return api.handle(req) as RefResponse;
    } catch (err) {
      if (err instanceof ApiError) return index.respond(err);
      throw err;
    }
  };
}

describe('subscription catalog recipes', () => {
  async function violations(entryId: string, target?: { env: Record<string, string | undefined> }): Promise<{ checks: string[]; status: number; text: string; teardown: string[] }> {
    const r = await h.provoke(h.entry(entryId), target);
    return { checks: r.violations.map((v) => v.check), status: r.exchange.status, text: r.exchange.text.slice(0, 300), teardown: r.teardownProblems };
  }

  async function provoke(entryId: string): Promise<void> {
    const got = await violations(entryId);
    assert.deepEqual(got.checks, [], `${entryId}: ${got.status} ${got.text}`);
    assert.deepEqual(got.teardown, [], `${entryId}: teardown`);
  }

  test('the catalog holds the page\'s 30 rows and the Common catalog\'s 10, each page example matching its code', () => {
    const page = catalog.entries.filter((e) => !e.source);
    assert.equal(page.length, 30);
    assert.equal(catalog.entries.length - page.length, 10);
    for (const e of page) {
      const errorCode = e.body.kind === 'json' ? e.body.const?.errorCode : undefined;
      assert.ok(e.example?.includes(`${String(errorCode)}`), `${e.id}: example names ${String(errorCode)}`);
      if (e.id === 'subscription/SUBSCRIPTION_FATAL_ERROR') assert.throws(() => JSON.parse(e.example!), 'the page prints it with typographic quotes');
      else assert.equal((JSON.parse(e.example!) as { errorCode: string }).errorCode, errorCode, e.id);
    }
  });

  recipeTests(h);

  test('the same recipes and checks catch a target that answers wrongly', async () => {
    const wrong = await startOne(catalog, {
      deviations: parseDeviations([
        'subscription/SUBSCRIPTION_FORBIDDEN=status:400', 'subscription/common-no-bearer-token=drop-header:WWW-Authenticate',
        'subscription/SORT_IS_EMPTY=drop-field:errorCode', 'subscription/common-api-disabled=html',
        'subscription/common-malformed-authorization=empty', 'subscription/LIMIT_RATE_EXCEEDED=drop-header:x-ratelimit-reset',
        'subscription/URI_VALIDATION_ERROR=content-type:application/json', 'subscription/KM_MODEL_NOTFOUND=stack-trace',
      ].join(';')),
    });
    try {
      const caught = async (id: string): Promise<string[]> => (await violations(id, wrong)).checks;
      assert.ok((await caught('subscription/SUBSCRIPTION_FORBIDDEN')).includes('status_code_conformance'));
      assert.ok((await caught('subscription/common-no-bearer-token')).includes('response_headers_conformance'));
      assert.ok((await caught('subscription/SORT_IS_EMPTY')).includes('response_schema_conformance'));
      assert.ok((await caught('subscription/common-api-disabled')).length > 0);
      assert.ok((await caught('subscription/common-malformed-authorization')).length > 0, 'a text body must be exactly the documented text');
      assert.ok((await caught('subscription/LIMIT_RATE_EXCEEDED')).includes('response_headers_conformance'));
      assert.ok((await caught('subscription/URI_VALIDATION_ERROR')).includes('content_type_conformance'));
      assert.ok((await caught('subscription/KM_MODEL_NOTFOUND')).includes('no_stack_trace_leak'));
    } finally {
      await wrong.ref.close();
    }
  });

  test('recipes run repeatedly and in parallel stay conformant and leave no subscription behind', async () => {
    const before = (await listed()).map((s) => s.id).sort();
    const ids = catalog.entries.filter((e) => e.recipes.length).map((e) => e.id);
    await Promise.all(Array.from({ length: 5 }, () => Promise.all(ids.map(provoke))));
    assert.deepEqual((await listed()).map((s) => s.id).sort(), before);
    assert.equal((await listed()).find((s) => s.id === SUSPENDED)?.status, 'SUSPENDED');
  });
});

describe('authentication and gates', () => {
  test('no Authorization header: JSON 401 with a challenge', async () => {
    const x = await call('GET', '/knowledge-models', { token: null });
    assert.equal(x.status, 401);
    assert.deepEqual(x.body, { error: 'Unauthorized' });
    assert.match(x.headers['www-authenticate'] ?? '', /^Bearer /);
  });

  test('an empty or malformed header is the plain-text 401; an unknown credential the JSON one', async () => {
    const text = 'Invalid "Authorization" header format. Should start either with "Bearer " or "AppKey " (case insensitive).';
    for (const auth of ['', 'Token abc', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer${TOKEN.admin}`]) {
      const x = await call('GET', '/knowledge-models', { auth });
      assert.equal(x.status, 401, JSON.stringify(auth));
      assert.equal(x.text, text, JSON.stringify(auth));
      assert.match(x.headers['content-type'] ?? '', /^text\/plain/);
    }
    const unknown = await call('GET', '/knowledge-models', { auth: 'Bearer not-a-token' });
    assert.equal(unknown.status, 401);
    assert.deepEqual(unknown.body, { error: 'Unauthorized' });
  });

  test('Bearer and AppKey are accepted in any letter case', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'AppKey', 'appkey', 'APPKEY']) {
      assert.equal((await call('GET', '/knowledge-models', { auth: `${scheme} ${TOKEN.admin}` })).status, 200, scheme);
    }
  });

  test('a team with the API disabled gets 403 with no body on every path', async () => {
    for (const path of ['/knowledge-models', '/subscriptions', '/nowhere']) {
      const x = await call('GET', path, { token: TOKEN.disabled });
      assert.equal(x.status, 403);
      assert.equal(x.text, '');
    }
  });

  test('unknown paths are GENERAL_NOTFOUND_PATH naming the API path; a known path with another method is 405 with Allow', async () => {
    const x = await call('GET', '/knowledge-models/x/y/z/w');
    assertError(x, 404, 'GENERAL_NOTFOUND_PATH');
    assert.equal(field(x, 'detail'), 'Path /intelligence/api/knowledge-models/x/y/z/w not found');
    const y = await call('DELETE', '/knowledge-models');
    assert.equal(y.status, 405);
    assert.equal(y.headers.allow, 'GET, HEAD');
  });

  test('every answer carries the caller\'s x-ratelimit-* headers', async () => {
    for (const x of [await call('GET', '/knowledge-models'), await call('GET', '/nowhere'), await call('GET', '/knowledge-models', { token: null }), await call('GET', '/subscriptions', { token: TOKEN.disabled })]) {
      assert.match(x.headers['x-ratelimit-limit'] ?? '', /^\d+$/, String(x.status));
      assert.match(x.headers['x-ratelimit-remaining'] ?? '', /^\d+$/, String(x.status));
      assert.match(x.headers['x-ratelimit-reset'] ?? '', /^\d+$/, String(x.status));
    }
  });

  test('rate limits are token buckets per identity that refill over their window', () => {
    let t = 1_000_000;
    const send = direct(() => t);
    const statuses = Array.from({ length: 7 }, () => send({ token: TOKEN.rateLimited }).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    const limited = send({ token: TOKEN.rateLimited });
    assert.equal((limited.body as { errorCode: string }).errorCode, 'LIMIT_RATE_EXCEEDED');
    assert.deepEqual([limited.headers!['x-ratelimit-limit'], limited.headers!['x-ratelimit-remaining'], limited.headers!['x-ratelimit-reset'], limited.headers!['Retry-After']], ['5', '0', '60', '12']);
    assert.equal(send({ token: TOKEN.admin }).status, 200, 'other identities are not affected');
    t += 12_001;
    assert.equal(send({ token: TOKEN.rateLimited }).status, 200, 'one token back after a fifth of the window');
    assert.equal(send({ token: TOKEN.rateLimited }).status, 429);
  });

  test('an unexpected fault is ADMIN_FATAL_ERROR with a support id and no stack trace', () => {
    const send = direct(() => 0);
    const original = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    let x: RefResponse;
    try {
      x = send({ token: TOKEN.admin, query: { get: () => { throw new Error('boom'); } } as unknown as URLSearchParams });
    } finally {
      process.stderr.write = original;
    }
    assert.equal(x.status, 500);
    const body = x.body as { errorCode: string; detail: string };
    assert.equal(body.errorCode, 'ADMIN_FATAL_ERROR');
    assert.match(body.detail, /Celonis Support ID: [0-9a-f-]{36}$/);
    assert.doesNotMatch(JSON.stringify(body), /boom|\bat /);
  });
});

describe('knowledge models, triggers, paging and sort', () => {
  test('a user sees only the knowledge models they have permission on', async () => {
    const ids = async (as: string): Promise<string[]> => field<{ id: string }[]>(await call('GET', '/knowledge-models', { token: as }), 'content').map((k) => k.id).sort();
    assert.deepEqual(await ids(TOKEN.admin), [KM, RKM].sort());
    assert.deepEqual(await ids(TOKEN.restricted), [KM]);
    assertError(await call('GET', `/knowledge-models/${RKM}/triggers`, { token: TOKEN.restricted }), 403, 'ADMIN_ACCESS_ERROR');
    assertError(await call('POST', createPath(RKM, RTRIGGER), { token: TOKEN.restricted, json: spec() }), 403, 'ADMIN_ACCESS_ERROR');
    assertError(await call('GET', '/knowledge-models/nope/triggers'), 404, 'KM_MODEL_NOTFOUND');
  });

  test('triggers: one by id, unknown ones 404, lists paged and sorted', async () => {
    assert.equal(field((await call('GET', `/knowledge-models/${KM}/triggers/${TRIGGER}`)), 'id'), TRIGGER);
    assertError(await call('GET', `/knowledge-models/${KM}/triggers/nope`), 404, 'SUBSCRIPTION_TRIGGER_NOTFOUND');
    const page = await call('GET', `/knowledge-models/${KM}/triggers?page=1&pageSize=2&sort=-name`);
    assert.deepEqual({ ...(page.body as object), content: undefined }, { content: undefined, page: 1, pageSize: 2, total: 3 });
    const names = async (sort: string): Promise<string[]> =>
      field<{ name: string }[]>(await call('GET', `/knowledge-models/${KM}/triggers?sort=${sort}`), 'content').map((t) => t.name);
    assert.deepEqual(await names('-name'), ['Order blocked', 'Late payment', 'Duplicate invoice']);
    assert.deepEqual(await names('%2Bname'), ['Duplicate invoice', 'Late payment', 'Order blocked']);
    assert.deepEqual(await names('+name'), ['Duplicate invoice', 'Late payment', 'Order blocked'], 'an unencoded + arrives as a space');
    assert.deepEqual(await names('name,-id'), await names('name'));
  });

  test('page and pageSize must be integers in range', async () => {
    const x = await call('GET', '/subscriptions?pageSize=ten');
    assertError(x, 400, 'GENERAL_PARAMETER_MISSMATCH');
    assert.equal(field(x, 'detail'), "Query parameter 'pageSize' must be of type 'Integer'.");
    for (const q of ['page=-1', 'pageSize=0', 'pageSize=201']) assertError(await call('GET', `/subscriptions?${q}`), 400, 'GENERAL_CONSTRAINT_VIOLATION');
    assert.equal((await call('GET', '/subscriptions?page=3&pageSize=200')).status, 200);
  });

  test('sort: empty, special characters, unknown fields, opposite directions', async () => {
    const cases: [string, string][] = [
      ['', 'SORT_IS_EMPTY'], ['%20', 'SORT_IS_EMPTY'], ['name,,status', 'SORT_IS_EMPTY'],
      ['name%3Bdrop', 'GENERAL_CHARS_NOTALLOWED'], ['%3Cname%3E', 'GENERAL_CHARS_NOTALLOWED'], ['--name', 'GENERAL_CHARS_NOTALLOWED'],
      ['nope', 'SORT_UNKNOWN_FIELD'], ['-name,%2Bname', 'SORT_HAS_OPPOSITE'], ['name,status,-name', 'SORT_HAS_OPPOSITE'],
    ];
    for (const [sort, errorCode] of cases) assertError(await call('GET', `/subscriptions?sort=${sort}`), 400, errorCode);
    const x = await call('GET', '/subscriptions?sort=nope,name,zzz');
    assert.equal(field(x, 'detail'), "These fields don't exist at the given record [nope, zzz].");
    assert.equal((await call('GET', '/subscriptions?sort=name,name,-status')).status, 200, 'a field twice in one direction is fine');
  });
});

describe('creating and changing subscriptions', () => {
  test('create, list, update, delete', async () => {
    const x = await call('POST', createPath(), { json: spec({ configurations: ['SKIP_ERRORS'] }, { headers: { Authorization: 'Bearer secret-of-the-callback' } }) });
    assert.equal(x.status, 201, x.text);
    assert.deepEqual(Object.keys(x.body as object), ['id']);
    const id = field<string>(x, 'id');
    const shown = (await listed()).find((s) => s.id === id) as unknown as Record<string, Json>;
    assert.equal(shown.status, 'ACTIVE');
    assert.deepEqual(shown.callbackInfo, { uri: CALLBACK, protocol: 'HTTPS', headers: ['Authorization'] }, 'header values are never shown');
    const put = await call('PUT', `/subscriptions/${id}`, { json: spec({ name: 'renamed' }) });
    assert.equal(put.status, 200, put.text);
    assert.equal(field(put, 'name'), 'renamed');
    assertError(await call('PUT', `/subscriptions/${id}`, { json: spec({ name: 'bad {name}' }) }), 400, 'SUBSCRIPTION_INVALID_NAME');
    assert.equal((await call('DELETE', `/subscriptions/${id}`)).status, 204);
    assertError(await call('DELETE', `/subscriptions/${id}`), 404, 'SUBSCRIPTION_SUBSCRIPTION_NOTFOUND');
    assertError(await call('PUT', `/subscriptions/${id}`, { json: spec() }), 404, 'SUBSCRIPTION_SUBSCRIPTION_NOTFOUND');
  });

  test('callback URIs: https only, well-formed, not into the provider\'s network, reachable', async () => {
    const cases: [Json, number, string?][] = [
      ['http://callback.faultline.example/hook', 400, 'SUBSCRIPTION_URI_ILLEGAL'],
      ['ftp://callback.faultline.example/hook', 400, 'SUBSCRIPTION_URI_ILLEGAL'],
      ['not a uri', 400, 'URI_VALIDATION_ERROR'],
      [42, 400, 'URI_VALIDATION_ERROR'],
      ...['localhost', 'LOCALHOST.', 'api.localhost', '127.0.0.1', '127.8.9.10', '2130706433', '0x7f.1', '0.0.0.0', '10.1.2.3', '100.64.0.1',
        '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '[::1]', '[::]', '[::ffff:127.0.0.1]', '[fe80::1]', '[fd12:3456::1]',
        'user:pw@callback.faultline.example']
        .map((h): [Json, number, string] => [`https://${h}/hook`, 400, 'URI_VALIDATION_ERROR']),
      ['https://hook.invalid/x', 400, 'SUBSCRIPTION_CALLBACK_FAILED'],
      ['https://a.b.INVALID./x', 400, 'SUBSCRIPTION_CALLBACK_FAILED'],
      ['https://172.32.0.1/hook', 201], ['https://8.8.8.8:8443/hook?x=1', 201], ['https://[2001:db8::1]/hook', 201],
    ];
    for (const [uri, status, errorCode] of cases) {
      const x = await call('POST', createPath(), { json: spec({}, { uri }) });
      if (errorCode) assertError(x, status, errorCode);
      else {
        assert.equal(x.status, status, `${String(uri)}: ${x.text}`);
        await call('DELETE', `/subscriptions/${field<string>(x, 'id')}`);
      }
    }
    assertError(await call('POST', createPath(), { json: spec({}, { protocol: 'HTTP' }) }), 400, 'SUBSCRIPTION_URI_ILLEGAL');
    assertError(await call('POST', createPath(), { json: { name: 'x' } }), 400, 'GENERAL_PARAMETER_MISSING');
    assertError(await call('POST', createPath(), { json: { name: 'x', callbackInfo: { protocol: 'HTTPS' } } }), 400, 'GENERAL_PARAMETER_MISSING');
  });

  test('callback headers: names, values, count and size', async () => {
    const accepts = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [[...'accept'].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join(''), '*/*']));
    const exactly = (bytes: number): Record<string, string> => ({ Authorization: 'x'.repeat(bytes - 'Authorization'.length) });
    const cases: [Json, string | undefined][] = [
      [{ '': 'x' }, 'SUBSCRIPTION_EMPTY_HEADER'], [{ Accept: '' }, 'SUBSCRIPTION_EMPTY_HEADER'], [{ Accept: '  ' }, 'SUBSCRIPTION_EMPTY_HEADER'],
      [{ Cookie: 'a=b' }, 'NON_ALLOWED_HEADER_FOUND'], [{ 'X-Forwarded-For': '1.2.3.4' }, 'NON_ALLOWED_HEADER_FOUND'],
      [{ Accept: 'a\r\nX-Injected: 1' }, 'NON_ALLOWED_HEADER_FOUND'], [{ 'Bad Name': 'x' }, 'NON_ALLOWED_HEADER_FOUND'], [{ Accept: 3 }, 'NON_ALLOWED_HEADER_FOUND'],
      [accepts(MAX_HEADERS + 1), 'HEADER_LIMIT_EXCEEDED'], [exactly(MAX_HEADER_BYTES + 1), 'HEADER_LIMIT_SIZE_EXCEEDED'],
      [accepts(MAX_HEADERS), undefined], [exactly(MAX_HEADER_BYTES), undefined],
      [{ 'content-type': 'application/json', 'USER-AGENT': 'faultline', Host: 'callback.faultline.example', Accept: '*/*', Authorization: 'Bearer t' }, undefined],
    ];
    for (const [headers, errorCode] of cases) {
      const x = await call('POST', createPath(), { json: spec({}, { headers }) });
      if (errorCode) assertError(x, 400, errorCode);
      else {
        assert.equal(x.status, 201, x.text);
        await call('DELETE', `/subscriptions/${field<string>(x, 'id')}`);
      }
    }
  });

  test('names: mandatory, 1..1024 characters, no special characters; configurations only SKIP_ERRORS', async () => {
    const cases: [Record<string, Json>, string | undefined][] = [
      [{ name: null }, 'GENERAL_PARAMETER_MISSING'], [{ name: '' }, 'GENERAL_CONSTRAINT_VIOLATION'], [{ name: 'a'.repeat(1025) }, 'GENERAL_CONSTRAINT_VIOLATION'],
      [{ name: 7 }, 'GENERAL_CONSTRAINT_VIOLATION'],
      ...[...'<>{}[]$%^*;"\\|~`', '\n', '\u0000'].map((c): [Record<string, Json>, string] => [{ name: `bad${c}name` }, 'SUBSCRIPTION_INVALID_NAME']),
      [{ configurations: [''] }, 'GENERAL_CONSTRAINT_VIOLATION'], [{ configurations: ['NOPE'] }, 'GENERAL_CONSTRAINT_VIOLATION'],
      [{ configurations: 'SKIP_ERRORS' }, 'GENERAL_CONSTRAINT_VIOLATION'],
      [{ name: 'a'.repeat(1024) }, undefined], [{ name: 'Überwachung – Lieferung (fl-0-1), Team #2 & co.' }, undefined],
    ];
    for (const [more, errorCode] of cases) {
      const x = await call('POST', createPath(), { json: spec(more) });
      if (errorCode) assertError(x, 400, errorCode);
      else {
        assert.equal(x.status, 201, x.text);
        await call('DELETE', `/subscriptions/${field<string>(x, 'id')}`);
      }
    }
    const malformed = await call('POST', createPath(), { body: '{"name": ', headers: { 'Content-Type': 'application/json' } });
    assert.equal(malformed.status, 400);
    assert.equal(code(malformed), undefined, 'an undocumented error invents no errorCode');
    assert.equal((await call('POST', createPath(), { body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status, 415);
  });

  test('the status machine: pause, resume, replay within offsets, manual extract only when failed or suspended', async () => {
    const id = await create();
    const patch = (action: string): Promise<X> => call('PATCH', `/subscriptions/${id}/${action}`);
    assertError(await patch('resume'), 400, 'SUBSCRIPTION_SUBSCRIPTION_ILLEGAL_STATUS');
    assertError(await patch('resume-from-latest'), 400, 'SUBSCRIPTION_SUBSCRIPTION_ILLEGAL_STATUS');
    assertError(await patch('events'), 400, 'SUBSCRIPTION_CANT_EXTRACT');
    assert.equal(field(await patch('pause'), 'status'), 'PAUSED');
    assertError(await patch('pause'), 400, 'SUBSCRIPTION_SUBSCRIPTION_ILLEGAL_STATUS');
    assertError(await patch('events'), 400, 'SUBSCRIPTION_CANT_EXTRACT');
    assert.equal(field(await patch('replay?fromOffset=0'), 'nextOffset'), 0);
    const illegal = await patch('replay?fromOffset=1');
    assertError(illegal, 400, 'SUBSCRIPTION_OFFSET_ILLEGAL');
    assert.equal(field(illegal, 'detail'), 'The offset: 1 is not available');
    assertError(await patch('replay?fromOffset=-1'), 400, 'SUBSCRIPTION_OFFSET_ILLEGAL');
    assertError(await patch('replay'), 400, 'GENERAL_PARAMETER_MISSING');
    assertError(await patch('replay?fromOffset=abc'), 400, 'GENERAL_PARAMETER_MISSMATCH');
    assertError(await patch('replay?fromOffset=9223372036854775808'), 400, 'GENERAL_PARAMETER_MISSMATCH');
    assertError(await patch('replay?fromOffset=9223372036854775807'), 400, 'SUBSCRIPTION_OFFSET_ILLEGAL');
    assert.equal(field(await patch('resume-from-latest'), 'status'), 'ACTIVE');
    await call('DELETE', `/subscriptions/${id}`);
  });

  test('suspended and failed subscriptions (seeded; on a private instance, since these calls change them)', () => {
    const send = direct(() => 0);
    const patch = (id: string, action: string, query = ''): RefResponse =>
      send({ token: TOKEN.admin, method: 'PATCH', path: `/subscriptions/${id}/${action}`, query: new URLSearchParams(query) });
    const errorCode = (r: RefResponse): unknown => (r.body as { errorCode?: unknown }).errorCode;
    const pick = (r: RefResponse): { status: string; nextOffset: number } => {
      const b = r.body as { status: string; nextOffset: number };
      return { status: b.status, nextOffset: b.nextOffset };
    };
    assert.equal(errorCode(patch(SUSPENDED, 'pause')), 'SUBSCRIPTION_SUBSCRIPTION_SUSPENDED');
    assert.equal(errorCode(patch(SUSPENDED, 'replay', 'fromOffset=1')), 'SUBSCRIPTION_SUBSCRIPTION_SUSPENDED');
    const first = patch(SUSPENDED, 'events').body as { events: { offset: number }[]; remaining: number };
    assert.deepEqual([first.events.length, first.events[0]!.offset, first.remaining], [10, 31, 2]);
    assert.deepEqual((patch(SUSPENDED, 'events').body as { remaining: number }).remaining, 0);
    assert.deepEqual(pick(patch(SUSPENDED, 'resume-from-latest')), { status: 'ACTIVE', nextOffset: 42 }, 'skips to the latest offset');
    assert.equal(errorCode(patch(SUSPENDED, 'events')), 'SUBSCRIPTION_CANT_EXTRACT');
    assert.equal(patch('faultline-failed', 'events').status, 200, 'a failed subscription can be extracted from');
    assert.deepEqual(pick(patch('faultline-failed', 'replay', 'fromOffset=2')), { status: 'FAILED', nextOffset: 2 }, 'replay keeps the status');
    assert.equal(pick(patch('faultline-failed', 'pause')).status, 'PAUSED');
  });

  test('only the owner or an admin may change a subscription; without permission on its model, none may', async () => {
    const admins = await create();
    const members = await create(TOKEN.member);
    assert.ok((await listed(TOKEN.member)).some((s) => s.id === admins), 'members see the team\'s subscriptions');
    for (const [method, path] of [['PATCH', `/subscriptions/${admins}/pause`], ['DELETE', `/subscriptions/${admins}`], ['PUT', `/subscriptions/${admins}`]] as const) {
      assertError(await call(method, path, { token: TOKEN.member, json: spec() }), 403, 'SUBSCRIPTION_FORBIDDEN');
    }
    assert.equal((await call('PATCH', `/subscriptions/${members}/pause`)).status, 200, 'an admin may change anyone\'s');
    assert.equal((await call('PATCH', `/subscriptions/${members}/resume`, { token: TOKEN.member })).status, 200, 'the owner may');
    const hidden = await create(TOKEN.admin, RKM, RTRIGGER);
    assert.ok(!(await listed(TOKEN.restricted)).some((s) => s.id === hidden));
    assertError(await call('DELETE', `/subscriptions/${hidden}`, { token: TOKEN.restricted }), 403, 'SUBSCRIPTION_SUBSCRIPTION_ACCESSDENIED');
    for (const id of [admins, members, hidden]) assert.equal((await call('DELETE', `/subscriptions/${id}`)).status, 204);
  });

  test('a user at the quota cannot create, and the refused attempt leaves nothing behind', async () => {
    const x = await call('POST', createPath(), { token: TOKEN.atQuota, json: spec() });
    assertError(x, 403, 'SUBSCRIPTION_LIMIT_EXCEEDED');
    assert.ok(!(await listed()).some((s) => s.owner === 'faultline-at-quota'));
  });

  test('parallel creates get distinct ids, and parallel work on one subscription never touches another', async () => {
    const before = (await listed()).length;
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => create(i % 2 ? TOKEN.member : TOKEN.admin)));
    assert.equal(new Set(ids).size, 40);
    await Promise.all(ids.filter((_, i) => i % 4 === 0).map((id) => call('PATCH', `/subscriptions/${id}/pause`)));
    const statuses = new Map((await listed()).map((s) => [s.id, s.status]));
    ids.forEach((id, i) => assert.equal(statuses.get(id), i % 4 === 0 ? 'PAUSED' : 'ACTIVE'));
    await Promise.all(ids.map((id) => call('DELETE', `/subscriptions/${id}`)));
    assert.equal((await listed()).length, before);
  });
});
