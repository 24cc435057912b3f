/**
 * The environment variables `faultline --help` lists, with their defaults. One list, read by the
 * help text; the run itself reads each variable where it is used.
 */
export interface Variable { name: string; default: string; doc: string }

export const VARIABLES: Variable[] = [
  { name: 'CONFORMANCE_ENV', default: 'reference', doc: 'which env/<name>.env a run loads' },
  { name: 'FAULTLINE_REFERENCE', default: 'none', doc: '`embedded` starts the reference target for the run' },
  { name: 'FAULTLINE_ALLOW_DESTRUCTIVE', default: 'false', doc: 'run entries marked destructive' },
  { name: 'FAULTLINE_STRICT', default: 'false', doc: 'a SHOULD-only violation fails the run (--strict)' },
  { name: 'FAULTLINE_ALLOW_NOT_CONFIGURED', default: 'none', doc: 'not-configured entries a run may skip: `all`, a largest number, or ids and `<api>/*`' },
  { name: 'FAULTLINE_HISTORY', default: 'reports/conformance/history.json', doc: 'earlier complete runs for the trend and "since when"' },
  { name: 'FAULTLINE_HISTORY_RUNS', default: '30', doc: 'how many complete runs the history keeps' },
  { name: 'FAULTLINE_REQUEST_TIMEOUT_MS', default: '10000', doc: 'how long one request may take' },
  { name: 'FAULTLINE_BREAKER_THRESHOLD', default: '3', doc: 'transport failures in a row before an API counts as down; 0 = off' },
  { name: 'FAULTLINE_SENDER', default: 'playwright', doc: '`stream`: Node client, bodies cut at 1 MiB while read' },
  { name: 'FAULTLINE_WORKERS', default: '2', doc: 'Playwright worker processes' },
  { name: 'FAULTLINE_CATALOGS', default: 'catalogs/', doc: 'the folder of catalogs a run uses' },
  { name: 'FAULTLINE_REPORTS_DIR', default: 'reports', doc: 'where reports are written' },
  { name: 'FAULTLINE_REPORTERS', default: 'all', doc: '`minimal`: only the console and the conformance report' },
  { name: 'FAULTLINE_BASELINE', default: 'none', doc: 'an earlier conformance.json to compare with (--baseline)' },
];

export function environmentHelp(): string {
  const rows = VARIABLES.map((v) => [`${v.name} [${v.default}]`, v.doc] as const);
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}
