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
SELECT pg_temp.err($$SELECT oba.dsr_agg_trans(NULL::float8[], 1, 9, 9)$$);
SELECT pg_temp.err($$SELECT oba.isr_agg_trans(NULL::float8[], NULL, NULL, NULL, NULL)$$);
SELECT pg_temp.err($$SELECT oba.dsr_nonindependent_agg_trans(NULL::float8[], 1, 1, 10, 100)$$);
