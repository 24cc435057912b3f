/** `npm run import:page:compare [catalog dir]`: the importer against the hand-made catalogs, as a table, then every miss. */
import { DEFAULT_CATALOG_DIR } from '../../load.js';
import { compareAll, formatTable } from './compare.js';

const scores = compareAll(process.argv[2] ?? DEFAULT_CATALOG_DIR);
if (!scores.length) { process.stderr.write('no catalog with a captured page at hand\n'); process.exit(1); }
process.stdout.write(`${formatTable(scores)}\n`);
const misses = scores.flatMap((s) => s.misses);
if (misses.length) process.stdout.write(`\nWhat the importer still gets wrong:\n${misses.map((m) => `- ${m}`).join('\n')}\n`);
