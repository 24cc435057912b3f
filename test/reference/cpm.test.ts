/**
 * The CPM reference target: every provokable catalog entry provoked by the suite's own recipe
 * runner and judged by the suite's own checks, then the resources and rules behind them: token
 * auth (header or query), facets/views/elements, and $filter, $select, $page, $pageSize.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Json } from '../../src/catalog/types.js';
import type { Exchange } from '../../src/target/exchange.js';
import { FACETS } from '../../reference/apis/cpm/data.js';
import { harness, recipeTests } from '../support/reference.js';

const h = harness('cpm');

type Obj = Record<string, Json>;
const obj = (x: Exchange): Obj => x.body as Obj;

/** A request with query parameters and the reader's token (null: none) in its header. */
function call(method: string, path: string, query: Record<string, string> = {}, token: string | null = h.token('reader')): Promise<Exchange> {
  const q = new URLSearchParams(query).toString();
  return h.call(method, path + (q ? `?${q}` : ''), { token });
}

const ELEMENTS = '/facets/processes/views/tree/elements';
const DETAIL = '/facets/processes/views/detail/elements';
const ORDER_TO_CASH = FACETS[0]!.elements[0]!.id;

/** `$filter` on the detail view; returns the names listed, or the 400 message. */
async function names(filter: string, path = DETAIL): Promise<string[]> {
  const x = await call('GET', path, { $filter: filter });
  assert.equal(x.status, 200, x.text);
  return (obj(x).data as Obj[]).map((e) => e.name as string);
}

async function refused(query: Record<string, string>, pattern: RegExp, path = DETAIL): Promise<void> {
  const x = await call('GET', path, query);
  assert.equal(x.status, 400, x.text);
  assert.match(obj(x).message as string, pattern);
  assert.deepEqual(h.judge('cpm/bad-request', x), []);
}

const SPECIFICS: Record<string, (x: Exchange) => void> = {
  'cpm/bad-request': (x) => assert.match(obj(x).message as string, /^Invalid \$filter: unterminated string/),
  'cpm/unauthorized': (x) => assert.equal(x.headers['www-authenticate'], 'symbio-auth-token realm="Celonis Process Management"'),
  'cpm/not-found': (x) => assert.match(obj(x).message as string, /^Not found: \/cpm\/faultline\/default\/_api\/rest\/facets\/processes\/views\/tree\/elements\/[0-9a-f-]{36}\/info$/),
};

describe('cpm catalog recipes', () => {
  recipeTests(h, (entry, { exchange: x }) => {
    assert.equal(x.headers['content-type'], 'application/json');
    assert.deepEqual(Object.keys(obj(x)).sort(), ['data', 'message', 'output', 'type']);
    assert.equal(obj(x).type, 'error');
    SPECIFICS[entry.id]!(x);
  });
});

describe('authentication', () => {
  test('the token is accepted in the header or the query; the header wins', async () => {
    assert.equal((await call('POST', '/facets')).status, 200);
    assert.equal((await call('POST', '/facets', { 'symbio-auth-token': h.token('reader') }, null)).status, 200);
    assert.equal((await call('POST', '/facets', { 'symbio-auth-token': h.token('reader') }, 'wrong')).status, 401);
  });

  test('a wrong or empty token is 401, before any routing', async () => {
    for (const token of ['wrong', '']) {
      const x = await call('GET', '/no/such/path', {}, token);
      assert.equal(x.status, 401);
      assert.equal(typeof obj(x).message, 'string');
    }
    assert.equal((await call('GET', '/no/such/path')).status, 404);
  });
});

describe('facets, views and elements', () => {
  test('POST /facets describes the storage and its facets', async () => {
    const x = await call('POST', '/facets');
    assert.deepEqual(obj(x).output, { collection: 'faultline', storage: 'default' });
    assert.deepEqual((obj(x).data as Obj[]).map((f) => f.id), ['processes', 'organization']);
  });

  test('views list different fields; the tree view knows children', async () => {
    const tree = obj(await call('GET', ELEMENTS));
    assert.deepEqual(tree.output, { page: 1, pageSize: 50, total: 6 });
    const first = (tree.data as Obj[])[0]!;
    assert.deepEqual(first, { id: ORDER_TO_CASH, name: 'Order to Cash', type: 'mainProcess', parentId: null, hasChildren: true });
    const detail = (obj(await call('GET', DETAIL)).data as Obj[])[0]!;
    assert.deepEqual(Object.keys(detail), ['id', 'name', 'type', 'parentId', 'state', 'owner', 'version', 'modifiedAt', 'description']);
    const org = obj(await call('GET', '/facets/organization/views/tree/elements'));
    assert.deepEqual((org.data as Obj[]).map((e) => e.name), ['Sales', 'Logistics']);
  });

  test('info and content of an element', async () => {
    const info = obj(await call('GET', `${ELEMENTS}/${ORDER_TO_CASH}/info`)).data as Obj;
    assert.deepEqual([info.name, info.state, info.facet, info.view], ['Order to Cash', 'released', 'processes', 'tree']);
    const content = obj(await call('GET', `${ELEMENTS}/${ORDER_TO_CASH}/content`)).data as Obj;
    assert.deepEqual((content.children as Obj[]).map((c) => c.name), ['Create Sales Order', 'Ship Goods', 'Invoice Customer']);
  });

  test('unknown facets, views, elements, parts, paths and methods are 404', async () => {
    for (const path of ['/facets/nope/views/tree/elements', '/facets/processes/views/nope/elements', `${ELEMENTS}/nope/info`, `${ELEMENTS}/${ORDER_TO_CASH}/history`, '/facets/processes', '/']) {
      const x = await call('GET', path);
      assert.equal(x.status, 404, path);
      assert.equal(obj(x).message, `Not found: /cpm/faultline/default/_api/rest${path === '/' ? '/' : path}`);
    }
    assert.equal((await call('DELETE', `${ELEMENTS}/${ORDER_TO_CASH}/info`)).status, 404);
    assert.equal((await call('GET', '/facets')).status, 404);
  });
});

describe('$filter', () => {
  test('eq and ne on strings, numbers, booleans and null', async () => {
    assert.deepEqual(await names("owner eq 'Sales'"), ['Order to Cash', 'Create Sales Order']);
    assert.deepEqual(await names('version eq 1'), ['Ship Goods', 'Approve Requisition']);
    assert.deepEqual(await names('parentId eq null'), ['Order to Cash', 'Procure to Pay']);
    assert.deepEqual(await names('hasChildren eq true', ELEMENTS), ['Order to Cash', 'Procure to Pay']);
    assert.equal((await names("state ne 'released'")).length, 2);
  });

  test('and binds tighter than or; parentheses group', async () => {
    assert.deepEqual(await names("owner eq 'Sales' and type eq 'process' or owner eq 'Finance'"), ['Create Sales Order', 'Invoice Customer']);
    assert.deepEqual(await names("owner eq 'Sales' and (type eq 'process' or owner eq 'Finance')"), ['Create Sales Order']);
    assert.deepEqual(await names("owner eq 'nobody' OR name eq 'Ship Goods'"), ['Ship Goods'], 'keywords are case-insensitive');
  });

  test("'' escapes a quote inside a string", async () => {
    assert.deepEqual(await names("description eq 'Bill the customer for what was shipped, including the customer''s discounts.'"), ['Invoice Customer']);
  });

  test('malformed expressions are 400 with the reason', async () => {
    await refused({ $filter: "name eq 'open" }, /unterminated string starting at position 8/);
    await refused({ $filter: "colour eq 'red'" }, /unknown field 'colour'/);
    await refused({ $filter: "name 'x'" }, /expected 'eq' or 'ne' at position 5/);
    await refused({ $filter: 'name eq' }, /expected a value .* at the end/);
    await refused({ $filter: "name eq 'a' 'b'" }, /unexpected input at position 12/);
    await refused({ $filter: "(name eq 'a'" }, /expected '\)' at the end/);
    await refused({ $filter: '' }, /empty expression/);
    await refused({ $filter: "name eq 'a' & owner eq 'b'" }, /unexpected character '&'/);
    await refused({ $filter: 'hasChildren eq true' }, /unknown field 'hasChildren'/);
  });
});

describe('$select and paging', () => {
  test('$select picks fields in the order asked', async () => {
    const rows = obj(await call('GET', DETAIL, { $select: 'name,owner' })).data as Obj[];
    assert.deepEqual(rows[0], { name: 'Order to Cash', owner: 'Sales' });
    await refused({ $select: 'name,colour' }, /Invalid \$select: unknown field\(s\) 'colour'/);
    await refused({ $select: '' }, /Invalid \$select/);
  });

  test('$page counts from 1 in pages of $pageSize', async () => {
    const past = obj(await call('GET', ELEMENTS, { $page: '2', $pageSize: '4', $filter: 'parentId ne null' }));
    assert.deepEqual(past.output, { page: 2, pageSize: 4, total: 4 });
    assert.deepEqual(past.data, []);
    const second = obj(await call('GET', ELEMENTS, { $page: '2', $pageSize: '5' }));
    assert.deepEqual((second.data as Obj[]).map((e) => e.name), ['Approve Requisition']);
    for (const [k, v] of [['$page', '0'], ['$page', 'one'], ['$pageSize', '501'], ['$pageSize', '-1']] as const) {
      await refused({ [k]: v }, new RegExp(`Invalid \\${k}: '${v}'`));
    }
  });
});
