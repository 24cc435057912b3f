/**
 * `faultline import openapi` on the fixture documents (faultline's own Kennel document, which
 * has one operation per derivable status kind, and the Swagger Petstore OpenAPI 3 document,
 * vendored with its licence): one entry per documented error response, a catalog that passes the
 * catalog check as written, recipes exactly where the document allows them, reasons elsewhere,
 * re-import keeping hand edits, and export(import(doc)) keeping every documented error response.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { parseCatalog } from '../../../src/load.js';
import { lintQuotes } from '../../../src/catalog/quote-lint.js';
import { at, isObj, readOpenApi, type Obj } from '../../../src/import/openapi/document.js';
import { importOpenApi, isErrorKey, METHODS } from '../../../src/import/openapi/build.js';
import { runImport, parseArgs } from '../../../src/import/openapi/cli.js';
import { exportCatalog, validateExport } from '../../../src/export/openapi.js';
import type { LoadedCatalog } from '../../../src/catalog/types.js';
import { DOCUMENTS } from './documents.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'fl-import-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const never = async (): Promise<boolean> => false;

/** Every documented error response of a document, as `path method key`. */
function documentedErrors(root: Obj): { path: string; method: string; key: string; description: string }[] {
  const out = [];
  for (const [path, item] of Object.entries(isObj(root.paths) ? root.paths : {})) {
    if (!isObj(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!isObj(op) || !isObj(op.responses)) continue;
      for (const [key, r] of Object.entries(op.responses)) {
        if (!isErrorKey(key)) continue;
        const resolved = isObj(r) && typeof r.$ref === 'string' ? at(root, r.$ref.slice(2).split('/')) : r;
        out.push({ path, method: m, key, description: String(isObj(resolved) ? resolved.description : '').trim() });
      }
    }
  }
  return out;
}

for (const { file, api } of DOCUMENTS) {
  test(`${api}: one entry per documented error response, and the catalog passes the catalog check as written`, async () => {
    const into = join(tmp, `${api}.yaml`);
    const out = await runImport({ ...parseArgs([file, '--api', api, '--into', into]) }, never);
    const doc = await readOpenApi(file);
    const documented = documentedErrors(doc.root);
    assert.ok(documented.length > 0);
    assert.equal(out.summary.documented, documented.length);
    const written = readFileSync(into, 'utf8');
    // every recipe says how it was derived
    assert.equal((written.match(/# derived from the document: /g) ?? []).length, Object.values(out.summary.recipes).reduce((a, b) => a + (b ?? 0), 0));
    assert.equal(readFileSync(join(tmp, 'pages', basename(file)), 'utf8'), readFileSync(file, 'utf8'), 'the document is copied beside the catalog as its capture');
    const checked = parseCatalog(written, into);
    assert.deepEqual(checked.issues, []);
    const c = checked.catalog!;
    // and the quote lint of catalogs:check: every quote, anchor and example against the document
    assert.deepEqual(lintQuotes(c, written).map((i) => `${i.line}:${i.col} ${i.message}`), []);
    assert.equal(c.entries.length, documented.length);
    for (const d of documented) {
      const e = c.entries.find((x) => x.doc.anchor === `/paths/${d.path.replace(/\//g, '~1')}/${d.method}/responses/${d.key}`);
      assert.ok(e, `an entry for ${d.method} ${d.path} ${d.key}`);
      assert.equal(e.doc.quote, d.description || d.key);
      assert.ok(e.recipes.length || e.unprovokable, `${e.id}: a recipe or a reason`);
      if (/^5/.test(d.key) || d.key === 'default') assert.ok(e.unprovokable, `${e.id} is unprovokable`);
    }
    // every recipe's variables are described, every reason says something
    for (const e of c.entries) if (e.unprovokable) assert.ok(e.unprovokable.length > 20, e.id);
    // every derived request says what it rests on: the operation that documents the status, and how it is provoked
    for (const e of c.entries.filter((x) => x.recipes.length)) {
      const parts = e.doc.anchor!.split('/'); // /paths/<path>/<method>/responses/<key>
      const [method, key] = [parts.at(-3)!, parts.at(-1)!];
      assert.equal(e.recipes[0]!.basis?.kind, 'inferred', e.id);
      assert.match(e.recipes[0]!.basis!.why, new RegExp(`^${method.toUpperCase()} \\S+ documents a ${key} response; the request is inferred to provoke it: .{8,}`), e.id);
    }
  });

  test(`${api}: export(import(doc)) keeps every documented error response and is valid OpenAPI 3.1`, async () => {
    const doc = await readOpenApi(file);
    const { catalog } = importOpenApi(doc, api);
    const loaded = parseCatalog(JSON.stringify(catalog), `${api}.json`).catalog as LoadedCatalog;
    assert.ok(loaded, 'the import parses as a catalog');
    const { document, notes } = exportCatalog(loaded);
    await validateExport(document);
    assert.deepEqual(notes, [], 'every imported entry finds its operation again');
    for (const d of documentedErrors(doc.root)) {
      const r = at(document as never, ['paths', d.path, d.method, 'responses', d.key]);
      assert.ok(isObj(r), `${d.method} ${d.path} ${d.key} is in the export`);
      assert.equal(r.description, d.description || d.key);
    }
    // and the export imports again to the same entries
    const again = join(tmp, `${api}-again.openapi.json`);
    writeFileSync(again, JSON.stringify(document));
    const reimported = importOpenApi(await readOpenApi(again), api).catalog;
    assert.deepEqual(reimported.entries.map((e) => [e.id, e.status, typeof e.doc === 'string' ? e.doc : e.doc.quote]).sort(), catalog.entries.map((e) => [e.id, e.status, typeof e.doc === 'string' ? e.doc : e.doc.quote]).sort());
  });
}

test('kennel: a recipe for each derivable kind, the reason where there is none', async () => {
  const { catalog, summary } = importOpenApi(await readOpenApi(DOCUMENTS[0]!.file), 'kennel');
  const e = (id: string) => catalog.entries.find((x) => x.id === `kennel/${id}`)!;
  assert.equal(e('listDogs.401').recipe?.request.as, 'none');
  assert.equal(e('createDog.403').recipe?.request.as, 'limited', '403 needs the lower-privileged identity');
  assert.ok(catalog.identities.limited, 'which the catalog declares, so the entry is not-configured until it is set');
  assert.equal(e('getDog.404').recipe?.request.path, '/dogs/2147480001');
  assert.equal(e('getDog.405').recipe?.request.method, 'PATCH');
  assert.ok(e('getDog.405').headers?.some((h) => h.name === 'Allow' && h.strength === 'should'), '405 expects Allow (RFC 9110)');
  assert.equal(e('listDogs.406').recipe?.request.headers?.Accept, 'application/x-faultline-unsupported');
  assert.equal(e('createDog.415').recipe?.request.headers?.['Content-Type'], 'application/x-faultline-unsupported');
  assert.deepEqual(e('createDog.422').recipe?.request.json, { breed: 'beagle' }, 'a valid dog without its required name');
  assert.equal(e('listDogs.400').recipe?.request.query, undefined, 'the required limit is left out');
  assert.equal(e('putPhoto.413').recipe?.request.body, '{{pad:4097}}');
  assert.equal(e('listDogs.429').recipe?.repeat?.until, 429);
  assert.ok(e('listDogs.429').destructive);
  assert.match(e('listDogs.5xx').unprovokable!, /server fault/);
  assert.match(e('deleteDog.409').unprovokable!, /no rule to provoke a 409/);
  assert.equal(e('getDog.default').status instanceof Array, true);
  assert.ok(!(e('getDog.default').status as number[]).includes(404), 'default: every error status not listed');
  assert.deepEqual(Object.keys(summary.recipes).sort(), ['400/422', '401', '403', '404', '405', '406', '413', '415', '429', '5xx', 'other'].sort());
  assert.equal(e('listDogs.401').headers?.find((h) => h.name === 'WWW-Authenticate')?.matches, '^Bearer', 'a declared required header is kept with its pattern');
  assert.deepEqual(Object.keys(catalog.fixtures ?? {}), ['KENNEL_DOG_ID']);
});

test('re-import keeps hand edits, updates untouched entries, removes only untouched vanished ones', async () => {
  const src = readFileSync(DOCUMENTS[0]!.file, 'utf8');
  const docFile = join(tmp, 'kennel-v1.openapi.yaml');
  writeFileSync(docFile, src);
  const into = join(tmp, 'merge', 'kennel.yaml');
  mkdirSync(join(tmp, 'merge'), { recursive: true });
  await runImport(parseArgs([docFile, '--api', 'kennel', '--into', into]), never);
  // a hand edit of one entry, a hand-written entry, a comment
  let text = readFileSync(into, 'utf8');
  text = text.replace('GET: /dogs/2147480001', 'GET: /dogs/999999999').replace('entries:\n', 'entries:\n  # my own entry below\n');
  text += '\n  - id: kennel/hand-written\n    title: mine\n    doc: { anchor: /paths/~1dogs/get/responses/5XX, quote: The kennel is having trouble. }\n    status: 503\n    strength: must\n    body: { kind: undocumented, basis: mine }\n    unprovokable: written by hand for this test\n';
  writeFileSync(into, text);
  // the document changes: one description changes, one response disappears
  writeFileSync(docFile, src.replace('description: Dogs are registered as JSON only.', 'description: Dogs are registered as JSON, nothing else.').replace(/        '409':\n          description: The dog is still checked in and cannot be deleted.\n          content:\n            application\/problem\+json:\n              schema: \{ \$ref: '#\/components\/schemas\/Problem' \}\n/, ''));
  const out = await runImport(parseArgs([docFile, '--api', 'kennel', '--into', into]), never);
  assert.deepEqual(out.merge?.kept, ['kennel/getDog.404']);
  assert.deepEqual(out.merge?.updated, ['kennel/createDog.415']);
  assert.deepEqual(out.merge?.removed, ['kennel/deleteDog.409']);
  assert.deepEqual(out.merge?.orphaned, ['kennel/hand-written']);
  const after = readFileSync(into, 'utf8');
  assert.match(after, /GET: \/dogs\/999999999/);
  assert.match(after, /# my own entry below/);
  assert.match(after, /Dogs are registered as JSON, nothing else\./);
  assert.doesNotMatch(after, /deleteDog\.409/);
  assert.deepEqual(parseCatalog(after, into).issues, []);
  // a third import changes nothing
  const third = await runImport(parseArgs([docFile, '--api', 'kennel', '--into', into]), never);
  assert.equal(third.merge?.updated.length, 0);
  assert.equal(readFileSync(into, 'utf8'), after);
});

test('an existing file that is not this API\'s catalog is not clobbered without asking', async () => {
  mkdirSync(join(tmp, 'clobber'));
  const into = join(tmp, 'clobber', 'other.yaml');
  writeFileSync(into, 'api: someone-else\n');
  await assert.rejects(runImport(parseArgs([DOCUMENTS[0]!.file, '--api', 'kennel', '--into', into]), never), /not 'kennel'.*not overwritten/s);
  assert.equal(readFileSync(into, 'utf8'), 'api: someone-else\n');
  let asked = '';
  await runImport(parseArgs([DOCUMENTS[0]!.file, '--api', 'kennel', '--into', into]), async (q) => { asked = q; return true; });
  assert.match(asked, /Overwrite/);
  assert.match(readFileSync(into, 'utf8'), /^api: kennel$/m);
});

test('bad input: a clear message naming the file and the problem, nothing written', () => {
  const bad = join(tmp, 'broken.openapi.yaml');
  writeFileSync(bad, 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "404": {content: {}}\n');
  const into = join(tmp, 'broken.yaml');
  // through the faultline command, as a user runs it
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/faultline.ts', 'import', 'openapi', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const r = run([bad, '--into', into]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /broken\.openapi\.yaml: not a valid OpenAPI document/);
  assert.match(r.stderr, /description/);
  assert.ok(!existsSync(into));
  const missing = run([join(tmp, 'nope.yaml')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.yaml: cannot read: ENOENT/);
  const usage = run(['--api', 'Bad Name', bad]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--api Bad Name: an api name is lower case/);
});

test('petstore: a parameter travels as text, so only a number or boolean parameter is given the wrong type', async () => {
  const { catalog } = importOpenApi(await readOpenApi(DOCUMENTS[1]!.file), 'petstore');
  const e = (id: string) => catalog.entries.find((x) => x.id === `petstore/${id}`)!;
  assert.equal(e('updatePetWithForm.400').recipe?.request.path, '/pet/faultline-not-a-number', 'the integer petId, not the string name');
  assert.match(e('deleteUser.400').unprovokable ?? '', /no constraint a request could break/, 'a string username cannot be of the wrong type');
  assert.deepEqual(e('addPet.422').recipe?.request.json, { photoUrls: [] }, 'a valid pet without its required name');
  assert.equal(e('addPet.400').recipe?.request.body, '{"faultline": ', '400 beside a documented 422: a body that is not JSON');
});

test('Swagger 2.0 takes the same path: schemas on responses, printed examples, body parameters, an API key header', async () => {
  const file = join(ROOT, 'test/fixtures/openapi/inventory.swagger2.yaml');
  const { catalog, summary } = importOpenApi(await readOpenApi(file), 'inventory');
  assert.equal(summary.documented, 3);
  assert.deepEqual(parseCatalog(JSON.stringify(catalog), 'inventory.json').issues, []);
  assert.deepEqual(catalog.auth, { header: 'X-Api-Key', format: '{token}' });
  const e = (id: string) => catalog.entries.find((x) => x.id === `inventory/${id}`)!;
  assert.deepEqual(e('getItem.404').body, { kind: 'json', envelope: 'Error' });
  assert.deepEqual(JSON.parse(e('getItem.404').example as string), { code: 404, message: 'not found' });
  assert.deepEqual(e('addItem.422').recipe?.request.json, {}, 'the body parameter without its required name');
  assert.equal(e('getItem.401').recipe?.request.as, 'none');
  assert.equal(e('getItem.401').headers?.find((h) => h.name === 'WWW-Authenticate')?.challenge, 'auth', 'an undeclared challenge: one the auth accepts (RFC 9110)');
  // written through the command, it passes the quote lint too (Swagger 2.0 prints examples per media type)
  mkdirSync(join(tmp, 'swagger2'));
  const into = join(tmp, 'swagger2', 'inventory.yaml');
  await runImport(parseArgs([file, '--api', 'inventory', '--into', into]), never);
  const written = parseCatalog(readFileSync(into, 'utf8'), into).catalog!;
  assert.deepEqual(lintQuotes(written), []);
});
