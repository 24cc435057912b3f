/**
 * The runner's floor: the same number of Playwright tests, spread over the same four serial spec
 * files, each doing nothing but one GET with the stock `request` fixture. What faultline adds
 * per entry is measured against this.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeFloorSuite(dir: string, tests: number, url: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const parts = 4;
  for (let p = 0; p < parts; p++) {
    const count = Math.floor(tests / parts) + (p < tests % parts ? 1 : 0);
    writeFileSync(join(dir, `floor-${p}.spec.ts`), `import { test } from '@playwright/test';
const URL = ${JSON.stringify(url)};
for (let i = 0; i < ${count}; i++) {
  test('floor ${p} ' + i, async ({ request }) => { await (await request.get(URL)).body(); });
}
`);
  }
  const config = join(dir, 'floor.config.ts');
  writeFileSync(config, `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: '.', fullyParallel: false, workers: 2, reporter: 'dot', use: { trace: 'off' } });
`);
  return config;
}
