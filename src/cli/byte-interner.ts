// A hash table keyed by raw bytes: maps a field's bytes to what they mean (a customer key, a day)
// without making a string per row. Most rows repeat a customer, a manager or a date seen before,
// so the common case is one hash over a few bytes and one byte comparison. Open addressing over
// typed arrays keeps each probe within a cache line or two, which is what a million rows cost.

const EMPTY = -1;

export class ByteInterner<V> {
  /** Per slot: [hash, entry], entry EMPTY when free. */
  private slots = ByteInterner.emptySlots(1 << 12);
  /** Per entry: [offset in the arena, length]. */
  private spans = new Int32Array(1 << 12);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private values: V[] = [];

  get size(): number {
    return this.values.length;
  }

  /** FNV-1a over the bytes. */
  static hash(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return h;
  }

  private static emptySlots(count: number): Int32Array<ArrayBuffer> {
    const slots = new Int32Array(count * 2);
    for (let i = 1; i < slots.length; i += 2) slots[i] = EMPTY;
    return slots;
  }

  /** The value stored for these bytes, or undefined. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): V | undefined {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]!;
      if (entry === EMPTY) return undefined;
      if (slots[2 * slot] === hash && this.sameBytes(entry, bytes, start, end)) return this.values[entry];
    }
  }

  /** Stores a value for bytes that `get` did not find. */
  set(bytes: Uint8Array, start: number, end: number, hash: number, value: V): void {
    const entry = this.values.length;
    if (2 * entry + 2 > this.spans.length) this.spans = grown(this.spans, this.spans.length * 2);
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + length));
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.spans[2 * entry] = this.arenaUsed;
    this.spans[2 * entry + 1] = length;
    this.arenaUsed += length;
    this.values.push(value);
    if (entry * 4 >= this.slots.length) this.rehash(this.slots.length); // keep the load under 1/2
    this.place(entry, hash);
  }

  clear(): void {
    this.slots = ByteInterner.emptySlots(1 << 12);
    this.values = [];
    this.arenaUsed = 0;
  }

  private sameBytes(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.spans[2 * entry + 1] !== length) return false;
    const arena = this.arena;
    const offset = this.spans[2 * entry]! - start;
    for (let i = start; i < end; i++) if (arena[offset + i] !== bytes[i]) return false;
    return true;
  }

  private place(entry: number, hash: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entry;
  }

  /** Doubles the slots and places every entry again (the hashes travel with the old slots). */
  private rehash(oldLength: number): void {
    const old = this.slots;
    this.slots = ByteInterner.emptySlots(oldLength);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== EMPTY) this.place(old[i + 1]!, old[i]!);
  }
}

function grown<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(old: T, length: number): T {
  const bigger = new (old.constructor as new (length: number) => T)(length);
  bigger.set(old);
  return bigger;
}
