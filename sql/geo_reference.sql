-- oba_geo against the Southampton reference (R sf 1.0-9, cross-checked in
-- PostGIS 3.3): every area and population weight (1e-9 absolute), every
-- apportioned ward value (1e-9 relative, floor 1e-9) and every best-fit
-- assignment (exact), for the Dec 2019 and the Dec 2025 wards; and how the
-- geometric best-fit rules agree with ONS's own lookup.
\i data/geo/setup.sql
\pset null '(null)'

-- ---- weights ----
CREATE TABLE ref_w (source_code text, ward_code text, area_share float8, wards text);
\copy ref_w (source_code, ward_code, area_share) FROM 'test/reference/apportion_weights.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref_w SET wards = 'wards19' WHERE wards IS NULL;
\copy ref_w (source_code, ward_code, area_share) FROM 'test/reference/apportion_weights_wd25_southampton.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref_w SET wards = 'wards25' WHERE wards IS NULL;
CREATE TABLE ref_p (method text, source_code text, ward_code text, pop_share float8, wards text);
\copy ref_p (method, source_code, ward_code, pop_share) FROM 'test/reference/apportion_weights_pop.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref_p SET wards = 'wards19' WHERE wards IS NULL;
\copy ref_p (method, source_code, ward_code, pop_share) FROM 'test/reference/apportion_weights_pop_wd25_southampton.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref_p SET wards = 'wards25' WHERE wards IS NULL;

CREATE TABLE got_w AS
  SELECT 'area' AS method, 'wards19' AS wards, * FROM oba.areal_weights('lsoa', 'wards19')
  UNION ALL SELECT 'area', 'wards25', * FROM oba.areal_weights('lsoa', 'wards25')
  UNION ALL SELECT 'pw_oa_pos', 'wards19', * FROM oba.population_weights('lsoa', 'wards19', 'oa', fine_source => 'lsoa_code')
  UNION ALL SELECT 'pw_oa_pos', 'wards25', * FROM oba.population_weights('lsoa', 'wards25', 'oa', fine_source => 'lsoa_code')
  UNION ALL SELECT 'pw_oa_aw', 'wards19', * FROM oba.population_weights('lsoa', 'wards19', 'oa', fine_source => 'lsoa_code', placement => 'area')
  UNION ALL SELECT 'pw_oa_aw', 'wards25', * FROM oba.population_weights('lsoa', 'wards25', 'oa', fine_source => 'lsoa_code', placement => 'area');
CREATE TABLE want_w AS
  SELECT 'area' AS method, wards, source_code, ward_code, area_share AS share FROM ref_w
  UNION ALL SELECT method, wards, source_code, ward_code, pop_share FROM ref_p;
-- every pair on both sides, shares to 1e-9 absolute (README: sf and PostGIS differ by up to 7.5e-13)
SELECT coalesce(w.method, g.method) AS method, coalesce(w.wards, g.wards) AS wards,
       count(w.*) AS reference_pairs, count(g.*) AS oba_pairs,
       count(*) FILTER (WHERE abs(g.weight - w.share) <= 1e-9) AS agree
  FROM want_w w FULL JOIN got_w g
    ON g.method = w.method AND g.wards = w.wards AND g.source_code = w.source_code AND g.target_code = w.ward_code
 GROUP BY 1, 2 ORDER BY 1, 2;
-- the covered denominator divides by the covered share: every source's weights add up to 1
SELECT count(DISTINCT source_code) AS sources, max(abs(s - 1)) < 1e-12 AS sums_to_one
  FROM (SELECT source_code, sum(weight) AS s FROM oba.areal_weights('lsoa', 'wards19', denominator => 'covered')
         GROUP BY 1) x;

-- ---- best fit ----
CREATE TABLE ref_bf19 (lsoa11_code text, bf_pos text, bf_oapop text, bf_ons text);
\copy ref_bf19 FROM 'test/reference/bestfit_lsoa11_wd19.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE ref_bf25 (lsoa11_code text, bf_pos text, bf_oapop text);
\copy ref_bf25 FROM 'test/reference/bestfit_lsoa11_wd25_southampton.csv' WITH (FORMAT csv, HEADER true)
SELECT 'wards19 point_on_surface' AS rule, count(*) AS lsoas, count(*) FILTER (WHERE b.target_code = r.bf_pos) AS agree
  FROM ref_bf19 r LEFT JOIN oba.best_fit('lsoa', 'wards19') b ON b.source_code = r.lsoa11_code
UNION ALL
SELECT 'wards19 population', count(*), count(*) FILTER (WHERE b.target_code = r.bf_oapop)
  FROM ref_bf19 r LEFT JOIN oba.best_fit('lsoa', 'wards19', 'population', fine => 'oa', fine_source => 'lsoa_code') b
    ON b.source_code = r.lsoa11_code
UNION ALL
SELECT 'wards19 ONS lookup (as loaded)', count(*), count(*) FILTER (WHERE o.ward_code = r.bf_ons)
  FROM ref_bf19 r LEFT JOIN geo.ons_bestfit o ON o.lsoa_code = r.lsoa11_code
UNION ALL
SELECT 'wards25 point_on_surface', count(*), count(*) FILTER (WHERE b.target_code = r.bf_pos)
  FROM ref_bf25 r LEFT JOIN oba.best_fit('lsoa', 'wards25') b ON b.source_code = r.lsoa11_code
UNION ALL
SELECT 'wards25 population', count(*), count(*) FILTER (WHERE b.target_code = r.bf_oapop)
  FROM ref_bf25 r LEFT JOIN oba.best_fit('lsoa', 'wards25', 'population', fine => 'oa', fine_source => 'lsoa_code') b
    ON b.source_code = r.lsoa11_code;

-- ---- apportioned ward values: every row of both reference files ----
CREATE TABLE ref_a (method text, source_layer text, target_ward_code text, value float8, wards text);
\copy ref_a (method, source_layer, target_ward_code, value) FROM 'test/reference/apportion_reference.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref_a SET wards = 'wards19' WHERE wards IS NULL;
\copy ref_a (method, source_layer, target_ward_code, value) FROM 'test/reference/apportion_reference_wd25_southampton.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref_a SET wards = 'wards25' WHERE wards IS NULL;

-- one oba call per reference method (METHODS.md 17), e.g. pw_oa_pos_int.synthetic_rate
CREATE FUNCTION pg_temp.run(m text, layer text, wards text)
RETURNS TABLE (target_code text, value float8) LANGUAGE plpgsql AS $$
DECLARE
  method text := split_part(m, '.', 1);
  var text := split_part(m, '.', 2);
  src regclass := layer::regclass;
  tgt regclass := wards::regclass;
BEGIN
  IF method = 'bf_ons_ext' THEN   -- ONS's lookup: plain SQL over it
    RETURN QUERY EXECUTE format(
      'SELECT w.code, coalesce(oba.apportion_agg(s.%I, 1), 0) FROM %s w
         LEFT JOIN geo.ons_bestfit o ON o.ward_code = w.code LEFT JOIN %s s ON s.code = o.lsoa_code
        GROUP BY w.code', var, tgt, src);
    RETURN;
  END IF;
  RETURN QUERY SELECT a.target_code, a.value FROM oba.apportion(src, tgt, var,
    kind => CASE WHEN method LIKE '%int' THEN 'intensive' ELSE 'extensive' END,
    method => CASE WHEN method LIKE 'aw%' THEN 'area' WHEN method LIKE 'pw%' THEN 'population' ELSE 'best_fit' END,
    denominator => CASE WHEN method = 'aw_ext_sum' THEN 'covered' ELSE 'total' END,
    fine => CASE WHEN method LIKE 'pw%' OR method LIKE 'bf_oapop%' THEN 'oa'::regclass END,
    fine_source => 'lsoa_code',
    placement => CASE WHEN method LIKE 'pw_oa_aw%' THEN 'area'
                      WHEN method LIKE 'bf_oapop%' THEN 'population' ELSE 'point_on_surface' END) a;
END $$;

CREATE TABLE got_a AS
  SELECT c.method, c.source_layer, c.wards, r.target_code, r.value
    FROM (SELECT DISTINCT method, CASE source_layer WHEN 'lsoa11' THEN 'lsoa' ELSE 'oa' END AS layer,
                 source_layer, wards FROM ref_a) c,
         LATERAL pg_temp.run(c.method, c.layer, c.wards) r;
SELECT a.wards, a.source_layer, split_part(a.method, '.', 1) AS method, count(*) AS ward_values,
       count(*) FILTER (WHERE abs(g.value - a.value) <= greatest(1e-9 * abs(a.value), 1e-9)) AS agree
  FROM ref_a a LEFT JOIN got_a g
    ON g.method = a.method AND g.source_layer = a.source_layer AND g.wards = a.wards
   AND g.target_code = a.target_ward_code
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT count(*) AS reference_rows,
       count(*) FILTER (WHERE abs(g.value - a.value) <= greatest(1e-9 * abs(a.value), 1e-9)) AS agree,
       (SELECT count(*) FROM got_a) AS oba_rows
  FROM ref_a a LEFT JOIN got_a g
    ON g.method = a.method AND g.source_layer = a.source_layer AND g.wards = a.wards
   AND g.target_code = a.target_ward_code;
-- any disagreement, listed
SELECT a.wards, a.method, a.source_layer, a.target_ward_code, a.value AS want, g.value AS got
  FROM ref_a a LEFT JOIN got_a g
    ON g.method = a.method AND g.source_layer = a.source_layer AND g.wards = a.wards
   AND g.target_code = a.target_ward_code
 WHERE NOT coalesce(abs(g.value - a.value) <= greatest(1e-9 * abs(a.value), 1e-9), false);

-- METHODS.md 17.8: Bevois ward (Dec 2025), percentage aged 0-15, four ways
SELECT round((SELECT value FROM oba.apportion('lsoa', 'wards25', 'pct_0_15_mid2015', kind => 'intensive')
               WHERE target_code = 'E05015493')::numeric, 2) AS area_weighted_pct,
       round((SELECT 100 * a.value / b.value
                FROM oba.apportion('lsoa', 'wards25', 'pop_0_15_mid2015') a
                JOIN oba.apportion('lsoa', 'wards25', 'pop_total_mid2015') b USING (target_code)
               WHERE target_code = 'E05015493')::numeric, 2) AS ratio_of_counts,
       round((SELECT value FROM oba.apportion('lsoa', 'wards25', 'pct_0_15_mid2015', kind => 'intensive',
                                             method => 'population', fine => 'oa', fine_source => 'lsoa_code')
               WHERE target_code = 'E05015493')::numeric, 2) AS population_weighted_pct,
       round((SELECT 100 * a.value / b.value
                FROM oba.apportion('lsoa', 'wards25', 'pop_0_15_mid2015', method => 'best_fit') a
                JOIN oba.apportion('lsoa', 'wards25', 'pop_total_mid2015', method => 'best_fit') b USING (target_code)
               WHERE target_code = 'E05015493')::numeric, 2) AS best_fit_pct;

-- ---- ONS's own best-fit lookup, both authorities (787 LSOAs, Dec 2019 wards) ----
-- Not a pass/fail check: ONS uses population-weighted centroids, which are
-- not in the data; the agreement rate is reported (METHODS.md 17.5).
CREATE TABLE all_lsoa AS SELECT code, lad_code, geom FROM geo.lsoa;
CREATE TABLE all_oa AS SELECT o.code, o.lsoa_code, o.geom, p.residents AS population
  FROM geo.oa o JOIN geo.oa_pop p USING (code);
CREATE INDEX ON all_lsoa USING gist (geom);
CREATE INDEX ON all_oa USING gist (geom);
ANALYZE all_lsoa, all_oa;
SELECT l.lad_code, r.rule, count(*) AS lsoas, count(*) FILTER (WHERE b.target_code = o.ward_code) AS agree_with_ons,
       round(100.0 * count(*) FILTER (WHERE b.target_code = o.ward_code) / count(*), 1) AS pct
  FROM (VALUES ('point_on_surface'), ('population'), ('area')) r(rule)
  CROSS JOIN LATERAL oba.best_fit('all_lsoa', 'geo.wards19', r.rule, fine => 'all_oa', fine_source => 'lsoa_code') b
  JOIN all_lsoa l ON l.code = b.source_code
  JOIN geo.ons_bestfit o ON o.lsoa_code = b.source_code
 GROUP BY 1, 2 ORDER BY 1, 2;

DROP TABLE ref_w, ref_p, got_w, want_w, ref_bf19, ref_bf25, ref_a, got_a, all_lsoa, all_oa;
\i data/geo/teardown.sql
