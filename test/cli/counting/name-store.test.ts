import { renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NameStore } from "../../../src/cli/counting/name-store";
import { versionOf } from "../../../src/files/file-version";
import { encodeWindows1251 } from "../../../bench/cp1251";
import { tempDir, writeFixture } from "../helpers";

describe("NameStore", () => {
  it("gives back each name as stored, from UTF-8, Windows-1251, quoted cells and text", () => {
    const names = new NameStore();
    const utf8 = new TextEncoder().encode("xx Пётр Иванов xx");
    const first = names.addCell(utf8, 3, utf8.length - 3, false, false);
    const win = encodeWindows1251("ООО «Ёлка» №5 — €");
    const second = names.addCell(win, 0, win.length, false, true);
    const quoted = new TextEncoder().encode('ООО ""Вектор""');
    const third = names.addCell(quoted, 0, quoted.length, true, false);
    const fourth = names.addText("Анна 😀");
    expect([first, second, third, fourth]).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((n) => names.text(n))).toEqual(["Пётр Иванов", "ООО «Ёлка» №5 — €", 'ООО "Вектор"', "Анна 😀"]);
  });

  it("reads names left in the file from their place, among names kept here", () => {
    const utf8 = Buffer.from('id;"ООО ""Вектор""";Пётр\n');
    const cp1251 = encodeWindows1251("Ёлка №5");
    const file = writeFixture(tempDir(), "names.csv", Buffer.concat([utf8, cp1251]));
    const names = new NameStore(file);
    names.placesIn(versionOf(statSync(file)));
    const quoted = names.addFilePlace(4, Buffer.byteLength('ООО ""Вектор""'), true, false);
    const here = names.addText("Анна");
    const plain = names.addFilePlace(utf8.indexOf("Пётр"), Buffer.byteLength("Пётр"), false, false);
    const windows = names.addFilePlace(utf8.length, cp1251.length, false, true);
    expect([quoted, here, plain, windows].map((n) => names.text(n))).toEqual(['ООО "Вектор"', "Анна", "Пётр", "Ёлка №5"]);
  });

  it("says the file cannot be read when a name left in it is asked for after it is gone", () => {
    const file = writeFixture(tempDir(), "gone.csv", "Анна\n");
    const names = new NameStore(file);
    names.placesIn(versionOf(statSync(file)));
    const name = names.addFilePlace(0, Buffer.byteLength("Анна"), false, false);
    rmSync(file);
    expect(() => names.text(name)).toThrow(expect.objectContaining({ problem: "cannotRead", path: file }));
    expect(() => new NameStore().addFilePlace(0, 1, false, false)).toThrow(/needs the file's path/);
  });

  it("reads no name back from another version of the file: rewritten, or replaced by one of the same size", () => {
    const dir = tempDir();
    const changed = (change: (file: string) => void): unknown => {
      const file = writeFixture(dir, "names.csv", "Анна\nПётр\n");
      const names = new NameStore(file);
      names.placesIn(versionOf(statSync(file)));
      const name = names.addFilePlace(0, Buffer.byteLength("Анна"), false, false);
      change(file);
      try {
        return names.text(name);
      } catch (error) {
        return error;
      }
    };
    const fileChanged = expect.objectContaining({ problem: "fileChangedAfterRead", path: expect.any(String) });
    expect(changed(() => undefined)).toBe("Анна");
    expect(changed((file) => writeFileSync(file, "Борис\nПётр\n"))).toEqual(fileChanged);
    expect(
      changed((file) => {
        writeFileSync(`${file}.new`, "Юрий\nПётр\n");
        renameSync(`${file}.new`, file);
      }),
    ).toEqual(fileChanged);
  });

  it("keeps many names as it grows", () => {
    const names = new NameStore();
    for (let n = 0; n < 20_000; n++) names.addText(`клиент ${n}`);
    expect(names.text(0)).toBe("клиент 0");
    expect(names.text(19_999)).toBe("клиент 19999");
  });

  it("puts a name under a number already used: in the old bytes' room when it fits, else after them", () => {
    const names = new NameStore();
    const cell = new TextEncoder().encode("+7 900 111|x@y.z|a-much-longer@example.com");
    expect(names.addCell(cell, 0, 10, false, false, 5)).toBe(5);
    expect(names.addText("other")).toBe(6);
    expect(names.addCell(cell, 11, 16, false, false, 5)).toBe(5);
    expect(names.addCell(cell, 17, cell.length, false, false, 5)).toBe(5);
    expect([names.text(5), names.text(6), names.text(0)]).toEqual(["a-much-longer@example.com", "other", ""]);
    expect(names.addText("next")).toBe(7);
  });

  it("reads no contact kept under a customer's number back from another version of the file", () => {
    const file = writeFixture(tempDir(), "contacts.csv", "a@b.c\n");
    const contacts = new NameStore(file);
    contacts.placesIn(versionOf(statSync(file)));
    expect(contacts.addFilePlace(0, 5, false, false, 42)).toBe(42);
    expect(contacts.text(42)).toBe("a@b.c");
    writeFileSync(file, "x@y.z\n");
    expect(() => contacts.text(42)).toThrow(expect.objectContaining({ problem: "fileChangedAfterRead", path: file }));
  });

  it("keeps the file open from one name read back to the next, and still refuses it once it has changed", () => {
    const file = writeFixture(tempDir(), "names.csv", "Анна\nПётр\n");
    const names = new NameStore(file);
    names.placesIn(versionOf(statSync(file)));
    const anna = names.addFilePlace(0, Buffer.byteLength("Анна"), false, false);
    const petr = names.addFilePlace(Buffer.byteLength("Анна\n"), Buffer.byteLength("Пётр"), false, false);
    expect(names.text(anna)).toBe("Анна");
    writeFileSync(file, "Анна\nЮрий\n");
    expect(() => names.text(petr)).toThrow(expect.objectContaining({ problem: "fileChangedAfterRead" }));
    names.close();
  });
});
