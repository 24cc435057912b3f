/**
 * Field validation of request bodies and query parameters. The page splits the failures in
 * two: a request "missing required parameters" is 400, input that "did not pass validations"
 * is 422 with failedValidations. Both name every field at once, so a client can fix all.
 */
import type { Json } from '../../../src/catalog/types.js';
import { cmixError, type FailedValidation } from './errors.js';

export class Fields {
  private readonly missing: string[] = [];
  private readonly failed: FailedValidation[] = [];

  constructor(private readonly values: Record<string, Json | undefined>) {}

  /** A value from `values`, recording it as missing when required and absent. */
  private get(name: string, required: boolean): Json | undefined {
    const v = this.values[name];
    if ((v === undefined || v === null) && required) this.missing.push(name);
    return v === null ? undefined : v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], required = true): T | undefined {
    const v = this.get(name, required);
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.fail(name, `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  boolean(name: string, required = true): boolean | undefined {
    const v = this.get(name, required);
    if (v === undefined || typeof v === 'boolean') return v;
    this.fail(name, 'must be true or false');
    return undefined;
  }

  text(name: string, maxLength: number, required = true): string | undefined {
    const v = this.get(name, required);
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() !== '' && v.length <= maxLength) return v;
    this.fail(name, `must be a non-empty string of at most ${maxLength} characters`);
    return undefined;
  }

  integer(name: string, required = true): number | undefined {
    const v = this.get(name, required);
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
    this.fail(name, 'must be a positive integer');
    return undefined;
  }

  fail(field: string, message: string): void {
    this.failed.push({ field, message });
  }

  /** Throws 400 for missing fields, else 422 for invalid ones; returns when all passed. */
  done(): void {
    if (this.missing.length) {
      throw cmixError('bad-request', `Missing required parameters: ${this.missing.join(', ')}.`,
        this.missing.map((field) => ({ field, message: 'is required' })));
    }
    if (this.failed.length) {
      throw cmixError('unprocessable-entity', `${this.failed.length} field(s) did not pass validation.`, this.failed);
    }
  }
}
