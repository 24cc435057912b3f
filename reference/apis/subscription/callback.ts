/**
 * callbackInfo validation: the URI must be https (the only protocol), parse, and not point into
 * the provider's own network (SSRF: loopback, private, link-local, `localhost`); hosts under
 * `.invalid` (RFC 6761) stand for callbacks Celonis cannot reach. Nothing here resolves a name
 * or opens a connection. Then the callback headers: allowed names only, each with a name and a
 * value, at most MAX_HEADERS of them and MAX_HEADER_BYTES in total.
 */
import { BlockList, isIP } from 'node:net';
import type { Json } from '../../../src/catalog/types.js';
import { fail, missing } from './errors.js';
import type { CallbackInfo } from './state.js';

/** The count limit is not published; this target's choice. */
export const MAX_HEADERS = 10;
/** names and values together, in bytes (public OpenAPI) */
export const MAX_HEADER_BYTES = 8192;
const ALLOWED = new Set(['authorization', 'content-type', 'user-agent', 'host', 'accept']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

const BLOCKED = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

const isObject = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when the host names the provider's own machine or network (IPv4-mapped IPv6 included). */
export function ssrfRisk(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === '' || host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  return family !== 0 && BLOCKED.check(host, family === 6 ? 'ipv6' : 'ipv4');
}

function headers(v: Json | undefined): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw fail('NON_ALLOWED_HEADER_FOUND');
  const list = Object.entries(v);
  if (list.length > MAX_HEADERS) throw fail('HEADER_LIMIT_EXCEEDED');
  let bytes = 0;
  for (const [name, value] of list) {
    if (typeof value !== 'string') throw fail('NON_ALLOWED_HEADER_FOUND');
    if (name.trim() === '' || value.trim() === '') throw fail('SUBSCRIPTION_EMPTY_HEADER');
    if (!TOKEN.test(name) || !ALLOWED.has(name.toLowerCase()) || CONTROL.test(value)) throw fail('NON_ALLOWED_HEADER_FOUND');
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  if (bytes > MAX_HEADER_BYTES) throw fail('HEADER_LIMIT_SIZE_EXCEEDED');
  return Object.fromEntries(list) as Record<string, string>;
}

export function callbackInfo(v: Json | undefined): CallbackInfo {
  if (!isObject(v)) throw missing('callbackInfo');
  const uri = v.uri;
  if (uri === undefined || uri === null || uri === '') throw missing('callbackInfo.uri');
  if (v.protocol !== undefined && v.protocol !== 'HTTPS') throw fail('SUBSCRIPTION_URI_ILLEGAL');
  let url: URL;
  try {
    if (typeof uri !== 'string') throw new TypeError('not a string');
    url = new URL(uri);
  } catch {
    throw fail('URI_VALIDATION_ERROR');
  }
  if (url.protocol !== 'https:') throw fail('SUBSCRIPTION_URI_ILLEGAL');
  if (url.username || url.password || ssrfRisk(url.hostname)) throw fail('URI_VALIDATION_ERROR');
  const checked = headers(v.headers);
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  if (host === 'invalid' || host.endsWith('.invalid')) throw fail('SUBSCRIPTION_CALLBACK_FAILED');
  return { uri, protocol: 'HTTPS', headers: checked };
}
