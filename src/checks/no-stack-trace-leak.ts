/**
 * no_stack_trace_leak: error bodies do not expose stack traces (RFC 9457 section 5 warns against
 * leaking implementation details). Reads every string of a JSON body, else the text.
 */
import type { Json } from '../catalog/types.js';
import type { Judge } from './types.js';

const PATTERNS: [string, RegExp][] = [
  ['a JavaScript stack frame', /(^|\n)\s*at (\S+ \()?(\/|node:|file:|[A-Za-z]:\\)[^\s()]*:\d+:\d+\)?/],
  ['a Java stack frame', /(^|\n)\s*at [\w$.]+\([\w$]+\.(java|kt|scala):\d+\)/],
  ['a Python traceback', /Traceback \(most recent call last\)/],
  ['a .NET stack frame', /(^|\n)\s*at [\w.`<>]+\(.*\) in [^\n]+:line \d+/],
  ['a Go panic', /goroutine \d+ \[running\]/],
  ['a PHP stack trace', /#\d+ \/[^\n]+\.php\(\d+\)/],
];

function strings(v: Json, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

export const noStackTrace: Judge = (x) => {
  const texts = x.body !== null && typeof x.body === 'object' ? strings(x.body) : [x.text];
  for (const text of texts) {
    for (const [what, re] of PATTERNS) {
      const m = re.exec(text);
      if (!m) continue;
      const frame = m[0].trim().slice(0, 160);
      return [{
        pointer: '/body',
        expected: 'no stack trace',
        actual: frame,
        message: `the body leaks ${what}: ${frame}`,
      }];
    }
  }
  return [];
};
