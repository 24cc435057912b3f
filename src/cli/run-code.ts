/**
 * Where a process of `faultline run` takes faultline's code from: the run's build (plain
 * JavaScript, bin/build.js) when FAULTLINE_BUILD names one, the TypeScript sources otherwise (a
 * bare `npx playwright test`, the tests). Only Node's own modules are imported here, so that the
 * specs and the config, which Playwright loads through its TypeScript transform, load nothing
 * else that way.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The module of `source` (a path from the project root, `src/runner/define.ts`): imported from
 * the build when there is one, else through `fromSource` (the same module's `import()` from the
 * caller, so its types and its TypeScript path stay checked).
 */
export async function runCode<M>(source: string, fromSource: () => Promise<M>, build = process.env.FAULTLINE_BUILD): Promise<M> {
  if (!build) return fromSource();
  return (await import(pathToFileURL(join(build, source.replace(/\.ts$/, '.js'))).href)) as M;
}

/**
 * A module the config names by path from the project root (`./src/report/junit.ts`), as the
 * process should load it: the built JavaScript under `faultline run`, the path as given otherwise.
 */
export function runModule(path: string, build = process.env.FAULTLINE_BUILD): string {
  if (!build || !path.startsWith('./') || !path.endsWith('.ts')) return path;
  return join(build, path.slice(2).replace(/\.ts$/, '.js'));
}
