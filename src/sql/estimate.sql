-- ---------------------------------------------------------------------------
-- estimate: the interval estimate every rate, proportion and ratio returns.
-- ---------------------------------------------------------------------------

-- Availability: 0.1
CREATE TYPE @extschema@.estimate AS (
    value       pg_catalog.float8,
    lower       pg_catalog.float8,
    upper       pg_catalog.float8,
    numerator   pg_catalog.float8,
    denominator pg_catalog.float8
);

COMMENT ON TYPE @extschema@.estimate IS
'An interval estimate: value with its lower and upper confidence limits, and the numerator and denominator it was computed from. Expand with (f(...)).* for plain columns.';
