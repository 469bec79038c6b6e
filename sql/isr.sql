-- oba.isr_agg: indirectly standardised ratios and rates.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.close(got float8, want float8, m float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), 1e-15 * m) END $$;

-- Every band row of PHEindicatormethods calculate_ISRate / calculate_ISRatio
-- (phe_isr_reference.csv), at 1e-9 relative. The ratio is on the scale of 1;
-- the package's refvalue (1, or 100 for an SMR) multiplies it.
CREATE TEMP TABLE isr_ref (
  group_id text, method text, confidence float8, multiplier text, refvalue text,
  band_index int, age_band text, x text, n text, x_ref float8, n_ref float8,
  observed float8, expected text, ref_rate text, value text, lower text, upper text,
  ci_method text, statistic text, description text);
\copy isr_ref FROM 'test/reference/phe_isr_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE isr_got AS
  SELECT group_id, method, confidence, pg_temp.num(multiplier) AS per,
         pg_temp.num(refvalue) AS refvalue, count(*) AS bands,
         oba.isr_agg(pg_temp.num(x), pg_temp.num(n), x_ref, n_ref,
                     coalesce(pg_temp.num(multiplier), 100000), confidence) AS r,
         min(observed) AS want_o, pg_temp.num(min(expected)) AS want_e,
         pg_temp.num(min(ref_rate)) AS want_ref, pg_temp.num(min(value)) AS want_value,
         pg_temp.num(min(lower)) AS want_lower, pg_temp.num(min(upper)) AS want_upper,
         min(ci_method) AS ci_method
    FROM isr_ref GROUP BY 1, 2, 3, 4, 5;
SELECT method, count(*) AS groups, sum(bands) AS band_rows,
       count(*) FILTER (WHERE (r).observed = want_o
                          AND pg_temp.close((r).expected, want_e, 1)
                          AND CASE method
                                WHEN 'israte' THEN
                                  pg_temp.close((r).reference_rate, want_ref, per)
                                  AND pg_temp.close((r).rate, want_value, per)
                                  AND pg_temp.close((r).rate_lower, want_lower, per)
                                  AND pg_temp.close((r).rate_upper, want_upper, per)
                                ELSE
                                  pg_temp.close((r).ratio * refvalue, want_value, refvalue)
                                  AND pg_temp.close((r).ratio_lower * refvalue, want_lower, refvalue)
                                  AND pg_temp.close((r).ratio_upper * refvalue, want_upper, refvalue)
                              END) AS agree,
       bool_and(ci_method = CASE WHEN (r).observed < 10 THEN 'Exact' ELSE 'Byars' END) AS ci_method_matches
  FROM isr_got GROUP BY method ORDER BY method;
-- the israte / isratio summary rows of phe_reference.csv
CREATE TEMP TABLE ref (
  case_id text, method text, confidence text, multiplier text, x text, n text,
  value text, lower text, upper text, ci_method text, statistic text, source text,
  group_id text, expected text, ref_rate text, note text);
\copy ref FROM 'test/reference/phe_reference.csv' WITH (FORMAT csv, HEADER true)
SELECT r.method, count(*) AS summary_rows,
       count(*) FILTER (WHERE (g.r).observed = pg_temp.num(r.x)
                          AND pg_temp.close((g.r).expected, pg_temp.num(r.expected), 1)
                          AND CASE r.method
                                WHEN 'israte' THEN
                                  pg_temp.close((g.r).reference_rate, pg_temp.num(r.ref_rate), g.per)
                                  AND pg_temp.close((g.r).rate, pg_temp.num(r.value), g.per)
                                  AND pg_temp.close((g.r).rate_lower, pg_temp.num(r.lower), g.per)
                                  AND pg_temp.close((g.r).rate_upper, pg_temp.num(r.upper), g.per)
                                ELSE
                                  pg_temp.close((g.r).ratio * g.refvalue, pg_temp.num(r.value), g.refvalue)
                                  AND pg_temp.close((g.r).ratio_lower * g.refvalue, pg_temp.num(r.lower), g.refvalue)
                                  AND pg_temp.close((g.r).ratio_upper * g.refvalue, pg_temp.num(r.upper), g.refvalue)
                              END) AS agree
  FROM ref r JOIN isr_got g ON g.group_id = r.group_id AND g.method = r.method
                           AND g.confidence = pg_temp.num(r.confidence)
                           AND coalesce(g.per, g.refvalue) = pg_temp.num(r.multiplier)
 WHERE r.method IN ('israte', 'isratio')
 GROUP BY r.method ORDER BY 1;

-- a worked example: admissions of under-20s in two wards against the city's
-- band rates (reference), as an SMR (ratio x 100) and a rate per 100,000
CREATE TABLE ward_band (ward text, band int, admissions int, children int);
CREATE TABLE city_band (band int, admissions int, children int);
INSERT INTO city_band VALUES (1, 410, 16000), (2, 150, 15200), (3, 120, 14900), (4, 260, 17100);
INSERT INTO ward_band VALUES
  ('Bevois', 1, 30, 1210), ('Bevois', 2, 12, 1080), ('Bevois', 3, 9, 990), ('Bevois', 4, 14, 1400),
  ('Bargate', 1, 8, 640), ('Bargate', 2, 2, 610), ('Bargate', 3, NULL, 600), ('Bargate', 4, 1, 1900);
SELECT ward, observed, round(expected::numeric, 4) AS expected,
       round((100 * ratio)::numeric, 2) AS smr, round((100 * ratio_lower)::numeric, 2) AS smr_lower,
       round((100 * ratio_upper)::numeric, 2) AS smr_upper,
       round(rate::numeric, 2) AS rate, round(reference_rate::numeric, 2) AS city_rate,
       oba.compare(ratio, ratio_lower, ratio_upper, 1, 'lower_is_better') AS against_city
  FROM (SELECT w.ward, (oba.isr_agg(w.admissions, w.children, c.admissions, c.children)).*
          FROM ward_band w JOIN city_band c USING (band) GROUP BY w.ward) s
 ORDER BY ward;

-- edge cases: nothing observed (exact limits, lower 0); nothing expected (NULL ratios)
SELECT observed, expected, ratio, ratio_lower, round(ratio_upper::numeric, 12) AS ratio_upper
  FROM (SELECT (oba.isr_agg(0, 200, 5, 100)).*) s;
SELECT observed, expected, ratio, rate, reference_rate
  FROM (SELECT (oba.isr_agg(3, 0, 5, 100)).*) s;
-- NULL observed adds nothing to O; NULL population or reference events nothing to E
SELECT observed, expected, reference_rate, ratio, round(ratio_lower::numeric, 10) AS ratio_lower,
       round(ratio_upper::numeric, 10) AS ratio_upper, rate
  FROM (SELECT (oba.isr_agg(x, n, xr, 100)).*
  FROM (VALUES (4, 100, 10), (NULL, 200, 10), (3, NULL, 10), (2, 100, NULL)) v(x, n, xr)) s;
SELECT oba.isr_agg(x, 100, 5, 100) IS NULL AS empty FROM generate_series(1, 0) x;
SELECT oba.isr_agg(x, 100, 5, 100) FILTER (WHERE false) IS NULL AS filtered FROM generate_series(1, 3) x;
-- per and confidence
SELECT round(rate::numeric, 6) AS rate_per_1000, round(rate_lower::numeric, 6) AS lower_998
  FROM (SELECT (oba.isr_agg(12, 1000, 50, 4000, 1000, 0.998)).*) s;

-- bad input
SELECT pg_temp.err($$SELECT oba.isr_agg(-1, 100, 5, 100)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, -100, 5, 100)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, 100, -5, 100)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, 100, 5, 0)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, 100, 5, NULL)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, 'Infinity', 5, 100)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, 100, 5, 100, 0)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, 100, 5, 100, 100000, 1)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg(1, 100, 5, 100, p) FROM (VALUES (100), (1000)) v(p)$$);

-- the state is a float8[] inside (oba.agg_state): text round trip and combine
SELECT oba.isr_agg_final(oba.isr_agg_combine(
         oba.isr_agg_trans('{0,0,0,0,0,100000,0.95}', 4, 100, 10, 100)::text::oba.agg_state,
         oba.isr_agg_trans('{0,0,0,0,0,100000,0.95}', 9, 300, 20, 400)))
     = (SELECT oba.isr_agg(x, n, xr, nr) FROM (VALUES (4, 100, 10, 100), (9, 300, 20, 400)) v(x, n, xr, nr)) AS round_trip;
SELECT pg_temp.err($$SELECT oba.isr_agg_final('{1,2,3}')$$);
SELECT pg_temp.err($$SELECT oba.isr_agg_final('{1,2,3,4,-1,100000,0.95}')$$);
