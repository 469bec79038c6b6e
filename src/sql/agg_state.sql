-- ---------------------------------------------------------------------------
-- agg_state: the transition state of the aggregates whose state is an array
-- of doubles. Its value is exactly a float8[] (the same bytes: the support
-- functions in C read and write it as one), but its text form is exact:
-- each element in the shortest form that reads back to the same double,
-- whatever extra_float_digits says. A distributed engine (Citus) that runs
-- an aggregate it cannot push down ships each worker's partial state to the
-- coordinator as text (the state type's output function) and reads it there
-- (the input function); float8[]'s text, written with extra_float_digits = 0
-- on a worker, rounds every element to 15 significant digits, and the
-- combined answer moved (docs/citus.md). Comes first: every family uses it,
-- and the update from 0.1 moves the 0.1 aggregates onto it.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.agg_state;

-- Availability: 0.2
CREATE FUNCTION @extschema@.agg_state_in(pg_catalog.cstring)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_agg_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agg_state_in(pg_catalog.cstring) IS
'Internal (aggregates): the input function of oba.agg_state: reads the text of a float8[] (''{0,0,10000,0.95}'', as an INITCOND or an old float8[] state is written, or the exact form oba.agg_state_out writes).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.agg_state_out(@extschema@.agg_state)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'oba_sql_agg_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agg_state_out(@extschema@.agg_state) IS
'Internal (aggregates): the output function of oba.agg_state: the state as float8[] text with every element in the shortest form that reads back to the same double (NaN, Infinity, -Infinity and -0 by name), whatever extra_float_digits says, so a state shipped as text (Citus) is read back unchanged.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.agg_state_recv(pg_catalog.internal)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_agg_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agg_state_recv(pg_catalog.internal) IS
'Internal (aggregates): the binary input function of oba.agg_state: the binary form of a float8[] (array_recv; another element type is an error).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.agg_state_send(@extschema@.agg_state)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'oba_sql_agg_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agg_state_send(@extschema@.agg_state) IS
'Internal (aggregates): the binary output function of oba.agg_state: the binary form of a float8[] (array_send), exact.';

-- Availability: 0.2
CREATE TYPE @extschema@.agg_state (
    INPUT = @extschema@.agg_state_in,
    OUTPUT = @extschema@.agg_state_out,
    RECEIVE = @extschema@.agg_state_recv,
    SEND = @extschema@.agg_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.agg_state IS
'Internal (aggregates): the transition state of oba''s aggregates whose state is an array of doubles. A float8[] inside (casts to and from float8[] change nothing), written as text exactly whatever extra_float_digits says, so partial states shipped as text by a distributed engine (Citus) are read back unchanged. The layout of each aggregate''s state is internal and may change between versions.';

-- The casts to and from float8[] change nothing (the value is a float8[]),
-- but PostgreSQL allows no cast WITHOUT FUNCTION to or from an array type,
-- so each is a function that returns its argument. Both apply only on
-- assignment (or written out, ::): a state is not a float8[] for overload
-- resolution, in either direction, so no call that resolved before can
-- become ambiguous, and a support function (which takes oba.agg_state) is
-- never picked for a float8[] argument by accident.

-- Availability: 0.2
CREATE FUNCTION @extschema@.agg_state(pg_catalog.float8[])
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_agg_state'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agg_state(pg_catalog.float8[]) IS
'Internal (aggregates): the cast from float8[] to oba.agg_state (the same value), to call a final function on a state built by hand: ''{...}''::float8[]::oba.agg_state. The support functions check the state they are given.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.agg_state_values(@extschema@.agg_state)
RETURNS pg_catalog.float8[] AS 'MODULE_PATHNAME', 'oba_sql_agg_state_values'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.agg_state_values(@extschema@.agg_state) IS
'Internal (aggregates): the cast from oba.agg_state to float8[] (the same value), to inspect a state: state::float8[].';

-- Availability: 0.2
CREATE CAST (@extschema@.agg_state AS pg_catalog.float8[])
    WITH FUNCTION @extschema@.agg_state_values(@extschema@.agg_state) AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.agg_state AS pg_catalog.float8[]) IS
'An aggregate state as the float8[] it holds (to inspect it: state::float8[]).';

-- Availability: 0.2
CREATE CAST (pg_catalog.float8[] AS @extschema@.agg_state)
    WITH FUNCTION @extschema@.agg_state(pg_catalog.float8[]) AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.float8[] AS @extschema@.agg_state) IS
'A float8[] as an aggregate state (to call a final function on a state built by hand: ''{...}''::float8[]::oba.agg_state); the support functions check the state they are given.';
