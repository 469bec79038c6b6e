-- ---------------------------------------------------------------------------
-- spc: NHS "Making Data Count" XmR charts, as NHSRplotthedots 0.2.2 ptd_spc()
-- (METHODS.md section 16): limits, the four rules, point types, the variation
-- icon and target assurance. Polarity higher_is_better is the package's
-- "increase", lower_is_better "decrease".
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.spc_summary AS (
    n                           pg_catalog.int4,
    value                       pg_catalog.float8,
    mean                        pg_catalog.float8,
    lpl                         pg_catalog.float8,
    upl                         pg_catalog.float8,
    special_cause               pg_catalog.text,
    point_type                  pg_catalog.text,
    variation                   pg_catalog.text,
    assurance                   pg_catalog.text,
    short_group_warning         pg_catalog.bool
);
COMMENT ON TYPE @extschema@.spc_summary IS
'Result of oba.spc_agg, the latest point of an XmR chart for a report card: points in the chart; the latest value, the mean and process limits of its rebase group; its special cause label and point type; the variation icon (improvement_high, improvement_low, concern_high, concern_low, neutral_high, neutral_low, common_cause) and the target assurance (consistent_pass, consistent_fail, inconsistent; NULL without a target or with a neutral polarity); short_group_warning when the group has fewer than 13 points.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_points(
    t pg_catalog.float8[],
    value pg_catalog.float8[],
    polarity pg_catalog.text DEFAULT 'higher_is_better',
    target pg_catalog.float8 DEFAULT NULL,
    rebase pg_catalog.float8[] DEFAULT NULL,
    fix_after pg_catalog.int4 DEFAULT NULL,
    screen_outliers pg_catalog.bool DEFAULT true,
    run_length pg_catalog.int4 DEFAULT 7,
    two_in_three_2023 pg_catalog.bool DEFAULT false)
RETURNS TABLE (
    t pg_catalog.float8,
    value pg_catalog.float8,
    rebase_group pg_catalog.int4,
    mean pg_catalog.float8,
    lpl pg_catalog.float8,
    upl pg_catalog.float8,
    nlpl pg_catalog.float8,
    nupl pg_catalog.float8,
    amr pg_catalog.float8,
    outside_limits pg_catalog.bool,
    relative_to_mean pg_catalog.int4,
    close_to_limits pg_catalog.bool,
    special_cause pg_catalog.text,
    point_type pg_catalog.text,
    short_group_warning pg_catalog.bool,
    assurance pg_catalog.text)
AS 'MODULE_PATHNAME', 'oba_sql_spc_points'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.spc_points(pg_catalog.float8[], pg_catalog.float8[], pg_catalog.text, pg_catalog.float8, pg_catalog.float8[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool) IS
'An NHS Making Data Count XmR chart (NHSRplotthedots 0.2.2 ptd_spc; METHODS.md 16), one row per point in time order: rebase group, mean, process limits lpl/upl = mean -/+ 2.66 AMR, two-sigma lines nlpl/nupl, the screened average moving range, the per-point flags, the special cause label (Above UCL, Below LCL, 7 Point Trend (Increasing/Decreasing), 2 in 3 Above/Below CL, 7 Points Above/Below CL, Common Cause; first match wins), the point type (special_cause_improvement, special_cause_concern, special_cause_neutral_high/low, common_cause), short_group_warning (fewer than 13 points) and the chart''s target assurance. Options: polarity higher_is_better (improvement is up), lower_is_better or neutral; target for assurance (NULL: none); rebase: times that start a new group at the first point at or after each; fix_after: only the first fix_after points (at least 12) of each group set the limits; screen_outliers: drop moving ranges of 3.267 AMR or more once (false reproduces the MDC Excel tool); run_length 7 (default) or 6 for shifts and trends; two_in_three_2023: MDC''s November 2023 rule, points beyond the limits count towards two in three. A NULL value keeps its row as a missing point (NULL flags, common cause, breaks the rules); an element with a NULL time is skipped. Undefined limits (one point, a constant series with screening) are NULL. NULL arrays: no rows; a NULL polarity, screen_outliers, run_length or two_in_three_2023: 22004; arrays of different lengths, duplicate times, an unknown polarity or a bad option: 22023.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_points(
    t pg_catalog.date[],
    value pg_catalog.float8[],
    polarity pg_catalog.text DEFAULT 'higher_is_better',
    target pg_catalog.float8 DEFAULT NULL,
    rebase pg_catalog.date[] DEFAULT NULL,
    fix_after pg_catalog.int4 DEFAULT NULL,
    screen_outliers pg_catalog.bool DEFAULT true,
    run_length pg_catalog.int4 DEFAULT 7,
    two_in_three_2023 pg_catalog.bool DEFAULT false)
RETURNS TABLE (
    t pg_catalog.date,
    value pg_catalog.float8,
    rebase_group pg_catalog.int4,
    mean pg_catalog.float8,
    lpl pg_catalog.float8,
    upl pg_catalog.float8,
    nlpl pg_catalog.float8,
    nupl pg_catalog.float8,
    amr pg_catalog.float8,
    outside_limits pg_catalog.bool,
    relative_to_mean pg_catalog.int4,
    close_to_limits pg_catalog.bool,
    special_cause pg_catalog.text,
    point_type pg_catalog.text,
    short_group_warning pg_catalog.bool,
    assurance pg_catalog.text)
AS 'MODULE_PATHNAME', 'oba_sql_spc_points_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.spc_points(pg_catalog.date[], pg_catalog.float8[], pg_catalog.text, pg_catalog.float8, pg_catalog.date[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool) IS
'An NHS Making Data Count XmR chart (NHSRplotthedots 0.2.2 ptd_spc; METHODS.md 16), one row per point in time order: rebase group, mean, process limits lpl/upl = mean -/+ 2.66 AMR, two-sigma lines nlpl/nupl, the screened average moving range, the per-point flags, the special cause label (Above UCL, Below LCL, 7 Point Trend (Increasing/Decreasing), 2 in 3 Above/Below CL, 7 Points Above/Below CL, Common Cause; first match wins), the point type (special_cause_improvement, special_cause_concern, special_cause_neutral_high/low, common_cause), short_group_warning (fewer than 13 points) and the chart''s target assurance. Options: polarity higher_is_better (improvement is up), lower_is_better or neutral; target for assurance (NULL: none); rebase: times that start a new group at the first point at or after each; fix_after: only the first fix_after points (at least 12) of each group set the limits; screen_outliers: drop moving ranges of 3.267 AMR or more once (false reproduces the MDC Excel tool); run_length 7 (default) or 6 for shifts and trends; two_in_three_2023: MDC''s November 2023 rule, points beyond the limits count towards two in three. Dates only order the points. A NULL value keeps its row as a missing point (NULL flags, common cause, breaks the rules); an element with a NULL time is skipped. Undefined limits (one point, a constant series with screening) are NULL. NULL arrays: no rows; a NULL polarity, screen_outliers, run_length or two_in_three_2023: 22004; arrays of different lengths, duplicate times, an unknown polarity or a bad option: 22023.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.spc_agg(t, value): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.spc_agg(t, value, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Transition function of oba.spc_agg(t, value, polarity, target): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool) IS
'Transition function of oba.spc_agg(t, value, polarity, target, rebase, fix_after, screen_outliers, run_length, two_in_three_2023): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8) IS
'Transition function of oba.spc_agg(t date, value): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.spc_agg(t date, value, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.text, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Transition function of oba.spc_agg(t date, value, polarity, target): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.date[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.date[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool) IS
'Transition function of oba.spc_agg(t date, value, polarity, target, rebase, fix_after, screen_outliers, run_length, two_in_three_2023): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.spc_agg_final(@extschema@.agg_state)
RETURNS @extschema@.spc_summary AS 'MODULE_PATHNAME', 'oba_sql_spc_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spc_agg_final(@extschema@.agg_state) IS
'Final function of oba.spc_agg: sorts the points by time, refuses duplicate times (22023), draws the XmR chart and returns its latest point; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.float8, value pg_catalog.float8) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.float8, pg_catalog.float8) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. Higher is better, no target, the package''s defaults. Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.float8, value pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. polarity higher_is_better, lower_is_better or neutral; no target. Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.float8, value pg_catalog.float8, polarity pg_catalog.text, target pg_catalog.float8) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. polarity, and target for assurance (NULL: none). Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.float8, value pg_catalog.float8, polarity pg_catalog.text, target pg_catalog.float8, rebase pg_catalog.float8[], fix_after pg_catalog.int4, screen_outliers pg_catalog.bool, run_length pg_catalog.int4, two_in_three_2023 pg_catalog.bool) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. Options, as oba.spc_points: polarity higher_is_better (improvement is up), lower_is_better or neutral; target for assurance (NULL: none); rebase: times that start a new group at the first point at or after each; fix_after: only the first fix_after points (at least 12) of each group set the limits; screen_outliers: drop moving ranges of 3.267 AMR or more once (false reproduces the MDC Excel tool); run_length 7 (default) or 6 for shifts and trends; two_in_three_2023: MDC''s November 2023 rule, points beyond the limits count towards two in three. Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.date, pg_catalog.float8) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. Higher is better, no target, the package''s defaults. Dates only order the points. Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.date, value pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.text) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. polarity higher_is_better, lower_is_better or neutral; no target. Dates only order the points. Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.date, value pg_catalog.float8, polarity pg_catalog.text, target pg_catalog.float8) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. polarity, and target for assurance (NULL: none). Dates only order the points. Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.spc_agg(t pg_catalog.date, value pg_catalog.float8, polarity pg_catalog.text, target pg_catalog.float8, rebase pg_catalog.date[], fix_after pg_catalog.int4, screen_outliers pg_catalog.bool, run_length pg_catalog.int4, two_in_three_2023 pg_catalog.bool) (
    SFUNC = @extschema@.spc_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,7,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.spc_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.spc_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.date[], pg_catalog.int4, pg_catalog.bool, pg_catalog.int4, pg_catalog.bool) IS
'The latest point of an NHS Making Data Count XmR chart over the rows of a group, for a report card (NHSRplotthedots 0.2.2; METHODS.md 16): its value, mean, limits, special cause and point type, the variation icon and the target assurance. Options, as oba.spc_points: polarity higher_is_better (improvement is up), lower_is_better or neutral; target for assurance (NULL: none); rebase: times that start a new group at the first point at or after each; fix_after: only the first fix_after points (at least 12) of each group set the limits; screen_outliers: drop moving ranges of 3.267 AMR or more once (false reproduces the MDC Excel tool); run_length 7 (default) or 6 for shifts and trends; two_in_three_2023: MDC''s November 2023 rule, points beyond the limits count towards two in three. Dates only order the points. Rows with a NULL value keep their place as missing points; a NULL t is skipped; duplicate times, an unknown polarity, a bad option or options that differ between rows are errors (22023). NULL for no rows.';

