/**
 * The RFC 9110 rules of the checks, on small catalogs of their own (they hold for any catalog):
 * authentication challenges (section 11.6.1) judged against the catalog's auth, media types and
 * their parameters in any letter case (section 8.3.1), plain-text bodies without their trailing
 * line break.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { acceptedSchemes, parseChallenges } from '../../src/catalog/challenge.js';
import { parseCatalog } from '../../src/load.js';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { checkNamed, runCheck, runChecks, type Violation } from '../../src/checks/index.js';
import { Validators } from '../../src/schema/compile.js';
import type { Exchange } from '../../src/target/exchange.js';
import { catalogHead, exchange } from './helpers.js';

/** A one-API catalog's text, with the auth and entries the test chooses. */
function catalogText(auth: string, entries: string): string {
  return `${catalogHead('r', auth)}envelopes:
  error: { type: object, properties: { code: { type: string } } }
defaults:
  strength: must
  body: { kind: json, envelope: error }
  headers:
    '401':
      - { name: WWW-Authenticate, challenge: auth, strength: should, basis: RFC 9110 section 15.5.2 }
entries:
${entries}`;
}

function catalogOf(auth: string, entries: string): LoadedCatalog {
  const r = parseCatalog(catalogText(auth, entries), 'catalogs/r.yaml');
  if (!r.catalog) throw new Error(r.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n'));
  return r.catalog;
}

const UNAUTHORIZED = `  - { id: r/unauthorized, title: "401", doc: { url: "https://example.test/e#401", quote: No token. }, status: 401, unprovokable: x }`;

function judgeWith(c: LoadedCatalog, id: string, check: string) {
  const v = new Validators([c]);
  const entry = c.entries.find((e) => e.id === id)!;
  return (x: Exchange): Violation[] => runCheck(checkNamed(check), x, { entry, validate: v.get(id) });
}

function challengeCheck(auth: string) {
  const judge = judgeWith(catalogOf(auth, UNAUTHORIZED), 'r/unauthorized', 'response_headers_conformance');
  return (value: string | undefined): Violation[] => judge(exchange(401, value === undefined ? {} : { 'WWW-Authenticate': value }, { code: 'x' }));
}

describe('RFC 9110 challenges (section 11.6.1)', () => {
  test('lists of challenges, auth-params, token68 and empty list elements', () => {
    const r = parseChallenges('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"');
    assert.ok(r.ok);
    assert.deepEqual(r.challenges, [
      { scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'Basic', params: { realm: 'simple' } },
    ]);
    assert.deepEqual(parseChallenges('Bearer realm='), { ok: true, challenges: [{ scheme: 'Bearer', params: {}, token68: 'realm=' }] }); // a token68 ending in its padding
    const t = parseChallenges(' , Negotiate abc+/==,, bearer ,Basic REALM = x');
    assert.ok(t.ok);
    assert.deepEqual(t.challenges, [
      { scheme: 'Negotiate', params: {}, token68: 'abc+/==' },
      { scheme: 'bearer', params: {} },
      { scheme: 'Basic', params: { realm: 'x' } },
    ]);
  });
  test('what is not a challenge list is refused, saying where', () => {
    for (const bad of ['Bearer,,,{}', 'Bearer realm="x" Basic', 'Bearer realm="x', 'Bearer realm="a", realm="b"', 'Bearer{}', '"Bearer"', 'Bearer =x', 'Basic a b']) {
      const r = parseChallenges(bad);
      assert.equal(r.ok, false, bad);
      if (!r.ok) assert.match(r.error, /at position \d+/, bad);
    }
  });
  test('the schemes an auth accepts: the format\'s scheme in Authorization, and otherSchemes', () => {
    assert.deepEqual(acceptedSchemes({ header: 'Authorization', format: 'Bearer {token}' }), ['Bearer']);
    assert.deepEqual(acceptedSchemes({ header: 'authorization', format: 'ApiKey {token}', otherSchemes: ['Bearer', 'apikey'] }), ['ApiKey', 'Bearer']);
    assert.deepEqual(acceptedSchemes({ header: 'X-Api-Key', format: '{token}' }), []);
    assert.deepEqual(acceptedSchemes({ header: 'Authorization', format: '{token}' }), []);
  });
});

describe('challenge: auth on a 401', () => {
  test('a Bearer API: its scheme in any letter case passes; another scheme, garbage after it, or no header fails', () => {
    const check = challengeCheck('{ header: Authorization, format: "Bearer {token}" }');
    assert.deepEqual(check('Bearer realm="r"'), []);
    assert.deepEqual(check('bearer'), []);
    assert.deepEqual(check('Basic realm="r", BEARER error="invalid_token"'), []);
    const other = check('Basic realm="other"');
    assert.equal(other.length, 1);
    assert.equal(other[0]!.strength, 'should');
    assert.match(other[0]!.message, /a scheme the API accepts \(Bearer; from the catalog's auth\).*only for Basic/);
    assert.match(check('Bearer,,,{}')[0]!.message, /not one: expected an auth-scheme/);
    assert.match(check('')[0]!.message, /names none/);
    assert.match(check(undefined)[0]!.message, /absent/);
  });
  test('an API with several schemes accepts a challenge of any of them', () => {
    const check = challengeCheck('{ header: Authorization, format: "ApiKey {token}", otherSchemes: [Bearer] }');
    assert.deepEqual(check('Bearer realm="r"'), []);
    assert.deepEqual(check('apikey realm="r"'), []);
    assert.equal(check('Basic realm="r"').length, 1);
  });
  test('an API whose secret goes in a header of its own accepts any well-formed challenge, and only that', () => {
    const check = challengeCheck('{ header: X-Api-Key, format: "{token}" }');
    assert.deepEqual(check('Basic realm="other"'), []);
    assert.equal(check('Basic realm="other" junk').length, 1);
  });
});

describe('a written challenge (challenge: Basic realm="r")', () => {
  const c = catalogOf('{ header: Authorization, format: "Bearer {token}" }', `  - id: r/basic
    title: "401"
    doc: { url: "https://example.test/e#401", quote: No token. }
    status: 401
    headers: [{ name: WWW-Authenticate, challenge: 'Basic realm="r"', basis: page }]
    unprovokable: x`);
  const judge = judgeWith(c, 'r/basic', 'response_headers_conformance');
  const check = (value: string): Violation[] => judge(exchange(401, { 'www-authenticate': value }, { code: 'x' }));
  test('the scheme and parameter names in any case, the value as a token or quoted, other parameters and challenges too', () => {
    for (const ok of ['Basic realm="r"', 'basic REALM="r"', 'Basic realm=r', 'Bearer, Basic realm="r", charset="UTF-8"']) assert.deepEqual(check(ok), [], ok);
  });
  test('another realm value (realms are case-sensitive), scheme or no realm fails, with the rule\'s strength', () => {
    for (const bad of ['Basic realm="R"', 'Basic realm="other"', 'Bearer realm="r"', 'Basic']) {
      const v = check(bad);
      assert.equal(v.length, 1, bad);
      assert.equal(v[0]!.strength, 'must');
      assert.match(v[0]!.message, /expected a challenge Basic realm="r"/);
    }
  });
  test('the loader refuses a written challenge that is not one challenge, and two ways to judge one header', () => {
    const bad = (rule: string): string[] => parseCatalog(catalogText('{ header: Authorization, format: "Bearer {token}" }', `  - id: r/basic
    title: "401"
    doc: { url: "https://example.test/e#401", quote: No token. }
    status: 401
    headers: [${rule}]
    unprovokable: x`), 'catalogs/r.yaml').issues.map((i) => `${i.line}:${i.col} ${i.message}`);
    assert.match(bad(`{ name: WWW-Authenticate, challenge: 'Basic realm="r" x', basis: page }`).join('\n'), /^\d+:\d+ header WWW-Authenticate: challenge 'Basic realm="r" x' is not one RFC 9110 challenge/);
    assert.match(bad(`{ name: WWW-Authenticate, challenge: 'Basic, Bearer', basis: page }`).join('\n'), /exactly one challenge, found 2/);
    assert.match(bad(`{ name: WWW-Authenticate, challenge: auth, matches: x, basis: page }`).join('\n'), /give one of equals, matches or challenge, not matches and challenge/);
  });
});

describe('media types in any letter case (RFC 9110 section 8.3.1)', () => {
  const c = catalogOf('{ header: Authorization, format: "Bearer {token}" }', `  - id: r/json
    title: "400"
    doc: { url: "https://example.test/e#400", quote: Bad. }
    status: 400
    contentType: { type: application/problem+json }
    unprovokable: x
  - id: r/charset
    title: "409"
    doc: { url: "https://example.test/e#409", quote: Conflict. }
    status: 409
    contentType: { type: text/plain, parameters: { charset: utf-8, profile: Strict } }
    body: { kind: text, equals: conflict }
    unprovokable: x`);
  const json = judgeWith(c, 'r/json', 'content_type_conformance');
  const charset = judgeWith(c, 'r/charset', 'content_type_conformance');
  test('type and subtype in any case, with any parameters', () => {
    for (const ok of ['application/problem+json', 'Application/Problem+JSON', 'APPLICATION/PROBLEM+JSON; Charset=UTF-8', 'application/problem+json ;charset=utf-8']) {
      assert.deepEqual(json(exchange(400, { 'content-type': ok }, { code: 'x' })), [], ok);
    }
    for (const bad of ['application/json', 'application/problem+jsonx', 'text/problem+json']) {
      assert.equal(json(exchange(400, { 'content-type': bad }, { code: 'x' })).length, 1, bad);
    }
  });
  test('the parameters a rule names: names in any case, charset\'s value in any case, other values as written', () => {
    const check = (ct: string): Violation[] => charset(exchange(409, { 'content-type': ct }, 'conflict'));
    for (const ok of ['text/plain; charset=utf-8; profile=Strict', 'Text/Plain; CHARSET="UTF-8"; Profile="Strict"; format=flowed']) assert.deepEqual(check(ok), [], ok);
    assert.match(check('text/plain; charset=iso-8859-1; profile=Strict')[0]!.message, /parameter charset is "iso-8859-1", not "utf-8"/);
    assert.match(check('text/plain; charset=utf-8; profile=strict')[0]!.message, /parameter profile is "strict", not "Strict"/);
    assert.match(check('text/plain; profile=Strict')[0]!.message, /parameter charset is absent/);
    assert.match(check('text/plain; charset=utf-8; profile=Strict; x')[0]!.message, /cannot be read/);
  });
});

describe('plain-text bodies without their trailing line break', () => {
  const c = catalogOf('{ header: Authorization, format: "Bearer {token}" }', `  - id: r/text
    title: "409"
    doc: { url: "https://example.test/e#409", quote: Conflict. }
    status: 409
    body: { kind: text, equals: 'Invalid "Authorization" header.' }
    unprovokable: x
  - id: r/pattern
    title: "410"
    doc: { url: "https://example.test/e#410", quote: Gone. }
    status: 410
    body: { kind: text, matches: '^gone since \\d+$' }
    unprovokable: x`);
  const v = new Validators([c]);
  const run = (id: string, status: number, text: string): Violation[] =>
    runChecks(exchange(status, { 'content-type': 'text/plain' }, text), { entry: c.entries.find((e) => e.id === id)!, validate: v.get(id) });
  test('the documented text passes with no line break, \\n or \\r\\n after it', () => {
    for (const end of ['', '\n', '\r\n']) assert.deepEqual(run('r/text', 409, `Invalid "Authorization" header.${end}`), [], JSON.stringify(end));
    for (const end of ['', '\n', '\r\n']) assert.deepEqual(run('r/pattern', 410, `gone since 2026${end}`), [], JSON.stringify(end));
  });
  test('another text, or more than one line break, fails', () => {
    for (const bad of ['Invalid "Authorization" header.\n\n', 'Invalid "Authorization" header', ' Invalid "Authorization" header.', 'Invalid "Authorization" header.\n ']) {
      assert.equal(run('r/text', 409, bad).filter((x) => x.check === 'response_schema_conformance').length, 1, JSON.stringify(bad));
    }
    assert.equal(run('r/pattern', 410, 'gone since 2026\n\n').length, 1);
  });
});
