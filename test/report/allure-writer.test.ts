/**
 * The run's Allure writer (src/report/allure-writer.ts) writes every per-test file whole, under
 * its own name, with no temporary file left, without the fsync per file that made the library's
 * writer block Playwright's runner, and off the runner's thread until settled().
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

/** Writes one test's files with `writer` (and waits until they are in place); returns how many fsyncs that took. */
async function writeOne(writer: FileSystemWriter, source: string): Promise<number> {
  const real = fs.fsyncSync;
  let calls = 0;
  fs.fsyncSync = (fd: number): void => { calls++; real(fd); };
  syncBuiltinESMExports();
  try {
    writer.writeResult({ uuid: 'r1', name: 'cmix/not-found', status: 'failed' } as Parameters<FileSystemWriter['writeResult']>[0]);
    writer.writeGroup({ uuid: 'g1', children: ['r1'] } as unknown as Parameters<FileSystemWriter['writeGroup']>[0]);
    writer.writeAttachment('a1-attachment.json', Buffer.from('{"status":404}'));
    writer.writeAttachmentFromPath('a2-attachment.txt', source);
    if (writer instanceof UnsyncedAllureWriter) await writer.settled();
  } finally {
    fs.fsyncSync = real;
    syncBuiltinESMExports();
  }
  return calls;
}

test('per-test Allure files are written whole and without an fsync each', async () => {
  const source = join(tmp, 'source.txt');
  writeFileSync(source, 'curl -sS -i http://127.0.0.1:9/x\n');
  const ours = join(tmp, 'ours');
  const library = join(tmp, 'library');
  assert.equal(await writeOne(new UnsyncedAllureWriter({ resultsDir: ours }), source), 0, 'no fsync');
  assert.ok(await writeOne(new FileSystemWriter({ resultsDir: library }), source) >= 4, 'the library writer fsyncs each file (what this replaces)');
  assert.deepEqual(readdirSync(ours).sort(), readdirSync(library).sort(), 'the same files, no temporary ones left');
  for (const f of readdirSync(ours)) assert.equal(readFileSync(join(ours, f), 'utf8'), readFileSync(join(library, f), 'utf8'), `${f}: the same content`);
});

test('a result is written off the caller\'s thread: not there when writeResult returns, in place once settled', async () => {
  const dir = join(tmp, 'async');
  const writer = new UnsyncedAllureWriter({ resultsDir: dir });
  writer.writeResult({ uuid: 'r2', name: 'cmix/not-found', status: 'passed' } as Parameters<FileSystemWriter['writeResult']>[0]);
  // the rename into place needs the event loop: a synchronous writer would have it there already
  assert.ok(!readdirSync(dir).includes('r2-result.json'), 'not in place when writeResult returns');
  await writer.settled();
  assert.deepEqual(readdirSync(dir), ['r2-result.json']);
  assert.equal(JSON.parse(readFileSync(join(dir, 'r2-result.json'), 'utf8')).name, 'cmix/not-found');
});

test('a write that fails is thrown by settled(), and leaves no temporary file', async () => {
  const dir = join(tmp, 'failing');
  const writer = new UnsyncedAllureWriter({ resultsDir: dir });
  writer.writeResult({ uuid: 'r3', name: 'x', status: 'passed' } as Parameters<FileSystemWriter['writeResult']>[0]);
  await writer.settled();
  // a folder where the next result's file would go: its rename fails
  fs.mkdirSync(join(dir, 'r4-result.json', 'inside'), { recursive: true });
  writer.writeResult({ uuid: 'r4', name: 'y', status: 'passed' } as Parameters<FileSystemWriter['writeResult']>[0]);
  await assert.rejects(writer.settled(), /r4-result\.json/);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
});
