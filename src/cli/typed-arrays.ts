// Growing a typed array: the CLI's tables and batches start small and double.

type Growable = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A copy of `array` with room for at least `needed` elements, and at least twice as long. */
export function grown<T extends Growable>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
