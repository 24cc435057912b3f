/**
 * The reference target never opens an outbound connection or resolves a name: every recipe of
 * every catalog runs against it (including the callback URIs it must judge unreachable) while
 * every socket connect and DNS lookup in this process is recorded.
 */
import assert from 'node:assert/strict';
import dns from 'node:dns';
import net from 'node:net';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { FACTORIES } from '../../reference/apis/index.js';
import { runRecipe } from '../../src/recipes/run.js';
import { Redactor } from '../../src/target/redact.js';
import { startReference } from '../../reference/server.js';
import { fetchSender, referenceEnv } from '../support/reference.js';

test('running every recipe makes the target connect nowhere and resolve nothing', { timeout: 120_000 }, async () => {
  const connects: string[] = [];
  const lookups: string[] = [];
  const origConnect = net.Socket.prototype.connect;
  const origLookup = dns.lookup;
  // Record, then pass through: the test's own client connects to the loopback target.
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; port?: number; path?: string } | number;
    const host = typeof first === 'object' ? first.host ?? first.path ?? 'localhost' : String(args[1] ?? 'localhost');
    connects.push(host);
    return (origConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  (dns as { lookup: unknown }).lookup = (...args: unknown[]) => { lookups.push(String(args[0])); return (origLookup as (...a: unknown[]) => unknown)(...args); };
  const ref = await startReference({ port: 0 });
  try {
    const env = referenceEnv(ref.port);
    let ran = 0;
    // the APIs the reference target implements (a user's own catalogs are not served by it)
    const served = loadCatalogs().filter((c) => FACTORIES.some((f) => f.api === c.api));
    const recipes = served.reduce((n, c) => n + c.entries.filter((e) => e.recipes.length).length, 0);
    for (const c of served) {
      for (const e of c.entries) {
        if (!e.recipes.length) continue;
        await runRecipe(c, e, fetchSender, { env, captures: {}, unique: `fl-out-${ran}` }, new Redactor(env));
        ran++;
      }
    }
    assert.ok(ran === recipes && ran > 0, `ran ${ran} of ${recipes} recipes`);
    assert.ok(connects.length > 0, 'the recorder saw the client\'s own loopback connections (it is live)');
    const outbound = connects.filter((h) => !['127.0.0.1', 'localhost', '::1'].includes(h));
    assert.deepEqual(outbound, [], `outbound connections: ${outbound.join(', ')}`);
    const resolved = lookups.filter((h) => !['127.0.0.1', 'localhost', '::1'].includes(h));
    assert.deepEqual(resolved, [], `name lookups: ${resolved.join(', ')}`);
  } finally {
    net.Socket.prototype.connect = origConnect;
    (dns as { lookup: unknown }).lookup = origLookup;
    await ref.close();
  }
});
