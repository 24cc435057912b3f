/** `npm run test:unit` leaves out exactly the files that start whole suite runs; `npm test` runs all. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { testFiles } from '../../scripts/test-files.js';

const root = mkdtempSync(join(tmpdir(), 'faultline-testfiles-'));
after(() => rmSync(root, { recursive: true, force: true }));
// Built from parts so this file's own source does not look like a suite-running test.
const call = (name: string, args: string): string => `const run = await ${name}(${args});\n`;
const files: Record<string, string> = {
  'test/a/pure.test.ts': "test('x', () => assert.equal(1, 1));\n",
  'test/a/suite.test.ts': call('run' + 'Suite', '{ FAULTLINE_REPORTS_DIR: dir }'),
  'test/b/report.test.ts': call('play' + 'wright', "['test', '--project=cmix'], {}"),
  'test/b/mentions.test.ts': '// talks about playwright and runSuite in prose only\n',
  'test/b/helper.ts': 'export const x = 1;\n',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

test('npm test runs every *.test.ts, sorted', () => {
  assert.deepEqual(testFiles(root, [], false), ['test/a/pure.test.ts', 'test/a/suite.test.ts', 'test/b/mentions.test.ts', 'test/b/report.test.ts']);
});

test('test:unit leaves out files that start suite runs (runSuite or playwright calls)', () => {
  assert.deepEqual(testFiles(root, [], true), ['test/a/pure.test.ts', 'test/b/mentions.test.ts']);
});

test('name fragments select a subset in both modes', () => {
  assert.deepEqual(testFiles(root, ['b/'], false), ['test/b/mentions.test.ts', 'test/b/report.test.ts']);
  assert.deepEqual(testFiles(root, ['suite', 'pure'], true), ['test/a/pure.test.ts']);
});
