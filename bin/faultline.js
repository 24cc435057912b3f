#!/usr/bin/env node
// The `faultline` command (package.json `bin`, and `npm run conformance`). Node 20 cannot run
// TypeScript by itself: `faultline run` runs from the run's build, plain JavaScript bundled from
// the sources (./build.js, rebuilt when a source changes), so no process of a run transforms
// TypeScript at start; every other command registers tsx (a dependency of this package, resolved
// from here, not from the caller's folder) and loads src/cli/faultline.ts's modules from source.
// Without a usable build (esbuild missing, no writable cache folder) every command uses tsx.
import { pathToFileURL } from 'node:url';
import { built, builtModule } from './build.js';

const typescript = async () => { (await import('tsx/esm/api')).register(); };
let dir;
try { dir = await built(); }
catch (err) { process.stderr.write(`faultline: no build of the sources (${err.message.split('\n')[0]}); loading them through tsx\n`); }
if (dir) {
  // handed to Playwright's runner and workers: the config, the specs and the reporters load it too
  process.env.FAULTLINE_BUILD = dir;
  const { main } = await import(pathToFileURL(builtModule(dir, 'src/cli/faultline.ts')).href);
  await main(process.argv.slice(2), { typescript });
} else {
  await typescript();
  const { main } = await import('../src/cli/faultline.ts');
  await main(process.argv.slice(2));
}
