/*
 * oba_pg.c: module entry, error translation, the allocator for the core,
 * composite results (the oba.estimate composite) and the float8[] state
 * shared by the sum-then-estimate aggregates.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

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

static void *
pg_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
pg_release(void *ctx, void *p)
{
	(void) ctx;
	if (p != NULL)
		pfree(p);
}

const oba_allocator oba_pg_allocator = {pg_alloc, pg_release, NULL};

TupleDesc
oba_result_tupdesc(FunctionCallInfo fcinfo, int natts)
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
	if (tupdesc->natts != natts)
		elog(ERROR, "result type has %d attributes, expected %d", tupdesc->natts, natts);
	return tupdesc;
}

Datum
oba_float8_record(FunctionCallInfo fcinfo, const double *v, int n, bool with_label,
				  const char *label)
{
	TupleDesc	tupdesc = oba_result_tupdesc(fcinfo, n + (with_label ? 1 : 0));
	Datum		values[16];
	bool		nulls[16];
	int			i;

	Assert(n + 1 <= 16);
	for (i = 0; i < n; i++)
	{
		nulls[i] = isnan(v[i]);
		values[i] = Float8GetDatum(nulls[i] ? 0.0 : v[i]);
	}
	if (with_label)
	{
		nulls[n] = (label == NULL);
		values[n] = label == NULL ? (Datum) 0 : CStringGetTextDatum(label);
	}
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

Datum
oba_estimate_datum(FunctionCallInfo fcinfo, const oba_estimate *e)
{
	double		v[5];

	v[0] = e->value;
	v[1] = e->lower;
	v[2] = e->upper;
	v[3] = e->numerator;
	v[4] = e->denominator;
	return oba_float8_record(fcinfo, v, 5, false, NULL);
}

/* The state's values; copied first when it is updated outside an aggregate. */
static pg_attribute_always_inline double *
sum_state(FunctionCallInfo fcinfo, int argno, const char *fname, bool update,
		  ArrayType **array)
{
	return oba_state_fixed(fcinfo, argno, fname, OBA_SUM_STATE_LEN, update, array);
}

/* Full check of a state that may have come from outside (text, a user). */
static void
check_sum_state(const double *s, const char *fname)
{
	oba_state_check_finite(s, OBA_SUM_STATE_LEN, fname);
	if (s[OBA_SUM_NUMERATOR] < 0 || s[OBA_SUM_DENOMINATOR] < 0 ||
		!oba_state_whole(s[OBA_SUM_ROWS], 0, HUGE_VAL) ||
		(s[OBA_SUM_INEXACT] != 0 && s[OBA_SUM_INEXACT] != 1) ||
		s[OBA_SUM_PER] <= 0 ||
		!(s[OBA_SUM_CONFIDENCE] > 0 && s[OBA_SUM_CONFIDENCE] < 1))
		oba_state_invalid(fname, "The state holds a value out of range.");
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
	double	   *s = sum_state(fcinfo, 0, agg->fname, OBA_STATE_UPDATE, &a);

	/* one comparison chain per row; NaN fails every comparison */
	if (!(x >= 0 && x <= DBL_MAX && n >= 0 && n <= DBL_MAX) ||
		(agg->bounded && x > n))
		sum_bad_row(agg, x, n);
	if (PG_NARGS() > first_param)
		oba_state_params(fcinfo, s, OBA_SUM_ROWS, OBA_SUM_PER, first_param, agg->fname, "per");

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
	double	   *s = sum_state(fcinfo, 0, agg->fname, OBA_STATE_UPDATE, &a);

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
	double	   *s1 = sum_state(fcinfo, 0, agg->fname, OBA_STATE_UPDATE, &a1);
	double	   *s2 = sum_state(fcinfo, 1, agg->fname, OBA_STATE_READ, NULL);
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
	oba_state_combine_params(s1, s2, OBA_SUM_PER, agg->fname, "per");
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
	double	   *s = sum_state(fcinfo, 0, agg->fname, OBA_STATE_READ, NULL);
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
