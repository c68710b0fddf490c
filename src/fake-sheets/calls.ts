// Call counting for the fake. Every fake object is handed out behind a Proxy that counts each
// method call as "Type.method" (e.g. "Range.getValues"), so a test can assert that the number of
// Apps Script calls does not grow with the number of rows.
//
// The proxy runs the method on the raw object, so the fake's own internal calls are not counted,
// and it swaps raw objects for their proxies on the way out (and proxies for raw objects on the way
// in), so callers only ever hold counted objects.

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly proxyOf = new WeakMap<object, object>();
  private readonly rawOf = new WeakMap<object, object>();

  /** Number of calls of `"Type.method"` since the last reset (0 if never called). */
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** All counters, sorted by name: handy for snapshots and for the README's figures. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Total number of calls, optionally only those of one type (`"Range"`). */
  total(type?: string): number {
    let sum = 0;
    for (const [name, count] of this.counts) if (type === undefined || name.startsWith(`${type}.`)) sum += count;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }

  /** Wraps `raw` so that its method calls are counted under `type`. Idempotent. */
  expose<T extends object>(raw: T, type: string): T {
    const existing = this.proxyOf.get(raw);
    if (existing) return existing as T;
    const proxy = new Proxy(raw, {
      get: (target, property, receiver) => {
        const member: unknown = Reflect.get(target, property, receiver);
        if (typeof member !== "function" || typeof property === "symbol") return member;
        const name = `${type}.${property}`;
        return (...args: unknown[]) => {
          this.counts.set(name, this.get(name) + 1);
          const result: unknown = member.apply(
            target,
            args.map((arg) => this.unwrap(arg)),
          );
          return this.wrap(result);
        };
      },
    });
    this.proxyOf.set(raw, proxy);
    this.rawOf.set(proxy, raw);
    return proxy;
  }

  /** The raw object behind a proxy handed out by `expose` (or the value itself). */
  unwrap<T>(value: T): T {
    if (typeof value !== "object" || value === null) return value;
    const raw = this.rawOf.get(value);
    if (raw) return raw as T;
    if (Array.isArray(value) && value.length > 0 && this.rawOf.has(value[0] as object)) {
      return value.map((item: unknown) => this.unwrap(item)) as T;
    }
    return value;
  }

  private wrap(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const proxy = this.proxyOf.get(value);
    if (proxy) return proxy;
    // Arrays of fake objects (getSheets, getRanges, getConditionalFormatRules); a 2-D array of cell
    // values has no fake object in it and is returned as it is.
    if (Array.isArray(value) && value.length > 0 && this.proxyOf.has(value[0] as object)) {
      return value.map((item: unknown) => this.wrap(item));
    }
    return value;
  }
}
