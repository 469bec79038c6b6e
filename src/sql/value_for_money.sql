-- ---------------------------------------------------------------------------
-- value_for_money: cost per outcome and return on investment with the
-- Poisson limits of the outcome count (exact below 10, Byar from 10, as
-- oba.rate), and present values at the Green Book discount rate.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.cost_per_outcome(
    cost pg_catalog.float8,
    outcomes pg_catalog.float8,
    confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'oba_sql_cost_per_outcome'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.cost_per_outcome(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Cost per outcome, cost / outcomes, with a confidence interval (default 95%) from the Poisson limits of the outcome count (exact below 10, Byar''s from 10, as oba.rate): cost / upper count limit to cost / lower count limit. The cost is taken as known. numerator = cost, denominator = outcomes. With no outcomes, value and upper are NULL (no upper bound) and lower is cost / 3.69, the upper 95% limit of a count of 0. NULL in gives NULL out; negative or non-finite cost or outcomes, or a confidence outside (0,1), is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.return_on_investment(
    cost pg_catalog.float8,
    outcomes pg_catalog.float8,
    unit_benefit pg_catalog.float8,
    confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'oba_sql_return_on_investment'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.return_on_investment(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Return on investment (the fiscal return of the DfE Children''s Social Care Innovation Programme evaluations): benefits / cost with benefits = outcomes x unit_benefit (the cost avoided per outcome), so 1.84 means 1.84 back for every 1 spent, with a confidence interval (default 95%) from the Poisson limits of the outcome count (exact below 10, Byar''s from 10). Cost and unit benefit are taken as known. numerator = benefits, denominator = cost. NULL in gives NULL out; cost <= 0, negative outcomes or unit_benefit, a non-finite value or a confidence outside (0,1) is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.present_value(
    amount pg_catalog.float8,
    years pg_catalog.float8,
    discount_rate pg_catalog.float8 DEFAULT 0.035)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'oba_sql_present_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.present_value(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Present value of an amount paid or saved years from now (year 0 = now, undiscounted): amount / (1 + discount_rate)^years, at a constant rate, by default the HM Treasury Green Book''s 3.5% a year (its rate for the first 30 years; it declines after). A net present value is sum(oba.present_value(benefits - costs, year)). NULL in gives NULL out; years < 0, a rate outside [0, 1] or a non-finite value is an error (22023).';

-- Aggregate support. State: float8[5] = {cost, outcomes, rows, unit_benefit, confidence}.

-- Availability: 0.2
CREATE FUNCTION @extschema@.cost_per_outcome_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_cost_per_outcome_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.cost_per_outcome_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.cost_per_outcome_agg(cost, outcomes): adds one row to the state.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.cost_per_outcome_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_cost_per_outcome_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.cost_per_outcome_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.cost_per_outcome_agg(cost, outcomes, confidence): adds one row to the state.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.cost_per_outcome_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_cost_per_outcome_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cost_per_outcome_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.cost_per_outcome_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.cost_per_outcome_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_cost_per_outcome_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cost_per_outcome_agg_final(@extschema@.agg_state) IS
'Final function of oba.cost_per_outcome_agg: the cost per outcome and its interval from the summed state; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.cost_per_outcome_agg(cost pg_catalog.float8, outcomes pg_catalog.float8) (
    SFUNC = @extschema@.cost_per_outcome_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0.95}',
    COMBINEFUNC = @extschema@.cost_per_outcome_agg_combine,
    FINALFUNC = @extschema@.cost_per_outcome_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cost_per_outcome_agg(pg_catalog.float8, pg_catalog.float8) IS
'Cost per outcome with a 95% interval from rows of (cost, outcomes), one row per case, family or month: sums both over the group, then as oba.cost_per_outcome. Rows with a NULL cost or outcomes are skipped; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.cost_per_outcome_agg(cost pg_catalog.float8, outcomes pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.cost_per_outcome_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0.95}',
    COMBINEFUNC = @extschema@.cost_per_outcome_agg_combine,
    FINALFUNC = @extschema@.cost_per_outcome_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cost_per_outcome_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Cost per outcome with an interval at the given confidence from rows of (cost, outcomes, confidence), as oba.cost_per_outcome over the sums; confidence must be the same on every row of a group (22023) and not NULL (22004). Rows with a NULL cost or outcomes are skipped; NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.return_on_investment_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_return_on_investment_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.return_on_investment_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.return_on_investment_agg(cost, outcomes, unit_benefit): adds one row to the state.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.return_on_investment_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_return_on_investment_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.return_on_investment_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.return_on_investment_agg(cost, outcomes, unit_benefit, confidence): adds one row to the state.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.return_on_investment_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_return_on_investment_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_on_investment_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.return_on_investment_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.return_on_investment_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_return_on_investment_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_on_investment_agg_final(@extschema@.agg_state) IS
'Final function of oba.return_on_investment_agg: the return and its interval from the summed state; NULL for no rows or a total cost of 0.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.return_on_investment_agg(cost pg_catalog.float8, outcomes pg_catalog.float8, unit_benefit pg_catalog.float8) (
    SFUNC = @extschema@.return_on_investment_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0.95}',
    COMBINEFUNC = @extschema@.return_on_investment_agg_combine,
    FINALFUNC = @extschema@.return_on_investment_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_on_investment_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Return on investment with a 95% interval from rows of (cost, outcomes, unit_benefit): sums cost and outcomes over the group, then as oba.return_on_investment; unit_benefit must be the same on every row of a group (22023) and not NULL (22004). Rows with a NULL cost or outcomes are skipped; NULL for no rows or a total cost of 0.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.return_on_investment_agg(cost pg_catalog.float8, outcomes pg_catalog.float8, unit_benefit pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.return_on_investment_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0.95}',
    COMBINEFUNC = @extschema@.return_on_investment_agg_combine,
    FINALFUNC = @extschema@.return_on_investment_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.return_on_investment_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Return on investment with an interval at the given confidence from rows of (cost, outcomes, unit_benefit, confidence), as oba.return_on_investment over the sums; unit_benefit and confidence must be the same on every row of a group (22023) and not NULL (22004). Rows with a NULL cost or outcomes are skipped; NULL for no rows or a total cost of 0.';
