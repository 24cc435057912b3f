/**
 * The selected environment: `CONFORMANCE_ENV=<name>` picks `env/<name>.env` (default `reference`),
 * parsed with dotenv; variables already in the process environment win, so CI can inject secrets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

export const ENV_DIR = resolve(new URL('../env/', import.meta.url).pathname);

export interface LoadedEnv {
  name: string;
  file: string;
  vars: Record<string, string | undefined>;
  /** true when the embedded reference target must be started for this env */
  embeddedReference: boolean;
  allowDestructive: boolean;
}

let cached: LoadedEnv | undefined;

export function loadEnv(processEnv: NodeJS.ProcessEnv = process.env): LoadedEnv {
  if (cached && processEnv === process.env) return cached;
  const name = processEnv.CONFORMANCE_ENV || 'reference';
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`CONFORMANCE_ENV=${name}: an env name may hold only letters, digits, '.', '_' and '-'`);
  const file = resolve(ENV_DIR, `${name}.env`);
  if (!existsSync(file)) throw new Error(`CONFORMANCE_ENV=${name}: no file ${file} (create it from env/staging.env.example)`);
  const fromFile = parse(readFileSync(file));
  // Process environment wins over the file (secrets injected by CI).
  const vars: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined && (k in fromFile || /^[A-Z][A-Z0-9_]*$/.test(k))) vars[k] = v;
  const loaded: LoadedEnv = {
    name,
    file,
    vars,
    embeddedReference: vars.FAULTLINE_REFERENCE === 'embedded',
    allowDestructive: vars.FAULTLINE_ALLOW_DESTRUCTIVE === 'true',
  };
  if (processEnv === process.env) cached = loaded;
  return loaded;
}
