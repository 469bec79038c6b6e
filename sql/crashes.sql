-- Inputs that once crashed a backend (found by make fuzz). Each must now be
-- an error with a SQLSTATE, or a result; never a crash.
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- A NULL state passed straight to a non-strict transition function.
SELECT pg_temp.err($$SELECT oba.dsr_agg_trans(NULL::oba.agg_state, 1, 9, 9)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg_trans(NULL::oba.agg_state, NULL, NULL, NULL, NULL)$$);
SELECT pg_temp.err($$SELECT oba.dsr_nonindependent_agg_trans(NULL::oba.agg_state, 1, 1, 10, 100)$$);

-- The same for the time-series transition functions (the state argument, and
-- a row without a time, which leaves the state as it is).
SELECT pg_temp.err($$SELECT oba.recent_trend_agg_trans(NULL::oba.agg_state, NULL::float8, 1e300, 4.9e-324, 'how_much')$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg_trans(NULL::oba.agg_state, NULL::date, 1, 2, 'point_on_surface')$$);
SELECT pg_temp.err($$SELECT oba.spc_agg_trans(NULL::oba.agg_state, '2023-03-01'::date, 0.95)$$);
SELECT pg_temp.err($$SELECT oba.spc_agg_trans(NULL::oba.agg_state, 1.0000000000000002, 0)$$);
SELECT pg_temp.err($$SELECT oba.series_agg_trans(NULL::oba.agg_state, NULL::float8, 1)$$);
SELECT pg_temp.err($$SELECT oba.its_agg_trans(NULL::oba.agg_state, 1, 2, 3)$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_agg_trans(NULL::oba.agg_state, NULL::date, 1, 2)$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_ci_agg_trans(NULL::oba.agg_state, 1, 2, 1, 3, 'neutral')$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg_trans(NULL::oba.agg_state, NULL::float8, 1, 2)$$);
-- a row without a time, on a real state: the state comes back unchanged
SELECT oba.series_agg_trans('{1,1,2,0,0}'::oba.agg_state, NULL::float8, 1);

-- States from outside with numbers out of an int's range where the glue
-- keeps a small whole number (kind, width, polarity, points ...): casting
-- them was undefined behaviour (make fuzz FUZZ_UBSAN=1); now refused.
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg_final('{1,1e300,2,0,0}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg_final('{1,1,Infinity,0,0}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.series_agg_trans('{1,1,2,Infinity,0}'::oba.agg_state, 1, 2)$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg_final('{1,5,3,3,1,1e300,5,0,2000,3,10}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg_final('{1,2,2,3,1,2000,-1e300,0.05,2001,5}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.spc_agg_final('{1,7,2,6,1,1,NaN,1e300,0,7,0,2000,5}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.spc_agg_final('{1,7,2,6,1,1,NaN,12,0,-1e300,0,2000,5}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg_trans('{0,0,0,0,5.4e16,0,0.95}'::oba.agg_state, 1, 2)$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg_inv('{1,0,0,0,1e300,0,0.95}'::oba.agg_state, 1, 2)$$);
-- a direct call with a good state still works
SELECT oba.better_off_agg_trans('{0,0,0,0,1,0,0.95}'::oba.agg_state, 1, 2);

-- The chart's internal renderer called directly with an empty x range
-- divided by zero (22012, make fuzz); now a clean 22023.
SELECT pg_temp.err($$SELECT oba._curve_svg_render('{1,2}', '{a,b}', '{1,2}', '{1,2}', '{0,1}', '{2,3}',
  '{before,before}', NULL, NULL, NULL, NULL, NULL, 600, 300, 2, 2, '{2}', '{x}', '{2}')$$);
SELECT pg_temp.err($$SELECT oba._curve_svg_render('{1,2}', '{a,b}', '{1,2}', '{1,2}', '{0,1}', '{2,3}',
  '{before,before}', NULL, NULL, NULL, NULL, NULL, 600, 300, '-Infinity', 2, '{2}', '{x}', '{2}')$$);
