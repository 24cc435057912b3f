/**
 * Conformance tests, part 3 of 4: one test per catalog entry placed in this part (all
 * logic lives in src/runner/define.ts). Why four files: Playwright re-binds every test of a file
 * for each test group it schedules, so one huge file costs time quadratic in its size; a few
 * serial files keep binding linear and still feed both workers. A sharded run splits each file
 * into one test group per shard, so shards get entries within a group of each other.
 */
import { runCode } from '../../src/cli/run-code.js';

const { defineConformance } = await runCode<typeof import('../../src/runner/define.js')>('src/runner/define.ts', () => import('../../src/runner/define.js'));

defineConformance({ part: 2, parts: 4 });
