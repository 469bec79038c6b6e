-- ---------------------------------------------------------------------------
-- neighbours: statistical neighbours, the k most similar areas of each area
-- by the Euclidean distance between standardised characteristics (CIPFA
-- Nearest Neighbours Model; DfE children's services statistical neighbours).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.statistical_neighbours(
    areas pg_catalog.text[],
    variables pg_catalog.float8[],
    k pg_catalog.int4 DEFAULT 10,
    weights pg_catalog.float8[] DEFAULT NULL)
RETURNS TABLE (area pg_catalog.text, neighbour pg_catalog.text, rank pg_catalog.int4,
               distance pg_catalog.float8, relative_distance pg_catalog.float8)
AS 'MODULE_PATHNAME', 'oba_sql_statistical_neighbours'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000 ROWS 1000;

COMMENT ON FUNCTION @extschema@.statistical_neighbours(pg_catalog.text[], pg_catalog.float8[], pg_catalog.int4, pg_catalog.float8[]) IS
'Statistical neighbours (CIPFA Nearest Neighbours Model; DfE children''s services statistical neighbours): for each area its k (default 10) most similar areas. variables holds one row per area, in the order of areas (array_agg(ARRAY[v1, v2, ...] ORDER BY code) with array_agg(code ORDER BY code)). Each variable is standardised over the areas (z-score, sample standard deviation; a constant variable counts 0), distance = sqrt(sum of weight x squared z difference) (weights default 1), relative_distance = distance / the largest distance between any two areas (CIPFA''s rebasing, 0 to 1). Rows by area code, rank 1..k; ties go to the lower code (byte order); the result does not depend on the order of the arrays. An area with a NULL variable, or without another area, gets one row with NULL neighbour, and takes no part. Limits (54000): 20,000 areas, 50 variables, 1,000,000 rows (areas x k); time O(areas^2 x variables), about 2 s for 20,000 areas of 10 variables, cancellable. Errors: duplicate areas, rows not matching the areas, k < 1, non-finite values, weights negative, above 1e12 or all 0 (22023); NULL areas, variables, k, area code or weight (22004).';
