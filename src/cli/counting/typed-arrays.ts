// Sizing typed arrays: the CLI's tables and batches start small and double, or start with room
// reserved for what is expected.

type Growable = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A copy of `array` with room for at least `needed` elements, and at least twice as long. */
export function grown<T extends Growable>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * `make(capacity)`, or `make(0)` if the system refuses the address space for that much room
 * (strict overcommit, `ulimit -v`): reserving room only saves copying, so without it the tables
 * start small and grow.
 */
export function withRoomIfGranted<T>(capacity: number, make: (capacity: number) => T): T {
  try {
    return make(capacity);
  } catch (error) {
    if (!(error instanceof RangeError) || capacity === 0) throw error;
    return make(0);
  }
}
