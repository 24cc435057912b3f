/**
 * With FAULTLINE_SENDER=stream, the whole suite against a compression bomb (an endless gzip
 * stream of zeros): every entry is a violation whose body was cut at the cap, the run ends
 * quickly, and no process grows with the bomb.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { createGzip } from 'node:zlib';
import { watchPeakRss } from '../support/peak-rss.js';
import { envFor, runSuite } from '../support/run-suite.js';

test('a compression bomb is cut while being read, in bounded memory', { timeout: 120_000 }, async () => {
  const zeros = Buffer.alloc(64 * 1024);
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    Readable.from((function* () { for (;;) yield zeros; })()).pipe(createGzip()).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const memory = watchPeakRss();
  try {
    const run = await runSuite({ ...envFor(url, () => 'bomb-token'), FAULTLINE_SENDER: 'stream', FAULTLINE_REQUEST_TIMEOUT_MS: '5000', FAULTLINE_REPORTERS: 'minimal' }, ['--project=cmix'], 90_000);
    const peak = memory.stop();
    const provokable = run.report.entries.filter((e) => e.outcome !== 'unprovokable');
    assert.equal(provokable.length, 8);
    for (const e of provokable) {
      assert.equal(e.outcome, 'violation', `${e.id}: ${e.outcome} ${e.reason ?? ''}`);
      assert.equal(e.observed?.truncated, true, e.id);
    }
    assert.ok(run.ms < 60_000, `the run took ${run.ms} ms`);
    if (peak.supported) assert.ok(peak.maxMiB < 400, `a process peaked at ${peak.maxMiB} MiB`);
  } finally {
    memory.stop();
    server.closeAllConnections();
    server.close();
  }
});
