/**
 * `faultline export openapi [--api name] [--out file|folder]`: the catalogs' error contracts as
 * OpenAPI 3.1, validated before it is written. With --api (or a single catalog) one document, to
 * --out or standard output; otherwise one document per catalog, `<api>.openapi.json`, in --out
 * (default reports/openapi/). A `.yaml` --out file is written as YAML.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadCatalogs } from '../load.js';
import { CatalogError } from '../catalog/issues.js';
import { catalogDir } from '../import/openapi/cli.js';
import { ExportError, exportCatalog, validateExport } from './openapi.js';

function atomicWrite(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export async function main(argv: string[]): Promise<number> {
  let api: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--api') api = argv[++i];
    else if (a.startsWith('--api=')) api = a.slice(6);
    else if (a === '--out') out = argv[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else { process.stderr.write(`faultline export openapi: unexpected argument ${a} (usage: faultline export openapi [--api name] [--out file|folder])\n`); return 2; }
  }
  try {
    const all = loadCatalogs(catalogDir());
    const chosen = api ? all.filter((c) => c.api === api) : all;
    if (api && chosen.length === 0) { process.stderr.write(`faultline export openapi: no catalog for api '${api}' (catalogs: ${all.map((c) => c.api).join(', ')})\n`); return 2; }
    const docs = [];
    for (const c of chosen) {
      const { document, notes } = exportCatalog(c);
      await validateExport(document);
      docs.push({ api: c.api, document, notes });
    }
    if (docs.length === 1) {
      const { document, notes } = docs[0]!;
      const text = out && /\.ya?ml$/.test(out) ? stringify(document, { lineWidth: 0 }) : JSON.stringify(document, null, 2) + '\n';
      if (out) atomicWrite(resolve(out), text); else process.stdout.write(text);
      for (const n of notes) process.stderr.write(`${n.id}: ${n.note}\n`);
      if (out) process.stderr.write(`wrote ${out}: ${Object.keys(document.paths as object).length} paths, valid OpenAPI 3.1\n`);
      return 0;
    }
    const dir = resolve(out ?? 'reports/openapi');
    mkdirSync(dir, { recursive: true });
    for (const d of docs) {
      atomicWrite(join(dir, `${d.api}.openapi.json`), JSON.stringify(d.document, null, 2) + '\n');
      process.stderr.write(`wrote ${join(dir, `${d.api}.openapi.json`)}: ${Object.keys(d.document.paths as object).length} paths${d.notes.length ? `, ${d.notes.length} entries under components/responses` : ''}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof CatalogError || err instanceof ExportError) { process.stderr.write(`faultline export openapi: ${err.message}\n`); return 1; }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
