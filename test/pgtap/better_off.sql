-- The public API of oba.better_off_agg: overloads, result type, state type,
-- combine and moving-aggregate support.
BEGIN;
SELECT plan(10);

SELECT has_type('oba', 'better_off', 'composite oba.better_off exists');
SELECT columns_are('oba', 'better_off',
                   ARRAY['measured', 'better', 'same', 'worse', 'pct_better', 'lower', 'upper', 'not_measured'],
                   'oba.better_off has its eight columns');
SELECT is(array(SELECT format_type(a.atttypid, NULL) FROM pg_attribute a
                 WHERE a.attrelid = 'oba.better_off'::regclass AND a.attnum > 0 ORDER BY a.attnum),
          ARRAY['bigint', 'bigint', 'bigint', 'bigint', 'double precision', 'double precision',
                'double precision', 'bigint'], 'counts are bigint, the percentage and limits float8');
SELECT is_aggregate('oba', 'better_off_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'better_off_agg', ARRAY['double precision', 'double precision', 'text']);
SELECT is_aggregate('oba', 'better_off_agg', ARRAY['double precision', 'double precision', 'text', 'double precision']);
SELECT is_aggregate('oba', 'better_off_agg', ARRAY['double precision', 'double precision', 'text', 'double precision', 'double precision']);
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.better_off_agg'),
          ARRAY['oba.agg_state'], 'the state is oba.agg_state (a float8[] with an exact text form), not internal');
SELECT is((SELECT count(*)::int FROM pg_aggregate a
            WHERE a.aggfnoid::regproc::text = 'oba.better_off_agg'
              AND a.aggcombinefn <> 0 AND a.aggmtransfn <> 0 AND a.aggminvtransfn <> 0), 4,
          'all four overloads have combine and moving-aggregate support');
SELECT is((SELECT bool_or(p.proisstrict) FROM pg_proc p
            WHERE p.proname IN ('better_off_agg_trans', 'better_off_agg_inv')
              AND p.pronamespace = 'oba'::regnamespace), false,
          'transition functions are not STRICT: rows with a missing score are counted');

SELECT * FROM finish();
ROLLBACK;
