/*
 * dsr.c (glue): the oba.dsr_agg and oba.dsr_nonindependent_agg aggregates.
 * State: float8[8] = {count, pop, weighted, var, weight, rows, per, confidence}.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"

#include "dsr.h"

#include <float.h>

PG_FUNCTION_INFO_V1(oba_sql_dsr_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_dsr_agg_trans_int4);
PG_FUNCTION_INFO_V1(oba_sql_dsr_agg_trans_int8);
PG_FUNCTION_INFO_V1(oba_sql_dsr_nonindependent_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_dsr_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_dsr_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_dsr_nonindependent_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_dsr_nonindependent_agg_final);

enum
{
	DSR_COUNT = 0, DSR_POP, DSR_WEIGHTED, DSR_VAR, DSR_WEIGHT, DSR_ROWS,
	DSR_PER, DSR_CONFIDENCE, DSR_LEN
};

#define DSR_NAME "oba.dsr_agg"
#define DSR_NONIND_NAME "oba.dsr_nonindependent_agg"

/*
 * The full check of a band row that failed dsr_add's quick test (it may still
 * be valid, a NULL events with events_squared for one); raises its error.
 * Out of line, so the per-row function keeps a small frame.
 */
static pg_noinline void
dsr_check_band(const char *fname, double x, double q, double n, double w)
{
	oba_error	err;

	if (oba_dsr_check_band(x, q, n, w, &err) != 0)
		oba_raise(fname, &err);
}

/* One band row into the state; x or q NaN = NULL. */
static Datum
dsr_add(FunctionCallInfo fcinfo, const char *fname, double x, double q,
		double n, double w, int first_param)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, fname, DSR_LEN, OBA_STATE_UPDATE, &a);
	oba_dsr_sums sums;

	/* the common case in one comparison chain; NaN fails every comparison */
	if (!((isnan(x) || (x >= 0 && x <= DBL_MAX)) && n > 0 && n <= DBL_MAX &&
		  w >= 0 && w <= DBL_MAX && (isnan(q) || (q <= DBL_MAX && q >= x))))
		dsr_check_band(fname, x, q, n, w);
	if (PG_NARGS() > first_param)
		oba_state_params(fcinfo, s, DSR_ROWS, DSR_PER, first_param, fname, "per");

	sums.count = s[DSR_COUNT];
	sums.pop = s[DSR_POP];
	sums.weighted = s[DSR_WEIGHTED];
	sums.var = s[DSR_VAR];
	sums.weight = s[DSR_WEIGHT];
	oba_dsr_add(&sums, x, q, n, w);
	s[DSR_COUNT] = sums.count;
	s[DSR_POP] = sums.pop;
	s[DSR_WEIGHTED] = sums.weighted;
	s[DSR_VAR] = sums.var;
	s[DSR_WEIGHT] = sums.weight;
	s[DSR_ROWS] += 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

/*
 * (state, events, population, standard_population [, per [, confidence]]):
 * not STRICT. A NULL events counts as 0 (METHODS.md 4); a NULL population or
 * standard population is an error.
 */
Datum
oba_sql_dsr_agg_trans(PG_FUNCTION_ARGS)
{
	double		x = PG_ARGISNULL(1) ? NAN : PG_GETARG_FLOAT8(1);
	double		n = oba_arg_float8(fcinfo, 2, DSR_NAME, "population");
	double		w = oba_arg_float8(fcinfo, 3, DSR_NAME, "standard_population");

	return dsr_add(fcinfo, DSR_NAME, x, NAN, n, w, 4);
}

static double
arg_int4(FunctionCallInfo fcinfo, int argno, const char *arg)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: %s must not be NULL", DSR_NAME, arg)));
	return (double) PG_GETARG_INT32(argno);
}

static double
arg_int8(FunctionCallInfo fcinfo, int argno, const char *arg)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: %s must not be NULL", DSR_NAME, arg)));
	return (double) PG_GETARG_INT64(argno);
}

/* Integer columns without a cast per row and column. */
Datum
oba_sql_dsr_agg_trans_int4(PG_FUNCTION_ARGS)
{
	double		x = PG_ARGISNULL(1) ? NAN : (double) PG_GETARG_INT32(1);

	return dsr_add(fcinfo, DSR_NAME, x, NAN, arg_int4(fcinfo, 2, "population"),
				   arg_int4(fcinfo, 3, "standard_population"), 4);
}

Datum
oba_sql_dsr_agg_trans_int8(PG_FUNCTION_ARGS)
{
	double		x = PG_ARGISNULL(1) ? NAN : (double) PG_GETARG_INT64(1);

	return dsr_add(fcinfo, DSR_NAME, x, NAN, arg_int8(fcinfo, 2, "population"),
				   arg_int8(fcinfo, 3, "standard_population"), 4);
}

/*
 * (state, events, events_squared, population, standard_population
 *  [, per [, confidence]]): one row per band, with events = sum_f f x_f and
 * events_squared = sum_f f^2 x_f over the people of the band.
 */
Datum
oba_sql_dsr_nonindependent_agg_trans(PG_FUNCTION_ARGS)
{
	double		x = PG_ARGISNULL(1) ? NAN : PG_GETARG_FLOAT8(1);
	double		q = PG_ARGISNULL(2) ? NAN : PG_GETARG_FLOAT8(2);
	double		n = oba_arg_float8(fcinfo, 3, DSR_NONIND_NAME, "population");
	double		w = oba_arg_float8(fcinfo, 4, DSR_NONIND_NAME, "standard_population");

	/* both NULL: a band without events; one NULL: the other is not known */
	if (isnan(x) != isnan(q))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: events and events_squared must be both NULL or both not NULL, got %s",
						DSR_NONIND_NAME, isnan(x) ? "events NULL" : "events_squared NULL")));
	return dsr_add(fcinfo, DSR_NONIND_NAME, x, q, n, w, 5);
}

static void
check_state(const double *s, const char *fname)
{
	oba_state_check_finite(s, DSR_LEN, fname);
	if (s[DSR_COUNT] < 0 || s[DSR_POP] < 0 || s[DSR_WEIGHTED] < 0 ||
		s[DSR_VAR] < 0 || s[DSR_WEIGHT] < 0 ||
		s[DSR_ROWS] < 0 || s[DSR_ROWS] != floor(s[DSR_ROWS]) ||
		s[DSR_PER] <= 0 || !(s[DSR_CONFIDENCE] > 0 && s[DSR_CONFIDENCE] < 1))
		oba_state_invalid(fname, "The state holds a value out of range.");
}

static Datum
dsr_combine(FunctionCallInfo fcinfo, const char *fname)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, fname, DSR_LEN, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, fname, DSR_LEN, OBA_STATE_READ, NULL);
	int			i;

	check_state(s1, fname);
	check_state(s2, fname);
	if (s2[DSR_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(a1);
	if (s1[DSR_ROWS] == 0)
	{
		for (i = 0; i < DSR_LEN; i++)
			s1[i] = s2[i];
		PG_RETURN_ARRAYTYPE_P(a1);
	}
	oba_state_combine_params(s1, s2, DSR_PER, fname, "per");
	for (i = DSR_COUNT; i <= DSR_ROWS; i++)
		s1[i] += s2[i];
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* The estimate; NULL for no rows. */
static Datum
dsr_final(FunctionCallInfo fcinfo, const char *fname)
{
	double	   *s = oba_state_fixed(fcinfo, 0, fname, DSR_LEN, OBA_STATE_READ, NULL);
	oba_dsr_sums sums;
	oba_estimate e;
	oba_error	err;

	check_state(s, fname);
	if (s[DSR_ROWS] == 0)
		PG_RETURN_NULL();
	sums.count = s[DSR_COUNT];
	sums.pop = s[DSR_POP];
	sums.weighted = s[DSR_WEIGHTED];
	sums.var = s[DSR_VAR];
	sums.weight = s[DSR_WEIGHT];
	if (oba_dsr(&sums, s[DSR_PER], s[DSR_CONFIDENCE], &e, &err) != 0)
		oba_raise(fname, &err);
	return oba_estimate_datum(fcinfo, &e);
}

Datum
oba_sql_dsr_agg_combine(PG_FUNCTION_ARGS)
{
	return dsr_combine(fcinfo, DSR_NAME);
}

Datum
oba_sql_dsr_agg_final(PG_FUNCTION_ARGS)
{
	return dsr_final(fcinfo, DSR_NAME);
}

Datum
oba_sql_dsr_nonindependent_agg_combine(PG_FUNCTION_ARGS)
{
	return dsr_combine(fcinfo, DSR_NONIND_NAME);
}

Datum
oba_sql_dsr_nonindependent_agg_final(PG_FUNCTION_ARGS)
{
	return dsr_final(fcinfo, DSR_NONIND_NAME);
}
