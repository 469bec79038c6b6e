/*
 * test_curve.c: src/core/curve.c (turning the curve, definition v1) against
 * test/reference/curve_reference.csv (R 4.2.2 lm, summary.lm, vcov,
 * predict.lm, qt, pt), plus the zero-variance rules and the edge cases.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "curve.h"
#include "series_ref.h"

static void *
test_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
test_release(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static const oba_allocator A = {test_alloc, test_release, NULL};

static double
param_num(const char *params, const char *key)
{
	const char *p = strstr(params, key);

	return p ? strtod(p + strlen(key), NULL) : NAN;
}

static int
param_direction(const char *params)
{
	if (strstr(params, "direction=higher_is_better"))
		return 1;
	if (strstr(params, "direction=lower_is_better"))
		return -1;
	return 0;
}

static void
check_num(const char *label, double got, const char *want, double scale, int is_p,
		  int exact)
{
	double		w = strcmp(want, "NA") == 0 || strcmp(want, "NaN") == 0 ? NAN :
		strcmp(want, "Inf") == 0 ? INFINITY : strcmp(want, "-Inf") == 0 ? -INFINITY :
		strtod(want, NULL);

	if (exact)
	{
		unit_checks++;
		if (!(got == w || (isnan(got) && isnan(w))))
		{
			unit_failures++;
			fprintf(stderr, "%s: got %.17g, want exactly %s\n", label, got, want);
		}
	}
	else
		CHECK_CLOSE(got, w, 1e-9, is_p ? 1e-15 : 1e-9 * scale, label);
}

static void
check_text(const char *label, const char *got, const char *want)
{
	unit_checks++;
	if (strcmp(got ? got : "NA", want) != 0)
	{
		unit_failures++;
		fprintf(stderr, "%s: got %s, want %s\n", label, got ? got : "NA", want);
	}
}

static int
case_output(const oba_curve *c, const char *output, const char *want, const char *label,
			double scale)
{
	const struct
	{
		const char *name;
		const double *v;
		int			is_p;
		int			exact;
	}			nums[] = {
		{"n_pre", &c->n_pre, 0, 1}, {"n_post", &c->n_post, 0, 1},
		{"baseline_intercept", &c->baseline_intercept, 0, 0},
		{"baseline_slope", &c->baseline_slope, 0, 0},
		{"baseline_sigma", &c->baseline_sigma, 0, 0},
		{"baseline_df", &c->baseline_df, 0, 1},
		{"baseline_slope_se", &c->baseline_slope_se, 0, 0},
		{"baseline_slope_p", &c->baseline_slope_p, 1, 0},
		{"t_quantile", &c->t_quantile, 0, 0},
		{"level_change", &c->level_change, 0, 0},
		{"slope_change", &c->slope_change, 0, 0},
		{"post_slope", &c->post_slope, 0, 0},
		{"slope_change_p", &c->slope_change_p, 1, 0},
		{"effect_at_last", &c->effect_at_last, 0, 0},
		{"effect_se", &c->effect_se, 0, 0},
		{"effect_df", &c->effect_df, 0, 1},
		{"effect_t", &c->effect_t, 0, 0},
		{"effect_p", &c->effect_p, 1, 0},
		{"periods_better", &c->periods_better, 0, 1},
		{"periods_worse", &c->periods_worse, 0, 1},
		{"periods_beyond_pi_better", &c->periods_beyond_pi_better, 0, 1},
		{"periods_beyond_pi_worse", &c->periods_beyond_pi_worse, 0, 1},
		{"trailing_periods_better", &c->trailing_periods_better, 0, 1},
		{"current_trend_periods", &c->current_trend_periods, 0, 1},
		{"baseline_pct_change", &c->baseline_pct_change, 0, 0},
	};
	const struct
	{
		const char *name;
		const char *v;
	}			texts[] = {
		{"status", c->status}, {"baseline_direction", c->baseline_direction},
		{"test_method", c->test_method}, {"curve_shape", c->curve_shape},
		{"current_trend_direction", c->current_trend_direction},
		{"current_trend_good", c->current_trend_good < 0 ? NULL :
		c->current_trend_good ? "TRUE" : "FALSE"},
	};
	size_t		i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		if (strcmp(output, nums[i].name) == 0)
		{
			/* t_quantile is a quantile, not on the data's scale */
			check_num(label, *nums[i].v, want, strcmp(output, "t_quantile") == 0 ||
					  strcmp(output, "effect_t") == 0 ? 1.0 : scale, nums[i].is_p,
					  nums[i].exact);
			return 1;
		}
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (strcmp(output, texts[i].name) == 0)
		{
			check_text(label, texts[i].v, want);
			return 1;
		}
	return 0;
}

static int
point_output(const oba_curve_point *p, const char *output, const char *want,
			 const char *label, double scale)
{
	if (strcmp(output, "value") == 0)
		check_num(label, p->value, want, scale, 0, 1);
	else if (strcmp(output, "forecast") == 0)
		check_num(label, p->fitted, want, scale, 0, 0);
	else if (strcmp(output, "pi_lower") == 0)
		check_num(label, p->pi_lower, want, scale, 0, 0);
	else if (strcmp(output, "pi_upper") == 0)
		check_num(label, p->pi_upper, want, scale, 0, 0);
	else if (strcmp(output, "se_pred") == 0)
		check_num(label, p->se_pred, want, scale, 0, 0);
	else if (strcmp(output, "residual") == 0)
		check_num(label, p->residual, want, scale, 0, 0);
	else if (strcmp(output, "point_class") == 0)
		check_text(label, p->point_class, want);
	else
		return 0;
	return 1;
}

static void
reference_rows(void)
{
	csv_file	c;
	int			rows = 0,
				cases = 0;
	char		current[16] = "";
	oba_curve	cv;
	oba_curve_point pts[REF_MAX_POINTS];
	double		t[REF_MAX_POINTS],
				y[REF_MAX_POINTS],
				scale = 1;
	int			n = 0;

	csv_open(&c, "test/reference/curve_reference.csv");
	while (csv_next(&c))
	{
		const char *id = csv_get(&c, "case_id"),
				   *params = csv_get(&c, "params"),
				   *output = csv_get(&c, "output"),
				   *want = csv_get(&c, "value");
		double		tp = csv_num(&c, "t");
		char		label[128];
		int			ok = 0,
					i;

		if (strcmp(id, current) != 0)
		{
			const ref_series *s = ref_find(id);
			oba_error	err;

			snprintf(current, sizeof(current), "%s", id);
			n = ref_retained(s, t, y);
			scale = ref_maxabs(s);
			CHECK(oba_turn_the_curve(t, y, (size_t) n, param_num(params, "t_start="),
									 param_direction(params), param_num(params, "alpha="),
									 &A, &cv, pts, &err) == 0);
			cases++;
		}
		rows++;
		snprintf(label, sizeof(label), "%s t=%g %s", id, tp, output);
		if (isnan(tp))
			ok = case_output(&cv, output, want, label, scale);
		else
			for (i = 0; i < n; i++)
				if (pts[i].t == tp)
				{
					CHECK(pts[i].period == OBA_CURVE_POST);
					ok = point_output(&pts[i], output, want, label, scale);
					break;
				}
		if (!ok)
		{
			unit_checks++;
			unit_failures++;
			fprintf(stderr, "unhandled reference row: %s\n", label);
		}
	}
	csv_close(&c);
	CHECK(rows == 471 && cases == 10);
	printf("curve_reference: %d rows in %d cases checked\n", rows, cases);
}

static void
zero_variance(void)
{
	/* a perfectly linear baseline and one post point on the line: on_forecast, p = 1 */
	double		t[6] = {1, 2, 3, 4, 5, 6},
				y[6] = {10, 12, 14, 16, 18, 20};
	oba_curve	c;
	oba_curve_point p[6];
	oba_error	err;

	CHECK(oba_turn_the_curve(t, y, 6, 6, 1, 0.05, &A, &c, p, &err) == 0);
	CHECK(strcmp(c.status, "on_baseline") == 0 && c.effect_p == 1.0 && c.effect_t == 0.0);
	CHECK(strcmp(p[5].point_class, "on_forecast") == 0);
	CHECK(strcmp(c.baseline_direction, "improving") == 0 && c.baseline_slope_p == 0.0);
	/* one post point off an exact baseline: p = 0, t infinite, turned */
	y[5] = 21;
	CHECK(oba_turn_the_curve(t, y, 6, 6, 1, 0.05, &A, &c, p, &err) == 0);
	CHECK(strcmp(c.status, "turned_better") == 0 && c.effect_p == 0.0 && isinf(c.effect_t));
	CHECK(strcmp(p[5].point_class, "better_beyond_pi") == 0);
	/* lower is better: the same gap is worse */
	CHECK(oba_turn_the_curve(t, y, 6, 6, -1, 0.05, &A, &c, p, &err) == 0);
	CHECK(strcmp(c.status, "turned_worse") == 0);
	CHECK(strcmp(c.baseline_direction, "worsening") == 0);
	/* an exact ITS fit with two post points on the baseline: parallel */
	y[5] = 20;
	CHECK(oba_turn_the_curve(t, y, 6, 5, 1, 0.05, &A, &c, p, &err) == 0);
	CHECK(strcmp(c.curve_shape, "parallel") == 0 && strcmp(c.status, "on_baseline") == 0);
	/* a flat baseline */
	{
		double		f[5] = {3, 3, 3, 3, 4};

		CHECK(oba_turn_the_curve(t, f, 5, 5, 0, 0.05, &A, &c, p, &err) == 0);
		CHECK(strcmp(c.baseline_direction, "flat") == 0 && strcmp(c.status, "changed_up") == 0);
		CHECK(strcmp(p[4].point_class, "above_beyond_pi") == 0);
		CHECK(c.current_trend_good == -1 && strcmp(c.current_trend_direction, "up") == 0);
	}
}

static void
edges(void)
{
	double		t[5] = {1, 2, 3, 4, 5},
				y[5] = {0, 2, 1, 3, 2};
	oba_curve	c;
	oba_curve_point p[5],
				f;
	oba_error	err;

	/* too few baseline points: a status, not an error */
	CHECK(oba_turn_the_curve(t, y, 5, 3, 1, 0.05, &A, &c, p, &err) == 0);
	CHECK(strcmp(c.status, "insufficient_baseline") == 0 && c.n_pre == 2 && c.n_post == 3);
	CHECK(isnan(c.baseline_slope) && c.baseline_direction == NULL);
	CHECK(strcmp(p[0].point_class, "baseline") == 0 && p[3].point_class == NULL);
	/* no post data */
	CHECK(oba_turn_the_curve(t, y, 5, 9, 1, 0.05, &A, &c, p, &err) == 0);
	CHECK(strcmp(c.status, "no_post_data") == 0 && c.n_pre == 5 && !isnan(c.baseline_slope));
	CHECK(isnan(c.effect_p) && c.current_trend_direction == NULL);
	/* baseline_pct_change undefined from 0 */
	CHECK(oba_turn_the_curve(t, y, 5, 4, 1, 0.05, &A, &c, p, &err) == 0);
	CHECK(isnan(c.baseline_pct_change));
	/* a forecast beyond the series */
	oba_curve_forecast(&c, 7, &f);
	CHECK(f.period == OBA_CURVE_FUTURE && strcmp(f.point_class, "forecast") == 0);
	CHECK_CLOSE(f.fitted, c.baseline_intercept + 7 * c.baseline_slope, 1e-12, 0, "forecast");
	CHECK(f.pi_lower < f.fitted && f.fitted < f.pi_upper && isnan(f.value));
	CHECK(oba_series_min_step(t, 5) == 1);
	/* bad alpha and start */
	CHECK(oba_turn_the_curve(t, y, 5, 4, 1, 1.0, &A, &c, p, &err) == -1);
	CHECK(strstr(err.message, "alpha") != NULL);
	CHECK(oba_turn_the_curve(t, y, 5, NAN, 1, 0.05, &A, &c, p, &err) == -1);
	CHECK(strstr(err.message, "start") != NULL);
}

int
main(void)
{
	ref_load();
	reference_rows();
	zero_variance();
	edges();
	return unit_done("test_curve");
}
