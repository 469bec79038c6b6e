-- ---------------------------------------------------------------------------
-- series: time as an argument. The state of (t, value) rows that the
-- trend, curve and SPC aggregates share: appended to in place with spare
-- room (amortised O(1)), combined by concatenation and sorted by time in the
-- final function, so parallel query and distributed engines can split every
-- one of them. State: {version 1, kind, width, nparams, nrows, params ...,
-- rows ..., spare room ...}; see src/pg/series_pg.h.
--
-- Each of these aggregates declares SSPACE, the bytes its state takes for a
-- series of 64 rows (2048; 4096 for recent_trend_ci_agg's four values a
-- row): hash aggregation admits groups until work_mem x hash_mem_multiplier
-- divided by that size, then spills, so states that grow after their group
-- started stay within work_mem for series up to 64 rows, and the planner
-- prices the hash table by it. Without it a group was counted at its first
-- row's size and memory reached 2.6 x the limit (docs/operations.md: Running oba on a
-- shared server).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.date_to_years(d pg_catalog.date)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'oba_sql_date_to_years'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.date_to_years(pg_catalog.date) IS
'A date as a time in years, the rule of every date overload of the trend, curve and SPC functions: year + (month - 1)/12 + (day - 1)/(12 x days in that month). The first days of successive months, quarters and years are exactly 1/12, 1/4 and 1 apart, so slopes are per year. NULL gives NULL; an infinite date is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.years_to_date(years pg_catalog.float8)
RETURNS pg_catalog.date AS 'MODULE_PATHNAME', 'oba_sql_years_to_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.years_to_date(pg_catalog.float8) IS
'The inverse of oba.date_to_years, to the nearest day: oba.years_to_date(2019.25) = 2019-04-01. NULL gives NULL; a non-finite value is an error (22023), a value outside the date range 22008.';

-- Aggregate support shared by every time-series aggregate.

-- Availability: 0.2
CREATE FUNCTION @extschema@.series_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_series_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.series_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.mann_kendall_agg(t, value), oba.linear_trend_agg(t, value) and the other trend tests without parameters (mann_kendall_hamed_rao_agg, mann_kendall_prewhitened_agg, pettitt_agg, segmented_agg), which share one state: appends (t, value) to the series state (in place inside an aggregate). A NULL t skips the row; a NULL value is kept as missing; a non-finite t or value is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.series_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_series_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.series_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8) IS
'Transition function of oba.mann_kendall_agg(date, value), oba.linear_trend_agg(date, value) and the other trend tests without parameters: appends (oba.date_to_years(t), value) to the series state.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.series_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_series_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.series_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of every time-series aggregate (trend, curve, SPC): appends the rows of the second state to the first (parallel query, distributed engines). The parameters of both must agree (22023).';

