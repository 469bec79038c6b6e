/*
 * compare.c (glue): oba.compare (one and two levels), oba.proportion_difference,
 * oba.rate_ratio, oba.gap_to_close.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include <math.h>

#include "compare.h"

#include <float.h>

PG_FUNCTION_INFO_V1(oba_sql_compare);
PG_FUNCTION_INFO_V1(oba_sql_compare_two_levels);
PG_FUNCTION_INFO_V1(oba_sql_compare_values);
PG_FUNCTION_INFO_V1(oba_sql_proportion_difference);
PG_FUNCTION_INFO_V1(oba_sql_rate_ratio);
PG_FUNCTION_INFO_V1(oba_sql_gap_to_close);

#define COMPARE_NAME "oba.compare"

/* NULL polarity: Fingertips' "not applicable", nothing is compared. */
static bool
polarity_arg(FunctionCallInfo fcinfo, int argno, oba_polarity *p)
{
	char	   *s;
	oba_error	err;

	if (PG_ARGISNULL(argno))
		return false;
	s = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	if (oba_polarity_parse(&err, "polarity", s, strlen(s), p) != 0)
		oba_raise(COMPARE_NAME, &err);
	pfree(s);
	return true;
}

/* value, lower, upper of an oba.estimate argument; NaN for NULL fields. */
static void
estimate_arg(FunctionCallInfo fcinfo, int argno, double v[3])
{
	HeapTupleHeader t;
	int			i;

	if (PG_ARGISNULL(argno))
	{
		v[0] = v[1] = v[2] = NAN;
		return;
	}
	t = PG_GETARG_HEAPTUPLEHEADER(argno);
	for (i = 0; i < 3; i++)
	{
		bool		isnull;
		Datum		d = GetAttributeByNum(t, i + 1, &isnull);

		v[i] = isnull ? NAN : DatumGetFloat8(d);
	}
}

static double
nullable(FunctionCallInfo fcinfo, int argno)
{
	return PG_ARGISNULL(argno) ? NAN : PG_GETARG_FLOAT8(argno);
}

/* Inputs are finite or NULL: a NaN argument is refused, not taken for NULL. */
static void
refuse_nan(const double *v, const bool *given, int n)
{
	int			i;
	oba_error	err;

	for (i = 0; i < n; i++)
		if (given[i] && isnan(v[i]))
		{
			oba_check_finite(&err, i == n - 1 ? "benchmark" : "estimate", v[i]);
			oba_raise(COMPARE_NAME, &err);
		}
}

static Datum
label_or_raise(const char *label, const oba_error *err)
{
	if (label == NULL)
		oba_raise(COMPARE_NAME, err);
	PG_RETURN_TEXT_P(cstring_to_text(label));
}

/* oba.compare(estimate, benchmark, polarity): not STRICT. */
Datum
oba_sql_compare(PG_FUNCTION_ARGS)
{
	oba_polarity p;
	oba_error	err;
	double		e[3],
				b = nullable(fcinfo, 1);

	if (!PG_ARGISNULL(1) && isnan(b))
	{
		oba_check_finite(&err, "benchmark", b);
		oba_raise(COMPARE_NAME, &err);
	}
	estimate_arg(fcinfo, 0, e);
	if (!polarity_arg(fcinfo, 2, &p))
		PG_RETURN_TEXT_P(cstring_to_text("not_compared"));
	return label_or_raise(oba_compare(e[0], e[1], e[2], b, p, &err), &err);
}

/* oba.compare(estimate, estimate_99_8, benchmark, polarity): not STRICT. */
Datum
oba_sql_compare_two_levels(PG_FUNCTION_ARGS)
{
	oba_polarity p;
	oba_error	err;
	double		e[3],
				f[3],
				b = nullable(fcinfo, 2);

	if (!PG_ARGISNULL(2) && isnan(b))
	{
		oba_check_finite(&err, "benchmark", b);
		oba_raise(COMPARE_NAME, &err);
	}
	estimate_arg(fcinfo, 0, e);
	estimate_arg(fcinfo, 1, f);
	if (!polarity_arg(fcinfo, 3, &p))
		PG_RETURN_TEXT_P(cstring_to_text("not_compared"));
	return label_or_raise(oba_compare2(e[0], e[1], e[2], f[1], f[2], b, p, &err), &err);
}

/* oba.compare(value, lower, upper, benchmark, polarity): not STRICT. */
Datum
oba_sql_compare_values(PG_FUNCTION_ARGS)
{
	oba_polarity p;
	oba_error	err;
	double		v[4];
	bool		given[4];
	int			i;

	for (i = 0; i < 4; i++)
	{
		given[i] = !PG_ARGISNULL(i);
		v[i] = nullable(fcinfo, i);
	}
	refuse_nan(v, given, 4);
	if (!polarity_arg(fcinfo, 4, &p))
		PG_RETURN_TEXT_P(cstring_to_text("not_compared"));
	return label_or_raise(oba_compare(v[0], v[1], v[2], v[3], p, &err), &err);
}

static Datum
contrast_datum(FunctionCallInfo fcinfo, const oba_contrast *c)
{
	double		v[4];

	v[0] = c->value;
	v[1] = c->lower;
	v[2] = c->upper;
	v[3] = c->p_value;
	return oba_float8_record(fcinfo, v, 4, true, c->method);
}

/* oba.proportion_difference(x1, n1, x2, n2, per, confidence): STRICT */
Datum
oba_sql_proportion_difference(PG_FUNCTION_ARGS)
{
	oba_contrast c;
	oba_error	err;

	if (oba_proportion_difference(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								  PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
								  PG_GETARG_FLOAT8(4), PG_GETARG_FLOAT8(5), &c, &err) != 0)
		oba_raise("oba.proportion_difference", &err);
	return contrast_datum(fcinfo, &c);
}

/* oba.rate_ratio(x1, n1, x2, n2, confidence): STRICT */
Datum
oba_sql_rate_ratio(PG_FUNCTION_ARGS)
{
	oba_contrast c;
	oba_error	err;

	if (oba_rate_ratio(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
					   PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
					   PG_GETARG_FLOAT8(4), &c, &err) != 0)
		oba_raise("oba.rate_ratio", &err);
	return contrast_datum(fcinfo, &c);
}

/* oba.gap_to_close(successes, total, target_proportion, per): STRICT, bigint */
Datum
oba_sql_gap_to_close(PG_FUNCTION_ARGS)
{
	double		g;
	oba_error	err;

	if (oba_gap_to_close(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
						 PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3), &g, &err) != 0)
	{
		/* the core names it target; SQL calls it target_proportion */
		if (strncmp(err.message, "target ", 7) == 0)
		{
			char		msg[OBA_ERRMSG_LEN];

			snprintf(msg, sizeof(msg), "target_proportion%s", err.message + 6);
			snprintf(err.message, sizeof(err.message), "%s", msg);
		}
		oba_raise("oba.gap_to_close", &err);
	}
	if (g >= 9223372036854775807.0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("oba.gap_to_close: the gap %.15g is out of range for bigint", g)));
	PG_RETURN_INT64((int64) g);
}
