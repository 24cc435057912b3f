/**
 * Just enough shell parsing to check the commands a workflow runs: join `\` continuations, split
 * on `&&`, `||`, `;`, `|` and newlines, split words honouring quotes, drop leading keywords
 * (`if !`) and redirections. `${{ ... }}` expressions stay one word.
 */

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{', '(', 'exec', 'time']);

export function commands(script: string): string[][] {
  const out: string[][] = [];
  for (const line of script.replace(/\\\n/g, ' ').split('\n')) {
    for (const part of line.split(/&&|\|\||;|\|/)) {
      const words = splitWords(part.trim());
      // `if ! npm ci; then ...`: the command is what follows the keywords.
      while (words.length && KEYWORDS.has(words[0]!)) words.shift();
      // Redirections (`2>&1`, `>/dev/null`, `> file`) are not arguments.
      const args = words.filter((w, i) => !/^\d*(>>?|<)/.test(w) && !/^\d*(>>?|<)$/.test(words[i - 1] ?? ''));
      if (args.length) out.push(args);
    }
  }
  return out;
}

function splitWords(s: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (s.startsWith('${{', i)) {
      const end = s.indexOf('}}', i);
      cur += s.slice(i, end + 2);
      i = end + 1;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
