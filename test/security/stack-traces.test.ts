/**
 * no_stack_trace_leak on what real frameworks send: a stack of each of Node, Java, Python, .NET,
 * Go, Ruby and PHP, as plain text, inside a JSON string, HTML-escaped in an error page (Express's
 * default handler), joined into one line, and with its line breaks JSON-escaped in a text that was
 * not parsed. Ordinary error prose is not mistaken for a frame.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noStackTrace } from '../../src/checks/no-stack-trace-leak.js';
import { toExchange } from '../../src/target/exchange.js';

const STACKS: Record<string, string> = {
  Node: 'SyntaxError: Unexpected token } in JSON at position 10\n    at JSON.parse (<anonymous>)\n    at parse (/app/node_modules/body-parser/lib/types/json.js:89:19)\n    at /app/node_modules/body-parser/lib/read.js:128:18',
  Java: 'java.lang.IllegalStateException: boom\n\tat com.acme.orders.OrderService.place(OrderService.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:833)',
  Python: 'Traceback (most recent call last):\n  File "/app/views.py", line 12, in handler\n    return int(x)\nValueError: invalid literal',
  '.NET': 'System.NullReferenceException: Object reference not set to an instance of an object.\n   at Acme.Api.OrdersController.Get(Int32 id) in C:\\src\\Acme.Api\\OrdersController.cs:line 42',
  Go: 'panic: runtime error: invalid memory address\n\ngoroutine 1 [running]:\nmain.handler(0xc000010000)\n\t/app/main.go:42 +0x1d',
  Ruby: "NoMethodError (undefined method `name' for nil):\n/app/app/models/user.rb:12:in `save'\n/app/app/controllers/users_controller.rb:8:in `create'",
  PHP: "PHP Fatal error:  Uncaught Exception: boom in /var/www/src/App.php:12\nStack trace:\n#0 /var/www/public/index.php(5): App->run()\n#1 {main}",
};

/** Frames of each stack without the header line that names a traceback or panic, to prove frames alone are found. */
const FRAMES_ONLY: Record<string, string> = {
  Python: '  File "/app/views.py", line 12, in handler',
  Go: '\t/app/main.go:42 +0x1d',
  '.NET': '   at Acme.Orders.Service.Place(Order order, Int32 count)',
  PHP: 'Uncaught Exception: boom in /var/www/src/App.php on line 12',
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** As Express's default error handler renders a stack: escaped, `<br>` for line breaks, `&nbsp;` for indentation. */
const expressPage = (stack: string): string => `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${escapeHtml(stack).replace(/\n/g, '<br>').replace(/\t/g, '&nbsp; &nbsp;').replace(/ {2}/g, ' &nbsp;')}</pre>\n</body>\n</html>\n`;

const FORMS: Record<string, (stack: string) => { contentType: string; body: string }> = {
  'plain text': (s) => ({ contentType: 'text/plain', body: s }),
  'a JSON string': (s) => ({ contentType: 'application/json', body: JSON.stringify({ error: 'internal', stack: s }) }),
  'an HTML error page': (s) => ({ contentType: 'text/html; charset=utf-8', body: expressPage(s) }),
  'one line': (s) => ({ contentType: 'application/json', body: JSON.stringify({ message: s.replace(/\s*\n\s*/g, ' ') }) }),
  'JSON-escaped line breaks in an unparsed text': (s) => ({ contentType: 'text/plain', body: JSON.stringify({ stack: s }) }),
};

const judge = (contentType: string, body: string) => noStackTrace(toExchange(500, { 'content-type': contentType }, Buffer.from(body)), {} as never, []);

describe('no_stack_trace_leak finds frames of every platform in every form', () => {
  for (const [platform, stack] of Object.entries({ ...STACKS, ...Object.fromEntries(Object.entries(FRAMES_ONLY).map(([k, v]) => [`${k} (frames only)`, v])) })) {
    for (const [form, make] of Object.entries(FORMS)) {
      test(`${platform}, ${form}`, () => {
        const { contentType, body } = make(stack);
        const v = judge(contentType, body);
        assert.equal(v.length, 1, `not found in:\n${body}`);
        assert.match(v[0]!.message, /^the body leaks a/);
      });
    }
  }
});

test('ordinary error prose is not a stack frame', () => {
  for (const text of [
    'meet at 12:30:45 at the office', 'Invalid value at /items/0/name', 'see https://docs.example.com/errors#at-1:2:3',
    'Rate limit exceeded: retry at 2026-12-02T01:00:00Z', 'The file report.py could not be parsed', 'at least one of (a, b) is required',
    'Error in module main.go', 'expected object at $.body (line 1, column 2)', 'at Acme (the company)',
  ]) {
    for (const [form, make] of Object.entries(FORMS)) {
      const { contentType, body } = make(text);
      assert.deepEqual(judge(contentType, body), [], `${form}: ${text}`);
    }
  }
});
