-- The public API of the value-for-money family: the scalar functions and
-- their estimate results, the aggregates' float8[] state and combine
-- functions, and errors by SQLSTATE.
BEGIN;
SELECT plan(16);

SELECT function_returns('oba', 'cost_per_outcome', ARRAY['double precision', 'double precision', 'double precision'], 'oba.estimate');
SELECT function_returns('oba', 'return_on_investment',
                        ARRAY['double precision', 'double precision', 'double precision', 'double precision'], 'oba.estimate');
SELECT function_returns('oba', 'present_value', ARRAY['double precision', 'double precision', 'double precision'], 'double precision');
SELECT is_strict('oba', 'cost_per_outcome', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_strict('oba', 'return_on_investment', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_strict('oba', 'present_value', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'cost_per_outcome_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'cost_per_outcome_agg', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'return_on_investment_agg', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'return_on_investment_agg', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text IN ('oba.cost_per_outcome_agg', 'oba.return_on_investment_agg')),
          ARRAY['oba.agg_state'], 'the state is oba.agg_state (a float8[] with an exact text form), not internal');
SELECT is((SELECT count(*)::int FROM pg_aggregate a
            WHERE a.aggfnoid::regproc::text IN ('oba.cost_per_outcome_agg', 'oba.return_on_investment_agg')
              AND a.aggcombinefn <> 0), 4, 'all four overloads have a combine function');
SELECT is((SELECT bool_or(p.proisstrict) FROM pg_proc p
            WHERE p.proname IN ('cost_per_outcome_agg_trans', 'return_on_investment_agg_trans')
              AND p.pronamespace = 'oba'::regnamespace), false,
          'transition functions are not STRICT: a NULL unit_benefit or confidence is an error, not a skipped row');
SELECT throws_ok($$SELECT oba.cost_per_outcome(-1::float8, 3::float8)$$, '22023');
SELECT throws_ok($$SELECT oba.return_on_investment_agg(c, 1::float8, NULL::float8) FROM (VALUES (1::float8)) v(c)$$, '22004');
SELECT throws_ok($$SELECT oba.present_value(1::float8, 1::float8, 2::float8)$$, '22023');

SELECT * FROM finish();
ROLLBACK;
