/**
 * Which env variables an entry needs before it can run: the API's base URL (and any other its
 * requests pick), the secret of every identity its recipes use, and every `${VAR}` its templates name. A missing one makes the entry
 * `not-configured`, naming the variable, before any request is sent.
 */
import type { Catalog, Entry, RequestTemplate } from '../catalog/types.js';
import { parseTemplate, templateStrings } from '../catalog/template.js';

export function requiredVariables(c: Catalog, e: Entry): string[] {
  const vars = new Set<string>([c.baseUrlVar]);
  const requests: RequestTemplate[] = e.recipes
    .flatMap((r) => [...(r.setup ?? []).map((s) => s.request), r.request, ...(r.teardown ?? []).map((s) => s.request)]);
  for (const req of requests) for (const v of requestVariables(c, req)) vars.add(v);
  return [...vars];
}

/** The variables one request names: the base URL it picks, its identity's secret, every `${VAR}` of its templates. */
export function requestVariables(c: Catalog, req: RequestTemplate): string[] {
  const vars = new Set<string>();
  if (req.base) vars.add(req.base);
  const who = req.as ?? c.defaultIdentity;
  if (who !== 'none') vars.add(c.identities[who]!.env);
  for (const s of templateStrings([req.path, req.query ?? {}, req.headers ?? {}, req.json ?? null, req.body ?? ''])) {
    for (const part of parseTemplate(s)) if ('env' in part) vars.add(part.env);
  }
  return [...vars];
}

export function missingVariables(c: Catalog, e: Entry, env: Record<string, string | undefined>): string[] {
  return requiredVariables(c, e).filter((v) => !env[v]);
}

/** Variables whose values are secrets: every identity's token. */
export function secretVariables(c: Catalog): string[] {
  return Object.values(c.identities).map((i) => i.env);
}
