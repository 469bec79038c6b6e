/*
 * mean.c (glue): oba.mean (from count, mean and sd) and the oba.mean_agg
 * aggregate. State: float8[6] = {count, sum, shift, mean, m2, confidence}, updated
 * in place; combined by Chan's formula, so the aggregate is parallel safe.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series_pg.h"

#include "mean.h"

PG_FUNCTION_INFO_V1(oba_sql_mean);
PG_FUNCTION_INFO_V1(oba_sql_mean_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_mean_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_mean_agg_final);

enum
{
	MEAN_COUNT = 0, MEAN_SUM, MEAN_SHIFT, MEAN_MEAN, MEAN_M2, MEAN_CONFIDENCE, MEAN_LEN
};

#define MEAN_NAME "oba.mean_agg"

static void
state_get(const double *s, oba_mean_state *m)
{
	m->count = s[MEAN_COUNT];
	m->sum = s[MEAN_SUM];
	m->shift = s[MEAN_SHIFT];
	m->mean = s[MEAN_MEAN];
	m->m2 = s[MEAN_M2];
}

static void
state_put(double *s, const oba_mean_state *m)
{
	s[MEAN_COUNT] = m->count;
	s[MEAN_SUM] = m->sum;
	s[MEAN_SHIFT] = m->shift;
	s[MEAN_MEAN] = m->mean;
	s[MEAN_M2] = m->m2;
}

/* An oba.mean_estimate record of r; NaN fields are NULL. */
static Datum
result_datum(FunctionCallInfo fcinfo, const oba_mean_result *r)
{
	oba_row		row;

	oba_row_begin(fcinfo, &row);
	oba_row_float(&row, r->value);
	oba_row_float(&row, r->lower);
	oba_row_float(&row, r->upper);
	oba_row_float(&row, r->value_sum);
	oba_row_int8(&row, r->value_count);
	oba_row_float(&row, r->stdev);
	return oba_row_datum(&row);
}

/*
 * oba.mean(n, mean, sd, confidence): not STRICT. NULL n, mean or confidence
 * gives NULL; a NULL sd gives the value without sd or limits (a NaN sd is an
 * error: the core's NaN means "not known").
 */
Datum
oba_sql_mean(PG_FUNCTION_ARGS)
{
	oba_mean_result r;
	oba_error	err;
	double		sd = NAN;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(2))
	{
		sd = PG_GETARG_FLOAT8(2);
		if (oba_check_finite(&err, "sd", sd) != 0)
			oba_raise("oba.mean", &err);
	}
	if (oba_mean_estimate((double) PG_GETARG_INT64(0), PG_GETARG_FLOAT8(1), sd,
						  PG_GETARG_FLOAT8(3), &r, &err) != 0)
		oba_raise("oba.mean", &err);
	return result_datum(fcinfo, &r);
}

/*
 * (state, value [, confidence]): not STRICT. A NULL value is skipped; a
 * NULL confidence is an error (22004); the confidence is set by the first
 * value and every later value must repeat it.
 */
Datum
oba_sql_mean_agg_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, MEAN_NAME, MEAN_LEN, OBA_STATE_UPDATE, &a);
	oba_mean_state m;
	oba_error	err;

	if (PG_ARGISNULL(1))
		PG_RETURN_ARRAYTYPE_P(a);
	if (PG_NARGS() > 2)
	{
		double		confidence = oba_arg_float8(fcinfo, 2, MEAN_NAME, "confidence");

		if (s[MEAN_COUNT] == 0 || confidence != s[MEAN_CONFIDENCE])
		{
			if (oba_check_confidence(&err, confidence) != 0)
				oba_raise(MEAN_NAME, &err);
			if (s[MEAN_COUNT] != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s: confidence must be the same for every row of a group", MEAN_NAME),
						 errdetail("The group started with confidence %.15g, a row has %.15g.",
								   s[MEAN_CONFIDENCE], confidence)));
			s[MEAN_CONFIDENCE] = confidence;
		}
	}
	state_get(s, &m);
	if (oba_mean_add(&m, PG_GETARG_FLOAT8(1), &err) != 0)
		oba_raise(MEAN_NAME, &err);
	state_put(s, &m);
	PG_RETURN_ARRAYTYPE_P(a);
}

/* A state from outside: finite, a sane count, a confidence in (0,1). */
static void
check_state(const double *s, oba_mean_state *m)
{
	oba_error	err;

	oba_state_check_finite(s, MEAN_LEN, MEAN_NAME);
	state_get(s, m);
	if (oba_mean_check_state(m, &err) != 0 ||
		!(s[MEAN_CONFIDENCE] > 0 && s[MEAN_CONFIDENCE] < 1))
		oba_state_invalid(MEAN_NAME, "The state holds a value out of range.");
}

Datum
oba_sql_mean_agg_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, MEAN_NAME, MEAN_LEN, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, MEAN_NAME, MEAN_LEN, OBA_STATE_READ, NULL);
	oba_mean_state m1,
				m2;
	oba_error	err;

	check_state(s1, &m1);
	check_state(s2, &m2);
	if (m2.count == 0)
		PG_RETURN_ARRAYTYPE_P(a1);
	if (m1.count == 0)
		s1[MEAN_CONFIDENCE] = s2[MEAN_CONFIDENCE];
	else if (s1[MEAN_CONFIDENCE] != s2[MEAN_CONFIDENCE])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: confidence must be the same for every row of a group", MEAN_NAME)));
	if (oba_mean_combine(&m1, &m2, &err) != 0)
		oba_raise(MEAN_NAME, &err);
	state_put(s1, &m1);
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* An oba.mean_estimate; NULL for no values. */
Datum
oba_sql_mean_agg_final(PG_FUNCTION_ARGS)
{
	double	   *s = oba_state_fixed(fcinfo, 0, MEAN_NAME, MEAN_LEN, OBA_STATE_READ, NULL);
	oba_mean_state m;
	oba_mean_result r;
	oba_error	err;

	check_state(s, &m);
	if (m.count == 0)
		PG_RETURN_NULL();
	if (oba_mean_result_of(&m, s[MEAN_CONFIDENCE], &r, &err) != 0)
		oba_raise(MEAN_NAME, &err);
	return result_datum(fcinfo, &r);
}
