/*
 * better_off.c (glue): the oba.better_off_agg aggregates. Their state is a
 * float8[] of BO_LEN elements; rows with a missing score are counted, not
 * skipped, so the transition functions are not STRICT.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"
#include "better_off.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"

#include <math.h>

PG_FUNCTION_INFO_V1(oba_sql_better_off_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_better_off_agg_inv);
PG_FUNCTION_INFO_V1(oba_sql_better_off_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_better_off_agg_final);

#define FNAME "oba.better_off_agg"

enum
{
	BO_BETTER = 0,
	BO_SAME,
	BO_WORSE,
	BO_NOT_MEASURED,
	BO_POLARITY,				/* +1 higher_is_better, -1 lower_is_better */
	BO_MIN_CHANGE,
	BO_CONFIDENCE,
	BO_LEN
};

/* 2^53: counts stay exact below it. */
#define BO_EXACT_LIMIT 9007199254740992.0

static double
state_rows(const double *s)
{
	return s[BO_BETTER] + s[BO_SAME] + s[BO_WORSE] + s[BO_NOT_MEASURED];
}

/* Full check of a state that may have come from outside (text, a user). */
static void
check_state(const double *s)
{
	int			i;

	oba_state_check_finite(s, BO_LEN, FNAME);
	for (i = BO_BETTER; i <= BO_NOT_MEASURED; i++)
		if (!oba_state_whole(s[i], 0, BO_EXACT_LIMIT - 1))
			oba_state_invalid(FNAME, "The state holds a count that is not a whole number in range.");
	if ((s[BO_POLARITY] != OBA_HIGHER_IS_BETTER && s[BO_POLARITY] != OBA_LOWER_IS_BETTER) ||
		s[BO_MIN_CHANGE] < 0 ||
		!(s[BO_CONFIDENCE] > 0 && s[BO_CONFIDENCE] < 1))
		oba_state_invalid(FNAME, "The state holds a parameter out of range.");
}

/* polarity, min_change and confidence from the call, if it has them */
static void
read_params(FunctionCallInfo fcinfo, double *s)
{
	int			nargs = PG_NARGS();
	int			polarity = (int) s[BO_POLARITY];
	double		min_change = s[BO_MIN_CHANGE];
	double		confidence = s[BO_CONFIDENCE];
	oba_error	err;
	static const char *const names[] = {"polarity", "min_change", "confidence"};
	int			i;

	for (i = 3; i < nargs; i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: %s must not be NULL", FNAME, names[i - 3])));
	if (nargs > 3)
	{
		text	   *t = PG_GETARG_TEXT_PP(3);

		if (oba_better_off_polarity(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &polarity, &err) != 0)
			oba_raise(FNAME, &err);
	}
	if (nargs > 4)
	{
		min_change = PG_GETARG_FLOAT8(4);
		if (oba_better_off_check_min_change(min_change, &err) != 0)
			oba_raise(FNAME, &err);
	}
	if (nargs > 5)
	{
		confidence = PG_GETARG_FLOAT8(5);
		if (oba_check_confidence(&err, confidence) != 0)
			oba_raise(FNAME, &err);
	}
	if (polarity == s[BO_POLARITY] && min_change == s[BO_MIN_CHANGE] &&
		confidence == s[BO_CONFIDENCE])
		return;
	if (state_rows(s) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: polarity, min_change and confidence must be the same for every row of a group",
						FNAME)));
	s[BO_POLARITY] = polarity;
	s[BO_MIN_CHANGE] = min_change;
	s[BO_CONFIDENCE] = confidence;
}

/* the count a row adds to (or removes from) */
static int
row_slot(FunctionCallInfo fcinfo, const double *s)
{
	int			c;
	oba_error	err;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return BO_NOT_MEASURED;
	if (oba_better_off_classify(PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
								(int) s[BO_POLARITY], s[BO_MIN_CHANGE], &c, &err) != 0)
		oba_raise(FNAME, &err);
	return c > 0 ? BO_BETTER : c < 0 ? BO_WORSE : BO_SAME;
}

/* (state, before, after [, polarity [, min_change [, confidence]]]): not STRICT */
Datum
oba_sql_better_off_agg_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, FNAME, BO_LEN, OBA_STATE_UPDATE, &a);
	int			slot;

	/* inside an aggregate the state is our own; a direct call may pass any */
	if (!oba_in_aggregate(fcinfo))
		check_state(s);
	read_params(fcinfo, s);
	slot = row_slot(fcinfo, s);
	if (s[slot] + 1 >= BO_EXACT_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: too many rows", FNAME)));
	s[slot] += 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

/* inverse transition for window frames: counts remove exactly */
Datum
oba_sql_better_off_agg_inv(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, FNAME, BO_LEN, OBA_STATE_UPDATE, &a);
	int			slot;

	if (!oba_in_aggregate(fcinfo))
		check_state(s);
	slot = row_slot(fcinfo, s);
	if (s[slot] < 1)
		oba_state_invalid(FNAME, "A row left a window frame it was never counted in.");
	s[slot] -= 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
oba_sql_better_off_agg_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, FNAME, BO_LEN, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, FNAME, BO_LEN, OBA_STATE_READ, NULL);
	int			i;

	check_state(s1);
	check_state(s2);
	if (state_rows(s2) == 0)
		PG_RETURN_ARRAYTYPE_P(a1);
	if (state_rows(s1) == 0)
	{
		for (i = 0; i < BO_LEN; i++)
			s1[i] = s2[i];
		PG_RETURN_ARRAYTYPE_P(a1);
	}
	if (s1[BO_POLARITY] != s2[BO_POLARITY] || s1[BO_MIN_CHANGE] != s2[BO_MIN_CHANGE] ||
		s1[BO_CONFIDENCE] != s2[BO_CONFIDENCE])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: polarity, min_change and confidence must be the same for every row of a group",
						FNAME)));
	for (i = BO_BETTER; i <= BO_NOT_MEASURED; i++)
	{
		s1[i] += s2[i];
		if (s1[i] >= BO_EXACT_LIMIT)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s: too many rows", FNAME)));
	}
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* oba.better_off: NULL for a group without rows */
Datum
oba_sql_better_off_agg_final(PG_FUNCTION_ARGS)
{
	double	   *s = oba_state_fixed(fcinfo, 0, FNAME, BO_LEN, OBA_STATE_READ, NULL);
	oba_better_off r;
	oba_error	err;
	TupleDesc	tupdesc;
	Datum		values[8];
	bool		nulls[8];
	double		v[8];
	int			i;

	check_state(s);
	if (state_rows(s) == 0)
		PG_RETURN_NULL();
	if (oba_better_off_result(s[BO_BETTER], s[BO_SAME], s[BO_WORSE], s[BO_NOT_MEASURED],
							  s[BO_CONFIDENCE], &r, &err) != 0)
		oba_raise(FNAME, &err);
	tupdesc = oba_result_tupdesc(fcinfo, 8);
	v[0] = r.measured;
	v[1] = r.better;
	v[2] = r.same;
	v[3] = r.worse;
	v[4] = r.pct_better;
	v[5] = r.lower;
	v[6] = r.upper;
	v[7] = r.not_measured;
	for (i = 0; i < 8; i++)
	{
		nulls[i] = isnan(v[i]);
		if (TupleDescAttr(tupdesc, i)->atttypid == INT8OID)
			values[i] = Int64GetDatum((int64) v[i]);
		else
			values[i] = Float8GetDatum(nulls[i] ? 0.0 : v[i]);
	}
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}
