-- summary
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
)
SELECT
  (SELECT SUM(row_count) FROM row_counts) AS row_count,
  (SELECT SUM(row_count) FROM row_counts WHERE fate = 'order') AS orders,
  (SELECT COALESCE(SUM(refund_rows), 0) FROM customers) AS refund_rows,
  (SELECT COALESCE(SUM(refund_amount), 0) FROM customers) AS refund_amount,
  customers,
  DATE_FROM_UNIX_DATE(earliest_day) AS first_date,
  DATE_FROM_UNIX_DATE(latest_day) AS last_date,
  earliest_day, latest_day, horizon_days, horizon_source,
  span_first, span_last, latest_judgeable, earliest_period, last_period,
  CASE WHEN span_first <= span_last THEN span_first END AS verdict_first_period,
  CASE WHEN span_first <= span_last THEN span_last END AS verdict_last_period,
  CASE WHEN span_first <= span_last THEN FORMAT_DATE('%Y-%m', DATE(CAST(FLOOR((span_first) / 12) AS INT64), MOD(span_first, 12) + 1, 1)) END AS verdict_from_period,
  CASE WHEN span_first <= span_last THEN FORMAT_DATE('%Y-%m', DATE(CAST(FLOOR((span_last) / 12) AS INT64), MOD(span_last, 12) + 1, 1)) END AS verdict_to_period,
  CASE WHEN left_out THEN first_data_period END AS left_out_period,
  (SELECT COALESCE(SUM(CASE WHEN w.period_index BETWEEN s.span_first AND s.span_last THEN 1 ELSE 0 END), 0) FROM window_customers AS w CROSS JOIN verdict_span AS s) AS verdict_first_purchases,
  (SELECT COALESCE(SUM(CASE WHEN w.period_index BETWEEN s.span_first AND s.span_last AND w.returned_in_time THEN 1 ELSE 0 END), 0) FROM window_customers AS w CROSS JOIN verdict_span AS s) AS verdict_second_purchases,
  SAFE_DIVIDE((SELECT COALESCE(SUM(CASE WHEN w.period_index BETWEEN s.span_first AND s.span_last AND w.returned_in_time THEN 1 ELSE 0 END), 0) FROM window_customers AS w CROSS JOIN verdict_span AS s), (SELECT COALESCE(SUM(CASE WHEN w.period_index BETWEEN s.span_first AND s.span_last THEN 1 ELSE 0 END), 0) FROM window_customers AS w CROSS JOIN verdict_span AS s)) AS verdict_rate,
  COALESCE(SAFE_DIVIDE((SELECT COALESCE(SUM(CASE WHEN w.period_index BETWEEN s.span_first AND s.span_last AND w.returned_in_time THEN 1 ELSE 0 END), 0) FROM window_customers AS w CROSS JOIN verdict_span AS s), (SELECT COALESCE(SUM(CASE WHEN w.period_index BETWEEN s.span_first AND s.span_last THEN 1 ELSE 0 END), 0) FROM window_customers AS w CROSS JOIN verdict_span AS s)) < CAST('0.67' AS FLOAT64), FALSE) AS below_target,
  (SELECT COUNT(*) FROM window_customers) AS first_purchases,
  (SELECT COALESCE(SUM(CASE WHEN returned THEN 1 ELSE 0 END), 0) FROM window_customers) AS second_purchases,
  (SELECT COALESCE(SUM(CASE WHEN NOT returned AND had_time THEN 1 ELSE 0 END), 0) FROM window_customers) AS lost_customers,
  (SELECT SUM(CASE WHEN NOT returned AND had_time THEN total_amount ELSE 0 END) FROM window_customers) AS lost_amount,
  ((SELECT MIN(gap) FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total FROM window_gaps) AS ranked WHERE upto > FLOOR((total - 1) / 2)) + (SELECT MIN(gap) FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total FROM window_gaps) AS ranked WHERE upto > FLOOR(total / 2))) / 2 AS median_days_to_second,
  (SELECT SUM(window_amount) FROM customers WHERE first_day IS NOT NULL) AS window_revenue,
  (SELECT SUM(first_day_amount) FROM customers WHERE first_day IS NOT NULL) AS first_day_revenue
FROM verdict_span;

-- cohorts
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
)
SELECT period_index,
  FORMAT_DATE('%Y-%m', DATE(CAST(FLOOR((period_index) / 12) AS INT64), MOD(period_index, 12) + 1, 1)) AS period,
  DATE(CAST(FLOOR((period_index) / 12) AS INT64), MOD(period_index, 12) + 1, 1) AS period_start,
  DATE_FROM_UNIX_DATE(UNIX_DATE(DATE(CAST(FLOOR(((period_index) + 1) / 12) AS INT64), MOD((period_index) + 1, 12) + 1, 1)) - 1) AS period_end,
  new_customers, returned, returned_in_time,
  SAFE_DIVIDE(returned, new_customers) AS rate,
  SAFE_DIVIDE(returned_in_time, new_customers) AS rate_in_time,
  period_index > latest_judgeable AS too_early,
  (period_index BETWEEN span_first AND span_last) AS judged,
  period_index <= latest_judgeable AND SAFE_DIVIDE(returned_in_time, new_customers) < CAST('0.67' AS FLOAT64) AS below_target
FROM cohort_rows CROSS JOIN verdict_span
ORDER BY period_index;

-- managers
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
)
SELECT manager, COUNT(*) AS new_customers,
  SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned,
  SAFE_DIVIDE(SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END), COUNT(*)) AS rate,
  SAFE_DIVIDE(SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END), COUNT(*)) < CAST('0.67' AS FLOAT64) AS below_target
FROM window_customers CROSS JOIN verdict_span
WHERE (period_index BETWEEN span_first AND span_last)
GROUP BY manager
ORDER BY new_customers DESC, manager;

-- healthPeriods
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
),
health_days AS (
  SELECT d.customer_id, d.day, d.purchases, d.day_amount, (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(d.day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(d.day)) - 1) AS period_index,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS cohort_index,
    CASE WHEN (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(d.day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(d.day)) - 1) = (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) THEN 1 ELSE 0 END AS is_new
  FROM customer_days AS d
  JOIN customers AS c ON c.customer_id = d.customer_id
  WHERE c.first_day IS NOT NULL
),
health_runs AS (
  SELECT period_index, cohort_index, is_new, day AS last_purchase, next_period
  FROM (
    SELECT period_index, cohort_index, is_new, day, LEAD(period_index) OVER (PARTITION BY customer_id ORDER BY day) AS next_period
    FROM health_days
    WHERE purchases > 0
  ) AS ordered
  WHERE next_period IS NULL OR next_period <> period_index
),
health_span AS (
  SELECT (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(MIN(day))) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(MIN(day))) - 1) AS first_period, (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(MAX(day))) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(MAX(day))) - 1) AS last_period
  FROM customer_days
),
health_calendar AS (
  SELECT period_index,
    UNIX_DATE(DATE(CAST(FLOOR((period_index) / 12) AS INT64), MOD(period_index, 12) + 1, 1)) AS start_day,
    UNIX_DATE(DATE_FROM_UNIX_DATE(UNIX_DATE(DATE(CAST(FLOOR(((period_index) + 1) / 12) AS INT64), MOD((period_index) + 1, 12) + 1, 1)) - 1)) AS end_day,
    UNIX_DATE(DATE_ADD(DATE_FROM_UNIX_DATE(UNIX_DATE(DATE(CAST(FLOOR(((period_index) + 1) / 12) AS INT64), MOD((period_index) + 1, 12) + 1, 1)) - 1), INTERVAL -1 YEAR)) AS year_before_end
  FROM (SELECT period_index FROM health_span CROSS JOIN UNNEST(GENERATE_ARRAY(first_period, last_period)) AS period_index) AS indexes
),
health_sums AS (
  SELECT s.period_index,
    COALESCE(a.active_customers, 0) AS active_customers,
    COALESCE(a.new_customers, 0) AS new_customers,
    s.purchases, s.new_purchases, s.new_revenue, s.existing_revenue
  FROM (
    SELECT period_index,
      SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchases,
      SUM(CASE WHEN purchases > 0 AND is_new = 1 THEN 1 ELSE 0 END) AS new_purchases,
      SUM(CASE WHEN is_new = 1 THEN day_amount ELSE 0 END) AS new_revenue,
      SUM(CASE WHEN is_new = 1 THEN 0 ELSE day_amount END) AS existing_revenue
    FROM health_days
    GROUP BY period_index
  ) AS s
  LEFT JOIN (
    SELECT period_index, COUNT(*) AS active_customers, SUM(is_new) AS new_customers
    FROM health_runs
    GROUP BY period_index
  ) AS a ON a.period_index = s.period_index
),
health_reach AS (
  SELECT days.day, MAX(c.period_index) AS last_period
  FROM (SELECT DISTINCT last_purchase AS day FROM health_runs) AS days
  JOIN health_calendar AS c ON c.year_before_end < days.day
  GROUP BY days.day
),
health_base_steps AS (
  SELECT period_index, SUM(step) AS step
  FROM (
    SELECT period_index, 1 AS step FROM health_runs
    UNION ALL
    SELECT LEAST(COALESCE(r.next_period, reach.last_period + 1), reach.last_period + 1) AS period_index, -1 AS step
    FROM health_runs AS r JOIN health_reach AS reach ON reach.day = r.last_purchase
  ) AS steps
  GROUP BY period_index
)
SELECT c.period_index,
  FORMAT_DATE('%Y-%m', DATE(CAST(FLOOR((c.period_index) / 12) AS INT64), MOD(c.period_index, 12) + 1, 1)) AS period,
  DATE_FROM_UNIX_DATE(c.start_day) AS period_start,
  DATE_FROM_UNIX_DATE(c.end_day) AS period_end,
  c.end_day <= span.latest_day AS complete,
  c.end_day <= span.latest_day AND c.start_day >= UNIX_DATE(DATE_ADD(DATE_FROM_UNIX_DATE(span.earliest_day), INTERVAL 1 YEAR)) AS judged,
  COALESCE(s.active_customers, 0) AS active_customers,
  COALESCE(s.new_customers, 0) AS new_customers,
  COALESCE(s.active_customers, 0) - COALESCE(s.new_customers, 0) AS existing_customers,
  COALESCE(s.purchases, 0) AS purchases,
  COALESCE(s.new_purchases, 0) AS new_purchases,
  (COALESCE(s.purchases, 0) - COALESCE(s.new_purchases, 0)) AS existing_purchases,
  (COALESCE(s.new_revenue, 0) + COALESCE(s.existing_revenue, 0)) AS revenue,
  COALESCE(s.new_revenue, 0) AS new_revenue,
  COALESCE(s.existing_revenue, 0) AS existing_revenue,
  SAFE_DIVIDE((COALESCE(s.new_revenue, 0) + COALESCE(s.existing_revenue, 0)), COALESCE(s.purchases, 0)) AS average_order,
  SAFE_DIVIDE(COALESCE(s.new_revenue, 0), COALESCE(s.new_purchases, 0)) AS new_average_order,
  SAFE_DIVIDE(COALESCE(s.existing_revenue, 0), (COALESCE(s.purchases, 0) - COALESCE(s.new_purchases, 0))) AS existing_average_order,
  SUM(COALESCE(b.step, 0)) OVER (ORDER BY c.period_index) AS active_base
FROM health_calendar AS c
LEFT JOIN health_sums AS s ON s.period_index = c.period_index
LEFT JOIN health_base_steps AS b ON b.period_index = c.period_index
CROSS JOIN data_span AS span
WHERE span.customers > 0
ORDER BY c.period_index;

-- cohortGrid
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
),
health_days AS (
  SELECT d.customer_id, d.day, d.purchases, d.day_amount, (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(d.day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(d.day)) - 1) AS period_index,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS cohort_index,
    CASE WHEN (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(d.day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(d.day)) - 1) = (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) THEN 1 ELSE 0 END AS is_new
  FROM customer_days AS d
  JOIN customers AS c ON c.customer_id = d.customer_id
  WHERE c.first_day IS NOT NULL
),
health_runs AS (
  SELECT period_index, cohort_index, is_new, day AS last_purchase, next_period
  FROM (
    SELECT period_index, cohort_index, is_new, day, LEAD(period_index) OVER (PARTITION BY customer_id ORDER BY day) AS next_period
    FROM health_days
    WHERE purchases > 0
  ) AS ordered
  WHERE next_period IS NULL OR next_period <> period_index
)
SELECT cohort_index,
  FORMAT_DATE('%Y-%m', DATE(CAST(FLOOR((cohort_index) / 12) AS INT64), MOD(cohort_index, 12) + 1, 1)) AS cohort,
  period_index - cohort_index AS period_offset,
  COUNT(*) AS customers
FROM health_runs
GROUP BY cohort_index, period_index
ORDER BY cohort_index, period_offset;

-- lapsedSummary
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
),
lapsed_median AS (
  SELECT (MIN(CASE WHEN upto > FLOOR((total - 1) / 2) THEN gap END) + MIN(CASE WHEN upto > FLOOR(total / 2) THEN gap END)) / 2 AS median_gap
  FROM (
    SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (
      SELECT gap, COUNT(*) AS n
      FROM (
        SELECT day - LAG(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap
        FROM customer_days
        WHERE purchases > 0
      ) AS gaps
      WHERE gap IS NOT NULL
      GROUP BY gap
    ) AS counted
  ) AS ranked
),
lapsed_repeat AS (
  SELECT customer_id, purchase_days AS purchases, last_day, SAFE_DIVIDE((last_day - first_day), (purchase_days - 1)) AS usual_gap
  FROM customers
  WHERE purchase_days >= 2
),
lapsed_customers AS (
  SELECT r.customer_id, r.purchases, r.last_day, r.usual_gap, s.latest_day - r.last_day AS gone,
    UNIX_DATE(DATE_ADD(DATE_FROM_UNIX_DATE(r.last_day), INTERVAL -1 YEAR)) AS year_start
  FROM lapsed_repeat AS r
  CROSS JOIN data_span AS s
  CROSS JOIN lapsed_median AS m
  WHERE s.latest_day - r.last_day > CAST('2' AS FLOAT64) * r.usual_gap + CAST('1e-9' AS FLOAT64)
    AND s.latest_day - r.last_day > m.median_gap
),
lapsed_stakes AS (
  SELECT l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone,
    SUM(CASE WHEN d.day > l.year_start THEN d.day_amount ELSE 0 END) AS revenue_at_stake,
    MIN(CASE WHEN d.day = l.last_day THEN d.day_manager END) AS manager_order
  FROM lapsed_customers AS l
  JOIN customer_days AS d ON d.customer_id = l.customer_id
  GROUP BY l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone
)
SELECT
  (SELECT COUNT(*) FROM lapsed_repeat) AS repeat_customers,
  (SELECT median_gap FROM lapsed_median) AS median_gap_days,
  (SELECT COUNT(*) FROM lapsed_stakes) AS lapsed_customers,
  (SELECT COALESCE(SUM(revenue_at_stake), 0) FROM lapsed_stakes) AS revenue_at_stake;

-- lapsed
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
),
lapsed_median AS (
  SELECT (MIN(CASE WHEN upto > FLOOR((total - 1) / 2) THEN gap END) + MIN(CASE WHEN upto > FLOOR(total / 2) THEN gap END)) / 2 AS median_gap
  FROM (
    SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (
      SELECT gap, COUNT(*) AS n
      FROM (
        SELECT day - LAG(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap
        FROM customer_days
        WHERE purchases > 0
      ) AS gaps
      WHERE gap IS NOT NULL
      GROUP BY gap
    ) AS counted
  ) AS ranked
),
lapsed_repeat AS (
  SELECT customer_id, purchase_days AS purchases, last_day, SAFE_DIVIDE((last_day - first_day), (purchase_days - 1)) AS usual_gap
  FROM customers
  WHERE purchase_days >= 2
),
lapsed_customers AS (
  SELECT r.customer_id, r.purchases, r.last_day, r.usual_gap, s.latest_day - r.last_day AS gone,
    UNIX_DATE(DATE_ADD(DATE_FROM_UNIX_DATE(r.last_day), INTERVAL -1 YEAR)) AS year_start
  FROM lapsed_repeat AS r
  CROSS JOIN data_span AS s
  CROSS JOIN lapsed_median AS m
  WHERE s.latest_day - r.last_day > CAST('2' AS FLOAT64) * r.usual_gap + CAST('1e-9' AS FLOAT64)
    AND s.latest_day - r.last_day > m.median_gap
),
lapsed_stakes AS (
  SELECT l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone,
    SUM(CASE WHEN d.day > l.year_start THEN d.day_amount ELSE 0 END) AS revenue_at_stake,
    MIN(CASE WHEN d.day = l.last_day THEN d.day_manager END) AS manager_order
  FROM lapsed_customers AS l
  JOIN customer_days AS d ON d.customer_id = l.customer_id
  GROUP BY l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone
)
SELECT c.name_order AS name, COALESCE(m.manager, '') AS manager, DATE_FROM_UNIX_DATE(l.last_day) AS last_purchase,
  l.last_day, l.purchases, l.usual_gap AS usual_gap_days, l.gone AS days_since_last,
  l.revenue_at_stake AS revenue_at_stake
FROM lapsed_stakes AS l
JOIN customers AS c ON c.customer_id = l.customer_id
LEFT JOIN manager_names AS m ON m.manager_order = l.manager_order
ORDER BY l.revenue_at_stake DESC, l.gone DESC, l.customer_id;

-- managerRevenue
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key, order_manager,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN NOT manager_blank THEN manager_order END AS order_manager,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key, order_manager
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM (
    SELECT customer_id, day,
      SUM(row_count) AS row_count,
      SUM(refund_rows) AS refund_rows,
      SUM(refund_amount) AS refund_amount,
      SUM(day_amount) AS day_amount,
      MIN(day_manager) AS day_manager,
      MIN(name_order) AS name_order
    FROM row_groups
    WHERE other_key IS NULL
    GROUP BY customer_id, day
  ) AS days
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
),
manager_revenue AS (
  SELECT g.manager_order, g.period_index, SUM(g.day_amount) AS existing_revenue
  FROM (
    SELECT order_manager AS manager_order, customer_id, (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(day)) - 1) AS period_index, day_amount
    FROM row_groups
    WHERE other_key IS NULL AND order_manager IS NOT NULL
  ) AS g
  JOIN customers AS c ON c.customer_id = g.customer_id
  WHERE c.first_day IS NOT NULL AND g.period_index <> (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1)
  GROUP BY g.manager_order, g.period_index
)
SELECT COALESCE(m.manager, '') AS manager, r.period_index, FORMAT_DATE('%Y-%m', DATE(CAST(FLOOR((r.period_index) / 12) AS INT64), MOD(r.period_index, 12) + 1, 1)) AS period, r.existing_revenue
FROM manager_revenue AS r
LEFT JOIN manager_names AS m ON m.manager_order = r.manager_order
ORDER BY manager, r.period_index;

-- managerLapsed
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM row_groups
  WHERE other_key IS NULL
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
),
lapsed_median AS (
  SELECT (MIN(CASE WHEN upto > FLOOR((total - 1) / 2) THEN gap END) + MIN(CASE WHEN upto > FLOOR(total / 2) THEN gap END)) / 2 AS median_gap
  FROM (
    SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (
      SELECT gap, COUNT(*) AS n
      FROM (
        SELECT day - LAG(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap
        FROM customer_days
        WHERE purchases > 0
      ) AS gaps
      WHERE gap IS NOT NULL
      GROUP BY gap
    ) AS counted
  ) AS ranked
),
lapsed_repeat AS (
  SELECT customer_id, purchase_days AS purchases, last_day, SAFE_DIVIDE((last_day - first_day), (purchase_days - 1)) AS usual_gap
  FROM customers
  WHERE purchase_days >= 2
),
lapsed_customers AS (
  SELECT r.customer_id, r.purchases, r.last_day, r.usual_gap, s.latest_day - r.last_day AS gone,
    UNIX_DATE(DATE_ADD(DATE_FROM_UNIX_DATE(r.last_day), INTERVAL -1 YEAR)) AS year_start
  FROM lapsed_repeat AS r
  CROSS JOIN data_span AS s
  CROSS JOIN lapsed_median AS m
  WHERE s.latest_day - r.last_day > CAST('2' AS FLOAT64) * r.usual_gap + CAST('1e-9' AS FLOAT64)
    AND s.latest_day - r.last_day > m.median_gap
),
lapsed_stakes AS (
  SELECT l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone,
    SUM(CASE WHEN d.day > l.year_start THEN d.day_amount ELSE 0 END) AS revenue_at_stake,
    MIN(CASE WHEN d.day = l.last_day THEN d.day_manager END) AS manager_order
  FROM lapsed_customers AS l
  JOIN customer_days AS d ON d.customer_id = l.customer_id
  GROUP BY l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone
)
SELECT COALESCE(m.manager, '') AS manager, COUNT(*) AS lapsed, SUM(l.revenue_at_stake) AS revenue_at_stake
FROM lapsed_stakes AS l
LEFT JOIN manager_names AS m ON m.manager_order = l.manager_order
GROUP BY COALESCE(m.manager, '')
ORDER BY manager;

-- managerNames
WITH
cells AS (
  SELECT
    CAST(`Customer` AS STRING) AS customer_cell,
    `Order date` AS date_cell,
    CAST(`Amount` AS STRING) AS amount_cell,
    CAST(`Manager` AS STRING) AS manager_cell,
    CAST(`Deal type` AS STRING) AS dealType_cell
  FROM `proj.ds.orders`
),
amount_distinct AS (
  SELECT DISTINCT COALESCE(amount_cell, '') AS amount_cell
  FROM cells
),
amount_value_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(amount_cell, r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE amount_cell END AS amount_text
  FROM amount_distinct
),
amount_value_2 AS (
  SELECT
    *,
    CASE WHEN STARTS_WITH(amount_text, '#') THEN UPPER(amount_text) = '#N/A' OR UPPER(amount_text) = '#REF!' OR UPPER(amount_text) = '#VALUE!' OR UPPER(amount_text) = '#DIV/0!' OR UPPER(amount_text) = '#NAME?' OR UPPER(amount_text) = '#NUM!' OR UPPER(amount_text) = '#NULL!' OR UPPER(amount_text) = '#ERROR!' OR UPPER(amount_text) = '#SPILL!' OR UPPER(amount_text) = '#CALC!' OR UPPER(amount_text) = '#GETTING_DATA' OR UPPER(amount_text) = '#Н/Д' OR UPPER(amount_text) = '#ЗНАЧ!' OR UPPER(amount_text) = '#ССЫЛКА!' OR UPPER(amount_text) = '#ДЕЛ/0!' OR UPPER(amount_text) = '#ИМЯ?' OR UPPER(amount_text) = '#ЧИСЛО!' OR UPPER(amount_text) = '#ПУСТО!' ELSE FALSE END AS amount_error
  FROM amount_value_1
),
amount_value_3 AS (
  SELECT
    *,
    amount_text = '' AS amount_blank
  FROM amount_value_2
),
amount_value_4 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(amount_text, r'^-?\d+([.,]\d+)?$') THEN REPLACE(amount_text, ',', '.') END AS amount_fast
  FROM amount_value_3
),
amount_value_5 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REPLACE(REGEXP_REPLACE(amount_text, r'(?i)^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$', ''), '−', '-') END AS amount_unmarked
  FROM amount_value_4
),
amount_value_6 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN CASE WHEN REGEXP_CONTAINS(amount_unmarked, r'^-') THEN '-' ELSE '' END END AS amount_sign,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_unmarked, r'^[+-]?[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]*', '') END AS amount_rest
  FROM amount_value_5
),
amount_value_7 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN COALESCE(REGEXP_EXTRACT(amount_rest, r'([eE][+-]?\d+)$'), '') END AS amount_exponent,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_rest, r'[eE][+-]?\d+$', '') END AS amount_body
  FROM amount_value_6
),
amount_value_8 AS (
  SELECT
    *,
    CASE WHEN amount_fast IS NULL THEN REGEXP_CONTAINS(amount_body, r'^[\d\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27},.]*$') END AS amount_shape,
    CASE WHEN amount_fast IS NULL THEN REGEXP_REPLACE(amount_body, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{27}]', ' ') END AS amount_plain
  FROM amount_value_7
),
amount_value_9 AS (
  SELECT
    *,
    COALESCE(amount_fast, CASE WHEN NOT amount_shape THEN '' WHEN (REGEXP_CONTAINS(amount_plain, r'^\d+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3}){2,}$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3}){2,}$')) THEN CONCAT(amount_sign, REGEXP_REPLACE(amount_plain, r'\D', ''), amount_exponent) WHEN (REGEXP_CONTAINS(amount_plain, r'^\d*[.,]\d*$') AND REGEXP_CONTAINS(amount_plain, r'\d')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}( \d{3})+[.,]\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(,\d{3})+\.\d*$')) OR (amount_exponent = '' AND REGEXP_CONTAINS(amount_plain, r'^\d{1,3}(\.\d{3})+,\d*$')) THEN CONCAT(amount_sign, '0', REGEXP_REPLACE(COALESCE(REGEXP_EXTRACT(amount_plain, r'^(.*)[.,]\d*$'), ''), r'\D', ''), '.', COALESCE(REGEXP_EXTRACT(amount_plain, r'[.,](\d*)$'), ''), '0', amount_exponent) ELSE '' END) AS amount_number
  FROM amount_value_8
),
amount_value_10 AS (
  SELECT
    *,
    SAFE_CAST(NULLIF(amount_number, '') AS FLOAT64) AS amount_read
  FROM amount_value_9
),
amount_value_11 AS (
  SELECT
    *,
    CASE WHEN amount_blank THEN 0 WHEN NOT (IS_INF(amount_read) OR IS_NAN(amount_read)) THEN amount_read END AS amount
  FROM amount_value_10
),
amount_values AS (
  SELECT amount_cell, amount_blank, amount_error, amount
  FROM amount_value_11
),
valued AS (
  SELECT r.*, amount_v.amount_blank, amount_v.amount_error, amount_v.amount
  FROM cells AS r
  JOIN amount_values AS amount_v ON amount_v.amount_cell = COALESCE(r.amount_cell, '')
),
read_1 AS (
  SELECT
    *,
    CASE WHEN REGEXP_CONTAINS(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(customer_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(customer_cell, '') END AS customer_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(manager_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(manager_cell, '') END AS manager_text,
    CASE WHEN REGEXP_CONTAINS(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]$') THEN REGEXP_REPLACE(COALESCE(dealType_cell, ''), r'^[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+|[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '') ELSE COALESCE(dealType_cell, '') END AS dealType_text
  FROM valued
),
read_2 AS (
  SELECT
    *,
    customer_text = '' AS customer_blank,
    CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END AS customer_name
  FROM read_1
),
read_3 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(customer_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(customer_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE customer_text END) ELSE customer_text END), 'ё', 'е') AS customer_key
  FROM read_2
),
read_4 AS (
  SELECT
    *,
    customer_key AS customer_id,
    customer_name AS name_order
  FROM read_3
),
read_5 AS (
  SELECT
    *,
    manager_text = '' AS manager_blank,
    CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END AS manager_name
  FROM read_4
),
read_6 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(manager_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(manager_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE manager_text END) ELSE manager_text END), 'ё', 'е') AS manager_key
  FROM read_5
),
read_7 AS (
  SELECT
    *,
    manager_key AS manager_order
  FROM read_6
),
read_8 AS (
  SELECT
    *,
    REPLACE(LOWER(CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]|[\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]') THEN COALESCE(NULLIF(TRIM(REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}\x{22}\x{27}\x{ab}\x{bb}\x{201e}\x{201c}\x{201d}\x{201f}\x{2018}\x{2019}\x{201a}\x{201b}]+', ' '), ' '), ''), CASE WHEN REGEXP_CONTAINS(dealType_text, r'  |[\t\n\x{0b}\f\r\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]') THEN REGEXP_REPLACE(dealType_text, r'[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ') ELSE dealType_text END) ELSE dealType_text END), 'ё', 'е') AS deal_key,
    '' AS status_key,
    '' AS status_label,
    customer_text = '' AND date_cell IS NULL AND amount_blank AND manager_text = '' AND dealType_text = '' AS all_blank,
    CASE WHEN STARTS_WITH(customer_text, '#') THEN UPPER(customer_text) = '#N/A' OR UPPER(customer_text) = '#REF!' OR UPPER(customer_text) = '#VALUE!' OR UPPER(customer_text) = '#DIV/0!' OR UPPER(customer_text) = '#NAME?' OR UPPER(customer_text) = '#NUM!' OR UPPER(customer_text) = '#NULL!' OR UPPER(customer_text) = '#ERROR!' OR UPPER(customer_text) = '#SPILL!' OR UPPER(customer_text) = '#CALC!' OR UPPER(customer_text) = '#GETTING_DATA' OR UPPER(customer_text) = '#Н/Д' OR UPPER(customer_text) = '#ЗНАЧ!' OR UPPER(customer_text) = '#ССЫЛКА!' OR UPPER(customer_text) = '#ДЕЛ/0!' OR UPPER(customer_text) = '#ИМЯ?' OR UPPER(customer_text) = '#ЧИСЛО!' OR UPPER(customer_text) = '#ПУСТО!' ELSE FALSE END AS customer_error,
    FALSE AS date_error,
    CASE WHEN STARTS_WITH(dealType_text, '#') THEN UPPER(dealType_text) = '#N/A' OR UPPER(dealType_text) = '#REF!' OR UPPER(dealType_text) = '#VALUE!' OR UPPER(dealType_text) = '#DIV/0!' OR UPPER(dealType_text) = '#NAME?' OR UPPER(dealType_text) = '#NUM!' OR UPPER(dealType_text) = '#NULL!' OR UPPER(dealType_text) = '#ERROR!' OR UPPER(dealType_text) = '#SPILL!' OR UPPER(dealType_text) = '#CALC!' OR UPPER(dealType_text) = '#GETTING_DATA' OR UPPER(dealType_text) = '#Н/Д' OR UPPER(dealType_text) = '#ЗНАЧ!' OR UPPER(dealType_text) = '#ССЫЛКА!' OR UPPER(dealType_text) = '#ДЕЛ/0!' OR UPPER(dealType_text) = '#ИМЯ?' OR UPPER(dealType_text) = '#ЧИСЛО!' OR UPPER(dealType_text) = '#ПУСТО!' ELSE FALSE END AS dealType_error
  FROM read_7
),
read_9 AS (
  SELECT
    *,
    date_cell IS NULL AS date_blank
  FROM read_8
),
read_10 AS (
  SELECT
    *,
    UNIX_DATE(date_cell) AS day
  FROM read_9
),
read_rows AS (
  SELECT * FROM read_10
),
fated AS (
  SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),
    CASE WHEN fate = 'errorValue' THEN CASE WHEN customer_error THEN 'customer' WHEN date_error THEN 'date' WHEN amount_error THEN 'amount' WHEN dealType_error THEN 'dealType' END WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END AS fate_column, CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN CAST(amount_cell AS STRING) WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN CASE WHEN customer_error THEN CAST(customer_cell AS STRING) WHEN date_error THEN CAST(date_cell AS STRING) WHEN amount_error THEN CAST(amount_cell AS STRING) WHEN dealType_error THEN CAST(dealType_cell AS STRING) END ELSE CAST(date_cell AS STRING) END AS fate_value FROM (
    SELECT *, CASE
      WHEN customer_blank THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END END
      WHEN day IS NULL OR NOT (day BETWEEN -25567 AND 47846) THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END END
      WHEN deal_key IN ('standard') THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'excluded' END
      WHEN amount IS NULL THEN CASE WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue' ELSE 'badAmount' END
      WHEN customer_error OR date_error OR amount_error OR dealType_error THEN 'errorValue'
      ELSE 'order' END AS fate
    FROM read_rows
  ) AS rows_with_fate
),
row_groups AS (
  SELECT customer_id, day, other_key, order_manager,
    COUNT(*) AS row_count,
    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS refund_rows,
    SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS refund_amount,
    SUM(amount) AS day_amount,
    MIN(purchase_manager) AS day_manager,
    MIN(name_order) AS name_order
  FROM (
    SELECT customer_id, day, amount, name_order,
      CASE WHEN NOT manager_blank THEN manager_order END AS order_manager,
      CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,
      CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager
    FROM fated
  ) AS keyed
  GROUP BY customer_id, day, other_key, order_manager
),
row_counts AS (
  SELECT SUBSTR(other_key, 1, STRPOS(other_key, '|') - 1) AS fate, SUBSTR(rest, 1, STRPOS(rest, '|') - 1) AS fate_column, SUBSTR(rest, STRPOS(rest, '|') + 1) AS status_label,
    row_count
  FROM (SELECT other_key, SUBSTR(other_key, STRPOS(other_key, '|') + 1) AS rest, SUM(row_count) AS row_count
    FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates
  UNION ALL
  SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL
),
customer_days AS (
  SELECT customer_id, day, row_count - refund_rows AS purchases, refund_rows, refund_amount, day_amount, day_manager, name_order
  FROM (
    SELECT customer_id, day,
      SUM(row_count) AS row_count,
      SUM(refund_rows) AS refund_rows,
      SUM(refund_amount) AS refund_amount,
      SUM(day_amount) AS day_amount,
      MIN(day_manager) AS day_manager,
      MIN(name_order) AS name_order
    FROM row_groups
    WHERE other_key IS NULL
    GROUP BY customer_id, day
  ) AS days
),
customer_firsts AS (
  SELECT customer_id, MIN(day) AS first_day
  FROM customer_days
  WHERE purchases > 0
  GROUP BY customer_id
),
customers AS (
  SELECT customer_id,
    MIN(first_day) AS first_day,
    MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END) AS second_day,
    MAX(CASE WHEN purchases > 0 THEN day END) AS last_day,
    SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END) AS first_day_amount,
    SUM(day_amount) AS total_amount,
    SUM(CASE WHEN day IS NOT NULL THEN day_amount ELSE 0 END) AS window_amount,
    SUM(refund_rows) AS refund_rows,
    SUM(refund_amount) AS refund_amount,
    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchase_days,
    MIN(CASE WHEN day = first_day THEN day_manager END) AS manager_order,
    MIN(name_order) AS name_order
  FROM customer_days LEFT JOIN customer_firsts USING (customer_id)
  GROUP BY customer_id
),
manager_names AS (
  SELECT manager_order, MIN(manager_name) AS manager
  FROM read_rows
  GROUP BY manager_order
),
data_span AS (
  SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers
  FROM customers
  WHERE first_day IS NOT NULL
),
horizon AS (
  SELECT COALESCE(MIN(CASE WHEN upto >= GREATEST(1, CEIL(CAST('0.8' AS FLOAT64) * total)) THEN gap END), 365) AS horizon_days,
    CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source
  FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total
    FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps
  ) AS ranked
),
periods AS (
  SELECT *,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(earliest_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(earliest_day)) - 1) AS first_data_period,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(latest_day - horizon_days + 1)) - 1) - 1 AS latest_judgeable
  FROM data_span CROSS JOIN horizon
),
verdict_span AS (
  SELECT *, GREATEST(earliest_period, last_period - 11) AS span_first, last_period AS span_last
  FROM (SELECT *, CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END AS earliest_period, latest_judgeable AS last_period
    FROM (SELECT *, TRUE AS left_out FROM periods) AS placed) AS spanned
),
window_customers AS (
  SELECT c.customer_id, c.name_order, COALESCE(m.manager, '') AS manager, c.first_day, c.total_amount,
    (EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(c.first_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(c.first_day)) - 1) AS period_index,
    COALESCE(second_day IS NOT NULL, FALSE) AS returned,
    COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,
    c.first_day + v.horizon_days <= v.latest_day AS had_time
  FROM customers AS c CROSS JOIN verdict_span AS v
  LEFT JOIN manager_names AS m ON m.manager_order = c.manager_order
  WHERE c.first_day IS NOT NULL
),
cohort_rows AS (
  SELECT period_index, COUNT(*) AS new_customers,
    SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time
  FROM window_customers
  GROUP BY period_index
),
window_gaps AS (
  SELECT second_day - first_day AS gap, COUNT(*) AS n
  FROM customers
  WHERE second_day IS NOT NULL AND first_day IS NOT NULL
  GROUP BY second_day - first_day
)
SELECT DISTINCT COALESCE(m.manager, '') AS manager
FROM (
  SELECT order_manager AS manager_order
  FROM row_groups
  WHERE other_key IS NULL AND order_manager IS NOT NULL AND row_count > refund_rows
) AS r
LEFT JOIN manager_names AS m ON m.manager_order = r.manager_order
ORDER BY manager;
