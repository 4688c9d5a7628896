/** A bounded set of recently seen ids (oldest forgotten first): deduplication without growing memory. */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 50_000) {}

  /** Remembers `id`; false when it was already remembered. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
