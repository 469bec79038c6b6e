-- ---------------------------------------------------------------------------
-- disclosure: small-number suppression and rounding for sharing aggregates,
-- and secondary suppression over one-way and two-way tables with totals so
-- that no suppressed cell can be worked out from published cells and totals.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.suppress(
    count pg_catalog.int8,
    threshold pg_catalog.int4 DEFAULT 5,
    suppress_zero pg_catalog.bool DEFAULT false)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'oba_sql_suppress'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.suppress(pg_catalog.int8, pg_catalog.int4, pg_catalog.bool) IS
'Primary suppression of one count: NULL for 1 .. threshold-1 (default 1 to 4), the count otherwise; 0 is kept unless suppress_zero. A lone cell only: for a table with totals use oba.suppress_table. NULL in gives NULL out; a negative count or a threshold below 1 is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.round_to(
    count pg_catalog.int8,
    base pg_catalog.int4 DEFAULT 5)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'oba_sql_round_to'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.round_to(pg_catalog.int8, pg_catalog.int4) IS
'A count rounded to the nearest multiple of base (default 5), halves up: 12 -> 10, 13 -> 15, 15 -> 20 with base 10. NULL in gives NULL out; a negative count or a base below 1 is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.suppress_table(
    labels pg_catalog.text[],
    counts pg_catalog.int8[],
    threshold pg_catalog.int4 DEFAULT 5,
    suppress_zero pg_catalog.bool DEFAULT false)
RETURNS TABLE (label pg_catalog.text, is_total pg_catalog.bool, published pg_catalog.int8, flag pg_catalog.text)
AS 'MODULE_PATHNAME', 'oba_sql_suppress_table_one_way'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@.suppress_table(pg_catalog.text[], pg_catalog.int8[], pg_catalog.int4, pg_catalog.bool) IS
'Primary and secondary suppression of a one-way table (wards within a city): one row per label and a total row (label NULL, is_total true), published NULL where suppressed and flag ''primary'' (1 .. threshold-1, or 0 when suppress_zero) or ''secondary'' (suppressed so that no cell can be worked out by subtraction from the total, and the suppressed cells add up to at least threshold). Labels must be unique and not NULL; counts not NULL or negative (22023, 22004). Empty arrays give no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.suppress_table(
    row_labels pg_catalog.text[],
    col_labels pg_catalog.text[],
    counts pg_catalog.int8[],
    threshold pg_catalog.int4 DEFAULT 5,
    suppress_zero pg_catalog.bool DEFAULT false)
RETURNS TABLE (row_label pg_catalog.text, col_label pg_catalog.text, published pg_catalog.int8, flag pg_catalog.text)
AS 'MODULE_PATHNAME', 'oba_sql_suppress_table_two_way'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.suppress_table(pg_catalog.text[], pg_catalog.text[], pg_catalog.int8[], pg_catalog.int4, pg_catalog.bool) IS
'Primary and secondary suppression of a two-way table (ward by age band) given in long form: every cell, each row total (col_label NULL), each column total (row_label NULL) and the grand total (both NULL); missing pairs count as 0. published is NULL where suppressed, flag ''primary'' or ''secondary''; no suppressed cell can be worked out from the published cells, row totals and column totals by any sum or difference, and in every line with a published total the suppressed cells add up to at least threshold. Each (row_label, col_label) pair at most once; labels and counts not NULL, counts not negative. At most 1,000,000 cells (distinct row labels x distinct column labels): a larger table is refused (54000); within it the search takes O(cells log cells) time, about 50 bytes a cell, and stops at once on a cancel.';
