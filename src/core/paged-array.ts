// Figures by customer in typed arrays of a fixed size, a page added as the numbers reach it. One
// array grown by doubling allocates about twice the room it ends with, and copies it. In a custom
// function the heap already holds the sheet's cells, and that much typed-array memory makes V8
// collect the whole heap ("external memory pressure"): at a million rows that collection costs more
// than the figures themselves.

const PAGE_BITS = 15;
/** 32,768 numbers: 256 KB of Float64, 128 KB of Int32. */
const PAGE_LENGTH = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_LENGTH - 1;

/** Where `index` is in its page (see `PagedArray.page`). */
export function pageOffset(index: number): number {
  return index & PAGE_MASK;
}

export class PagedArray<T extends Float64Array | Int32Array> {
  private readonly pages: T[] = [];

  /** `newPage(length)` makes a page with every number at its "nothing yet" value. */
  constructor(private readonly newPage: (length: number) => T) {}

  /** Makes sure `index` has a page. */
  reach(index: number): void {
    while (index >>> PAGE_BITS >= this.pages.length) this.pages.push(this.newPage(PAGE_LENGTH));
  }

  /** Whether `index` has a page (and so a number, its page's starting value until set). */
  reached(index: number): boolean {
    return index >>> PAGE_BITS < this.pages.length;
  }

  /**
   * The page holding a reached `index`, for a hot loop that reads or writes several numbers near it:
   * `index` is at `pageOffset(index)` of it, and a record that starts there stays in it when the
   * page's length is a multiple of the record's.
   */
  page(index: number): T {
    return this.pages[index >>> PAGE_BITS]!;
  }

  /** The number at a reached `index`. */
  get(index: number): number {
    return this.pages[index >>> PAGE_BITS]![index & PAGE_MASK]!;
  }

  /** Sets the number at a reached `index`. */
  set(index: number, value: number): void {
    this.pages[index >>> PAGE_BITS]![index & PAGE_MASK] = value;
  }
}
