/**
 * The catalog entries an API module answers with: one list of their slugs (the id after
 * `<api>/`) per module, checked against the catalog when the module is created, so a renamed or
 * removed entry stops the target at start instead of failing the first request that needs it.
 */
export interface EntrySet<S extends string> {
  api: string;
  slugs: readonly S[];
  /** the entry id of a slug: `<api>/<slug>` */
  id(slug: S): string;
  /** throws unless the catalog has every entry of the set */
  require(catalog: { entries: readonly { id: string }[] }): void;
}

export function entrySet<S extends string>(api: string, slugs: readonly S[]): EntrySet<S> {
  const id = (slug: S): string => `${api}/${slug}`;
  return {
    api,
    slugs,
    id,
    require(catalog) {
      const have = new Set(catalog.entries.map((e) => e.id));
      const lost = slugs.map(id).filter((x) => !have.has(x));
      if (lost.length) throw new Error(`${api} reference target: catalog lacks entries ${lost.join(', ')}`);
    },
  };
}
