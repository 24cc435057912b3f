/**
 * Model validation: collects every violation of a body before answering, as the page promises
 * ("ValidationErrors: If the model validation failed, all violations are listed here").
 * Property names are PascalCase and messages follow the page's example ("'Name' should not be
 * empty."). Only shape and format are checked here; ranges, dates that contradict each other,
 * duplicates and references are checked afterwards and have codes of their own.
 */
import type { Json } from '../../../src/catalog/types.js';
import type { JsonObject } from './body.js';
import { isDate } from './dates.js';
import type { ApiError } from '../../http.js';
import { fail, type ValidationError } from './fail.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isGuid = (s: string): boolean => GUID.test(s);

export class Check {
  readonly errors: ValidationError[] = [];

  /** `prefix` names the item inside a list, e.g. `[2].` */
  constructor(private readonly body: JsonObject, private readonly prefix = '') {}

  property(key: string): string {
    return this.prefix + key[0]!.toUpperCase() + key.slice(1);
  }

  add(key: string, message: string): undefined {
    const p = this.property(key);
    this.errors.push({ property: p, message: message.replace('{p}', `'${p.replace(/^\[\d+\]\./, '')}'`) });
    return undefined;
  }

  private present(key: string, required: boolean): Json | undefined {
    const v = this.body[key];
    if (v === undefined || v === null || v === '') {
      if (required) this.add(key, '{p} should not be empty.');
      return undefined;
    }
    return v;
  }

  string(key: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.present(key, opts.required ?? false);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return this.add(key, '{p} must be a string.');
    if (opts.required && !v.trim()) return this.add(key, '{p} should not be empty.');
    if (opts.max !== undefined && v.length > opts.max) return this.add(key, `{p} must be ${opts.max} characters or fewer. You entered ${v.length} characters.`);
    return v;
  }

  guid(key: string, opts: { required?: boolean } = {}): string | undefined {
    const v = this.string(key, opts);
    if (v !== undefined && !isGuid(v)) return this.add(key, '{p} must be a valid GUID.');
    return v?.toLowerCase();
  }

  email(key: string, opts: { required?: boolean } = {}): string | undefined {
    const v = this.string(key, { ...opts, max: 254 });
    if (v !== undefined && !EMAIL.test(v)) return this.add(key, '{p} is not a valid email address.');
    return v;
  }

  oneOf<T extends string>(key: string, values: readonly T[], opts: { required?: boolean } = {}): T | undefined {
    const v = this.string(key, opts);
    if (v !== undefined && !values.includes(v as T)) return this.add(key, `{p} must be one of: ${values.join(', ')}.`);
    return v as T | undefined;
  }

  integer(key: string): number | undefined {
    const v = this.present(key, false);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return this.add(key, '{p} must be a whole number.');
    return v;
  }

  boolean(key: string, opts: { required?: boolean } = {}): boolean | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) {
      if (opts.required) this.add(key, '{p} should not be empty.');
      return undefined;
    }
    if (typeof v !== 'boolean') return this.add(key, '{p} must be true or false.');
    return v;
  }

  /** An ISO 8601 date or date-time; its range is judged later (date-out-of-range). */
  date(key: string): string | undefined {
    const v = this.string(key);
    if (v !== undefined && !isDate(v)) return this.add(key, '{p} must be an ISO 8601 date, e.g. 2030-01-31T00:00:00Z.');
    return v;
  }

  /** Throw validation-failed when anything was collected. */
  done(): void {
    if (this.errors.length) throw failed(this.errors);
  }
}

export function failed(errors: ValidationError[]): ApiError {
  return fail('validation-failed', 'The model sent in the request is invalid. See the validation errors for details.', { validationErrors: errors });
}
