/**
 * Synthetic conformance reports for the page benchmark and self-tests: deterministic (seeded),
 * with every outcome, violations that carry responses and reproductions, and optionally hostile
 * text in every field a catalog or a target controls.
 */
import type { Outcome } from '../../src/runner/result.js';
import { summarise, type ConformanceEntry, type ConformanceReport } from '../../src/report/collect.js';

/** Markup and script that must come out as text wherever it lands. */
export const HOSTILE = `</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><!--`;

const STATUSES = [400, 401, 403, 404, 405, 409, 415, 422, 429, '5xx'] as const;
const MIX: [Outcome, number][] = [
  ['conformant', 80], ['violation', 6], ['unprovokable', 3], ['not-configured', 3], ['known-deviation', 4], ['unexpected-pass', 2], ['error', 2],
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export interface SyntheticOptions { entries: number; apis?: number; hostile?: boolean; outcome?: Outcome; seed?: number }

export function syntheticReport(o: SyntheticOptions): ConformanceReport {
  const next = rng(o.seed ?? 42);
  const apis = Array.from({ length: o.apis ?? 5 }, (_, i) => `api${i + 1}`);
  const total = MIX.reduce((n, [, w]) => n + w, 0);
  const pick = (): Outcome => {
    let r = next() * total;
    for (const [k, w] of MIX) if ((r -= w) < 0) return k;
    return 'conformant';
  };
  const evil = o.hostile ? ` ${HOSTILE}` : '';
  const entries: ConformanceEntry[] = [];
  for (let i = 0; i < o.entries; i++) {
    const api = apis[i % apis.length]!;
    const status = STATUSES[Math.floor(next() * STATUSES.length)]!;
    entries.push(entry(api, i, status, o.outcome ?? pick(), evil));
  }
  const by: ConformanceReport['apis'] = {};
  for (const a of apis) by[a] = summarise(entries.filter((e) => e.api === a));
  return {
    environment: 'synthetic' + evil, startedAt: '2026-11-21T02:00:00.000Z', durationMs: 123_456,
    target: Object.fromEntries(apis.map((a) => [a, `http://127.0.0.1:9/${a}${evil}`])),
    summary: summarise(entries), apis: by, entries,
    docFindings: apis.map((a, i) => ({ id: `${a}/finding-${i}`, kind: 'invalid-example' as const, entries: [`${a}/entry-${i}`], text: `The example is not valid JSON.${evil}`, api: a })),
  };
}

function entry(api: string, i: number, status: number | string, outcome: Outcome, evil: string): ConformanceEntry {
  const id = `${api}/entry-${i}`;
  const e: ConformanceEntry = {
    id, api, outcome, title: `${status} Something documented ${i}${evil}`, status, statusText: String(status), strength: i % 7 ? 'must' : 'should',
    tags: [`@api:${api}`, `@status:${status}`], doc: { url: `https://docs.example.test/${api}/errors${evil ? '"><script>x</script>' : ''}#e${i}`, quote: `The API answers ${status} when the thing is wrong.${evil}` },
  };
  if (outcome === 'unprovokable' || outcome === 'not-configured' || outcome === 'error') e.reason = `${outcome === 'not-configured' ? 'missing env variable API_TOKEN_ADMIN' : 'cannot be provoked from outside'}${evil}`;
  if (outcome === 'known-deviation') e.reason = `vendor ticket 123 (https://tracker.example.test/123)${evil}`;
  if (outcome === 'violation' || outcome === 'known-deviation') {
    e.violations = [
      { check: 'status_code_conformance', entryId: id, pointer: '/status', expected: typeof status === 'number' ? status : 500, actual: 400, message: `expected HTTP status ${status}, got 400${evil}`, strength: 'must' },
      { check: 'response_schema_conformance', entryId: id, pointer: '/body/errorCode', expected: 'NOT_FOUND', actual: `BAD${evil}`, message: `/body/errorCode must be equal to constant${evil}`, strength: 'should' },
    ];
  }
  if (outcome !== 'unprovokable' && outcome !== 'not-configured' && outcome !== 'error') {
    e.observed = { status: 400, headers: { 'content-type': 'application/json', 'x-request-id': `req-${i}${evil}` }, body: { errorCode: `BAD${evil}`, message: `Hostile or not${evil}` } };
    e.reproduce = `curl -sS -i -X GET 'http://127.0.0.1:9/${api}/things/${i}${evil}' -H 'Authorization: [REDACTED]'`;
    e.attempts = 1;
    e.durationMs = 12;
  }
  return e;
}
