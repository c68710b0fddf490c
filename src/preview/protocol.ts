// The JSON the preview page and the preview server exchange (besides GridSnapshot).

import type { Language } from "../i18n/language";
import type { TemplateBuilder } from "./workbook";

export interface PreviewInfo {
  locale: string;
  language: Language;
  /** The template builders Code.js declares: one button each. */
  templateBuilders: TemplateBuilder[];
}

/** POST /api/select: an A1 range on a sheet, or whole rows dragged over the row headers. */
export interface SelectRequest {
  sheet?: string;
  a1?: string;
  rows?: [number, number];
}

/** POST /api/template. */
export interface TemplateRequest {
  builder?: TemplateBuilder;
}
