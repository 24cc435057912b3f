// The run's JavaScript, built once per version of the sources. `faultline run` would otherwise
// start every process (the command, Playwright's runner, each worker) by transforming about a
// hundred TypeScript modules one by one through a loader thread (tsx in the command, Playwright's
// babel transform in the others): 0.3-0.5 s and 30-40 MB per process before any work. Here
// esbuild bundles the modules a run loads into a few plain ES modules (code-split, so the config,
// the specs and the reporters of one process share one copy of each module), in a folder named by
// the hash of every source file's content; a later run with the same sources reuses it.
//
// Each bundled module keeps its source's `import.meta.url`, so every path a module computes from
// its own location (the catalogs, env/, the caches) is the same as when it runs from TypeScript.
// Plain JavaScript on purpose: it runs before any TypeScript loader is registered.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** The folders whose sources a run's modules come from. */
const SOURCE_DIRS = ['src', 'reference', 'specs'];
/**
 * The modules processes of a run load by path; everything they import is bundled with them.
 * The reporters and the teardown are the ones playwright.config.ts names (src/report/reporters.ts);
 * the spec files are added as found.
 */
const ENTRIES = [
  'playwright.config.ts',
  'src/cli/faultline.ts',
  'src/cli/playwright-config.ts',
  'src/runner/define.ts',
  'src/runner/global-teardown.ts',
  'src/runner/worker-watch.ts',
  'src/runner/plan.ts',
  'src/report/reporter.ts',
  'src/report/junit.ts',
  'src/report/allure-merge.ts',
];
/** Every module a build starts from, as paths from `root`. */
export function entries(root = ROOT) {
  return [...ENTRIES, ...sourceFiles(join(root, 'specs')).filter((f) => f.endsWith('.spec.ts')).map((f) => relative(root, f))];
}
/** Builds kept besides the current one (another checkout state, a run still using its build)... */
const KEEP = 3;
/** ...and any younger than this, so that a long run never loses its build to later ones. */
const KEEP_YOUNGER_MS = 24 * 3600 * 1000;
const DONE = 'build.json';

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|js|json)$/.test(name)) out.push(path);
  }
  return out;
}

/** The hash of every source a build is made from, this file and esbuild's version. */
export function sourcesHash(root = ROOT) {
  const h = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d))), join(root, 'playwright.config.ts'), fileURLToPath(import.meta.url)];
  for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  h.update(JSON.parse(readFileSync(join(root, 'node_modules/esbuild/package.json'), 'utf8')).version);
  return h.digest('hex').slice(0, 16);
}

function buildsDir(root) {
  const preferred = join(root, 'node_modules', '.cache', 'faultline-build');
  try { mkdirSync(preferred, { recursive: true }); return preferred; }
  catch { const fallback = join(tmpdir(), 'faultline-build'); mkdirSync(fallback, { recursive: true }); return fallback; }
}

/**
 * Each source module keeps its own location as `import.meta.url` inside the bundle, except the
 * config, which finds the build's folder through its own.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => (args.path.endsWith('/playwright.config.ts') ? undefined : {
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * The folder of the build of the current sources (built now if there is none yet), holding
 * `<entry>.js` for each of entries() at its source's relative path.
 */
export async function built(root = ROOT) {
  const hash = sourcesHash(root);
  const base = buildsDir(root);
  const dir = join(base, hash);
  if (existsSync(join(dir, DONE))) return dir;
  const { build } = await import('esbuild');
  // built under a name of its own and renamed into place, so runs starting at once never see half a build
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: entries(root),
    outbase: root,
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [ownUrl],
    logLevel: 'silent',
  });
  // the report page's client script, bundled as src/report/html.ts would bundle it at the end of
  // every run: both read how from src/report/page/bundle.json (test/cli/build.test.ts compares them)
  const page = JSON.parse(readFileSync(join(root, 'src/report/page/bundle.json'), 'utf8'));
  await build({ ...page.options, absWorkingDir: root, entryPoints: [join(root, 'src/report/page/main.js')], outfile: join(tmp, page.file), write: true });
  writeFileSync(join(tmp, DONE), JSON.stringify({ hash, entries: entries(root), at: new Date().toISOString() }) + '\n');
  try { renameSync(tmp, dir); }
  catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, DONE))) throw err; // another run renamed the same build into place first
  }
  try {
    // older builds go, except the newest few and those of the last day, and half builds of runs
    // killed while building (another run may be removing the same folders: its errors are ignored)
    const now = Date.now();
    const old = readdirSync(base).filter((d) => d !== hash && !d.endsWith('.tmp')).map((d) => ({ d, t: statSync(join(base, d)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const { d, t } of old.slice(KEEP)) if (now - t > KEEP_YOUNGER_MS) rmSync(join(base, d), { recursive: true, force: true });
    for (const d of readdirSync(base).filter((x) => x.endsWith('.tmp'))) if (now - statSync(join(base, d)).mtimeMs > 3600_000) rmSync(join(base, d), { recursive: true, force: true });
  } catch { /* a folder gone while looked at */ }
  return dir;
}

/** The built module of a source file (`src/runner/define.ts` -> `<build>/src/runner/define.js`). */
export function builtModule(dir, source) {
  return join(dir, source.replace(/\.ts$/, '.js'));
}
