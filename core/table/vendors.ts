/**
 * Gives each vendor a small integer id. Names match trimmed and case-insensitively;
 * the first spelling seen is the one shown.
 */
export class VendorIndex {
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  // Exports repeat the exact same text line after line: look that up before normalising.
  private readonly byRaw = new Map<string, number>();

  id(raw: string): number {
    let id = this.byRaw.get(raw);
    if (id !== undefined) return id;
    const name = raw.trim();
    const key = name.toLowerCase();
    id = this.byKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.byKey.set(key, id);
    }
    this.byRaw.set(raw, id);
    return id;
  }

  /** The id of a vendor name as a user typed it, or undefined. */
  find(name: string): number | undefined {
    return this.byKey.get(name.trim().toLowerCase());
  }

  get size(): number {
    return this.names.length;
  }
}
