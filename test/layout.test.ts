/**
 * The folders of src/ form a DAG that shows the pipeline (catalog -> schema -> recipes -> runner
 * -> report): no folder imports, directly or around a loop, a folder that imports it. A file
 * directly in src/ (settings.ts, env.ts, load.ts) is a node of its own. Type-only imports count:
 * they couple the folders as much as any.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const SRC = resolve(new URL('../src/', import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

/** A file's node: its top folder under src/, or the file itself when it sits in src/. */
const node = (file: string): string => { const parts = relative(SRC, file).split('/'); return parts.length > 1 ? `${parts[0]}/` : parts[0]!; };

/** Relative module specifiers of every import and re-export, dynamic imports included. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) out.push((m[1] ?? m[2])!);
  return out;
}

type Graph = Map<string, Map<string, string>>; // from -> to -> an importing file, for the message

function folderGraph(): Graph {
  const g: Graph = new Map();
  for (const file of sources(SRC)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC)) continue;
      const [a, b] = [node(file), node(target)];
      if (a === b) continue;
      if (!g.has(a)) g.set(a, new Map());
      if (!g.get(a)!.has(b)) g.get(a)!.set(b, `${relative(SRC, file)} imports ${spec}`);
    }
  }
  return g;
}

/** One cycle of the graph, as the edges around it, or undefined when there is none. */
export function findCycle(g: Graph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 'open');
    path.push(n);
    for (const m of g.get(n)?.keys() ?? []) {
      if (state.get(m) === 'open') {
        const loop = [...path.slice(path.indexOf(m)), m];
        return loop.slice(1).map((to, i) => `${loop[i]} -> ${to} (${g.get(loop[i]!)!.get(to)})`);
      }
      if (!state.has(m)) { const found = visit(m); if (found) return found; }
    }
    path.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of [...g.keys()].sort()) if (!state.has(n)) { const found = visit(n); if (found) return found; }
  return undefined;
}

test('the cycle finder finds a loop of folders, and only a loop', () => {
  const edges = (list: [string, string][]): Graph => {
    const g: Graph = new Map();
    for (const [a, b] of list) { if (!g.has(a)) g.set(a, new Map()); g.get(a)!.set(b, `${a}x.ts imports ../${b}`); }
    return g;
  };
  assert.equal(findCycle(edges([['a/', 'b/'], ['b/', 'c/'], ['a/', 'c/']])), undefined);
  assert.deepEqual(findCycle(edges([['a/', 'b/'], ['b/', 'c/'], ['c/', 'a/']])), ['a/ -> b/ (a/x.ts imports ../b/)', 'b/ -> c/ (b/x.ts imports ../c/)', 'c/ -> a/ (c/x.ts imports ../a/)']);
  assert.deepEqual(specifiers("import type { A } from '../catalog/types.js';\nexport { b } from './b.js';\nconst m = await import('../x/y.js');\nimport 'node:fs';"), ['../catalog/types.js', './b.js', '../x/y.js']);
});

test('the folders of src/ import each other without a cycle', () => {
  const g = folderGraph();
  assert.ok(g.get('runner/')?.has('catalog/'), 'the graph is read (the runner imports the catalog)');
  const cycle = findCycle(g);
  assert.equal(cycle, undefined, `a folder cycle:\n  ${cycle?.join('\n  ')}`);
});

test('the pipeline reads in one direction: catalog -> schema -> recipes -> runner -> report', () => {
  const g = folderGraph();
  const order = ['catalog/', 'schema/', 'recipes/', 'runner/', 'report/'];
  order.forEach((earlier, i) => {
    for (const later of order.slice(i + 1)) assert.ok(!g.get(earlier)?.has(later), `${earlier} must not import ${later}: ${g.get(earlier)?.get(later)}`);
  });
});

test('only the run command imports the reference target; specs/ and the rest of src/ never do', () => {
  const SPECS = resolve(new URL('../specs/', import.meta.url).pathname);
  const REFERENCE = resolve(new URL('../reference/', import.meta.url).pathname);
  const importers = [...sources(SRC), ...sources(SPECS)]
    .filter((file) => specifiers(readFileSync(file, 'utf8')).some((spec) => resolve(dirname(file), spec).startsWith(REFERENCE)))
    .map((file) => relative(resolve(SRC, '..'), file));
  // it serves the embedded target from the run's own process (README, The inner loop and the footprint)
  assert.deepEqual(importers, ['src/cli/conformance.ts']);
});
