/**
 * What recipes rest on. Every recipe step (each setup and teardown step, and the provoking
 * request) carries a `basis`: documented, inferred or assumed, with `why`. The loader requires one
 * on every step, the step's own or the catalog's `defaults.basis`; everything else (tags, messages,
 * reports, counts) reads the entry's outcome basis from here.
 *
 * An entry's outcome rests on its setup steps and its provoking requests, in every cause: a
 * failing setup step makes the entry an error, the request's answer is what is judged. Teardown
 * steps do not decide the outcome (their failures are logged), so an assumed teardown is counted
 * but does not make the entry rest on an assumption.
 */
import type { DocPath } from './locate.js';
import type { MergedEntry } from './defaults.js';
import type { Basis, BasisKind, CatalogFile, Entry, Recipe, Step } from './types.js';

/** Strongest first: an entry's outcome basis is the weakest of what it rests on. */
export const BASIS_KINDS: readonly BasisKind[] = ['documented', 'inferred', 'assumed'];

export type StepRole = 'setup' | 'request' | 'teardown';

export interface RecipeStep {
  role: StepRole;
  /** index within setup or teardown (0 for the request) */
  index: number;
  /** the step's name, or `METHOD path` */
  label: string;
  basis?: Basis;
}

/** Every cause's recipe of an entry, as loaded (the loader makes a written `recipe` a list of one). */
export function causesOf(e: Pick<Entry, 'recipes'>): Recipe[] {
  return e.recipes;
}

/** The steps of one recipe in the order they run: setup, the provoking request, teardown. */
export function recipeSteps(r: Recipe): RecipeStep[] {
  const step = (role: StepRole) => (s: Step, index: number): RecipeStep => ({ role, index, label: s.name ?? `${s.request.method} ${s.request.path}`, ...(s.basis ? { basis: s.basis } : {}) });
  return [
    ...(r.setup ?? []).map(step('setup')),
    { role: 'request', index: 0, label: `${r.request.method} ${r.request.path}`, ...(r.basis ? { basis: r.basis } : {}) },
    ...(r.teardown ?? []).map(step('teardown')),
  ];
}

/** Steps whose basis decides the outcome: setup and the provoking request, in every cause. */
export function outcomeSteps(e: Pick<Entry, 'recipes'>): (RecipeStep & { cause: number })[] {
  return causesOf(e).flatMap((r, cause) => recipeSteps(r).filter((s) => s.role !== 'teardown').map((s) => ({ ...s, cause })));
}

export interface EntryBasis {
  /** the weakest basis the outcome rests on */
  kind: BasisKind;
  /** what the outcome assumes, one clause per assumed step (deduplicated) */
  assumes: string[];
  /** how inferred steps are reasoned (deduplicated) */
  infers: string[];
}

/** The basis of an entry's outcome, or undefined for an entry without recipes (or steps without a basis, as in hand-built entries). */
export function entryBasis(e: Pick<Entry, 'recipes'>): EntryBasis | undefined {
  const steps = outcomeSteps(e);
  if (!steps.length || steps.some((s) => !s.basis)) return undefined;
  const of = (k: BasisKind): string[] => [...new Set(steps.filter((s) => s.basis!.kind === k).map((s) => s.basis!.why))];
  const kind = [...BASIS_KINDS].reverse().find((k) => steps.some((s) => s.basis!.kind === k))!;
  return { kind, assumes: of('assumed'), infers: of('inferred') };
}

/** Steps of a catalog counted by basis kind (every step of every cause, teardown included). */
export function countSteps(entries: Pick<Entry, 'recipes'>[]): Record<BasisKind, number> {
  const n: Record<BasisKind, number> = { documented: 0, inferred: 0, assumed: 0 };
  for (const e of entries) for (const r of causesOf(e)) for (const s of recipeSteps(r)) if (s.basis) n[s.basis.kind]++;
  return n;
}

/**
 * The entry with `defaults.basis` filled in on every step that gives none (marked fromDefaults).
 * Steps are copied, never changed in place: YAML aliases share one step between entries.
 */
export function withBasisDefaults(c: CatalogFile, e: Entry): Entry {
  const d = c.defaults?.basis;
  if (!d) return e;
  const fill = <T extends { basis?: Basis }>(s: T): T => (s.basis ? s : { ...s, basis: { kind: d.kind, why: d.why, fromDefaults: true } });
  const recipe = (r: Recipe): Recipe => {
    const out: Recipe = fill(r);
    if (r.setup) out.setup = r.setup.map(fill);
    if (r.teardown) out.teardown = r.teardown.map(fill);
    return out;
  };
  return { ...e, recipes: e.recipes.map(recipe) };
}

export interface BasisProblem { path: DocPath; message: string }

/** Every step (and provoking request) without a basis, when the catalog gives no defaults.basis. */
export function missingBasis(c: CatalogFile, merged: MergedEntry[]): BasisProblem[] {
  if (c.defaults?.basis) return [];
  const out: BasisProblem[] = [];
  const how = 'give basis: {kind: documented|inferred|assumed, why: ...} (or the catalog a defaults.basis)';
  merged.forEach((e, i) => {
    const causes: [DocPath, Recipe][] = e.recipes ? e.recipes.map((r, k): [DocPath, Recipe] => [['entries', i, 'recipes', k], r]) : e.recipe ? [[['entries', i, 'recipe'], e.recipe]] : [];
    for (const [at, r] of causes) {
      const where = at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1);
      for (const key of ['setup', 'teardown'] as const) {
        (r[key] ?? []).forEach((s, j) => { if (!s.basis) out.push({ path: [...at, key, j], message: `${where}.${key}[${j}] has no basis: ${how}` }); });
      }
      if (!r.basis) out.push({ path: at, message: `${where} has no basis for its request: ${how}` });
    }
  });
  return out;
}

/** One step as a report shows it. `cause` is 1-based and given only for entries with several causes. */
export interface ReportStep { cause?: number; role: StepRole; label: string; kind: BasisKind; why: string; fromDefaults?: true }

/** What an entry's recipes rest on, for reports: the outcome basis and every step's. */
export interface ReportBasis extends EntryBasis { steps: ReportStep[] }

export function reportBasis(e: Pick<Entry, 'recipes'>): ReportBasis | undefined {
  const outcome = entryBasis(e);
  if (!outcome) return undefined;
  const causes = causesOf(e);
  const steps = causes.flatMap((r, k) => recipeSteps(r).filter((s) => s.basis).map((s): ReportStep => ({
    ...(causes.length > 1 ? { cause: k + 1 } : {}), role: s.role, label: s.label, kind: s.basis!.kind, why: s.basis!.why, ...(s.basis!.fromDefaults ? { fromDefaults: true as const } : {}),
  })));
  return { ...outcome, steps };
}

/** The sentence a failure of an entry resting on an assumption carries; undefined otherwise. */
export function assumptionNote(e: Pick<Entry, 'recipes'>): string | undefined {
  const b = entryBasis(e);
  return b?.kind === 'assumed' ? `this recipe assumes ${b.assumes.join('; and ')}; the deployment may simply lack it` : undefined;
}

export interface BasisSummary {
  /** recipe steps by basis (every step of every cause, teardown included) */
  steps: Record<BasisKind, number>;
  /** entries with recipes by outcome basis (the weakest of their setup steps and requests) */
  entries: Record<BasisKind, number>;
  /** ids of the entries whose outcome rests on an assumption */
  assumed: string[];
}

export function basisSummary(entries: Entry[]): BasisSummary {
  const out: BasisSummary = { steps: countSteps(entries), entries: { documented: 0, inferred: 0, assumed: 0 }, assumed: [] };
  for (const e of entries) {
    const b = entryBasis(e);
    if (!b) continue;
    out.entries[b.kind]++;
    if (b.kind === 'assumed') out.assumed.push(e.id);
  }
  return out;
}

/** `12 documented / 3 inferred / 1 assumed` */
export function countsText(n: Record<BasisKind, number>): string {
  return BASIS_KINDS.map((k) => `${n[k]} ${k}`).join(' / ');
}
