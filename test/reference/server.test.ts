/**
 * The reference target's shared frame (reference/server.ts, reference/deviations.ts), observed
 * on the wire through the cmix module: prefix routing, the body cap, keep-alive, shutdown with
 * open connections, and every deliberate deviation kind.
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { DEVIATION_KINDS, parseDeviations, type Deviation, type DeviationKind } from '../../reference/deviations.js';
import { fixture } from '../../reference/fixtures.js';
import type { RefRequest, RefResponse } from '../../reference/http.js';
import { dispatch, type Routing } from '../../reference/router.js';
import { MAX_REQUEST_BYTES, type StartOptions } from '../../reference/server.js';
import { fetchSender, harness, startOne, type Exchange } from '../support/reference.js';

const h = harness('cmix');
const auth = { Authorization: `Bearer ${h.token('admin')}` };
const SURVEY = h.v('CMIX_SURVEY_ID');
/** A fresh target of its own (cmix only), for tests that change or stop it. */
const startTarget = async (opts: Omit<StartOptions, 'catalogs' | 'port'> = {}) => (await startOne(h.catalog, opts)).ref;
const archive = { respondentType: 'LIVE', type: 'DATA', completes: true, inProcess: false, terminates: false };

/** One request on the wire, read as the suite reads answers. */
function get(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Exchange> {
  return fetchSender.send({ method: init.method ?? 'GET', url, headers: init.headers ?? {}, ...(init.body !== undefined ? { body: init.body } : {}) });
}

describe('frame', () => {

  test('a path under no API prefix is the frame\'s plain-text 404', async () => {
    for (const p of ['/', '/nothing', '/cmixfoo/surveys']) {
      const x = await get(h.ref.origin + p, { headers: auth });
      assert.equal(x.status, 404, p);
      assert.match(x.headers['content-type'] ?? '', /^text\/plain/);
      assert.match(x.text, /no API is mounted/);
    }
  });

  test('bodies up to the cap reach the handler whole; a larger one arrives cut and is refused', async () => {
    const url = `${h.ref.baseUrls.CMIX_BASE_URL}/surveys/${SURVEY}/archives`;
    const doc = JSON.stringify(archive);
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const atCap = await get(url, { method: 'POST', headers, body: doc + ' '.repeat(MAX_REQUEST_BYTES - doc.length) });
    assert.equal(atCap.status, 201, atCap.text);
    const over = await get(url, { method: 'POST', headers, body: doc + ' '.repeat(MAX_REQUEST_BYTES - doc.length + 1) });
    assert.equal(over.status, 400);
    assert.match((over.body as { errorMessage: string }).errorMessage, /too large/);
    assert.equal((await get(url, { headers: auth })).status, 200, 'the server still serves');
  });

  test('delayMs answers every request no sooner than that, and the same answer', async () => {
    const late = await startTarget({ delayMs: 150 });
    try {
      const url = `${late.baseUrls.CMIX_BASE_URL}/surveys`;
      const t0 = performance.now();
      const [a, b] = await Promise.all([get(url, { headers: auth }), get(url, { headers: auth })]);
      assert.ok(performance.now() - t0 >= 145, 'not answered before the delay');
      assert.equal(a.status, (await get(`${h.ref.baseUrls.CMIX_BASE_URL}/surveys`, { headers: auth })).status);
      assert.equal(b.status, a.status);
    } finally {
      await late.close();
    }
  });

  test('connections are kept alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const reused: boolean[] = [];
      for (let i = 0; i < 3; i++) {
        await new Promise<void>((resolve, reject) => {
          const req = request(`${h.ref.baseUrls.CMIX_BASE_URL}/surveys`, { agent, headers: auth }, (res) => {
            assert.equal(res.statusCode, 200);
            assert.equal(res.headers.connection, 'keep-alive');
            res.resume();
            res.on('end', () => { reused.push(req.reusedSocket); resolve(); });
          });
          req.on('error', reject);
          req.end();
        });
      }
      assert.deepEqual(reused, [false, true, true]);
    } finally {
      agent.destroy();
    }
  });
});

test('close() finishes promptly with idle keep-alive and half-sent requests open', async () => {
  const ref = await startTarget();
  const agent = new Agent({ keepAlive: true });
  await new Promise<void>((resolve) => {
    request(`${ref.baseUrls.CMIX_BASE_URL}/surveys`, { agent, headers: auth }, (res) => { res.resume(); res.on('end', resolve); }).end();
  });
  const raw = connect(ref.port, '127.0.0.1');
  await new Promise<void>((resolve) => raw.once('connect', resolve));
  raw.write('GET /cmix/surveys HTTP/1.1\r\nHost: x\r\n'); // headers never finished
  const rawClosed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
  raw.on('error', () => undefined);
  const started = Date.now();
  await ref.close();
  await rawClosed;
  // generous for a loaded machine, still far below the 60 s a half-sent request could otherwise hold the server
  assert.ok(Date.now() - started < 10_000, `close took ${Date.now() - started} ms`);
  agent.destroy();
  await assert.rejects(fetch(`${ref.baseUrls.CMIX_BASE_URL}/surveys`, { headers: auth }));
});

/** How to provoke a cmix entry, and what each deviation kind must do to it on the wire. */
const provoke: Record<string, (base: string) => Promise<Exchange>> = {
  'cmix/not-found': (b) => get(`${b}/surveys/2147480001`, { headers: auth }),
  'cmix/unauthorized': (b) => get(`${b}/surveys`),
  'cmix/method-not-allowed': (b) => get(`${b}/surveys`, { method: 'DELETE', headers: auth }),
  'cmix/not-acceptable': (b) => get(`${b}/surveys`, { headers: { ...auth, Accept: 'text/html' } }),
  'cmix/unprocessable-entity': (b) => get(`${b}/surveys/${SURVEY}/archives`, {
    method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ ...archive, type: 'PDF' }),
  }),
};

type Body = Record<string, unknown>;
const cases: { kind: DeviationKind; entry: string; arg?: string; check(x: Exchange): void }[] = [
  { kind: 'status', entry: 'cmix/not-found', arg: '400', check: (x) => assert.equal(x.status, 400) },
  { kind: 'status', entry: 'cmix/not-found', check: (x) => assert.equal(x.status, 418) },
  { kind: 'drop-header', entry: 'cmix/unauthorized', arg: 'www-authenticate', check: (x) => assert.equal(x.headers['www-authenticate'], undefined) },
  { kind: 'drop-header', entry: 'cmix/method-not-allowed', arg: 'Allow', check: (x) => assert.equal(x.headers['allow'], undefined) },
  { kind: 'header', entry: 'cmix/unauthorized', arg: 'WWW-Authenticate=Bearer realm="x"', check: (x) => assert.equal(x.headers['www-authenticate'], 'Bearer realm="x"') },
  { kind: 'content-type', entry: 'cmix/not-found', arg: 'text/plain', check: (x) => {
    assert.equal(x.headers['content-type'], 'text/plain');
    assert.equal(typeof (JSON.parse(x.text) as Body).errorMessage, 'string', 'the same JSON body, relabelled');
  } },
  { kind: 'drop-field', entry: 'cmix/not-found', arg: 'errorMessage', check: (x) => assert.deepEqual(x.body, {}) },
  { kind: 'rename-field', entry: 'cmix/unprocessable-entity', arg: 'failedValidations>errors', check: (x) => {
    assert.equal((x.body as Body).failedValidations, undefined);
    assert.ok(Array.isArray((x.body as Body).errors));
  } },
  { kind: 'field-type', entry: 'cmix/not-found', arg: 'errorMessage', check: (x) => assert.equal((x.body as Body).errorMessage, 12345) },
  { kind: 'set-field', entry: 'cmix/unprocessable-entity', arg: 'failedValidations="none"', check: (x) => assert.equal((x.body as Body).failedValidations, 'none') },
  { kind: 'body-status', entry: 'cmix/not-found', check: (x) => { assert.equal(x.status, 404); assert.equal((x.body as Body).status, 405); } },
  { kind: 'html', entry: 'cmix/not-found', check: (x) => {
    assert.match(x.headers['content-type'] ?? '', /^text\/html/);
    assert.match(x.text, /^<!DOCTYPE html>/);
  } },
  { kind: 'empty', entry: 'cmix/not-found', check: (x) => { assert.equal(x.status, 404); assert.equal(x.text, ''); } },
  { kind: 'stack-trace', entry: 'cmix/not-found', check: (x) => assert.match(String((x.body as Body).trace), /\n {4}at /) },
  { kind: 'stack-trace', entry: 'cmix/not-acceptable', check: (x) => { assert.equal(x.status, 406); assert.match(x.text, /\n {4}at /); } },
  { kind: 'extra-field', entry: 'cmix/not-found', check: (x) => assert.equal(typeof (x.body as Body).faultlineExtra, 'string') },
];

describe('deviations on the wire', () => {
  test('every deviation kind has a case here', () => {
    assert.deepEqual([...new Set(cases.map((c) => c.kind))].sort(), [...DEVIATION_KINDS].sort());
  });

  for (const c of cases) {
    test(`${c.kind}${c.arg ? `:${c.arg}` : ''} on ${c.entry}`, async () => {
      const d: Deviation = { entry: c.entry, kind: c.kind, ...(c.arg !== undefined ? { arg: c.arg } : {}) };
      const ref = await startTarget({ deviations: [d] });
      try {
        const base = ref.baseUrls.CMIX_BASE_URL!;
        c.check(await provoke[c.entry]!(base));
        // Other entries and successful answers are untouched.
        const other = c.entry === 'cmix/unauthorized' ? 'cmix/not-found' : 'cmix/unauthorized';
        const x = await provoke[other]!(base);
        assert.equal(x.status, other === 'cmix/not-found' ? 404 : 401);
        assert.equal(typeof (x.body as Body).errorMessage, 'string');
        assert.equal((await get(`${base}/surveys/${SURVEY}`, { headers: auth })).status, 200);
      } finally {
        await ref.close();
      }
    });
  }

  test('several deviations, given as a spec string, compose on one entry', async () => {
    const ref = await startTarget({ deviations: parseDeviations('cmix/not-found=status:400;cmix/not-found=drop-field:errorMessage;cmix/unauthorized=drop-header:WWW-Authenticate') });
    try {
      const x = await provoke['cmix/not-found']!(ref.baseUrls.CMIX_BASE_URL!);
      assert.equal(x.status, 400);
      assert.deepEqual(x.body, {});
      assert.equal((await provoke['cmix/unauthorized']!(ref.baseUrls.CMIX_BASE_URL!)).headers['www-authenticate'], undefined);
    } finally {
      await ref.close();
    }
  });
});

describe('parseDeviations', () => {
  test('parses both forms; nothing for an empty spec', () => {
    assert.deepEqual(parseDeviations(undefined), []);
    assert.deepEqual(parseDeviations('  '), []);
    assert.deepEqual(parseDeviations('cmix/unauthorized=header:WWW-Authenticate=Basic a=b;cmix/not-found=empty'), [
      { entry: 'cmix/unauthorized', kind: 'header', arg: 'WWW-Authenticate=Basic a=b' },
      { entry: 'cmix/not-found', kind: 'empty' },
    ]);
    assert.deepEqual(parseDeviations('[{"entry": "cmix/not-found", "kind": "status", "arg": "500"}]'), [{ entry: 'cmix/not-found', kind: 'status', arg: '500' }]);
  });

  test('refuses bad specs with a message naming the problem', () => {
    assert.throws(() => parseDeviations('cmix/not-found'), /must look like <entry id>=<kind>/);
    assert.throws(() => parseDeviations('cmix/not-found=teapot'), /unknown kind "teapot"/);
    assert.throws(() => parseDeviations('cmix/not-found=status:400;cmix/forbidden'), /deviation "cmix\/forbidden"/);
    assert.throws(() => parseDeviations('[{"entry": "cmix/not-found", "kind": "nope"}]'), /unknown kind "nope"/);
    assert.throws(() => parseDeviations('[{"entry": '), SyntaxError);
  });
});

test('a deviation for an unknown entry id is refused at start', async () => {
  await assert.rejects(startTarget({ deviations: [{ entry: 'cmix/no-such-entry', kind: 'status' }] }), /no catalog entry cmix\/no-such-entry/);
});

describe('routing (reference/router.ts), the one convention of every API', () => {
  const req = (method: string, path: string): RefRequest =>
    ({ method, path, originalPath: `/api${path}`, query: new URLSearchParams(), headers: {}, raw: Buffer.alloc(0), truncated: false });
  const routes: Routing<{ who: string }>['routes'] = [
    { pattern: '/things/fixed', methods: { GET: ({ who }) => ({ status: 200, body: `fixed for ${who}` }) } },
    { pattern: '/things/:id', methods: { GET: ({ params, who }) => ({ status: 200, body: `${params.id} for ${who}` }), DELETE: () => ({ status: 204 }) } },
  ];
  const strict: Routing<{ who: string }> = {
    routes,
    notFound: (r) => ({ status: 404, body: `none at ${r.originalPath}` }),
    methodNotAllowed: (_r, allow) => ({ status: 405, headers: { Allow: allow } }),
  };
  const loose: Routing<{ who: string }> = { routes, notFound: () => ({ status: 404 }), ignoreTrailingSlash: true };
  const at = (r: Routing<{ who: string }>, method: string, path: string): RefResponse => dispatch(r, req(method, path), { who: 'ann' });

  test('the first matching pattern wins; handlers get the params and the API context', () => {
    assert.deepEqual(at(strict, 'GET', '/things/fixed'), { status: 200, body: 'fixed for ann' });
    assert.deepEqual(at(strict, 'GET', '/things/a%20b'), { status: 200, body: 'a b for ann' });
  });

  test('HEAD is served by GET; another method is the API\'s 405 with Allow, or its 404 when it has none', () => {
    assert.equal(at(strict, 'HEAD', '/things/1').status, 200);
    assert.deepEqual(at(strict, 'PUT', '/things/1'), { status: 405, headers: { Allow: 'GET, HEAD, DELETE' } });
    assert.equal(at(loose, 'PUT', '/things/1').status, 404);
  });

  test('unknown paths and malformed percent-encoding are the API\'s 404; a trailing slash only where the API ignores it', () => {
    assert.deepEqual(at(strict, 'GET', '/nothing'), { status: 404, body: 'none at /api/nothing' });
    assert.equal(at(strict, 'GET', '/things/%E0%A4%A').status, 404);
    assert.equal(at(strict, 'GET', '/things/1/').status, 404);
    assert.equal(at(loose, 'GET', '/things/1/').status, 200);
  });
});

test('a fixture env/reference.env does not define stops the target, naming the variable', () => {
  assert.throws(() => fixture('FAULTLINE_NO_SUCH_FIXTURE'), /env\/reference\.env defines no FAULTLINE_NO_SUCH_FIXTURE/);
});
