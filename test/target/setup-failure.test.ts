/**
 * A setup step that fails on an HTML error page: the entry's reason says the step, the status,
 * the content type and the page's title in one short line; the whole page (redacted) goes into
 * an attachment, and the reproduction command is the failing step's request.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { Status } from '../../src/catalog/status.js';
import { executeEntry } from '../../src/runner/execute.js';
import type { Validators } from '../../src/schema/compile.js';
import { Redactor } from '../../src/target/redact.js';
import { fetchSender } from '../support/fetch-sender.js';

const TOKEN = 'setup-token-71c2d9';
const PAGE = `<!DOCTYPE html>\n<html>\n<head>\n<title>502 Bad Gateway | upstream down</title>\n<style>${'body{margin:0}'.repeat(200)}</style>\n</head>\n<body>\n<h1>Bad Gateway</h1>\n<p>token was ${TOKEN}</p>\n${'<p>lorem ipsum</p>\n'.repeat(300)}</body>\n</html>\n`;

test('a failed setup step: a one-line reason, the whole page as an attachment, the step as the reproduction', async () => {
  const server = createServer((_req, res) => { res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(PAGE); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const entry = {
      id: 'demo/x', api: 'demo', position: { file: 'catalogs/demo.yaml', line: 1, col: 1 }, title: 'x', doc: { url: 'https://example.test/#x', quote: 'x' }, status: Status.of(404), strength: 'must' as const, body: { kind: 'undocumented' as const, basis: 'x' },
      recipes: [{ setup: [{ name: 'create thing', request: { method: 'POST', path: '/things', json: { a: 1 } }, expect: 201 }], request: { method: 'GET', path: '/x' } }],
    };
    const catalog = {
      api: 'demo', title: 'Demo', baseUrlVar: 'DEMO_BASE_URL', page: { url: 'https://example.test/', capture: 'x', title: 'x' },
      auth: { header: 'Authorization', format: 'Bearer {token}' }, identities: { admin: { env: 'DEMO_TOKEN', description: 'admin' } },
      defaultIdentity: 'admin', envelopes: {}, entries: [entry], file: 'catalogs/demo.yaml',
    } as LoadedCatalog;
    const env = { DEMO_BASE_URL: url, DEMO_TOKEN: TOKEN };
    const result = await executeEntry(catalog, entry, {
      env, allowDestructive: true, validators: {} as Validators, redactor: new Redactor(env), sender: fetchSender, expectations: new Map(), unique: 'u',
    });
    assert.equal(result.outcome, 'error');
    assert.equal(result.reason, 'setup step create thing (POST /things) answered 502, expected 201: text/html; charset=utf-8, title "502 Bad Gateway | upstream down" (the whole answer is attached)');
    assert.ok(!/<[a-z!]/i.test(result.reason!), 'no markup in the reason');
    const page = result.attachments?.find((a) => a.name === 'setup-response.txt');
    assert.ok(page, 'the answer is attached');
    assert.match(page.body, /^HTTP 502\n(.+\n)*content-type: text\/html; charset=utf-8\n/);
    assert.ok(page.body.includes('<h1>Bad Gateway</h1>') && page.body.includes('</html>'), 'the whole page');
    assert.ok(!page.body.includes(TOKEN), 'redacted');
    assert.match(result.reproduce ?? '', /^curl -sS -i -X POST '.*\/things' -H 'Authorization: \[REDACTED\]'/);
  } finally {
    server.close();
  }
});
