// The cohort heatmap's and the judged-cohort trend line's words, shared by the sidebar and the CLI's
// HTML report (both draw src/presentation/cohort-heatmap.ts). Period names appear only in the
// nominative, so no Russian numeral has to agree with them.

import type { Catalogue } from "./language";

type HeatmapKey =
  | "heatmapTitle"
  | "axisMonth"
  | "axisWeek"
  | "axisQuarter"
  | "axisYear"
  | "unitMonth"
  | "unitWeek"
  | "unitQuarter"
  | "unitYear"
  | "cellTitle"
  | "rowTitle"
  | "rowsOmitted"
  | "legend"
  | "heatmapAlt"
  | "heatmapAltJudged"
  | "heatmapAltNext"
  | "trendTitle"
  | "trendAlt"
  | "targetLine";

export const HEATMAP_TEXT: Catalogue<HeatmapKey> = {
  en: {
    heatmapTitle: "Who bought again, by cohort",
    axisMonth: "Months after the first purchase",
    axisWeek: "Weeks after the first purchase",
    axisQuarter: "Quarters after the first purchase",
    axisYear: "Years after the first purchase",
    unitMonth: "month",
    unitWeek: "week",
    unitQuarter: "quarter",
    unitYear: "year",
    cellTitle: "{period}, {unit} {offset}: {count} of {size} bought ({share})",
    rowTitle: "{period}: {size} new {size|customer|customers}",
    rowsOmitted: "Older cohorts not shown: {count}",
    legend: "Darker: more of the cohort bought. Bar on the left: the cohorts the verdict judges; hatched: too early to judge.",
    heatmapAlt:
      "Cohort heatmap, {cohorts} cohorts from {from} to {to}. Each row is a cohort of new customers, each column a {unit} after their first purchase, each cell the share of the cohort who bought in it.",
    heatmapAltJudged: "The verdict judges the cohorts {from} to {to}.",
    heatmapAltNext:
      "In the {unit} after the first, {share} of the judged cohorts' customers bought again; best {best} ({bestShare}), weakest {worst} ({worstShare}).",
    trendTitle: "Retention of the latest judged cohorts",
    trendAlt:
      "Retention of the {count} latest judged cohorts, {from} to {to}: {first} at first, {last} at the end; target {target}; below target: {below} of {count}.",
    targetLine: "target {target}",
  },
  ru: {
    heatmapTitle: "Кто покупал снова: по когортам",
    axisMonth: "Месяц после первой покупки",
    axisWeek: "Неделя после первой покупки",
    axisQuarter: "Квартал после первой покупки",
    axisYear: "Год после первой покупки",
    unitMonth: "месяц",
    unitWeek: "неделя",
    unitQuarter: "квартал",
    unitYear: "год",
    cellTitle: "{period}, {unit} {offset}: купили {count} из {size} ({share})",
    rowTitle: "{period}: новых клиентов — {size}",
    rowsOmitted: "Более ранние когорты не показаны: {count}",
    legend:
      "Чем темнее, тем больше клиентов когорты купили. Полоса слева — когорты, которые оценивает вердикт; штриховка — судить ещё рано.",
    heatmapAlt:
      "Тепловая карта когорт с {from} по {to} (всего когорт: {cohorts}). Строка — когорта новых клиентов, столбец — период после первой покупки ({unit}), в клетке — доля клиентов когорты, купивших в этом периоде.",
    heatmapAltJudged: "Вердикт оценивает когорты с {from} по {to}.",
    heatmapAltNext:
      "В следующем периоде после первой покупки снова купили {share} клиентов оцениваемых когорт; лучшая когорта — {best} ({bestShare}), худшая — {worst} ({worstShare}).",
    trendTitle: "Удержание последних оцениваемых когорт",
    trendAlt:
      "Удержание последних оцениваемых когорт с {from} по {to} (всего: {count}): в начале {first}, в конце {last}; цель {target}; ниже цели — {below} из {count}.",
    targetLine: "цель {target}",
  },
};
