/**
 * Secrets never reach a report: canary tokens (with `+/=`, so that their encodings differ) are set
 * for every identity and as the password of a base URL, the suite runs against a hostile target
 * that echoes credentials back (body, headers, cookies, Location) raw, percent-encoded, base64,
 * lower- and upper-cased, and that redirects some requests to another origin with the token in
 * the URL; every file under the reports folder (including the Playwright HTML report's zipped
 * data) and the run's own output are searched for the canary in every one of those forms, and the
 * other origin must never be asked anything.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { htmlReportTexts } from '../support/zip.js';
import { envFor, runSuite } from '../support/run-suite.js';

const CANARY = `canary${Date.now().toString(36)}`;

/** The canary as it appears inside any base64 or base64url text, at each of the three byte alignments. */
function base64Canaries(): string[] {
  return [0, 1, 2].flatMap((offset) => {
    const enc = Buffer.concat([Buffer.alloc(offset), Buffer.from(CANARY)]).toString('base64');
    const middle = enc.slice(offset === 0 ? 0 : Math.ceil((offset * 8) / 6), Math.floor(((offset + CANARY.length) * 8) / 6));
    return [middle, middle.replace(/\+/g, '-').replace(/\//g, '_')];
  });
}

/** Where a text holds the canary in any form: raw or percent-encoded (both contain it), any case, base64. */
function canaryAt(text: string): number {
  const lower = text.toLowerCase().indexOf(CANARY);
  if (lower >= 0) return lower;
  for (const b of base64Canaries()) { const i = text.indexOf(b); if (i >= 0) return i; }
  return -1;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
}

test('no canary secret appears in any report, attachment, log or reproduction command', { timeout: 240_000 }, async () => {
  // the search finds every form the target echoes
  for (const echo of [CANARY.toUpperCase(), encodeURIComponent(`${CANARY}+/=`), ...[``, `a`, `ab`].map((p) => Buffer.from(`${p}${CANARY}+/=`).toString('base64'))]) assert.ok(canaryAt(`…${echo}…`) >= 0, echo);
  // Another origin: nothing may ever be sent there.
  const foreignSeen: string[] = [];
  const foreign = createServer((req, res) => { foreignSeen.push(`${req.method} ${req.url}`); res.writeHead(404); res.end(); });
  await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
  const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  // A target that reflects whatever credentials it receives, everywhere it can, in every encoding.
  let n = 0;
  const server = createServer((req, res) => {
    const token = String(req.headers['symbio-auth-token'] ?? req.headers.authorization ?? '');
    const creds = [req.headers.authorization, req.headers['symbio-auth-token'], req.url].join(' | ');
    if (++n % 3 === 0) {
      res.writeHead(302, { Location: `${foreignUrl}/steal?t=${encodeURIComponent(token)}`, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ moved: `${foreignUrl}/steal?t=${encodeURIComponent(token)}` }));
      return;
    }
    res.writeHead(400, {
      'Content-Type': 'application/json',
      'Set-Cookie': `session=${CANARY}-cookie; HttpOnly`,
      'X-Echo-Authorization': String(req.headers.authorization ?? ''),
      'X-Echo-Base64': Buffer.from(token).toString('base64'),
      'X-Echo-Lower': token.toLowerCase(),
      Location: `/next?t=${encodeURIComponent(token)}`,
    });
    res.end(JSON.stringify({
      status: 400, message: `you sent ${creds}`, echo: req.headers, detail: `Error: leaked\n    at handler (/srv/app.js:1:2) token=${creds}`,
      encoded: encodeURIComponent(creds), base64: Buffer.from(creds).toString('base64'), base64url: Buffer.from(`x${token}`).toString('base64url'),
      upper: creds.toUpperCase(), lower: creds.toLowerCase(),
    }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const env: Record<string, string> = { ...envFor(url, (name) => `${CANARY}+/=${name.toLowerCase()}`), FAULTLINE_WORKERS: '2' };
    // one API's base URL carries a password in its userinfo (sent as Basic auth, shown in reproduction commands)
    const withPassword = Object.keys(env).find((k) => k.endsWith('_BASE_URL'))!;
    env[withPassword] = url.replace('http://', `http://robot:${CANARY}-pw@`);
    const run = await runSuite(env);
    const violations = run.report.entries.filter((e) => e.outcome === 'violation' || e.outcome === 'error');
    assert.ok(violations.length > 10, `the hostile target must produce many failing entries, got ${violations.length}`);
    const texts: [string, string][] = [['stdout', run.stdout], ['stderr', run.stderr]];
    for (const f of files(run.reportsDir)) {
      const content = readFileSync(f);
      if (f.endsWith('index.html') && f.includes(`${join('html', 'index.html')}`)) {
        for (const t of htmlReportTexts(content.toString('utf8'))) texts.push([f, t]);
      } else texts.push([f, content.toString('utf8')]);
    }
    assert.ok(texts.length > 20, 'the run wrote its reports');
    const leaks = texts.filter(([, t]) => canaryAt(t) >= 0).map(([f, t]) => `${f}: …${t.slice(Math.max(0, canaryAt(t) - 120), canaryAt(t) + 60)}…`);
    assert.deepEqual(leaks, [], `canary secrets leaked:\n${leaks.join('\n')}`);
    assert.ok(texts.some(([, t]) => t.includes('[REDACTED]')), 'redaction markers are present (the test is not vacuous)');
    assert.ok(run.report.entries.some((e) => e.observed?.status === 302), 'some judged answers are the redirects (the test is not vacuous)');
    assert.deepEqual(foreignSeen, [], 'nothing was sent to the other origin');
  } finally {
    server.close();
    foreign.close();
  }
});
