// Preloaded (`node --import`) into a measured command by scripts/bench/measure.ts: writes the
// time (ms since the epoch) the first HTTP request arrives at any server of this process (the
// embedded reference target) to BENCH_FIRST_REQUEST_FILE. Plain JavaScript: it loads before any
// TypeScript loader.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_FIRST_REQUEST_FILE;
if (file) {
  const first = () => { unsubscribe('http.server.request.start', first); writeFileSync(file, String(Date.now())); };
  subscribe('http.server.request.start', first);
}
