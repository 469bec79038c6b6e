/*
 * rate.c (glue): oba.rate and the oba.rate_agg aggregate.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

PG_FUNCTION_INFO_V1(obapg_rate);
PG_FUNCTION_INFO_V1(obapg_rate_trans);
PG_FUNCTION_INFO_V1(obapg_rate_inv);
PG_FUNCTION_INFO_V1(obapg_rate_combine);
PG_FUNCTION_INFO_V1(obapg_rate_final);

#define RATE_AGG "oba.rate_agg"

/* oba.rate(events, population, per, confidence): STRICT */
Datum
obapg_rate(PG_FUNCTION_ARGS)
{
	oba_estimate e;
	oba_error	err;

	if (oba_rate(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
				 PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3), &e, &err) != 0)
		oba_raise("oba.rate", &err);
	return oba_estimate_datum(fcinfo, &e);
}

static void
check_row(double events, double population)
{
	oba_error	err;

	if (oba_check_nonnegative(&err, "events", events) != 0 ||
		oba_check_nonnegative(&err, "population", population) != 0)
		oba_raise(RATE_AGG, &err);
}

/* (state, events, population [, per [, confidence]]): STRICT, so NULL rows are skipped */
Datum
obapg_rate_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_sum_state(fcinfo, 0, RATE_AGG, &a);
	double		events = PG_GETARG_FLOAT8(1);
	double		population = PG_GETARG_FLOAT8(2);

	check_row(events, population);
	oba_sum_state_params(fcinfo, 3, s, RATE_AGG);
	oba_sum_state_add(s, events, population);
	PG_RETURN_ARRAYTYPE_P(a);
}

/* Moving-aggregate inverse: NULL asks PostgreSQL to recompute the frame. */
Datum
obapg_rate_inv(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_sum_state(fcinfo, 0, RATE_AGG, &a);

	if (!oba_sum_state_remove(s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2)))
		PG_RETURN_NULL();
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
obapg_rate_combine(PG_FUNCTION_ARGS)
{
	return oba_sum_state_combine(fcinfo, RATE_AGG);
}

Datum
obapg_rate_final(PG_FUNCTION_ARGS)
{
	oba_estimate e;

	if (!oba_sum_state_final(fcinfo, RATE_AGG, oba_rate, &e))
		PG_RETURN_NULL();
	return oba_estimate_datum(fcinfo, &e);
}
