/**
 * The reference target's fixture values (tokens and the ids recipes name) are defined once, in
 * env/reference.env: the suite reads them from there as any env, and the target reads the same
 * file here at start, so the two cannot disagree. Each API module's fixtures.ts builds its seed
 * data around these values; a value the env does not name (a credential no recipe uses) lives
 * only in that module.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';

export const FIXTURE_FILE = new URL('../env/reference.env', import.meta.url).pathname;

let vars: Record<string, string> | undefined;

/** The value env/reference.env gives `name`; a missing one stops the target at start. */
export function fixture(name: string): string {
  vars ??= parse(readFileSync(FIXTURE_FILE));
  const v = vars[name];
  if (v === undefined || v === '') throw new Error(`reference target: env/reference.env defines no ${name}, which its fixtures need`);
  return v;
}
