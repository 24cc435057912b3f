/** The API modules the reference target mounts, one per catalog. */
import type { ApiModule } from '../api.js';
import { awork } from './awork/index.js';
import { cloudpirates } from './cloudpirates/index.js';
import { cmix } from './cmix/index.js';
import { cpm } from './cpm/index.js';
import { subscription } from './subscription/index.js';

export const FACTORIES: ApiModule[] = [cpm, subscription, cmix, awork, cloudpirates];
