/**
 * Median of whole numbers given as how often each occurs (`counts[v]` times the value v), the mean
 * of the middle two for an even total; undefined when there are none. Linear in the count and the
 * range, where sorting the values would be n log n: day gaps span far fewer values than customers.
 */
export function medianOfCounts(counts: ArrayLike<number>): number | undefined {
  let total = 0;
  for (let value = 0; value < counts.length; value++) total += counts[value]!;
  if (total === 0) return undefined;
  const lowRank = (total - 1) >> 1;
  const highRank = total >> 1;
  let seen = 0;
  let low = -1;
  for (let value = 0; ; value++) {
    seen += counts[value]!;
    if (low < 0 && seen > lowRank) low = value;
    if (seen > highRank) return (low + value) / 2;
  }
}

/** A ratio, or undefined when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}

/**
 * The nearest-rank percentile of whole numbers given as counts (see `medianOfCounts`): the smallest
 * value that at least `share` of them do not exceed. Undefined when there are none.
 */
export function percentileOfCounts(counts: ArrayLike<number>, share: number): number | undefined {
  let total = 0;
  for (let value = 0; value < counts.length; value++) total += counts[value]!;
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(share * total));
  let seen = 0;
  for (let value = 0; ; value++) {
    seen += counts[value]!;
    if (seen >= rank) return value;
  }
}
