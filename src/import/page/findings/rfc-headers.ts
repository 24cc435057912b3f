/** A status whose response RFC 9110 requires to carry a header (401: WWW-Authenticate, 405: Allow) that the page never names. */
import type { Detector, Finding } from './types.js';

const REQUIRED: Record<number, { header: string; section: string }> = {
  401: { header: 'WWW-Authenticate', section: '15.5.2' },
  405: { header: 'Allow', section: '15.5.6' },
};

export const rfcHeaders: Detector = ({ page, found }) => {
  const text = page.blocks.map((b) => ('text' in b ? b.text : b.kind === 'table' ? [...(b.header ?? []), ...b.rows.flat()].map((c) => c.text).join(' ') : '')).join(' ');
  const out: Finding[] = [];
  for (const [status, { header, section }] of Object.entries(REQUIRED)) {
    const rows = found.rows.filter((r) => r.status === Number(status));
    // Case-sensitive and whole-word: "Not Allowed" does not name the Allow header.
    if (!rows.length || new RegExp(`\\b${header}\\b`).test(text) || rows.some((r) => r.headers.some((h) => h.name.toLowerCase() === header.toLowerCase()))) continue;
    out.push({ slug: `${status}-without-${header.toLowerCase()}`, kind: 'missing-information', rows, text: `The page documents ${status} but not the ${header} header RFC 9110 section ${section} requires with it.` });
  }
  return out;
};
