/**
 * Secrets never reach a report: canary tokens are set for every identity, the suite runs against
 * a hostile target that echoes credentials back (body, headers, cookies), and every file under
 * the reports folder (including the Playwright HTML report's zipped data) and the run's own output
 * are searched for the canaries.
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

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
}

test('no canary secret appears in any report, attachment, log or reproduction command', { timeout: 240_000 }, async () => {
  // A target that reflects whatever credentials it receives, everywhere it can.
  const server = createServer((req, res) => {
    const creds = [req.headers.authorization, req.headers['symbio-auth-token'], req.url].join(' | ');
    res.writeHead(400, {
      'Content-Type': 'application/json',
      'Set-Cookie': `session=${CANARY}-cookie; HttpOnly`,
      'X-Echo-Authorization': String(req.headers.authorization ?? ''),
    });
    res.end(JSON.stringify({ status: 400, message: `you sent ${creds}`, echo: req.headers, detail: `Error: leaked\n    at handler (/srv/app.js:1:2) token=${creds}` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const env = { ...envFor(url, (name) => `${CANARY}-${name.toLowerCase()}`), FAULTLINE_WORKERS: '2' };
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
    const leaks = texts.filter(([, t]) => t.includes(CANARY)).map(([f, t]) => `${f}: …${t.slice(Math.max(0, t.indexOf(CANARY) - 120), t.indexOf(CANARY) + 60)}…`);
    assert.deepEqual(leaks, [], `canary secrets leaked:\n${leaks.join('\n')}`);
    assert.ok(texts.some(([, t]) => t.includes('[REDACTED]')), 'redaction markers are present (the test is not vacuous)');
  } finally {
    server.close();
  }
});
