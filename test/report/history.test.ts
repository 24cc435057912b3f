/**
 * The run history: bounded, one environment at a time, and per entry "failing since <date>
 * (n runs)" and "fixed on <date>"; assembled reports carry the trend of complete runs.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ReportOutcome } from '../../src/report/collect.js';
import { emptySummary } from '../../src/report/collect.js';
import { DEFAULT_HISTORY_RUNS, DEFINITIONS, readSettings } from '../../src/settings.js';
import { appendRun, earlierRuns, emptyHistory, entryHistory, readHistory, type HistoryRun } from '../../src/report/history.js';
import { tempDir } from './support.js';

const night = (day: number, outcomes: Record<string, ReportOutcome>, environment = 'staging'): HistoryRun => ({
  startedAt: `2026-11-${String(day).padStart(2, '0')}T02:17:00.000Z`, environment, summary: emptySummary(), apis: {}, outcomes,
});

describe('history', () => {
  const nights = [night(1, { 'a/1': 'conformant', 'a/2': 'violation' }), night(2, { 'a/1': 'violation', 'a/2': 'violation' }), night(3, { 'a/1': 'error', 'a/2': 'conformant' })];

  test('failing since the first night of an unbroken failing streak, counting this run', () => {
    assert.deepEqual(entryHistory('a/1', { outcome: 'violation', startedAt: '2026-11-04T02:17:00.000Z' }, nights), { failingSince: nights[1]!.startedAt, runs: 3 });
    assert.deepEqual(entryHistory('a/2', { outcome: 'violation', startedAt: '2026-11-04T02:17:00.000Z' }, nights), { failingSince: '2026-11-04T02:17:00.000Z', runs: 1 });
  });

  test('fixed on the first passing night after the last failing one', () => {
    assert.deepEqual(entryHistory('a/2', { outcome: 'conformant', startedAt: '2026-11-04T02:17:00.000Z' }, nights), { fixedOn: nights[2]!.startedAt });
    assert.deepEqual(entryHistory('a/1', { outcome: 'conformant', startedAt: '2026-11-04T02:17:00.000Z' }, nights), { fixedOn: '2026-11-04T02:17:00.000Z' });
    assert.equal(entryHistory('a/3', { outcome: 'conformant', startedAt: '2026-11-04T02:17:00.000Z' }, nights), undefined, 'never failed');
  });

  test('bounded, ordered, and per environment', () => {
    let h = emptyHistory();
    for (let d = 1; d <= 8; d++) h = appendRun(h, night(d, {}), 5);
    assert.deepEqual(h.runs.map((r) => r.startedAt.slice(8, 10)), ['04', '05', '06', '07', '08']);
    h = appendRun(h, night(9, {}, 'other'), 5);
    assert.equal(h.runs.length, 5);
    assert.equal(earlierRuns(h, 'staging', '2026-11-10T00:00:00.000Z').length, 4, 'the oldest went, the other environment does not count');
    assert.equal(earlierRuns(h, 'staging', '2026-11-06T02:17:00.000Z').length, 1, 'only runs before this one');
  });

  test('FAULTLINE_HISTORY_RUNS: unset keeps the documented number of runs, a value replaces it', () => {
    assert.equal(DEFINITIONS.historyRuns.default, String(DEFAULT_HISTORY_RUNS), 'the README table says the number the history keeps');
    assert.equal(readSettings({}).historyRuns, DEFAULT_HISTORY_RUNS);
    assert.equal(readSettings({ FAULTLINE_HISTORY_RUNS: '3' }).historyRuns, 3);
    let h = emptyHistory();
    for (let d = 0; d < DEFAULT_HISTORY_RUNS + 2; d++) h = appendRun(h, { ...night(1, {}), startedAt: new Date(Date.UTC(2026, 10, 1) + d * 86_400_000).toISOString() });
    assert.equal(h.runs.length, DEFAULT_HISTORY_RUNS);
  });

  test('a missing history is empty; a broken one is a warning', () => {
    const dir = tempDir('history');
    assert.deepEqual(readHistory(join(dir, 'none.json')), { history: emptyHistory() });
    writeFileSync(join(dir, 'bad.json'), '{"runs": [');
    assert.match(readHistory(join(dir, 'bad.json')).warning ?? '', /not valid JSON/);
  });
});
