/**
 * An entry's documented status, normalised once by the loader: a set of codes (`404`,
 * `[400, 422]`) or a class (`5xx`). Everything downstream asks it, never the written form:
 * `allows(code)` for the judgement, `codes`/`hundreds` for what must list them (the generated
 * schema, OpenAPI export), `labels` for tags, `toString()` for people.
 */

/** What a catalog writes: one code, a list of codes, or a class like `4xx`. */
export type StatusInFile = number | number[] | string;

export class Status {
  private constructor(
    /** the documented codes, in the catalog's order; empty for a class */
    readonly codes: readonly number[],
    /** the class's first digit (5 for `5xx`); undefined for a set of codes */
    readonly hundreds: number | undefined,
    /** the written form, kept for what writes the catalog back (and conformance.json) */
    private readonly written: StatusInFile,
  ) {}

  /** The loader's one interpretation of a written status (the meta-schema has checked its shape). */
  static of(written: StatusInFile | Status): Status {
    if (written instanceof Status) return written;
    if (typeof written === 'number') return new Status([written], undefined, written);
    if (Array.isArray(written)) return new Status([...written], undefined, [...written]);
    const m = /^([1-5])xx$/.exec(written);
    if (!m) throw new Error(`not a status: '${written}' (a code 100-599, a list of codes, or a class like 4xx)`);
    return new Status([], Number(m[1]), written);
  }

  /** Whether the entry documents `code`. */
  allows(code: number): boolean {
    return this.hundreds !== undefined ? Math.floor(code / 100) === this.hundreds : this.codes.includes(code);
  }

  /** True when the status was written as a list (even a list of one). */
  get isList(): boolean {
    return Array.isArray(this.written);
  }

  /** A code the status allows: the first listed, or the class's x00 (what a server answering it sends). */
  get sample(): number {
    return this.hundreds !== undefined ? this.hundreds * 100 : this.codes[0]!;
  }

  /** One label per code (`409`, `412`), or the class (`5xx`): the `@status:` tags. */
  get labels(): string[] {
    return this.hundreds !== undefined ? [`${this.hundreds}xx`] : this.codes.map(String);
  }

  /** The printable form: `404`, `409 | 412`, `5xx`. */
  toString(): string {
    return this.labels.join(' | ');
  }

  /** The written form: what the catalog says, what conformance.json and the loader's cache hold. */
  toJSON(): StatusInFile {
    return Array.isArray(this.written) ? [...this.written] : this.written;
  }
}
