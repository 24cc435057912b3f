/**
 * Which contract part a JSON pointer into the response document `{status, headers, body}` falls
 * under, and that part's strength: the status, a header rule, the content type, a body field
 * (`fields`), or the body's shape. One lookup for every check that reports a violation.
 */
import type { Entry, Strength } from './types.js';

export interface PartStrength { strength: Strength; basis?: string }

const unescape = (seg: string): string => decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');

export function strengthAt(e: Entry, pointer: string): PartStrength {
  const [, top, first] = pointer.split('/');
  if (top === 'headers' && first !== undefined) {
    const name = unescape(first);
    if (name === 'content-type' && e.contentType) return part(e.contentType.strength, e.contentType.basis);
    const rule = e.headers?.find((h) => h.name.toLowerCase() === name);
    if (rule) return part(rule.strength, rule.basis);
  }
  if (top === 'body' && (e.body.kind === 'json' || e.body.kind === 'text')) {
    const field = first !== undefined && e.body.kind === 'json' ? e.body.fields?.[unescape(first)] : undefined;
    if (field) return part(field.strength, field.basis);
    return part(e.body.strength, e.body.basis);
  }
  return part(e.strength, e.statusBasis);
}

function part(strength: Strength, basis: string | undefined): PartStrength {
  return basis !== undefined ? { strength, basis } : { strength };
}
