/** The properties a list can be filtered and ordered by, with their types. */
export type FieldType = 'string' | 'guid' | 'number' | 'boolean' | 'date';
export type FieldSpec = Record<string, FieldType>;

/** The declared name of `name`, matched case-insensitively as awork's (.NET) filters do. */
export function resolveField(spec: FieldSpec, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(spec).find((k) => k.toLowerCase() === lower);
}

export class QueryError extends Error {
  constructor(readonly param: 'filterby' | 'orderby', message: string, readonly position?: number) {
    super(message);
  }

  get detail(): string {
    return `${this.param}: ${this.message}${this.position !== undefined ? ` (at position ${this.position})` : ''}`;
  }
}
