/**
 * `faultline <command> [options]`: one table of subcommands (COMMANDS). Adding a command is one
 * entry: its name (one or two words, e.g. `import openapi`), a one-line summary, its usage and
 * options for `--help`, and `main`, which receives the arguments after the name. Anything that is
 * not a faultline command goes to `faultline run`, and from there to `playwright test`, so
 * `faultline --grep @status:401` works like `npx playwright test --grep @status:401`.
 * The npm scripts (`npm run conformance`, ...) are aliases of these commands.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { environmentHelp } from './variables.js';

export interface Command {
  /** one or two words: `run`, `report merge`, `import openapi` */
  name: string;
  summary: string;
  /** the synopsis after `faultline ` (defaults to the name) */
  usage?: string;
  options?: { flag: string; text: string }[];
  main(args: string[]): Promise<unknown> | unknown;
}

/**
 * Runs one of faultline's command-line scripts in this process, as if started with `args`: the
 * scripts read process.argv and set the exit status themselves.
 */
export function script(relative: string): (args: string[]) => Promise<unknown> {
  const url = new URL(relative, import.meta.url);
  return (args) => {
    process.argv = [process.argv[0]!, fileURLToPath(url), ...args];
    return import(url.href);
  };
}

const PLAYWRIGHT_CLI = fileURLToPath(new URL('../../node_modules/@playwright/test/cli.js', import.meta.url));

export const COMMANDS: Command[] = [
  {
    name: 'run',
    summary: 'run the suite: checks catalogs, env and expectations, then every entry against the target; writes reports/',
    usage: 'run [--baseline FILE] [--strict] [Playwright test options]',
    options: [
      { flag: '--baseline FILE', text: 'an earlier conformance.json: the report lists newly failing and newly fixed entries' },
      { flag: '--strict', text: 'a SHOULD-only violation fails the run too (FAULTLINE_STRICT=true)' },
      { flag: '--reporter NAMES', text: "console or extra Playwright reporters (line, dot, blob, ...); faultline's own reports are written whatever it says" },
      { flag: '--list', text: 'list the selected entries; runs nothing and writes no report' },
      { flag: '--help', text: "this text followed by Playwright's test options" },
    ],
    // a literal import, so that the run's build (bin/build.js) bundles it: the other commands load their TypeScript through tsx
    main: async (args) => {
      process.argv = [process.argv[0]!, fileURLToPath(new URL('./conformance.js', import.meta.url)), ...args];
      await import('./conformance.js');
    },
  },
  {
    name: 'check',
    summary: 'validate the catalogs and check that schemas/ and env/staging.env.example are up to date',
    main: async () => {
      await script('./catalogs.js')([]);
      if (process.exitCode) return;
      await script('./schemas.js')(['--check']);
    },
  },
  {
    name: 'schemas',
    summary: 'regenerate schemas/ and env/staging.env.example from the catalogs (--check: only compare)',
    usage: 'schemas [--check]',
    main: script('./schemas.js'),
  },
  {
    name: 'reference',
    summary: 'start the embedded reference target alone and print its base URLs',
    usage: 'reference [--port N]',
    options: [{ flag: '--port N', text: 'the port to listen on (REFERENCE_PORT, default 4010; 0 = any free port)' }],
    main: script('../../reference/main.js'),
  },
  {
    name: 'report merge',
    summary: "merge sharded blob reports into reports/ and exit with the run's verdict",
    usage: 'report merge <folder with the blob zips>',
    main: script('./merge.js'),
  },
  {
    name: 'report allure',
    summary: 'render reports/allure-results into one offline HTML file (reports/allure-report)',
    usage: 'report allure [<results folder> [<report folder>]]',
    main: script('../../scripts/allure.js'),
  },
  {
    name: 'import openapi',
    summary: "a catalog from an OpenAPI document: one entry per documented error response, recipes where the document allows",
    usage: 'import openapi <file> [--api name] [--into catalogs/<api>.yaml] [--dry-run] [--force]',
    options: [
      { flag: '--api NAME', text: 'the catalog\'s api name (default: from the file name)' },
      { flag: '--into FILE', text: 'where to write (default: <catalogs folder>/<api>.yaml); an existing catalog of the API is merged into, hand edits kept' },
      { flag: '--dry-run', text: 'print what would be written, write nothing' },
      { flag: '--force', text: 'overwrite a file that is not this API\'s catalog without asking' },
    ],
    main: async (args) => { process.exitCode = await (await import('../import/openapi/cli.js')).main(args); },
  },
  {
    name: 'export openapi',
    summary: "the catalogs' error contracts as OpenAPI 3.1, validated",
    usage: 'export openapi [--api name] [--out file|folder]',
    options: [
      { flag: '--api NAME', text: 'one catalog, to standard output or --out (default: every catalog, one file each in --out)' },
      { flag: '--out PATH', text: 'a file (.json or .yaml) with --api, else a folder (default reports/openapi)' },
    ],
    main: async (args) => { process.exitCode = await (await import('../export/cli.js')).main(args); },
  },
  {
    name: 'init',
    summary: 'a catalog skeleton for an API of your own, and the next steps',
    usage: 'init <api>',
    main: async (args) => { process.exitCode = (await import('./init.js')).main(args); },
  },
  {
    name: 'ci-env',
    summary: "CI: pass every variable the catalogs need from the CI's variables and secrets (FAULTLINE_CI_VARS, FAULTLINE_CI_SECRETS) into GITHUB_ENV",
    main: async () => { process.exitCode = (await import('./ci-env.js')).main(); },
  },
  {
    name: 'import page',
    summary: 'a draft catalog from a captured error page (HTML, Markdown, plain text, JSON page payload), doc findings detected',
    usage: 'import page <capture> [--api name] [--url public-url] [--out file] [--force]',
    options: [
      { flag: '--api name', text: "the catalog's api name (default: from the capture's file name)" },
      { flag: '--url public-url', text: "the page's public address; entries link to it plus #anchor" },
      { flag: '--out file', text: 'write the draft there (default: stdout); never replaces a file without --force' },
    ],
    main: async (args) => { process.exitCode = (await import('../import/page/cli.js')).runImportPage(args); },
  },
  {
    name: 'playwright',
    summary: "Playwright's own command line (show-report, merge-reports, ...)",
    usage: 'playwright <Playwright arguments>',
    main: (args) => { process.exitCode = spawnSync(process.execPath, [PLAYWRIGHT_CLI, ...args], { stdio: 'inherit' }).status ?? 1; },
  },
];

/** The command `args` names (the longest matching name) and the arguments after it. */
export function findCommand(args: string[], commands: Command[] = COMMANDS): { command?: Command; rest: string[]; group?: string } {
  for (const words of [2, 1]) {
    const name = args.slice(0, words).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: args.slice(words) };
  }
  // A first word that only starts longer names (`faultline report`) asks for that group's help.
  const group = args[0] && commands.some((c) => c.name.startsWith(`${args[0]} `)) ? args[0] : undefined;
  return { rest: args, ...(group ? { group } : {}) };
}

function column(rows: [string, string][], indent = 2): string {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${' '.repeat(indent)}${a.padEnd(width)}  ${b}`).join('\n');
}

export function helpText(commands: Command[] = COMMANDS, only?: string): string {
  const shown = only ? commands.filter((c) => c.name === only || c.name.startsWith(`${only} `)) : commands;
  const lines = [
    'faultline: a conformance suite for documented API errors',
    '',
    'Usage: faultline <command> [options]',
    '       faultline [run options] [Playwright test options]    (the same as faultline run ...)',
    '',
    'Commands:',
    column(shown.map((c) => [c.name, c.summary])),
  ];
  for (const c of shown.filter((x) => x.usage || x.options?.length)) {
    lines.push('', `faultline ${c.usage ?? c.name}`);
    if (c.options?.length) lines.push(column(c.options.map((o) => [o.flag, o.text])));
  }
  lines.push('', 'Environment variables (default in brackets; an env file env/<name>.env may set them too):', environmentHelp());
  lines.push('', 'Every other option goes to `playwright test` (faultline run --help lists them).');
  return lines.join('\n') + '\n';
}

export interface MainOptions {
  /**
   * Makes TypeScript sources loadable in this process (bin/faultline.js registers tsx); called
   * before any command but `run`, whose code is in the run's build.
   */
  typescript?: () => Promise<void>;
}

export async function main(args: string[], opts: MainOptions = {}): Promise<void> {
  const wantsHelp = (a: string[]): boolean => a.includes('--help') || a.includes('-h');
  if (args.length === 0 || ((args[0] === '--help' || args[0] === '-h' || args[0] === 'help') && args.length <= 2)) {
    const topic = args[1] ? findCommand([args[1]]) : undefined;
    process.stdout.write(helpText(COMMANDS, topic?.command?.name ?? topic?.group));
    return;
  }
  const found = findCommand(args);
  if (found.group) { process.stdout.write(helpText(COMMANDS, found.group)); return; }
  const command = found.command ?? COMMANDS.find((c) => c.name === 'run')!;
  if (command.name !== 'playwright' && wantsHelp(found.rest)) {
    process.stdout.write(helpText(COMMANDS, command.name));
    if (command.name === 'run') {
      process.stdout.write('\nPlaywright test options (faultline run passes them on):\n');
      const pw = spawnSync(process.execPath, [PLAYWRIGHT_CLI, 'test', '--help'], { encoding: 'utf8' });
      process.stdout.write(pw.stdout.replace(/^Usage:.*\n\n?/, ''));
    }
    return;
  }
  if (command.name !== 'run' && command.name !== 'playwright') await opts.typescript?.();
  await command.main(found.rest);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
