/** 401 described as missing permissions: RFC 9110 gives 401 to missing or invalid credentials, 403 to missing permissions. */
import type { Detector, Finding } from './types.js';

export const permissionAs401: Detector = ({ found }) => {
  const out: Finding[] = [];
  for (const r of [...found.rows, ...found.context]) {
    if (r.status !== 401 || !/\b(permissions?|privileges?)\b/i.test(r.text)) continue;
    out.push({ slug: '401-described-as-permissions', kind: 'contradiction', rows: found.rows.includes(r) ? [r] : [], text: `The 401 row says "${r.text}". RFC 9110 section 15.5.2 gives 401 to requests without valid credentials; lacking permissions is 403 (section 15.5.4).` });
  }
  return out;
};
