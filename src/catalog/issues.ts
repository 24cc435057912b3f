/** Catalog problems, each located in its file as `file:line:col message`. */

export interface CatalogIssue {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatIssue(i: CatalogIssue): string {
  return `${i.file}:${i.line}:${i.col} ${i.message}`;
}

/** Thrown when any catalog is invalid; carries every issue found, in file order. */
export class CatalogError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(`${issues.length} catalog error${issues.length === 1 ? '' : 's'}:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'CatalogError';
  }
}
