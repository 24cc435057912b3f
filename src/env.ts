/**
 * The selected environment: `CONFORMANCE_ENV=<name>` picks `env/<name>.env` (default `reference`),
 * parsed with dotenv; variables already in the process environment win, so CI can inject secrets.
 *
 * This loader is the one place `${VAR}` references are expanded: a value may name another
 * variable (from the file or the process environment). In the env file, a reference to a
 * variable that is set nowhere is an error naming the file, line and variable, before any
 * request: an empty expansion would send credentials to an unintended host or port. In the
 * process environment, which holds whatever the shell exported, an unresolvable reference is left
 * as it is (a base URL holding one is then refused by `baseUrlProblems`). The one exception is `REFERENCE_PORT` when the env
 * starts the embedded reference target: the target's port is known only once it listens, so the
 * reference stays pending until then (the runner's workers, started after it, see it expanded).
 *
 * The run settings (src/settings.ts) are built here from the same variables, once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parse } from 'dotenv';
import { readSettings, setting, SettingError, type Settings } from './settings.js';

export const ENV_DIR = resolve(new URL('../env/', import.meta.url).pathname);

/** The folder env files and expectations are read from: `FAULTLINE_ENV_DIR`, else env/. */
export function envDir(processEnv: NodeJS.ProcessEnv = process.env): string {
  const dir = setting('envDir', processEnv);
  return dir === undefined ? ENV_DIR : resolve(dir);
}
const ROOT = resolve(new URL('../', import.meta.url).pathname);

/** Filled in at run time by the embedded reference target (Playwright's webServer). */
export const RUNTIME_VARIABLES = ['REFERENCE_PORT'] as const;

export interface LoadedEnv {
  name: string;
  file: string;
  /** every variable, `${VAR}` references expanded (see `pending`) */
  vars: Record<string, string | undefined>;
  /** the run settings, validated */
  settings: Settings;
  /** run-time variables still referenced unexpanded in `vars` (`${REFERENCE_PORT}` before the reference target listens) */
  pending: string[];
  /** where a variable came from: `env/staging.env:12` or `the process environment` */
  origin(name: string): string;
  /** true when the embedded reference target must be started for this env */
  embeddedReference: boolean;
  allowDestructive: boolean;
}

/** A broken env file or setting: the message lists every problem, one per line. */
export class EnvError extends Error {}

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The line each variable is (last) assigned on in a dotenv file. */
function assignmentLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]/.exec(line);
    if (m) lines.set(m[1]!, i + 1);
  });
  return lines;
}

let cached: LoadedEnv | undefined;

export function loadEnv(processEnv: NodeJS.ProcessEnv = process.env): LoadedEnv {
  // A cached env with a pending run-time variable is read again once that variable is known.
  if (cached && processEnv === process.env && !cached.pending.some((v) => process.env[v] !== undefined)) return cached;
  let name: string;
  let dir: string;
  try { name = setting('envName', processEnv); dir = envDir(processEnv); }
  catch (err) { throw err instanceof SettingError ? new EnvError(err.message) : err; }
  const file = resolve(dir, `${name}.env`);
  if (!existsSync(file)) throw new EnvError(`CONFORMANCE_ENV=${name}: no file ${file} (create it from env/staging.env.example)`);
  const text = readFileSync(file, 'utf8');
  const fromFile = parse(text);
  const lines = assignmentLines(text);
  const shown = file.startsWith(ROOT + sep) ? relative(ROOT, file) : file;
  // Process environment wins over the file (secrets injected by CI).
  const vars: Record<string, string | undefined> = { ...fromFile };
  const fromProcess = new Set<string>();
  for (const [k, v] of Object.entries(processEnv)) {
    if (v !== undefined && (k in fromFile || /^[A-Z][A-Z0-9_]*$/.test(k))) { vars[k] = v; fromProcess.add(k); }
  }
  const origin = (v: string): string => (fromProcess.has(v) || !lines.has(v) ? 'the process environment' : `${shown}:${lines.get(v)}`);

  let settings: Settings;
  try { settings = readSettings(vars, origin); }
  catch (err) { throw err instanceof SettingError ? new EnvError(err.message) : err; }
  const embedded = settings.reference === 'embedded';
  const deferred = new Set<string>(embedded ? RUNTIME_VARIABLES.filter((v) => vars[v] === undefined) : []);

  const problems: string[] = [];
  const pending = new Set<string>();
  const done = new Map<string, string>();
  const expand = (key: string, trail: string[]): string => {
    const known = done.get(key);
    if (known !== undefined) return known;
    const value = vars[key] ?? '';
    if (!value.includes('${')) { done.set(key, value); return value; }
    const strict = !fromProcess.has(key);
    const out = value.replace(REF, (whole, ref: string) => {
      if (deferred.has(ref)) { pending.add(ref); return whole; }
      if (!strict && (vars[ref] === undefined || trail.includes(ref) || ref === key)) return whole;
      if (trail.includes(ref) || ref === key) { problems.push(`${origin(key)}: ${key} refers to \${${ref}}, which refers back to ${key}`); return whole; }
      if (vars[ref] === undefined) {
        problems.push(`${origin(key)}: ${key} refers to \${${ref}}, which is not set (neither in ${shown} nor in the process environment)`);
        return whole;
      }
      return expand(ref, [...trail, key]);
    });
    done.set(key, out);
    return out;
  };
  for (const key of Object.keys(vars)) vars[key] = expand(key, []);
  if (problems.length) throw new EnvError([...new Set(problems)].join('\n'));

  const loaded: LoadedEnv = {
    name,
    file,
    vars,
    settings,
    pending: [...pending],
    origin,
    embeddedReference: embedded,
    allowDestructive: settings.allowDestructive,
  };
  if (processEnv === process.env) cached = loaded;
  return loaded;
}

/** A URL with the password of its userinfo hidden (`https://user:[REDACTED]@host`). */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, '$1:[REDACTED]@');
}

/**
 * Every configured base URL is an absolute http(s) URL: a malformed one (`htp//host`, a space,
 * port 99999) is a configuration error found before the run, not an `error` per entry. A pending
 * run-time variable (the reference target's port) is checked with a stand-in value.
 */
export function baseUrlProblems(baseUrlVars: string[], env: LoadedEnv): string[] {
  const problems: string[] = [];
  for (const name of new Set(baseUrlVars)) {
    const raw = env.vars[name];
    if (raw === undefined || raw === '') continue; // not configured: its entries say so
    const value = raw.replace(REF, (whole, ref: string) => (env.pending.includes(ref) ? '1' : whole));
    const at = `${env.origin(name)}: ${name}=${JSON.stringify(withoutPassword(raw))}`;
    let url: URL | undefined;
    try { url = new URL(value); } catch { /* reported below */ }
    const port = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i.exec(value)?.[1];
    const unresolved = new RegExp(REF.source).exec(value)?.[1];
    if (unresolved) problems.push(`${at} is not a base URL: it refers to \${${unresolved}}, which is not set`);
    else if (/\s/.test(value)) problems.push(`${at} is not a base URL: it contains white space`);
    else if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) problems.push(`${at} is not a base URL: port ${port} is out of range (1-65535)`);
    else if (!url) problems.push(`${at} is not a base URL: not an absolute URL (expected http://host[:port]/path)`);
    else if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`${at} is not a base URL: the scheme must be http or https, not ${url.protocol.slice(0, -1)}`);
    else if (!url.hostname) problems.push(`${at} is not a base URL: it names no host`);
    else if (url.search || url.hash) problems.push(`${at} is not a base URL: it must not carry a query or fragment (request paths are appended to it)`);
  }
  return problems;
}
