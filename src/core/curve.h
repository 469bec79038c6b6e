/*
 * curve.h: turning the curve, definition v1 (METHODS.md section 15): the
 * baseline forecast from the periods before a change, and whether the
 * periods since are doing better than it.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_CURVE_H
#define OBA_CURVE_H

#include "trend.h"

/* Case-level outputs. NaN numbers and NULL strings are undefined (SQL NULL). */
typedef struct oba_curve
{
	double		n_pre;
	double		n_post;
	const char *status;			/* turned_better turned_worse on_baseline changed_up
								 * changed_down insufficient_baseline no_post_data */
	double		baseline_intercept;
	double		baseline_slope;
	double		baseline_sigma;
	double		baseline_df;
	double		baseline_slope_se;
	double		baseline_slope_p;
	const char *baseline_direction; /* flat improving worsening rising falling */
	double		t_quantile;
	double		level_change;
	double		slope_change;
	double		post_slope;
	double		slope_change_p;
	const char *test_method;	/* prediction_interval_single_point | its_level_and_slope_change */
	double		effect_at_last;
	double		effect_se;
	double		effect_df;
	double		effect_t;
	double		effect_p;
	double		periods_better;
	double		periods_worse;
	double		periods_beyond_pi_better;
	double		periods_beyond_pi_worse;
	double		trailing_periods_better;
	const char *curve_shape;
	const char *current_trend_direction;	/* up down flat */
	double		current_trend_periods;
	int			current_trend_good; /* 1, 0, or -1 for NULL */
	double		baseline_pct_change;

	/* what a forecast at a later time needs */
	oba_ols		baseline;
	double		tau;			/* the zero tolerance */
	int			polarity;
} oba_curve;

/* What a turn-the-curve chart draws, one per period. */
#define OBA_CURVE_BASELINE	0	/* before the start: the fitted baseline */
#define OBA_CURVE_POST		1	/* since the start: the forecast and its interval */
#define OBA_CURVE_FUTURE	2	/* after the last period: the forecast only */

typedef struct oba_curve_point
{
	int			period;
	double		t;
	double		value;
	double		fitted;			/* baseline fit, or forecast */
	double		pi_lower;
	double		pi_upper;
	double		se_pred;
	double		residual;
	const char *point_class;	/* baseline, on_forecast, better_beyond_pi ...,
								 * forecast; NULL when undefined */
} oba_curve_point;

/*
 * t, y: the retained series, sorted, t unique, no missing values (see
 * oba_series_prepare). t_start is the first period after the change;
 * polarity +1, -1 or 0; alpha in (0,1). points, if not NULL, receives one
 * entry per input row.
 */
int			oba_turn_the_curve(const double *t, const double *y, size_t n, double t_start,
							   int polarity, double alpha, const oba_allocator *a,
							   oba_curve *out, oba_curve_point *points, oba_error *err);

/* The baseline forecast at a later time t0 (period OBA_CURVE_FUTURE). */
void		oba_curve_forecast(const oba_curve *c, double t0, oba_curve_point *p);

/* The smallest step between successive times: the series' period. */
double		oba_series_min_step(const double *t, size_t n);

#endif							/* OBA_CURVE_H */
