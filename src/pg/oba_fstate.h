/*
 * oba_fstate.h: glue shared by the comparison families (dsr, isr, funnel,
 * compare, need): fixed-length float8[] aggregate states updated in place,
 * per-group parameters kept in the state, and records of float8 columns.
 * Static inline, so each family's glue file stays self-contained.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_FSTATE_H
#define OBA_FSTATE_H

#include "oba_pg.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include <math.h>

static inline void
oba_fstate_bad(const char *fname, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: invalid aggregate state", fname),
			 errdetail("%s", why)));
}

/*
 * The values of a float8[len] state argument; copied first when it is to be
 * modified outside an aggregate (a direct call must not change its input).
 */
static inline double *
oba_fstate(FunctionCallInfo fcinfo, int argno, int len, const char *fname,
		   bool modify, ArrayType **array)
{
	ArrayType  *a;

	/* the support functions are not STRICT: a direct call may pass NULL */
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: the aggregate state must not be NULL", fname)));
	a = oba_arg_array(fcinfo, argno);
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != len ||
		ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: invalid aggregate state", fname),
				 errdetail("The state must be a float8 array of %d elements without NULLs.", len)));
	if (modify && !oba_in_aggregate(fcinfo))
		a = PG_GETARG_ARRAYTYPE_P_COPY(argno);
	if (array != NULL)
		*array = a;
	return (double *) ARR_DATA_PTR(a);
}

/* Every element finite: the first check of a state that came from outside. */
static inline void
oba_fstate_check_finite(const double *s, int len, const char *fname)
{
	int			i;

	for (i = 0; i < len; i++)
		if (!isfinite(s[i]))
			oba_fstate_bad(fname, "The state holds a non-finite value.");
}

/* A float8 argument that must not be NULL (22004 otherwise). */
static inline double
oba_arg_float8(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: %s must not be NULL", fname, arg)));
	return PG_GETARG_FLOAT8(argno);
}

/*
 * Keep a per-group parameter pair (per, confidence) in the state: set on the
 * first row, and every later row must repeat it. Arguments from first_arg
 * on, if the call has them; the state's defaults otherwise.
 */
static inline void
oba_fstate_params(FunctionCallInfo fcinfo, double *s, int rows, int per_idx,
				  int first_arg, const char *fname, const char *per_name)
{
	double		per = s[per_idx],
				confidence = s[per_idx + 1];
	oba_error	err;

	if (PG_NARGS() <= first_arg)
		return;
	per = oba_arg_float8(fcinfo, first_arg, fname, per_name);
	if (PG_NARGS() > first_arg + 1)
		confidence = oba_arg_float8(fcinfo, first_arg + 1, fname, "confidence");
	if (s[rows] != 0 && per == s[per_idx] && confidence == s[per_idx + 1])
		return;
	if (oba_check_positive(&err, per_name, per) != 0 ||
		oba_check_confidence(&err, confidence) != 0)
		oba_raise(fname, &err);
	if (s[rows] != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s and confidence must be the same for every row of a group",
						fname, per_name),
				 errdetail("The group started with %s %.15g and confidence %.15g, a row has %s %.15g and confidence %.15g.",
						   per_name, s[per_idx], s[per_idx + 1], per_name, per, confidence)));
	s[per_idx] = per;
	s[per_idx + 1] = confidence;
}

/* Combine two states' parameters: empty sides adopt the other's. */
static inline void
oba_fstate_combine_params(double *s1, const double *s2, int per_idx,
						  const char *fname, const char *per_name)
{
	if (s1[per_idx] != s2[per_idx] || s1[per_idx + 1] != s2[per_idx + 1])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s and confidence must be the same for every row of a group",
						fname, per_name)));
}

/*
 * The blessed tuple descriptor of the function's composite result, cached in
 * fn_extra: a scalar function over millions of rows should not look it up
 * each time.
 */
static inline TupleDesc
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

/*
 * A record of float8 columns (NaN becomes NULL), optionally followed by one
 * text column (label NULL becomes NULL).
 */
static inline Datum
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

#endif							/* OBA_FSTATE_H */
