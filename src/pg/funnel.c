/*
 * funnel.c (glue): oba.funnel_limits, oba.funnel_axis,
 * oba.funnel_denominator, oba.funnel_significance and oba.funnel_points.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include <math.h>

#include "funnel.h"

PG_FUNCTION_INFO_V1(oba_sql_funnel_limits);
PG_FUNCTION_INFO_V1(oba_sql_funnel_axis);
PG_FUNCTION_INFO_V1(oba_sql_funnel_denominator);
PG_FUNCTION_INFO_V1(oba_sql_funnel_significance);

static oba_funnel_statistic
statistic_arg(FunctionCallInfo fcinfo, int argno, const char *fname)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	oba_funnel_statistic st;
	oba_error	err;

	if (oba_funnel_statistic_parse(s, &st, &err) != 0)
		oba_raise(fname, &err);
	pfree(s);
	return st;
}

/* An optional float8 argument: NaN when NULL or absent. */
static double
opt_float8(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NAN;
	return PG_GETARG_FLOAT8(argno);
}

/*
 * oba.funnel_limits(statistic, x, average, per, years_of_data): not STRICT.
 * NULL statistic or x gives NULL, as does a NULL average except for a ratio;
 * NULL per takes the statistic's default, NULL years_of_data 1.
 */
Datum
oba_sql_funnel_limits(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.funnel_limits";
	oba_funnel_statistic st;
	oba_funnel_point f;
	oba_error	err;
	double		x,
				average,
				per,
				years,
				v[10];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	st = statistic_arg(fcinfo, 0, fname);
	x = PG_GETARG_FLOAT8(1);
	/* a ratio's centre is 1: its average is not used */
	if (st != OBA_FUNNEL_RATIO && PG_ARGISNULL(2))
		PG_RETURN_NULL();
	average = st == OBA_FUNNEL_RATIO ? NAN : PG_GETARG_FLOAT8(2);
	per = PG_ARGISNULL(3) ? oba_funnel_default_per(st) : PG_GETARG_FLOAT8(3);
	years = PG_ARGISNULL(4) ? 1.0 : PG_GETARG_FLOAT8(4);
	if (oba_funnel_limits(st, x, average, per, years, &f, &err) != 0)
		oba_raise(fname, &err);
	v[0] = x;
	v[1] = f.lower_2s;
	v[2] = f.upper_2s;
	v[3] = f.lower_3s;
	v[4] = f.upper_3s;
	v[5] = f.baseline;
	v[6] = f.lower_2s_denominator;
	v[7] = f.upper_2s_denominator;
	v[8] = f.lower_3s_denominator;
	v[9] = f.upper_3s_denominator;
	return oba_float8_record(fcinfo, v, 10, false, NULL);
}

/*
 * oba.funnel_axis(statistic, min_denominator, max_denominator, average,
 * years_of_data): SETOF (point, x), 100 rows; no rows when a required
 * argument is NULL.
 */
Datum
oba_sql_funnel_axis(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.funnel_axis";
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	oba_funnel_statistic st;
	oba_error	err;
	double		axis[OBA_FUNNEL_POINTS];
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return (Datum) 0;
	st = statistic_arg(fcinfo, 0, fname);
	if ((st == OBA_FUNNEL_RATE || st == OBA_FUNNEL_DSR) && PG_ARGISNULL(3))
		return (Datum) 0;
	if (oba_funnel_axis(st, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
						PG_ARGISNULL(3) ? NAN : PG_GETARG_FLOAT8(3),
						PG_ARGISNULL(4) ? 1.0 : PG_GETARG_FLOAT8(4), axis, &err) != 0)
		oba_raise(fname, &err);
	for (i = 0; i < OBA_FUNNEL_POINTS; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = Int32GetDatum(i + 1);
		values[1] = Float8GetDatum(axis[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * oba.funnel_denominator(statistic, numerator, denominator, rate, per): not
 * STRICT; NULL when the numerator is NULL, or when the result is undefined
 * (a dsr with no events).
 */
Datum
oba_sql_funnel_denominator(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.funnel_denominator";
	oba_funnel_statistic st;
	oba_error	err;
	double		d,
				per;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	st = statistic_arg(fcinfo, 0, fname);
	per = PG_ARGISNULL(4) ? oba_funnel_default_per(st) : PG_GETARG_FLOAT8(4);
	if (oba_funnel_denominator(st, PG_GETARG_FLOAT8(1), opt_float8(fcinfo, 2),
							   opt_float8(fcinfo, 3), per, &d, &err) != 0)
		oba_raise(fname, &err);
	if (isnan(d))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(d);
}

/*
 * oba.funnel_significance(statistic, numerator, denominator, average, rate,
 * per): not STRICT. NULL when statistic or numerator is NULL, or when a
 * value the label needs is NULL (the denominator; the average except for a
 * ratio). With a rate, the denominator is derived as oba.funnel_denominator.
 */
Datum
oba_sql_funnel_significance(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.funnel_significance";
	oba_funnel_statistic st;
	oba_error	err;
	const char *label;
	double		x,
				d,
				average,
				per;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	st = statistic_arg(fcinfo, 0, fname);
	x = PG_GETARG_FLOAT8(1);
	per = PG_ARGISNULL(5) ? oba_funnel_default_per(st) : PG_GETARG_FLOAT8(5);
	if (oba_funnel_denominator(st, x, opt_float8(fcinfo, 2), opt_float8(fcinfo, 4),
							   per, &d, &err) != 0)
		oba_raise(fname, &err);
	if (st == OBA_FUNNEL_DSR && x < 10.0)
		PG_RETURN_TEXT_P(cstring_to_text("Not applicable for events less than 10 for dsrs"));
	if (isnan(d) || (st != OBA_FUNNEL_RATIO && PG_ARGISNULL(3)))
		PG_RETURN_NULL();
	average = st == OBA_FUNNEL_RATIO ? NAN : PG_GETARG_FLOAT8(3);
	label = oba_funnel_significance(st, x, d, average, &err);
	if (label == NULL)
		oba_raise(fname, &err);
	PG_RETURN_TEXT_P(cstring_to_text(label));
}

PG_FUNCTION_INFO_V1(oba_sql_funnel_points);

/*
 * oba.funnel_points(statistic, numerator, denominator, rate, per,
 * years_of_data): not STRICT. NULL when statistic or numerator is NULL;
 * otherwise an oba.funnel_chart_point whose fields are NULL where the point
 * is blanked (a dsr under 10 events) or lacks what it needs (a denominator;
 * a dsr's rate). NULL per takes the statistic's default, NULL years_of_data 1.
 */
Datum
oba_sql_funnel_points(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.funnel_points";
	oba_funnel_statistic st;
	oba_error	err;
	double		v[2],
				per,
				years;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	st = statistic_arg(fcinfo, 0, fname);
	per = PG_ARGISNULL(4) ? oba_funnel_default_per(st) : PG_GETARG_FLOAT8(4);
	years = PG_ARGISNULL(5) ? 1.0 : PG_GETARG_FLOAT8(5);
	/* the core reads NaN as "not given": a NaN argument is refused first */
	if ((!PG_ARGISNULL(2) && oba_check_finite(&err, "denominator", PG_GETARG_FLOAT8(2)) != 0) ||
		(!PG_ARGISNULL(3) && oba_check_finite(&err, "rate", PG_GETARG_FLOAT8(3)) != 0))
		oba_raise(fname, &err);
	if (oba_funnel_chart_point(st, PG_GETARG_FLOAT8(1), opt_float8(fcinfo, 2), opt_float8(fcinfo, 3),
							   per, years, &v[0], &v[1], &err) != 0)
		oba_raise(fname, &err);
	return oba_float8_record(fcinfo, v, 2, false, NULL);
}
