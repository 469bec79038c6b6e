-- ---------------------------------------------------------------------------
-- need: most-in-need scoring: need z-scores with polarity, their weighted
-- mean per area, deciles and quintiles from ranks (oba's convention, or
-- PHEindicatormethods phe_quantile's).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.need_z(
    value pg_catalog.float8,
    mean pg_catalog.float8,
    sd pg_catalog.float8,
    polarity pg_catalog.text)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'oba_sql_need_z'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.need_z(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Standardised need score of one area on one indicator: (value - mean) / sd, negated for higher_is_better, so that positive always means more need than average. Window-friendly: oba.need_z(value, avg(value) OVER w, stddev_samp(value) OVER w, polarity) with w partitioned by indicator. NULL in gives NULL out; NULL when sd is 0 (no area differs). Errors (22023): polarity neutral or unknown (a need score needs a direction), sd < 0, non-finite values.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.need_score_agg_trans(@extschema@.agg_state, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_need_score_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.need_score_agg_trans(@extschema@.agg_state, pg_catalog.float8) IS
'Transition function of oba.need_score_agg(z): adds one indicator''s z-score with weight 1.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.need_score_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_need_score_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.need_score_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.need_score_agg(z, weight): adds one indicator''s weighted z-score.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.need_score_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_need_score_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.need_score_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.need_score_agg: adds two partial states.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.need_score_agg_final(@extschema@.agg_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'oba_sql_need_score_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.need_score_agg_final(@extschema@.agg_state) IS
'Final function of oba.need_score_agg: the weighted mean, NULL for no rows or a total weight of 0.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.need_score_agg(z pg_catalog.float8) (
    SFUNC = @extschema@.need_score_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0}',
    COMBINEFUNC = @extschema@.need_score_agg_combine,
    FINALFUNC = @extschema@.need_score_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.need_score_agg(pg_catalog.float8) IS
'Need score of an area: the mean of its indicators'' need z-scores (oba.need_z). Rows with a NULL z are skipped, so an indicator missing for an area drops out of that area''s mean. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.need_score_agg(z pg_catalog.float8, weight pg_catalog.float8) (
    SFUNC = @extschema@.need_score_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0}',
    COMBINEFUNC = @extschema@.need_score_agg_combine,
    FINALFUNC = @extschema@.need_score_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.need_score_agg(pg_catalog.float8, pg_catalog.float8) IS
'Need score of an area: sum(weight x z) / sum(weight) over its indicators'' need z-scores (oba.need_z). Rows with a NULL z or weight are skipped. NULL for no rows or a total weight of 0. Errors (22023): negative or non-finite weight, non-finite z.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.quantile_group(
    rank pg_catalog.int8,
    n pg_catalog.int8,
    groups pg_catalog.int4)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'oba_sql_quantile_group'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantile_group(pg_catalog.int8, pg_catalog.int8, pg_catalog.int4) IS
'The group (1..groups) of a rank among n ranked values: ceil(groups x rank / n), so group k holds ranks (k-1) n / groups < rank <= k n / groups, in exact integer arithmetic. With rank() (ties share the lowest rank) tied values always share a group. Use rank() OVER (ORDER BY score DESC) so that group 1 is the most in need, and count(score) OVER () for n. NULL in gives NULL out. Errors (22023): rank outside 1..n, n < 1, groups < 1.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.decile(rank pg_catalog.int8, n pg_catalog.int8)
RETURNS pg_catalog.int4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.quantile_group(rank, n, 10);

COMMENT ON FUNCTION @extschema@.decile(pg_catalog.int8, pg_catalog.int8) IS
'Decile (1..10) of a rank among n: oba.quantile_group(rank, n, 10). Decile 1 holds the first tenth of the ranks (the most in need when ranked by need score, descending). NULL in gives NULL out.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.quintile(rank pg_catalog.int8, n pg_catalog.int8)
RETURNS pg_catalog.int4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.quantile_group(rank, n, 5);

COMMENT ON FUNCTION @extschema@.quintile(pg_catalog.int8, pg_catalog.int8) IS
'Quintile (1..5) of a rank among n: oba.quantile_group(rank, n, 5). NULL in gives NULL out.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.quantile_group(
    rank pg_catalog.int8,
    n pg_catalog.int8,
    groups pg_catalog.int4,
    convention pg_catalog.text)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'oba_sql_quantile_group'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantile_group(pg_catalog.int8, pg_catalog.int8, pg_catalog.int4, pg_catalog.text) IS
'The group (1..groups) of a rank among n ranked values by a named convention. ''oba'': as oba.quantile_group(rank, n, groups), ceil(groups x rank / n): groups filled from rank 1, the remainder of n / groups going to the last groups. ''phe'': PHEindicatormethods phe_quantile (OHID, Assigning deprivation categories; Fingertips): groups + 1 - ceil((n + 1 - rank) / (n / groups)), 1 where that is 0, in float8 as the package computes it: groups filled from rank n, the remainder going to the first groups; NULL when n < groups (the package assigns none). For phe_quantile''s default (invert: the highest value in group 1) pass rank() OVER (ORDER BY value DESC NULLS LAST) and count(value) OVER (); for invert = FALSE, ORDER BY value. NULL in gives NULL out. Errors (22023): an unknown convention, rank outside 1..n, n < 1, groups < 1.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.decile(rank pg_catalog.int8, n pg_catalog.int8, convention pg_catalog.text)
RETURNS pg_catalog.int4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.quantile_group(rank, n, 10, convention);

COMMENT ON FUNCTION @extschema@.decile(pg_catalog.int8, pg_catalog.int8, pg_catalog.text) IS
'Decile (1..10) of a rank among n by a convention: oba.quantile_group(rank, n, 10, convention); ''phe'' reproduces PHEindicatormethods phe_quantile (Fingertips deprivation deciles: with rank() OVER (ORDER BY score DESC), decile 1 is the most deprived) and gives NULL for fewer than 10 values. NULL in gives NULL out.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.quintile(rank pg_catalog.int8, n pg_catalog.int8, convention pg_catalog.text)
RETURNS pg_catalog.int4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.quantile_group(rank, n, 5, convention);

COMMENT ON FUNCTION @extschema@.quintile(pg_catalog.int8, pg_catalog.int8, pg_catalog.text) IS
'Quintile (1..5) of a rank among n by a convention: oba.quantile_group(rank, n, 5, convention); ''phe'' reproduces PHEindicatormethods phe_quantile and gives NULL for fewer than 5 values. NULL in gives NULL out.';
