/**
 * A user's own API is first-class: a sixth catalog (the Kennel fixture, imported) beside the
 * shipped ones in a temporary FAULTLINE_CATALOGS folder passes the catalog check, generates its
 * schemas and env example beside that folder and exports (sixth-catalog.test.ts runs faultline's
 * own catalog-dependent checks with it). `init` writes a skeleton that passes the check; `ci:env`
 * passes every variable the catalogs need, tokens only from secrets.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_CATALOG_DIR, loadCatalogs } from '../../../src/load.js';
import { ciEnv, neededVariables } from '../../../src/cli/ci-env.js';
import { shippedPlusKennel } from './documents.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'fl-own-'));
const catalogs = join(dir, 'catalogs');
// `faultline <command>` (src/cli/faultline.ts) or a script of its own
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...(script.endsWith('.ts') ? [script] : ['src/cli/faultline.ts', ...script.split(' ')]), ...args], { cwd: ROOT, env: { ...process.env, FAULTLINE_CATALOGS: catalogs, ...env }, encoding: 'utf8', timeout: 300_000 });

before(async () => { await shippedPlusKennel(dir); });
after(() => rmSync(dir, { recursive: true, force: true }));

test('catalogs:check, schemas and export honour FAULTLINE_CATALOGS', () => {
  const shipped = loadCatalogs(DEFAULT_CATALOG_DIR);
  const all = loadCatalogs(catalogs);
  assert.equal(all.length, shipped.length + 1);
  const check = run('src/cli/catalogs.ts', []);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, new RegExp(`^${all.length} catalogs, ${all.reduce((n, c) => n + c.entries.length, 0)} entries: valid$`, 'm'));
  const gen = run('src/cli/schemas.ts', []);
  assert.equal(gen.status, 0, gen.stderr);
  assert.ok(existsSync(join(dir, 'schemas', 'kennel', 'envelopes.schema.json')));
  assert.ok(!readdirSync(join(ROOT, 'schemas')).includes('kennel'), 'nothing written into the repository');
  assert.match(readFileSync(join(dir, 'env', 'staging.env.example'), 'utf8'), /^KENNEL_BASE_URL=$/m);
  const drift = run('src/cli/schemas.ts', ['--check']);
  assert.equal(drift.status, 0, drift.stderr);
  const exported = run('export openapi', ['--api', 'kennel']);
  assert.equal(exported.status, 0, exported.stderr);
  assert.equal((JSON.parse(exported.stdout) as { openapi: string }).openapi, '3.1.0');
});

test('faultline init writes a skeleton that passes the check, and never overwrites', () => {
  const own = join(dir, 'init-catalogs');
  const first = run('init', ['demo'], { FAULTLINE_CATALOGS: own });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /next:/);
  assert.match(first.stdout, /DEMO_BASE_URL/);
  const text = readFileSync(join(own, 'demo.yaml'), 'utf8');
  assert.match(text, /^# yaml-language-server: \$schema=\S+catalog\.schema\.json$/m);
  assert.match(text, /--- env: /);
  assert.equal(loadCatalogs(own)[0]!.api, 'demo');
  const again = run('init', ['demo'], { FAULTLINE_CATALOGS: own });
  assert.equal(again.status, 1);
  assert.equal(readFileSync(join(own, 'demo.yaml'), 'utf8'), text);
});

test('ci:env passes every variable the catalogs need, tokens only from secrets, values never printed', () => {
  const cats = loadCatalogs(catalogs);
  const need = neededVariables(cats);
  assert.ok(need.names.includes('KENNEL_BASE_URL') && need.names.includes('KENNEL_DOG_ID') && need.secrets.has('KENNEL_TOKEN'));
  const vars = Object.fromEntries(need.names.filter((n) => !need.secrets.has(n)).map((n) => [n, `v-${n}`]));
  const secrets = Object.fromEntries([...need.secrets].map((n) => [n, `s3cret-${n}`]));
  const r = ciEnv(cats, vars, secrets, { CMIX_BASE_URL: 'already set' });
  assert.deepEqual(r.missing, []);
  assert.ok(!r.passed.includes('CMIX_BASE_URL'), 'what the job sets already wins');
  assert.deepEqual(r.passed.length, need.names.length - 1);
  assert.deepEqual(r.masks.sort(), Object.values(secrets).sort());
  const refused = ciEnv(cats, { ...vars, KENNEL_TOKEN: 'plain' }, {}, {});
  assert.ok(refused.refused.includes('KENNEL_TOKEN'), 'a token among plain variables is refused');
  const envFile = join(dir, 'github-env');
  const cli = run('ci-env', [], { GITHUB_ENV: envFile, FAULTLINE_CI_VARS: JSON.stringify(vars), FAULTLINE_CI_SECRETS: JSON.stringify(secrets) });
  assert.equal(cli.status, 0, cli.stderr);
  const written = readFileSync(envFile, 'utf8');
  assert.match(written, /^KENNEL_TOKEN<<FAULTLINE_EOF_KENNEL_TOKEN\ns3cret-KENNEL_TOKEN\nFAULTLINE_EOF_KENNEL_TOKEN$/m);
  const printed = cli.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  for (const s of Object.values(secrets)) assert.ok(!printed.includes(s), 'no secret value printed outside a mask command');
});
