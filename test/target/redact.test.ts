/** Redaction by name and by value, and reproduction commands that are safe to paste. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redactor, REDACTED } from '../../src/target/redact.js';
import { curlCommand } from '../../src/target/reproduce.js';
import { toExchange } from '../../src/target/exchange.js';

const r = new Redactor({ CMIX_TOKEN_ADMIN: 'tok-secret-123', CMIX_SURVEY_ID: '1001', HOME: '/root' }, ['extra-secret-999']);

test('secret-named headers are redacted whatever their value', () => {
  assert.deepEqual(r.headers({ Authorization: 'Bearer abc', Cookie: 'a=b', 'set-cookie': 's=1', 'x-api-key': 'k', accept: '*/*' }),
    { Authorization: REDACTED, Cookie: REDACTED, 'set-cookie': REDACTED, 'x-api-key': REDACTED, accept: '*/*' });
});

test('secret values are redacted anywhere, even inside other text; ids are not secrets', () => {
  assert.equal(r.text('url?symbio-auth-token=tok-secret-123&x=1001'), `url?symbio-auth-token=${REDACTED}&x=1001`);
  assert.equal(r.text('extra-secret-999'), REDACTED);
});

test('JSON bodies: secret-named fields and secret values', () => {
  assert.deepEqual(r.json({ password: 'p', nested: [{ apiKey: 'k', note: 'sent tok-secret-123' }], count: 3 }),
    { password: REDACTED, nested: [{ apiKey: REDACTED, note: `sent ${REDACTED}` }], count: 3 });
});

test('a whole exchange is redacted before anything judges or reports it', () => {
  const x = r.exchange(toExchange(401, { 'Set-Cookie': 'sid=tok-secret-123' }, Buffer.from('{"echo":"tok-secret-123"}')));
  assert.equal(x.headers['set-cookie'], REDACTED);
  assert.deepEqual(x.body, { echo: REDACTED });
  assert.ok(!x.text.includes('tok-secret-123'));
});

test('curl reproduction redacts and quotes for the shell', () => {
  const cmd = curlCommand({ method: 'POST', url: 'http://127.0.0.1:1/x?t=tok-secret-123', headers: { Authorization: 'Bearer tok-secret-123', 'Content-Type': 'application/json' }, body: `{"name":"it's"}` }, r);
  assert.ok(!cmd.includes('tok-secret-123'));
  assert.match(cmd, /^curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:1\/x\?t=\[REDACTED\]' -H 'Authorization: \[REDACTED\]' -H 'Content-Type: application\/json' --data-binary '\{"name":"it'\\''s"\}'$/);
});

test('a password in a URL\'s userinfo is redacted in every text and every reproduction command', () => {
  const withUrl = new Redactor({ CMIX_BASE_URL: 'http://robot:pa55-w0rd%21@127.0.0.1:1/cmix' });
  const cmd = curlCommand({ method: 'GET', url: 'http://robot:pa55-w0rd%21@127.0.0.1:1/cmix/surveys', headers: {} }, withUrl);
  assert.equal(cmd, `curl -sS -i -X GET 'http://robot:${REDACTED}@127.0.0.1:1/cmix/surveys'`);
  // by value too: the password echoed on its own, raw or decoded
  assert.equal(withUrl.text('you are pa55-w0rd! and pa55-w0rd%21'), `you are ${REDACTED} and ${REDACTED}`);
  // by shape, for a URL no variable names
  assert.equal(new Redactor({}).text('see https://u:other-pass@host.test/x'), `see https://u:${REDACTED}@host.test/x`);
});

test('encoded echoes of a secret are redacted: percent, form, case, JSON, HTML, base64 at any alignment', () => {
  const token = 'tok+/=Secret&"123 x';
  const enc = new Redactor({ DEMO_TOKEN: token });
  const echoes = [
    token, encodeURIComponent(token), encodeURIComponent(token).replace(/%20/g, '+'), encodeURIComponent(token).toLowerCase(),
    token.toLowerCase(), token.toUpperCase(), JSON.stringify(token).slice(1, -1),
    token.replace(/&/g, '&amp;').replace(/"/g, '&quot;'),
    Buffer.from(token).toString('base64'), Buffer.from(token).toString('base64url'),
    Buffer.from(`user:${token}`).toString('base64'), Buffer.from(`ab:${token}:z`).toString('base64'), Buffer.from(`a${token}`).toString('base64url'),
  ];
  for (const echo of echoes) {
    const out = enc.text(`Location: /next?t=${echo}&done`);
    assert.ok(out.includes(REDACTED), `${echo} is redacted: ${out}`);
    // what is left of a base64 echo is at most the few characters that depend on the bytes around the secret
    const left = out.replace(/^Location: \/next\?t=/, '').replace(/&done$/, '').split(REDACTED).join('');
    assert.ok(left.length <= 8, `${echo}: left ${left}`);
  }
  assert.equal(enc.text('nothing secret here, tok and Secret alone'), 'nothing secret here, tok and Secret alone');
});
