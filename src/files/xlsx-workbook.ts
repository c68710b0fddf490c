// What a workbook's parts say before any sheet is read: its sheets by name and where each is,
// the shared strings that cells point to, which cell styles show dates, and whether its date
// numbers count from 1904 (old Mac Excel) rather than 1900.

import { posix } from "node:path";
import { FileError } from "./file-error";
import type { XlsxArchive } from "./xlsx-archive";

export interface WorkbookParts {
  /** The worksheets in the workbook's order: their names, and their parts in the zip. */
  sheets: { name: string; part: string }[];
  /** Text by index, for cells of type "s". Memory grows with the distinct strings, not the cells. */
  sharedStrings: string[];
  /** Whether each cell style (a cell's `s`) shows its number as a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

const OFFICE_DOCUMENT = "/officeDocument";

export async function readWorkbookParts(archive: XlsxArchive, path: string): Promise<WorkbookParts> {
  const workbook = (await relationships(archive, "_rels/.rels", "")).find((rel) => rel.type.endsWith(OFFICE_DOCUMENT))?.target;
  if (workbook === undefined || !archive.has(workbook)) throw new FileError("notXlsx", path);
  const related = await relationships(archive, relationshipsPart(workbook), posix.dirname(workbook));
  const target = (type: string): string | undefined => related.find((rel) => rel.type.endsWith(type))?.target;
  const byId = new Map(related.filter((rel) => rel.type.endsWith("/worksheet")).map((rel) => [rel.id, rel.target]));
  const { sheets, date1904 } = await sheetList(archive, workbook, byId);
  const strings = target("/sharedStrings");
  const styles = target("/styles");
  return {
    sheets,
    date1904,
    sharedStrings: strings === undefined ? [] : await sharedStrings(archive, strings),
    dateStyles: styles === undefined ? [] : await dateStyles(archive, styles),
  };
}

interface Relationship {
  id: string;
  type: string;
  /** The part it points to, as a path in the zip. */
  target: string;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relationshipsPart(part: string): string {
  return posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

async function relationships(archive: XlsxArchive, part: string, from: string): Promise<Relationship[]> {
  if (!archive.has(part)) return [];
  const found: Relationship[] = [];
  await archive.readXml(part, {
    open: (name, attributes) => {
      const { Id, Type, Target, TargetMode } = attributes;
      if (name !== "Relationship" || Target === undefined || TargetMode === "External") return;
      // A target is relative to the part's folder, or absolute from the zip's root.
      const target = Target.startsWith("/") ? Target.slice(1) : posix.normalize(posix.join(from, Target));
      found.push({ id: Id ?? "", type: Type ?? "", target });
    },
  });
  return found;
}

async function sheetList(
  archive: XlsxArchive,
  workbook: string,
  worksheets: ReadonlyMap<string, string>,
): Promise<{ sheets: WorkbookParts["sheets"]; date1904: boolean }> {
  const sheets: WorkbookParts["sheets"] = [];
  let date1904 = false;
  await archive.readXml(workbook, {
    open: (name, attributes) => {
      if (name === "workbookPr") date1904 = isTrue(attributes.date1904);
      if (name !== "sheet") return;
      // The relationship id's prefix is whatever the writer bound the namespace to (`r:id` as a rule).
      const idName = Object.keys(attributes).find((attribute) => attribute.endsWith(":id"));
      const part = idName === undefined ? undefined : worksheets.get(attributes[idName]!);
      // Chart sheets have no cells: they are left out, as they are not worksheets.
      if (part !== undefined) sheets.push({ name: attributes.name ?? "", part });
    },
  });
  return { sheets, date1904 };
}

const isTrue = (value: string | undefined): boolean => value === "1" || value === "true";

/** The shared strings: each `<si>`'s text runs, without phonetic guides (`<rPh>`). */
async function sharedStrings(archive: XlsxArchive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let text = "";
  let inText = false;
  let phonetic = 0;
  await archive.readXml(part, {
    open: (name) => {
      if (name === "si") text = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t") inText = phonetic === 0;
    },
    close: (name) => {
      if (name === "si") strings.push(text);
      else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text: (piece) => {
      if (inText) text += piece;
    },
  });
  return strings;
}

/** Which cell styles (`<cellXfs>`, in order) have a date number format. */
async function dateStyles(archive: XlsxArchive, part: string): Promise<boolean[]> {
  const customFormats = new Map<string, string>();
  const styles: boolean[] = [];
  let inCellStyles = false;
  await archive.readXml(part, {
    open: (name, attributes) => {
      if (name === "numFmt") customFormats.set(attributes.numFmtId ?? "", attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellStyles = true;
      else if (name === "xf" && inCellStyles) {
        const id = attributes.numFmtId ?? "0";
        const code = customFormats.get(id);
        styles.push(code === undefined ? isBuiltInDateFormat(Number(id)) : isDateFormatCode(code));
      }
    },
    close: (name) => {
      if (name === "cellXfs") inCellStyles = false;
    },
  });
  return styles;
}

/**
 * Excel's built-in date and time formats (ECMA-376 part 1, 18.8.30): 14–17 dates such as
 * `m/d/yyyy` and `d-mmm-yy`, 18–21 times, 22 `m/d/yyyy h:mm`, 45–47 minutes and seconds.
 */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/**
 * Whether a custom number format shows a date: it has a day, month or year token (d, m, y) outside
 * quoted text ("days"), brackets ([Red], [$-419]) and escaped characters (\d, _x, *x). An `m`
 * with hours or seconds beside it (`h:mm`, elapsed `[h]:mm`) is minutes, so `m` alone counts only
 * without h and s.
 */
export function isDateFormatCode(code: string): boolean {
  const tokens = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/[\\_*]./g, "")
    .toLowerCase();
  return /[dy]/.test(tokens) || (tokens.includes("m") && !/[hs]/.test(tokens));
}
