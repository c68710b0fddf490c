// A hash table keyed by raw bytes: maps a field's bytes to a number (a customer, or an index into
// a list of values) without making a string per row. Most rows repeat a customer, a manager or a
// date seen before, so the common case is one hash over a few bytes and one byte comparison.
// Each entry keeps its length, its number and its bytes together in one arena, so a lookup costs
// one probe into the slots and one read of the entry: two cache misses at most, which is what a
// million rows over 200,000 customers cost.

import { grown } from "./typed-arrays";

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * A 32-bit hash mixed and cut to 30 bits: a small integer to V8. A field that held small integers
 * and then a larger number changes representation, and every function that reads it is compiled
 * again.
 */
export function smallHash(hash: number): number {
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/** A free slot; entries start past the arena's first word, so no entry is at 0. */
const EMPTY = 0;
export const NOT_FOUND = -1;
/** Entry header in the arena, in 32-bit words: [hash, byte length, value], then the bytes. */
const HEADER_WORDS = 3;
const FIRST_SLOTS = 1 << 12;
/** Arena words reserved an entry when a capacity is given: room for keys of 28 bytes. */
const RESERVED_ENTRY_WORDS = HEADER_WORDS + 7;

export class ByteInterner {
  /**
   * Per slot: an entry's word offset in the arena, EMPTY when free. Four bytes a slot keep the
   * table of 200,000 customers in a core's own cache; the hash is checked in the entry.
   */
  private slots = new Int32Array(FIRST_SLOTS);
  private words: Int32Array<ArrayBuffer>;
  private bytes: Uint8Array<ArrayBuffer>;
  private wordsUsed = 1;
  private entries = 0;
  /** A sum of what `warm` read, kept only so that its reads are not optimised away. */
  warmth = 0;

  /**
   * `capacity` entries get arena room up front, as in IndexedLedger; the slots, which
   * every entry's hash scatters over, still grow with the entries.
   */
  constructor(capacity = 0) {
    this.words = new Int32Array(Math.max(1 << 14, capacity * RESERVED_ENTRY_WORDS));
    this.bytes = new Uint8Array(this.words.buffer);
  }

  /**
   * FNV-1a over the bytes four at a time (the last one to three alone), for keys at any place: a
   * field in a chunk is rarely on a word boundary. Four bytes a step make the chain of multiplies,
   * each waiting for the one before, a quarter as long. KeyBytes hashes its keys its own way: a
   * table is used with one of the two, never both.
   */
  static hash(bytes: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET ^ (end - start);
    let i = start;
    for (; i + 4 <= end; i += 4)
      h = Math.imul(h ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)), FNV_PRIME);
    for (; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
    return smallHash(h);
  }

  /** The value stored for these bytes, or NOT_FOUND. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === EMPTY) return NOT_FOUND;
      if (this.words[entry] === hash && this.sameBytes(entry, bytes, start, end)) return this.words[entry + 2]!;
    }
  }

  /**
   * As `get`, for a key that starts on a word boundary and is followed by zeros up to the next one
   * (as KeyBytes writes keys): compares four bytes at a time.
   */
  getPadded(keyWords: Int32Array, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const words = this.words;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === EMPTY) return NOT_FOUND;
      if (words[entry] === hash && words[entry + 1] === end - start && this.sameWords(entry, keyWords, start >> 2))
        return words[entry + 2]!;
    }
  }

  /**
   * Reads the slot and entry header of each hash in hashes[from … to-1], so that the lookups that
   * follow find them in cache. Done for a group of rows in a loop of independent reads, the CPU
   * fetches them all at once, where one lookup after another waits for each cache miss in turn.
   */
  warm(hashes: Int32Array, from: number, to: number): void {
    const slots = this.slots;
    const words = this.words;
    const mask = slots.length - 1;
    let warmth = 0;
    for (let i = from; i < to; i++) warmth += slots[hashes[i]! & mask]!;
    for (let i = from; i < to; i++) warmth += words[slots[hashes[i]! & mask]!]!;
    this.warmth = warmth;
  }

  /** Stores a value (≥ 0) for bytes that `get` did not find, under the hash lookups use (smallHash's range). */
  set(bytes: Uint8Array, start: number, end: number, hash: number, value: number): void {
    const length = end - start;
    const entry = this.wordsUsed;
    const entryWords = HEADER_WORDS + ((length + 3) >> 2);
    if (entry + entryWords > this.words.length) this.growArena(entry + entryWords);
    this.words[entry + entryWords - 1] = 0; // the zeros after the bytes, which `getPadded` compares
    this.words[entry] = hash;
    this.words[entry + 1] = length;
    this.words[entry + 2] = value;
    const arena = this.bytes;
    for (let i = start, at = (entry + HEADER_WORDS) * 4; i < end; i++) arena[at++] = bytes[i]!;
    this.wordsUsed += entryWords;
    this.entries++;
    if (this.entries * 2 > this.slots.length)
      this.rehash(); // keeps the load under 1/2; places this entry too
    else this.place(entry, hash);
  }

  clear(): void {
    this.slots = new Int32Array(FIRST_SLOTS);
    this.wordsUsed = 1;
    this.entries = 0;
  }

  private sameBytes(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    if (this.words[entry + 1] !== end - start) return false;
    const arena = this.bytes;
    const offset = (entry + HEADER_WORDS) * 4 - start;
    for (let i = start; i < end; i++) if (arena[offset + i] !== bytes[i]) return false;
    return true;
  }

  /** The entry's bytes, and the zeros after them, against keyWords from `startWord` on. */
  private sameWords(entry: number, keyWords: Int32Array, startWord: number): boolean {
    const words = this.words;
    const first = entry + HEADER_WORDS;
    const end = first + ((words[entry + 1]! + 3) >> 2);
    for (let w = first, k = startWord; w < end; w++, k++) if (words[w] !== keyWords[k]) return false;
    return true;
  }

  private place(entry: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    slots[slot] = entry;
  }

  /** Doubles the slots and places every entry again, walking the arena in order. */
  private rehash(): void {
    // Writing the new table's pages before anything reads them looks redundant (they are zero
    // already) but is cheaper: a fresh page read first maps the shared zero page, and the write
    // that follows must copy it and flush the page tables of every core this process runs on.
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const words = this.words;
    for (let entry = 1; entry < this.wordsUsed; entry += HEADER_WORDS + ((words[entry + 1]! + 3) >> 2)) this.place(entry, words[entry]!);
  }

  private growArena(wordsNeeded: number): void {
    this.words = grown(this.words, wordsNeeded);
    this.bytes = new Uint8Array(this.words.buffer);
  }
}
