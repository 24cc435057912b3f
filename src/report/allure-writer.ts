/**
 * The Allure results writer the run uses: allure-js-commons' FileSystemWriter, except that the
 * per-test files (results, containers, attachments) are written without an fsync. Its writer
 * forces every file to the disk before going on, synchronously, in Playwright's runner process:
 * measured at 1,000 entries all violating, that was 8.8 s of the runner's 20.5 s, blocking the
 * runner while the workers waited. Each file is still written under a temporary name and renamed
 * into place, so a reader never sees half a file; only durability across a power cut is given
 * up, which a report folder written anew by every run does not need. The once-per-run files
 * (environment, categories, globals) keep the library's writing.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';

export class UnsyncedAllureWriter extends FileSystemWriter {
  private readonly dir: string;
  private made = false;

  constructor(config: { resultsDir: string }) {
    super(config);
    this.dir = config.resultsDir;
  }

  private publish(name: string, write: (tmp: string) => void): void {
    if (!this.made) { mkdirSync(this.dir, { recursive: true }); this.made = true; }
    const path = join(this.dir, name);
    const tmp = join(dirname(path), `.allure-write-${randomUUID()}.tmp`);
    try {
      write(tmp);
      renameSync(tmp, path);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }

  override writeResult(result: Parameters<FileSystemWriter['writeResult']>[0]): void {
    this.publish(`${result.uuid}-result.json`, (tmp) => writeFileSync(tmp, JSON.stringify(result)));
  }

  override writeGroup(result: Parameters<FileSystemWriter['writeGroup']>[0]): void {
    this.publish(`${result.uuid}-container.json`, (tmp) => writeFileSync(tmp, JSON.stringify(result)));
  }

  override writeAttachment(distFileName: string, content: Buffer): void {
    this.publish(distFileName, (tmp) => writeFileSync(tmp, content));
  }

  override writeAttachmentFromPath(distFileName: string, from: string): void {
    this.publish(distFileName, (tmp) => copyFileSync(from, tmp));
  }
}
