/**
 * The cmix reference target: every provokable catalog entry provoked by its own recipe, then the
 * resources and rules behind them (state changes, validation, auth, negotiation, isolation).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ARCHIVES_KEPT } from '../../reference/apis/cmix/state.js';
import { harness, recipeTests, startOne, type CallOptions, type Exchange } from '../support/reference.js';

const h = harness('cmix');
const { call } = h;
const ADMIN = h.token('admin');
const VIEWER = h.token('viewer');
const SURVEY = h.v('CMIX_SURVEY_ID');
const PROJECT = h.v('CMIX_PROJECT_ID');

function errorOf(x: Exchange): { errorMessage: string; failedValidations?: { field: string; message: string }[] } {
  assert.equal(x.headers['content-type'], 'application/json', x.text);
  const b = x.body as { errorMessage?: unknown };
  assert.equal(typeof b.errorMessage, 'string', x.text);
  return x.body as never;
}

const fields = (x: Exchange): string[] => (errorOf(x).failedValidations ?? []).map((f) => f.field).sort();
const archiveBody = { respondentType: 'LIVE', type: 'DATA', completes: true, inProcess: false, terminates: false };

describe('cmix catalog recipes', () => {
  recipeTests(h, (entry, { exchange: x }) => {
    if (entry.body.kind === 'undocumented') assert.equal(x.text, '', 'a body-less entry answers without a body');
  });

  test('recipes run repeatedly and in parallel stay conformant and leave the fixtures intact', async () => {
    const entries = h.catalog.entries.filter((e) => e.recipes.length);
    const rounds = await Promise.all(Array.from({ length: 6 }, () => Promise.all(entries.map(async (e) => {
      const r = await h.provoke(e);
      assert.deepEqual(r.violations, [], r.exchange.text);
    }))));
    assert.equal(rounds.length, 6);
    assert.equal(((await call('GET', `/projects/${PROJECT}`)).body as { status: string }).status, 'LIVE');
    assert.equal((await call('GET', `/surveys/${SURVEY}`)).status, 200);
  });
});

describe('surveys', () => {
  test('list all, filter by one or several statuses', async () => {
    const all = (await call('GET', '/surveys')).body as { status: string }[];
    assert.deepEqual(all.map((s) => s.status).sort(), ['CLOSED', 'DESIGN', 'LIVE']);
    const live = await call('GET', '/surveys?status=LIVE', { token: VIEWER });
    assert.equal(live.status, 200);
    assert.deepEqual((live.body as { id: number }[]).map((s) => s.id), [Number(SURVEY)]);
    const two = (await call('GET', '/surveys?status=LIVE&status=CLOSED')).body as unknown[];
    assert.equal(two.length, 2);
  });

  test('an unknown status filter is 422 naming the status parameter', async () => {
    const x = await call('GET', '/surveys?status=live&status=OPEN');
    assert.equal(x.status, 422);
    assert.deepEqual(fields(x), ['status', 'status']);
  });

  test('one survey and its definition; unknown or malformed ids are 404', async () => {
    assert.deepEqual((await call('GET', `/surveys/${SURVEY}`)).body, { id: Number(SURVEY), name: 'faultline fixture survey (live)', status: 'LIVE' });
    assert.equal(((await call('GET', `/surveys/${SURVEY}/definition`, { token: VIEWER })).body as { surveyId: number }).surveyId, Number(SURVEY));
    for (const p of ['/surveys/2147480001', '/surveys/abc', '/surveys/0', '/surveys/%ZZ', '/surveys/2147480001/definition']) {
      const x = await call('GET', p);
      assert.equal(x.status, 404, p);
      errorOf(x);
    }
  });

  test('an admin archive is created, listed and readable; old archives are forgotten, never refused', async () => {
    const created = await call('POST', '/surveys/1003/archives', { json: { ...archiveBody, respondentType: 'TEST', terminates: true } });
    assert.equal(created.status, 201, created.text);
    const a = created.body as { id: number; surveyId: number; terminates: boolean };
    assert.equal(a.surveyId, 1003);
    assert.equal(a.terminates, true);
    const listed = (await call('GET', '/surveys/1003/archives', { token: VIEWER })).body as { id: number }[];
    assert.ok(listed.some((x) => x.id === a.id));
    assert.deepEqual((await call('GET', `/surveys/1003/archives/${a.id}`)).body, created.body);
    assert.equal((await call('GET', '/surveys/1003/archives/999999')).status, 404);
    for (let i = 0; i < ARCHIVES_KEPT + 5; i++) assert.equal((await call('POST', '/surveys/1003/archives', { json: archiveBody })).status, 201);
    assert.equal(((await call('GET', '/surveys/1003/archives')).body as unknown[]).length, ARCHIVES_KEPT);
  });

  test('archive validation: missing fields 400, invalid ones 422, all named at once', async () => {
    const missing = await call('POST', `/surveys/${SURVEY}/archives`, { json: { completes: true } });
    assert.equal(missing.status, 400);
    assert.deepEqual(fields(missing), ['respondentType', 'type']);
    const invalid = await call('POST', `/surveys/${SURVEY}/archives`, { json: { respondentType: 'X', type: 'PDF', completes: 'yes' } });
    assert.equal(invalid.status, 422);
    assert.deepEqual(fields(invalid), ['completes', 'respondentType', 'type']);
    const nothing = await call('POST', `/surveys/${SURVEY}/archives`, { json: { ...archiveBody, completes: false } });
    assert.equal(nothing.status, 422);
    assert.deepEqual(fields(nothing), ['completes']);
    const design = await call('POST', '/surveys/1002/archives', { json: archiveBody });
    assert.equal(design.status, 422);
    assert.deepEqual(fields(design), ['surveyId']);
    assert.equal((await call('POST', '/surveys/2147480001/archives', { json: archiveBody })).status, 404);
  });

  test('a viewer may read archives but not create one, and the refusal creates nothing', async () => {
    const before = ((await call('GET', '/surveys/1003/archives', { token: VIEWER })).body as unknown[]).length;
    const x = await call('POST', '/surveys/1003/archives', { token: VIEWER, json: { ...archiveBody, completes: false } });
    assert.equal(x.status, 403);
    errorOf(x);
    assert.equal(((await call('GET', '/surveys/1003/archives')).body as unknown[]).length, before);
  });
});

describe('projects', () => {
  test('an admin creates, reads, changes and deletes a project', async () => {
    const created = await call('POST', '/projects', { json: { name: 'fl-project', surveyId: Number(SURVEY) } });
    assert.equal(created.status, 201, created.text);
    const p = created.body as { id: number; status: string };
    assert.equal(p.status, 'DESIGN');
    assert.equal(created.headers['location'], `/cmix/projects/${p.id}`);
    assert.equal(((await call('GET', `/projects/${p.id}`, { token: VIEWER })).body as { name: string }).name, 'fl-project');
    const live = await call('PATCH', `/projects/${p.id}`, { json: { status: 'LIVE' } });
    assert.equal((live.body as { status: string }).status, 'LIVE');
    const back = await call('PATCH', `/projects/${p.id}`, { json: { status: 'DESIGN' } });
    assert.equal(back.status, 422);
    assert.deepEqual(fields(back), ['status']);
    assert.equal(((await call('GET', '/projects')).body as { id: number }[]).some((x) => x.id === p.id), true);
    assert.equal((await call('DELETE', `/projects/${p.id}`)).status, 204);
    assert.equal((await call('GET', `/projects/${p.id}`)).status, 404);
    assert.equal((await call('DELETE', `/projects/${p.id}`)).status, 404);
  });

  test('project validation: missing fields 400, invalid 422, unknown survey in the body 404', async () => {
    assert.deepEqual(fields(await call('POST', '/projects', { json: {} })), ['name']);
    const bad = await call('POST', '/projects', { json: { name: '', surveyId: 'x' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(fields(bad), ['name', 'surveyId']);
    const ghost = await call('POST', '/projects', { json: { name: 'fl-ghost', surveyId: 2147480001 } });
    assert.equal(ghost.status, 404);
    errorOf(ghost);
    assert.equal((await call('PATCH', `/projects/${PROJECT}`, { json: {} })).status, 400);
    assert.equal((await call('PATCH', `/projects/${PROJECT}`, { json: { status: 'OPEN' } })).status, 422);
    assert.equal((await call('PATCH', '/projects/2147480001', { json: { status: 'LIVE' } })).status, 404);
  });

  test('a viewer reads projects and groups but every write is 403 and changes nothing', async () => {
    const before = await call('GET', `/projects/${PROJECT}`, { token: VIEWER });
    assert.equal(before.status, 200);
    const groups = await call('GET', `/projects/${PROJECT}/groups`, { token: VIEWER });
    assert.deepEqual((groups.body as { name: string }[]).map((g) => g.name), ['Quota A', 'Quota B']);
    for (const [method, path, json] of [['PATCH', `/projects/${PROJECT}`, { status: 'CLOSED' }], ['DELETE', `/projects/${PROJECT}`, undefined], ['POST', '/projects', { name: 'fl-no' }]] as const) {
      const x = await call(method, path, { token: VIEWER, ...(json ? { json } : {}) });
      assert.equal(x.status, 403, `${method} ${path}`);
      errorOf(x);
    }
    assert.deepEqual((await call('GET', `/projects/${PROJECT}`)).body, before.body);
  });
});

describe('authentication', () => {
  test('no, malformed, or unknown credentials are 401 with the Basic challenge, even for unknown paths', async () => {
    const cases: Record<string, string>[] = [{}, { Authorization: 'Basic Zm9vOmJhcg==' }, { Authorization: 'Bearer nope' }, { Authorization: 'Bearer' }, { Authorization: `Token ${ADMIN}` }];
    for (const headers of cases) {
      for (const path of ['/surveys', '/nowhere']) {
        const x = await call('GET', path, { token: null, headers });
        assert.equal(x.status, 401, JSON.stringify(headers));
        assert.equal(x.headers['www-authenticate'], 'Basic realm="cmix"');
        errorOf(x);
      }
    }
  });

  test('the bearer scheme is case-insensitive', async () => {
    assert.equal((await call('GET', '/surveys', { token: null, headers: { Authorization: `bearer ${VIEWER}` } })).status, 200);
  });
});

describe('methods and negotiation', () => {
  test('405 lists exactly the methods of the path in Allow; HEAD is served wherever GET is', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', `/surveys/${SURVEY}`, 'GET, HEAD'], ['PUT', '/surveys', 'GET, HEAD'],
      ['DELETE', `/surveys/${SURVEY}/archives`, 'GET, HEAD, POST'], ['POST', `/projects/${PROJECT}`, 'GET, HEAD, PATCH, DELETE'],
      ['OPTIONS', '/projects', 'GET, HEAD, POST'],
    ];
    for (const [method, path, allow] of cases) {
      const x = await call(method, path);
      assert.equal(x.status, 405, `${method} ${path}`);
      assert.equal(x.headers['allow'], allow);
      errorOf(x);
    }
    const head = await call('HEAD', `/surveys/${SURVEY}`);
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
  });

  test('406 unless Accept admits JSON; wildcards and q-values are honoured; 406 comes first', async () => {
    const ok = [undefined, '*/*', 'application/*', 'application/json; charset=utf-8', 'text/html, application/json;q=0.5'];
    for (const accept of ok) assert.equal((await call('GET', `/surveys/${SURVEY}`, { headers: accept ? { Accept: accept } : {} })).status, 200, accept);
    const refused = ['text/html', 'application/xml, text/*', 'application/json;q=0, */*', 'application/problem+json'];
    for (const accept of refused) {
      const x = await call('GET', `/surveys/${SURVEY}`, { headers: { Accept: accept } });
      assert.equal(x.status, 406, accept);
      assert.equal(x.text, '');
    }
    assert.equal((await call('GET', '/surveys', { token: null, headers: { Accept: 'text/html' } })).status, 406);
  });

  test('request bodies: other types or bad encodings 415, missing or invalid JSON 400', async () => {
    const path = `/surveys/${SURVEY}/archives`;
    const body = JSON.stringify(archiveBody);
    const unsupported: CallOptions[] = [
      { body, headers: { 'Content-Type': 'text/plain' } },
      { body },
      { body, headers: { 'Content-Type': 'application/json; charset=iso-8859-1' } },
      { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: { 'Content-Type': 'application/json' } },
    ];
    for (const o of unsupported) assert.equal((await call('POST', path, o)).status, 415, JSON.stringify(o.headers));
    const bad: CallOptions[] = [
      {}, { body: '', headers: { 'Content-Type': 'application/json' } }, { body: '  ', headers: { 'Content-Type': 'application/json' } },
      { json: [archiveBody] }, { json: null }, { body: '{"respondentType": ', headers: { 'Content-Type': 'application/json; charset=UTF-8' } },
    ];
    for (const o of bad) {
      const x = await call('POST', path, o);
      assert.equal(x.status, 400, JSON.stringify(o));
      errorOf(x);
    }
  });

  test('an unknown path below /cmix is the JSON 404, not the frame\'s', async () => {
    for (const p of ['/', '/nowhere', '/surveys/', `/surveys/${SURVEY}/archives/1/extra`]) {
      const x = await call('GET', p);
      assert.equal(x.status, 404, p);
      errorOf(x);
    }
  });
});

test('two targets keep separate state', async () => {
  const other = await startOne(h.catalog);
  try {
    const created = await call('POST', '/projects', { json: { name: 'fl-isolated' } });
    const id = (created.body as { id: number }).id;
    const there = await fetch(`${other.base}/projects/${id}`, { headers: { Authorization: `Bearer ${ADMIN}` } });
    assert.equal(there.status, 404);
    await there.text();
  } finally {
    await other.ref.close();
  }
});
