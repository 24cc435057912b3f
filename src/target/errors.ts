/**
 * A target that is down, slow, or not speaking HTTP is a harness-level outcome (`error`), not a
 * violation: this classifies the transport failure into a cause a person understands.
 */
export class TargetError extends Error {
  constructor(readonly cause_: string, readonly url: string, detail: string) {
    super(`${cause_} (${url}): ${detail}`);
    this.name = 'TargetError';
  }
}

export function classifyTransportError(err: unknown, url: string, timeoutMs: number): TargetError {
  const msg = err instanceof Error ? err.message : String(err);
  const rules: [RegExp, string][] = [
    [/ECONNREFUSED/i, 'target unreachable: connection refused'],
    [/Timeout \d+ms exceeded|timed out|ETIMEDOUT/i, `target did not answer within ${timeoutMs} ms`],
    [/ECONNRESET/i, 'target reset the connection'],
    [/socket hang up/i, 'target closed the connection without answering'],
    // Node reports "aborted" once headers have arrived and the body ends early: a reset mid-body
    // and a clean close short of Content-Length look the same from here, so name both.
    [/\baborted\b/i, 'target closed the connection before the response was complete (reset mid-body, or fewer body bytes than its Content-Length declared)'],
    [/redirect/i, 'target redirects in a loop (too many redirects)'],
    [/ENOTFOUND|EAI_AGAIN/i, 'target host name does not resolve'],
    [/Parse Error|HPE_|invalid.*(header|status)|content-length/i, 'target did not answer valid HTTP'],
  ];
  const hit = rules.find(([re]) => re.test(msg));
  return new TargetError(hit ? hit[1] : 'request to the target failed', url, msg.split('\n')[0] ?? msg);
}
