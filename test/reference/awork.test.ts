/**
 * The awork reference target: every provokable catalog entry provoked by the suite's own recipe
 * runner and judged by the suite's own checks, then the resources and rules behind them: auth
 * and roles, projects (uniqueness, archive, ETags), task workflows and transitions, assignees,
 * comments, files, batches, filters/ordering/paging, invitations, seats and plans, isolation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { capturePath } from '../../src/catalog/quote-lint.js';
import type { Entry, Json } from '../../src/catalog/types.js';
import type { Exchange } from '../../src/target/exchange.js';
import { MAX_BODY_BYTES } from '../../reference/apis/awork/body.js';
import { ARCHIVED_PROJECT_NAME, PROJECT, STATUS, TOKEN, TYPE_OF_WORK, USER } from '../../reference/apis/awork/fixtures.js';
import { harness, recipeTests } from '../support/reference.js';


const h = harness('awork');
const { catalog, call } = h;

type Obj = Record<string, Json>;
const obj = (x: Exchange): Obj => x.body as Obj;
const list = (x: Exchange): Obj[] => { assert.equal(x.status, 200, x.text); return x.body as Obj[]; };
let n = 0;
const unique = (): string => `fl-aw-${process.pid}-${++n}`;

/** An awork error: the status, the code, and the whole standardized object around it. */
function assertError(x: Exchange, code: string, status?: number): Obj {
  const entry = catalog.entries.find((e) => e.id === `awork/${code}`)!;
  assert.ok(status === undefined ? entry.status.allows(x.status) : x.status === status, `status ${x.status} for ${code}: ${x.text}`);
  assert.match(x.headers['content-type'] ?? '', /^application\/json/);
  const b = obj(x);
  assert.equal(b.code, code, x.text);
  assert.equal(typeof b.description, 'string');
  assert.equal(b.link, '');
  assert.ok(Array.isArray(b.details) && Array.isArray(b.validationErrors), x.text);
  return b;
}

const properties = (x: Exchange): string[] => (assertError(x, 'validation-failed').validationErrors as Obj[]).map((v) => v.property as string);

async function project(name = unique(), extra: Obj = {}): Promise<{ id: string; etag: string }> {
  const x = await call('POST', '/projects', { json: { name, ...extra } });
  assert.equal(x.status, 200, x.text);
  return { id: obj(x).id as string, etag: x.headers.etag! };
}

async function task(extra: Obj = {}, token: string = TOKEN.admin): Promise<string> {
  const json = { name: unique(), baseType: 'projecttask', typeOfWorkId: TYPE_OF_WORK.main, taskStatusId: STATUS.todo, entityId: PROJECT.active, ...extra };
  const x = await call('POST', '/tasks', { json, token });
  assert.equal(x.status, 200, x.text);
  return obj(x).id as string;
}

const statusOf = async (id: string): Promise<Json> => obj(await call('GET', `/tasks/${id}`)).taskStatusId!;

/** What each recipe's answer must show beyond the catalog's contract, which runChecks judges. */
const SPECIFICS: Record<string, (x: Exchange) => void> = {
  'awork/workspaceid-missing': (x) => assert.equal(x.headers['www-authenticate'], 'Bearer realm="awork", error="invalid_token"'),
  'awork/unauthorized': (x) => assert.equal(x.headers['www-authenticate'], 'Bearer realm="awork", error="insufficient_scope"'),
  'awork/validation-failed': (x) => assert.deepEqual(obj(x).validationErrors, [{ property: 'Name', message: "'Name' should not be empty." }]),
  'awork/already-exist-error': (x) => assert.equal(obj(x).description, 'Identity cannot be invited to this workspace. The identity is already part of the workspace.'),
  'awork/concurrency-violation': (x) => assert.equal(x.status, 412),
  'awork/request-body-too-large': (x) => assert.equal(x.status, 413),
};

/** An entry provoked by its recipe, judged conformant, then checked beyond the contract. */
async function provokeConformant(entry: Entry): Promise<Exchange> {
  const r = await h.provoke(entry);
  assert.deepEqual(r.violations, [], r.exchange.text);
  assert.deepEqual(r.teardownProblems, []);
  await beyondContract(entry, r.exchange, r.sent);
  return r.exchange;
}

/** What awork answers beyond the contract: the body completed from the catalog (the entry's own sentence as details), and teardowns that really delete. */
async function beyondContract(entry: Entry, x: Exchange, sent: { method: string; url: string }[]): Promise<void> {
  if (entry.body.kind === 'json') {
    assert.deepEqual(obj(x).details, [entry.doc.quote]);
    assertError(x, entry.id.slice('awork/'.length));
  }
  SPECIFICS[entry.id]?.(x);
  // The teardown really deleted what the setup created.
  for (const del of sent.filter((s) => s.method === 'DELETE')) assert.equal((await call('GET', del.url.slice(h.base.length))).status, 404);
}

describe('awork catalog recipes', () => {
  test('the catalog quotes the page verbatim, in its order, and keeps its invalid example', () => {
    const page = readFileSync(capturePath(catalog)!, 'utf8');
    let at = 0;
    for (const e of catalog.entries) {
      const found = page.indexOf(e.doc.quote, at);
      assert.ok(found >= at, `${e.id}: quote not found in page order`);
      at = found + e.doc.quote.length;
    }
    const example = catalog.entries.find((e) => e.example)!.example!;
    assert.ok(page.includes(example));
    assert.throws(() => JSON.parse(example));
  });

  recipeTests(h, (entry, r) => beyondContract(entry, r.exchange, r.sent));

  test('recipes run repeatedly and in parallel stay conformant and leave the fixtures intact', async () => {
    const entries = catalog.entries.filter((e) => e.recipes.length);
    await Promise.all(Array.from({ length: 4 }, () => Promise.all(entries.map(provokeConformant))));
    const archived = obj(await call('GET', `/projects/${PROJECT.archived}`));
    assert.deepEqual([archived.name, archived.isArchived], [ARCHIVED_PROJECT_NAME, true]);
    assert.equal(obj(await call('GET', `/projects/${PROJECT.active}`)).isArchived, false);
    assert.equal(obj(await call('GET', `/users/${USER.deactivated}`)).status, 'deactivated');
    assert.deepEqual(list(await call('GET', '/invitations', { token: TOKEN.fullTeam })), []);
    assert.deepEqual(list(await call('GET', '/invitations')).filter((i) => String(i.email).startsWith('api@')), []);
    const leftovers = list(await call('GET', `/tasks?filterby=${encodeURIComponent("startswith(name, 'fl-aw-')")}&pageSize=1000`));
    assert.deepEqual(leftovers, [], 'recipes left tasks behind');
  });
});

describe('authentication and roles', () => {
  test('no credentials: unauthorized with a Bearer challenge, before routing', async () => {
    for (const path of ['/me', '/no/such/thing']) {
      const x = await call('GET', path, { token: null });
      assertError(x, 'unauthorized', 401);
      assert.equal(x.headers['www-authenticate'], 'Bearer realm="awork"');
    }
    assertError(await call('GET', '/no/such/thing'), 'not-found', 404);
  });

  test('another scheme is unauthorized; an unknown key names no team', async () => {
    const other = await call('GET', '/me', { auth: `Token ${TOKEN.admin}` });
    assertError(other, 'unauthorized', 401);
    assert.equal(other.headers['www-authenticate'], 'Bearer realm="awork", error="invalid_request"');
    assertError(await call('GET', '/me', { auth: 'Bearer' }), 'unauthorized', 401);
    assertError(await call('GET', '/me', { token: 'fl-awork-nobody' }), 'workspaceid-missing', 401);
  });

  test('the scheme name is case-insensitive and each key names its user and team', async () => {
    assert.equal(obj(await call('GET', '/me', { auth: `bearer ${TOKEN.admin}` })).id, USER.admin);
    assert.equal(obj(await call('GET', '/me', { token: TOKEN.guest })).role, 'guest');
    assert.equal(obj(await call('GET', '/me', { token: TOKEN.lowPlan })).id, USER.lowPlanAdmin);
  });

  test('a guest reads projects and tasks but changes nothing', async () => {
    const id = await task();
    assert.equal((await call('GET', `/projects/${PROJECT.active}`, { token: TOKEN.guest })).status, 200);
    assert.equal((await call('GET', `/tasks/${id}`, { token: TOKEN.guest })).status, 200);
    const refused = [
      await call('POST', '/projects', { token: TOKEN.guest, json: { name: unique() } }),
      await call('PUT', `/projects/${PROJECT.active}`, { token: TOKEN.guest, json: { name: 'x' } }),
      await call('DELETE', `/tasks/${id}`, { token: TOKEN.guest }),
      await call('POST', `/tasks/${id}/setStatus`, { token: TOKEN.guest, json: { statusId: STATUS.done } }),
      await call('POST', `/tasks/${id}/comments`, { token: TOKEN.guest, json: { message: 'hi' } }),
      await call('POST', '/invitations', { token: TOKEN.guest, json: { email: 'g@faultline.example', firstName: 'G' } }),
    ];
    for (const x of refused) assertError(x, 'unauthorized', 401);
    assert.equal(await statusOf(id), STATUS.todo);
    assert.equal((await call('DELETE', `/tasks/${id}`)).status, 204);
  });

  test('a known path with another method is 405 with Allow and no error body', async () => {
    const x = await call('DELETE', '/me');
    assert.equal(x.status, 405);
    assert.equal(x.headers.allow, 'GET, HEAD');
    assert.equal(x.text, '');
  });

  test('teams are isolated: another team sees none of the main team\'s entities', async () => {
    const id = await task();
    for (const path of [`/projects/${PROJECT.active}`, `/tasks/${id}`, `/users/${USER.admin}`, `/projects/${PROJECT.active}/taskstatuses`]) {
      assertError(await call('GET', path, { token: TOKEN.lowPlan }), 'not-found', 404);
    }
    assert.deepEqual(list(await call('GET', '/projects', { token: TOKEN.lowPlan })), []);
    assert.deepEqual(list(await call('GET', '/users', { token: TOKEN.lowPlan })).map((u) => u.id), [USER.lowPlanAdmin]);
    // A status of the main team is unknown to the free team, not merely of another workflow.
    const own = await call('POST', '/projects', { token: TOKEN.lowPlan, json: { name: unique() } });
    const json = { name: 'x', baseType: 'projecttask', typeOfWorkId: TYPE_OF_WORK.lowPlan, taskStatusId: STATUS.todo, entityId: obj(own).id! };
    assertError(await call('POST', '/tasks', { token: TOKEN.lowPlan, json }), 'not-found', 404);
    assert.equal((await call('DELETE', `/projects/${obj(own).id}`, { token: TOKEN.lowPlan })).status, 204);
    assert.equal((await call('DELETE', `/tasks/${id}`)).status, 204);
  });
});

describe('projects', () => {
  test('create, read, list, replace and delete; the ETag follows every change', async () => {
    const name = unique();
    const made = await call('POST', '/projects', { json: { name, description: 'd', startDate: '2030-01-01', dueDate: '2030-02-01T12:00:00Z', timeBudget: 3600 } });
    assert.equal(made.status, 200, made.text);
    const p = obj(made);
    assert.deepEqual({ ...p, id: 0, createdOn: 0, updatedOn: 0 }, { id: 0, name, description: 'd', startDate: '2030-01-01T00:00:00.000Z', dueDate: '2030-02-01T12:00:00.000Z', timeBudget: 3600, isArchived: false, createdOn: 0, updatedOn: 0 });
    const got = await call('GET', `/projects/${p.id}`);
    assert.equal(got.headers.etag, made.headers.etag);
    assert.deepEqual(obj(got), p);
    assert.equal(list(await call('GET', `/projects?filterby=${encodeURIComponent(`name eq '${name}'`)}`)).length, 1);
    const put = await call('PUT', `/projects/${p.id}`, { headers: { 'If-Match': made.headers.etag! }, json: { name: `${name}-2` } });
    assert.equal(put.status, 200, put.text);
    assert.notEqual(put.headers.etag, made.headers.etag);
    assert.deepEqual([obj(put).name, obj(put).description, obj(put).timeBudget], [`${name}-2`, null, null]);
    assertError(await call('PUT', `/projects/${p.id}`, { headers: { 'If-Match': made.headers.etag! }, json: { name } }), 'concurrency-violation', 412);
    assertError(await call('PUT', `/projects/${p.id}`, { headers: { 'If-Match': `W/${put.headers.etag}` }, json: { name } }), 'concurrency-violation', 412);
    assert.equal((await call('PUT', `/projects/${p.id}`, { headers: { 'If-Match': '*' }, json: { name } })).status, 200);
    assert.equal((await call('PUT', `/projects/${p.id}`, { headers: { 'If-Match': `"other", ${(await call('GET', `/projects/${p.id}`)).headers.etag}` }, json: { name } })).status, 200);
    assert.equal((await call('DELETE', `/projects/${p.id}`)).status, 204);
    assertError(await call('GET', `/projects/${p.id}`), 'not-found', 404);
    assertError(await call('DELETE', `/projects/${p.id}`), 'not-found', 404);
  });

  test('names are unique per team, ignoring case and surrounding blanks, archived projects included', async () => {
    const name = unique();
    const a = await project(name);
    assertError(await call('POST', '/projects', { json: { name: `  ${name.toUpperCase()} ` } }), 'duplication-violation', 400);
    assertError(await call('POST', '/projects', { json: { name: ARCHIVED_PROJECT_NAME } }), 'duplication-violation', 400);
    assert.equal((await call('PUT', `/projects/${a.id}`, { json: { name } })).status, 200, 'keeping its own name is no duplicate');
    const other = await call('POST', '/projects', { token: TOKEN.fullTeam, json: { name } });
    assert.equal(other.status, 200, 'another team may use the same name');
    await call('DELETE', `/projects/${obj(other).id}`, { token: TOKEN.fullTeam });
    await call('DELETE', `/projects/${a.id}`);
  });

  test('model validation lists every violation at once', async () => {
    const x = await call('POST', '/projects', { json: { description: 5, startDate: 'soon', dueDate: '2030-02-31', timeBudget: 1.5 } });
    assert.deepEqual(properties(x), ['Name', 'Description', 'StartDate', 'DueDate', 'TimeBudget']);
    assert.deepEqual(properties(await call('POST', '/projects', { json: { name: '   ' } })), ['Name']);
    const long = assertError(await call('POST', '/projects', { json: { name: 'x'.repeat(201) } }), 'validation-failed');
    assert.match(String((long.validationErrors as Obj[])[0]!.message), /200 characters or fewer/);
  });

  test('an empty, non-JSON or malformed body is invalid-model', async () => {
    assertError(await call('POST', '/projects', { body: '', headers: { 'Content-Type': 'application/json' } }), 'invalid-model', 400);
    assertError(await call('POST', '/projects', { body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 'invalid-model', 400);
    assertError(await call('POST', '/projects', { json: ['name'] }), 'invalid-model', 400);
    assertError(await call('POST', '/projects', { body: '{"name": "x"', headers: { 'Content-Type': 'application/json' } }), 'invalid-model', 400);
    assert.equal((await call('DELETE', `/projects/${(await project(unique(), {})).id}`)).status, 204);
  });

  test('dates: each within 1900..2199, start not after due; time budget within range', async () => {
    assertError(await call('POST', '/projects', { json: { name: unique(), dueDate: '2200-01-01' } }), 'date-out-of-range', 400);
    assertError(await call('POST', '/projects', { json: { name: unique(), startDate: '1899-12-31T23:59:59Z' } }), 'date-out-of-range', 400);
    assertError(await call('POST', '/projects', { json: { name: unique(), startDate: '0001-01-01' } }), 'date-out-of-range', 400);
    assertError(await call('POST', '/projects', { json: { name: unique(), startDate: '2030-01-02', dueDate: '2030-01-01T23:00:00Z' } }), 'date-dependency', 400);
    assertError(await call('POST', '/projects', { json: { name: unique(), timeBudget: -1 } }), 'value-out-of-range', 400);
    const same = await project(unique(), { startDate: '2030-01-01', dueDate: '2030-01-01' });
    await call('DELETE', `/projects/${same.id}`);
  });

  test('archiving: an archived project and its tasks refuse changes until unarchived', async () => {
    const p = await project();
    const statuses = list(await call('GET', `/projects/${p.id}/taskstatuses`));
    assert.deepEqual(statuses.map((s) => s.type), ['todo', 'progress', 'review', 'done']);
    const t = await task({ entityId: p.id, taskStatusId: statuses[0]!.id! });
    assert.equal((await call('POST', `/projects/${p.id}/setArchived`, { json: { isArchived: true } })).status, 204);
    assert.equal(obj(await call('GET', `/projects/${p.id}`)).isArchived, true);
    assertError(await call('PUT', `/projects/${p.id}`, { json: { name: unique() } }), 'entity-archived', 400);
    assertError(await call('POST', '/tasks', { json: { name: 'x', baseType: 'projecttask', typeOfWorkId: TYPE_OF_WORK.main, taskStatusId: statuses[0]!.id!, entityId: p.id } }), 'entity-archived', 400);
    assertError(await call('POST', `/tasks/${t}/setStatus`, { json: { statusId: statuses[1]!.id! } }), 'entity-archived', 400);
    assertError(await call('POST', `/tasks/${t}/comments`, { json: { message: 'late' } }), 'entity-archived', 400);
    assert.deepEqual(properties(await call('POST', `/projects/${p.id}/setArchived`, { json: {} })), ['IsArchived']);
    assert.equal((await call('POST', `/projects/${p.id}/setArchived`, { json: { isArchived: false } })).status, 204);
    assert.equal((await call('POST', `/tasks/${t}/setStatus`, { json: { statusId: statuses[1]!.id! } })).status, 204);
    assert.equal((await call('DELETE', `/projects/${p.id}`)).status, 204);
    assertError(await call('GET', `/tasks/${t}`), 'not-found', 404);
  });
});

describe('tasks', () => {
  test('create requires name, baseType, typeOfWorkId, taskStatusId and entityId', async () => {
    assert.deepEqual(properties(await call('POST', '/tasks', { json: {} })), ['Name', 'TypeOfWorkId', 'BaseType', 'TaskStatusId', 'EntityId']);
    assert.deepEqual(properties(await call('POST', '/tasks', { json: { name: 'x', baseType: 'epic', typeOfWorkId: 'nope', taskStatusId: STATUS.todo, entityId: PROJECT.active } })), ['TypeOfWorkId', 'BaseType']);
  });

  test('references: unknown ids are not-found, a status of another workflow an invalid operation', async () => {
    const base = { name: 'x', baseType: 'projecttask', typeOfWorkId: TYPE_OF_WORK.main, taskStatusId: STATUS.todo, entityId: PROJECT.active };
    assertError(await call('POST', '/tasks', { json: { ...base, entityId: crypto.randomUUID() } }), 'not-found', 404);
    assertError(await call('POST', '/tasks', { json: { ...base, typeOfWorkId: TYPE_OF_WORK.lowPlan } }), 'not-found', 404);
    assertError(await call('POST', '/tasks', { json: { ...base, taskStatusId: crypto.randomUUID() } }), 'not-found', 404);
    const p = await project();
    assertError(await call('POST', '/tasks', { json: { ...base, entityId: p.id } }), 'invalid-operation', 400);
    assertError(await call('POST', '/tasks', { json: { ...base, entityId: PROJECT.archived } }), 'entity-archived', 400);
    await call('DELETE', `/projects/${p.id}`);
  });

  test('dates and planned duration', async () => {
    const base = { name: 'x', baseType: 'projecttask', typeOfWorkId: TYPE_OF_WORK.main, taskStatusId: STATUS.todo, entityId: PROJECT.active };
    assertError(await call('POST', '/tasks', { json: { ...base, startOn: '2030-05-02', dueOn: '2030-05-01' } }), 'date-dependency', 400);
    assertError(await call('POST', '/tasks', { json: { ...base, dueOn: '2999-01-01' } }), 'date-out-of-range', 400);
    assertError(await call('POST', '/tasks', { json: { ...base, plannedDuration: -60 } }), 'value-out-of-range', 400);
    const id = await task({ startOn: '2030-05-01', dueOn: '2030-05-02', plannedDuration: 7200 });
    const t = obj(await call('GET', `/tasks/${id}`));
    assert.deepEqual([t.startOn, t.dueOn, t.plannedDuration, t.baseType, t.entityId], ['2030-05-01T00:00:00.000Z', '2030-05-02T00:00:00.000Z', 7200, 'projecttask', PROJECT.active]);
    await call('DELETE', `/tasks/${id}`);
  });

  test('replace edits fields, honours If-Match, and never changes the baseType', async () => {
    const id = await task();
    const got = await call('GET', `/tasks/${id}`);
    const put = await call('PUT', `/tasks/${id}`, { headers: { 'If-Match': got.headers.etag! }, json: { name: 'renamed', typeOfWorkId: TYPE_OF_WORK.main, plannedDuration: 60 } });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual([obj(put).name, obj(put).plannedDuration, obj(put).taskStatusId], ['renamed', 60, STATUS.todo]);
    assertError(await call('PUT', `/tasks/${id}`, { headers: { 'If-Match': got.headers.etag! }, json: { name: 'again', typeOfWorkId: TYPE_OF_WORK.main } }), 'concurrency-violation', 412);
    assertError(await call('PUT', `/tasks/${id}`, { json: { name: 'x', typeOfWorkId: TYPE_OF_WORK.main, baseType: 'private' } }), 'illegal-property-transition', 400);
    assert.equal((await call('PUT', `/tasks/${id}`, { json: { name: 'x', typeOfWorkId: TYPE_OF_WORK.main, baseType: 'projecttask' } })).status, 200);
    await call('DELETE', `/tasks/${id}`);
  });

  test('status workflow: free moves, except straight from done back to todo', async () => {
    const id = await task();
    const move = (statusId: string): Promise<Exchange> => call('POST', `/tasks/${id}/setStatus`, { json: { statusId } });
    for (const s of [STATUS.progress, STATUS.done, STATUS.review, STATUS.done]) {
      assert.equal((await move(s)).status, 204);
      assert.equal(await statusOf(id), s);
    }
    assertError(await move(STATUS.todo), 'illegal-property-transition', 400);
    assert.equal(await statusOf(id), STATUS.done);
    assert.equal((await move(STATUS.progress)).status, 204);
    assert.equal((await move(STATUS.todo)).status, 204);
    assert.deepEqual(properties(await call('POST', `/tasks/${id}/setStatus`, { json: { statusId: 'todo' } })), ['StatusId']);
    assertError(await move(crypto.randomUUID()), 'not-found', 404);
    assertError(await call('POST', `/tasks/${crypto.randomUUID()}/setStatus`, { json: { statusId: STATUS.done } }), 'not-found', 404);
    await call('DELETE', `/tasks/${id}`);
  });

  test('private tasks live in their owner\'s own workflow and are invisible to others', async () => {
    const mine = list(await call('GET', '/me/taskstatuses'));
    assert.deepEqual(mine.map((s) => s.type), ['todo', 'progress', 'review', 'done']);
    assert.deepEqual(list(await call('GET', '/me/taskstatuses')), mine, 'created once');
    const id = await task({ baseType: 'private', entityId: USER.admin, taskStatusId: mine[0]!.id! });
    assertError(await call('GET', `/tasks/${id}`, { token: TOKEN.guest }), 'not-found', 404);
    assert.ok(!list(await call('GET', '/tasks?pageSize=1000', { token: TOKEN.guest })).some((t) => t.id === id));
    assertError(await call('POST', '/tasks', { json: { name: 'x', baseType: 'private', typeOfWorkId: TYPE_OF_WORK.main, taskStatusId: mine[0]!.id!, entityId: USER.member } }), 'invalid-operation', 400);
    assertError(await call('POST', '/tasks', { json: { name: 'x', baseType: 'private', typeOfWorkId: TYPE_OF_WORK.main, taskStatusId: STATUS.todo, entityId: USER.admin } }), 'invalid-operation', 400);
    await call('DELETE', `/tasks/${id}`);
  });

  test('assignees: team users only, each once, none deactivated', async () => {
    const id = await task();
    const assign = (json: Json): Promise<Exchange> => call('POST', `/tasks/${id}/setAssignees`, { json });
    assert.equal((await assign([USER.member, USER.admin.toUpperCase()])).status, 204);
    assert.deepEqual(obj(await call('GET', `/tasks/${id}`)).assigneeIds, [USER.member, USER.admin]);
    assertError(await assign([USER.member, USER.member]), 'duplication-violation', 400);
    assertError(await assign([USER.deactivated]), 'deactivated-user', 400);
    assertError(await assign([USER.fullMember]), 'not-found', 404);
    assertError(await assign({ userIds: [USER.member] }), 'invalid-model', 400);
    assert.deepEqual(properties(await assign([USER.member, 'bob'])), ['[1]']);
    assert.deepEqual(obj(await call('GET', `/tasks/${id}`)).assigneeIds, [USER.member, USER.admin], 'refused changes change nothing');
    assert.equal((await assign([])).status, 204);
    assert.deepEqual(obj(await call('GET', `/tasks/${id}`)).assigneeIds, []);
    await call('DELETE', `/tasks/${id}`);
  });

  test('comments: added, listed, validated; they go with their task', async () => {
    const id = await task();
    const c = await call('POST', `/tasks/${id}/comments`, { json: { message: 'first' } });
    assert.equal(c.status, 200, c.text);
    assert.deepEqual([obj(c).message, obj(c).userId, obj(c).taskId], ['first', USER.admin, id]);
    await call('POST', `/tasks/${id}/comments`, { json: { message: 'second' } });
    assert.deepEqual(list(await call('GET', `/tasks/${id}/comments?orderby=message desc`)).map((x) => x.message), ['second', 'first']);
    assert.deepEqual(properties(await call('POST', `/tasks/${id}/comments`, { json: { message: '' } })), ['Message']);
    await call('DELETE', `/tasks/${id}`);
    assertError(await call('GET', `/tasks/${id}/comments`), 'not-found', 404);
  });

  test('files: multipart uploads up to the limit; larger ones are request-body-too-large', async () => {
    const id = await task();
    const upload = (data: string, name = 'file', type = 'multipart/form-data; boundary=b0undary'): Promise<Exchange> => call('POST', `/tasks/${id}/files`, {
      headers: { 'Content-Type': type },
      body: `--b0undary\r\nContent-Disposition: form-data; name="${name}"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n${data}\r\n--b0undary--\r\n`,
    });
    const ok = await upload('hello');
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual([obj(ok).name, obj(ok).contentType, obj(ok).size], ['notes.txt', 'text/plain', 5]);
    assert.deepEqual(list(await call('GET', `/tasks/${id}/files`)).map((f) => f.id), [obj(ok).id]);
    assertError(await upload('x'.repeat(MAX_BODY_BYTES)), 'request-body-too-large', 413);
    assertError(await upload('x', 'file', 'application/octet-stream'), 'invalid-model', 400);
    assert.deepEqual(properties(await upload('x', 'attachment')), ['File']);
    await call('DELETE', `/tasks/${id}`);
  });

  test('batch setStatus applies every operation or none', async () => {
    const [a, b] = [await task(), await task({ taskStatusId: STATUS.done })];
    const batch = (json: Json): Promise<Exchange> => call('POST', '/tasks/batch/setStatus', { json });
    assertError(await batch([{ taskId: a, statusId: STATUS.progress }, { taskId: b, statusId: STATUS.todo }]), 'illegal-property-transition', 400);
    assert.deepEqual([await statusOf(a), await statusOf(b)], [STATUS.todo, STATUS.done], 'nothing applied');
    const done = await batch([{ taskId: a, statusId: STATUS.progress }, { taskId: b, statusId: STATUS.review }]);
    assert.equal(done.status, 202, done.text);
    assert.deepEqual([await statusOf(a), await statusOf(b)], [STATUS.progress, STATUS.review]);
    assertError(await batch({ taskId: a, statusId: STATUS.done }), 'invalid-batch-operation', 400);
    assertError(await batch(Array.from({ length: 101 }, () => ({ taskId: a, statusId: STATUS.done }))), 'invalid-batch-operation', 400);
    assertError(await batch([{ taskId: a, statusId: STATUS.done }, { taskId: a, statusId: STATUS.review }]), 'invalid-batch-operation', 400);
    assertError(await batch([{ taskId: a, statusId: STATUS.done }, 'b']), 'invalid-batch-operation', 400);
    assert.deepEqual(properties(await batch([{ taskId: a, statusId: STATUS.done }, { taskId: b }])), ['[1].StatusId']);
    assert.match(String(assertError(await batch([{ taskId: a, statusId: crypto.randomUUID() }]), 'not-found').description), /^Operation \[0\]: /);
    assertError(await call('POST', '/tasks/batch/setStatus', { body: '[', headers: { 'Content-Type': 'application/json' } }), 'invalid-model', 400);
    await call('DELETE', `/tasks/${a}`);
    await call('DELETE', `/tasks/${b}`);
  });
});

describe('filters, ordering and paging', () => {
  test('filterby, orderby, page and pageSize compose; X-Total-Count counts before paging', async () => {
    const prefix = unique();
    const made = [await project(`${prefix}-b`, { timeBudget: 20, dueDate: '2031-01-01' }), await project(`${prefix}-a`, { timeBudget: 10 }), await project(`${prefix}-c`, { timeBudget: 30 })];
    const q = (filter: string, extra = ''): Promise<Exchange> => call('GET', `/projects?filterby=${encodeURIComponent(filter)}${extra}`);
    const names = async (filter: string, extra = ''): Promise<Json[]> => list(await q(filter, extra)).map((p) => p.name!);
    const mine = `startswith(name, '${prefix}')`;
    assert.deepEqual(await names(mine, '&orderby=name'), [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
    assert.deepEqual(await names(mine, '&orderby=timeBudget%20desc'), [`${prefix}-c`, `${prefix}-b`, `${prefix}-a`]);
    const page2 = await q(mine, '&orderby=name&page=2&pageSize=2');
    assert.deepEqual(list(page2).map((p) => p.name), [`${prefix}-c`]);
    assert.equal(page2.headers['x-total-count'], '3');
    assert.deepEqual(await names(`${mine} and (timeBudget ge 20 or name eq '${prefix.toUpperCase()}-A')`, '&orderby=name'), [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
    assert.deepEqual(await names(`${mine} and not (timeBudget gt 10) and dueDate eq null`), [`${prefix}-a`]);
    assert.deepEqual(await names(`${mine} and dueDate ge '2030-12-31' and isArchived eq false`), [`${prefix}-b`]);
    assert.deepEqual(await names(`substringof('${prefix}-c', name) or endswith(name, '${prefix}-a')`, '&orderby=dueDate desc, name asc'), [`${prefix}-a`, `${prefix}-c`]);
    assert.deepEqual(await names(`${mine} and name eq 'it''s'`), []);
    for (const p of made) await call('DELETE', `/projects/${p.id}`);
  });

  test('invalid statements are invalid-filter-or-order and say where', async () => {
    const bad: [string, string][] = [
      ['filterby', "colour eq 'red'"], ['filterby', "name resembles 'x'"], ['filterby', 'isArchived gt true'],
      ['filterby', "name eq 'open"], ['filterby', 'timeBudget eq \'ten\''], ['filterby', "dueDate lt 'tomorrow'"],
      ['filterby', '(name eq null'], ['filterby', "name eq 'x' name"], ['filterby', "length(name) eq 3"],
      ['filterby', "startswith(timeBudget, '1')"], ['filterby', 'name eq #'], ['orderby', 'name sideways'],
      ['orderby', 'colour'], ['orderby', 'name,'],
    ];
    for (const [param, value] of bad) {
      const b = assertError(await call('GET', `/projects?${param}=${encodeURIComponent(value)}`), 'invalid-filter-or-order', 400);
      assert.match(String(b.description), new RegExp(`^${param}: .*\\(at position \\d+\\)$`), value);
    }
  });

  test('paging parameters: whole numbers, page from 1, pageSize 1..1000', async () => {
    assert.deepEqual(properties(await call('GET', '/projects?page=abc')), ['page']);
    assert.deepEqual(properties(await call('GET', '/projects?pageSize=1.5')), ['pageSize']);
    assertError(await call('GET', '/projects?page=0'), 'value-out-of-range', 400);
    assertError(await call('GET', '/projects?pageSize=1001'), 'value-out-of-range', 400);
    assert.equal(list(await call('GET', '/users?pageSize=1')).length, 1);
    assert.deepEqual(list(await call('GET', `/users?filterby=${encodeURIComponent("status eq 'deactivated'")}`)).map((u) => u.id), [USER.deactivated]);
  });
});

describe('team: invitations, seats, activation and plans', () => {
  test('invite, refuse a second invitation and existing members, revoke', async () => {
    const email = `${unique()}@faultline.example`;
    const inv = await call('POST', '/invitations', { json: { email, firstName: 'New', lastName: 'Person' } });
    assert.equal(inv.status, 200, inv.text);
    assertError(await call('POST', '/invitations', { json: { email: email.toUpperCase(), firstName: 'New' } }), 'already-exist-error', 400);
    const member = obj(await call('GET', `/users/${USER.member}`)).email as string;
    assertError(await call('POST', '/invitations', { json: { email: member, firstName: 'M' } }), 'already-exist-error', 400);
    const former = obj(await call('GET', `/users/${USER.deactivated}`)).email as string;
    assertError(await call('POST', '/invitations', { json: { email: former, firstName: 'F' } }), 'deactivated-user', 400);
    assert.deepEqual(properties(await call('POST', '/invitations', { json: { email: 'not-an-email' } })), ['Email', 'FirstName']);
    assert.equal((await call('DELETE', `/invitations/${obj(inv).id}`)).status, 204);
    assert.equal((await call('POST', '/invitations', { json: { email, firstName: 'New' } })).status, 200, 'revoked: may be invited again');
    const again = list(await call('GET', '/invitations')).find((i) => i.email === email)!;
    await call('DELETE', `/invitations/${again.id}`);
  });

  test('a team without free seats can neither invite nor activate; freeing a seat lets it', async () => {
    const json = { email: `${unique()}@faultline.example`, firstName: 'No', lastName: 'Seat' };
    assertError(await call('POST', '/invitations', { token: TOKEN.fullTeam, json }), 'insufficient-seats', 403);
    assertError(await call('POST', `/users/${USER.fullDeactivated}/activate`, { token: TOKEN.fullTeam }), 'insufficient-seats', 403);
    assert.equal((await call('POST', `/users/${USER.fullAdmin}/activate`, { token: TOKEN.fullTeam })).status, 204, 'already active: no seat needed');
    // Free a seat, use it, and put the team back as the fixtures describe it.
    assert.equal((await call('POST', `/users/${USER.fullMember}/deactivate`, { token: TOKEN.fullTeam })).status, 204);
    assert.equal((await call('POST', `/users/${USER.fullDeactivated}/activate`, { token: TOKEN.fullTeam })).status, 204);
    assertError(await call('POST', `/users/${USER.fullMember}/activate`, { token: TOKEN.fullTeam }), 'insufficient-seats', 403);
    assert.equal((await call('POST', `/users/${USER.fullDeactivated}/deactivate`, { token: TOKEN.fullTeam })).status, 204);
    const inv = await call('POST', '/invitations', { token: TOKEN.fullTeam, json });
    assert.equal(inv.status, 200, 'the freed seat takes an invitation');
    assertError(await call('POST', `/users/${USER.fullMember}/activate`, { token: TOKEN.fullTeam }), 'insufficient-seats', 403);
    assert.equal((await call('DELETE', `/invitations/${obj(inv).id}`, { token: TOKEN.fullTeam })).status, 204);
    assert.equal((await call('POST', `/users/${USER.fullMember}/activate`, { token: TOKEN.fullTeam })).status, 204);
    assertError(await call('POST', '/invitations', { token: TOKEN.fullTeam, json }), 'insufficient-seats', 403);
  });

  test('deactivation: never oneself, never twice; a deactivated user can be activated while seats are free', async () => {
    assertError(await call('POST', `/users/${USER.admin}/deactivate`), 'invalid-operation', 400);
    assertError(await call('POST', `/users/${USER.deactivated}/deactivate`), 'deactivated-user', 400);
    assertError(await call('POST', `/users/${USER.member}/deactivate`, { token: TOKEN.guest }), 'unauthorized', 401);
    // The member is no recipe's fixture, and these tests run one after another: deactivate and restore it.
    const id = await task();
    assert.equal((await call('POST', `/users/${USER.member}/deactivate`)).status, 204);
    assert.equal(obj(await call('GET', `/users/${USER.member}`)).status, 'deactivated');
    assertError(await call('POST', `/tasks/${id}/setAssignees`, { json: [USER.member] }), 'deactivated-user', 400);
    assert.equal((await call('POST', `/users/${USER.member}/activate`)).status, 204);
    assert.equal(obj(await call('GET', `/users/${USER.member}`)).status, 'active');
    assert.equal((await call('POST', `/tasks/${id}/setAssignees`, { json: [USER.member] })).status, 204);
    await call('DELETE', `/tasks/${id}`);
  });

  test('custom fields need the business plan, even to read', async () => {
    assertError(await call('GET', '/customfielddefinitions', { token: TOKEN.lowPlan }), 'insufficient-subscription-level', 403);
    assertError(await call('POST', '/customfielddefinitions', { token: TOKEN.lowPlan, json: { name: 'x', type: 'text' } }), 'insufficient-subscription-level', 403);
    assert.ok(list(await call('GET', '/customfielddefinitions')).some((d) => d.name === 'Cost centre'));
    const name = unique();
    const made = await call('POST', '/customfielddefinitions', { json: { name, type: 'number' } });
    assert.equal(made.status, 200, made.text);
    assertError(await call('POST', '/customfielddefinitions', { json: { name: name.toUpperCase(), type: 'text' } }), 'duplication-violation', 400);
    assert.deepEqual(properties(await call('POST', '/customfielddefinitions', { json: { name: 'y', type: 'colour' } })), ['Type']);
    assert.equal((await call('DELETE', `/customfielddefinitions/${obj(made).id}`)).status, 204);
    assert.deepEqual(list(await call('GET', '/typeofwork')).map((w) => w.id), [TYPE_OF_WORK.main]);
  });
});

describe('request size', () => {
  test('a JSON body over the limit is request-body-too-large, also beyond the server\'s own cap', async () => {
    const big = JSON.stringify({ name: 'x', description: 'y'.repeat(MAX_BODY_BYTES) });
    assertError(await call('POST', '/projects', { body: big, headers: { 'Content-Type': 'application/json' } }), 'request-body-too-large', 413);
    const huge = Buffer.alloc(5 * 1024 * 1024, 0x61);
    assertError(await call('POST', '/projects', { body: huge, headers: { 'Content-Type': 'application/json' } }), 'request-body-too-large', 413);
  });
});
