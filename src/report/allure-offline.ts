/**
 * Makes Allure 3's awesome report private and offline: its template always includes Google Tag
 * Manager (an external script plus an inline `gtag(...)` call with the report's uuid). We remove
 * both, and list any external reference left so a changed template fails loudly, not silently.
 */

const GTM_LOADER = /<script\b[^>]*\bsrc="https:\/\/www\.googletagmanager\.com\/[^"]*"[^>]*>\s*<\/script>/g;
const GTAG_INLINE = /<script>(?:(?!<\/script>)[\s\S])*?\bgtag\((?:(?!<\/script>)[\s\S])*<\/script>/g;

export function stripTracking(html: string): string {
  return html.replace(GTM_LOADER, '').replace(GTAG_INLINE, '');
}

/** External things the page would load or call: src/href to http(s), and known trackers. */
export function externalReferences(html: string): string[] {
  const refs = new Set<string>();
  for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["'](https?:\/\/[^"']+)["']/gi)) refs.add(m[1]!);
  for (const m of html.matchAll(/googletagmanager\.com|google-analytics\.com|\bgtag\(/g)) refs.add(m[0]);
  return [...refs];
}
