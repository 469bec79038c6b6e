-- ---------------------------------------------------------------------------
-- Changes to 0.1 objects in 0.2.
-- ---------------------------------------------------------------------------

-- The transition functions of rate_agg and proportion_agg cost the planner 2
-- units (cpu_operator_cost), not 1: measured, one costs about what two
-- built-in sum() transitions do (bench/scale), and at 1 the planner kept a
-- GROUP BY over 50 million rows serial where the plain sums went parallel.
ALTER FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.int4, pg_catalog.int4) COST 2;
ALTER FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.int8, pg_catalog.int8) COST 2;
ALTER FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.proportion_flag_agg_trans(pg_catalog.float8[], pg_catalog.bool) COST 2;
ALTER FUNCTION @extschema@.proportion_flag_agg_trans(pg_catalog.float8[], pg_catalog.bool, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.proportion_flag_agg_trans(pg_catalog.float8[], pg_catalog.bool, pg_catalog.float8, pg_catalog.float8) COST 2;
ALTER FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.int4, pg_catalog.int4) COST 2;
ALTER FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.int8, pg_catalog.int8) COST 2;
