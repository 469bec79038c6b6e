/*
 * proportion.c (glue): oba.proportion and the oba.proportion_agg aggregates
 * (successes and total per row, or one boolean flag per row).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

PG_FUNCTION_INFO_V1(oba_sql_proportion);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_trans_int4);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_trans_int8);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_inv);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_inv_int4);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_inv_int8);
PG_FUNCTION_INFO_V1(oba_sql_proportion_flag_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_proportion_flag_agg_inv);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_proportion_agg_final);

static const oba_sum_agg proportion_agg = {
	"oba.proportion_agg", "successes", "total", true, oba_proportion
};

/* oba.proportion(successes, total, per, confidence): STRICT */
Datum
oba_sql_proportion(PG_FUNCTION_ARGS)
{
	oba_estimate e;
	oba_error	err;

	if (oba_proportion(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
					   PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3), &e, &err) != 0)
		oba_raise("oba.proportion", &err);
	return oba_estimate_datum(fcinfo, &e);
}

/* (state, successes, total [, per [, confidence]]): STRICT */
Datum
oba_sql_proportion_agg_trans(PG_FUNCTION_ARGS)
{
	return oba_sum_trans(fcinfo, &proportion_agg, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), 3);
}

Datum
oba_sql_proportion_agg_trans_int4(PG_FUNCTION_ARGS)
{
	return oba_sum_trans(fcinfo, &proportion_agg, PG_GETARG_INT32(1), PG_GETARG_INT32(2), 3);
}

Datum
oba_sql_proportion_agg_trans_int8(PG_FUNCTION_ARGS)
{
	return oba_sum_trans(fcinfo, &proportion_agg, (double) PG_GETARG_INT64(1),
						 (double) PG_GETARG_INT64(2), 3);
}

Datum
oba_sql_proportion_agg_inv(PG_FUNCTION_ARGS)
{
	return oba_sum_inv(fcinfo, &proportion_agg, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2));
}

Datum
oba_sql_proportion_agg_inv_int4(PG_FUNCTION_ARGS)
{
	return oba_sum_inv(fcinfo, &proportion_agg, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
}

Datum
oba_sql_proportion_agg_inv_int8(PG_FUNCTION_ARGS)
{
	return oba_sum_inv(fcinfo, &proportion_agg, (double) PG_GETARG_INT64(1),
					   (double) PG_GETARG_INT64(2));
}

/* (state, flag [, per [, confidence]]): STRICT, so NULL flags are not counted */
Datum
oba_sql_proportion_flag_agg_trans(PG_FUNCTION_ARGS)
{
	return oba_sum_trans(fcinfo, &proportion_agg, PG_GETARG_BOOL(1) ? 1.0 : 0.0, 1.0, 2);
}

Datum
oba_sql_proportion_flag_agg_inv(PG_FUNCTION_ARGS)
{
	return oba_sum_inv(fcinfo, &proportion_agg, PG_GETARG_BOOL(1) ? 1.0 : 0.0, 1.0);
}

Datum
oba_sql_proportion_agg_combine(PG_FUNCTION_ARGS)
{
	return oba_sum_combine(fcinfo, &proportion_agg);
}

Datum
oba_sql_proportion_agg_final(PG_FUNCTION_ARGS)
{
	return oba_sum_final(fcinfo, &proportion_agg);
}
