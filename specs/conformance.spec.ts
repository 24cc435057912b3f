/** One test per catalog entry; all logic lives in src/. */
import { defineConformance } from '../src/runner/define.js';

defineConformance();
