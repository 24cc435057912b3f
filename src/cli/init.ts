/**
 * `faultline init <api>`: a catalog skeleton for an API of your own, in the catalogs folder
 * (FAULTLINE_CATALOGS or catalogs/): the editor schema link, the env variables a run needs, one
 * example entry that passes the catalog check, and the next steps printed. Never overwrites.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { META_SCHEMA_PATH } from '../catalog/meta.js';
import { parseCatalog } from '../load.js';
import { catalogDir } from '../import/openapi/cli.js';
import { envName } from '../import/openapi/recipes.js';

export function skeleton(api: string, schemaLink: string): string {
  const p = envName(api);
  return `# yaml-language-server: $schema=${schemaLink}
# The error catalog of ${api}: one entry per documented error. Your editor completes and explains
# every key from the schema above. Check it with: npm run catalogs:check
api: ${api}
title: ${api} API
page:
  # the page (or document) the entries are transcribed from; save it as the capture (HTML,
  # Markdown or text), relative to this file: catalogs:check checks every quote against it
  url: https://example.com/docs/errors
  capture: pages/${api}-errors.html
  title: Errors

# --- env: the variables a run needs (npm run schemas lists them in env/staging.env.example) ---
baseUrlVar: ${p}_BASE_URL
auth:
  header: Authorization
  format: Bearer {token}
identities:
  user:
    env: ${p}_TOKEN
    description: an identity allowed to call every operation
defaultIdentity: user
# fixtures:
#   ${p}_ITEM_ID: id of an existing item the user may read

envelopes:
  error:
    type: object
    description: the body of every error; describe its fields here
    properties:
      message: { type: string }

entries:
  - id: ${api}/not-found
    title: 404 Not Found
    doc:
      anchor: not-found
      quote: replace with the page's own sentence for this error
    status: 404
    strength: must
    contentType: { type: application/json, strength: must }
    body: { kind: json, envelope: error }
    recipe:
      request: { method: GET, path: '/faultline-does-not-exist-{{unique}}' }
      # what the request rests on: documented (cite your docs), inferred (say how) or assumed
      basis: { kind: inferred, why: 'a path the API does not have answers 404 (RFC 9110 section 15.5.5); cite your docs instead where they say so' }
`;
}

export function main(argv: string[]): number {
  const api = argv[0];
  if (!api || argv.length > 1 || !/^[a-z][a-z0-9-]*$/.test(api)) {
    process.stderr.write('usage: faultline init <api>   (a lower-case name like petstore)\n');
    return 2;
  }
  const dir = catalogDir();
  const file = join(dir, `${api}.yaml`);
  if (existsSync(file)) { process.stderr.write(`faultline init: ${file} exists; not overwritten\n`); return 1; }
  const text = skeleton(api, relative(dir, META_SCHEMA_PATH.pathname));
  const issues = parseCatalog(text, file).issues;
  if (issues.length) throw new Error(`the skeleton does not pass the catalog check: ${issues.map((i) => i.message).join('; ')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
  const p = envName(api);
  const shown = relative(process.cwd(), file) || file;
  process.stdout.write(`wrote ${shown}\nnext:
  1. describe the errors in ${shown} (or import them: npm run import:openapi -- <openapi.yaml> --api ${api})
  2. npm run catalogs:check && npm run schemas
  3. put ${p}_BASE_URL=<base URL> and ${p}_TOKEN=<secret> into env/<name>.env (or the process environment)
  4. CONFORMANCE_ENV=<name> npm run conformance -- --grep @api:${api}
`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
