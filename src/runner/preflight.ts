/**
 * Inputs checked before a run starts: the catalogs and the env's expectations. Returns what was
 * loaded; throws one Error listing every problem as file:line:col.
 */
import { CatalogError } from '../catalog/issues.js';
import type { LoadedCatalog } from '../catalog/types.js';
import { baseUrlProblems, loadEnv } from '../env.js';
import { loadExpectations } from './expectations.js';
import { loadSuiteCatalogs } from './suite.js';
import { runSettings, SettingError } from '../run-settings.js';

/** The env a preflight of this process passed for, and what it loaded. */
let passed: { envName: string; catalogs: LoadedCatalog[] } | undefined;

/**
 * What the preflight of this process already passed for `envName` (`faultline run` checks before
 * it starts Playwright's runner in the same process, whose config then need not check again).
 */
export function passedPreflight(envName: string): LoadedCatalog[] | undefined {
  return passed?.envName === envName ? passed.catalogs : undefined;
}

/**
 * What a refused start prints: the preflight's own message as it is, any other error (a broken env
 * file, a setting) after the same `faultline: not started:` line.
 */
export function notStartedMessage(err: unknown): string {
  const message = (err as Error).message;
  return message.startsWith('faultline: not started') ? message : `faultline: not started:\n${message}`;
}

export function preflight(envName: string): LoadedCatalog[] {
  try {
    runSettings(loadEnv().vars);
    const catalogs = loadSuiteCatalogs();
    loadExpectations(envName, new Set(catalogs.flatMap((c) => c.entries.map((e) => e.id))));
    const badUrls = baseUrlProblems(catalogs.map((c) => c.baseUrlVar), loadEnv());
    if (badUrls.length) throw new Error(`faultline: not started:\n${badUrls.join('\n')}`);
    passed = { envName, catalogs };
    return catalogs;
  } catch (err) {
    if (err instanceof CatalogError) throw new Error(`faultline: not started:\n${err.message}`);
    if (err instanceof SettingError) throw new Error(`faultline: not started: ${err.message}`);
    throw err;
  }
}
