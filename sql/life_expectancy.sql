-- oba.life_expectancy_agg: life expectancy from an abridged life table.
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
CREATE FUNCTION pg_temp.close(got float8, want float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), 1e-12) END $$;
-- the aggregate's state alone, to combine by hand
CREATE AGGREGATE pg_temp.le_state(int, float8, float8) (
    SFUNC = oba.life_expectancy_agg_trans,
    STYPE = oba.agg_state,
    INITCOND = '{0,0,0.95,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}'
);

-- The reference (test/reference/life_expectancy_reference.csv, by
-- derive_life_expectancy_reference.R in base R, which reproduces the
-- package's own worked answers first): every starting age of every case, at
-- each of its confidence levels.
CREATE TEMP TABLE le_in (group_id text, start_age int, deaths float8, population float8);
\copy le_in FROM 'test/reference/life_expectancy_reference_input.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE le_ref (group_id text, description text, confidence float8, start_age int,
                          value text, se text, lower text, upper text, population float8,
                          deaths float8, note text);
\copy le_ref FROM 'test/reference/life_expectancy_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE le_got AS
  SELECT r.group_id, r.confidence, r.start_age,
         (SELECT oba.life_expectancy_agg(i.start_age, i.deaths, i.population, r.start_age, r.confidence)
            FROM le_in i WHERE i.group_id = r.group_id) AS e
    FROM le_ref r;
SELECT coalesce(nullif(r.note, 'NA'), '(a value)') AS note, count(*) AS rows, count(DISTINCT r.group_id) AS cases,
       count(*) FILTER (WHERE (g.e).at_age = r.start_age
                          AND pg_temp.close((g.e).value, pg_temp.num(r.value))
                          AND pg_temp.close((g.e).lower, pg_temp.num(r.lower))
                          AND pg_temp.close((g.e).upper, pg_temp.num(r.upper))
                          AND pg_temp.close((g.e).standard_error, pg_temp.num(r.se))
                          AND pg_temp.close((g.e).population, r.population) AND pg_temp.close((g.e).deaths, r.deaths)
                          AND (g.e).note IS NOT DISTINCT FROM nullif(r.note, 'NA')) AS agree
  FROM le_ref r JOIN le_got g USING (group_id, confidence, start_age)
 GROUP BY 1 ORDER BY 1;

-- The package's worked example (phe_life_expectancy's example and test
-- data df1; its tests' answer1 from the PHE calculator: 80.16960813 at
-- birth, 75.44193645 at 5, 55.78835987 at 25, 6.16210635 at 90)
CREATE TEMP TABLE df1 (start_age int, population float8, deaths float8);
INSERT INTO df1 SELECT * FROM unnest(
  ARRAY[0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
  ARRAY[7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416,
        46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936],
  ARRAY[17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937]);
SELECT (e).at_age, round((e).value::numeric, 8) AS value, round((e).lower::numeric, 4) AS lower,
       round((e).upper::numeric, 4) AS upper, round((e).standard_error::numeric, 6) AS se,
       (e).population, (e).deaths, (e).note
  FROM (SELECT a, oba.life_expectancy_agg(start_age, deaths, population, a) AS e
          FROM df1, unnest(ARRAY[0, 5, 25, 90]) a GROUP BY a) s ORDER BY 1;
-- at birth with the defaults; at 99.8%
SELECT round(value::numeric, 4) AS value, round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper
  FROM (SELECT (oba.life_expectancy_agg(start_age, deaths, population)).* FROM df1) s;
SELECT round(value::numeric, 4) AS value, round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper
  FROM (SELECT (oba.life_expectancy_agg(start_age, deaths, population, 0, 0.998)).* FROM df1) s;

-- Rows of the same band add up: the table split into three "LSOAs" in any
-- order gives the same record, and so does a parallel plan over many rows.
CREATE TEMP TABLE df1_lsoa AS
  SELECT l AS lsoa, start_age, population * w AS population, deaths * w AS deaths
    FROM df1, (VALUES (1, 0.25), (2, 0.5), (3, 0.25)) v(l, w);
SELECT (SELECT oba.life_expectancy_agg(start_age, deaths, population ORDER BY lsoa DESC, start_age DESC) FROM df1_lsoa)
     = (SELECT oba.life_expectancy_agg(start_age, deaths, population) FROM df1) AS lsoas_add_up;
-- ... and the combine function adds partial states, which survive text
SELECT oba.life_expectancy_agg_final(oba.life_expectancy_agg_combine(
         (SELECT pg_temp.le_state(start_age, deaths, population) FROM df1_lsoa WHERE lsoa = 1)::text::oba.agg_state,
         (SELECT pg_temp.le_state(start_age, deaths, population) FROM df1_lsoa WHERE lsoa <> 1)))
     = (SELECT oba.life_expectancy_agg(start_age, deaths, population) FROM df1) AS combined;

-- the rules: no value, with a note, when the table cannot be used
SELECT case_name, (e).value, (e).lower, (e).population, (e).deaths, (e).note
  FROM (SELECT 'missing band' AS case_name, oba.life_expectancy_agg(start_age, deaths, population) AS e
          FROM df1 WHERE start_age <> 40
        UNION ALL
        SELECT 'NULL deaths', oba.life_expectancy_agg(start_age, CASE WHEN start_age = 40 THEN NULL ELSE deaths END, population)
          FROM df1
        UNION ALL
        SELECT 'band population 0', oba.life_expectancy_agg(start_age, CASE WHEN start_age = 1 THEN 0 ELSE deaths END,
                                                           CASE WHEN start_age = 1 THEN 0 ELSE population END)
          FROM df1
        UNION ALL
        SELECT 'deaths above population', oba.life_expectancy_agg(start_age, CASE WHEN start_age = 85 THEN 12000 ELSE deaths END, population)
          FROM df1
        UNION ALL
        SELECT 'total under 5000', oba.life_expectancy_agg(start_age, deaths / 200, population / 200) FROM df1
        UNION ALL
        SELECT 'no deaths at 90+', oba.life_expectancy_agg(start_age, CASE WHEN start_age = 90 THEN 0 ELSE deaths END, population)
          FROM df1) s
 ORDER BY 1;
-- the 95% interval wider than 20 years: the value alone is withheld (a
-- population of 6,061 with 4 deaths at 90+, whose open band then has a
-- variance of 4 / (D M^2): the older the starting age, the more it weighs)
SELECT (e).at_age, round((e).value::numeric, 4) AS value, round((e).lower::numeric, 2) AS lower,
       round((e).upper::numeric, 2) AS upper, round((e).standard_error::numeric, 4) AS se, (e).note
  FROM (SELECT a, oba.life_expectancy_agg(start_age, CASE WHEN start_age = 90 THEN 4 ELSE deaths / 130 END,
                                          population / 130, a) AS e
          FROM df1, unnest(ARRAY[0, 60, 80, 85, 90]) a GROUP BY a) s ORDER BY 1;
-- no rows; FILTER
SELECT oba.life_expectancy_agg(start_age, deaths, population) IS NULL AS empty FROM df1 WHERE false;
SELECT oba.life_expectancy_agg(start_age, deaths, population) FILTER (WHERE false) IS NULL AS filtered FROM df1;

-- bad input
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(NULL, 1, 100)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(3, 1, 100)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(95, 1, 100)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, -1, 100)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, 1, -100)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, 'NaN', 100)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, 1, 'Infinity')$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, 1, 100, 2)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, 1, 100, NULL)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, 1, 100, 0, 1)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(0, 1, 100, 0, NULL)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg(a, 1, 100, a) FROM (VALUES (0), (1)) v(a)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg_final('{1,2,3}')$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg_final(array_fill(0::float8, ARRAY[45])::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg_final((('{1,0,0.95,0,1048576}'::float8[]) || array_fill(0::float8, ARRAY[40]))::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.life_expectancy_agg_final((('{1,7,0.95,0,1}'::float8[]) || array_fill(0::float8, ARRAY[40]))::oba.agg_state)$$);

-- A parallel plan: 200 areas, each band of each area in four rows spread
-- over the table; the same records as a serial plan.
CREATE TABLE le_par AS
  SELECT area, start_age, floor(population * (5 + area % 5) / 40) AS population,
         floor(deaths * (7 + area % 7) / 40) AS deaths
    FROM df1, generate_series(1, 200) area, generate_series(1, 4) part ORDER BY part, start_age, area;
ANALYZE le_par;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS areas, count(*) FILTER (WHERE (e).value IS NOT NULL) AS with_value,
       md5(string_agg(e::text, ',' ORDER BY area)) AS digest
  FROM (SELECT area, oba.life_expectancy_agg(start_age, deaths, population) AS e FROM le_par GROUP BY area) x \gset serial_
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
  SELECT area, oba.life_expectancy_agg(start_age, deaths, population) FROM le_par GROUP BY area;
SELECT md5(string_agg(e::text, ',' ORDER BY area)) AS digest
  FROM (SELECT area, oba.life_expectancy_agg(start_age, deaths, population) AS e FROM le_par GROUP BY area) x \gset parallel_
SELECT :serial_areas AS areas, :serial_with_value AS with_value, :'serial_digest' = :'parallel_digest' AS identical;
RESET ALL;
