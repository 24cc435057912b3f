/** A row whose status contradicts the `status` its own example shows. */
import { exampleMember, statusKey } from '../text.js';
import type { Detector, Finding } from './types.js';

export const statusMismatch: Detector = ({ found }) => {
  const out: Finding[] = [];
  for (const r of found.rows) {
    if (r.example === undefined || r.status === undefined || typeof r.status !== 'number') continue;
    const shown = exampleMember(r.example, 'status');
    if (typeof shown !== 'number' || shown === r.status) continue;
    out.push({ slug: `${(r.code ?? `row-${r.order + 1}`).toLowerCase()}-status-${statusKey(r.status)}-vs-${shown}`, kind: 'contradiction', rows: [r], text: `The ${r.code ?? r.statusText ?? 'row'} row documents status ${r.status}, but its example shows "status": ${shown}.` });
  }
  return out;
};
