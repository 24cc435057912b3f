/** A conformance test's title, computed alike where tests are declared and where a worker finds an entry by its test. */
import type { Entry } from '../catalog/types.js';
import { entrySlug } from '../catalog/defaults.js';

/**
 * The test title: the entry id, then its title without what only repeats the id's slug
 * (`awork/not-found not-found` → `awork/not-found`; `x/CODE CODE: text` → `x/CODE text`).
 */
export function entryTitle(e: Entry): string {
  const slug = entrySlug(e);
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  if (norm(e.title) === norm(slug)) return e.id;
  const rest = e.title.toLowerCase().startsWith(slug.toLowerCase()) ? e.title.slice(slug.length).replace(/^[\s:–—-]+/, '') : e.title;
  return rest ? `${e.id} ${rest}` : e.id;
}
