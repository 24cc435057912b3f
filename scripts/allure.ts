/**
 * `npm run report:allure [-- <results dir> <report dir>]`: renders allure-results with the Allure 3
 * CLI installed in node_modules (nothing is downloaded at run time) into one self-contained HTML
 * file, then strips the Google Tag Manager script its page template hard-codes, so the report
 * loads nothing from the network and tells nobody it was opened. Fails if anything external is left.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citeDocs, type AllureResult } from '../src/report/allure-links.js';
import { setting } from '../src/settings.js';
import { externalReferences, stripTracking } from '../src/report/allure-offline.js';

const reportsDir = setting('reportsDir');
const resultsDir = resolve(process.argv[2] ?? join(reportsDir, 'allure-results'));
const outDir = resolve(process.argv[3] ?? join(reportsDir, 'allure-report'));

if (!existsSync(resultsDir) || !readdirSync(resultsDir).some((f) => f.endsWith('-result.json'))) {
  console.error(`report:allure: no *-result.json in ${resultsDir}: run the suite first (npx playwright test)`);
  process.exit(2);
}

// A direct devDependency sits at the top of node_modules; its package.json is not in its exports.
const allureDir = fileURLToPath(new URL('../node_modules/allure/', import.meta.url));
const { bin } = JSON.parse(readFileSync(join(allureDir, 'package.json'), 'utf8')) as { bin: string };

// Results are rewritten into a scratch copy (the raw results stay as the run wrote them): the doc
// citation becomes a link and a description (src/report/allure-links.ts).
const work = mkdtempSync(join(tmpdir(), 'faultline-allure-'));
const input = join(work, 'results');
mkdirSync(input);
for (const f of readdirSync(resultsDir)) {
  const from = join(resultsDir, f);
  if (f.endsWith('-result.json')) writeFileSync(join(input, f), JSON.stringify(citeDocs(JSON.parse(readFileSync(from, 'utf8')) as AllureResult)));
  else copyFileSync(from, join(input, f));
}

// The awesome plugin's singleFile inlines data and assets into index.html; the tree groups by the
// labels define.ts sets (epic = API, feature = status class) instead of the source file.
const config = join(work, 'allurerc.json');
// History is carried on purpose: each report appends this run to the history file (keeping the
// last 30), and its trend graphs read it. The nightly keeps the file as an artifact between nights.
const historyPath = resolve(process.env.FAULTLINE_ALLURE_HISTORY || join(reportsDir, 'allure-history.jsonl'));
writeFileSync(config, JSON.stringify({ name: 'faultline conformance', historyPath, historyLimit: 30, appendHistory: true, plugins: { awesome: { options: { singleFile: true, reportName: 'faultline conformance', groupBy: ['epic', 'feature'] } } } }));
rmSync(outDir, { recursive: true, force: true });
const run = spawnSync(process.execPath, [join(allureDir, bin), 'generate', input, '-o', outDir, '--config', config], { stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });
if (run.status !== 0) process.exit(run.status ?? 1);

let problems = 0;
for (const f of readdirSync(outDir).filter((n) => n.endsWith('.html'))) {
  const file = join(outDir, f);
  const html = stripTracking(readFileSync(file, 'utf8'));
  writeFileSync(file, html);
  for (const ref of externalReferences(html)) {
    console.error(`report:allure: ${f} still references ${ref}`);
    problems++;
  }
}
if (problems) process.exit(1);
console.log(`report:allure: ${join(outDir, 'index.html')} (offline, no tracking)`);
