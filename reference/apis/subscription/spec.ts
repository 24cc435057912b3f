/**
 * The body of create (POST) and update (PUT): `{name, callbackInfo, configurations?}`.
 * name: 1..1024 characters, none of the special characters below; configurations: only
 * SKIP_ERRORS (docs/apis.md). A body that is not JSON at all is an undocumented 400.
 */
import type { Json } from '../../../src/catalog/types.js';
import { mediaType, header, parseJsonBody, type RefRequest } from '../../http.js';
import { callbackInfo } from './callback.js';
import { fail, missing, problemReply, sizeViolation, unsupportedValue } from './errors.js';
import type { SubscriptionSpec } from './state.js';

export const MAX_NAME = 1024;
/** Characters a subscription name may not hold: markup, quoting, shell and template syntax, controls. */
export const SPECIAL = /[<>{}[\]$%^*;"\\|~`\u0000-\u001f\u007f]/;
const CONFIGURATIONS = ['SKIP_ERRORS'];

function body(req: RefRequest): Json | undefined {
  if (req.truncated) throw problemReply(413, 'Payload too large.', 'The request body is larger than this target accepts.');
  const type = mediaType(header(req, 'content-type'));
  if (req.raw.length && type !== undefined && type !== 'application/json' && !type.endsWith('+json')) {
    throw problemReply(415, 'Unsupported media type.', `Content type '${type}' is not supported; send application/json.`);
  }
  try {
    return parseJsonBody(req);
  } catch {
    throw problemReply(400, 'Malformed request body.', 'The request body is not valid JSON.');
  }
}

function name(v: Json | undefined): string {
  if (v === undefined || v === null) throw missing('name');
  if (typeof v !== 'string') throw unsupportedValue('name');
  if (v.length < 1 || v.length > MAX_NAME) throw sizeViolation('name', 1, MAX_NAME);
  if (SPECIAL.test(v)) throw fail('SUBSCRIPTION_INVALID_NAME');
  return v;
}

function configurations(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw unsupportedValue('configurations');
  for (const c of v) if (typeof c !== 'string' || !CONFIGURATIONS.includes(c)) throw unsupportedValue('configurations');
  return [...new Set(v as string[])];
}

export function subscriptionSpec(req: RefRequest): SubscriptionSpec {
  const doc = body(req);
  const o = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc : {};
  return { name: name(o.name), callbackInfo: callbackInfo(o.callbackInfo), configurations: configurations(o.configurations) };
}
