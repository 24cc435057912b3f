/**
 * The run's Allure writer (src/report/allure-writer.ts) writes every per-test file whole, under
 * its own name, with no temporary file left, and without the fsync per file that made the
 * library's writer block Playwright's runner.
 */
import assert from 'node:assert/strict';
import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';
import { UnsyncedAllureWriter } from '../../src/report/allure-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'fl-allure-writer-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes one test's files with `writer`; returns how many fsyncs that took. */
function writeOne(writer: FileSystemWriter, source: string): number {
  const real = fs.fsyncSync;
  let calls = 0;
  fs.fsyncSync = (fd: number): void => { calls++; real(fd); };
  syncBuiltinESMExports();
  try {
    writer.writeResult({ uuid: 'r1', name: 'cmix/not-found', status: 'failed' } as Parameters<FileSystemWriter['writeResult']>[0]);
    writer.writeGroup({ uuid: 'g1', children: ['r1'] } as unknown as Parameters<FileSystemWriter['writeGroup']>[0]);
    writer.writeAttachment('a1-attachment.json', Buffer.from('{"status":404}'));
    writer.writeAttachmentFromPath('a2-attachment.txt', source);
  } finally {
    fs.fsyncSync = real;
    syncBuiltinESMExports();
  }
  return calls;
}

test('per-test Allure files are written whole and without an fsync each', () => {
  const source = join(tmp, 'source.txt');
  writeFileSync(source, 'curl -sS -i http://127.0.0.1:9/x\n');
  const ours = join(tmp, 'ours');
  const library = join(tmp, 'library');
  assert.equal(writeOne(new UnsyncedAllureWriter({ resultsDir: ours }), source), 0, 'no fsync');
  assert.ok(writeOne(new FileSystemWriter({ resultsDir: library }), source) >= 4, 'the library writer fsyncs each file (what this replaces)');
  assert.deepEqual(readdirSync(ours).sort(), readdirSync(library).sort(), 'the same files, no temporary ones left');
  for (const f of readdirSync(ours)) assert.equal(readFileSync(join(ours, f), 'utf8'), readFileSync(join(library, f), 'utf8'), `${f}: the same content`);
});
