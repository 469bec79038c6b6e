/*
 * rate.c (glue): oba.rate and the oba.rate_agg aggregate.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

PG_FUNCTION_INFO_V1(oba_sql_rate);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_trans_int4);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_trans_int8);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_inv);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_inv_int4);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_inv_int8);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_rate_agg_final);

static const oba_sum_agg rate_agg = {
	"oba.rate_agg", "events", "population", false, oba_rate
};

/* oba.rate(events, population, per, confidence): STRICT */
Datum
oba_sql_rate(PG_FUNCTION_ARGS)
{
	oba_estimate e;
	oba_error	err;

	if (oba_rate(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
				 PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3), &e, &err) != 0)
		oba_raise("oba.rate", &err);
	return oba_estimate_datum(fcinfo, &e);
}

/*
 * (state, events, population [, per [, confidence]]): STRICT, so rows with a
 * NULL are skipped. The int4 and int8 forms spare integer columns a cast.
 */
Datum
oba_sql_rate_agg_trans(PG_FUNCTION_ARGS)
{
	return oba_sum_trans(fcinfo, &rate_agg, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), 3);
}

Datum
oba_sql_rate_agg_trans_int4(PG_FUNCTION_ARGS)
{
	return oba_sum_trans(fcinfo, &rate_agg, PG_GETARG_INT32(1), PG_GETARG_INT32(2), 3);
}

Datum
oba_sql_rate_agg_trans_int8(PG_FUNCTION_ARGS)
{
	return oba_sum_trans(fcinfo, &rate_agg, (double) PG_GETARG_INT64(1),
						 (double) PG_GETARG_INT64(2), 3);
}

/* Moving-aggregate inverse: NULL asks PostgreSQL to recompute the frame. */
Datum
oba_sql_rate_agg_inv(PG_FUNCTION_ARGS)
{
	return oba_sum_inv(fcinfo, &rate_agg, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2));
}

Datum
oba_sql_rate_agg_inv_int4(PG_FUNCTION_ARGS)
{
	return oba_sum_inv(fcinfo, &rate_agg, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
}

Datum
oba_sql_rate_agg_inv_int8(PG_FUNCTION_ARGS)
{
	return oba_sum_inv(fcinfo, &rate_agg, (double) PG_GETARG_INT64(1),
					   (double) PG_GETARG_INT64(2));
}

Datum
oba_sql_rate_agg_combine(PG_FUNCTION_ARGS)
{
	return oba_sum_combine(fcinfo, &rate_agg);
}

Datum
oba_sql_rate_agg_final(PG_FUNCTION_ARGS)
{
	return oba_sum_final(fcinfo, &rate_agg);
}
