// Figures written for machines (JSON, CSV) as the decimals they truly have. Sums of amounts are
// made in binary floating point, where 0.1 + 0.2 is 0.30000000000000004 and a year's revenue can
// come out as 611342.0900000018: the noise sits some fifteen digits down, far below any amount a
// file holds, but a script or a spreadsheet that reads the text shows it. A figure within one part
// in 10^12 of a decimal of at most six places is written as that decimal; any other number (a rate
// such as 1/3, an average) is written as it is.

/** Decimals tried: a file's amounts have two, sometimes three or four; six leaves room. */
const MOST_DECIMALS = 6;
/** Far above the error of a million additions (about 10^-13 of the sum), far below a cent of any sum. */
const NOISE = 1e-12;

/** `value` at the fewest decimals, up to six, that differ from it by float noise only; otherwise `value`. */
export function plainNumber(value: number): number {
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  const tolerance = Math.abs(value) * NOISE;
  for (let decimals = 1; decimals <= MOST_DECIMALS; decimals++) {
    const short = Number(value.toFixed(decimals));
    if (Math.abs(short - value) <= tolerance) return short;
  }
  return value;
}

/** A JSON.stringify replacer that writes every number through plainNumber. */
export function plainNumbers(_key: string, value: unknown): unknown {
  return typeof value === "number" ? plainNumber(value) : value;
}
