/**
 * What a run's answers say about its configuration rather than about the target's conformance.
 * A base URL whose path matches nothing on the target (a typo such as `/cmx`) makes every entry
 * of that API answer the target's one 404 page; reported entry by entry that reads as a run of
 * 404 violations, so it is named once, as a probable configuration error.
 */
import type { Entry } from '../catalog/types.js';
import type { EntryResult } from '../runner/result.js';

/** Fewer judged answers than this are too few to call a pattern. */
const MIN_ANSWERS = 3;

/** The diagnosis for one API's results, if every judged answer was the same 404 while the catalog documents other statuses. */
export function wrongBaseUrl(api: string, baseUrlVar: string, baseUrl: string | undefined, entries: Pick<Entry, 'status'>[], results: Pick<EntryResult, 'observed'>[]): string | undefined {
  const answers = results.map((r) => r.observed).filter((o): o is NonNullable<EntryResult['observed']> => o !== undefined);
  if (answers.length < MIN_ANSWERS || answers.some((o) => o.status !== 404)) return undefined;
  const bodies = new Set(answers.map((o) => JSON.stringify(o.body)));
  if (bodies.size !== 1) return undefined;
  // an API whose every entry documents a 404 (404 itself, a set with it, 4xx) may well answer only 404s
  if (entries.every((e) => e.status.allows(404))) return undefined;
  const body = [...bodies][0]!;
  return `${api}: all ${answers.length} answers were 404 with the same body (${body.length > 80 ? `${body.slice(0, 80)}…` : body}): the base URL probably matches nothing on the target; check ${baseUrlVar}${baseUrl ? `=${baseUrl}` : ''}`;
}
