/**
 * Rules the meta-schema cannot express: cross-references inside a catalog (identities, envelopes,
 * sources, captures), id prefixes, regexes that must compile, recipe templates that must parse.
 */
import { parseTemplate, templateStrings, TemplateError } from './template.js';
import type { DocPath } from './locate.js';
import type { MergedEntry } from './defaults.js';
import { parseOneChallenge } from './challenge.js';
import type { BodyInFile, CatalogFile, HeaderRuleInFile, JsonSchema, Recipe, RequestTemplate, Step } from './types.js';

export interface LintProblem { path: DocPath; message: string }

/** `merged`: the catalog's entries with its defaults applied (the meta-schema has passed them). */
export function lintCatalog(c: CatalogFile, merged: MergedEntry[]): LintProblem[] {
  const out: LintProblem[] = [];
  const add = (path: DocPath, message: string): void => { out.push({ path, message }); };
  if (!(c.defaultIdentity in c.identities)) add(['defaultIdentity'], `defaultIdentity '${c.defaultIdentity}' is not one of the identities (${Object.keys(c.identities).join(', ')})`);
  const ids = new Set<string>();
  merged.forEach((e, i) => {
    const at = (...p: DocPath): DocPath => ['entries', i, ...p];
    if (!e.id.startsWith(`${c.api}/`)) add(at('id'), `id '${e.id}' must start with '${c.api}/'`);
    if (ids.has(e.id)) add(at('id'), `duplicate id '${e.id}'`);
    ids.add(e.id);
    if (e.source !== undefined && !(c.sources && e.source in c.sources)) add(at('source'), `source '${e.source}' is not one of the catalog's sources`);
    const frag = e.doc.url?.includes('#') ? decodeURIComponent(e.doc.url.slice(e.doc.url.indexOf('#') + 1)) : undefined;
    if (e.doc.anchor !== undefined && frag !== undefined && frag !== e.doc.anchor) add(at('doc', 'anchor'), `doc.anchor '${e.doc.anchor}' and the fragment of doc.url '#${frag}' disagree`);
    if (e.strength === 'should' && !e.statusBasis) add(at('strength'), 'an inferred (should) status needs statusBasis saying why');
    const ways = [e.recipe, e.recipes, e.unprovokable].filter((x) => x !== undefined).length;
    if (ways !== 1) add(ways ? at(e.unprovokable !== undefined ? 'unprovokable' : 'recipes') : at(), 'an entry needs exactly one of recipe, recipes or unprovokable');
    const body = e.body!;
    if (body.kind === 'json' && !(body.envelope! in c.envelopes)) add(at('body', 'envelope'), `envelope '${body.envelope}' is not defined in envelopes (${Object.keys(c.envelopes).join(', ')})`);
    if (body.kind === 'text' && body.matches !== undefined) checkRegex(body.matches, at('body', 'matches'), add);
    if (body.strength === 'should' && !body.basis) add(at('body', 'strength'), 'an inferred (should) body needs a basis saying where its shape comes from');
    if (e.contentType?.strength === 'should' && !e.contentType.basis) add(at('contentType'), 'an inferred (should) content type needs a basis saying where it comes from');
    if (body.kind === 'json') for (const name of Object.keys(body.fields ?? {})) if (!fieldNames(body, c.envelopes[body.envelope!]).has(name)) add(at('body', 'fields', name), `fields names '${name}', which is no constant, required field or property of this body or its envelope`);
    // the entry's own rules here; the defaults' rules are linted once, where they are written
    c.entries[i]!.headers?.forEach((h, j) => checkHeaderRule(h, at('headers', j), add));
    const causes: [DocPath, Recipe][] = e.recipes ? e.recipes.map((r, k): [DocPath, Recipe] => [at('recipes', k), r]) : e.recipe ? [[at('recipe'), e.recipe]] : [];
    for (const [where, recipe] of causes) {
      const captured = new Set<string>();
      const steps = (key: 'setup' | 'teardown', list: Step[] | undefined): void => {
        (list ?? []).forEach((s, j) => {
          checkRequest(c, s.request, [...where, key, j, 'request'], captured, add);
          for (const name of Object.keys(s.capture ?? {})) captured.add(name);
        });
      };
      steps('setup', recipe.setup);
      checkRequest(c, recipe.request, [...where, 'request'], captured, add);
      steps('teardown', recipe.teardown);
    }
  });
  for (const [status, rules] of Object.entries(c.defaults?.headers ?? {})) {
    rules.forEach((h, j) => checkHeaderRule(h, ['defaults', 'headers', status, j], add));
  }
  (c.docFindings ?? []).forEach((f, i) => {
    if (f.source !== undefined && !(c.sources && f.source in c.sources)) add(['docFindings', i, 'source'], `source '${f.source}' is not one of the catalog's sources`);
    if (f.anchor !== undefined && f.quote === undefined) add(['docFindings', i, 'anchor'], 'an anchor without a quote: give the quote it locates');
    if (!f.id.startsWith(`${c.api}/`)) add(['docFindings', i, 'id'], `doc finding id '${f.id}' must start with '${c.api}/'`);
    (f.entries ?? []).forEach((id, j) => { if (!ids.has(id)) add(['docFindings', i, 'entries', j], `doc finding names unknown entry '${id}'`); });
  });
  return out;
}

/** The field names a json body speaks of: its constants, required fields, properties and its envelope's. */
function fieldNames(b: BodyInFile, envelope: JsonSchema | undefined): Set<string> {
  const env = envelope as { properties?: Record<string, unknown>; required?: string[] } | undefined;
  return new Set([...Object.keys(b.const ?? {}), ...(b.required ?? []), ...Object.keys(b.properties ?? {}), ...Object.keys(env?.properties ?? {}), ...(env?.required ?? [])]);
}

function checkRequest(c: CatalogFile, r: RequestTemplate, path: DocPath, captured: Set<string>, add: (p: DocPath, m: string) => void): void {
  const bases = [c.baseUrlVar, ...(c.otherBaseUrlVars ?? [])];
  if (r.base !== undefined && !bases.includes(r.base)) add([...path, 'base'], `base '${r.base}' is not one of the catalog's base-URL variables (${bases.join(', ')})`);
  if (r.as !== undefined && r.as !== 'none' && !(r.as in c.identities)) add([...path, 'as'], `identity '${r.as}' is not one of the identities (${Object.keys(c.identities).join(', ')}, none)`);
  const fields: [string, unknown][] = [['path', r.path], ['query', r.query], ['headers', r.headers], ['json', r.json], ['body', r.body]];
  for (const [key, value] of fields) {
    for (const s of templateStrings(value)) {
      try {
        for (const part of parseTemplate(s)) {
          if ('capture' in part && !captured.has(part.capture)) add([...path, key], `{{${part.capture}}} is not captured by an earlier setup step`);
        }
      } catch (err) {
        if (!(err instanceof TemplateError)) throw err;
        add([...path, key], `unparseable recipe template: ${err.message}`);
        continue;
      }
      for (const part of parseTemplate(s)) {
        if ('env' in part && !(c.fixtures && part.env in c.fixtures) && !bases.includes(part.env)) {
          add([...path, key], `\${${part.env}} is not described under fixtures: say what a deployment must provision for it`);
        }
      }
    }
  }
}

/** At most one way to judge the value; a regex that compiles; a written challenge that is one challenge. */
function checkHeaderRule(h: HeaderRuleInFile, path: DocPath, add: (p: DocPath, m: string) => void): void {
  const ways = (['equals', 'matches', 'challenge'] as const).filter((k) => h[k] !== undefined);
  if (ways.length > 1) add(path, `header ${h.name}: give one of equals, matches or challenge, not ${ways.join(' and ')}`);
  if (h.matches !== undefined) checkRegex(h.matches, [...path, 'matches'], add);
  if (h.challenge !== undefined && h.challenge !== 'auth') {
    const r = parseOneChallenge(h.challenge);
    if (!r.ok) add([...path, 'challenge'], `header ${h.name}: challenge '${h.challenge}' is not one RFC 9110 challenge (${r.error}); write it as the page does (Basic realm="cmix") or use auth`);
  }
}

/** With the u flag, as ajv compiles `pattern`: `\a` or `a{` pass without it and fail in ajv. */
function checkRegex(src: string, path: DocPath, add: (p: DocPath, m: string) => void): void {
  try { new RegExp(src, 'u'); } catch (err) { add(path, `invalid regular expression: ${(err as Error).message}`); }
}
