/**
 * Each derived recipe provokes its status: the Kennel document is imported into a temporary
 * catalogs folder and the whole suite runs it against a small server that conforms to the
 * document (node:http on loopback). Every entry with a recipe must conform, one per derivable
 * kind (401, 403, 404, 405, 406, 413, 415, 400/422, 429); the rest are unprovokable with their
 * reason. The same run with the limited identity unset shows the 403 entry not-configured, naming
 * the variable.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runImport, parseArgs } from '../../../src/import/openapi/cli.js';
import { kindOf } from '../../../src/import/openapi/recipes.js';
import { runSuite } from '../../support/run-suite.js';
import { KENNEL_TOKENS, startKennel } from './kennel-server.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'fl-kennel-'));
let kennel: Awaited<ReturnType<typeof startKennel>>;
before(async () => {
  kennel = await startKennel();
  mkdirSync(join(dir, 'catalogs'));
  await runImport(parseArgs([join(ROOT, 'test/fixtures/openapi/kennel.openapi.yaml'), '--api', 'kennel', '--into', join(dir, 'catalogs', 'kennel.yaml')]), async () => false);
});
after(async () => { await kennel.close(); rmSync(dir, { recursive: true, force: true }); });

test('every derived recipe provokes its documented status from a conforming server', { timeout: 240_000 }, async () => {
  const run = await runSuite({
    CONFORMANCE_ENV: 'selftest',
    FAULTLINE_CATALOGS: join(dir, 'catalogs'),
    KENNEL_BASE_URL: kennel.baseUrl,
    KENNEL_TOKEN: KENNEL_TOKENS.user,
    KENNEL_TOKEN_LIMITED: KENNEL_TOKENS.limited,
    KENNEL_DOG_ID: '1',
    FAULTLINE_ALLOW_DESTRUCTIVE: 'true',
  }, [], 200_000);
  const wrong = run.report.entries.filter((e) => e.outcome !== 'conformant' && e.outcome !== 'unprovokable');
  assert.deepEqual(wrong.map((e) => `${e.id}: ${e.outcome} ${e.reason ?? ''} ${(e.violations ?? []).map((v) => v.message).join('; ')}`), []);
  const conformant = new Set(run.report.entries.filter((e) => e.outcome === 'conformant').map((e) => kindOf(e.id.slice(e.id.lastIndexOf('.') + 1))));
  for (const kind of ['401', '403', '404', '405', '406', '413', '415', '400/422', '429'] as const) assert.ok(conformant.has(kind), `a ${kind} recipe conforms`);
  const unprovokable = run.report.entries.filter((e) => e.outcome === 'unprovokable');
  assert.ok(unprovokable.length > 0 && unprovokable.every((e) => (e.reason ?? '').length > 20), 'unprovokable entries say why');
  assert.equal(run.code, 0, run.stdout.slice(-2000));
});

test('without the lower-privileged identity the 403 entry is not-configured, naming the variable', { timeout: 240_000 }, async () => {
  const run = await runSuite({
    CONFORMANCE_ENV: 'selftest',
    FAULTLINE_CATALOGS: join(dir, 'catalogs'),
    KENNEL_BASE_URL: kennel.baseUrl,
    KENNEL_TOKEN: KENNEL_TOKENS.user,
    KENNEL_DOG_ID: '1',
  }, ['--grep', '@status:403|@status:404'], 200_000);
  const forbidden = run.report.entries.find((e) => e.id === 'kennel/createDog.403');
  assert.equal(forbidden?.outcome, 'not-configured');
  assert.match(forbidden?.reason ?? '', /KENNEL_TOKEN_LIMITED/);
  assert.equal(run.report.entries.find((e) => e.id === 'kennel/getDog.404')?.outcome, 'conformant');
});
