/**
 * `npm run bench`: faultline's benchmarks on this machine. Prints a table and writes
 * reports/bench.json. Sizes: FAULTLINE_BENCH_SIZES=100,1000,10000 (default); red runs at 84 and
 * FAULTLINE_BENCH_RED=1000 entries, FAULTLINE_BENCH_REPEATS=3 interleaved rounds (medians);
 * distinct contracts FAULTLINE_BENCH_DISTINCT=1000,10000. FAULTLINE_BENCH_SECTIONS picks sections
 * (catalogs,full,inner,red,polite,scale,latency; default all); FAULTLINE_BENCH_KEEP_OFF=0 skips the red
 * run with a worker restart per failure (slow by design).
 * The page benchmark is separate: `npx tsx scripts/bench/page.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogs } from '../src/load.js';
import { bareLoop } from './bench/bare.js';
import { writeFloorSuite } from './bench/floor.js';
import { measure, summaryCount, type Measured } from './bench/measure.js';
import { compare, describeRun, type Case } from './bench/inner.js';
import { errorMix, loadTest, startReferenceProcess } from './bench/reference-load.js';
import { synthesize, writeCatalogs } from './bench/synth.js';
import { loadEnv } from '../src/env.js';
import { setting } from '../src/settings.js';
import { closedPort, redRuns, type RedCase } from './bench/red.js';
import { politeRun } from './bench/polite.js';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'reports', 'bench');
const sizes = setting('benchSizes');
const rows: { what: string; value: string; note: string }[] = [];
const json: Record<string, unknown> = { machine: { cores: (await import('node:os')).cpus().length, node: process.version }, at: new Date().toISOString() };
const row = (what: string, value: string, note = ''): void => { rows.push({ what, value, note }); process.stderr.write(`  ${what}: ${value} ${note}\n`); };
const pw = join(ROOT, 'node_modules/@playwright/test/cli.js');
const tsx = ['--import', 'tsx'];
mkdirSync(OUT, { recursive: true });
const reportersLabel = process.env.FAULTLINE_REPORTERS === 'minimal' ? 'minimal reporters' : 'all reporters';
const sections = new Set((process.env.FAULTLINE_BENCH_SECTIONS ?? 'catalogs,full,inner,red,polite,scale,latency').split(','));

function referenceEnv(port: number): Record<string, string | undefined> {
  return loadEnv({ REFERENCE_PORT: String(port) }).vars;
}

/** MB on disk of each report a run wrote (each top-level file or folder of its reports folder). */
function reportSizes(dir: string): Record<string, number> {
  const bytes = (p: string): number => { const st = statSync(p); return st.isDirectory() ? readdirSync(p).reduce((n, f) => n + bytes(join(p, f)), 0) : st.size; };
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, Number((bytes(join(dir, f)) / 1e6).toFixed(1))]));
}

// 1. Catalog loading and schema generation (no cache), real catalogs and a synthetic 10,000.
const real = loadCatalogs();
const realEntries = real.reduce((n, c) => n + c.entries.length, 0);
const loadGen = (dir?: string, cacheDir?: string): Record<string, number> => JSON.parse(execFileSync(process.execPath, [...tsx, 'scripts/bench/load-gen.ts', ...(dir ? [dir] : []), ...(cacheDir ? [cacheDir] : [])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })) as Record<string, number>;
if (sections.has('catalogs')) {
const lgReal = loadGen();
row(`catalogs: load + validate (${realEntries} real entries)`, `${lgReal.loadMs} ms`, `generate ${lgReal.generateMs} ms (${lgReal.files} files), compile ${lgReal.compileMs} ms (${lgReal.contracts} contracts), peak ${lgReal.peakMB} MB`);
const synth10k = join(OUT, 'syn-10000');
writeCatalogs(synth10k, synthesize(real, 10_000));
const lg10k = loadGen(synth10k);
row('catalogs: load + validate (10,000 synthetic)', `${lg10k.loadMs} ms`, `generate ${lg10k.generateMs} ms (${lg10k.files} files), compile ${lg10k.compileMs} ms (${lg10k.contracts} contracts), peak ${lg10k.peakMB} MB`);
const distinct: Record<string, unknown> = {};
for (const n of (process.env.FAULTLINE_BENCH_DISTINCT ?? '1000,10000').split(',').map(Number)) {
  const dir = join(OUT, `syn-distinct-${n}`);
  writeCatalogs(dir, synthesize(real, n, { distinct: true }));
  // without the cache, then an empty cache (cold: compile and write) and the same cache again (warm)
  // a fresh folder where the default cache lives (node_modules/.cache), not the temp folder: its file system is the one a run writes to
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const cache = mkdtempSync(join(ROOT, 'node_modules/.cache/fl-bench-vcache-'));
  const off = loadGen(dir);
  const cold = loadGen(dir, cache);
  const warm = loadGen(dir, cache);
  rmSync(cache, { recursive: true, force: true });
  distinct[n] = { noCache: off, cold, warm };
  const label = `catalogs: ${n.toLocaleString('en')} distinct contracts, every validator`;
  row(`${label}, no cache (ajv compiles)`, `${off.compileMs} ms`, `${(off.compileMs! / off.contracts!).toFixed(2)} ms per contract (${off.contracts} contracts), load ${off.loadMs} ms, peak ${off.peakMB} MB`);
  row(`${label}, cache cold (compile + write)`, `${cold.compileMs} ms`, `${(cold.compileMs! / off.compileMs!).toFixed(2)}x no cache; ${cold.compiledByAjv} compiled`);
  row(`${label}, cache warm (a repeated run)`, `${warm.compileMs} ms`, `${(warm.compileMs! / off.compileMs!).toFixed(2)}x no cache (${(off.compileMs! / warm.compileMs!).toFixed(1)}x faster); ${warm.compiledByAjv} compiled, ${warm.fromCache} from the cache`);
}
json.catalogs = { real: lgReal, synthetic10000: lg10k, distinct };
}

// 2. Reference target: start-up and throughput for a mix of error responses.
const ref = await startReferenceProcess(ROOT);
const mix = errorMix(real, referenceEnv(ref.port));
await loadTest(mix, 2_000);
const load = await loadTest(mix, 30_000);
row('reference: start-up (process to listening)', `${Math.round(ref.ms)} ms`);
row(`reference: error responses served (mix of ${mix.length}, 16 in flight)`, `${load.rps} req/s`, `${load.errors} transport errors`);
json.reference = { startupMs: Math.round(ref.ms), rps: load.rps, mix: mix.length, byStatus: load.byStatus };

// 3. The bare loop: the same recipes with fetch + ajv in one process.
if (sections.has('full')) {
const bare = await bareLoop(real, referenceEnv(ref.port));
row(`bare fetch + ajv loop (${bare.entries} provokable entries)`, `${Math.round(bare.ms)} ms`, `${(bare.ms / bare.entries).toFixed(2)} ms/entry`);

// 4. The main job: every real catalog against the embedded target, all reports, start-up included,
// as a user starts it (`npm run conformance`), with the automatic worker count and with 1 and 2
// workers side by side (interleaved rounds, medians; scripts/bench/inner.ts).
const innerRounds = Number(process.env.FAULTLINE_BENCH_REPEATS ?? 3);
const fullCases: Case[] = [['automatic', undefined], ['1 worker', '1'], ['2 workers', '2']].map(([label, workers]) => ({
  label: label!, root: ROOT, args: [], env: { FAULTLINE_REPORTS_DIR: join(OUT, 'full'), ...(workers ? { FAULTLINE_WORKERS: workers } : {}) },
}));
const full = await compare(fullCases, innerRounds);
const perEntryFull = full[0]!.ms / bare.entries;
for (const r of full) row(`full run against the reference target (${realEntries} entries, all reporters, ${r.label})`, `${(r.ms / 1000).toFixed(2)} s`, `${r.passed} passed, ${r.failed} failed; ${describeRun(r)}`);
row('full run, automatic workers: per provokable entry', `${perEntryFull.toFixed(1)} ms`, `${(perEntryFull / (bare.ms / bare.entries)).toFixed(0)}x the bare loop`);
json.fullRun = full.map((r) => ({ ...r, ms: Math.round(r.ms) }));
json.fullBare = { ms: Math.round(bare.ms), provokable: bare.entries };
// Where a second worker starts to pay: synthetic catalogs of 250 and 1,000 entries (the reference
// target as a process of its own), 1 and 2 workers side by side.
const crossCases: Case[] = [250, 1000].flatMap((n) => {
  const dir = join(OUT, `syn-workers-${n}`);
  writeCatalogs(dir, synthesize(real, n));
  return [1, 2].map((w) => ({ label: `${n.toLocaleString('en')} entries, ${w} worker${w > 1 ? 's' : ''}`, root: ROOT, args: [], env: { FAULTLINE_WORKERS: String(w), FAULTLINE_CATALOGS: dir, CONFORMANCE_ENV: 'reference', FAULTLINE_REFERENCE: 'none', REFERENCE_PORT: String(ref.port), FAULTLINE_REPORTS_DIR: join(OUT, `workers-${n}-${w}`) } }));
});
const cross = await compare(crossCases, innerRounds);
for (const r of cross) row(`workers: ${r.label} (all reporters)`, `${(r.ms / 1000).toFixed(2)} s`, `${r.passed} passed, ${r.failed} failed; ${describeRun(r)}`);
json.workersCrossover = cross.map((r) => ({ ...r, ms: Math.round(r.ms) }));
}

// 5. The inner loop: one entry (cmix/not-found when the catalogs have it), from the command to its
// first request at the target and to its exit, embedded reference target included.
if (sections.has('inner')) {
const entriesAll = real.flatMap((c) => c.entries);
const one = entriesAll.find((e) => e.id === 'cmix/not-found') ?? entriesAll.find((e) => e.recipes.length === 1 && !e.recipes[0]!.setup?.length)!;
const [inner] = await compare([{ label: 'inner', root: ROOT, args: ['--grep', `${one.id} `], env: { FAULTLINE_REPORTERS: 'minimal', FAULTLINE_REPORTS_DIR: join(OUT, 'inner') } }], Number(process.env.FAULTLINE_BENCH_REPEATS ?? 3));
row(`inner loop: one entry (npm run conformance -- --grep '${one.id} '), command to its first request`, `${((inner!.firstRequestMs ?? NaN) / 1000).toFixed(2)} s`, 'at the embedded reference target');
row('inner loop: one entry, command to exit', `${(inner!.ms / 1000).toFixed(2)} s`, `minimal reporters; ${describeRun(inner!)}`);
json.innerLoop = { ...inner, ms: Math.round(inner!.ms), entry: one.id };
}

// 6. Red runs against green ones, side by side: every entry violating, the target down.
if (sections.has('red')) {
const deviating = await startReferenceProcess(ROOT, { REFERENCE_DEVIATIONS: real.flatMap((c) => c.entries.map((e) => `${e.id}=status`)).join(';') });
const redSize = Number(process.env.FAULTLINE_BENCH_RED ?? 1000);
const redDir = join(OUT, `syn-red-${redSize}`);
writeCatalogs(redDir, synthesize(real, redSize));
const redCases: RedCase[] = [
  ...(process.env.FAULTLINE_BENCH_RED_REAL === '0' ? [] : [{ label: `${realEntries} real`, entries: realEntries }]),
  { label: `${redSize} synthetic`, catalogs: redDir, entries: redSize },
];
const red = await redRuns(ROOT, redCases, { green: ref.port, violating: deviating.port, down: await closedPort() }, { repeats: Number(process.env.FAULTLINE_BENCH_REPEATS ?? 3), ...(process.env.FAULTLINE_BENCH_KEEP_OFF === '0' ? {} : { keepOffAt: redCases[0]!.label }) });
deviating.stop();
for (const r of red) {
  const green = red.find((g) => g.label === r.label && g.kind === 'green')!;
  const cpu = r.cpuMs !== undefined && green.cpuMs !== undefined ? `; cpu ${(r.cpuMs / 1000).toFixed(1)} s = ${(r.cpuMs / green.cpuMs).toFixed(2)}x green's` : '';
  row(`red run ${r.label}: ${r.kind}`, `${(r.ms / 1000).toFixed(1)} s`, `${(r.ms / green.ms).toFixed(2)}x green${cpu}; ${r.passed} passed, ${r.failed} failed, peak ${Math.round(r.peakMB)} MB, ${reportersLabel}`);
}
json.red = red.map((r) => ({ ...r, ms: Math.round(r.ms), ...(r.cpuMs !== undefined ? { cpuMs: Math.round(r.cpuMs) } : {}), peakMB: Math.round(r.peakMB) }));
}

// 7. Politeness, measured at the target: no limit, FAULTLINE_RATE_LIMIT, FAULTLINE_CONCURRENCY.
if (sections.has('polite')) {
const polite = [];
for (const [label, settings] of [['no limit', {}], ['FAULTLINE_RATE_LIMIT=10/s', { FAULTLINE_RATE_LIMIT: '10/s' }], ['FAULTLINE_CONCURRENCY=1', { FAULTLINE_CONCURRENCY: '1' }]] as const) {
  const p = await politeRun(ROOT, real, label, settings);
  polite.push(p);
  row(`politeness, ${label}`, `${p.maxPerSecond} req/s max`, `at the target, busiest base URL ${p.busiestBase}: mean ${p.meanPerSecond.toFixed(1)} req/s, at most ${p.maxInFlight} in flight; ${p.requests} requests in ${(p.ms / 1000).toFixed(1)} s, 2 workers`);
}
json.polite = polite;
}

// 8. Scale: synthetic catalogs against the reference target, the bare loop and the Playwright floor.
// Interleaved rounds (medians): the bare command, faultline with minimal reporters, faultline with
// every reporter. The bare command is a process of its own timed from spawn to exit (see
// scripts/bench/bare.ts); the old in-process, one-at-a-time loop is kept as a labelled row.
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const floorUrl = `http://127.0.0.1:${ref.port}/cmix/surveys`;
const scale: Record<string, unknown>[] = [];
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const scaleRounds = setting('benchRepeats');
// an earlier checkout of faultline (with node_modules) run in the same rounds, for before/after ratios
const before = setting('benchBefore');
const beforePw = before && join(before, 'node_modules/@playwright/test/cli.js');
for (const n of sections.has('scale') ? sizes : []) {
  const dir = join(OUT, `syn-${n}`);
  writeCatalogs(dir, synthesize(real, n));
  const runEnv = (reporters: 'minimal' | 'all'): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, CI: '1', FAULTLINE_CATALOGS: dir, CONFORMANCE_ENV: 'reference', FAULTLINE_REFERENCE: 'none', REFERENCE_PORT: String(ref.port), FAULTLINE_REPORTS_DIR: join(OUT, `run-${n}-${reporters}`) };
    if (reporters === 'minimal') e.FAULTLINE_REPORTERS = 'minimal'; else delete e.FAULTLINE_REPORTERS;
    return e;
  };
  // fresh report folders: their sizes (and the history the page carries) are this run's rounds only
  for (const d of ['minimal', 'all']) for (const side of ['run', 'before']) rmSync(join(OUT, `${side}-${n}-${d}`), { recursive: true, force: true });
  const list = await measure(process.execPath, [pw, 'test', '--list'], runEnv('minimal'), ROOT);
  const bareArgs = [...tsx, 'scripts/bench/bare.ts', dir, String(ref.port), '16'];
  await measure(process.execPath, bareArgs, process.env, ROOT); // warms the catalog and validator caches both sides read
  type Round = { bare: Measured; minimal: Measured; all: Measured; beforeMinimal?: Measured; beforeAll?: Measured };
  const rounds: Round[] = [];
  // the earlier checkout reads catalogs of its own format: the same clones, written by its own synth.ts
  const beforeDir = join(OUT, `before-syn-${n}`);
  const beforeEnv = (reporters: 'minimal' | 'all'): NodeJS.ProcessEnv => ({ ...runEnv(reporters), FAULTLINE_CATALOGS: beforeDir, FAULTLINE_REPORTS_DIR: join(OUT, `before-${n}-${reporters}`) });
  if (before && beforePw) {
    execFileSync(process.execPath, [...tsx, '--input-type=module', '-e', `const { loadCatalogs } = await import('./src/load.js'); const { synthesize, writeCatalogs } = await import('./scripts/bench/synth.js'); writeCatalogs(${JSON.stringify(beforeDir)}, synthesize(loadCatalogs(), ${n}));`], { cwd: before });
    await measure(process.execPath, [beforePw, 'test', '--list'], beforeEnv('minimal'), before); // its catalog cache, as the list above fills this tree's
  }
  for (let r = 0; r < scaleRounds; r++) {
    const round: Round = {
      bare: await measure(process.execPath, bareArgs, process.env, ROOT),
      minimal: await measure(process.execPath, [pw, 'test'], runEnv('minimal'), ROOT),
      all: await measure(process.execPath, [pw, 'test'], runEnv('all'), ROOT),
    };
    if (before && beforePw) {
      round.beforeMinimal = await measure(process.execPath, [beforePw, 'test'], beforeEnv('minimal'), before);
      round.beforeAll = await measure(process.execPath, [beforePw, 'test'], beforeEnv('all'), before);
    }
    rounds.push(round);
  }
  const written = reportSizes(join(OUT, `run-${n}-all`));
  const floorCfg = writeFloorSuite(join(ROOT, 'reports', 'bench-floor'), n, floorUrl);
  const floor = await measure(process.execPath, [pw, 'test', '--config', floorCfg], { ...process.env, CI: '1' }, ROOT);
  const oldBare = await bareLoop(loadCatalogs(dir), referenceEnv(ref.port));
  const med = (k: keyof Round, f: 'ms' | 'cpuMs' | 'peakMB'): number => median(rounds.map((x) => x[k]?.[f] ?? 0));
  const bareOut = JSON.parse(rounds[0]!.bare.stdout.trim().split('\n').pop()!) as { entries: number; valid: number; loopMs: number };
  const runMs = med('minimal', 'ms');
  const s = {
    entries: n, rounds: scaleRounds, collectMs: Math.round(list.ms),
    runMs: Math.round(runMs), runCpuMs: Math.round(med('minimal', 'cpuMs')), peakMB: Math.round(med('minimal', 'peakMB')), passed: summaryCount(rounds[0]!.minimal.stdout, 'passed'), entriesPerSecond: Math.round(n / (runMs / 1000)),
    allReportersMs: Math.round(med('all', 'ms')), allReportersCpuMs: Math.round(med('all', 'cpuMs')), allReportersPeakMB: Math.round(med('all', 'peakMB')), reportSizes: written,
    bareMs: Math.round(med('bare', 'ms')), bareCpuMs: Math.round(med('bare', 'cpuMs')), bareLoopMs: bareOut.loopMs, bareValid: bareOut.valid, bareEntries: bareOut.entries,
    ratioToBare: Number((runMs / med('bare', 'ms')).toFixed(2)), cpuRatioToBare: Number((med('minimal', 'cpuMs') / med('bare', 'cpuMs')).toFixed(2)),
    oldBareMs: Math.round(oldBare.ms), ratioToOldBare: Number((runMs / oldBare.ms).toFixed(2)),
    reportersWall: Number((med('all', 'ms') / runMs).toFixed(2)), reportersCpu: Number((med('all', 'cpuMs') / med('minimal', 'cpuMs')).toFixed(2)),
    floorMs: Math.round(floor.ms), floorPeakMB: Math.round(floor.peakMB), ratioToFloor: Number((runMs / floor.ms).toFixed(2)),
  };
  const beforeRow = before ? {
    beforeMs: Math.round(med('beforeMinimal', 'ms')), beforeCpuMs: Math.round(med('beforeMinimal', 'cpuMs')),
    beforeAllMs: Math.round(med('beforeAll', 'ms')), beforeAllCpuMs: Math.round(med('beforeAll', 'cpuMs')),
    beforeRatioToBare: Number((med('beforeMinimal', 'ms') / med('bare', 'ms')).toFixed(2)), beforeReportSizes: reportSizes(join(OUT, `before-${n}-all`)),
  } : undefined;
  scale.push({ ...s, ...(beforeRow ? { before: beforeRow } : {}) });
  row(`scale ${n}: faultline run, minimal reporters`, secs(runMs), `${s.entriesPerSecond} entries/s, cpu ${secs(s.runCpuMs)}, collect ${secs(list.ms)}, peak ${s.peakMB} MB, ${s.passed} passed; median of ${scaleRounds}`);
  row(`scale ${n}: bare command (node + catalogs + validators + fetch/ajv, 16 in flight)`, secs(s.bareMs), `cpu ${secs(s.bareCpuMs)} (its loop ${secs(bareOut.loopMs)}); faultline/bare = ${s.ratioToBare} wall, ${s.cpuRatioToBare} cpu`);
  row(`scale ${n}: old baseline (in-process loop only, 1 in flight)`, secs(oldBare.ms), `faultline/old = ${s.ratioToOldBare}`);
  row(`scale ${n}: faultline run, all reporters`, secs(s.allReportersMs), `cpu ${secs(s.allReportersCpuMs)}, peak ${s.allReportersPeakMB} MB; ${s.reportersWall}x minimal wall, ${s.reportersCpu}x cpu; ${Object.entries(written).map(([k, v]) => `${k} ${v} MB`).join(', ')}`);
  if (beforeRow) {
    row(`scale ${n}: before (${before}), minimal reporters`, secs(beforeRow.beforeMs), `cpu ${secs(beforeRow.beforeCpuMs)}; before/bare = ${beforeRow.beforeRatioToBare}; after/before = ${(runMs / beforeRow.beforeMs).toFixed(2)} wall, ${(s.runCpuMs / beforeRow.beforeCpuMs).toFixed(2)} cpu`);
    row(`scale ${n}: before, all reporters`, secs(beforeRow.beforeAllMs), `cpu ${secs(beforeRow.beforeAllCpuMs)}; after/before = ${(s.allReportersMs / beforeRow.beforeAllMs).toFixed(2)} wall, ${(s.allReportersCpuMs / beforeRow.beforeAllCpuMs).toFixed(2)} cpu; ${Object.entries(beforeRow.beforeReportSizes).map(([k, v]) => `${k} ${v} MB`).join(', ')}`);
  }
  row(`scale ${n}: Playwright floor (1 GET per test)`, secs(floor.ms), `${(floor.ms / n).toFixed(2)} ms/test, peak ${s.floorPeakMB} MB; faultline/floor = ${s.ratioToFloor}`);
}
json.scale = scale;

// 9. A deployment with a round trip: the reference target answering every request LATENCY_MS
// late (REFERENCE_DELAY_MS), as a staging across a network would. Requests sent ahead within each worker
// (FAULTLINE_PIPELINE, default 8) against one at a time (FAULTLINE_PIPELINE=1), and the bare
// command (16 in flight) against the same target; interleaved rounds, medians.
const LATENCY_MS = 20;
const LATENCY_ENTRIES = 1_000;
if (sections.has('latency')) {
  const far = await startReferenceProcess(ROOT, { REFERENCE_DELAY_MS: String(LATENCY_MS) });
  const dir = join(OUT, `syn-${LATENCY_ENTRIES}`);
  writeCatalogs(dir, synthesize(real, LATENCY_ENTRIES));
  const farEnv = (pipeline?: string): NodeJS.ProcessEnv => ({
    ...process.env, CI: '1', FAULTLINE_CATALOGS: dir, CONFORMANCE_ENV: 'reference', FAULTLINE_REFERENCE: 'none', REFERENCE_PORT: String(far.port),
    FAULTLINE_REPORTERS: 'minimal', FAULTLINE_REPORTS_DIR: join(OUT, `latency-${pipeline ?? 'default'}`), ...(pipeline ? { FAULTLINE_PIPELINE: pipeline } : {}),
  });
  const bareArgs = [...tsx, 'scripts/bench/bare.ts', dir, String(far.port), '16'];
  await measure(process.execPath, bareArgs, process.env, ROOT); // the caches both sides read
  const rounds: { bare: Measured; ahead: Measured; single: Measured }[] = [];
  for (let r = 0; r < scaleRounds; r++) {
    rounds.push({
      bare: await measure(process.execPath, bareArgs, process.env, ROOT),
      ahead: await measure(process.execPath, ['bin/faultline.js', 'run'], farEnv(), ROOT),
      single: await measure(process.execPath, ['bin/faultline.js', 'run'], farEnv('1'), ROOT),
    });
  }
  far.stop();
  const med = (k: 'bare' | 'ahead' | 'single', f: 'ms' | 'cpuMs'): number => median(rounds.map((x) => x[k][f] ?? 0));
  const l = {
    entries: LATENCY_ENTRIES, latencyMs: LATENCY_MS, rounds: scaleRounds,
    aheadMs: Math.round(med('ahead', 'ms')), aheadCpuMs: Math.round(med('ahead', 'cpuMs')), aheadPassed: summaryCount(rounds[0]!.ahead.stdout, 'passed'),
    singleMs: Math.round(med('single', 'ms')), singleCpuMs: Math.round(med('single', 'cpuMs')), singlePassed: summaryCount(rounds[0]!.single.stdout, 'passed'),
    bareMs: Math.round(med('bare', 'ms')),
  };
  json.latency = l;
  const label = `latency ${LATENCY_MS} ms, ${LATENCY_ENTRIES.toLocaleString('en')} entries`;
  row(`${label}: faultline run, requests sent ahead (FAULTLINE_PIPELINE default)`, secs(l.aheadMs), `cpu ${secs(l.aheadCpuMs)}, ${l.aheadPassed} passed; ${(l.aheadMs / l.singleMs).toFixed(2)}x one at a time, ${(l.aheadMs / l.bareMs).toFixed(2)}x bare; median of ${scaleRounds}`);
  row(`${label}: faultline run, one request at a time (FAULTLINE_PIPELINE=1)`, secs(l.singleMs), `cpu ${secs(l.singleCpuMs)}, ${l.singlePassed} passed; ${(l.singleMs / l.bareMs).toFixed(2)}x bare`);
  row(`${label}: bare command (16 in flight)`, secs(l.bareMs), '');
}
ref.stop();

const w = Math.max(...rows.map((r) => r.what.length));
const v = Math.max(...rows.map((r) => r.value.length));
const table = [`${'measurement'.padEnd(w)}  ${'value'.padStart(v)}  notes`, `${'-'.repeat(w)}  ${'-'.repeat(v)}  -----`, ...rows.map((r) => `${r.what.padEnd(w)}  ${r.value.padStart(v)}  ${r.note}`)].join('\n');
process.stdout.write(`${table}\n`);
writeFileSync(join(ROOT, 'reports', 'bench.json'), JSON.stringify({ ...json, table: rows }, null, 2) + '\n');
