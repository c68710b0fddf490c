// Minimal .xlsx files written by hand for the reader's tests: SpreadsheetML as ECMA-376 lays it
// out, zipped with fflate. Nothing here shares code with src/files, so a reader bug cannot hide
// behind a writer with the same bug.

import { strToU8, zipSync } from "fflate";

export interface SheetSpec {
  name: string;
  /** The sheet's `<sheetData>` XML: rows and cells exactly as they are to be in the file. */
  rows: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** The shared strings, in order (cell `<v>0</v>` with t="s" is the first). */
  shared?: string[];
  /**
   * Cell styles (`s` = index) as number format ids; custom formats (164 up) in `formats`.
   * Default: style 0 General, style 1 built-in 14 (m/d/yyyy).
   */
  styles?: number[];
  formats?: Record<number, string>;
  date1904?: boolean;
  /** Prefix every sheet element with `x:` (as some writers do). */
  prefixed?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const xmlText = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function xlsxBytes(spec: WorkbookSpec): Uint8Array {
  const styles = spec.styles ?? [0, 14];
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${spec.sheets
        .map((sheet, k) => `<sheet name="${xmlText(sheet.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${spec.sheets
        .map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`)
        .join(
          "",
        )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${(spec.shared ?? []).map((text) => `<si><t xml:space="preserve">${xmlText(text)}</t></si>`).join("")}</sst>`,
    ),
    "xl/styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts>${Object.entries(spec.formats ?? {})
        .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
        .join("")}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${styles
        .map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`)
        .join("")}</cellXfs></styleSheet>`,
    ),
  };
  spec.sheets.forEach((sheet, k) => {
    const rows = spec.prefixed ? sheet.rows.replace(/<(\/?)(row|c|v|is|t)\b/g, "<$1x:$2") : sheet.rows;
    const body = spec.prefixed
      ? `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`
      : `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}`);
  });
  return zipSync(files);
}

/** A row of cells `[reference, attributes, inner XML]`, e.g. `["A2", 't="s"', "<v>0</v>"]`. */
export function row(number: number, cells: [string, string, string][]): string {
  return `<row r="${number}">${cells.map(([ref, attributes, inner]) => `<c r="${ref}" ${attributes}>${inner}</c>`).join("")}</row>`;
}
