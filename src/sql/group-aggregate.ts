// An aggregate a grouping of rows keeps, as data rather than SQL text: the rows grouped by each
// order's manager as well (question 4) are grouped again by customer and day, and each aggregate
// is then taken again over the groups, which depends on its function (a count is summed).

export interface GroupAggregate {
  fn: "COUNT" | "SUM" | "MIN" | "MAX";
  /** What it aggregates: a column or an expression of the rows, `*` for a count of them. */
  of: string;
  name: string;
}

/** `FUNCTION(of) AS name`, over the rows. */
export function aggregateSql({ fn, of, name }: GroupAggregate): string {
  return `${fn}(${of}) AS ${name}`;
}

/** The same aggregate over groups of rows that each hold it: a count of rows is the sum of the groups' counts. */
export function regroupedSql({ fn, name }: GroupAggregate): string {
  return `${fn === "COUNT" ? "SUM" : fn}(${name}) AS ${name}`;
}
