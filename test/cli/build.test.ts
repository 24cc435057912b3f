/**
 * The run's build (bin/build.js): plain JavaScript bundled from the sources, named by their
 * content, reused while they stay the same; `faultline run` gives Playwright the built config, and
 * its specs define the same tests as the TypeScript ones a bare `npx playwright test` loads.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { built, builtModule, entries, sourcesHash } from '../../bin/build.js';
import { loadCatalogs } from '../../src/load.js';
import { builtPageScript, bundlePageScript } from '../../src/report/html.js';
import { ROOT, tempDir } from '../report/support.js';
import { cleanEnv, runFaultline } from '../support/faultline-cli.js';

describe('the run\'s build', () => {
  test('holds every entry module; the same sources give the same build, reused as it is', async () => {
    const dir = await built();
    for (const e of entries()) assert.ok(existsSync(builtModule(dir, e)), `${e} is built`);
    const mark = statSync(join(dir, 'build.json')).mtimeMs;
    assert.equal(await built(), dir);
    assert.equal(statSync(join(dir, 'build.json')).mtimeMs, mark, 'not built again');
  });

  test('holds the report page\'s script, the same one the report would bundle itself', async () => {
    const dir = await built();
    const script = builtPageScript(dir);
    assert.ok(script && script.length > 1000, 'the build has the page script');
    assert.equal(script, bundlePageScript());
  });

  test('is named by the content of every source: a change to any one makes another build', () => {
    const root = tempDir('build-hash');
    try {
      for (const d of ['src', 'reference', 'specs']) cpSync(join(ROOT, d), join(root, d), { recursive: true });
      cpSync(join(ROOT, 'playwright.config.ts'), join(root, 'playwright.config.ts'));
      mkdirSync(join(root, 'node_modules'));
      symlinkSync(join(ROOT, 'node_modules', 'esbuild'), join(root, 'node_modules', 'esbuild'));
      const before = sourcesHash(root);
      assert.equal(sourcesHash(root), before, 'stable');
      const file = join(root, 'src', 'settings.ts');
      writeFileSync(file, readFileSync(file, 'utf8') + '\n// a change\n');
      assert.notEqual(sourcesHash(root), before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a built module keeps its source\'s location: paths it derives from import.meta.url are the same', async () => {
    const dir = await built();
    const fromBuild = (await import(pathToFileURL(builtModule(dir, 'src/cli/faultline.ts')).href)) as typeof import('../../src/cli/faultline.js');
    const fromSource = await import('../../src/cli/faultline.js');
    assert.notEqual(fromBuild.COMMANDS, fromSource.COMMANDS, 'two copies');
    // the help text names the defaults; the cache folder's is derived from the module's location
    assert.equal(fromBuild.helpText(), fromSource.helpText());
  });
});

describe('faultline run uses the build', () => {
  const list = (json: string): { configFile: string; titles: string[] } => {
    const report = JSON.parse(json.slice(json.indexOf('{'))) as { config: { configFile: string }; suites: Suite[] };
    interface Suite { title: string; specs?: { title: string }[]; suites?: Suite[] }
    const titles: string[] = [];
    const walk = (s: Suite): void => { for (const sp of s.specs ?? []) titles.push(sp.title); for (const c of s.suites ?? []) walk(c); };
    report.suites.forEach(walk);
    return { configFile: report.config.configFile, titles: titles.sort() };
  };

  test('Playwright\'s runner runs in the command\'s own process: a listing starts no other Node process', () => {
    const dir = tempDir('processes');
    try {
      const probe = join(dir, 'probe.mjs');
      const log = join(dir, 'started');
      writeFileSync(probe, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, process.argv.slice(1).join(' ') + '\\n');\n`);
      const run = runFaultline(['run', '--list'], { NODE_OPTIONS: `--import=${probe}` });
      assert.equal(run.status, 0, run.stderr);
      const started = readFileSync(log, 'utf8').trim().split('\n');
      assert.equal(started.length, 1, started.join('\n'));
      assert.match(started[0]!, /bin\/faultline\.js run --list$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Playwright loads the built config and specs, and they define the tests the TypeScript ones do', () => {
    const total = loadCatalogs().reduce((n, c) => n + c.entries.length, 0);
    const run = runFaultline(['run', '--list', '--reporter=json']);
    assert.equal(run.status, 0, run.stderr);
    const viaBuild = list(run.stdout);
    assert.match(viaBuild.configFile, /faultline-build\/[0-9a-f]{16}\/playwright\.config\.js$/);
    assert.equal(viaBuild.titles.length, total);
    const bare = spawnSync(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--list', '--reporter=json'], { cwd: ROOT, env: cleanEnv({ CI: '1' }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(bare.status, 0, bare.stderr);
    const viaSource = list(bare.stdout);
    assert.equal(viaSource.configFile, join(ROOT, 'playwright.config.ts'));
    assert.deepEqual(viaBuild.titles, viaSource.titles);
  });
  test('Allure names and identifies a result the same whether the run loaded the built or the TypeScript specs', () => {
    const id = loadCatalogs().flatMap((c) => c.entries).find((e) => e.recipes.length)!.id;
    const ids = (dir: string): string[] => readdirSync(join(dir, 'allure-results')).filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, 'allure-results', f), 'utf8')) as { fullName: string; testCaseId: string; historyId: string; labels: { name: string; value: string }[] })
      .map((r) => [r.fullName, r.testCaseId, r.historyId, r.labels.find((l) => l.name === 'package')?.value].join(' | '));
    const built = tempDir('allure-built');
    const source = tempDir('allure-source');
    try {
      const a = runFaultline(['run', '--grep', `${id} `], { CI: '1', FAULTLINE_REPORTS_DIR: built });
      assert.equal(a.status, 0, a.stderr);
      const b = spawnSync(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--grep', `${id} `], { cwd: ROOT, env: cleanEnv({ CI: '1', FAULTLINE_REPORTS_DIR: source }), encoding: 'utf8', timeout: 120_000 });
      assert.equal(b.status, 0, b.stderr);
      const fromBuild = ids(built);
      assert.equal(fromBuild.length, 1);
      assert.doesNotMatch(fromBuild[0]!, /faultline-build|\.\.\/\.\.\//, 'nothing of the build\'s folder in a name or id');
      assert.deepEqual(fromBuild, ids(source));
    } finally {
      rmSync(built, { recursive: true, force: true });
      rmSync(source, { recursive: true, force: true });
    }
  });
});
