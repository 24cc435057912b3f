/** The failure message a person reads in any report: requirement, expected, actual, reproduction. */
import type { Entry } from '../catalog/types.js';
import type { EntryResult } from './result.js';

export function failureMessage(e: Entry, r: EntryResult): string {
  const lines: string[] = [];
  if (r.outcome === 'error') {
    lines.push(`${e.id}: could not be checked: ${r.reason}`);
  } else {
    const n = r.violations?.length ?? 0;
    lines.push(`${e.id} does not conform: ${n} violation${n === 1 ? '' : 's'}`);
    lines.push(`  documented: "${e.doc.quote}"`, `  doc: ${e.doc.url}`);
    for (const v of r.violations ?? []) {
      lines.push(`  ✗ ${v.check} [${v.strength}] at ${v.pointer || '/'}: ${v.message}`);
      lines.push(`      expected: ${JSON.stringify(v.expected)}`, `      actual:   ${JSON.stringify(v.actual)}`);
    }
  }
  if (r.reproduce) lines.push(`  reproduce: ${r.reproduce}`);
  return lines.join('\n');
}
