// Plural forms in the catalogues. Expected forms from the CLDR plural rules for Russian (one:
// 1, 21, 101; few: 2–4, 22–24; many: 0, 5–20, 25; fractions take the few form) and English.

import { describe, expect, it } from "vitest";
import { fill, pluralForm } from "../../src/i18n/language";

describe("plural forms", () => {
  it.each([
    [1, "клиент"],
    [2, "клиента"],
    [4, "клиента"],
    [5, "клиентов"],
    [11, "клиентов"],
    [12, "клиентов"],
    [14, "клиентов"],
    [21, "клиент"],
    [22, "клиента"],
    [0, "клиентов"],
    [111, "клиентов"],
    [101, "клиент"],
    [1.5, "клиента"],
  ])("Russian: %s %s", (count, word) => {
    expect(pluralForm("ru", count, ["клиент", "клиента", "клиентов"])).toBe(word);
  });

  it.each([
    [1, "customer"],
    [0, "customers"],
    [2, "customers"],
    [21, "customers"],
  ])("English: %s %s", (count, word) => {
    expect(pluralForm("en", count, ["customer", "customers"])).toBe(word);
  });

  it("fills choices by the count and placeholders by the shown value", () => {
    const template = "{lapsed} of {repeat} repeat {repeat|customer|customers} {lapsed|has|have} lapsed";
    expect(fill(template, { lapsed: "1", repeat: "1 234" }, { language: "en", of: { lapsed: 1, repeat: 1234 } })).toBe(
      "1 of 1 234 repeat customers has lapsed",
    );
    expect(fill("{n} {n|день|дня|дней}", { n: "3" }, { language: "ru", of: { n: 3 } })).toBe("3 дня");
  });

  it("leaves a choice without a count as it is, so a missing count shows", () => {
    expect(fill("{n} {n|day|days}", { n: 2 })).toBe("2 {n|day|days}");
  });
});
