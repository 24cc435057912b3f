/**
 * The storage the CPM reference target serves (collection `faultline`, storage `default`):
 * facets with their elements. Read-only fixtures: CPM's REST API is mostly for reading models.
 * The token and the facet and view recipes name are env/reference.env's, read through `fixture`.
 */
import { fixture } from '../../fixtures.js';

export const COLLECTION = 'faultline';
export const STORAGE = 'default';

export const READER_TOKEN = fixture('CPM_TOKEN_READER');

export type Value = string | number | boolean | null;
export interface Element {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  state: 'released' | 'inWork';
  owner: string;
  version: number;
  modifiedAt: string;
  description: string;
}

export interface Facet { id: string; name: string; elements: Element[] }

const at = '2026-01-15T09:30:00.000Z';
const el = (id: string, name: string, type: string, parentId: string | null, state: Element['state'], owner: string, description: string): Element =>
  ({ id, name, type, parentId, state, owner, version: state === 'released' ? 3 : 1, modifiedAt: at, description });

export const FACETS: readonly Facet[] = [
  {
    id: fixture('CPM_FACET_ID'),
    name: 'Processes',
    elements: [
      el('7f3c1a20-0001-4b6e-9d1a-5e2f00000001', 'Order to Cash', 'mainProcess', null, 'released', 'Sales', 'From customer order to received payment.'),
      el('7f3c1a20-0002-4b6e-9d1a-5e2f00000002', 'Create Sales Order', 'process', '7f3c1a20-0001-4b6e-9d1a-5e2f00000001', 'released', 'Sales', 'Record a customer order.'),
      el('7f3c1a20-0003-4b6e-9d1a-5e2f00000003', 'Ship Goods', 'process', '7f3c1a20-0001-4b6e-9d1a-5e2f00000001', 'inWork', 'Logistics', 'Pick, pack and ship ordered goods.'),
      el('7f3c1a20-0004-4b6e-9d1a-5e2f00000004', 'Invoice Customer', 'process', '7f3c1a20-0001-4b6e-9d1a-5e2f00000001', 'released', 'Finance', "Bill the customer for what was shipped, including the customer's discounts."),
      el('7f3c1a20-0005-4b6e-9d1a-5e2f00000005', 'Procure to Pay', 'mainProcess', null, 'released', 'Purchasing', 'From purchase requisition to supplier payment.'),
      el('7f3c1a20-0006-4b6e-9d1a-5e2f00000006', 'Approve Requisition', 'process', '7f3c1a20-0005-4b6e-9d1a-5e2f00000005', 'inWork', 'Purchasing', 'Approve or reject a purchase requisition.'),
    ],
  },
  {
    id: 'organization',
    name: 'Organization',
    elements: [
      el('7f3c1a20-0101-4b6e-9d1a-5e2f00000101', 'Sales', 'orgUnit', null, 'released', 'Board', 'Sales department.'),
      el('7f3c1a20-0102-4b6e-9d1a-5e2f00000102', 'Logistics', 'orgUnit', null, 'released', 'Board', 'Logistics department.'),
    ],
  },
];

/** Views of every facet, and the fields each one lists. */
export const VIEWS: Record<string, readonly string[]> = {
  [fixture('CPM_VIEW_ID')]: ['id', 'name', 'type', 'parentId', 'hasChildren'],
  detail: ['id', 'name', 'type', 'parentId', 'state', 'owner', 'version', 'modifiedAt', 'description'],
};

/** An element as a view lists it. */
export function row(facet: Facet, e: Element, view: string): Record<string, Value> {
  const all: Record<string, Value> = { ...e, hasChildren: facet.elements.some((c) => c.parentId === e.id) };
  const out: Record<string, Value> = {};
  for (const f of VIEWS[view] ?? []) out[f] = all[f] ?? null;
  return out;
}
