import { describe, expect, it } from "vitest";
import { ManagerNames } from "../../src/core/manager-names";

describe("ManagerNames", () => {
  it("numbers a manager once whatever the case, spaces, ё or quotation marks, 0 for none", () => {
    const managers = new ManagerNames();
    expect([managers.number(undefined), managers.number(""), managers.number("   ")]).toEqual([0, 0, 0]);
    const ivanov = managers.number("Иванов");
    expect(ivanov).toBe(1);
    expect(["  иванов ", "ИВАНОВ", "«Иванов»"].map((cell) => managers.number(cell))).toEqual([1, 1, 1]);
    expect([managers.number("Фёдоров"), managers.number("ФЕДОРОВ")]).toEqual([2, 2]);
    // Shown as the spelling that sorts first: « (U+00AB) before И (U+0418), Ф before ф.
    expect([managers.name(0), managers.name(1), managers.name(2)]).toEqual(["", "«Иванов»", "ФЕДОРОВ"]);
    expect(managers.names).toEqual(["", "«Иванов»", "ФЕДОРОВ"]);
  });

  it("sorts managers by key, not as written", () => {
    const managers = new ManagerNames();
    const boris = managers.number("Boris");
    const anna = managers.number("anna");
    // As written "Boris" < "anna" (capitals first); by key "anna" < "boris".
    expect([managers.sortsBefore(anna, boris), managers.sortsBefore(boris, anna)]).toEqual([true, false]);
  });
});
