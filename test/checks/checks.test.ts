/** Each check with conforming and non-conforming exchanges. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECKS, checkNamed, ownerOf, runCheck, runChecks, type Expectation, type Violation } from '../../src/checks/index.js';
import type { Exchange } from '../../src/target/exchange.js';
import { exchange, expectation, goodUnauthorized } from './helpers.js';

const unauth = expectation('t/unauthorized');
const named = (name: string) => (x: Exchange, exp: Expectation): Violation[] => runCheck(checkNamed(name), x, exp);
const conflict = expectation('t/conflict');

test('a conforming exchange passes every check (extension members allowed)', () => {
  assert.deepEqual(runChecks(goodUnauthorized(), unauth), []);
  assert.deepEqual(runChecks(exchange(412, { 'content-type': 'text/plain' }, 'conflict'), conflict), []);
});

describe('status_code_conformance', () => {
  const check = named('status_code_conformance');
  test('flags a wrong status with expected and actual', () => {
    const x = goodUnauthorized(); x.status = 400;
    const v = check(x, unauth);
    assert.equal(v.length, 1);
    assert.deepEqual([v[0]!.pointer, v[0]!.expected, v[0]!.actual, v[0]!.strength], ['/status', 401, 400, 'must']);
    assert.match(v[0]!.message, /expected HTTP status 401, got 400/);
  });
  test('accepts any status of a documented set and rejects others', () => {
    assert.deepEqual(check(exchange(409, {}, 'conflict'), conflict), []);
    const v = check(exchange(410, {}, 'conflict'), conflict);
    assert.deepEqual(v[0]!.expected, [409, 412]);
    assert.equal(v[0]!.strength, 'should');
  });
});

describe('content_type_conformance', () => {
  const check = named('content_type_conformance');
  test('accepts parameters after the media type', () => {
    const x = goodUnauthorized(); x.headers['content-type'] = 'application/problem+json; charset=utf-8';
    assert.deepEqual(check(x, unauth), []);
  });
  test('flags another media type and a missing one', () => {
    const x = goodUnauthorized(); x.headers['content-type'] = 'text/html';
    assert.match(check(x, unauth)[0]!.message, /expected Content-Type application\/problem\+json, got text\/html/);
    const y = goodUnauthorized(); delete y.headers['content-type'];
    assert.match(check(y, unauth)[0]!.message, /has none/);
  });
  test('flags a body announced as JSON that does not parse', () => {
    const x = exchange(401, { 'www-authenticate': 'Bearer', 'x-request-id': '1', 'content-type': 'application/problem+json' }, '{"title": ');
    const v = check(x, unauth);
    assert.ok(v.some((y) => y.pointer === '/body' && /not valid JSON/.test(y.message)));
  });
});

describe('response_headers_conformance', () => {
  const check = named('response_headers_conformance');
  test('flags a missing documented header with its basis and strength', () => {
    const x = goodUnauthorized(); delete x.headers['x-request-id'];
    const v = check(x, unauth);
    assert.equal(v.length, 1);
    assert.equal(v[0]!.pointer, '/headers/x-request-id');
    assert.equal(v[0]!.strength, 'must');
    assert.match(v[0]!.message, /expected header X-Request-Id \(page\), but it is absent/);
  });
  test('flags a header value that does not match', () => {
    const x = goodUnauthorized(); x.headers['www-authenticate'] = 'Basic realm="t"';
    const v = check(x, unauth);
    assert.equal(v[0]!.strength, 'should');
    assert.match(v[0]!.message, /WWW-Authenticate: expected to match \/\^Bearer\//);
  });
  test('does not judge the content type (its own check does)', () => {
    const x = goodUnauthorized(); x.headers['content-type'] = 'text/plain';
    assert.deepEqual(check(x, unauth), []);
  });
});

describe('response_schema_conformance', () => {
  const check = named('response_schema_conformance');
  test('flags a missing required field, a wrong constant and a wrong type', () => {
    const x = exchange(401, { 'www-authenticate': 'Bearer', 'x-request-id': '1', 'content-type': 'application/problem+json' }, { status: '401', errorCode: 'OTHER' });
    const v = check(x, unauth);
    const byPointer = Object.fromEntries(v.map((y) => [y.pointer, y]));
    assert.equal(byPointer['/body/title']?.expected, 'present');
    assert.equal(byPointer['/body/errorCode']?.expected, 'AUTH_MISSING');
    assert.equal(byPointer['/body/errorCode']?.actual, 'OTHER');
    assert.ok(byPointer['/body/status'], 'a string status is flagged');
  });
  test('flags an HTML page or an empty body where a JSON object is documented', () => {
    const html = exchange(401, { 'www-authenticate': 'Bearer', 'x-request-id': '1', 'content-type': 'text/html' }, '<html><body>401</body></html>');
    assert.ok(check(html, unauth).some((y) => y.pointer === '/body'));
    const empty = exchange(401, { 'www-authenticate': 'Bearer', 'x-request-id': '1' }, undefined);
    assert.ok(check(empty, unauth).some((y) => y.pointer === '/body'));
  });
  test('checks exact text bodies', () => {
    assert.equal(check(exchange(409, {}, 'conflict!'), conflict).length, 1);
  });
});

describe('problem_status_consistency', () => {
  const check = named('problem_status_consistency');
  test('passes when the body status equals the HTTP status or is absent', () => {
    assert.deepEqual(check(goodUnauthorized(), unauth), []);
    assert.deepEqual(check(exchange(401, {}, { title: 'x' }), unauth), []);
  });
  test('flags a disagreeing status, numeric or string', () => {
    assert.deepEqual(check(exchange(401, {}, { status: 400 }), unauth).map((v) => [v.expected, v.actual]), [[401, 400]]);
    assert.equal(check(exchange(401, {}, { status: '500' }), unauth).length, 1);
    assert.deepEqual(check(exchange(401, {}, { status: '401' }), unauth), []);
    assert.deepEqual(check(exchange(200, {}, { status: 404, title: 'Not Found' }), unauth).map((v) => [v.expected, v.actual]), [[200, 404]], 'an error envelope delivered with 200');
  });
  test('a status that states no HTTP status code is not judged', () => {
    for (const status of ['error', 'fail', 'LIVE', 'active', '4040', 99, 600, 401.5, true, null, { code: 401 }]) {
      assert.deepEqual(check(exchange(401, {}, { status, message: 'x' }), unauth), [], JSON.stringify(status));
    }
  });
});

describe('no_stack_trace_leak', () => {
  const check = named('no_stack_trace_leak');
  test('finds stack traces inside JSON strings and plain text', () => {
    const js = exchange(500, { 'content-type': 'application/json' }, { detail: 'Error: x\n    at f (/srv/app.js:1:2)' });
    assert.match(check(js, unauth)[0]!.message, /JavaScript stack frame/);
    const java = exchange(500, {}, 'java.lang.NullPointerException\n\tat com.acme.Foo.bar(Foo.java:42)');
    assert.match(check(java, unauth)[0]!.message, /Java stack frame/);
    const py = exchange(500, {}, 'Traceback (most recent call last):\n  File "x.py", line 1');
    assert.match(check(py, unauth)[0]!.message, /Python traceback/);
  });
  test('does not mistake ordinary text for a trace', () => {
    assert.deepEqual(check(exchange(400, {}, { detail: 'meet at 12:30:45 at the office' }), unauth), []);
    assert.deepEqual(check(goodUnauthorized(), unauth), []);
  });
});

describe('the check table', () => {
  test('each schema error goes to the one check that owns its part of the document', () => {
    assert.equal(ownerOf('/status')?.name, 'status_code_conformance');
    assert.equal(ownerOf('/headers/content-type')?.name, 'content_type_conformance');
    assert.equal(ownerOf('/headers/www-authenticate')?.name, 'response_headers_conformance');
    assert.equal(ownerOf('/body')?.name, 'response_schema_conformance');
    assert.equal(ownerOf('/body/errorCode')?.name, 'response_schema_conformance');
    assert.equal(ownerOf('/bodyguard'), undefined);
  });

  test('a response wrong in every part yields each part once, under its owner, with the part\'s strength', () => {
    const x = exchange(400, { 'content-type': 'application/json', 'x-request-id': 'abc' }, { title: 'x', status: 400, errorCode: 'OTHER' });
    const v = runChecks(x, unauth);
    const at = (pointer: string): Violation[] => v.filter((y) => y.pointer === pointer);
    assert.deepEqual(at('/status').map((y) => [y.check, y.strength]), [['status_code_conformance', 'must']]);
    assert.deepEqual(at('/headers/content-type').map((y) => [y.check, y.strength]), [['content_type_conformance', 'should']]);
    assert.deepEqual(at('/headers/www-authenticate').map((y) => [y.check, y.strength]), [['response_headers_conformance', 'should']]);
    assert.deepEqual(at('/body/errorCode').map((y) => [y.check, y.strength]), [['response_schema_conformance', 'must']]);
    for (const y of v) assert.equal(y.entryId, 't/unauthorized');
  });

  test('names are unique and every check can be found by its name', () => {
    const names = CHECKS.map((c) => c.name);
    assert.equal(new Set(names).size, names.length);
    for (const n of names) assert.equal(checkNamed(n).name, n);
    assert.throws(() => checkNamed('no_such_check'), /no check named no_such_check/);
  });
});
