/** What a detector of the page's own defects sees and returns. */
import type { Found, Row } from '../find.js';
import type { Page } from '../model.js';

export type FindingKind = 'invalid-example' | 'duplicate-row' | 'conflicting-rows' | 'contradiction' | 'placeholder' | 'missing-information' | 'inconsistency';

export interface Finding {
  /** Stable slug, unique per page (the draft prefixes the api). */
  slug: string;
  kind: FindingKind;
  rows: Row[];
  text: string;
}

export interface PageFacts {
  page: Page;
  found: Found;
}

export type Detector = (facts: PageFacts) => Finding[];
