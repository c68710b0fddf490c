// Figures written for machines (JSON) as the decimals they truly have. Sums of amounts are made in
// binary floating point, where 0.1 + 0.2 is 0.30000000000000004 and a year's refunds can come out
// as -611342.0900000018: the noise sits some fifteen digits down, far below any amount a file
// holds, but a script or a spreadsheet that reads the text shows it. A number that close to a
// decimal of at most six places is written as that decimal, but only where the noise is far
// smaller than that decimal's last digit: a sum of 60 billion keeps its cents as they come, noise
// and all, rather than lose them. Any other number (a rate such as 1/3, an average) is written as
// it is.

/** Decimals tried: a file's amounts have two, sometimes three or four; six leaves room. */
const MOST_DECIMALS = 6;
/** Far above the error of a million additions (about 10^-13 of the sum), far below a cent of any sum it applies to. */
const RELATIVE_NOISE = 1e-12;
/** What is left when purchases and refunds cancel out (0.01 + 2.09 − 2.1 is 4.4e-16 below 0): no amount is that small. */
const ABSOLUTE_NOISE = 1e-9;
/** Noise counts as noise only this far below the last digit kept. */
const DIGIT_MARGIN = 1000;

/** `value` at the fewest decimals, up to six, that differ from it by float noise only; otherwise `value`. */
export function plainNumber(value: number): number {
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  const noise = Math.max(Math.abs(value) * RELATIVE_NOISE, ABSOLUTE_NOISE);
  for (let decimals = 0; decimals <= MOST_DECIMALS; decimals++) {
    if (noise * DIGIT_MARGIN > 10 ** -decimals) continue;
    const short = Number(value.toFixed(decimals));
    if (Math.abs(short - value) <= noise) return short === 0 ? 0 : short;
  }
  return value;
}

/** A JSON.stringify replacer that writes every number through plainNumber. */
export function plainNumbers(_key: string, value: unknown): unknown {
  return typeof value === "number" ? plainNumber(value) : value;
}
