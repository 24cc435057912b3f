/**
 * The shipped catalogs' contracts are as strict as their pages, no stricter and no looser: for
 * each contract the audit corrected, the documented answer passes and a deviating one fails.
 * These are about the five shipped catalogs (the engine's rules have their own tests in
 * rfc-rules.test.ts), so they read those catalogs, but derive what they can from them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import type { Entry, Json, LoadedCatalog } from '../../src/catalog/types.js';
import { checkNamed, runCheck, type Violation } from '../../src/checks/index.js';
import { Validators } from '../../src/schema/compile.js';
import { exchange } from './helpers.js';

const catalogs = loadCatalogs();
const validators = new Validators(catalogs);
const api = (name: string): LoadedCatalog => catalogs.find((c) => c.api === name)!;
const judge = (check: string, e: Entry, status: number, headers: Record<string, string>, body: Json | string): Violation[] =>
  runCheck(checkNamed(check), exchange(status, headers, body), { entry: e, validate: validators.get(e.id) });
const firstStatus = (e: Entry): number => e.status.sample;

describe('awork: each field as required as the page makes it, per code', () => {
  const awork = api('awork');
  const json = awork.entries.filter((e) => e.body.kind === 'json');
  // The page's example object, its syntax repaired (doc finding awork/example-not-json).
  const page = {
    description: 'The model sent in the request is invalid. See the validation errors for details.',
    link: '',
    details: ['Some more details about the error can go here.', 'Or here.'],
  };
  const body = (e: Entry, extra: Record<string, Json> = {}): Record<string, Json> => ({ ...(e.body.kind === 'json' ? e.body.const : {}), ...page, ...extra });
  const schema = (e: Entry, b: Json): Violation[] => judge('response_schema_conformance', e, firstStatus(e), { 'content-type': 'application/json' }, b);
  const validationFailed = awork.entries.find((e) => e.id === 'awork/validation-failed')!;

  test('every code: the standardized object without validationErrors passes, except where the model validation failed', () => {
    assert.ok(json.length > 1);
    for (const e of json) {
      const v = schema(e, body(e));
      if (e === validationFailed) assert.deepEqual(v.map((x) => x.pointer), ['/body/validationErrors'], e.id);
      else assert.deepEqual(v, [], e.id);
    }
  });
  test('validation-failed with the page\'s violations passes', () => {
    assert.deepEqual(schema(validationFailed, body(validationFailed, { validationErrors: [{ property: 'Name', message: "'Name' should not be empty." }] })), []);
  });
  test('every code: a body without description, link or details fails', () => {
    for (const e of json) {
      for (const field of ['description', 'link', 'details']) {
        const b = body(e, { validationErrors: [{ property: 'Name', message: 'x' }] });
        delete b[field];
        assert.deepEqual(schema(e, b).map((x) => x.pointer), [`/body/${field}`], `${e.id} without ${field}`);
      }
    }
  });
});

describe('WWW-Authenticate on a 401: a challenge the API accepts', () => {
  const challenged = catalogs.flatMap((c) => c.entries
    .filter((e) => firstStatus(e) === 401 && e.headers?.some((h) => h.name.toLowerCase() === 'www-authenticate'))
    .map((e) => ({ c, e, rule: e.headers!.find((h) => h.name.toLowerCase() === 'www-authenticate')! })));
  const headers = (c: LoadedCatalog, e: Entry, value: string): Violation[] =>
    judge('response_headers_conformance', e, 401, { 'www-authenticate': value }, e.body.kind === 'text' ? e.body.equals ?? '' : {})
      .filter((v) => v.pointer === '/headers/www-authenticate');

  test('every shipped 401 rule is a challenge rule; where the page promises none it is should', () => {
    assert.ok(challenged.length > 0);
    for (const { e, rule } of challenged) {
      assert.ok(rule.challenge !== undefined, `${e.id}: ${JSON.stringify(rule)}`);
      if (rule.challenge === 'auth') {
        assert.equal(rule.strength, 'should', e.id);
        assert.match(rule.basis, /promises? (a|no) challenge/, e.id);
      }
    }
  });
  test('a challenge of each scheme the API accepts, in any letter case, passes; Basic realm="other" and garbage fail', () => {
    for (const { c, e, rule } of challenged.filter((x) => x.rule.challenge === 'auth')) {
      for (const s of rule.schemes ?? []) {
        assert.deepEqual(headers(c, e, `${s} realm="${c.api}"`), [], `${e.id} ${s}`);
        assert.deepEqual(headers(c, e, `Other, ${s.toLowerCase()} error="invalid_token"`), [], `${e.id} ${s} lower-case`);
      }
      if (rule.schemes?.length && !rule.schemes.some((s) => s.toLowerCase() === 'basic')) assert.equal(headers(c, e, 'Basic realm="other"').length, 1, e.id);
      assert.equal(headers(c, e, `${rule.schemes?.[0] ?? 'Bearer'},,,{}`).length, 1, `${e.id}: no end anchor`);
    }
  });
  test('the Bearer and ApiKey APIs refuse a Basic challenge (they accept no Basic)', () => {
    for (const name of ['awork', 'subscription', 'cloudpirates']) {
      const x = challenged.filter((y) => y.c.api === name);
      assert.ok(x.length > 0, name);
      for (const { c, e } of x) assert.match(headers(c, e, 'Basic realm="other"')[0]?.message ?? '', /a scheme the API accepts/, e.id);
    }
  });
  test('cmix: the page\'s challenge Basic realm="cmix", its scheme in any case; another realm fails', () => {
    const cmix = challenged.filter((y) => y.c.api === 'cmix');
    assert.equal(cmix.length, 1);
    const { c, e } = cmix[0]!;
    for (const ok of ['Basic realm="cmix"', 'basic realm="cmix"', 'BASIC Realm=cmix']) assert.deepEqual(headers(c, e, ok), [], ok);
    for (const bad of ['Basic realm="other"', 'Bearer realm="cmix"', 'Basic realm="cmix" junk']) {
      const v = headers(c, e, bad);
      assert.equal(v.length, 1, bad);
      assert.equal(v[0]!.strength, 'must');
    }
  });
});

describe('subscription: the Common catalog\'s plain-text 401', () => {
  const e = api('subscription').entries.find((x) => x.id === 'subscription/common-malformed-authorization')!;
  const text = e.body.kind === 'text' ? e.body.equals! : '';
  const schema = (t: string): Violation[] => judge('response_schema_conformance', e, 401, { 'content-type': 'text/plain' }, t);
  test('the documented text passes as printed and with a trailing line break; another text fails', () => {
    assert.deepEqual(schema(text), []);
    assert.deepEqual(schema(`${text}\n`), []);
    assert.deepEqual(schema(`${text}\r\n`), []);
    assert.equal(schema(text.replace('(case insensitive)', '(case sensitive)')).length, 1);
  });
  test('its media type in any letter case', () => {
    assert.deepEqual(judge('content_type_conformance', e, 401, { 'content-type': 'Text/Plain; Charset=UTF-8' }, text), []);
    assert.equal(judge('content_type_conformance', e, 401, { 'content-type': 'text/html' }, text).length, 1);
  });
});

describe('subscription: the Common catalog rows that show no status', () => {
  const sub = api('subscription');
  const rows = ['GENERAL_PARAMETER_MISSMATCH', 'GENERAL_NOTFOUND_PATH', 'ADMIN_FATAL_ERROR', 'LIMIT_RATE_EXCEEDED', 'LIMIT_SIZE_NOTFOUND', 'LIMIT_NOTFOUND']
    .map((code) => sub.entries.find((e) => e.id === `subscription/${code}`)!);
  /** the row's body as the Common catalog shows it: its errorCode and the fields it names, no status */
  const shown = (e: Entry): Record<string, Json> => {
    if (e.body.kind !== 'json') return {};
    const b: Record<string, Json> = { errorCode: e.body.const!.errorCode! };
    for (const f of e.body.required ?? []) b[f] ??= `the row's ${f}`;
    return b;
  };
  const schema = (e: Entry, b: Json): Violation[] => judge('response_schema_conformance', e, firstStatus(e), { 'content-type': 'application/problem+json' }, b);
  test('the body as the row shows it, without status, passes', () => {
    for (const e of rows) assert.deepEqual(schema(e, shown(e)), [], e.id);
  });
  test('another errorCode, or a status that contradicts the row, fails', () => {
    for (const e of rows) {
      assert.deepEqual(schema(e, { ...shown(e), errorCode: 'OTHER' }).map((v) => v.pointer), ['/body/errorCode'], e.id);
      assert.deepEqual(schema(e, { ...shown(e), status: 418 }).map((v) => v.pointer), ['/body/status'], e.id);
    }
  });
});

describe('inferred body shapes are should, documented ones must', () => {
  const missing = (id: string, field: string): Violation[] => {
    const c = catalogs.find((x) => id.startsWith(`${x.api}/`))!;
    const e = c.entries.find((x) => x.id === id)!;
    if (e.body.kind !== 'json') throw new Error(`${id} has no JSON body`);
    // every field the entry or its envelope requires, with a value of the documented type
    const b = { ...e.body.const } as Record<string, Json>;
    const envelope = c.envelopes[e.body.envelope] as { required?: string[] };
    for (const f of [...(e.body.required ?? []), ...(envelope.required ?? [])]) b[f] ??= f === 'status' ? firstStatus(e) : f === 'failedValidations' ? [{}] : 'x';
    delete b[field];
    return judge('response_schema_conformance', e, firstStatus(e), { 'content-type': 'application/json' }, b);
  };
  const strengthOf = (v: Violation[]): string[] => v.map((x) => `${x.pointer} ${x.strength}`);
  test('cpm: the envelope of the 401 and 404 sections (which show no body) is should; the 400 section\'s is must', () => {
    assert.deepEqual(strengthOf(missing('cpm/unauthorized', 'message')), ['/body/message should']);
    assert.deepEqual(strengthOf(missing('cpm/not-found', 'message')), ['/body/message should']);
    assert.deepEqual(strengthOf(missing('cpm/bad-request', 'message')), ['/body/message must']);
  });
  test('cmix: errorMessage is should outside the 422 row, must in it', () => {
    assert.deepEqual(strengthOf(missing('cmix/not-found', 'errorMessage')), ['/body/errorMessage should']);
    assert.deepEqual(strengthOf(missing('cmix/unprocessable-entity', 'errorMessage')), ['/body/errorMessage must']);
    assert.deepEqual(missing('cmix/not-found', 'nothing'), [], 'the documented body passes');
  });
  test('CloudPirates: the 500 and 502 bodies (no example) are should; the 404 example\'s is must', () => {
    assert.deepEqual(strengthOf(missing('cloudpirates/internal-server-error', 'message')), ['/body/message should']);
    assert.deepEqual(strengthOf(missing('cloudpirates/bad-gateway', 'message')), ['/body/message should']);
    assert.deepEqual(strengthOf(missing('cloudpirates/not-found', 'message')), ['/body/message must']);
    assert.deepEqual(missing('cloudpirates/bad-gateway', 'nothing'), [], 'the assumed body passes');
  });
});
