/** Every detector of the page's own defects, run in a fixed order. */
import { codeLost } from './code-lost.js';
import { conflictingRows } from './conflicting-rows.js';
import { duplicateRow } from './duplicate-row.js';
import { invalidExample } from './invalid-example.js';
import { missingExample } from './missing-example.js';
import { missingField } from './missing-field.js';
import { nestedStatusHeadings } from './nested-status-headings.js';
import { permissionAs401 } from './permission-as-401.js';
import { placeholder } from './placeholder.js';
import { rfcHeaders } from './rfc-headers.js';
import { sameCause } from './same-cause.js';
import { sharedTitles } from './shared-titles.js';
import { statusMismatch } from './status-mismatch.js';
import type { Detector, Finding, PageFacts } from './types.js';

export const DETECTORS: Detector[] = [
  invalidExample, duplicateRow, conflictingRows, sameCause, statusMismatch, placeholder, missingField,
  sharedTitles, codeLost, nestedStatusHeadings, rfcHeaders, missingExample, permissionAs401,
];

export function detectFindings(facts: PageFacts): Finding[] {
  const out: Finding[] = [];
  const slugs = new Set<string>();
  for (const d of DETECTORS) for (const f of d(facts)) {
    let slug = f.slug;
    for (let n = 2; slugs.has(slug); n++) slug = `${f.slug}-${n}`;
    slugs.add(slug);
    out.push({ ...f, slug });
  }
  return out;
}

export type { Finding } from './types.js';
