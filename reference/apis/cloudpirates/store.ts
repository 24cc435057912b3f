/**
 * The event store with its two models. Writes (commands) are checked against the write model,
 * which every event reaches at once. Reads are answered from the read model, which an event
 * reaches only `lagMs` after it was committed, as the page warns: "changes made by a POST, PUT,
 * PATCH, or DELETE request may take a moment until all read models are fully updated".
 */
import { apply, type Event, type Model } from './events.js';

interface Pending { at: number; event: Event }

export class Store {
  readonly write: Model = new Map();
  private readonly read: Model = new Map();
  private pending: Pending[] = [];

  constructor(private readonly now: () => number, private readonly lagMs: () => number) {}

  commit(event: Event): void {
    apply(this.write, event);
    // Safe to share: apply() copies an event's values into each model and never keeps the event.
    this.pending.push({ at: this.now(), event });
  }

  /** The read model as of now: events older than the lag are applied, in commit order. */
  view(): Model {
    const horizon = this.now() - this.lagMs();
    let n = 0;
    while (n < this.pending.length && this.pending[n]!.at <= horizon) apply(this.read, this.pending[n++]!.event);
    if (n) this.pending = this.pending.slice(n);
    return this.read;
  }
}
