/*
 * curve.c: turning the curve, definition v1 (METHODS.md section 15; the
 * project's own testable reading of Friedman's "doing better than the
 * baseline forecast"): an OLS baseline on the periods before the start, a
 * prediction interval per later period, and a test of the gap at the latest
 * period (the prediction interval for one new period, segmented regression
 * for two or more).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "curve.h"

#include <math.h>
#include <string.h>

/* 2 P(T_df > |est/se|), with a zero-variance rule: se within tau of 0 gives p 1 or 0. */
static double
ttest_p(double est, double se, double df, double tau)
{
	if (se <= tau)
		return fabs(est) <= tau ? 1.0 : 0.0;
	return 2.0 * oba_pt(fabs(est / se), df, 0);
}

static int
sign(double x)
{
	return (x > 0) - (x < 0);
}

static const char *
point_class(int side, int beyond, int polarity)
{
	if (side == 0)
		return "on_forecast";
	if (polarity == 0)
		return side > 0 ? (beyond ? "above_beyond_pi" : "above_within_pi") :
			(beyond ? "below_beyond_pi" : "below_within_pi");
	return side > 0 ? (beyond ? "better_beyond_pi" : "better_within_pi") :
		(beyond ? "worse_beyond_pi" : "worse_within_pi");
}

static const char *
curve_shape(int polarity, double b, double post_slope, double b3, double tau)
{
	int			dp = polarity == 0 ? 1 : polarity;
	double		b0 = dp * b,
				b1 = dp * post_slope,
				ch = dp * b3;

	if (fabs(b3) <= tau)
		return "parallel";
	if (polarity == 0)
		return b3 > 0 ? "slope_up" : "slope_down";
	if (ch > 0)
		return b0 < 0 && b1 < 0 ? "slowed_worsening" :
			b0 < 0 ? "reversed_to_improving" : "accelerated_improvement";
	return b0 > 0 && b1 > 0 ? "slowed_improvement" :
		b0 > 0 ? "reversed_to_worsening" : "accelerated_worsening";
}

static void
curve_init(oba_curve *c)
{
	double	   *nums[] = {
		&c->baseline_intercept, &c->baseline_slope, &c->baseline_sigma, &c->baseline_df,
		&c->baseline_slope_se, &c->baseline_slope_p, &c->t_quantile, &c->level_change,
		&c->slope_change, &c->post_slope, &c->slope_change_p, &c->effect_at_last,
		&c->effect_se, &c->effect_df, &c->effect_t, &c->effect_p, &c->periods_better,
		&c->periods_worse, &c->periods_beyond_pi_better, &c->periods_beyond_pi_worse,
		&c->trailing_periods_better, &c->current_trend_periods, &c->baseline_pct_change
	};
	size_t		i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		*nums[i] = NAN;
	c->current_trend_good = -1;
}

static void
point_init(oba_curve_point *p, int period, double t, double value)
{
	p->period = period;
	p->t = t;
	p->value = value;
	p->fitted = p->pi_lower = p->pi_upper = p->se_pred = p->residual = NAN;
	p->point_class = NULL;
}

void
oba_curve_forecast(const oba_curve *c, double t0, oba_curve_point *p)
{
	const oba_ols *f = &c->baseline;
	double		dt = t0 - f->t_mean;

	point_init(p, OBA_CURVE_FUTURE, t0, NAN);
	if (isnan(c->t_quantile))
		return;
	p->fitted = f->intercept + f->slope * t0;
	p->se_pred = f->sigma * sqrt(1.0 + 1.0 / f->n + dt * dt / f->sxx);
	p->pi_lower = p->fitted - c->t_quantile * p->se_pred;
	p->pi_upper = p->fitted + c->t_quantile * p->se_pred;
	p->point_class = "forecast";
}

double
oba_series_min_step(const double *t, size_t n)
{
	double		step = NAN;
	size_t		i;

	for (i = 1; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (isnan(step) || t[i] - t[i - 1] < step)
			step = t[i] - t[i - 1];
	}
	return step;
}

int
oba_turn_the_curve(const double *t, const double *y, size_t n, double t_start,
				   int polarity, double alpha, const oba_allocator *a,
				   oba_curve *c, oba_curve_point *points, oba_error *err)
{
	const oba_ols *f = &c->baseline;
	int			dp = polarity == 0 ? 1 : polarity;
	double		maxabs = 1.0,
				tau,
				q,
				last_e = NAN,
				last_se = NAN;
	size_t		i,
				npre = 0;
	int			trailing = 1,
				s_last;

	if (oba_check_finite(err, "start", t_start) != 0 ||
		oba_check_alpha(err, "alpha", alpha) != 0)
		return -1;
	if (polarity < -1 || polarity > 1)
		return oba_fail(err, OBA_EINVAL, "polarity must be -1, 0 or 1, got %d", polarity);

	curve_init(c);
	c->polarity = polarity;
	for (i = 0; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (fabs(y[i]) > maxabs)
			maxabs = fabs(y[i]);
		if (t[i] < t_start)
			npre++;
	}
	/* the zero tolerance decides on_forecast, flat, parallel and zero variance */
	tau = 1e-12 * maxabs;
	c->tau = tau;
	c->n_pre = (double) npre;
	c->n_post = (double) (n - npre);
	if (points != NULL)
		for (i = 0; i < n; i++)
		{
			OBA_CHECK_INTERRUPTS_EVERY(i);
			point_init(&points[i], i < npre ? OBA_CURVE_BASELINE : OBA_CURVE_POST, t[i], y[i]);
		}

	/* 1. split */
	if (npre < 3)
	{
		c->status = "insufficient_baseline";
		if (points != NULL)
			for (i = 0; i < npre; i++)
				points[i].point_class = "baseline";
		return 0;
	}

	/* 2. baseline */
	oba_ols_fit(t, y, npre, &c->baseline);
	c->baseline_intercept = f->intercept;
	c->baseline_slope = f->slope;
	c->baseline_sigma = f->sigma;
	c->baseline_df = f->df;
	c->baseline_slope_se = f->se_slope;
	c->baseline_slope_p = ttest_p(f->slope, f->se_slope, f->df, tau);
	q = oba_qt(1.0 - alpha / 2.0, f->df);
	c->t_quantile = q;
	if (fabs(f->slope) <= tau)
		c->baseline_direction = "flat";
	else if (polarity == 0)
		c->baseline_direction = f->slope > 0 ? "rising" : "falling";
	else
		c->baseline_direction = polarity * f->slope > 0 ? "improving" : "worsening";
	if (points != NULL)
		for (i = 0; i < npre; i++)
		{
			OBA_CHECK_INTERRUPTS_EVERY(i);
			points[i].fitted = f->intercept + f->slope * t[i];
			points[i].residual = y[i] - points[i].fitted;
			points[i].point_class = "baseline";
		}
	if (npre == n)
	{
		c->status = "no_post_data";
		return 0;
	}

	/* 3. forecast and point classes */
	c->periods_better = c->periods_worse = 0;
	c->periods_beyond_pi_better = c->periods_beyond_pi_worse = 0;
	c->trailing_periods_better = 0;
	for (i = npre; i < n; i++)
	{
		double		dt = t[i] - f->t_mean,
					fc = f->intercept + f->slope * t[i],
					se = f->sigma * sqrt(1.0 + 1.0 / f->n + dt * dt / f->sxx),
					e = y[i] - fc;
		int			side = fabs(e) <= tau ? 0 : sign(dp * e),
					beyond = fabs(e) > q * se && fabs(e) > tau;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (side > 0)
		{
			c->periods_better++;
			if (beyond)
				c->periods_beyond_pi_better++;
			c->trailing_periods_better++;
		}
		else
		{
			if (side < 0)
			{
				c->periods_worse++;
				if (beyond)
					c->periods_beyond_pi_worse++;
			}
			c->trailing_periods_better = 0;
		}
		if (points != NULL)
		{
			points[i].fitted = fc;
			points[i].se_pred = se;
			points[i].pi_lower = fc - q * se;
			points[i].pi_upper = fc + q * se;
			points[i].residual = e;
			points[i].point_class = point_class(side, beyond, polarity);
		}
		last_e = e;
		last_se = se;
	}

	/* 4. the gap at the latest post point */
	if (n - npre == 1)
	{
		c->test_method = "prediction_interval_single_point";
		c->effect_at_last = last_e;
		c->effect_se = last_se;
		c->effect_df = f->df;
	}
	else
	{
		oba_its		its;

		/* the break is the first retained post period (t_start when observed) */
		if (oba_its_fit(t, y, n, t[npre], a, &its, err) != 0)
			return -1;
		c->test_method = "its_level_and_slope_change";
		c->level_change = its.est[OBA_ITS_LEVEL_CHANGE];
		c->slope_change = its.est[OBA_ITS_SLOPE_CHANGE];
		c->post_slope = its.post_slope;
		c->slope_change_p = ttest_p(its.est[OBA_ITS_SLOPE_CHANGE],
									its.se[OBA_ITS_SLOPE_CHANGE], its.df, tau);
		c->effect_at_last = its.effect;
		c->effect_se = its.effect_se;
		c->effect_df = its.df;
		c->curve_shape = curve_shape(polarity, f->slope, its.post_slope,
									 its.est[OBA_ITS_SLOPE_CHANGE], tau);
	}
	c->effect_p = ttest_p(c->effect_at_last, c->effect_se, c->effect_df, tau);
	if (c->effect_se > tau)
		c->effect_t = c->effect_at_last / c->effect_se;
	else if (fabs(c->effect_at_last) <= tau)
		c->effect_t = 0.0;
	else
		c->effect_t = c->effect_at_last > 0 ? INFINITY : -INFINITY;

	/* 5. status */
	if (c->effect_p < alpha && fabs(c->effect_at_last) > tau)
	{
		if (polarity == 0)
			c->status = c->effect_at_last > 0 ? "changed_up" : "changed_down";
		else
			c->status = polarity * c->effect_at_last > 0 ? "turned_better" : "turned_worse";
	}
	else
		c->status = "on_baseline";

	/* Clear Impact scorecard-style outputs over the whole retained series */
	s_last = sign(y[n - 1] - y[n - 2]);
	c->current_trend_direction = s_last > 0 ? "up" : s_last < 0 ? "down" : "flat";
	for (i = n - 2; i > 0 && sign(y[i] - y[i - 1]) == s_last; i--)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		trailing++;
	}
	c->current_trend_periods = trailing;
	c->current_trend_good = (polarity == 0 || s_last == 0) ? -1 : s_last * polarity > 0;
	if (y[0] != 0)
		c->baseline_pct_change = 100.0 * (y[n - 1] - y[0]) / y[0];
	return 0;
}
