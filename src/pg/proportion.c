/*
 * proportion.c (glue): oba.proportion and the oba.proportion_agg aggregates
 * (successes and total per row, or one boolean flag per row).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

PG_FUNCTION_INFO_V1(obapg_proportion);
PG_FUNCTION_INFO_V1(obapg_proportion_trans);
PG_FUNCTION_INFO_V1(obapg_proportion_inv);
PG_FUNCTION_INFO_V1(obapg_proportion_flag_trans);
PG_FUNCTION_INFO_V1(obapg_proportion_flag_inv);
PG_FUNCTION_INFO_V1(obapg_proportion_combine);
PG_FUNCTION_INFO_V1(obapg_proportion_final);

#define PROPORTION_AGG "oba.proportion_agg"

/* oba.proportion(successes, total, per, confidence): STRICT */
Datum
obapg_proportion(PG_FUNCTION_ARGS)
{
	oba_estimate e;
	oba_error	err;

	if (oba_proportion(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
					   PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3), &e, &err) != 0)
		oba_raise("oba.proportion", &err);
	return oba_estimate_datum(fcinfo, &e);
}

static void
check_row(double successes, double total)
{
	oba_error	err;

	if (oba_check_nonnegative(&err, "successes", successes) != 0 ||
		oba_check_nonnegative(&err, "total", total) != 0)
		oba_raise(PROPORTION_AGG, &err);
	if (successes > total)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: successes %.15g exceeds total %.15g",
						PROPORTION_AGG, successes, total)));
}

/* (state, successes, total [, per [, confidence]]): STRICT */
Datum
obapg_proportion_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_sum_state(fcinfo, 0, PROPORTION_AGG, &a);
	double		successes = PG_GETARG_FLOAT8(1);
	double		total = PG_GETARG_FLOAT8(2);

	check_row(successes, total);
	oba_sum_state_params(fcinfo, 3, s, PROPORTION_AGG);
	oba_sum_state_add(s, successes, total);
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
obapg_proportion_inv(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_sum_state(fcinfo, 0, PROPORTION_AGG, &a);

	if (!oba_sum_state_remove(s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2)))
		PG_RETURN_NULL();
	PG_RETURN_ARRAYTYPE_P(a);
}

/* (state, flag [, per [, confidence]]): STRICT, so NULL flags are not counted */
Datum
obapg_proportion_flag_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_sum_state(fcinfo, 0, PROPORTION_AGG, &a);

	oba_sum_state_params(fcinfo, 2, s, PROPORTION_AGG);
	oba_sum_state_add(s, PG_GETARG_BOOL(1) ? 1.0 : 0.0, 1.0);
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
obapg_proportion_flag_inv(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_sum_state(fcinfo, 0, PROPORTION_AGG, &a);

	if (!oba_sum_state_remove(s, PG_GETARG_BOOL(1) ? 1.0 : 0.0, 1.0))
		PG_RETURN_NULL();
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
obapg_proportion_combine(PG_FUNCTION_ARGS)
{
	return oba_sum_state_combine(fcinfo, PROPORTION_AGG);
}

Datum
obapg_proportion_final(PG_FUNCTION_ARGS)
{
	oba_estimate e;

	if (!oba_sum_state_final(fcinfo, PROPORTION_AGG, oba_proportion, &e))
		PG_RETURN_NULL();
	return oba_estimate_datum(fcinfo, &e);
}
