/**
 * no_stack_trace_leak: error bodies do not expose stack traces (RFC 9457 section 5 warns against
 * leaking implementation details). Reads every string of a JSON body, else the text, each as it
 * is and as a person would read it: HTML entities and `<br>` decoded (Express's default error
 * page: `<br> &nbsp; &nbsp;at parse (/app/node_modules/body-parser/lib/types/json.js:89:19)`) and
 * escaped line breaks (`\n` inside a JSON text that was not parsed) turned into real ones. Frames
 * are found wherever they stand, so a stack joined into one line is found too.
 */
import type { Json } from '../catalog/types.js';
import type { Judge } from './types.js';

/** Where a frame may start: the text's start, white space, or punctuation that precedes one in markup or JSON. */
const B = String.raw`(?:^|[\s>;,("'\[])`;

const PATTERNS: [string, RegExp][] = [
  // at fn (/srv/app.js:1:2) · at /srv/app.js:1:2 · at async Foo.<anonymous> (file:///x.mjs:3:4) · at f (C:\app\x.js:1:2) · at node:internal/x:1:2
  ['a JavaScript stack frame', new RegExp(String.raw`${B}at (?:[^()\n]{1,200}? \()?(?:\/|node:|file:|[A-Za-z]:\\)[^\s()]*:\d+:\d+\)?`)],
  // at com.acme.Foo.bar(Foo.java:42) · at java.base/java.lang.Thread.run(Thread.java:833) · (Native Method) · (Unknown Source)
  ['a Java stack frame', new RegExp(String.raw`${B}at [\w$.\/]+\.[\w$<>]+\((?:[\w$]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)`)],
  ['a Python traceback', /Traceback \(most recent call last\)/],
  // File "/app/views.py", line 12, in handler
  ['a Python stack frame', /File "[^"\n]+\.py", line \d+, in [\w<>]+/],
  // at Acme.Api.Controller.Get(Int32 id) in C:\src\Controller.cs:line 42 · at System.Web.Mvc.ControllerActionInvoker.InvokeAction()
  ['a .NET stack frame', new RegExp(String.raw`${B}at [\w.\`<>+\[\]]+\([^()\n]*\) in [^\n]+?:line \d+`)],
  ['a .NET stack frame', new RegExp(String.raw`${B}at (?:System|Microsoft)\.[\w.\`<>+]+\([^()\n]*\)`)],
  // at Acme.Orders.Service.Place(Order order, Int32 count): a release build's frame, no file
  ['a .NET stack frame', new RegExp(String.raw`${B}at (?:[\w<>\`]+\.){2,}[\w<>\`]+\((?:[\w.\[\]<>\`]+ \w+(?:, [\w.\[\]<>\`]+ \w+)*)?\)`)],
  ['a Go panic', /goroutine \d+ \[[\w ]+\]:/],
  // /app/main.go:42 +0x1d
  ['a Go stack frame', /[\w\/.-]+\.go:\d+ \+0x[0-9a-f]+/],
  // /app/models/user.rb:12:in `save' · app/models/user.rb:12:in 'save' (Ruby 3.4)
  ['a Ruby stack frame', /[\w\/.-]+\.rb:\d+:in [`'‘]/],
  // #0 /var/www/src/App.php(12): App->run()
  ['a PHP stack trace', /#\d+ (?:\/|[A-Za-z]:\\)[^\n]+?\.php\(\d+\)/],
  // Uncaught Exception: boom in /var/www/index.php:12 · in /var/www/index.php on line 12
  ['a PHP stack trace', /\bin (?:\/|[A-Za-z]:\\)[^\s]+?\.php(?::\d+\b| on line \d+)/],
];

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', '#39': "'", '#x27': "'", '#47': '/', '#x2f': '/', '#160': ' ', '#xa0': ' ' };

/** The text as a reader sees it: markup line breaks and entities decoded, escaped line breaks real. */
function readable(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\"/g, '"')
    .replace(/\\\//g, '/');
}

function strings(v: Json, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The first stack frame in `text`, with what kind it is. */
export function findStackFrame(text: string): { what: string; frame: string } | undefined {
  const forms = [text];
  const decoded = readable(text);
  if (decoded !== text) forms.push(decoded);
  for (const form of forms) {
    for (const [what, re] of PATTERNS) {
      const m = re.exec(form);
      if (m) return { what, frame: m[0].trim().slice(0, 160) };
    }
  }
  return undefined;
}

export const noStackTrace: Judge = (x) => {
  const texts = x.body !== null && typeof x.body === 'object' ? strings(x.body) : [x.text];
  for (const text of texts) {
    const hit = findStackFrame(text);
    if (!hit) continue;
    return [{
      pointer: '/body',
      expected: 'no stack trace',
      actual: hit.frame,
      message: `the body leaks ${hit.what}: ${hit.frame}`,
    }];
  }
  return [];
};
