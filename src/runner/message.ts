/** The failure message a person reads in any report: requirement, expected, actual, reproduction. */
import type { Entry } from '../catalog/types.js';
import { assumptionNote } from '../catalog/basis.js';
import type { EntryResult } from './result.js';

export function failureMessage(e: Entry, r: EntryResult): string {
  const lines: string[] = [];
  const assumed = assumptionNote(e);
  if (r.outcome === 'error') {
    lines.push(`${e.id}: could not be checked: ${r.reason}`);
    if (assumed) lines.push(`  ${assumed}`);
  } else {
    const n = r.violations?.length ?? 0;
    lines.push(`${e.id} does not conform: ${n} violation${n === 1 ? '' : 's'}`);
    // before the details: it decides how to read them (the API deviates, or the recipe's guess was wrong)
    if (assumed) lines.push(`  ${assumed}`);
    lines.push(`  documented: "${e.doc.quote}"`, `  doc: ${e.doc.url}`);
    for (const v of r.violations ?? []) {
      lines.push(`  ✗ ${v.check} [${v.strength}] at ${v.pointer || '/'}: ${v.message}`);
      lines.push(`      expected: ${JSON.stringify(v.expected)}`, `      actual:   ${JSON.stringify(v.actual)}`);
    }
  }
  if (r.reproduce) lines.push(`  reproduce: ${r.reproduce}`);
  return lines.join('\n');
}
