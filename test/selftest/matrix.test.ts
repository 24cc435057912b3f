/**
 * Sensitivity: for every provokable entry and every deviation kind that applies to it, run the
 * suite against the reference target with that deviation switched on, and require that the entry
 * becomes a violation naming the right check (or stays conformant where the contract allows the
 * deviation), and that no other entry changes. Deviations are batched: round i gives each entry its
 * i-th deviation, so a dozen suite runs cover the whole matrix. Prints the matrix and writes it to
 * reports/deviation-matrix.{md,json}.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { startReference } from '../../reference/server.js';
import { runSuite } from '../support/run-suite.js';
import { casesFor, KINDS, rounds, type Case, type Kind } from './plan.js';

const REPORTS = new URL('../../reports/', import.meta.url).pathname;

/*
 * Each round runs the reference env as it is: a detected deviation is a plain violation (a
 * failed Playwright test; a failing entry keeps its worker, so a round costs what a green one
 * does) and a missed one stays conformant. Deviations the contract allows (extra fields) must
 * stay conformant. A round exits 1 when an entry failed (a MUST violation), else 0.
 */
type Cell = 'detected' | 'missed' | 'false-alarm' | 'n/a';
const FAILED = new Set(['violation', 'should-violation']);

test('every applicable deviation of every provokable entry is detected by the right check', { timeout: 900_000 }, async () => {
  const catalogs = loadCatalogs();
  const entries = catalogs.flatMap((c) => c.entries.filter((e) => e.recipes.length).map((e) => ({ c, e })));
  const plan = rounds(entries.map(({ c, e }) => casesFor(c, e)));
  const cells = new Map<string, Map<Kind, Cell>>(entries.map(({ e }) => [e.id, new Map()]));
  const problems: string[] = [];
  for (const [i, round] of plan.entries()) {
    const ref = await startReference({ port: 0, deviations: round.map((x) => x.deviation) });
    try {
      const run = await runSuite({ CONFORMANCE_ENV: 'reference', FAULTLINE_REFERENCE: 'none', REFERENCE_PORT: String(ref.port), FAULTLINE_REPORTERS: 'minimal' });
      // failures fail the run (1), nothing worse; SHOULD-only violations pass (the run's verdict rule)
      const exit = run.report.entries.some((r) => r.outcome === 'violation' || r.outcome === 'error') ? 1 : 0;
      if (run.code !== exit) problems.push(`round ${i + 1}: the run exited ${run.code}, expected ${exit} for its outcomes`);
      const byId = new Map(run.report.entries.map((r) => [r.id, r]));
      const deviated = new Map(round.map((x) => [x.entry, x]));
      for (const r of run.report.entries) {
        const x: Case | undefined = deviated.get(r.id);
        if (!x) {
          const expected = r.tags.includes('@unprovokable') ? 'unprovokable' : 'conformant';
          if (r.outcome !== expected) problems.push(`round ${i + 1}: ${r.id} has no deviation but came out ${r.outcome}: ${r.reason ?? r.violations?.map((v) => v.message).join('; ')}`);
          continue;
        }
        const checks = new Set((r.violations ?? []).map((v) => v.check));
        const ok = x.expect === null ? r.outcome === 'conformant' : FAILED.has(r.outcome) && checks.has(x.expect);
        const cell: Cell = ok ? 'detected' : x.expect === null ? 'false-alarm' : 'missed';
        cells.get(r.id)!.set(x.kind, cell);
        if (!ok) problems.push(`round ${i + 1}: ${r.id} ${x.kind} (${x.deviation.kind}${x.deviation.arg ? `:${x.deviation.arg}` : ''}) expected ${x.expect ?? 'no violation'}, got ${r.outcome} [${[...checks].join(', ')}] ${r.reason ?? ''}`);
      }
      for (const x of round) if (!byId.has(x.entry)) problems.push(`round ${i + 1}: ${x.entry} did not run`);
    } finally {
      await ref.close();
    }
  }
  const table = render(entries.map(({ e }) => e.id), cells);
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(`${REPORTS}deviation-matrix.md`, table.text);
  writeFileSync(`${REPORTS}deviation-matrix.json`, JSON.stringify({ rounds: plan.length, ...table.stats, cells: Object.fromEntries([...cells].map(([k, v]) => [k, Object.fromEntries(v)])) }, null, 2));
  process.stdout.write(table.text);
  assert.deepEqual(problems, [], problems.join('\n'));
  assert.ok(table.stats.applicable > 500, `the matrix must be substantial, got ${table.stats.applicable} cells`);
});

function render(ids: string[], cells: Map<string, Map<Kind, Cell>>): { text: string; stats: { applicable: number; detected: number; missed: number; falseAlarms: number; rate: string } } {
  const mark: Record<Cell, string> = { detected: '✓', missed: '✗', 'false-alarm': '!', 'n/a': '·' };
  const short = KINDS.map((k) => k.split(' ').map((w) => w[0]).join('').toUpperCase());
  const width = Math.max(...ids.map((i) => i.length));
  const lines = [`deviation matrix: ✓ detected (or correctly not flagged), ✗ missed, ! false alarm, · not applicable`,
    `kinds: ${KINDS.map((k, i) => `${short[i]}=${k}`).join(', ')}`, '', `${''.padEnd(width)}  ${short.map((s) => s.padEnd(3)).join('')}`];
  let applicable = 0; let detected = 0; let missed = 0; let falseAlarms = 0;
  for (const id of ids) {
    const row = KINDS.map((k) => cells.get(id)?.get(k) ?? 'n/a');
    for (const c of row) { if (c !== 'n/a') applicable++; if (c === 'detected') detected++; if (c === 'missed') missed++; if (c === 'false-alarm') falseAlarms++; }
    lines.push(`${id.padEnd(width)}  ${row.map((c) => mark[c].padEnd(3)).join('')}`);
  }
  const rate = applicable ? `${((detected / applicable) * 100).toFixed(1)}%` : 'n/a';
  lines.push('', `${applicable} applicable cells: ${detected} detected, ${missed} missed, ${falseAlarms} false alarms; detection rate ${rate}`, '');
  return { text: lines.join('\n'), stats: { applicable, detected, missed, falseAlarms, rate } };
}
