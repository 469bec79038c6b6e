/*
 * oba_pg.c: module entry, error translation, the oba.estimate composite and
 * the float8[] state shared by the sum-then-estimate aggregates.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"

#include <float.h>
#include <math.h>

PG_MODULE_MAGIC;

/* The core's long loops call this (oba_core.h): a cancel or timeout raises here. */
static void
oba_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* fmgr.h declares it from PostgreSQL 16 on; the same declaration, for 15 */
PGDLLEXPORT void _PG_init(void);

/*
 * Module load: the interrupt hook, and R's maths library, opened and checked
 * now so that a missing or wrong library is a clear error on the first call
 * of any oba function rather than a wrong number or a crash later.
 */
void
_PG_init(void)
{
	oba_error	err;

	oba_interrupt_hook = oba_check_interrupts;
	if (oba_dist_load(NULL, &err) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("oba: %s", err.message),
				 errhint("oba needs R's standalone maths library (Debian package r-mathlib); "
						 "install it, or rebuild oba with RMATH_LIBRARY naming the library.")));
}

/* 2^53: below it float8 holds every integer, so sums of counts are exact. */
#define OBA_EXACT_LIMIT 9007199254740992.0

void
oba_raise(const char *fname, const oba_error *err)
{
	int			sqlstate;

	switch (err->code)
	{
		case OBA_ERANGE:
			sqlstate = ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
			break;
		case OBA_ENULL:
			sqlstate = ERRCODE_NULL_VALUE_NOT_ALLOWED;
			break;
		case OBA_ENOMEM:
			sqlstate = ERRCODE_OUT_OF_MEMORY;
			break;
		default:
			sqlstate = ERRCODE_INVALID_PARAMETER_VALUE;
			break;
	}
	ereport(ERROR, (errcode(sqlstate), errmsg("%s: %s", fname, err->message)));
	pg_unreachable();
}

/*
 * The blessed tuple descriptor of the function's composite result, cached in
 * fn_extra: a scalar call over millions of rows should not look it up each time.
 */
static TupleDesc
result_tupdesc(FunctionCallInfo fcinfo)
{
	TupleDesc	tupdesc = (TupleDesc) fcinfo->flinfo->fn_extra;

	if (tupdesc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning a record called in a context that cannot accept one")));
		tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = tupdesc;
	}
	return tupdesc;
}

Datum
oba_estimate_datum(FunctionCallInfo fcinfo, const oba_estimate *e)
{
	TupleDesc	tupdesc = result_tupdesc(fcinfo);
	double		v[5];
	Datum		values[5];
	bool		nulls[5];
	int			i;

	if (tupdesc->natts != 5)
		elog(ERROR, "oba.estimate has %d attributes, expected 5", tupdesc->natts);
	v[0] = e->value;
	v[1] = e->lower;
	v[2] = e->upper;
	v[3] = e->numerator;
	v[4] = e->denominator;
	for (i = 0; i < 5; i++)
	{
		nulls[i] = isnan(v[i]);
		values[i] = Float8GetDatum(nulls[i] ? 0.0 : v[i]);
	}
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

static void
bad_state(const char *fname, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: invalid aggregate state", fname),
			 errdetail("%s", why)));
}

/* The state's values; copied first when it may not be modified in place. */
static pg_attribute_always_inline double *
sum_state(FunctionCallInfo fcinfo, int argno, const char *fname, bool modify,
		  ArrayType **array)
{
	ArrayType  *a = oba_arg_array(fcinfo, argno);

	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != OBA_SUM_STATE_LEN ||
		ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		bad_state(fname, "The state must be a float8 array of 6 elements without NULLs.");
	/* In place only inside an aggregate, where the state is ours. */
	if (modify && !oba_in_aggregate(fcinfo))
		a = PG_GETARG_ARRAYTYPE_P_COPY(argno);
	if (array != NULL)
		*array = a;
	return (double *) ARR_DATA_PTR(a);
}

/* Full check of a state that may have come from outside (text, a user). */
static void
check_sum_state(const double *s, const char *fname)
{
	int			i;

	for (i = 0; i < OBA_SUM_STATE_LEN; i++)
		if (!isfinite(s[i]))
			bad_state(fname, "The state holds a non-finite value.");
	if (s[OBA_SUM_NUMERATOR] < 0 || s[OBA_SUM_DENOMINATOR] < 0 ||
		s[OBA_SUM_ROWS] < 0 || s[OBA_SUM_ROWS] != floor(s[OBA_SUM_ROWS]) ||
		(s[OBA_SUM_INEXACT] != 0 && s[OBA_SUM_INEXACT] != 1) ||
		s[OBA_SUM_PER] <= 0 ||
		!(s[OBA_SUM_CONFIDENCE] > 0 && s[OBA_SUM_CONFIDENCE] < 1))
		bad_state(fname, "The state holds a value out of range.");
}

static void
sum_params(FunctionCallInfo fcinfo, int first, double *s, const char *fname)
{
	double		per = PG_GETARG_FLOAT8(first);
	double		confidence = PG_NARGS() > first + 1 ?
		PG_GETARG_FLOAT8(first + 1) : s[OBA_SUM_CONFIDENCE];
	oba_error	err;

	if (s[OBA_SUM_ROWS] != 0 &&
		per == s[OBA_SUM_PER] && confidence == s[OBA_SUM_CONFIDENCE])
		return;
	if (oba_check_positive(&err, "per", per) != 0 ||
		oba_check_confidence(&err, confidence) != 0)
		oba_raise(fname, &err);
	if (s[OBA_SUM_ROWS] != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: per and confidence must be the same for every row of a group",
						fname),
				 errdetail("The group started with per %.15g and confidence %.15g, a row has per %.15g and confidence %.15g.",
						   s[OBA_SUM_PER], s[OBA_SUM_CONFIDENCE], per, confidence)));
	s[OBA_SUM_PER] = per;
	s[OBA_SUM_CONFIDENCE] = confidence;
}

static void
sum_bad_row(const oba_sum_agg *agg, double x, double n)
{
	oba_error	err;

	if (oba_check_nonnegative(&err, agg->numerator, x) != 0 ||
		oba_check_nonnegative(&err, agg->denominator, n) != 0)
		oba_raise(agg->fname, &err);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s %.15g exceeds %s %.15g",
					agg->fname, agg->numerator, x, agg->denominator, n)));
}

Datum
oba_sum_trans(FunctionCallInfo fcinfo, const oba_sum_agg *agg, double x, double n,
			  int first_param)
{
	ArrayType  *a;
	double	   *s = sum_state(fcinfo, 0, agg->fname, true, &a);

	/* one comparison chain per row; NaN fails every comparison */
	if (!(x >= 0 && x <= DBL_MAX && n >= 0 && n <= DBL_MAX) ||
		(agg->bounded && x > n))
		sum_bad_row(agg, x, n);
	if (PG_NARGS() > first_param)
		sum_params(fcinfo, first_param, s, agg->fname);

	s[OBA_SUM_NUMERATOR] += x;
	s[OBA_SUM_DENOMINATOR] += n;
	s[OBA_SUM_ROWS] += 1;

	/*
	 * Removal (a moving window frame) is exact only while every value is a
	 * whole number and every sum stays below 2^53; remember when that fails.
	 * Values are >= 0, so the sums bound them and the int64 casts are defined.
	 */
	if (s[OBA_SUM_INEXACT] == 0 &&
		!(s[OBA_SUM_NUMERATOR] < OBA_EXACT_LIMIT &&
		  s[OBA_SUM_DENOMINATOR] < OBA_EXACT_LIMIT &&
		  x == (double) (int64) x && n == (double) (int64) n))
		s[OBA_SUM_INEXACT] = 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
oba_sum_inv(FunctionCallInfo fcinfo, const oba_sum_agg *agg, double x, double n)
{
	ArrayType  *a;
	double	   *s = sum_state(fcinfo, 0, agg->fname, true, &a);

	/* every value added since the last restart was an exact count */
	if (s[OBA_SUM_INEXACT] != 0)
		PG_RETURN_NULL();
	s[OBA_SUM_NUMERATOR] -= x;
	s[OBA_SUM_DENOMINATOR] -= n;
	s[OBA_SUM_ROWS] -= 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
oba_sum_combine(FunctionCallInfo fcinfo, const oba_sum_agg *agg)
{
	ArrayType  *a1;
	double	   *s1 = sum_state(fcinfo, 0, agg->fname, true, &a1);
	double	   *s2 = sum_state(fcinfo, 1, agg->fname, false, NULL);
	int			i;

	check_sum_state(s1, agg->fname);
	check_sum_state(s2, agg->fname);
	if (s2[OBA_SUM_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(a1);
	if (s1[OBA_SUM_ROWS] == 0)
	{
		for (i = 0; i < OBA_SUM_STATE_LEN; i++)
			s1[i] = s2[i];
		PG_RETURN_ARRAYTYPE_P(a1);
	}
	if (s1[OBA_SUM_PER] != s2[OBA_SUM_PER] ||
		s1[OBA_SUM_CONFIDENCE] != s2[OBA_SUM_CONFIDENCE])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: per and confidence must be the same for every row of a group",
						agg->fname)));
	s1[OBA_SUM_NUMERATOR] += s2[OBA_SUM_NUMERATOR];
	s1[OBA_SUM_DENOMINATOR] += s2[OBA_SUM_DENOMINATOR];
	s1[OBA_SUM_ROWS] += s2[OBA_SUM_ROWS];
	if (s2[OBA_SUM_INEXACT] != 0 ||
		s1[OBA_SUM_NUMERATOR] >= OBA_EXACT_LIMIT ||
		s1[OBA_SUM_DENOMINATOR] >= OBA_EXACT_LIMIT)
		s1[OBA_SUM_INEXACT] = 1;
	PG_RETURN_ARRAYTYPE_P(a1);
}

Datum
oba_sum_final(FunctionCallInfo fcinfo, const oba_sum_agg *agg)
{
	double	   *s = sum_state(fcinfo, 0, agg->fname, false, NULL);
	oba_estimate e;
	oba_error	err;

	check_sum_state(s, agg->fname);
	if (s[OBA_SUM_ROWS] == 0 || s[OBA_SUM_DENOMINATOR] == 0)
		PG_RETURN_NULL();
	if (agg->estimate(s[OBA_SUM_NUMERATOR], s[OBA_SUM_DENOMINATOR],
					  s[OBA_SUM_PER], s[OBA_SUM_CONFIDENCE], &e, &err) != 0)
		oba_raise(agg->fname, &err);
	return oba_estimate_datum(fcinfo, &e);
}
