/**
 * The Allure results writer the run uses: allure-js-commons' FileSystemWriter, except that the
 * per-test files (results, containers, attachments) are written without an fsync. Its writer
 * forces every file to the disk before going on, synchronously, in Playwright's runner process:
 * measured at 1,000 entries all violating, that was 8.8 s of the runner's 20.5 s, blocking the
 * runner while the workers waited. Each file is still written under a temporary name and renamed
 * into place, so a reader never sees half a file; only durability across a power cut is given
 * up, which a report folder written anew by every run does not need. The once-per-run files
 * (environment, categories, globals) keep the library's writing.
 *
 * The per-test files are also written asynchronously (Node's thread pool), not by the runner's
 * own thread: at 10,000 entries the synchronous writes kept the runner's one thread busy while
 * the workers' messages queued behind them (see README, Performance, "Scale"). `settled()` waits
 * for every write and rethrows the first failure; the reporter awaits it before the run ends, so
 * the results folder is complete when Playwright exits, as before.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';

export class UnsyncedAllureWriter extends FileSystemWriter {
  private readonly dir: string;
  private made = false;
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;

  constructor(config: { resultsDir: string }) {
    super(config);
    this.dir = config.resultsDir;
  }

  private target(name: string): { path: string; tmp: string } {
    if (!this.made) { mkdirSync(this.dir, { recursive: true }); this.made = true; }
    const path = join(this.dir, name);
    return { path, tmp: join(dirname(path), `.allure-write-${randomUUID()}.tmp`) };
  }

  /** Writes `content` under a temporary name and renames it into place, without blocking the runner. */
  private publish(name: string, content: string | Buffer): void {
    const { path, tmp } = this.target(name);
    const done: Promise<void> = writeFile(tmp, content)
      .then(() => rename(tmp, path))
      .catch(async (err: unknown) => { this.failure ??= err; await rm(tmp, { force: true }); })
      .finally(() => { this.pending.delete(done); });
    this.pending.add(done);
  }

  /** Every per-test file written so far is in place; the first write that failed is thrown. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
    if (this.failure !== undefined) throw this.failure;
  }

  override writeResult(result: Parameters<FileSystemWriter['writeResult']>[0]): void {
    this.publish(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  override writeGroup(result: Parameters<FileSystemWriter['writeGroup']>[0]): void {
    this.publish(`${result.uuid}-container.json`, JSON.stringify(result));
  }

  override writeAttachment(distFileName: string, content: Buffer): void {
    this.publish(distFileName, content);
  }

  // copied at once: the source may be a test's output file that Playwright removes later
  override writeAttachmentFromPath(distFileName: string, from: string): void {
    const { path, tmp } = this.target(distFileName);
    try {
      copyFileSync(from, tmp);
      renameSync(tmp, path);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }
}
