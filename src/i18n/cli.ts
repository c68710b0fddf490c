// Everything the command line says, in English and Russian.

import type { FileProblem } from "../files/file-error";
import type { Catalogue } from "./language";

/** Every file problem is worded here too: the command line shows them all. */
type CliKey =
  | FileProblem
  | "usage"
  | "badOption"
  | "unknownOption"
  | "optionNeedsValue"
  | "missingFile"
  | "extraArguments"
  | "badTarget"
  | "badEncoding"
  | "badDelimiter"
  | "unknownSheet"
  | "sheetWithoutWorkbook"
  | "badThreads"
  | "badEngine"
  | "badTimeZone"
  | "badCurrency"
  | "lapsedCsvNeedsHealth"
  | "settingNeedsHealth"
  | "sameOutput"
  | "lapsedWritten"
  | "badDialect"
  | "badColumnType"
  | "sqlNeedsColumns"
  | "duckdbMissing"
  | "duckdbUnloadable"
  | "duckdbFailed"
  | "duckdbNotUtf8"
  | "duckdbBadLine"
  | "duckdbWideRow"
  | "duckdbEncoding"
  | "duckdbSpaces"
  | "noFileMatches"
  | "severalFilesNeedDuckDb"
  | "patternNeedsDuckDb"
  | "duckdbMixedFiles"
  | "duckdbFilesDiffer"
  | "duckdbParquetLacksColumn"
  | "duckdbParquetLacksHealthColumn"
  | "duckdbParquetTypesDiffer"
  | "duckdbNotParquet"
  | "duckdbHint"
  | "skippedUnnumbered"
  | "badExclude"
  | "cannotWrite"
  | "reasonENOENT"
  | "reasonEACCES"
  | "reasonEISDIR"
  | "reasonENOSPC"
  | "standardOutput"
  | "outputIsInput"
  | "outOfMemory"
  | "internalError"
  | "columnNotFound"
  | "noColumn"
  | "excludeAndKeepAll"
  | "dealTypeTwoColumns"
  | "implausibleDateFlag"
  | "emptyFile"
  | "headerOnly"
  | "onlyRefunds"
  | "onlyExcluded"
  | "onlyLeftOutByStatus"
  | "noOrdersFirstSkip"
  | "noOrdersSomeSkip"
  | "columnNumber"
  | "fieldCustomer"
  | "fieldDate"
  | "fieldAmount"
  | "fieldManager"
  | "fieldDealType"
  | "roleDate"
  | "roleDealType"
  | "roleBudget"
  | "roleInitiatedBy"
  | "roleContact"
  | "title"
  | "fileLine"
  | "fileLineSheet"
  | "filesLine"
  | "csvFormat"
  | "rowsLine"
  | "customersLine"
  | "columnsLine"
  | "excludedLine"
  | "statusLine"
  | "doubtfulColumn"
  | "noHeader"
  | "candidateColumn"
  | "noCandidate"
  | "countStatusWithoutColumn"
  | "refundsLine"
  | "verdictLine"
  | "verdictStateBelow"
  | "verdictStateOk"
  | "tooEarlyLine"
  | "nothingToJudge"
  | "spanLine"
  | "horizonWithinDays"
  | "horizonReturns"
  | "horizonDefault"
  | "judgedLine"
  | "leftOutLine"
  | "allTimeLine"
  | "verdictBelow"
  | "verdictOk"
  | "medianLine"
  | "repeatShareLine"
  | "cohortsHeading"
  | "cohortsOmitted"
  | "period"
  | "newCustomers"
  | "returned"
  | "returnedInTime"
  | "rate"
  | "judged"
  | "judgedBelowTarget"
  | "leftOutCohort"
  | "belowTarget"
  | "tooEarly"
  | "managersHeading"
  | "manager"
  | "noManager"
  | "lostHeading"
  | "lostHeadingWithin"
  | "lostAmount"
  | "customer"
  | "firstPurchase"
  | "amount"
  | "daysSinceFirst"
  | "moreLost"
  | "skippedHeading"
  | "moreSkipped"
  | "skippedRow"
  | "skippedGroup"
  | "htmlTitle"
  | "htmlFooter"
  | "chartAlt"
  | "legendJudged"
  | "legendEarly"
  | "legendScale"
  | "dataHeading"
  | "chartTitle"
  | "targetLabel"
  | "htmlWritten"
  | "monthly"
  | "weekly"
  | "quarterly"
  | "yearly";

export const CLI_MESSAGES: Catalogue<CliKey> = {
  en: {
    usage: `Usage: sheets-retention report FILE.csv|FILE.xlsx [options]

Retention of new customers (second purchases ÷ first purchases) from an order CSV or .xlsx file,
against the 67 % rule. Columns, delimiter (, ; tab | or aligned with spaces) and encoding (UTF-8,
Windows-1251, UTF-16) are detected.

Columns (a header name or a number from 1):
  --customer COL        customer column
  --date COL            order date column
  --amount COL          order amount column
  --manager COL         manager column (whose new customers come back)
  --budget COL          the customer's yearly budget or potential (health check, question 2)
  --initiated-by COL    who started the sale: inbound or outbound (question 7)
  --contact COL         email or phone for the call list (--lapsed-csv)
                        (each found by its header when not named)
  --exclude COL=VALUE   leave out rows whose COL is VALUE (one-off project deals); by default,
                        rows whose deal type is Project or Проект are left out
  --keep-all-deals      leave out no deal type, not even Project
  --status-column COL   status or stage column: only completed purchases count (found by
                        itself in Shopify, WooCommerce, Stripe, 1C, amoCRM, Bitrix24 exports)
  --count-status VALUE  count rows of this status as purchases (repeatable), instead of
                        paid, completed, won …

Analysis:
  --target PERCENT      target retention from 1 to 100, default 67
  --period NAME         month (default), week, quarter, year (or месяц, неделя, квартал, год)
  --within-days N       count a return only within N days of the first purchase (the horizon;
                        default: the days within which 80% of second purchases came)
  --from DATE           new customers: first purchase on or after DATE
  --to DATE             … and on or before DATE
  --orders-start-with-business
                        judge the data's first month (week …) too: nobody in it bought before
                        the data starts (by default it is left out)
  --trend-threshold PERCENT
                        health check: a change beyond ±PERCENT is growth or a fall, default 10
  --lapsed-factor N     health check: a customer gone more than N times their usual gap has
                        lapsed (N above 1, default 2)

Input and output:
  --locale LOCALE       ru_RU, en_US, en_GB …: date order, decimal comma, language (default: $LANG)
  --encoding NAME       utf-8 or windows-1251 (default: detected)
  --delimiter CHAR      , ; tab | or space (columns aligned with spaces; default: detected)
  --sheet NAME          the sheet of an .xlsx file to read (default: the first)
  --json                print the report as JSON
  --html FILE           also write the report as a standalone HTML page (prints on A4)
  --lapsed-csv FILE     also write every lapsed customer (whom to call) as CSV
  --no-health           leave out the health check (the book's eight questions): faster
  --currency CUR        the amounts' currency: a code (RUB, USD, EUR) or a sign (₽, $, руб.)
  --no-color            plain text even in a terminal (so does NO_COLOR=1)
  --threads 1|2         2: a second thread counts while this one reads the file
                        (default: 2 for files of 8 MB or more on a machine with 2+ cores)
  --engine duckdb       run the report's query in DuckDB (optional dependency): for CSV or
                        Parquet files larger than memory, several files or a glob (UTF-8 only)
  --time-zone ZONE      the zone a timestamp's day is taken in (default UTC)
  -h, --help            this text
  -v, --version         the version

The same report as SQL, for BigQuery or DuckDB (docs/bigquery-duckdb.md):
  sheets-retention sql --table project.dataset.orders --customer COL --date COL [options]
  --dialect NAME        bigquery (default) or duckdb
  --table NAME          the table of orders
  --date-type TYPE      text (default: read as this command reads dates), date or timestamp
  --amount-type TYPE    text (default) or number
  --deal-type COL       the deal-type column: rows of Project or Проект are left out, as in
                        report (--exclude COL=VALUE leaves out another value, --keep-all-deals none)

Exit codes: 0 done, 1 the data cannot be read, 2 wrong usage, 3 an internal error.`,
    badOption: "{detail}",
    unknownOption: "unknown option {value} (sheets-retention --help lists them)",
    optionNeedsValue: "{value} needs a value; one that starts with a minus goes after an equals sign: {value}=-5",
    missingFile: "which CSV file? e.g. sheets-retention report orders.csv",
    extraArguments: "unexpected arguments: {value}",
    badTarget: "--target: {value} is not a percentage from 1 to 100",
    badEncoding: "--encoding: unknown encoding {value}; use utf-8 or windows-1251",
    badDelimiter: "--delimiter: {value} is not one of , ; tab | space",
    unknownSheet: "--sheet: {path} has no sheet «{value}»; its sheets are {sheets}",
    sheetWithoutWorkbook: "--sheet is for .xlsx files, and {path} is not one",
    notXlsx: "{path} is a zip file but not an .xlsx workbook (it has no workbook or no worksheet in it)",
    damagedXlsx: "{path} cannot be read as an .xlsx workbook, it looks damaged: {reason}",
    badThreads: "--threads: {value} is not 1 or 2",
    badEngine: "--engine: {value} is not duckdb (without --engine the command reads the file itself)",
    badTimeZone: "--time-zone: {value} is not a time zone; use a name such as Europe/Moscow or UTC",
    badCurrency: "--currency: {value} is not a currency; give a code such as RUB, USD or EUR, or a sign such as ₽ or $",
    lapsedCsvNeedsHealth: "--lapsed-csv needs the health check: leave out --no-health",
    settingNeedsHealth: "{flag} is a setting of the health check, which --no-health leaves out; give one of them",
    sameOutput: "--html and --lapsed-csv both name {path}; one would overwrite the other, so choose two paths",
    lapsedWritten: "Lapsed customers ({count}) written to {path}",
    badDialect: "--dialect: {value} is not bigquery or duckdb",
    badColumnType: "{flag}: {value} is not one of {allowed}",
    sqlNeedsColumns:
      "sql needs the table and its customer and date columns, e.g. sheets-retention sql --table project.dataset.orders --customer customer --date order_date",
    duckdbMissing:
      "--engine duckdb needs DuckDB, which is not installed: run npm install @duckdb/node-api where sheets-retention is installed (npm install -g @duckdb/node-api beside a global one), or use the command without --engine",
    duckdbUnloadable:
      "--engine duckdb: DuckDB is installed but could not be loaded ({reason}): reinstall it with npm install @duckdb/node-api, or use the command without --engine",
    duckdbFailed: "DuckDB could not read the orders: {reason}",
    duckdbNotUtf8:
      "{path}, line {line}: bytes that are not UTF-8, and DuckDB reads UTF-8 only: convert the file (iconv -f cp1251 -t utf-8, if it is Windows-1251), or leave out --engine duckdb, which reads a Windows-1251 file as it is",
    duckdbBadLine: "{path}, line {line}: DuckDB could not read this row: {reason}",
    duckdbWideRow:
      "{path}, line {line}: this row has more fields than the file's first rows, and DuckDB cannot read it; check its delimiters and quotes, or leave out --engine duckdb",
    duckdbEncoding:
      "{path} is in {encoding}, and DuckDB reads UTF-8 only: convert it (iconv -f cp1251 -t utf-8) or leave out --engine duckdb, which reads it as it is",
    duckdbSpaces: "{path} has its columns aligned with spaces, which DuckDB cannot split: leave out --engine duckdb, or convert it to CSV",
    noFileMatches: "no file matches {path}",
    severalFilesNeedDuckDb: "{value}: several files are read together with --engine duckdb; without it, give one file",
    patternNeedsDuckDb: "{path} is a pattern, not a file: the files a pattern matches are read with --engine duckdb",
    duckdbMixedFiles: "{csv} is CSV and {parquet} is Parquet: only files of one format can be read together",
    duckdbFilesDiffer:
      "{path} does not start as {first} does (another header, or the header on another line): only files with the same header can be read together",
    duckdbParquetLacksColumn:
      "{path} has no column {column}, which {holder} has and the report reads ({path} has: {columns}): name the column alike in every file, or leave the file out",
    duckdbParquetLacksHealthColumn:
      "{path} has no column {column}, which {holder} has and the health check reads ({path} has: {columns}): add --no-health to leave the health check out",
    duckdbParquetTypesDiffer:
      "column {column}: {path} stores it as {type} and {other} as {otherType}, which DuckDB cannot read together without changing values: store it as one type in every file, or as text",
    duckdbNotParquet: "{path} is not a Parquet file DuckDB can read: {reason}",
    duckdbHint: "tip: a file this large may not fit in this machine's memory; DuckDB can work from disk: add --engine duckdb",
    badExclude: "--exclude: {value} is not COLUMN=VALUE",
    excludeAndKeepAll: "--exclude {value} and --keep-all-deals say opposite things; give one of them",
    dealTypeTwoColumns: "--deal-type {column} and --exclude {value} name two different deal-type columns; give one",
    implausibleDateFlag: "{flag}: {value} is outside the years 1900–2100; is the year mistyped?",
    cannotRead: "cannot read {path}: {reason}",
    cannotWrite: "cannot write {path}: {reason}",
    reasonENOENT: "no such file or folder",
    reasonEACCES: "permission denied",
    reasonEISDIR: "it is a folder",
    reasonENOSPC: "no space left on the device",
    standardOutput: "the standard output",
    outputIsInput: "{flag} {path} is the orders file being read ({file}); writing there would overwrite it, so choose another path",
    fileChanged: "{path} changed while it was being read; run the report again",
    fileChangedAfterRead: "{path} changed before the customers' names could be read back from it; run the report again",
    unclosedQuote: "{path}, line {line}: a quote opens on this line and never closes; check the quotes there",
    quotedRowWidth:
      "{path}, line {line}: a quoted field opens on this line and runs over line breaks, and its row then has another number of fields than the rows before; check the quotes there",
    recordTooLong: "{path}, line {line}: the row starting here is too long to read (most likely a quote that opens here and never closes)",
    invalidUtf8: "{path}, line {line}: bytes that are not UTF-8, in a file read as UTF-8; name its encoding with --encoding",
    utf8InWindows1251:
      "{path}, line {line}: this line is UTF-8, but the file is read as Windows-1251 (as its first non-ASCII text was): it mixes two encodings",
    invalidUtf16: "{path}, line {line}: bytes that are not UTF-16, in a file that starts with a UTF-16 byte order mark",
    outOfMemory:
      "not enough memory to read {path}: the memory needed grows with the number of customers (about 200 bytes each), not of rows",
    internalError: "internal error, please report it with the command you ran: {reason}",
    columnNotFound: "{flag}: no column {value} (the columns are: {header})",
    noColumn: "no {field} column found (the columns are: {header}); name it with {flag}",
    emptyFile: "{path} is empty: no header and no orders",
    headerOnly: "{path}: no orders, nothing below the header",
    onlyRefunds:
      "{path}: no purchases, all {count} {count|order has a negative amount|orders have negative amounts} (refunds or cancellations)",
    onlyExcluded:
      "{path}: no orders to count, all {count} {count|is a one-off deal|are one-off deals} left out (--keep-all-deals counts them)",
    onlyLeftOutByStatus:
      "{path}: no completed purchase, all {count} {count|order is|orders are} left out by their status (--count-status VALUE counts a status)",
    noOrdersFirstSkip: "{path}: no order could be read; the first problem: {reason}",
    noOrdersSomeSkip: "{path}: no order could be read; one of the problems: {reason}",
    columnNumber: "column {n}",
    fieldCustomer: "customer",
    fieldDate: "date",
    fieldAmount: "amount",
    fieldManager: "manager",
    fieldDealType: "deal type",
    roleDate: "Date",
    roleDealType: "Deal type",
    roleBudget: "Budget",
    roleInitiatedBy: "Initiated by",
    roleContact: "Contact",
    title: "Retention of new customers",
    fileLine: "File {path} ({format})",
    filesLine: "Files {path}: {count} ({format})",
    csvFormat: "{encoding}, delimiter {delimiter}",
    fileLineSheet: "File {path} (sheet «{sheet}»)",
    columnsLine: "Columns: {columns}",
    rowsLine: "Rows: {rows}; orders: {orders}; skipped: {skipped}; blank: {blank}",
    excludedLine: "Rows left out as one-off deals: {count} ({column}: {values})",
    statusLine: "Left out by status ({column}): {counts}",
    doubtfulColumn: "which column is the {field}: {candidates}? Name it, e.g. {example}",
    noHeader:
      "no header names the customer and date columns, and they are not guessed from the contents. Columns that look like them: {candidates}. Name them by number, e.g. {flags}",
    candidateColumn: "column {n} ({sample})",
    noCandidate: "none",
    countStatusWithoutColumn: "--count-status: no status column found; name it with --status-column",
    refundsLine: "Refund rows (negative amounts), not counted as purchases: {count}, totalling {amount}",
    customersLine: "Customers: {customers}, orders from {first} to {last}",
    verdictLine: "Retention of new customers: {rate} (target {target}) — {state}",
    verdictStateBelow: "below target",
    verdictStateOk: "on target",
    tooEarlyLine: "Retention of new customers: too early to judge: the orders must reach {date}",
    nothingToJudge: "Retention of new customers: nothing to judge: no new customers in the cohorts old enough",
    spanLine: "Cohorts {from} … {to}; returns counted within {days} {days|day|days} ({why})",
    horizonWithinDays: "--within-days",
    horizonReturns: "80% of second purchases came that soon",
    horizonDefault: "nobody has come back yet, so a year",
    judgedLine:
      "Judged: {newCustomers} new {newCustomers|customer|customers}, {returned} came back within {days} {days|day|days}, {notReturned} did not",
    leftOutLine:
      "The data's first {period}, {label}, is left out: its customers may have bought before the data starts (--orders-start-with-business counts it)",
    allTimeLine:
      "All time: {rate}; of the {newCustomers} new customers {returned} came back, {notReturned} did not, {tooEarly} too recent to tell",
    verdictBelow: "Below target: a hole in the pocket, customers are won and lost.",
    verdictOk: "At or above target: the business keeps the customers it wins.",
    medianLine: "Median time to the second purchase: {days} {days|day|days}",
    repeatShareLine: "Repeat revenue share: {share}",
    cohortsHeading: "Cohorts by first purchase ({period})",
    cohortsOmitted: "({count} older {count|cohort|cohorts} left out)",
    period: "Period",
    newCustomers: "New",
    returned: "Returned",
    returnedInTime: "Within {days} d",
    rate: "Rate",
    judged: "judged",
    judgedBelowTarget: "judged, below target",
    leftOutCohort: "the data's first, left out",
    belowTarget: "below target",
    tooEarly: "too early to judge",
    managersHeading: "Managers: whose new customers come back",
    manager: "Manager",
    noManager: "(none)",
    lostHeading: "Customers who never came back, though {days} {days|day|days} or more have passed: {count}",
    lostHeadingWithin: "Customers who did not come back within {days} {days|day|days}: {count}",
    lostAmount: "they spent {amount} in total",
    customer: "Customer",
    firstPurchase: "First purchase",
    amount: "Amount",
    daysSinceFirst: "Days since",
    moreLost: "… and {count} more",
    skippedHeading: "Skipped rows: {count}",
    moreSkipped: "… and {count} more",
    skippedRow: "line {row}: {reason}",
    skippedGroup: "{count} rows: {reason} (lines {rows})",
    skippedUnnumbered: "rows: {count} — {reason}",
    htmlTitle: "Retention of new customers — {file}",
    htmlFooter: "{product} {version}",
    chartAlt:
      "Bar chart of the {count} cohorts' retention within the horizon, oldest first, with the target as a dashed line; the table below gives each figure.",
    legendJudged: "judged by the verdict",
    legendEarly: "too early to judge",
    legendScale: "the darker, the larger the share of the cohort who bought in that period",
    dataHeading: "The data read",
    chartTitle: "Retention by cohort, with the target",
    targetLabel: "target {target}",
    htmlWritten: "HTML report written to {path}",
    monthly: "month",
    weekly: "week",
    quarterly: "quarter",
    yearly: "year",
  },
  ru: {
    usage: `Использование: sheets-retention report ФАЙЛ.csv|ФАЙЛ.xlsx [параметры]

Удержание новых клиентов (вторые покупки ÷ первые покупки) по файлу заказов CSV или .xlsx, против
правила 67 %. Столбцы, разделитель (, ; табуляция | или выравнивание пробелами) и кодировка (UTF-8,
Windows-1251, UTF-16) определяются сами.

Столбцы (название из заголовка или номер с 1):
  --customer СТОЛБЕЦ    клиент
  --date СТОЛБЕЦ        дата заказа
  --amount СТОЛБЕЦ      сумма заказа
  --manager СТОЛБЕЦ     менеджер (чьи новые клиенты возвращаются)
  --budget СТОЛБЕЦ      годовой бюджет или потенциал клиента (проверка здоровья, вопрос 2)
  --initiated-by СТОЛБЕЦ  инициатор продажи: входящее или исходящее обращение (вопрос 7)
  --contact СТОЛБЕЦ     почта или телефон для списка обзвона (--lapsed-csv)
                        (если столбец не указан, он ищется по заголовку)
  --exclude СТОЛБЕЦ=ЗНАЧЕНИЕ  не учитывать строки с этим значением (разовые проектные сделки);
                        по умолчанию не учитываются строки с типом сделки «Проект» или «Project»
  --keep-all-deals      учитывать все сделки, и проектные тоже
  --status-column СТОЛБЕЦ  статус или этап: учитываются только завершённые покупки (сам
                        находится в выгрузках Shopify, WooCommerce, Stripe, 1С, amoCRM, Битрикс24)
  --count-status ЗНАЧЕНИЕ  считать покупками строки с этим статусом (можно несколько раз)
                        вместо «оплачен», «выполнен», «успешно реализовано» …

Анализ:
  --target ПРОЦЕНТ      целевое удержание от 1 до 100, по умолчанию 67
  --period ПЕРИОД       месяц (по умолчанию), неделя, квартал, год (или month, week, quarter, year)
  --within-days N       засчитывать вторую покупку только в течение N дней после первой (горизонт;
                        по умолчанию — срок, в который укладываются 80 % вторых покупок)
  --from ДАТА           новые клиенты: первая покупка не раньше ДАТЫ
  --to ДАТА             … и не позже ДАТЫ
  --orders-start-with-business
                        оценивать и первый месяц (неделю …) данных: до начала данных никто
                        не покупал (по умолчанию первый период не учитывается)
  --trend-threshold ПРОЦЕНТ
                        проверка здоровья: изменение больше чем на ±ПРОЦЕНТ — рост или спад,
                        по умолчанию 10
  --lapsed-factor N     проверка здоровья: клиент ушёл, если его нет дольше N его обычных
                        интервалов между покупками (N больше 1, по умолчанию 2)

Ввод и вывод:
  --locale ЛОКАЛЬ       ru_RU, en_US …: порядок в датах, десятичная запятая, язык (по умолчанию $LANG)
  --encoding ИМЯ        utf-8 или windows-1251 (по умолчанию определяется)
  --delimiter СИМВОЛ    , ; tab | или space (столбцы выровнены пробелами; по умолчанию определяется)
  --sheet ЛИСТ          какой лист файла .xlsx читать (по умолчанию первый)
  --json                вывести отчёт в JSON
  --html ФАЙЛ           записать отчёт отдельной HTML-страницей (печатается на A4)
  --lapsed-csv ФАЙЛ     записать всех ушедших клиентов (кому позвонить) в CSV
  --no-health           без проверки здоровья (восьми вопросов книги): быстрее
  --currency ВАЛЮТА     валюта сумм: код (RUB, USD, EUR) или знак (₽, $, руб.)
  --no-color            без цвета даже в терминале (как и NO_COLOR=1)
  --threads 1|2         2: второй поток считает, пока этот читает файл
                        (по умолчанию 2 для файлов от 8 МБ на машине с 2+ ядрами)
  --engine duckdb       считать отчёт запросом в DuckDB (необязательная зависимость): для файлов
                        CSV и Parquet больше памяти, нескольких файлов или шаблона (только UTF-8)
  --time-zone ПОЯС      в каком часовом поясе брать день у времени (по умолчанию UTC)
  -h, --help            эта справка
  -v, --version         версия

Тот же отчёт на SQL, для BigQuery или DuckDB (docs/bigquery-duckdb.md):
  sheets-retention sql --table project.dataset.orders --customer СТОЛБЕЦ --date СТОЛБЕЦ [параметры]
  --dialect ИМЯ         bigquery (по умолчанию) или duckdb
  --table ИМЯ           таблица заказов
  --date-type ТИП       text (по умолчанию: даты читаются, как их читает эта команда), date или timestamp
  --amount-type ТИП     text (по умолчанию) или number
  --deal-type СТОЛБЕЦ   столбец с типом сделки: строки Project и Проект не считаются, как в
                        report (--exclude СТОЛБЕЦ=ЗНАЧЕНИЕ убирает другое значение,
                        --keep-all-deals — ничего)

Коды выхода: 0 готово, 1 данные не читаются, 2 неверный вызов, 3 внутренняя ошибка.`,
    badOption: "{detail}",
    unknownOption: "неизвестный флаг {value} (все флаги: sheets-retention --help)",
    optionNeedsValue: "флагу {value} нужно значение; значение с минусом пишется через знак равенства: {value}=-5",
    missingFile: "какой CSV-файл? например: sheets-retention report orders.csv",
    extraArguments: "лишние аргументы: {value}",
    badTarget: "--target: {value} не процент от 1 до 100",
    badEncoding: "--encoding: неизвестная кодировка {value}; используйте utf-8 или windows-1251",
    badDelimiter: "--delimiter: {value} не один из , ; tab | space",
    unknownSheet: "--sheet: в файле {path} нет листа «{value}»; его листы: {sheets}",
    sheetWithoutWorkbook: "--sheet нужен только для файлов .xlsx, а {path} не такой файл",
    notXlsx: "{path} — zip-архив, но не книга .xlsx (в нём нет книги или ни одного листа)",
    damagedXlsx: "{path} не читается как книга .xlsx, похоже, файл повреждён: {reason}",
    badThreads: "--threads: {value} — не 1 и не 2",
    badEngine: "--engine: {value} — не duckdb (без --engine команда читает файл сама)",
    badTimeZone: "--time-zone: {value} — не часовой пояс; укажите, например, Europe/Moscow или UTC",
    badCurrency: "--currency: {value} — не валюта; укажите код (RUB, USD, EUR) или знак (₽, $)",
    lapsedCsvNeedsHealth: "для --lapsed-csv нужна проверка здоровья: уберите --no-health",
    settingNeedsHealth: "{flag} настраивает проверку здоровья, а --no-health её отключает; укажите что-то одно",
    sameOutput: "--html и --lapsed-csv указывают на один файл {path}; один затёр бы другой, укажите два пути",
    lapsedWritten: "Ушедшие клиенты ({count}) записаны в {path}",
    badDialect: "--dialect: {value} — не bigquery и не duckdb",
    badColumnType: "{flag}: {value} — не из списка: {allowed}",
    sqlNeedsColumns:
      "для sql нужны таблица и столбцы клиента и даты, например: sheets-retention sql --table project.dataset.orders --customer customer --date order_date",
    duckdbMissing:
      "для --engine duckdb нужна DuckDB, а она не установлена: выполните npm install @duckdb/node-api там, где установлена sheets-retention (npm install -g @duckdb/node-api рядом с глобальной), или запустите команду без --engine",
    duckdbUnloadable:
      "--engine duckdb: DuckDB установлена, но не загружается ({reason}): переустановите её (npm install @duckdb/node-api) или запустите команду без --engine",
    duckdbFailed: "DuckDB не смогла прочитать заказы: {reason}",
    duckdbNotUtf8:
      "{path}, строка {line}: байты не в UTF-8, а DuckDB читает только UTF-8: перекодируйте файл (iconv -f cp1251 -t utf-8, если он в Windows-1251) или уберите --engine duckdb — без него файл в Windows-1251 читается как есть",
    duckdbBadLine: "{path}, строка {line}: DuckDB не смогла прочитать эту строку: {reason}",
    duckdbWideRow:
      "{path}, строка {line}: в этой строке больше полей, чем в первых строках файла, и DuckDB не может её прочитать; проверьте в ней разделители и кавычки или уберите --engine duckdb",
    duckdbEncoding:
      "{path} в кодировке {encoding}, а DuckDB читает только UTF-8: перекодируйте файл (iconv -f cp1251 -t utf-8) или уберите --engine duckdb — без него файл читается как есть",
    duckdbSpaces: "в {path} столбцы выровнены пробелами, а DuckDB так их не разделит: уберите --engine duckdb или сохраните файл как CSV",
    noFileMatches: "под шаблон {path} не подходит ни один файл",
    severalFilesNeedDuckDb: "{value}: несколько файлов вместе читаются с --engine duckdb; без него укажите один файл",
    patternNeedsDuckDb: "{path} — шаблон, а не файл: файлы по шаблону читаются с --engine duckdb",
    duckdbMixedFiles: "{csv} — CSV, а {parquet} — Parquet: вместе читаются только файлы одного формата",
    duckdbFilesDiffer:
      "файл {path} начинается не так, как {first}: другой заголовок или заголовок на другой строке. Вместе читаются только файлы с одинаковым заголовком",
    duckdbParquetLacksColumn:
      "в файле {path} нет столбца {column}, который есть в {holder} и нужен отчёту (столбцы в {path}: {columns}): назовите столбец одинаково во всех файлах или не включайте этот файл",
    duckdbParquetLacksHealthColumn:
      "в файле {path} нет столбца {column}, который есть в {holder} и нужен проверке здоровья (столбцы в {path}: {columns}): добавьте --no-health, чтобы построить отчёт без неё",
    duckdbParquetTypesDiffer:
      "столбец {column}: в {path} он типа {type}, а в {other} — {otherType}; вместе DuckDB прочитает их, только изменив значения: храните его в одном типе во всех файлах или как текст",
    duckdbNotParquet: "{path} — не файл Parquet, который может прочитать DuckDB: {reason}",
    duckdbHint:
      "совет: такой большой файл может не уместиться в памяти этой машины, а DuckDB умеет считать с диска — добавьте --engine duckdb",
    badExclude: "--exclude: {value} не в виде СТОЛБЕЦ=ЗНАЧЕНИЕ",
    excludeAndKeepAll: "--exclude {value} и --keep-all-deals противоречат друг другу; оставьте что-то одно",
    dealTypeTwoColumns: "--deal-type {column} и --exclude {value} называют два разных столбца с типом сделки; оставьте один",
    implausibleDateFlag: "{flag}: дата {value} вне 1900–2100 годов; год набран с ошибкой?",
    cannotRead: "не удалось прочитать {path}: {reason}",
    cannotWrite: "не удалось записать {path}: {reason}",
    reasonENOENT: "нет такого файла или папки",
    reasonEACCES: "нет прав доступа",
    reasonEISDIR: "это папка",
    reasonENOSPC: "на диске нет места",
    standardOutput: "стандартный вывод",
    outputIsInput: "{flag} {path} — это читаемый файл с заказами ({file}); запись затёрла бы его, укажите другой путь",
    fileChanged: "файл {path} изменился, пока его читали; запустите отчёт ещё раз",
    fileChangedAfterRead: "файл {path} изменился раньше, чем из него успели прочитать имена клиентов; запустите отчёт ещё раз",
    unclosedQuote: "{path}, строка {line}: кавычка открывается в этой строке и не закрывается; проверьте кавычки в ней",
    quotedRowWidth:
      "{path}, строка {line}: поле в кавычках открывается в этой строке и продолжается через переводы строк, и в его строке другое число полей, чем в строках до неё; проверьте кавычки в ней",
    recordTooLong:
      "{path}, строка {line}: строка, которая начинается здесь, слишком длинная (скорее всего, кавычка открывается здесь и не закрывается)",
    invalidUtf8: "{path}, строка {line}: байты не в UTF-8, а файл читается как UTF-8; укажите его кодировку через --encoding",
    utf8InWindows1251:
      "{path}, строка {line}: эта строка в UTF-8, а файл читается как Windows-1251 (в ней был его первый не-ASCII текст): в файле смешаны две кодировки",
    invalidUtf16: "{path}, строка {line}: байты не в UTF-16, а файл начинается с метки порядка байтов UTF-16",
    outOfMemory:
      "не хватает памяти, чтобы прочитать {path}: нужная память растёт с числом клиентов (около 200 байт на клиента), а не строк",
    internalError: "внутренняя ошибка, сообщите о ней вместе с командой, которую вы запускали: {reason}",
    columnNotFound: "{flag}: нет столбца {value} (столбцы: {header})",
    noColumn: "не найден столбец «{field}» (столбцы: {header}); укажите его через {flag}",
    emptyFile: "файл {path} пуст: ни заголовка, ни заказов",
    headerOnly: "{path}: заказов нет, под заголовком ничего нет",
    onlyRefunds: "{path}: покупок нет, у всех заказов ({count}) отрицательная сумма (возвраты или отмены)",
    onlyExcluded: "{path}: считать нечего, все заказы ({count}) — разовые сделки, они не учитываются (--keep-all-deals учтёт их)",
    onlyLeftOutByStatus:
      "{path}: завершённых покупок нет, все заказы ({count}) не учтены по статусу (--count-status ЗНАЧЕНИЕ учтёт статус)",
    noOrdersFirstSkip: "{path}: не удалось прочитать ни одного заказа; первая проблема: {reason}",
    noOrdersSomeSkip: "{path}: не удалось прочитать ни одного заказа; одна из проблем: {reason}",
    columnNumber: "столбец {n}",
    fieldCustomer: "клиент",
    fieldDate: "дата",
    fieldAmount: "сумма",
    fieldManager: "менеджер",
    fieldDealType: "тип сделки",
    roleDate: "Дата",
    roleDealType: "Тип сделки",
    roleBudget: "Бюджет",
    roleInitiatedBy: "Инициатор",
    roleContact: "Контакт",
    title: "Удержание новых клиентов",
    fileLine: "Файл {path} ({format})",
    filesLine: "Файлы {path}: {count} ({format})",
    csvFormat: "{encoding}, разделитель {delimiter}",
    fileLineSheet: "Файл {path} (лист «{sheet}»)",
    columnsLine: "Столбцы: {columns}",
    rowsLine: "Строк: {rows}; заказов: {orders}; пропущено: {skipped}; пустых: {blank}",
    excludedLine: "Строк не учтено как разовые сделки: {count} ({column}: {values})",
    statusLine: "Не учтено по статусу ({column}): {counts}",
    doubtfulColumn: "какой столбец — «{field}»: {candidates}? Укажите его, например: {example}",
    noHeader:
      "в заголовке нет столбцов клиента и даты, а по содержимому они не угадываются. Похожие столбцы — {candidates}. Укажите их номера, например: {flags}",
    candidateColumn: "столбец {n} ({sample})",
    noCandidate: "нет подходящих",
    countStatusWithoutColumn: "--count-status: столбец статуса не найден; укажите его через --status-column",
    refundsLine: "Возвраты денег и отмены (отрицательные суммы) не считаются покупками: строк {count}, на сумму {amount}",
    customersLine: "Клиентов: {customers}, заказы с {first} по {last}",
    verdictLine: "Удержание новых клиентов: {rate} (цель {target}) — {state}",
    verdictStateBelow: "ниже цели",
    verdictStateOk: "цель достигнута",
    tooEarlyLine: "Удержание новых клиентов: судить рано — заказы должны доходить хотя бы до {date}",
    nothingToJudge: "Удержание новых клиентов: оценивать нечего — в достаточно старых когортах нет новых клиентов",
    spanLine: "Когорты {from} … {to}; вторая покупка засчитывается в течение {days} дн. ({why})",
    horizonWithinDays: "--within-days",
    horizonReturns: "в этот срок укладываются 80 % вторых покупок",
    horizonDefault: "никто ещё не вернулся, поэтому год",
    judgedLine: "Оценено новых клиентов: {newCustomers}; вернулись в течение {days} дн.: {returned}, не вернулись: {notReturned}",
    leftOutLine:
      "Первый период данных ({label}) не учтён: его клиенты могли покупать и до начала данных (--orders-start-with-business учтёт его)",
    allTimeLine:
      "За всё время: {rate}; новых клиентов {newCustomers}: вернулись {returned}, не вернулись {notReturned}, ещё рано судить: {tooEarly}",
    verdictBelow: "Ниже цели: дыра в кармане — клиентов привлекают и теряют.",
    verdictOk: "Цель достигнута: бизнес удерживает привлечённых клиентов.",
    medianLine: "Медиана времени до второй покупки: {days} дн.",
    repeatShareLine: "Доля выручки от повторных покупок: {share}",
    cohortsHeading: "Когорты по первой покупке ({period})",
    cohortsOmitted: "(старых когорт не показано: {count})",
    period: "Период",
    newCustomers: "Новые",
    returned: "Вернулись",
    returnedInTime: "За {days} дн.",
    rate: "Доля",
    judged: "оценена",
    judgedBelowTarget: "оценена, ниже цели",
    leftOutCohort: "первая в данных, не учтена",
    belowTarget: "ниже цели",
    tooEarly: "рано судить",
    managersHeading: "Менеджеры: чьи новые клиенты возвращаются",
    manager: "Менеджер",
    noManager: "(не указан)",
    lostHeading: "Клиенты, которые так и не вернулись, хотя прошло {days} дн. и больше: {count}",
    lostHeadingWithin: "Клиенты, которые не вернулись в течение {days} дн.: {count}",
    lostAmount: "всего они потратили {amount}",
    customer: "Клиент",
    firstPurchase: "Первая покупка",
    amount: "Сумма",
    daysSinceFirst: "Дней прошло",
    moreLost: "… и ещё {count}",
    skippedHeading: "Пропущено строк: {count}",
    moreSkipped: "… и ещё {count}",
    skippedRow: "строка {row}: {reason}",
    skippedGroup: "строк: {count} — {reason} (строки {rows})",
    skippedUnnumbered: "строк: {count} — {reason}",
    htmlTitle: "Удержание новых клиентов — {file}",
    htmlFooter: "{product} {version}",
    chartAlt:
      "Столбчатая диаграмма: удержание в пределах срока по когортам (всего: {count}), от старых к новым, цель — пунктирная линия; все значения — в таблице ниже.",
    legendJudged: "оцениваются вердиктом",
    legendEarly: "судить рано",
    legendScale: "чем темнее клетка, тем больше доля когорты, купившей в этом периоде",
    dataHeading: "Прочитанные данные",
    chartTitle: "Удержание по когортам и цель",
    targetLabel: "цель {target}",
    htmlWritten: "HTML-отчёт записан в {path}",
    monthly: "месяц",
    weekly: "неделя",
    quarterly: "квартал",
    yearly: "год",
  },
};

/** The row-level problems of a skipped row, worded without the row: a group of rows shares one reason. */
export type SkippedReasonCode = "missingCustomer" | "missingDate" | "badDate" | "badAmount" | "errorValue" | "implausibleDate";

/** `{value}` is one quoted value, or the first few of a group's different values. */
export const SKIPPED_REASONS: Catalogue<SkippedReasonCode> = {
  en: {
    missingCustomer: "{argument}: the customer is empty but the row has other values",
    missingDate: "{argument}: no date (customer {value})",
    badDate: "{argument}: cannot read {value} as a date (use 2024-03-05 or 05.03.2024)",
    badAmount: "{argument}: cannot read {value} as an amount",
    errorValue: "{argument}: {value} is a sheet error, not a value",
    implausibleDate: "{argument}: {value} is outside the years 1900–2100; is the year mistyped?",
  },
  ru: {
    missingCustomer: "{argument}: клиент не указан, хотя в строке есть другие значения",
    missingDate: "{argument}: нет даты (клиент {value})",
    badDate: "{argument}: не удалось прочитать дату {value} (нужно 2024-03-05 или 05.03.2024)",
    badAmount: "{argument}: не удалось прочитать сумму {value}",
    errorValue: "{argument}: {value} — ошибка в таблице, а не значение",
    implausibleDate: "{argument}: дата {value} вне 1900–2100 годов; год набран с ошибкой?",
  },
};
