/** An undocumented 5xx is still judged against the API's documented 5xx contract. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/catalog/load.js';
import { judge } from '../../src/runner/execute.js';
import { Validators } from '../../src/schema/compile.js';
import { toExchange } from '../../src/target/exchange.js';

const catalogs = loadCatalogs();
const validators = new Validators(catalogs);
const sub = catalogs.find((c) => c.api === 'subscription')!;
const entry = sub.entries.find((e) => e.id === 'subscription/KM_MODEL_NOTFOUND')!;

test('a 500 where a 404 is documented: the status violation, plus the 5xx contract of the API', () => {
  const x = toExchange(500, { 'content-type': 'text/html' }, Buffer.from('<h1>Internal Server Error</h1>'));
  const v = judge(sub, entry, x, validators);
  assert.ok(v.some((y) => y.check === 'status_code_conformance' && y.actual === 500));
  const fiveXX = v.filter((y) => y.message.startsWith('(unexpected 500, judged against subscription/'));
  assert.ok(fiveXX.length > 0, JSON.stringify(v, null, 2));
  assert.ok(fiveXX.every((y) => y.check !== 'status_code_conformance'));
});

test('a 500 that matches a documented 5xx contract adds only the status violation', () => {
  const body = { title: 'Unexpected error.', status: 500, detail: 'Celonis Support ID: 4f1c2d3e-0000-4000-8000-000000000000', errorCode: 'ADMIN_FATAL_ERROR' };
  const x = toExchange(500, { 'content-type': 'application/problem+json' }, Buffer.from(JSON.stringify(body)));
  const v = judge(sub, entry, x, validators);
  const againstFatal = v.filter((y) => y.message.includes('judged against subscription/ADMIN_FATAL_ERROR'));
  assert.deepEqual(againstFatal, [], JSON.stringify(againstFatal, null, 2));
});

test('a 4xx that is not documented for the entry is judged only against the entry', () => {
  const x = toExchange(400, { 'content-type': 'application/problem+json' }, Buffer.from('{"status":400}'));
  assert.ok(judge(sub, entry, x, validators).every((y) => !y.message.startsWith('(unexpected')));
});
