-- VENDORSCORECARD of analytics.po_lines as bigquery SQL.
-- BigQuery (GoogleSQL): DATE_DIFF(date, date, DAY) and UNIX_MICROS(TIMESTAMP)
-- (cloud.google.com/bigquery/docs/reference/standard-sql/date_functions, .../timestamp_functions); NORMALIZE(text, NFC) (.../string_functions).
-- Column names cannot hold parentheses (flexible column names, cloud.google.com/bigquery/docs/schemas): Lead time (days) is Lead time days.
WITH src AS (
  SELECT CAST(`Vendor` AS STRING) AS raw_vendor,
    CAST(`Status` AS STRING) AS raw_status,
    DATE_DIFF(CAST(`Delivered Date` AS DATE), DATE '1899-12-30', DAY) AS d_day,
    (UNIX_MICROS(CAST(`Delivered Date` AS TIMESTAMP)) / 86400000000 + 25569) AS d_ser,
    DATE_DIFF(CAST(`Promised Date` AS DATE), DATE '1899-12-30', DAY) AS p_day,
    (UNIX_MICROS(CAST(`Order Date` AS TIMESTAMP)) / 86400000000 + 25569) AS o_ser,
    CAST(`Ordered Qty` AS FLOAT64) AS ord,
    CAST(`Received Qty` AS FLOAT64) AS recv,
    CAST(`Rejected Qty` AS FLOAT64) AS rej,
    CAST(`Unit Price` AS FLOAT64) AS up,
    CAST(`Contract Price` AS FLOAT64) AS cp,
    CAST(`Amount` AS FLOAT64) AS amt,
    CAST(NULL AS FLOAT64) AS comp
  FROM analytics.po_lines
), tested AS (
  SELECT *, (p_day IS NOT NULL AND (d_day IS NOT NULL OR 45757 - p_day > 1)) AS ote,
    (d_day IS NOT NULL AND d_day - p_day <= 1) AS ot,
    (d_day IS NOT NULL AND ord IS NOT NULL AND recv IS NOT NULL) AS ife,
    recv >= ord AS full_qty,
    (rej IS NOT NULL AND (recv) IS NOT NULL) AS dfe,
    recv AS base,
    (up IS NOT NULL AND cp IS NOT NULL AND COALESCE(recv, ord) IS NOT NULL) AS pe,
    COALESCE(recv, ord) AS q
  FROM src
), part AS (
  SELECT raw_vendor, raw_status, COUNT(*) AS line_count,
    SUM(CASE WHEN ote THEN 1 ELSE 0 END) AS on_time_n,
    SUM(CASE WHEN ote AND ot THEN 1 ELSE 0 END) AS on_time_ok,
    SUM(CASE WHEN ife THEN 1 ELSE 0 END) AS in_full_n,
    SUM(CASE WHEN ife AND full_qty THEN 1 ELSE 0 END) AS in_full_ok,
    SUM(CASE WHEN ote AND (d_day IS NULL OR ife) THEN 1 ELSE 0 END) AS otif_n,
    SUM(CASE WHEN ote AND (d_day IS NULL OR ife) AND ot AND full_qty THEN 1 ELSE 0 END) AS otif_ok,
    SUM(CASE WHEN dfe THEN rej END) AS rejected,
    SUM(CASE WHEN dfe THEN base END) AS defect_base,
    SUM(CASE WHEN pe THEN (up - cp) * q END) AS variance_cost,
    SUM(CASE WHEN pe THEN cp * q END) AS contract_cost,
    SUM(d_ser - o_ser) AS lead_days,
    COUNT(d_ser - o_ser) AS lead_n,
    SUM(COALESCE(amt, up * q)) AS spend,
    SUM(comp) AS compliant,
    COUNT(comp) AS compliance_n
  FROM tested GROUP BY raw_vendor, raw_status
), named AS (
  SELECT *, TRIM(NORMALIZE(translate(raw_vendor, '\u00A0\u2007\u202F\u200B\u200C\u200D\u2060\uFEFF', '   '), NFC), ' \u0009\u000A\u000B\u000C\u000D\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF') AS name, lower(TRIM(raw_status, ' \u0009\u000A\u000B\u000C\u000D\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF')) AS status FROM part
), keyed AS (
  SELECT *, CASE WHEN name IS NULL OR name = ''
    OR (length(name) <= 13 AND CASE WHEN lower(name) LIKE '%:' THEN rtrim(substr(lower(name), 1, length(name) - 1)) ELSE lower(name) END IN ('total', 'totals', 'grand total', 'subtotal', 'sum'))
    OR status IN ('cancelled', 'canceled', 'void', 'voided', 'cancel') THEN NULL ELSE lower(name) END AS vendor_key FROM named
), sums AS (
  SELECT vendor_key, COUNT(vendor_key) AS kept, MIN(name) AS name, SUM(line_count) AS line_count, SUM(on_time_n) AS on_time_n, SUM(on_time_ok) AS on_time_ok, SUM(in_full_n) AS in_full_n, SUM(in_full_ok) AS in_full_ok, SUM(otif_n) AS otif_n, SUM(otif_ok) AS otif_ok, SUM(rejected) AS rejected, SUM(defect_base) AS defect_base, SUM(variance_cost) AS variance_cost, SUM(contract_cost) AS contract_cost, SUM(lead_days) AS lead_days, SUM(lead_n) AS lead_n, SUM(spend) AS spend, SUM(compliant) AS compliant, SUM(compliance_n) AS compliance_n
  FROM keyed GROUP BY vendor_key
), kpis AS (
  SELECT vendor_key, name, CAST(on_time_ok AS FLOAT64) / NULLIF(CAST(on_time_n AS FLOAT64), 0) AS on_time,
    CAST(in_full_ok AS FLOAT64) / NULLIF(CAST(in_full_n AS FLOAT64), 0) AS in_full,
    CASE WHEN in_full_n > 0 THEN CAST(otif_ok AS FLOAT64) / NULLIF(CAST(otif_n AS FLOAT64), 0) END AS otif,
    CAST(rejected AS FLOAT64) / NULLIF(CAST(defect_base AS FLOAT64), 0) AS defect_rate,
    CAST(variance_cost AS FLOAT64) / NULLIF(CAST(contract_cost AS FLOAT64), 0) AS price_variance,
    CAST(lead_days AS FLOAT64) / NULLIF(CAST(lead_n AS FLOAT64), 0) AS lead_time,
    spend AS spend,
    CAST(line_count AS FLOAT64) AS lines,
    CAST(compliant AS FLOAT64) / NULLIF(CAST(compliance_n AS FLOAT64), 0) AS compliance
  FROM sums WHERE kept > 0
), scores AS (
  SELECT *, CASE WHEN raw_score > 100 THEN 100 ELSE raw_score END AS total_score FROM (SELECT *, (CASE WHEN on_time IS NULL THEN 0 ELSE 1.25 * (CASE WHEN (on_time - 0.7) / 0.25 >= 1 THEN 100 WHEN (on_time - 0.7) / 0.25 > 0 THEN ((on_time - 0.7) / 0.25) * 100 ELSE 0 END) END
      + CASE WHEN defect_rate IS NULL THEN 0 ELSE 0.9375 * (CASE WHEN (defect_rate - 0.08) / -0.07 >= 1 THEN 100 WHEN (defect_rate - 0.08) / -0.07 > 0 THEN ((defect_rate - 0.08) / -0.07) * 100 ELSE 0 END) END
      + CASE WHEN price_variance IS NULL THEN 0 ELSE 0.9375 * (CASE WHEN (price_variance - 0.05) / -0.05 >= 1 THEN 100 WHEN (price_variance - 0.05) / -0.05 > 0 THEN ((price_variance - 0.05) / -0.05) * 100 ELSE 0 END) END) / NULLIF(CASE WHEN on_time IS NULL THEN 0 ELSE 1.25 END + CASE WHEN defect_rate IS NULL THEN 0 ELSE 0.9375 END + CASE WHEN price_variance IS NULL THEN 0 ELSE 0.9375 END, 0) AS raw_score FROM kpis) k
)
SELECT name AS `Vendor`, lines AS `Lines`, spend AS `Spend`, on_time AS `On time`, in_full AS `In full`, otif AS `OTIF`, defect_rate AS `Defect rate`, price_variance AS `Price variance`, lead_time AS `Lead time days`,
  total_score AS `Score`,
  CASE WHEN total_score IS NULL THEN NULL WHEN total_score + 1e-9 >= 90 THEN 'A' WHEN total_score + 1e-9 >= 75 THEN 'B' WHEN total_score + 1e-9 >= 60 THEN 'C' ELSE 'D' END AS `Grade`,
  CASE WHEN total_score IS NULL THEN NULL ELSE RANK() OVER (ORDER BY CASE WHEN total_score IS NULL THEN 1 ELSE 0 END, total_score DESC) END AS `Rank`
FROM scores
ORDER BY CASE WHEN total_score IS NULL THEN 1 ELSE 0 END, total_score DESC, vendor_key
