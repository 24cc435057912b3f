/**
 * The reference target's shared frame (reference/server.ts, reference/deviations.ts), observed
 * on the wire through the cmix module: prefix routing, the body cap, keep-alive, shutdown with
 * open connections, and every deliberate deviation kind.
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { DEVIATION_KINDS, parseDeviations, type Deviation, type DeviationKind } from '../../reference/deviations.js';
import { MAX_REQUEST_BYTES, type RunningReference } from '../../reference/server.js';
import { cmixEnv, exchange, startTarget, type Exchange } from './cmix-support.js';

const env = cmixEnv();
const auth = { Authorization: `Bearer ${env.CMIX_TOKEN_ADMIN!}` };
const archive = { respondentType: 'LIVE', type: 'DATA', completes: true, inProcess: false, terminates: false };

async function get(url: string, init: RequestInit = {}): Promise<Exchange> {
  return exchange(await fetch(url, init));
}

describe('frame', () => {
  let ref: RunningReference;
  before(async () => { ref = await startTarget(); });
  after(() => ref.close());

  test('a path under no API prefix is the frame\'s plain-text 404', async () => {
    for (const p of ['/', '/nothing', '/cmixfoo/surveys']) {
      const x = await get(ref.origin + p, { headers: auth });
      assert.equal(x.status, 404, p);
      assert.match(x.headers.get('content-type') ?? '', /^text\/plain/);
      assert.match(x.text, /no API is mounted/);
    }
  });

  test('bodies up to the cap reach the handler whole; a larger one arrives cut and is refused', async () => {
    const url = `${ref.baseUrls.CMIX_BASE_URL}/surveys/${env.CMIX_SURVEY_ID}/archives`;
    const doc = JSON.stringify(archive);
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const atCap = await get(url, { method: 'POST', headers, body: doc + ' '.repeat(MAX_REQUEST_BYTES - doc.length) });
    assert.equal(atCap.status, 201, atCap.text);
    const over = await get(url, { method: 'POST', headers, body: doc + ' '.repeat(MAX_REQUEST_BYTES - doc.length + 1) });
    assert.equal(over.status, 400);
    assert.match((over.body as { errorMessage: string }).errorMessage, /too large/);
    assert.equal((await get(url, { headers: auth })).status, 200, 'the server still serves');
  });

  test('connections are kept alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const reused: boolean[] = [];
      for (let i = 0; i < 3; i++) {
        await new Promise<void>((resolve, reject) => {
          const req = request(`${ref.baseUrls.CMIX_BASE_URL}/surveys`, { agent, headers: auth }, (res) => {
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
  assert.ok(Date.now() - started < 2000, `close took ${Date.now() - started} ms`);
  agent.destroy();
  await assert.rejects(fetch(`${ref.baseUrls.CMIX_BASE_URL}/surveys`, { headers: auth }));
});

/** How to provoke a cmix entry, and what each deviation kind must do to it on the wire. */
const provoke: Record<string, (base: string) => Promise<Exchange>> = {
  'cmix/not-found': (b) => get(`${b}/surveys/2147480001`, { headers: auth }),
  'cmix/unauthorized': (b) => get(`${b}/surveys`),
  'cmix/method-not-allowed': (b) => get(`${b}/surveys`, { method: 'DELETE', headers: auth }),
  'cmix/not-acceptable': (b) => get(`${b}/surveys`, { headers: { ...auth, Accept: 'text/html' } }),
  'cmix/unprocessable-entity': (b) => get(`${b}/surveys/${env.CMIX_SURVEY_ID}/archives`, {
    method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ ...archive, type: 'PDF' }),
  }),
};

type Body = Record<string, unknown>;
const cases: { kind: DeviationKind; entry: string; arg?: string; check(x: Exchange): void }[] = [
  { kind: 'status', entry: 'cmix/not-found', arg: '400', check: (x) => assert.equal(x.status, 400) },
  { kind: 'status', entry: 'cmix/not-found', check: (x) => assert.equal(x.status, 418) },
  { kind: 'drop-header', entry: 'cmix/unauthorized', arg: 'www-authenticate', check: (x) => assert.equal(x.headers.get('www-authenticate'), null) },
  { kind: 'drop-header', entry: 'cmix/method-not-allowed', arg: 'Allow', check: (x) => assert.equal(x.headers.get('allow'), null) },
  { kind: 'header', entry: 'cmix/unauthorized', arg: 'WWW-Authenticate=Bearer realm="x"', check: (x) => assert.equal(x.headers.get('www-authenticate'), 'Bearer realm="x"') },
  { kind: 'content-type', entry: 'cmix/not-found', arg: 'text/plain', check: (x) => {
    assert.equal(x.headers.get('content-type'), 'text/plain');
    assert.equal(typeof (x.body as Body).errorMessage, 'string');
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
    assert.match(x.headers.get('content-type') ?? '', /^text\/html/);
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
        assert.equal((await get(`${base}/surveys/${env.CMIX_SURVEY_ID}`, { headers: auth })).status, 200);
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
      assert.equal((await provoke['cmix/unauthorized']!(ref.baseUrls.CMIX_BASE_URL!)).headers.get('www-authenticate'), null);
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
