// Figures by customer in typed arrays of a fixed size, a page added as the numbers reach it. One
// array grown by doubling allocates about twice the room it ends with, and copies it. In a custom
// function the heap already holds the sheet's cells, and that much typed-array memory makes V8
// collect the whole heap ("external memory pressure"): at a million rows that collection costs more
// than the figures themselves.
//
// A caller that knows how many numbers to expect (the command line, from the file's size) gets
// pages big enough to hold them in one: its hot loops then always find the same page, which saved
// 3–5 % of the command's CPU on a million rows (docs/speed.md). The part of a page that no number
// reaches costs address space, not memory, when its starting value is zero: the system maps it
// only when written.

/** 32,768 numbers: 256 KB of Float64, 128 KB of Int32. */
const SMALLEST_PAGE_BITS = 15;
/** 4,194,304 numbers: 32 MB of Float64. */
const LARGEST_PAGE_BITS = 22;

export class PagedArray<T extends Float64Array | Int32Array> {
  private readonly pages: T[] = [];
  private readonly pageBits: number;
  private readonly pageMask: number;

  /**
   * `newPage(length)` makes a page with every number at its "nothing yet" value; `expectedLength`
   * numbers fit in one page, up to 4,194,304 of them.
   */
  constructor(
    private readonly newPage: (length: number) => T,
    expectedLength = 0,
  ) {
    this.pageBits = Math.min(Math.max(Math.ceil(Math.log2(Math.max(expectedLength, 1))), SMALLEST_PAGE_BITS), LARGEST_PAGE_BITS);
    this.pageMask = (1 << this.pageBits) - 1;
  }

  /** Where `index` is in its page (see `page`). */
  offset(index: number): number {
    return index & this.pageMask;
  }

  /** Makes sure `index` has a page. */
  reach(index: number): void {
    while (index >>> this.pageBits >= this.pages.length) this.pages.push(this.newPage(this.pageMask + 1));
  }

  /** Whether `index` has a page (and so a number, its page's starting value until set). */
  reached(index: number): boolean {
    return index >>> this.pageBits < this.pages.length;
  }

  /**
   * The page holding a reached `index`, for a hot loop that reads or writes several numbers near it:
   * `index` is at `offset(index)` of it, and a record that starts there stays in it when the
   * record's length is a power of two.
   */
  page(index: number): T {
    return this.pages[index >>> this.pageBits]!;
  }

  /** The number at a reached `index`. */
  get(index: number): number {
    return this.pages[index >>> this.pageBits]![index & this.pageMask]!;
  }

  /** Sets the number at a reached `index`. */
  set(index: number, value: number): void {
    this.pages[index >>> this.pageBits]![index & this.pageMask] = value;
  }
}
