/** A curl command that repeats a request, with secrets redacted and shell-quoted safely. */
import type { Redactor } from './redact.js';
import type { SentRequest } from './sender.js';

function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(req: SentRequest, redactor: Redactor): string {
  const parts = ['curl', '-sS', '-i', '-X', req.method, q(redactor.text(req.url))];
  for (const [k, v] of Object.entries(redactor.headers(req.headers))) parts.push('-H', q(`${k}: ${v}`));
  if (req.body !== undefined) {
    const body = redactor.text(req.body.length > 2000 ? `${req.body.slice(0, 2000)}…(${req.body.length} bytes)` : req.body);
    parts.push('--data-binary', q(body));
  }
  return parts.join(' ');
}
