// The JSON the preview page and the preview server exchange (besides GridSnapshot).

import type { Language } from "../i18n/language";

export interface PreviewInfo {
  locale: string;
  language: Language;
  /** Whether the "Create template" button can work (createTemplate and the evaluator are there). */
  template: boolean;
}

/** POST /api/select: an A1 range on a sheet, or whole rows dragged over the row headers. */
export interface SelectRequest {
  sheet?: string;
  a1?: string;
  rows?: [number, number];
}
