/*
 * curve.c (glue): oba.turn_the_curve_agg and oba.curve_points (turning the
 * curve, definition v1).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series_pg.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/tuplestore.h"

#include <math.h>

#include "curve.h"

PG_FUNCTION_INFO_V1(oba_sql_turn_the_curve_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_turn_the_curve_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_turn_the_curve_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_curve_points);
PG_FUNCTION_INFO_V1(oba_sql_curve_points_date);

#define CURVE_ALPHA_DEFAULT 0.05

/*
 * start, polarity and alpha from the arguments at these positions (-1:
 * absent, the default).
 */
static void
curve_params(FunctionCallInfo fcinfo, int start_arg, int dir_arg, int alpha_arg,
			 bool is_date, const char *fname, double *params)
{
	oba_error	err;

	if (PG_ARGISNULL(start_arg))
		oba_null_arg(fname, "start");
	params[0] = oba_arg_time(fcinfo, start_arg, is_date, fname, "start");
	params[1] = dir_arg >= 0 && dir_arg < PG_NARGS() ?
		oba_arg_polarity(fcinfo, dir_arg, fname, "polarity") : OBA_HIGHER_IS_BETTER;
	params[2] = CURVE_ALPHA_DEFAULT;
	if (alpha_arg >= 0 && alpha_arg < PG_NARGS())
	{
		if (PG_ARGISNULL(alpha_arg))
			oba_null_arg(fname, "alpha");
		params[2] = PG_GETARG_FLOAT8(alpha_arg);
		if (oba_check_alpha(&err, "alpha", params[2]) != 0)
			oba_raise(fname, &err);
	}
}

/* (state, t, value, start [, polarity [, alpha]]) */
static Datum
curve_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.turn_the_curve_agg";
	double		row[2],
				params[3];

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	curve_params(fcinfo, 3, 4, 5, is_date, fname, params);
	return oba_series_append(fcinfo, fname, OBA_KIND_CURVE, 2, row, params, 3,
							 "start, polarity and alpha");
}

Datum
oba_sql_turn_the_curve_agg_trans(PG_FUNCTION_ARGS)
{
	return curve_trans(fcinfo, false);
}

Datum
oba_sql_turn_the_curve_agg_trans_date(PG_FUNCTION_ARGS)
{
	return curve_trans(fcinfo, true);
}

/* Run the core on sorted rows with missing values dropped. */
static void
curve_run(const double *rows, size_t n, const double *params, const char *fname,
		  oba_curve *c, oba_curve_point *points)
{
	double	   *t,
			   *y;
	oba_error	err;

	oba_series_columns(rows, n, &t, &y);
	if (oba_turn_the_curve(t, y, n, params[0], oba_state_int(params[1], -1, 1, fname),
						   params[2], &oba_pg_allocator, c, points, &err) != 0)
		oba_raise(fname, &err);
}

Datum
oba_sql_turn_the_curve_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.turn_the_curve_agg";
	oba_series_view v;
	oba_curve	c;
	oba_row		row;
	double	   *rows;
	size_t		n;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_CURVE, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	if (v.nparams != 3)
		oba_state_invalid(fname, "The state holds parameters out of range.");
	rows = oba_series_sorted(&v, true, &n, fname);
	curve_run(rows, n, v.params, fname, &c, NULL);

	oba_row_begin(fcinfo, &row);
	oba_row_text(&row, c.status);
	oba_row_int4(&row, c.n_pre);
	oba_row_int4(&row, c.n_post);
	oba_row_float(&row, c.baseline_intercept);
	oba_row_float(&row, c.baseline_slope);
	oba_row_float(&row, c.baseline_sigma);
	oba_row_int4(&row, c.baseline_df);
	oba_row_float(&row, c.baseline_slope_se);
	oba_row_float(&row, c.baseline_slope_p);
	oba_row_text(&row, c.baseline_direction);
	oba_row_float(&row, c.t_quantile);
	oba_row_float(&row, c.level_change);
	oba_row_float(&row, c.slope_change);
	oba_row_float(&row, c.post_slope);
	oba_row_float(&row, c.slope_change_p);
	oba_row_text(&row, c.test_method);
	oba_row_float(&row, c.effect_at_last);
	oba_row_float(&row, c.effect_se);
	oba_row_int4(&row, c.effect_df);
	oba_row_float(&row, c.effect_t);
	oba_row_float(&row, c.effect_p);
	oba_row_int4(&row, c.periods_better);
	oba_row_int4(&row, c.periods_worse);
	oba_row_int4(&row, c.periods_beyond_pi_better);
	oba_row_int4(&row, c.periods_beyond_pi_worse);
	oba_row_int4(&row, c.trailing_periods_better);
	oba_row_text(&row, c.curve_shape);
	oba_row_text(&row, c.current_trend_direction);
	oba_row_int4(&row, c.current_trend_periods);
	oba_row_bool(&row, c.current_trend_good);
	oba_row_float(&row, c.baseline_pct_change);
	return oba_row_datum(&row);
}

static void
put_point(ReturnSetInfo *rsinfo, const oba_curve_point *p, bool is_date)
{
	oba_row		row;

	oba_row_begin_desc(rsinfo->setDesc, &row);
	if (is_date)
		oba_row_date(&row, p->t);
	else
		oba_row_float(&row, p->t);
	oba_row_float(&row, p->value);
	oba_row_float(&row, p->fitted);
	oba_row_float(&row, p->pi_lower);
	oba_row_float(&row, p->pi_upper);
	oba_row_float(&row, p->se_pred);
	oba_row_float(&row, p->residual);
	oba_row_text(&row, p->point_class);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, row.values, row.nulls);
}

/*
 * oba.curve_points(t[], value[], start, polarity, horizon, alpha): one row
 * per retained period, then horizon future periods at the series' smallest
 * step. NULL arrays: no rows; a NULL start, polarity, horizon or alpha is an
 * error.
 */
static Datum
curve_points(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.curve_points";
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	double		params[3],
			   *raw,
			   *rows;
	size_t		n,
				nraw,
				i;
	int			horizon;
	oba_curve	c;
	oba_curve_point *points;
	oba_series_view v;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	curve_params(fcinfo, 2, 3, 5, is_date, fname, params);
	if (PG_ARGISNULL(4))
		oba_null_arg(fname, "horizon");
	horizon = PG_GETARG_INT32(4);
	if (horizon < 0 || horizon > 1000)
		oba_bad_arg(fname, "horizon must be between 0 and 1000, got %d", horizon);

	raw = oba_rows_from_arrays(fcinfo, 0, 1, is_date, fname, &nraw);
	v.kind = OBA_KIND_CURVE;
	v.width = 2;
	v.nparams = 3;
	v.params = params;
	v.rows = raw;
	v.nrows = nraw;
	rows = oba_series_sorted(&v, true, &n, fname);
	points = palloc(sizeof(oba_curve_point) * (n > 0 ? n : 1));
	curve_run(rows, n, params, fname, &c, points);
	for (i = 0; i < n; i++)
		put_point(rsinfo, &points[i], is_date);
	/* a forecast needs a baseline: none after insufficient_baseline */
	if (horizon > 0 && !isnan(c.t_quantile))
	{
		double	   *t = palloc(sizeof(double) * n),
					step;

		for (i = 0; i < n; i++)
			t[i] = rows[2 * i];
		step = oba_series_min_step(t, n);
		for (i = 1; i <= (size_t) horizon; i++)
		{
			oba_curve_point f;

			CHECK_FOR_INTERRUPTS();
			oba_curve_forecast(&c, t[n - 1] + i * step, &f);
			put_point(rsinfo, &f, is_date);
		}
	}
	return (Datum) 0;
}

Datum
oba_sql_curve_points(PG_FUNCTION_ARGS)
{
	return curve_points(fcinfo, false);
}

Datum
oba_sql_curve_points_date(PG_FUNCTION_ARGS)
{
	return curve_points(fcinfo, true);
}
