// The real CDNOW sample (../shared/datasets/CDNOW_sample.txt), checked against published figures:
// - 2,357 customers, all of whom made their first purchase in the first quarter of 1997
//   (the data set's description in the BTYD R package, `cdnowSummary`/`cdnowElog`);
// - 1,411 of them made no repeat purchase in the 39-week calibration period ending 1997-09-30
//   (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way", Marketing Science 24(2);
//   the BTYD walkthrough merges same-day transactions first, as our "purchase" does).
// So SECOND_PURCHASES over the orders up to 1997-09-30 must be 2,357 − 1,411 = 946.

import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { loadCodeJs } from "../support/apps-script-context";
import { datasetPath, describeDataset } from "../support/datasets";

const CDNOW = datasetPath("CDNOW_sample.txt");

/** Customer ids and Sheets serial dates, the way a sheet of this log would pass them. */
function readCdnow(lastDate = "99999999"): { customers: string[][]; dates: number[][] } {
  const customers: string[][] = [];
  const dates: number[][] = [];
  for (const line of readFileSync(CDNOW, "utf8").split("\n")) {
    const [, sampleId, yyyymmdd] = line.trim().split(/\s+/);
    if (!sampleId || !yyyymmdd || yyyymmdd > lastDate) continue;
    const serial = Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) / 86_400_000 + 25_569;
    customers.push([sampleId]);
    dates.push([serial]);
  }
  return { customers, dates };
}

describeDataset("CDNOW_sample.txt", "CDNOW sample", () => {
  const sheet = loadCodeJs({ locale: "en_US", timeZone: "America/New_York" }) as unknown as Record<string, (...args: unknown[]) => unknown>;

  it("has 2,357 customers, all new in the first quarter of 1997", () => {
    const { customers, dates } = readCdnow();
    expect(customers).toHaveLength(6919);
    expect(sheet.FIRST_PURCHASES!(customers, dates)).toBe(2357);
    expect(sheet.FIRST_PURCHASES!(customers, dates, "1997-01-01", "1997-03-31")).toBe(2357);
    const quarters = sheet.RETENTION_COHORTS!(customers, dates, "quarter") as unknown[][];
    expect(quarters).toHaveLength(2);
    expect(quarters[1]![1]).toBe(2357);
  });

  it("matches the published 1,411 customers without a repeat purchase by 1997-09-30", () => {
    const { customers, dates } = readCdnow("19970930");
    expect(sheet.SECOND_PURCHASES!(customers, dates)).toBe(2357 - 1411);
  });
});
