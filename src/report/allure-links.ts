/**
 * allure-playwright turns static annotations other than `allure.*`, `issue`, `tms` and
 * `description` into passed steps, and `allure.link.*` annotations into labels, not links. So the
 * entry's `doc` and `quote` annotations arrive as steps named "doc: <url>" and "quote: <text>".
 * Before rendering we turn them into what they are: a link to the documentation and the
 * description, so Allure shows the citation without an in-test runtime call.
 */

interface AllureStep { name?: string; steps?: AllureStep[] }
export interface AllureResult {
  steps?: AllureStep[];
  links?: { type?: string; name?: string; url: string }[];
  description?: string;
  [key: string]: unknown;
}

const PREFIX = { doc: 'doc: ', quote: 'quote: ' } as const;

export function citeDocs(r: AllureResult): AllureResult {
  const steps = r.steps ?? [];
  const doc = steps.find((s) => s.name?.startsWith(PREFIX.doc))?.name?.slice(PREFIX.doc.length);
  const quote = steps.find((s) => s.name?.startsWith(PREFIX.quote))?.name?.slice(PREFIX.quote.length);
  if (!doc && !quote) return r;
  const links = [...(r.links ?? [])];
  if (doc && !links.some((l) => l.url === doc)) links.push({ type: 'doc', name: 'documentation', url: doc });
  return {
    ...r,
    steps: steps.filter((s) => !s.name?.startsWith(PREFIX.doc) && !s.name?.startsWith(PREFIX.quote)),
    links,
    ...(quote && !r.description ? { description: `> ${quote}${doc ? `\n\n[${doc}](${doc})` : ''}` } : {}),
  };
}
