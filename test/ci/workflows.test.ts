/**
 * The CI workflows, parsed: every `npm run X` they call exists in package.json, every
 * `npx playwright` command uses real flags with sane values (shards cover 1..n exactly, projects are
 * catalogs, merge configs exist), the nightly run gets every variable the catalogs need (tokens only
 * from secrets), uploads what the merge job and the next night need, and the PR run checks the
 * reference target.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { parse as parseEnv } from 'dotenv';
import { parse } from 'yaml';
import { loadCatalogs } from '../../src/load.js';
import { requiredVariables, secretVariables } from '../../src/recipes/requirements.js';
import { commands } from './shell-words.js';
import { ciEnv } from '../../src/cli/ci-env.js';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

interface Step { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string }
interface Job { 'runs-on': string; needs?: string | string[]; if?: string; env?: Record<string, string>; strategy?: { matrix?: Record<string, unknown[]> }; steps: Step[]; 'timeout-minutes'?: number }
interface Workflow { on: Record<string, unknown>; env?: Record<string, string>; jobs: Record<string, Job> }

const DIR = join(ROOT, '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const workflows = new Map(files.map((f) => [f, parse(readFileSync(join(DIR, f), 'utf8')) as Workflow]));
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const apis = readdirSync(join(ROOT, 'catalogs')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

/** `npm run [-s] name [-- args]` → name and args; also behind a wrapper (`.ci/run`'s `gate name npm run ...`). */
function npmRun(words: string[]): { name: string; extra: string[] } | undefined {
  const at = words.findIndex((w, i) => w === 'npm' && words[i + 1] === 'run');
  if (at < 0) return undefined;
  const rest = words.slice(at + 2);
  const dash = rest.indexOf('--');
  return { name: rest.find((w) => !w.startsWith('-')) ?? '', extra: dash >= 0 ? rest.slice(dash + 1) : [] };
}

/**
 * Every shell command of a job, with what it delegates to expanded: npm scripts
 * (`npm run x -- a` → the script's commands + a) and the repo's own CI entry point `.ci/run`.
 */
function jobCommands(job: Job): { words: string[]; step: string }[] {
  const out: { words: string[]; step: string }[] = [];
  const add = (script: string, step: string, extra: string[] = []): void => {
    for (const words of commands(script)) {
      out.push({ words: [...words, ...extra], step });
      const run = npmRun(words);
      if (run && scripts[run.name]) add(scripts[run.name]!, `npm run ${run.name}`, run.extra);
      if (words[0] === '.ci/run') add(readFileSync(join(ROOT, '.ci', 'run'), 'utf8').replace(/^\s*#.*$/gm, ''), '.ci/run');
    }
  };
  for (const s of job.steps) add(s.run ?? '', s.name ?? s.run ?? '');
  return out;
}

const TEST_FLAGS = new Set(['--project', '--shard', '--reporter', '--grep', '--grep-invert', '--workers', '--retries', '--max-failures', '--forbid-only', '--pass-with-no-tests', '--config', '-c', '--timeout', '--quiet']);
const BUILTIN_REPORTERS = new Set(['blob', 'dot', 'line', 'list', 'html', 'json', 'junit', 'github', 'null']);

/** Checks one `playwright ...` command (after `npx`); `matrix` gives the values of `${{ matrix.x }}`. */
function checkPlaywright(args: string[], matrix: Record<string, unknown[]> | undefined, where: string): void {
  const [sub, ...rest] = args;
  assert.ok(sub === 'test' || sub === 'merge-reports', `${where}: playwright ${sub} is not a command we use`);
  const flags = rest.filter((a) => a.startsWith('-'));
  const positional = rest.filter((a, i) => !a.startsWith('-') && !(rest[i - 1] && ['--config', '-c', '--reporter', '--project', '--grep', '--workers'].includes(rest[i - 1]!)));
  if (sub === 'merge-reports') {
    const ci = rest.indexOf('--config');
    assert.ok(ci >= 0, `${where}: merge-reports needs --config (else it uses only the default reporter)`);
    assert.ok(existsSync(join(ROOT, rest[ci + 1]!)), `${where}: ${rest[ci + 1]} exists`);
    assert.equal(positional.length, 1, `${where}: merge-reports takes one blob directory`);
    return;
  }
  for (const f of flags) {
    const [name, value] = f.split('=', 2) as [string, string | undefined];
    assert.ok(TEST_FLAGS.has(name), `${where}: unknown playwright test flag ${name}`);
    if (name === '--shard') checkShard(value ?? '', matrix, where);
    if (name === '--project') assert.ok(apis.includes(value ?? rest[rest.indexOf(f) + 1]!), `${where}: --project names a catalog`);
    if (name === '--reporter') for (const r of (value ?? '').split(',')) assert.ok(BUILTIN_REPORTERS.has(r) || existsSync(join(ROOT, r)), `${where}: reporter ${r}`);
  }
  assert.deepEqual(positional, [], `${where}: no stray arguments (Playwright would read them as file filters)`);
}

function checkShard(value: string, matrix: Record<string, unknown[]> | undefined, where: string): void {
  const m = /^\$\{\{\s*matrix\.(\w+)\s*\}\}\/(?:\$\{\{\s*strategy\.job-total\s*\}\}|(\d+))$/.exec(value);
  assert.ok(m || /^\d+\/\d+$/.test(value), `${where}: --shard=${value} is i/n`);
  if (!m) { const [i, n] = value.split('/').map(Number); assert.ok(i! >= 1 && i! <= n!, `${where}: ${value}`); return; }
  const values = (matrix?.[m[1]!] ?? []).map(Number);
  const n = m[2] ? Number(m[2]) : values.length;
  assert.deepEqual([...values].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i + 1), `${where}: the matrix covers shards 1..${n} exactly once`);
}

describe('workflows', () => {
  test('there is a nightly and a pull-request workflow', () => {
    assert.ok(workflows.has('nightly.yml') && workflows.has('pr.yml'), files.join(', '));
  });

  for (const [file, wf] of workflows) {
    test(`${file}: npm scripts exist, playwright commands are sane, actions are pinned`, () => {
      for (const [name, job] of Object.entries(wf.jobs)) {
        assert.ok(job['timeout-minutes'], `${file}/${name} has a timeout`);
        for (const { words, step } of jobCommands(job)) {
          const where = `${file}/${name}/${step}`;
          const run = npmRun(words);
          if (run) assert.ok(scripts[run.name], `${where}: npm run ${run.name} is not in package.json`);
          if (words[0] === 'npm' && words[1] === 'test') assert.ok(scripts.test, `${where}: npm test needs a test script`);
          if (words[0] === 'npm' && !['run', 'test', 'ci'].includes(words[1]!)) assert.fail(`${where}: npm ${words[1]} (CI installs with npm ci only)`);
          if (words[0] === 'npx') assert.equal(words[1], 'playwright', `${where}: npx ${words[1]} (only the installed playwright, nothing downloaded)`);
          if (words[0] === 'npx' || words[0] === 'playwright') checkPlaywright(words.slice(words[0] === 'npx' ? 2 : 1), job.strategy?.matrix, where);
        }
        for (const s of job.steps.filter((x) => x.uses)) assert.match(s.uses!, /^[\w.-]+\/[\w.-]+@v\d+$/, `${file}/${name}: ${s.uses} pinned to a major version`);
        for (const s of job.steps.filter((x) => x.run)) assert.ok(!/echo[^\n]*\$\{\{\s*secrets\./.test(s.run!), `${file}/${name}: never echo a secret`);
      }
    });
  }

  test('nightly: scheduled and manual, against staging, sharded into blobs, merged with a baseline, reports uploaded', () => {
    const wf = workflows.get('nightly.yml')!;
    assert.ok(wf.on.schedule && 'workflow_dispatch' in wf.on);
    assert.equal(wf.env?.CONFORMANCE_ENV, 'staging');
    const shards = Object.values(wf.jobs).find((j) => j.strategy?.matrix?.shard)!;
    assert.ok(shards, 'a shard matrix');
    assert.ok(shards.steps.some((s) => /--reporter=\S*blob/.test(s.run ?? '')), 'shards write blob reports');
    const upload = shards.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    assert.match(String(upload?.with?.name), /\$\{\{\s*matrix\.shard\s*\}\}/, 'one artifact per shard');
    const [mergeName, merge] = Object.entries(wf.jobs).find(([, j]) => jobCommands(j).some((c) => c.words.join(' ').includes('report merge')))!;
    assert.ok([merge.needs].flat().length, `${mergeName} waits for the shards`);
    assert.match(merge.if ?? '', /!cancelled\(\)|always\(\)/, 'the merge runs when shards fail too');
    const text = JSON.stringify(merge.steps);
    assert.match(text, /FAULTLINE_BASELINE/, 'the previous conformance.json becomes the baseline');
    assert.match(text, /report:allure/);
    const names = merge.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact')).map((s) => String(s.with?.name));
    assert.ok(names.includes('conformance'), 'conformance.json is uploaded under the name the next night downloads');
    assert.match(text, /--name conformance/);
  });

  test('nightly: every variable the catalogs need is provided, tokens only from secrets', () => {
    const wf = workflows.get('nightly.yml')!;
    const shards = Object.values(wf.jobs).find((j) => j.strategy?.matrix?.shard)!;
    const env = { ...wf.env, ...shards.env };
    // the catalogs the suite runs (FAULTLINE_CATALOGS: a user's own, however many)
    const catalogs = loadCatalogs();
    const needed = new Set(catalogs.flatMap((c) => c.entries.flatMap((e) => requiredVariables(c, e))));
    const example = join(ROOT, 'env', 'staging.env.example');
    if (existsSync(example)) for (const k of Object.keys(parseEnv(readFileSync(example)))) if (/^[A-Z]+_(BASE_URL|TOKEN_\w+)$/.test(k)) needed.add(k);
    // Listed by name in the workflow, or passed through by `npm run ci:env` from the repository's
    // variables and secrets before the conformance step (which covers whatever the catalogs need).
    const at = (re: RegExp): number => shards.steps.findIndex((s) => re.test(s.run ?? ''));
    const passThrough = shards.steps[at(/npm run -s ci:env|npm run ci:env/)];
    const passesAll = passThrough !== undefined && at(/npm run conformance/) > at(/ci:env/)
      && /^\$\{\{\s*toJSON\(vars\)\s*\}\}$/.test(passThrough.env?.FAULTLINE_CI_VARS ?? '')
      && /^\$\{\{\s*toJSON\(secrets\)\s*\}\}$/.test(passThrough.env?.FAULTLINE_CI_SECRETS ?? '');
    const missing = passesAll ? [] : [...needed].filter((v) => !(v in env)).sort();
    assert.deepEqual(missing, [], 'variables the nightly job does not provide (add them to nightly.yml or pass them through with npm run ci:env)');
    if (passesAll) {
      const fakeVars = Object.fromEntries([...needed].map((v) => [v, `var-${v}`]));
      const fakeSecrets = Object.fromEntries(catalogs.flatMap((c) => secretVariables(c)).map((v) => [v, `secret-${v}`]));
      const r = ciEnv(catalogs, fakeVars, fakeSecrets, {});
      assert.deepEqual([...needed].filter((v) => !r.passed.includes(v)), [], 'ci:env passes every needed variable');
    }
    for (const v of catalogs.flatMap((c) => secretVariables(c))) {
      if (passesAll && !(v in env)) continue; // passed through by ci:env, from the secrets only
      assert.match(env[v] ?? '', new RegExp(`^\\$\\{\\{\\s*secrets\\.${v}\\s*\\}\\}$`), `${v} comes from the secret store`);
    }
    for (const [k, v] of Object.entries(env)) if (/secrets\./.test(v)) assert.ok(!(wf.env && k in wf.env), `${k}: secrets stay out of the workflow-wide env`);
  });

  test('pr: npm ci, the self-tests with Chromium, and the conformance run against the reference target', () => {
    const wf = workflows.get('pr.yml')!;
    assert.ok('pull_request' in wf.on);
    const all = Object.values(wf.jobs).flatMap((j) => jobCommands(j).map((c) => c.words.join(' ')));
    assert.ok(all.some((c) => c.startsWith('npm ci')), 'npm ci');
    assert.ok(all.includes('npm test'), 'the self-tests');
    assert.ok(all.some((c) => /apt-get install .*\bchromium\b/.test(c)), 'Chromium for browser.test.ts');
    assert.ok(all.includes('npx playwright test'), 'the full conformance run');
    assert.ok(!JSON.stringify(wf).includes('CONFORMANCE_ENV'), 'the default env (reference) is the target');
    assert.ok(!JSON.stringify(wf).includes('secrets.'), 'pull requests get no secrets');
  });

  test('workflows run on a supported Node with current action majors; one job keeps the package working on Node 20', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    assert.equal(engines, '>=20', 'the package still supports Node 20');
    const majors: Record<string, number> = { 'actions/checkout': 5, 'actions/setup-node': 5, 'actions/upload-artifact': 6, 'actions/download-artifact': 7 };
    let node20 = 0;
    for (const [file, wf] of workflows) {
      for (const [name, job] of Object.entries(wf.jobs)) {
        const container = String((job as { container?: unknown }).container ?? '');
        const versions = job.steps.filter((x) => x.uses?.startsWith('actions/setup-node')).map((x) => Number(x.with?.['node-version']));
        if (/node:20\b/.test(container)) { node20++; continue; }
        if (container) assert.match(container, /^node:(2[2-9]|[3-9]\d)-/, `${file}/${name}: a supported Node`);
        for (const v of versions) assert.ok(v >= 22, `${file}/${name}: node-version ${v}`);
        for (const x of job.steps.filter((y) => y.uses)) {
          const [action, version] = x.uses!.split('@') as [string, string];
          if (majors[action]) assert.ok(Number(version.slice(1)) >= majors[action]!, `${file}/${name}: ${x.uses} is not a current major (>= v${majors[action]})`);
        }
      }
    }
    assert.equal(node20, 1, 'exactly one job checks Node 20');
  });

  test('nightly: the verdict is the merge\'s exit status, a missing secret cannot pass, the baseline is the last night with an artifact', () => {
    const wf = workflows.get('nightly.yml')!;
    const text = JSON.stringify(wf);
    assert.ok(!text.includes('FAULTLINE_ALLOW_NOT_CONFIGURED'), 'not-configured entries (missing secrets) are never allowed in the nightly');
    assert.ok(!/summary\.violation|s\.violation/.test(text), 'no second verdict computed from counts');
    const merge = Object.values(wf.jobs).find((j) => jobCommands(j).some((c) => c.words.join(' ').includes('report merge')))!;
    const step = merge.steps.find((x) => /report:merge/.test(x.run ?? ''))!;
    assert.equal(step.if, undefined, 'the merge step fails the job by its exit status');
    const baseline = merge.steps.find((x) => /--name conformance/.test(x.run ?? ''))!.run!;
    assert.match(baseline, /for prev in \$\(gh run list[^)]*--limit \d+/, 'tries the earlier runs in turn');
    assert.match(baseline, /FAULTLINE_HISTORY=/, 'the trend history comes with the baseline');
    assert.match(baseline, /--name allure-history/, 'so does Allure\'s');
    const uploads = merge.steps.filter((x) => x.uses?.startsWith('actions/upload-artifact')).map((x) => String(x.with?.name));
    assert.ok(uploads.includes('allure-history'), 'the next night gets the Allure history');
  });
});
