/**
 * The environment variables `faultline --help` lists, with their defaults: derived from the one
 * definition of each setting (src/settings.ts), so the help, the README table and the validation
 * cannot disagree. faultline's own test and bench settings (group `tools`) are left out.
 */
import { DEFINITIONS } from '../settings.js';

export interface Variable { name: string; default: string; doc: string }

const plain = (md: string): string => md.replace(/`/g, '');

export const VARIABLES: Variable[] = Object.values(DEFINITIONS)
  .filter((d) => d.group !== 'tools')
  .map((d) => ({ name: d.name, default: plain(d.default), doc: plain(d.doc) }));

export function environmentHelp(): string {
  const rows = VARIABLES.map((v) => [`${v.name} [${v.default}]`, v.doc] as const);
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}
