/**
 * Where a run's conformance report goes, so that no run clobbers the last complete report:
 * a complete run writes `<dir>` (reports/conformance), a partial one (a selection, a shard)
 * `<dir>-partial`, an interrupted one `<dir>-interrupted`, each beside the others. A listing
 * (`--list`) writes nothing. The history of complete runs lives with the complete report.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunScope } from './collect.js';

export function reportFolder(completeDir: string, scope: RunScope['scope']): string {
  return scope === 'complete' ? completeDir : `${completeDir}-${scope}`;
}

export function historyFile(completeDir: string): string {
  return join(completeDir, 'history.json');
}

/** The conformance.json a run under `completeDir` wrote last, of the three places. */
export function latestReportFile(completeDir: string): string | undefined {
  const files = (['complete', 'partial', 'interrupted'] as const).map((s) => join(reportFolder(completeDir, s), 'conformance.json')).filter((f) => existsSync(f));
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}
