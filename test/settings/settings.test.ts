/**
 * Run settings and the env loader: every setting is validated up front with faultline's own
 * message, `${VAR}` references are expanded once (an unresolved one names file, line and
 * variable), malformed base URLs are refused, the README's settings table is the generated one,
 * and the main job exits 2 on each of these before sending a request or writing a report.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { baseUrlProblems, EnvError, loadEnv } from '../../src/env.js';
import { DEFINITIONS, readSettings, settingsTable, SettingError } from '../../src/settings.js';
import { loadCatalogs } from '../../src/load.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const REFERENCE_ENV = readFileSync(join(ROOT, 'env/reference.env'), 'utf8');
const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A folder with `<name>.env` holding `text`; returns the process env selecting it. */
function envFile(text: string, name = 'probe'): { env: Record<string, string>; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fl-env-'));
  dirs.push(dir);
  writeFileSync(join(dir, `${name}.env`), text);
  return { env: { FAULTLINE_ENV_DIR: dir, CONFORMANCE_ENV: name }, file: join(dir, `${name}.env`) };
}

function refusal(fn: () => unknown): string {
  try { fn(); } catch (err) { return (err as Error).message; }
  assert.fail('expected a refusal');
}

describe('settings', () => {
  test('defaults when nothing is set', () => {
    const s = readSettings({});
    for (const [key, d] of Object.entries(DEFINITIONS)) assert.deepEqual(s[key as keyof typeof s], d.unset, key);
  });

  test('workers: a number or a percentage, as Playwright accepts; nothing else', () => {
    assert.equal(readSettings({ FAULTLINE_WORKERS: '3' }).workers, 3);
    assert.equal(readSettings({ FAULTLINE_WORKERS: '50%' }).workers, '50%');
    for (const bad of ['junk', '0', '-1', '1.5', '0%', '150%', 'NaN']) {
      assert.match(refusal(() => readSettings({ FAULTLINE_WORKERS: bad })), /^FAULTLINE_WORKERS=".*" \(the process environment\): must be a number of worker processes/, bad);
    }
  });

  test('request timeout and breaker threshold refuse junk and nonsense', () => {
    assert.equal(readSettings({ FAULTLINE_REQUEST_TIMEOUT_MS: '2500' }).requestTimeoutMs, 2500);
    assert.equal(readSettings({ FAULTLINE_BREAKER_THRESHOLD: '0' }).breakerThreshold, 0);
    for (const bad of ['junk', '0', '10s', '-5']) assert.throws(() => readSettings({ FAULTLINE_REQUEST_TIMEOUT_MS: bad }), SettingError, bad);
    for (const bad of ['junk', '-1', '2.5']) assert.throws(() => readSettings({ FAULTLINE_BREAKER_THRESHOLD: bad }), SettingError, bad);
  });

  test('every problem at once, each naming where the value came from', () => {
    const msg = refusal(() => readSettings({ FAULTLINE_SENDER: 'curl', FAULTLINE_REFERENCE: 'yes', FAULTLINE_ALLOW_DESTRUCTIVE: '1' }, (n) => `env/x.env:${n.length}`));
    assert.match(msg, /FAULTLINE_SENDER="curl" \(env\/x\.env:16\): must be one of 'playwright', 'stream'/);
    assert.match(msg, /FAULTLINE_REFERENCE="yes" \(env\/x\.env:19\): must be one of 'embedded', 'none'/);
    assert.match(msg, /FAULTLINE_ALLOW_DESTRUCTIVE="1" \(env\/x\.env:27\): must be one of 'true', 'false'/);
  });

  test('the README table is the one generated from the definitions, naming every FAULTLINE_* variable read in src/', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(settingsTable()), 'README.md settings table is stale: run npm run schemas');
    const names = new Set(Object.values(DEFINITIONS).map((d) => d.name));
    const read = spawnSync('grep', ['-rhoP', 'FAULTLINE_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_])', 'src', 'playwright.config.ts', 'merge.config.ts', 'scripts'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const undocumented = [...new Set(read)].filter((n) => !names.has(n));
    assert.deepEqual(undocumented, [], 'every FAULTLINE_* variable the code names is a defined setting');
  });
});

describe('env loader', () => {
  test('expands ${VAR} once, from the file and the process environment; an unknown name in a process value stays literal', () => {
    const { env } = envFile('HOST=127.0.0.1\nA_BASE_URL=http://${HOST}:${PORT}/a\nB_BASE_URL=${A_BASE_URL}/b\n');
    const loaded = loadEnv({ ...env, PORT: '8080', C_BASE_URL: 'http://${HOST}/c', LITERAL: 'x${NOT_SET}', D_BASE_URL: 'http://${NOT_SET}/d' });
    assert.equal(loaded.vars.A_BASE_URL, 'http://127.0.0.1:8080/a');
    assert.equal(loaded.vars.B_BASE_URL, 'http://127.0.0.1:8080/a/b');
    assert.equal(loaded.vars.C_BASE_URL, 'http://127.0.0.1/c');
    assert.equal(loaded.vars.LITERAL, 'x${NOT_SET}');
    assert.deepEqual(baseUrlProblems(['A_BASE_URL', 'C_BASE_URL', 'D_BASE_URL'], loaded), ['the process environment: D_BASE_URL="http://${NOT_SET}/d" is not a base URL: it refers to ${NOT_SET}, which is not set']);
  });

  test('an unresolved reference is an error naming file, line and variable', () => {
    const { env, file } = envFile('# comment\n\nCMIX_BASE_URL=http://${CMIX_HOST}/cmix\n');
    const msg = refusal(() => loadEnv(env));
    assert.equal(msg, `${file}:3: CMIX_BASE_URL refers to \${CMIX_HOST}, which is not set (neither in ${file} nor in the process environment)`);
  });

  test('a copy of reference.env without FAULTLINE_REFERENCE: ${REFERENCE_PORT} is unresolved, not port 80', () => {
    const { env } = envFile(REFERENCE_ENV.replace(/^FAULTLINE_REFERENCE=embedded\n/m, ''));
    const msg = refusal(() => loadEnv(env));
    assert.match(msg, /probe\.env:\d+: CPM_BASE_URL refers to \$\{REFERENCE_PORT\}, which is not set/);
    assert.ok(msg.split('\n').length >= 5, 'every base URL is named');
  });

  test('with the embedded reference target, REFERENCE_PORT stays pending until the target listens', () => {
    const { env } = envFile(REFERENCE_ENV);
    const before = loadEnv(env);
    assert.deepEqual(before.pending, ['REFERENCE_PORT']);
    assert.match(before.vars.CMIX_BASE_URL!, /\$\{REFERENCE_PORT\}/);
    const afterListen = loadEnv({ ...env, REFERENCE_PORT: '4321' });
    assert.deepEqual(afterListen.pending, []);
    assert.equal(afterListen.vars.CMIX_BASE_URL, 'http://127.0.0.1:4321/cmix');
  });

  test('a reference cycle is an error, not a hang', () => {
    const { env } = envFile('A=${B}\nB=${A}\n');
    assert.throws(() => loadEnv(env), EnvError);
  });

  test('settings in the env file are validated with their file:line', () => {
    const { env, file } = envFile('X=1\nFAULTLINE_REQUEST_TIMEOUT_MS=0\n');
    assert.match(refusal(() => loadEnv(env)), new RegExp(`^FAULTLINE_REQUEST_TIMEOUT_MS="0" \\(${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2\\): must be a whole number of milliseconds`));
  });

  test('malformed base URLs are found before the run; a password is not shown', () => {
    const { env } = envFile([
      'A_BASE_URL=htp//127.0.0.1/a', 'B_BASE_URL="http://127.0.0.1/ b"', 'C_BASE_URL=http://127.0.0.1:99999/c',
      'D_BASE_URL=ftp://127.0.0.1/d', 'E_BASE_URL=http://u:hunter22@127.0.0.1/e?x=1', 'OK_BASE_URL=http://127.0.0.1:8080/ok',
      'P_BASE_URL=http://127.0.0.1:${REFERENCE_PORT}/p', 'FAULTLINE_REFERENCE=embedded', '',
    ].join('\n'));
    const loaded = loadEnv(env);
    const problems = baseUrlProblems(['A_BASE_URL', 'B_BASE_URL', 'C_BASE_URL', 'D_BASE_URL', 'E_BASE_URL', 'OK_BASE_URL', 'P_BASE_URL', 'UNSET_BASE_URL'], loaded);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.match(problems[0]!, /probe\.env:1: A_BASE_URL="htp\/\/127\.0\.0\.1\/a" is not a base URL: not an absolute URL/);
    assert.match(problems[1]!, /B_BASE_URL=.* white space/);
    assert.match(problems[2]!, /C_BASE_URL=.* port 99999 is out of range/);
    assert.match(problems[3]!, /D_BASE_URL=.* the scheme must be http or https, not ftp/);
    assert.match(problems[4]!, /E_BASE_URL="http:\/\/u:\[REDACTED\]@127\.0\.0\.1\/e\?x=1" is not a base URL: it must not carry a query/);
    assert.ok(!problems.join('\n').includes('hunter22'));
  });
});

describe('the main job refuses bad settings with exit 2 before any request or report', () => {
  const conformance = (env: Record<string, string>) => {
    const reports = mkdtempSync(join(tmpdir(), 'fl-reports-'));
    dirs.push(reports);
    rmSync(reports, { recursive: true });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/conformance.ts'], {
      cwd: ROOT, env: { ...process.env, CI: '1', FAULTLINE_REPORTS_DIR: reports, ...env }, encoding: 'utf8', timeout: 60_000,
    });
    return { ...r, reports };
  };

  test('each bad setting: faultline\'s message, exit 2, no request, no report', async () => {
    let requests = 0;
    const server = createServer((_req, res) => { requests++; res.end('{}'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const base: Record<string, string> = { CONFORMANCE_ENV: 'selftest', FAULTLINE_ALLOW_DESTRUCTIVE: 'true' };
    for (const c of loadCatalogs()) base[c.baseUrlVar] = url;
    const { env: noRefEnv } = envFile(REFERENCE_ENV.replace(/^FAULTLINE_REFERENCE=embedded\n/m, ''), 'copy');
    const cases: [string, Record<string, string>, RegExp][] = [
      ['junk workers', { FAULTLINE_WORKERS: 'junk' }, /FAULTLINE_WORKERS="junk" \(the process environment\): must be a number of worker processes/],
      ['zero workers', { FAULTLINE_WORKERS: '0' }, /FAULTLINE_WORKERS="0"/],
      ['zero timeout', { FAULTLINE_REQUEST_TIMEOUT_MS: '0' }, /FAULTLINE_REQUEST_TIMEOUT_MS="0"/],
      ['junk breaker', { FAULTLINE_BREAKER_THRESHOLD: 'junk' }, /FAULTLINE_BREAKER_THRESHOLD="junk"/],
      ['malformed base URL', { CMIX_BASE_URL: 'htp//127.0.0.1/cmix' }, /CMIX_BASE_URL="htp\/\/127\.0\.0\.1\/cmix" is not a base URL/],
      ['port out of range', { CMIX_BASE_URL: 'http://127.0.0.1:99999/cmix' }, /port 99999 is out of range/],
      ['unresolved reference', { ...noRefEnv, ...Object.fromEntries(Object.keys(base).filter((k) => k.endsWith('_BASE_URL')).map((k) => [k, ''])) }, /copy\.env:\d+: \w+_BASE_URL refers to \$\{REFERENCE_PORT\}, which is not set/],
    ];
    try {
      for (const [what, env, message] of cases) {
        // the unresolved case drops the selftest URLs so the copied file's own values are used
        const merged = { ...base, ...env };
        for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
        const r = conformance(merged);
        assert.equal(r.status, 2, `${what}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
        assert.match(r.stderr, /^faultline: not started:/, what);
        assert.match(r.stderr, message, what);
        assert.ok(!/\n\s+at /.test(r.stderr), `${what}: no stack trace:\n${r.stderr}`);
        assert.equal(existsSync(r.reports), false, `${what}: no report written`);
      }
      assert.equal(requests, 0, 'no request reached the target');
    } finally {
      server.close();
    }
  });
});

test('running Playwright directly refuses a bad setting the same way (exit 2, no stack trace)', () => {
  const reports = mkdtempSync(join(tmpdir(), 'fl-reports-'));
  dirs.push(reports);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test'], {
    cwd: ROOT, env: { ...process.env, CI: '1', FAULTLINE_REPORTS_DIR: reports, FAULTLINE_WORKERS: '0' }, encoding: 'utf8', timeout: 60_000,
  });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^faultline: not started:\nFAULTLINE_WORKERS="0" \(the process environment\): must be a number of worker processes/);
  assert.ok(!/\n\s+at /.test(r.stderr), r.stderr);
});
