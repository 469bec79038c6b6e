-- Every row of test/reference/neighbours_reference.csv (statistical
-- neighbours computed with base R 4.2.2 by derive_neighbours_reference.R,
-- from the ONS populations of data/geo: LSOAs and wards of Birmingham and
-- Southampton, Southampton's output areas) against oba.statistical_neighbours
-- on the inputs of neighbours_input.csv with the k and weights of
-- neighbours_cases.csv. Neighbours and ranks exactly; distance and
-- relative_distance to 1e-9 relative (absolute floor 1e-12); an area with a
-- missing variable as one row with NULL neighbour.
\pset null '(null)'
CREATE TEMP TABLE input (dataset text, area text, v1 text, v2 text, v3 text, v4 text);
\copy input FROM 'test/reference/neighbours_input.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE cases (case_id text, dataset text, k int, variables int, weights text);
\copy cases FROM 'test/reference/neighbours_cases.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE ref (case_id text, area text, neighbour text, rank text, distance text, relative_distance text);
\copy ref FROM 'test/reference/neighbours_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;

-- the inputs go in shuffled (by md5): the order of the arrays must not matter
CREATE TEMP TABLE got AS
SELECT c.case_id, n.*
  FROM cases c,
  LATERAL (SELECT array_agg(i.area ORDER BY md5(i.area)) AS areas,
                  array_agg((ARRAY[pg_temp.num(i.v1), pg_temp.num(i.v2), pg_temp.num(i.v3), pg_temp.num(i.v4)])[1:c.variables]
                            ORDER BY md5(i.area)) AS vars
             FROM input i WHERE i.dataset = c.dataset) a,
  LATERAL oba.statistical_neighbours(a.areas, a.vars, c.k, replace(nullif(c.weights, 'NA'), ';', ',')::float8[]) n;

CREATE TEMP TABLE checked AS
SELECT r.case_id, r.area, r.rank, r.neighbour AS want, g.neighbour AS got,
       g.area IS NOT NULL AS computed,
       CASE WHEN r.neighbour = 'NA' THEN g.neighbour IS NULL AND g.rank IS NULL AND g.distance IS NULL
            ELSE g.neighbour = r.neighbour
                 AND abs(g.distance - pg_temp.num(r.distance)) <= greatest(1e-9 * pg_temp.num(r.distance), 1e-12)
                 AND abs(g.relative_distance - pg_temp.num(r.relative_distance))
                     <= greatest(1e-9 * pg_temp.num(r.relative_distance), 1e-12)
       END AS agree
  FROM ref r
  LEFT JOIN got g ON g.case_id = r.case_id AND g.area = r.area
                 AND g.rank IS NOT DISTINCT FROM (CASE WHEN r.rank = 'NA' THEN NULL ELSE r.rank::int END);

SELECT c.case_id, c.k, c.variables, c.weights,
       (SELECT count(DISTINCT area) FROM input i WHERE i.dataset = c.dataset) AS areas,
       count(*) AS reference_rows, count(*) FILTER (WHERE x.agree AND x.computed) AS agree,
       count(*) FILTER (WHERE x.want = 'NA') AS without_neighbours,
       (SELECT count(*) FROM got g WHERE g.case_id = c.case_id) AS oba_rows
  FROM cases c JOIN checked x USING (case_id)
 GROUP BY c.case_id, c.dataset, c.k, c.variables, c.weights ORDER BY c.case_id;
SELECT count(*) AS reference_rows, count(*) FILTER (WHERE computed) AS computed,
       count(*) FILTER (WHERE agree AND computed) AS agree FROM checked;
-- any disagreement, listed
SELECT case_id, area, rank, want, got FROM checked WHERE agree IS NOT TRUE OR NOT computed;
-- ties in the reference, which oba broke the same way (by code)
SELECT count(*) AS tied_neighbours FROM ref a JOIN ref b
    ON a.case_id = b.case_id AND a.area = b.area AND b.rank <> 'NA' AND a.rank <> 'NA'
   AND b.rank::int = a.rank::int + 1 AND a.distance = b.distance;
