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

#include <math.h>

PG_MODULE_MAGIC;

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

double *
oba_sum_state(FunctionCallInfo fcinfo, int argno, const char *fname, ArrayType **array)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);

	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != OBA_SUM_STATE_LEN ||
		ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		bad_state(fname, "The state must be a float8 array of 6 elements without NULLs.");
	/* Update in place only inside an aggregate, where the state is ours. */
	if (array != NULL && !AggCheckCallContext(fcinfo, NULL))
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

void
oba_sum_state_params(FunctionCallInfo fcinfo, int first, double *s, const char *fname)
{
	int			nargs = PG_NARGS();
	double		per,
				confidence;
	oba_error	err;

	if (nargs <= first)
		return;
	per = PG_GETARG_FLOAT8(first);
	confidence = nargs > first + 1 ? PG_GETARG_FLOAT8(first + 1) : s[OBA_SUM_CONFIDENCE];
	if (s[OBA_SUM_ROWS] == 0 ||
		per != s[OBA_SUM_PER] || confidence != s[OBA_SUM_CONFIDENCE])
	{
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
}

void
oba_sum_state_add(double *s, double numerator, double denominator)
{
	s[OBA_SUM_NUMERATOR] += numerator;
	s[OBA_SUM_DENOMINATOR] += denominator;
	s[OBA_SUM_ROWS] += 1;
	/*
	 * Removal (a moving window frame) is exact only while every value is a
	 * whole number and every sum stays below 2^53; remember when that fails.
	 */
	/* values are >= 0, so the sums bound them and the int64 casts are defined */
	if (s[OBA_SUM_INEXACT] == 0 &&
		!(s[OBA_SUM_NUMERATOR] < OBA_EXACT_LIMIT &&
		  s[OBA_SUM_DENOMINATOR] < OBA_EXACT_LIMIT &&
		  numerator == (double) (int64) numerator &&
		  denominator == (double) (int64) denominator))
		s[OBA_SUM_INEXACT] = 1;
}

bool
oba_sum_state_remove(double *s, double numerator, double denominator)
{
	if (s[OBA_SUM_INEXACT] != 0)
		return false;
	s[OBA_SUM_NUMERATOR] -= numerator;
	s[OBA_SUM_DENOMINATOR] -= denominator;
	s[OBA_SUM_ROWS] -= 1;
	return true;
}

Datum
oba_sum_state_combine(FunctionCallInfo fcinfo, const char *fname)
{
	ArrayType  *a1;
	double	   *s1 = oba_sum_state(fcinfo, 0, fname, &a1);
	double	   *s2 = oba_sum_state(fcinfo, 1, fname, NULL);
	int			i;

	check_sum_state(s1, fname);
	check_sum_state(s2, fname);
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
						fname)));
	s1[OBA_SUM_NUMERATOR] += s2[OBA_SUM_NUMERATOR];
	s1[OBA_SUM_DENOMINATOR] += s2[OBA_SUM_DENOMINATOR];
	s1[OBA_SUM_ROWS] += s2[OBA_SUM_ROWS];
	if (s2[OBA_SUM_INEXACT] != 0 ||
		s1[OBA_SUM_NUMERATOR] >= OBA_EXACT_LIMIT ||
		s1[OBA_SUM_DENOMINATOR] >= OBA_EXACT_LIMIT)
		s1[OBA_SUM_INEXACT] = 1;
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* The final step shared by rate_agg and proportion_agg; NULL when undefined. */
bool
oba_sum_state_final(FunctionCallInfo fcinfo, const char *fname,
					int (*estimate) (double, double, double, double, oba_estimate *, oba_error *),
					oba_estimate *out)
{
	double	   *s = oba_sum_state(fcinfo, 0, fname, NULL);
	oba_error	err;

	check_sum_state(s, fname);
	if (s[OBA_SUM_ROWS] == 0 || s[OBA_SUM_DENOMINATOR] == 0)
		return false;
	if (estimate(s[OBA_SUM_NUMERATOR], s[OBA_SUM_DENOMINATOR],
				 s[OBA_SUM_PER], s[OBA_SUM_CONFIDENCE], out, &err) != 0)
		oba_raise(fname, &err);
	return true;
}
