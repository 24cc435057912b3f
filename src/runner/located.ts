/**
 * Declares a test "from" its catalog entry. Playwright takes a test's location from the stack
 * frame that calls `test(...)`; here that frame belongs to a small function compiled with the
 * catalog file as its file name and one `case` per entry on the entry's own line, so reports
 * show `catalogs/cmix.yaml:42` instead of the shared loop in define.ts. One compilation per
 * catalog file; a call is a switch jump. The compiled code only calls what it is given.
 */
import { runInThisContext } from 'node:vm';

type Call = (line: number, fn: (...args: unknown[]) => unknown, args: unknown[]) => unknown;

const compiled = new Map<string, { lines: Set<number>; call: Call }>();

function compile(file: string, lines: number[]): Call {
  const wanted = [...new Set(lines.filter((l) => Number.isInteger(l) && l >= 1))].sort((a, b) => a - b);
  const max = wanted.at(-1) ?? 1;
  // Line 1 opens the function; each wanted line L holds `case L:`, so the call sits on line L.
  const text: string[] = Array.from({ length: max + 1 }, () => '');
  text[0] = '(function (l, f, a) { switch (l) {';
  for (const l of wanted) text[l - 1] += ` case ${l}: return f(...a);`;
  text[max] = '} return f(...a); })';
  return runInThisContext(text.join('\n'), { filename: file }) as Call;
}

/** Calls `fn(...args)` from a frame at `file:line` (`file` absolute; `lines`: every line of the file that will be asked for). */
export function callAt<A extends unknown[], R>(file: string, lines: number[], line: number, fn: (...args: A) => R, ...args: A): R {
  let c = compiled.get(file);
  if (!c || !c.lines.has(line)) {
    const all = [...new Set([...(c?.lines ?? []), ...lines, line])];
    c = { lines: new Set(all), call: compile(file, all) };
    compiled.set(file, c);
  }
  return c.call(line, fn as (...a: unknown[]) => unknown, args) as R;
}
