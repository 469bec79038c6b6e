-- ---------------------------------------------------------------------------
-- period: UK reporting periods (financial year April to March and its
-- quarters, academic year September to August) and ages in completed years
-- and months. Someone born on 29 February is a year older on 1 March in a
-- common year (the UK legal rule); one rule for every missing anniversary.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.fy("date" pg_catalog.date)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'oba_sql_fy'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fy(pg_catalog.date) IS
'The UK financial year (1 April to 31 March) holding a date, as ''2024-25''. NULL in gives NULL out; an infinite date or a date BC is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.fy_quarter("date" pg_catalog.date)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'oba_sql_fy_quarter'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fy_quarter(pg_catalog.date) IS
'The financial-year quarter holding a date, as ''2024-25 Q1'': Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March. NULL in gives NULL out; an infinite date or a date BC is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.fy_quarter_start("date" pg_catalog.date)
RETURNS pg_catalog.date AS 'MODULE_PATHNAME', 'oba_sql_fy_quarter_start'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fy_quarter_start(pg_catalog.date) IS
'The first day of the financial-year quarter holding a date (1 April, 1 July, 1 October or 1 January): a date column to group, join and sort quarters by. NULL in gives NULL out; an infinite date or a date BC is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.academic_year("date" pg_catalog.date)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'oba_sql_academic_year'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.academic_year(pg_catalog.date) IS
'The academic year (1 September to 31 August) holding a date, as ''2024/25'' (the DfE style). NULL in gives NULL out; an infinite date or a date BC is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.age_at(dob pg_catalog.date, "at" pg_catalog.date)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'oba_sql_age_at'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_at(pg_catalog.date, pg_catalog.date) IS
'Age in completed years on date at of someone born on dob. Born on 29 February: a year older on 1 March in a common year (UK law), 28 February is still the younger age. NULL in gives NULL out; dob after at, or an infinite date, is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.age_months_at(dob pg_catalog.date, "at" pg_catalog.date)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'oba_sql_age_months_at'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_months_at(pg_catalog.date, pg_catalog.date) IS
'Age in completed months on date at of someone born on dob. A month is completed on the day of the month matching the birth day, or on the 1st of the next month when the month is too short (born 31 January: 1 month old on 1 March). age_at(dob, at) = age_months_at(dob, at) / 12 always. NULL in gives NULL out; dob after at is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.age_band(age pg_catalog.int4, bands pg_catalog.int4[])
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'oba_sql_age_band'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_band(pg_catalog.int4, pg_catalog.int4[]) IS
'The label of the age band holding age: ''0-4'', ''5'' or ''90+''. bands are lower bounds (''{0,5,10,15}'': 0-4, 5-9, 10-14, 15+) or inclusive {lower, upper} pairs with NULL for an open end (''{{0,4},{16,24},{65,NULL}}''). NULL when no band holds the age. A negative age, or bands that are empty, negative, unsorted or overlapping, is an error (22023).';
