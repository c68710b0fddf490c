// A few values of an unquoted field that repeats row after row in no order (a manager's name),
// recognised while the field's end is found: each byte is read once, to compare it with a recent
// field's, instead of once to find the end, once to hash and once more to compare. A miss only
// costs the caller its usual way (a FieldCache). A field may sit in the slot its first bytes choose
// or in the one beside it, so that two fields meeting in one slot do not keep pushing each other out.

import { endsUnquotedField } from "../../files/csv-scanner";

/** Slots, chosen by a field's first four bytes. */
const SLOT_BITS = 6;
const SLOTS = 1 << SLOT_BITS;
/** Longer fields are not kept here. */
const SLOT_BYTES = 60;
const EMPTY = -1;
/** The slot beside slot s is s ^ NEIGHBOUR. */
const NEIGHBOUR = 1;

export class RecentFields<V> {
  private readonly bytes = new Uint8Array(SLOTS * SLOT_BYTES);
  private readonly lengths = new Int32Array(SLOTS).fill(EMPTY);
  private readonly values: (V | undefined)[] = Array.from({ length: SLOTS }, () => undefined);
  /** Where the field that `match` recognised ends. */
  end = -1;
  /** Which of two full slots `remember` empties next. */
  private turn = 0;

  /**
   * The value of the unquoted field at bytes[start] if it is the one kept in its slot or in the one
   * beside it, with its end in `end`; undefined if not (or if the slot cannot be told from fewer
   * than four bytes before `limit`).
   */
  match(bytes: Uint8Array, start: number, limit: number, delimiter: number): V | undefined {
    if (start + 4 > limit) return undefined;
    const slot = slotOf(bytes, start);
    return this.matchIn(slot, bytes, start, limit, delimiter) ?? this.matchIn(slot ^ NEIGHBOUR, bytes, start, limit, delimiter);
  }

  private matchIn(slot: number, bytes: Uint8Array, start: number, limit: number, delimiter: number): V | undefined {
    const length = this.lengths[slot]!;
    const end = start + length;
    if (length === EMPTY || end >= limit || !endsUnquotedField(bytes[end]!, delimiter)) return undefined;
    const kept = this.bytes;
    for (let i = start, at = slot * SLOT_BYTES; i < end; i++, at++) if (bytes[i] !== kept[at]) return undefined;
    this.end = end;
    return this.values[slot];
  }

  /**
   * Keeps the value of bytes[start … end-1], an unquoted field that `match` missed and whose end
   * was found by looking for the delimiter (so no byte in it ends a field), with four bytes or more
   * before `limit`.
   */
  remember(bytes: Uint8Array, start: number, end: number, limit: number, value: V): void {
    if (end - start > SLOT_BYTES || start + 4 > limit) return;
    const home = slotOf(bytes, start);
    const slot = this.lengths[home] === EMPTY ? home : this.lengths[home ^ NEIGHBOUR] === EMPTY ? home ^ NEIGHBOUR : home ^ this.turn;
    this.turn ^= NEIGHBOUR;
    this.bytes.set(bytes.subarray(start, end), slot * SLOT_BYTES);
    this.lengths[slot] = end - start;
    this.values[slot] = value;
  }
}

/** A slot from the four bytes at `start` (the field's first, or fewer and what follows them). */
function slotOf(bytes: Uint8Array, start: number): number {
  const word = bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
  return Math.imul(word, 0x9e3779b1) >>> (32 - SLOT_BITS); // the top bits mix all four bytes
}
