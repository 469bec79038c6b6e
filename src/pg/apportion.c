/*
 * apportion.c (glue): oba.largest_remainder and the aggregates
 * oba.apportion_agg and oba.apportion_mean_agg, which the oba_geo extension
 * uses to put source values into targets and which work on any weights
 * table (an ONS lookup, weights from oba.areal_weights).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"

#include "catalog/pg_type.h"
#include "utils/lsyscache.h"

#include "apportion.h"

#include <math.h>

PG_FUNCTION_INFO_V1(oba_sql_largest_remainder);
PG_FUNCTION_INFO_V1(oba_sql_apportion_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_apportion_mean_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_apportion_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_apportion_mean_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_apportion_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_apportion_mean_agg_final);

/* oba.largest_remainder(parts float8[]) → float8[]: STRICT */
Datum
oba_sql_largest_remainder(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	int			n;
	double	   *out;
	oba_error	err;
	ArrayType  *r;
	Datum	   *elems;
	int			i;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("oba.largest_remainder: parts must be a one-dimensional array, got %d dimensions",
						ARR_NDIM(a))));
	if (ARR_HASNULL(a))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("oba.largest_remainder: parts must not contain NULL")));
	n = ARR_NDIM(a) == 0 ? 0 : ARR_DIMS(a)[0];
	out = palloc((n > 0 ? n : 1) * sizeof(double));
	if (oba_largest_remainder(n > 0 ? (const double *) ARR_DATA_PTR(a) : NULL,
							  (size_t) n, out, &oba_pg_allocator, &err) != 0)
		oba_raise("oba.largest_remainder", &err);

	elems = palloc((n > 0 ? n : 1) * sizeof(Datum));
	for (i = 0; i < n; i++)
		elems[i] = Float8GetDatum(out[i]);
	r = construct_array(elems, n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	PG_RETURN_ARRAYTYPE_P(r);
}

/*
 * The two aggregates share their state and arithmetic; each has its own
 * support functions so that a message names the aggregate that was called.
 */
#define APP_SUM_NAME "oba.apportion_agg"
#define APP_MEAN_NAME "oba.apportion_mean_agg"

/*
 * (state, value, weight): not STRICT, so that a NULL value is counted (it
 * makes the target's value unknown) rather than skipped. A NULL weight is an
 * error: a row of a weights table without a weight is a broken table.
 */
static Datum
app_trans(FunctionCallInfo fcinfo, const char *fname)
{
	ArrayType  *a;
	double	   *s;
	oba_error	err;

	s = oba_state_fixed(fcinfo, 0, fname, OBA_APP_STATE_LEN, OBA_STATE_UPDATE, &a);
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: weight must not be NULL", fname)));
	if (oba_apportion_add(s, PG_ARGISNULL(1) ? 0.0 : PG_GETARG_FLOAT8(1), PG_ARGISNULL(1),
						  PG_GETARG_FLOAT8(2), &err) != 0)
		oba_raise(fname, &err);
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
oba_sql_apportion_agg_trans(PG_FUNCTION_ARGS)
{
	return app_trans(fcinfo, APP_SUM_NAME);
}

Datum
oba_sql_apportion_mean_agg_trans(PG_FUNCTION_ARGS)
{
	return app_trans(fcinfo, APP_MEAN_NAME);
}

static Datum
app_combine(FunctionCallInfo fcinfo, const char *fname)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, fname, OBA_APP_STATE_LEN, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, fname, OBA_APP_STATE_LEN, OBA_STATE_READ, NULL);
	oba_error	err;

	if (oba_apportion_check(s1, &err) != 0 || oba_apportion_check(s2, &err) != 0)
		oba_state_invalid(fname, "%s", err.message);
	oba_apportion_combine(s1, s2);
	PG_RETURN_ARRAYTYPE_P(a1);
}

Datum
oba_sql_apportion_agg_combine(PG_FUNCTION_ARGS)
{
	return app_combine(fcinfo, APP_SUM_NAME);
}

Datum
oba_sql_apportion_mean_agg_combine(PG_FUNCTION_ARGS)
{
	return app_combine(fcinfo, APP_MEAN_NAME);
}

static Datum
app_result(FunctionCallInfo fcinfo, const char *fname, double (*f) (const double *))
{
	double	   *s = oba_state_fixed(fcinfo, 0, fname, OBA_APP_STATE_LEN, OBA_STATE_READ, NULL);
	oba_error	err;
	double		v;

	if (oba_apportion_check(s, &err) != 0)
		oba_state_invalid(fname, "%s", err.message);
	v = f(s);
	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

Datum
oba_sql_apportion_agg_final(PG_FUNCTION_ARGS)
{
	return app_result(fcinfo, APP_SUM_NAME, oba_apportion_total);
}

Datum
oba_sql_apportion_mean_agg_final(PG_FUNCTION_ARGS)
{
	return app_result(fcinfo, APP_MEAN_NAME, oba_apportion_mean);
}
