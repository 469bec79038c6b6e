/*
 * symbol_aliases.c: C names that are thin aliases of a function named after
 * its SQL function (docs/DESIGN.md, "The glue"). Written by
 * tools/rename-symbols: do not edit.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

/*
 * One C function that implements several SQL functions: the name of each
 * SQL function but the first.
 */

extern PGDLLEXPORT Datum oba_sql_agg_state(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(oba_sql_agg_state_values);
Datum
oba_sql_agg_state_values(PG_FUNCTION_ARGS)
{
	return oba_sql_agg_state(fcinfo);
}

/*
 * Kept for the frozen install scripts of released versions
 * (src/sql/released/): CREATE EXTENSION oba VERSION '0.1' looks up the
 * names of its time. The update re-points the released functions at the
 * current names, so neither a fresh install nor an updated one uses these.
 */

extern PGDLLEXPORT Datum oba_sql_proportion(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion);
Datum
obapg_proportion(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_combine(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_combine);
Datum
obapg_proportion_combine(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_combine(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_final(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_final);
Datum
obapg_proportion_final(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_final(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_flag_agg_inv(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_flag_inv);
Datum
obapg_proportion_flag_inv(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_flag_agg_inv(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_flag_agg_trans(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_flag_trans);
Datum
obapg_proportion_flag_trans(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_flag_agg_trans(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_inv(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_inv);
Datum
obapg_proportion_inv(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_inv(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_inv_int4(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_inv_int4);
Datum
obapg_proportion_inv_int4(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_inv_int4(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_inv_int8(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_inv_int8);
Datum
obapg_proportion_inv_int8(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_inv_int8(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_trans(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_trans);
Datum
obapg_proportion_trans(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_trans(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_trans_int4(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_trans_int4);
Datum
obapg_proportion_trans_int4(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_trans_int4(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_proportion_agg_trans_int8(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_proportion_trans_int8);
Datum
obapg_proportion_trans_int8(PG_FUNCTION_ARGS)
{
	return oba_sql_proportion_agg_trans_int8(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate);
Datum
obapg_rate(PG_FUNCTION_ARGS)
{
	return oba_sql_rate(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_combine(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_combine);
Datum
obapg_rate_combine(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_combine(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_final(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_final);
Datum
obapg_rate_final(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_final(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_inv(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_inv);
Datum
obapg_rate_inv(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_inv(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_inv_int4(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_inv_int4);
Datum
obapg_rate_inv_int4(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_inv_int4(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_inv_int8(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_inv_int8);
Datum
obapg_rate_inv_int8(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_inv_int8(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_trans(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_trans);
Datum
obapg_rate_trans(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_trans(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_trans_int4(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_trans_int4);
Datum
obapg_rate_trans_int4(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_trans_int4(fcinfo);
}

extern PGDLLEXPORT Datum oba_sql_rate_agg_trans_int8(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(obapg_rate_trans_int8);
Datum
obapg_rate_trans_int8(PG_FUNCTION_ARGS)
{
	return oba_sql_rate_agg_trans_int8(fcinfo);
}
