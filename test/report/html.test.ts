/**
 * The page as a file: self-contained (no external reference), every catalog- or target-supplied
 * string escaped, the data recoverable from the embedded JSON, a CSP that admits exactly the
 * page's own script and style, and small enough at 10,000 entries. The page's behaviour in a
 * real browser is browser.test.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { Script } from 'node:vm';
import { renderHtml } from '../../src/report/html.js';
import { jsonForScript, pageData } from '../../src/report/page-data.js';
import { HOSTILE, syntheticReport } from '../../scripts/bench/synthetic.js';

const hostile = syntheticReport({ entries: 200, hostile: true });
const html = renderHtml(hostile);

function embedded(page: string): unknown {
  const m = /<script type="application\/json" id="faultline-data">([\s\S]*?)<\/script>/.exec(page);
  assert.ok(m, 'the data script is present');
  return JSON.parse(m[1]!);
}

describe('the page file', () => {
  test('hostile strings never appear unescaped', () => {
    assert.ok(!html.includes(HOSTILE), 'the raw hostile string is absent');
    assert.ok(!html.includes('<script>window.__pwned'), 'no injected script element');
    assert.ok(!html.includes('<img src=x'), 'no injected img element');
    // Exactly our two script elements: the data and the page script.
    assert.equal(html.match(/<script\b/g)?.length, 2);
    assert.equal(html.match(/<\/script>/g)?.length, 2);
  });

  test('the embedded JSON round-trips the hostile data exactly', () => {
    assert.deepEqual(embedded(html), JSON.parse(JSON.stringify(pageData(hostile))));
    const s = jsonForScript({ a: '</script><!-- \u2028 \u2029 <' });
    assert.ok(!/[<\u2028\u2029]/.test(s));
    assert.deepEqual(JSON.parse(s), { a: '</script><!-- \u2028 \u2029 <' });
  });

  test('the CSP admits exactly the inline script and style, and no network', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    assert.ok(csp.includes(`default-src 'none'`));
    assert.ok(csp.includes(`script-src ${hash(script)}`), 'script hash');
    assert.ok(csp.includes(`style-src ${hash(style)}`), 'style hash');
    assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(csp));
  });

  test('the page script is valid JavaScript', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.doesNotThrow(() => new Script(script, { filename: 'page.js' }));
  });

  test('nothing external is referenced by the page itself', () => {
    const shell = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    assert.ok(!/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(shell), 'no external src/href');
    assert.ok(!/@import|url\(\s*["']?(?:https?:)?\/\//i.test(shell), 'no external CSS');
    assert.ok(!/\bfetch\(|XMLHttpRequest|WebSocket|navigator\.sendBeacon/.test(shell), 'no network API in the script');
  });

  test('conformant entries carry no response and no reproduction in the page', () => {
    const data = pageData(syntheticReport({ entries: 300 }));
    for (const e of data.entries) {
      const detailed = ['violation', 'should-violation', 'error', 'known-deviation', 'unexpected-pass'].includes(e.outcome);
      if (!detailed) assert.ok(!('observed' in e) && !('reproduce' in e), e.id);
      assert.ok(!('tags' in e) && !('durationMs' in e));
    }
  });

  test('10,000 entries: the page stays a few MB and builds in bounded time', () => {
    const big = syntheticReport({ entries: 10_000 });
    const t0 = performance.now();
    const page = renderHtml(big);
    const ms = performance.now() - t0;
    assert.ok(page.length < 6 * 1024 * 1024, `page is ${(page.length / 1048576).toFixed(1)} MB`);
    // A generous bound: the machines are shared and loaded; the page benchmark measures the real cost.
    assert.ok(ms < 15_000, `renderHtml took ${ms.toFixed(0)} ms`);
  });
});
