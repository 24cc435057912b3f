/**
 * `npm run ci:env`: hands a CI job every variable the catalogs need, however many catalogs there
 * are, so adding a catalog needs no edit to the workflow. Reads the CI's repository variables and
 * secrets as JSON (FAULTLINE_CI_VARS, FAULTLINE_CI_SECRETS: `${{ toJSON(vars) }}`,
 * `${{ toJSON(secrets) }}` in GitHub Actions) and appends to the file named by GITHUB_ENV each
 * needed variable that the job does not set already: identity tokens only from the secrets (a
 * token found only among the plain variables is refused), everything else from the variables.
 * Secrets are masked in the log first. Prints the names it passed and the names nobody provides
 * (their entries will be not-configured); never a value.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCatalogs } from '../load.js';
import { CatalogError } from '../catalog/issues.js';
import type { LoadedCatalog } from '../catalog/types.js';
import { requiredVariables, secretVariables } from '../recipes/requirements.js';

export interface CiEnv { lines: string[]; masks: string[]; passed: string[]; missing: string[]; refused: string[] }

/** Every variable any entry of the catalogs needs, with which of them are secrets. */
export function neededVariables(catalogs: LoadedCatalog[]): { names: string[]; secrets: Set<string> } {
  const names = new Set<string>();
  const secrets = new Set<string>();
  for (const c of catalogs) {
    names.add(c.baseUrlVar);
    for (const id of Object.values(c.identities)) names.add(id.env);
    for (const f of Object.keys(c.fixtures ?? {})) names.add(f);
    for (const e of c.entries) for (const v of requiredVariables(c, e)) names.add(v);
    for (const s of secretVariables(c)) secrets.add(s);
  }
  return { names: [...names].sort(), secrets };
}

function parseJson(name: string, text: string | undefined): Record<string, string> {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  } catch (err) {
    throw new Error(`${name} is not a JSON object of strings: ${(err as Error).message}`);
  }
}

export function ciEnv(catalogs: LoadedCatalog[], vars: Record<string, string>, secrets: Record<string, string>, already: NodeJS.ProcessEnv): CiEnv {
  const need = neededVariables(catalogs);
  const out: CiEnv = { lines: [], masks: [], passed: [], missing: [], refused: [] };
  for (const name of need.names) {
    if (already[name]) continue;
    const secret = need.secrets.has(name);
    const value = secret ? secrets[name] : vars[name] ?? secrets[name];
    if (secret && value === undefined && vars[name] !== undefined) { out.refused.push(name); continue; }
    if (!value) { out.missing.push(name); continue; }
    if (secret || secrets[name] === value) out.masks.push(value);
    const delimiter = `FAULTLINE_EOF_${name}`;
    out.lines.push(`${name}<<${delimiter}`, value, delimiter);
    out.passed.push(name);
  }
  return out;
}

export function main(): number {
  try {
    const r = ciEnv(loadCatalogs(), parseJson('FAULTLINE_CI_VARS', process.env.FAULTLINE_CI_VARS), parseJson('FAULTLINE_CI_SECRETS', process.env.FAULTLINE_CI_SECRETS), process.env);
    for (const m of r.masks) process.stdout.write(`::add-mask::${m}\n`);
    const target = process.env.GITHUB_ENV;
    if (!target) { process.stderr.write('ci:env: GITHUB_ENV is not set; nothing written\n'); return 2; }
    if (r.lines.length) appendFileSync(target, r.lines.join('\n') + '\n');
    process.stdout.write(`ci:env: passed ${r.passed.length ? r.passed.join(', ') : 'nothing new'}\n`);
    if (r.missing.length) process.stdout.write(`ci:env: not provided (their entries will be not-configured): ${r.missing.join(', ')}\n`);
    if (r.refused.length) { process.stderr.write(`ci:env: refused, identity tokens come only from secrets: ${r.refused.join(', ')}\n`); return 1; }
    return 0;
  } catch (err) {
    if (!(err instanceof CatalogError) && !(err instanceof Error)) throw err;
    process.stderr.write(`ci:env: ${err.message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main();
}
