/**
 * The catalog model. `CatalogFile` is what `catalogs/<api>.yaml` holds (validated against
 * `catalogs/catalog.schema.json`); `Catalog`/`Entry` are what the loader returns, normalised:
 * defaults applied, every contract part carrying its strength, every doc carrying its link, the
 * status one `Status`, the causes one list, the api and the source position set.
 */
import type { Status, StatusInFile } from './status.js';

export type { StatusInFile } from './status.js';
export { Status } from './status.js';

export type Strength = 'must' | 'should';
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON Schema fragment (2020-12), kept as plain data. */
export type JsonSchema = { [key: string]: Json };

export interface Catalog {
  /** short name, also the id prefix and the Playwright project name: `cmix` */
  api: string;
  title: string;
  /** env variable holding the target's base URL for this API, e.g. `CMIX_BASE_URL` */
  baseUrlVar: string;
  /** further base-URL variables a request may pick with `base:` */
  otherBaseUrlVars?: string[];
  /** the vendor page this catalog is transcribed from; `capture` is relative to the catalog file */
  page: { url?: string; capture: string; title: string; lastModified?: string };
  /** other vendor pages entries may cite (`source:` on an entry), e.g. the Common API Error Catalog */
  sources?: Record<string, { url?: string; capture: string; title: string; note?: string }>;
  /** how an identity's secret is sent; `otherSchemes`: further authentication schemes the API accepts */
  auth: { header: string; format: string; otherSchemes?: string[] };
  /** named identities; each one's secret comes from an env variable */
  identities: Record<string, { env: string; description: string }>;
  /** identity used by requests that do not say `as:` */
  defaultIdentity: string;
  /** named body shapes (JSON Schema), emitted as shared `$defs` */
  envelopes: Record<string, JsonSchema>;
  /** env variables the recipes use besides identities and the base URL, with what to provision */
  fixtures?: Record<string, string>;
  entries: Entry[];
  docFindings?: DocFinding[];
}

/** Where something is written: `catalogs/cmix.yaml`, 1-based line and column. */
export interface SourcePosition { file: string; line: number; col: number }

export interface Entry {
  /** `<api>/<slug>`, unique across catalogs, stable forever */
  id: string;
  /** the catalog's api (the id's prefix) */
  api: string;
  /** where the entry is written (its first key) */
  position: SourcePosition;
  title: string;
  /** key of `sources` when the entry comes from another page than `page` */
  source?: string;
  /** `url` is always set once loaded: the page's url (or its capture's path) + `#anchor` */
  doc: { url: string; anchor?: string; quote: string };
  /** one status, a set, or a class like `5xx`, normalised: ask it `allows(code)` */
  status: Status;
  strength: Strength;
  /** why the status is only inferred (required when strength is should) */
  statusBasis?: string;
  headers?: HeaderRule[];
  /** media type of the body; absent = not documented */
  contentType?: ContentTypeRule;
  body: BodyContract;
  /** the page's example exactly as printed (may be invalid JSON: that is a doc finding) */
  example?: string;
  /** the fragment the catalog cites the example by (`example: { printed }`), kept for writing it back so */
  examplePrinted?: string;
  /** every cause's recipe (a written `recipe` is a list of one; empty when unprovokable); the entry conforms when all do */
  recipes: Recipe[];
  /** why this entry cannot be provoked from outside (then `recipes` is empty) */
  unprovokable?: string;
  /** why running it changes the target beyond its own cleanup; runs only when the env allows */
  destructive?: string;
}

export interface HeaderRule {
  name: string;
  /** exact value */
  equals?: string;
  /** ECMAScript regex the value must match */
  matches?: string;
  /**
   * The value is a challenge list (RFC 9110 section 11.6.1) that includes this challenge
   * (`Basic realm="cmix"`), or, for `auth`, a challenge of a scheme the catalog's auth accepts
   */
  challenge?: string;
  /** for `challenge: auth`, once loaded: the schemes the catalog's auth accepts (none: any scheme) */
  schemes?: string[];
  strength: Strength;
  basis: string;
}

export interface ContentTypeRule {
  type: string;
  /** parameters the media type must carry (names in any case; charset's value in any case, others as written) */
  parameters?: Record<string, string>;
  strength: Strength;
  basis?: string;
}

/** Strength of one body field (a constant or a property), when it differs from the body's. */
export interface FieldStrength { strength: Strength; basis: string }

/**
 * The body contract. For json and text, `strength` is the strength of the shape (envelope,
 * required fields, properties, text) and of every field `fields` does not name; `basis` says
 * where an inferred (should) shape comes from.
 */
export type BodyContract =
  | { kind: 'json'; envelope: string; const?: Record<string, Json>; required?: string[]; properties?: Record<string, JsonSchema>; strength: Strength; basis?: string; fields?: Record<string, FieldStrength> }
  | { kind: 'text'; equals?: string; matches?: string; strength: Strength; basis?: string }
  | { kind: 'empty' }
  | { kind: 'undocumented'; basis: string };

// ---------------------------------------------------------------- the file format

/** A body as an entry or the defaults write it: any part may be left to the defaults. */
export interface BodyInFile {
  kind?: BodyContract['kind'];
  envelope?: string;
  const?: Record<string, Json>;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  equals?: string;
  matches?: string;
  strength?: Strength;
  basis?: string;
  fields?: Record<string, FieldStrength>;
  /**
   * Constants each entry derives from itself, field -> what: `slug` (the id after `<api>/`),
   * `status` (the entry's status, when it is one code). A field the body's `const` names keeps
   * that value; the loader turns the rest into `const`.
   */
  constFrom?: Record<string, ConstSource>;
}

/** What a derived body constant is taken from (see `BodyInFile.constFrom`). */
export type ConstSource = 'slug' | 'status';

export interface HeaderRuleInFile extends Omit<HeaderRule, 'strength' | 'schemes'> { strength?: Strength }

/** What every entry of a catalog shares unless it says otherwise. */
export interface Defaults {
  strength?: Strength;
  /** the title of entries that give none: `slug`, the id after `<api>/` (for pages whose title is the code) */
  titleFrom?: 'slug';
  /** the section entries of the catalog's own page cite when they give no anchor */
  doc?: {
    anchor?: string;
    /** `quote`: each entry of the page without an anchor cites the section of the page its quote lies in */
    anchorFrom?: 'quote';
  };
  /** applies to entries whose body has the defaults' body kind (json when the defaults give none) */
  contentType?: Omit<ContentTypeRule, 'strength'> & { strength?: Strength };
  body?: BodyInFile;
  /** header rules per status (`"401": [WWW-Authenticate rule]`), for entries of exactly that status */
  headers?: Record<string, HeaderRuleInFile[]>;
  /** the basis of every recipe step (and provoking request) that gives none */
  basis?: Basis;
}

export interface EntryInFile extends Omit<Entry, 'api' | 'position' | 'title' | 'status' | 'recipes' | 'example' | 'examplePrinted' | 'doc' | 'strength' | 'headers' | 'contentType' | 'body'> {
  /** required unless `defaults.titleFrom` gives it */
  title?: string;
  /** a string is the quote alone */
  doc: string | { url?: string; anchor?: string; quote: string };
  status: StatusInFile;
  /** the example as printed, or a fragment of the page's printed example to take it from */
  example?: string | { printed: string };
  /** the one cause's recipe */
  recipe?: Recipe;
  /** several causes' recipes (exclusive with recipe) */
  recipes?: Recipe[];
  strength?: Strength;
  headers?: HeaderRuleInFile[];
  contentType?: Omit<ContentTypeRule, 'strength'> & { strength?: Strength };
  body?: BodyInFile;
}

export interface CatalogFile extends Omit<Catalog, 'entries'> {
  defaults?: Defaults;
  entries: EntryInFile[];
}

/**
 * A request as loaded. A file may write the method and path as one key, the method's, holding the
 * path (`POST: /projects`, like an HTTP request line); the loader rewrites that to `method` and
 * `path` before anything else reads it (src/catalog/request-line.ts).
 */
export interface RequestTemplate {
  method: string;
  /** path below the base URL; `{{name}}` captures/builtins and `${ENV}` variables are substituted */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  json?: Json;
  /** raw request body (string), exclusive with json */
  body?: string;
  /** identity name, or `none` for no credentials; default: catalog.defaultIdentity */
  as?: string;
  /** the base-URL variable the request goes to; default: catalog.baseUrlVar */
  base?: string;
}

/**
 * What a recipe step rests on: `documented` (the page or the API's public docs name the endpoint
 * and the behaviour; `why` cites them), `inferred` (reasoned from documented facts; `why` says
 * how) or `assumed` (only the reference target is known to behave so; `why` says what is assumed).
 */
export type BasisKind = 'documented' | 'inferred' | 'assumed';
export interface Basis {
  kind: BasisKind;
  why: string;
  /** set by the loader on a step that gave none and took the catalog's `defaults.basis` */
  fromDefaults?: true;
}

export interface Step {
  name?: string;
  /** what the step rests on; once loaded always set (the step's own or `defaults.basis`) */
  basis?: Basis;
  request: RequestTemplate;
  /** statuses the step must answer with, else the test errors (harness fault, not a violation) */
  expect?: number | number[];
  /** variable name -> JSON pointer into the response document `{status, headers, body}` */
  capture?: Record<string, string>;
  /** repeat the step until its status is in `until` (eventual consistency), bounded */
  poll?: { until: number | number[]; timeoutMs?: number; intervalMs?: number };
}

export interface Recipe {
  setup?: Step[];
  request: RequestTemplate;
  /** what the provoking request (with its repeat or poll) rests on; once loaded always set */
  basis?: Basis;
  /** send the request again until the status is `until` (e.g. rate limits), at most `max` times */
  repeat?: { until: number; max: number };
  /** retry the provoking request while the status is in `while` (eventual consistency), bounded */
  poll?: { while: number | number[]; timeoutMs?: number; intervalMs?: number };
  /** always run, even when the test fails; failures here are logged, not fatal */
  teardown?: Step[];
}

export interface DocFinding {
  id: string;
  kind: 'invalid-example' | 'duplicate-row' | 'conflicting-rows' | 'contradiction' | 'placeholder' | 'missing-information' | 'inconsistency';
  entries?: string[];
  text: string;
  /** the page's words the finding is about, verbatim; `anchor` its section, `source` its page */
  quote?: string;
  anchor?: string;
  source?: string;
}

/** A catalog as loaded: the parsed model plus where it came from. */
export interface LoadedCatalog extends Catalog {
  file: string;
}
