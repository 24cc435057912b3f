/** `faultline import page`: read a capture, find its rows, detect its defects, write a draft catalog. */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { buildDraft, type Draft } from './draft.js';
import { findRows, type Found } from './find.js';
import { detectFindings, type Finding } from './findings/index.js';
import type { Page } from './model.js';
import { readCapture } from './read/index.js';

export interface ImportResult { page: Page; found: Found; findings: Finding[]; draft: Draft }

export interface ImportOptions {
  api?: string | undefined;
  url?: string | undefined;
  /** Where the draft will be written: `page.capture` is made relative to its folder (default: the working folder). */
  out?: string | undefined;
}

export function importPage(bytes: Buffer, capture: string, opts: ImportOptions = {}): ImportResult {
  const page = readCapture(bytes, capture);
  const found = findRows(page);
  const findings = detectFindings({ page, found });
  const from = opts.out ? dirname(resolve(opts.out)) : process.cwd();
  const rel = relative(from, resolve(capture)).split(sep).join('/');
  const draft = buildDraft(found, findings, { api: opts.api ?? apiFromFile(capture), url: opts.url, capture: rel, title: page.title });
  return { page, found, findings, draft };
}

/** An api name from the capture's file name (`errors.html` -> `errors`; names must start with a letter). */
export function apiFromFile(file: string): string {
  const stem = basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(stem) ? stem : `page-${stem || 'import'}`;
}
