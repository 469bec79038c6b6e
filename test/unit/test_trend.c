/*
 * test_trend.c: src/core/trend.c against test/reference/trend_reference.csv
 * (R 4.2.2 lm/predict.lm/cor.test/prop.trend.test, trend 1.1.6, zyp) and
 * fingertips_trend_reference.csv (the Fingertips recent-trend algorithm),
 * plus the pieces: the centred sums, ties, the Sen rank rule, the exact
 * Kendall distribution, segmented regression, edge cases; the O(n log n)
 * Mann-Kendall and Sen against a brute-force O(n^2) computation on random
 * series, and the interrupt checks of the long loops. The tests of issue
 * 14 (Hamed-Rao, pre-whitening, seasonal Mann-Kendall, Pettitt, the broken
 * line) against trend_tests_reference.csv (base R from the papers), FFT
 * against direct autocorrelations, the seasonal slope and Pettitt's U by
 * their definitions, the broken line's RSS against a fine grid.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "trend.h"
#include "series_ref.h"

#include <stdint.h>

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

static int	rows_checked = 0,
			rows_segmented = 0;

/* ---- one reference row ---- */

typedef struct got_value
{
	int			is_text;
	double		num;
	char		text[64];
} got_value;

static void
set_num(got_value *g, double v)
{
	g->is_text = 0;
	g->num = v;
}

static void
set_text(got_value *g, const char *s)
{
	g->is_text = 1;
	snprintf(g->text, sizeof(g->text), "%s", s ? s : "NA");
}

static int
is_exact_output(const char *o)
{
	static const char *const exact[] = {"n_used", "S", "varS", "n_pairs", "rank_lo",
	"rank_up", "df", "k", NULL};
	int			i;

	for (i = 0; exact[i]; i++)
		if (strcmp(o, exact[i]) == 0)
			return 1;
	return 0;
}

static int
is_p_output(const char *o)
{
	size_t		len = strlen(o);

	return strncmp(o, "p_", 2) == 0 || (len > 2 && strcmp(o + len - 2, "_p") == 0);
}

static void
compare(const char *id, const char *method, const char *output, const char *want,
		const got_value *g, double scale)
{
	char		label[160];

	snprintf(label, sizeof(label), "%s %s %s", id, method, output);
	rows_checked++;
	if (g->is_text)
	{
		/* an undefined sign string is NULL in oba; R prints NaN signs */
		const char *w = strncmp(want, "NaN", 3) == 0 ? "" : want;

		unit_checks++;
		if (strcmp(g->text, w) != 0)
		{
			unit_failures++;
			fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", label, g->text, want);
		}
		return;
	}
	{
		double		w = (strcmp(want, "NA") == 0 || strcmp(want, "NaN") == 0) ? NAN :
			strcmp(want, "Inf") == 0 ? INFINITY : strcmp(want, "-Inf") == 0 ? -INFINITY :
			strtod(want, NULL);

		if (isnan(w))
		{
			unit_checks++;
			if (!isnan(g->num))
			{
				unit_failures++;
				fprintf(stderr, "%s: got %.17g, want NA\n", label, g->num);
			}
		}
		else if (strcmp(output, "t_slope") == 0 && (isinf(w) || fabs(w) > 1e12))
		{
			/* an exact straight line: R prints Inf or QR noise such as 1e16 */
			CHECK((g->num > 0) == (w > 0) && fabs(g->num) > 1e12);
		}
		else if (is_exact_output(output))
		{
			unit_checks++;
			if (g->num != w)
			{
				unit_failures++;
				fprintf(stderr, "%s: got %.17g, want exactly %.17g\n", label, g->num, w);
			}
		}
		else if (is_p_output(output))
			CHECK_CLOSE(g->num, w, 1e-9, 1e-15, label);
		else
			CHECK_CLOSE(g->num, w, 1e-9, 1e-9 * scale, label);
	}
}

static int
mk_output(const ref_series *s, const char *output, got_value *g)
{
	double		t[REF_MAX_POINTS],
				y[REF_MAX_POINTS];
	int			n = ref_retained(s, t, y);
	oba_mk_result r;
	oba_error	err;

	CHECK(oba_mann_kendall(t, y, (size_t) n, &A, &r, &err) == 0);
#define MAP(name, field) if (strcmp(output, name) == 0) { set_num(g, r.field); return 1; }
	MAP("n_used", n);
	MAP("S", s);
	MAP("varS", var_s);
	MAP("tau_b", tau);
	MAP("z_cc", z);
	MAP("p_cc", p);
	MAP("z_nocc", z_nocc);
	MAP("p_nocc", p_nocc);
	MAP("p_exact", p_exact);
	MAP("slope", sen_slope);
	MAP("intercept", sen_intercept);
	MAP("n_pairs", sen_pairs);
	MAP("C_alpha", sen_c);
	MAP("rank_lo", sen_rank_lower);
	MAP("rank_up", sen_rank_upper);
	MAP("ci_lower", sen_lower);
	MAP("ci_upper", sen_upper);
#undef MAP
	return 0;
}

static int
ols_output(const ref_series *s, const char *output, got_value *g)
{
	double		t[REF_MAX_POINTS],
				y[REF_MAX_POINTS];
	int			n = ref_retained(s, t, y);
	oba_ols		f;

	oba_ols_fit(t, y, (size_t) n, &f);
#define MAP(name, field) if (strcmp(output, name) == 0) { set_num(g, f.field); return 1; }
	MAP("intercept", intercept);
	MAP("slope", slope);
	MAP("se_intercept", se_intercept);
	MAP("se_slope", se_slope);
	MAP("t_slope", t_slope);
	MAP("p_slope", p_slope);
	MAP("sigma", sigma);
	MAP("df", df);
	MAP("r_squared", r_squared);
#undef MAP
	if (strncmp(output, "pred_t", 6) == 0)
	{
		char	   *end;
		double		t0 = strtod(output + 6, &end),
					fit,
					cil,
					ciu,
					pil,
					piu,
					se;

		oba_ols_predict(&f, t0, 0.95, &fit, &cil, &ciu, &pil, &piu, &se);
		if (strcmp(end, "_fit") == 0)
			set_num(g, fit);
		else if (strcmp(end, "_pi_lower") == 0)
			set_num(g, pil);
		else if (strcmp(end, "_pi_upper") == 0)
			set_num(g, piu);
		else if (strcmp(end, "_ci_lower") == 0)
			set_num(g, cil);
		else if (strcmp(end, "_ci_upper") == 0)
			set_num(g, ciu);
		else
			return 0;
		return 1;
	}
	return 0;
}

static int
its_output(const ref_series *s, const char *params, const char *output, got_value *g)
{
	double		t[REF_MAX_POINTS],
				y[REF_MAX_POINTS],
				brk = strtod(strstr(params, "t >= ") + 5, NULL);
	int			n = ref_retained(s, t, y);
	oba_its		r;
	oba_error	err;
	static const char *const names[4] = {"intercept", "pre_slope", "level_change",
	"slope_change"};
	int			i;

	CHECK(oba_its_fit(t, y, (size_t) n, brk, &A, &r, &err) == 0);
	for (i = 0; i < 4; i++)
	{
		size_t		len = strlen(names[i]);

		if (strncmp(output, names[i], len) == 0 && output[len] == '_')
		{
			const char *suffix = output + len + 1;

			if (strcmp(suffix, "est") == 0)
				set_num(g, r.est[i]);
			else if (strcmp(suffix, "se") == 0)
				set_num(g, r.se[i]);
			else if (strcmp(suffix, "t") == 0)
				set_num(g, r.tval[i]);
			else if (strcmp(suffix, "p") == 0)
				set_num(g, r.p[i]);
			else
				return 0;
			return 1;
		}
	}
#define MAP(name, field) if (strcmp(output, name) == 0) { set_num(g, r.field); return 1; }
	MAP("post_slope_est", post_slope);
	MAP("post_slope_se", post_slope_se);
	MAP("effect_at_last_t_est", effect);
	MAP("effect_at_last_t_se", effect_se);
	MAP("effect_at_last_t_p", effect_p);
	MAP("sigma", sigma);
	MAP("df", df);
#undef MAP
	return 0;
}

static int
chisq_output(const ref_series *s, const char *params, const char *output, got_value *g)
{
	double		score[REF_MAX_POINTS];
	oba_chisq_trend_result r;
	int			i;

	for (i = 0; i < s->n; i++)
		score[i] = strstr(params, "score = t") ? s->t[i] : i + 1;
	oba_chisq_trend(s->numerator, s->denominator, score, (size_t) s->n, &r);
	if (strcmp(output, "k") == 0)
		set_num(g, r.k);
	else if (strcmp(output, "X2") == 0)
		set_num(g, r.x2);
	else if (strcmp(output, "p_value") == 0)
		set_num(g, r.p_value);
	else
		return 0;
	return 1;
}

static int
recent_output(const ref_series *s, int ci, const char *output, got_value *g)
{
	double		rows[REF_MAX_POINTS * 4];
	oba_recent_trend r;
	oba_error	err;
	int			i;

	for (i = 0; i < s->n; i++)
	{
		if (ci)
		{
			rows[i * 4] = s->t[i];
			rows[i * 4 + 1] = s->value[i];
			rows[i * 4 + 2] = s->lower[i];
			rows[i * 4 + 3] = s->upper[i];
		}
		else
		{
			rows[i * 3] = s->t[i];
			rows[i * 3 + 1] = s->numerator[i];
			rows[i * 3 + 2] = s->denominator[i];
		}
	}
	/* the CI-weighted rows of trend_reference use the DHSC port's constant */
	if (ci)
		CHECK(oba_recent_trend_ci(rows, (size_t) s->n, 5, 0, OBA_TREND_DHSC, &r, &err) == 0);
	else
		CHECK(oba_recent_trend_proportion(rows, (size_t) s->n, 5, 0, OBA_TREND_FINGERTIPS,
										  &r, &err) == 0);
	if (strcmp(output, "chi2") == 0)
		set_num(g, r.chi2);
	else if (strcmp(output, "p_value") == 0)
		set_num(g, r.p_value);
	else if (strcmp(output, "logit_slope") == 0 || strcmp(output, "slope") == 0)
		set_num(g, r.slope);
	else if (strcmp(output, "loo_slope_signs") == 0)
		set_text(g, r.loo_signs);
	else if (strcmp(output, "significant") == 0)
		set_text(g, r.significant ? "TRUE" : "FALSE");
	else if (strcmp(output, "outlier_found") == 0)
		set_text(g, r.outlier_found ? "TRUE" : "FALSE");
	else if (strcmp(output, "marker") == 0)
		set_text(g, r.trend);
	else
		return 0;
	return 1;
}

static void
reference_rows(void)
{
	csv_file	c;

	csv_open(&c, "test/reference/trend_reference.csv");
	while (csv_next(&c))
	{
		const char *id = csv_get(&c, "series_id"),
				   *method = csv_get(&c, "method"),
				   *params = csv_get(&c, "params"),
				   *output = csv_get(&c, "output"),
				   *want = csv_get(&c, "value");
		const ref_series *s = ref_find(id);
		got_value	g;
		int			ok;

		memset(&g, 0, sizeof(g));
		if (strcmp(method, "mann_kendall") == 0 || strcmp(method, "sens_slope") == 0)
			ok = mk_output(s, output, &g);
		else if (strcmp(method, "ols_linear") == 0)
			ok = ols_output(s, output, &g);
		else if (strcmp(method, "its_segmented") == 0)
			ok = its_output(s, params, output, &g);
		else if (strcmp(method, "prop_trend_test") == 0)
			ok = chisq_output(s, params, output, &g);
		else if (strcmp(method, "fingertips_recent_trend") == 0)
			ok = recent_output(s, 0, output, &g);
		else if (strcmp(method, "fingertips_recent_trend_other") == 0)
			ok = recent_output(s, 1, output, &g);
		else if (strcmp(method, "segmented_unknown_break") == 0)
		{
			/* segmented 1.6.2's iteration: oba's exact estimate, to its 1e-6 */
			double		t[REF_MAX_POINTS],
						y[REF_MAX_POINTS];
			int			n = ref_retained(s, t, y);
			oba_broken_line_result r;
			oba_error	err;
			double		w = strtod(want, NULL),
						v = NAN;

			CHECK(oba_broken_line(t, y, (size_t) n, 3, &A, &r, &err) == 0);
			v = strcmp(output, "psi_est") == 0 ? r.psi : strcmp(output, "psi_se") == 0 ? r.psi_se :
				strcmp(output, "slope1") == 0 ? r.slope_before :
				strcmp(output, "slope2") == 0 ? r.slope_after :
				strcmp(output, "davies_p") == 0 ? r.davies_p : NAN;
			CHECK_CLOSE(v, w, 1e-6, 1e-12, output);
			rows_segmented++;
			continue;
		}
		else
			ok = 0;
		if (!ok)
		{
			unit_checks++;
			unit_failures++;
			fprintf(stderr, "unhandled reference row: %s %s %s\n", id, method, output);
			continue;
		}
		compare(id, method, output, want, &g, ref_maxabs(s));
	}
	csv_close(&c);
	printf("trend_reference: %d rows checked, and %d segmented_unknown_break rows at 1e-6\n",
		   rows_checked, rows_segmented);
	CHECK(rows_checked + rows_segmented == 836 && rows_segmented == 5);
}

/* the file capitalises the first letter: "Increasing" */
static int
same_label(const char *got, const char *want)
{
	return got[0] != '\0' && (got[0] == want[0] || got[0] - 'a' + 'A' == want[0]) &&
		strcmp(got + 1, want + 1) == 0;
}

/* fingertips_trend_reference.csv: both methods, the service's constants */
static void
fingertips_rows(void)
{
	csv_file	c;
	double		prop[5 * 3],
				ci[5 * 4];
	int			i = 0,
				cases = 0;

	csv_open(&c, "test/reference/fingertips_trend_reference.csv");
	while (csv_next(&c))
	{
		oba_recent_trend rp,
					rc;
		oba_error	err;
		char		label[64];
		const char *want;

		prop[i * 3] = ci[i * 4] = csv_num(&c, "year");
		prop[i * 3 + 1] = csv_num(&c, "count");
		prop[i * 3 + 2] = csv_num(&c, "denominator");
		ci[i * 4 + 1] = csv_num(&c, "value");
		ci[i * 4 + 2] = csv_num(&c, "lower95");
		ci[i * 4 + 3] = csv_num(&c, "upper95");
		if (++i < 5)
			continue;
		i = 0;
		cases++;
		snprintf(label, sizeof(label), "fingertips %s", csv_get(&c, "case_id"));
		CHECK(oba_recent_trend_proportion(prop, 5, 5, 0, OBA_TREND_FINGERTIPS, &rp, &err) == 0);
		CHECK(oba_recent_trend_ci(ci, 5, 5, 0, OBA_TREND_FINGERTIPS, &rc, &err) == 0);
		CHECK_CLOSE(rc.chi2, csv_num(&c, "ci_method_chi2"), 1e-9, 0, label);
		CHECK_CLOSE(rc.slope, csv_num(&c, "ci_method_slope"), 1e-9, 0, label);
		CHECK((!rc.outlier_found) == ref_bool(csv_get(&c, "ci_method_robust")));
		CHECK((rc.significant && !rc.outlier_found) ==
			  ref_bool(csv_get(&c, "ci_method_significant")));
		want = csv_get(&c, "ci_method_marker");
		CHECK(same_label(rc.trend, want));
		CHECK_CLOSE(rp.chi2, csv_num(&c, "spc_chi2"), 1e-9, 0, label);
		CHECK_CLOSE(rp.slope, csv_num(&c, "spc_logit_slope"), 1e-9, 0, label);
		CHECK((!rp.outlier_found) == ref_bool(csv_get(&c, "spc_robust")));
		CHECK((rp.significant && !rp.outlier_found) ==
			  ref_bool(csv_get(&c, "spc_significant")));
		want = csv_get(&c, "spc_marker");
		CHECK(same_label(rp.trend, want));
	}
	csv_close(&c);
	CHECK(cases == 4);
	printf("fingertips_trend_reference: %d cases (20 rows), both methods\n", cases);
}

/* ---- the pieces ---- */

static void
centred_sums(void)
{
	double		t[5] = {1, 2, 3, 4, 5},
				c[5] = {0.1, 0.1, 0.1, 0.1, 0.1},
				line[5] = {3, 5, 7, 9, 11},
				big[5] = {2019, 2020, 2021, 2022, 2023},
				fit,
				cil,
				ciu,
				pil,
				piu,
				se;
	oba_ols		f;

	/* a constant series: exact zeros, undefined t, p and r^2 */
	oba_ols_fit(t, c, 5, &f);
	CHECK(f.slope == 0.0 && f.intercept == 0.1 && f.sigma == 0.0);
	CHECK(f.se_slope == 0.0 && f.se_intercept == 0.0);
	CHECK(isnan(f.t_slope) && isnan(f.p_slope) && isnan(f.r_squared));
	oba_ols_predict(&f, 6, 0.95, &fit, &cil, &ciu, &pil, &piu, &se);
	CHECK(fit == 0.1 && pil == 0.1 && piu == 0.1 && cil == 0.1 && ciu == 0.1);
	/* an exact line: s = 0, t infinite, p = 0, r^2 = 1 */
	oba_ols_fit(t, line, 5, &f);
	CHECK(f.slope == 2.0 && f.intercept == 1.0 && f.rss == 0.0);
	CHECK(isinf(f.t_slope) && f.t_slope > 0 && f.p_slope == 0.0 && f.r_squared == 1.0);
	/* years as t: the centred sums keep the slope exact */
	oba_ols_fit(big, line, 5, &f);
	CHECK(f.slope == 2.0 && f.rss == 0.0);
	CHECK_CLOSE(f.intercept, 3 - 2.0 * 2019, 1e-15, 0, "intercept at year 0");
	/* two points: the line only */
	oba_ols_fit(t, line, 2, &f);
	CHECK(f.slope == 2.0 && isnan(f.sigma) && isnan(f.se_slope) && isnan(f.p_slope));
	oba_ols_predict(&f, 6, 0.95, &fit, &cil, &ciu, &pil, &piu, &se);
	CHECK(fit == 13.0 && isnan(pil));
	/* fewer: nothing */
	oba_ols_fit(t, line, 1, &f);
	CHECK(isnan(f.slope) && f.n == 1);
	/* n = 3: df 1, q = 12.706 */
	{
		double		y3[3] = {1, 3, 2};

		oba_ols_fit(t, y3, 3, &f);
		CHECK(f.df == 1);
		oba_ols_predict(&f, 4, 0.95, &fit, &cil, &ciu, &pil, &piu, &se);
		CHECK_CLOSE((piu - fit) / se, 12.706204736174694, 1e-12, 0, "qt(0.975, 1)");
	}
}

static void
ties_and_sums(void)
{
	double		y[7] = {1, 2, 2, 3, 3, 3, 4},
				scratch[14],
				s,
				v,
				tau,
				tied;

	/* S: 21 pairs, 4 tied (1 + 3), all others increasing */
	oba_mk_sums(y, 7, scratch, &s, &v, &tau, &tied);
	CHECK(s == 17 && tied == 4);
	/* var = [7*6*19 - (2*1*9 + 3*2*11)]/18 = (798 - 84)/18 */
	CHECK(v == (798.0 - 84.0) / 18.0);
	CHECK_CLOSE(tau, 17 / sqrt((21.0 - 4.0) * 21.0), 1e-15, 0, "tau-b");
	/* every value equal: var 0, tau defined as 0 */
	{
		double		c[4] = {5, 5, 5, 5},
					t[4] = {1, 2, 3, 4};
		oba_mk_result r;
		oba_error	err;

		CHECK(oba_mann_kendall(t, c, 4, &A, &r, &err) == 0);
		CHECK(r.s == 0 && r.var_s == 0 && r.z == 0 && r.p == 1 && r.tau == 0);
		CHECK(isnan(r.p_exact));	/* ties */
		CHECK(r.sen_slope == 0 && r.sen_intercept == 5);
	}
	/* fewer than 3 values: only n */
	{
		double		t[2] = {1, 2},
					yy[2] = {1, 5};
		oba_mk_result r;
		oba_error	err;

		CHECK(oba_mann_kendall(t, yy, 2, &A, &r, &err) == 0);
		CHECK(r.n == 2 && isnan(r.s) && isnan(r.p) && isnan(r.sen_slope));
	}
}

static void
sen_rank_rule(void)
{
	double		c,
				lo,
				up;

	/* half to even: with C = 0 and N = 3, round(1.5) = 2 and round(2.5) = 2 */
	oba_sen_ranks(3, 0, &c, &lo, &up);
	CHECK(c == 0 && lo == 2 && up == 2);
	/* N = 36, var 26.667 (T10): C = 10.12, ranks 13 and 24 */
	oba_sen_ranks(36, 80.0 / 3.0, &c, &lo, &up);
	CHECK(lo == 13 && up == 24);
	/* n = 4 without ties: N = 6, var 8.667, C = 5.77: ranks 0 and 7, outside */
	oba_sen_ranks(6, 26.0 / 3.0, &c, &lo, &up);
	CHECK(lo == 0 && up == 7);
	CHECK(oba_round_half_even(0.5) == 0 && oba_round_half_even(1.5) == 2 &&
		  oba_round_half_even(2.5) == 2 && oba_round_half_even(-0.5) == 0 &&
		  oba_round_half_even(-1.5) == -2 && oba_round_half_even(2.4999) == 2);
	/* irregular times: slopes use the actual t, not the index */
	{
		double		t[4] = {2012, 2013, 2016, 2017},
					y[4] = {1, 2, 5, 6};
		oba_mk_result r;
		oba_error	err;

		CHECK(oba_mann_kendall(t, y, 4, &A, &r, &err) == 0);
		CHECK(r.sen_slope == 1.0);
		CHECK_CLOSE(r.sen_intercept, -2011, 1e-15, 0, "intercept median(y - slope t)");
	}
}

static void
kendall_exact(void)
{
	/* n = 3: c(k) = 1 2 2 1 over 3! = 6 */
	CHECK_CLOSE(oba_kendall_cdf(0, 3, &A), 1.0 / 6, 1e-15, 0, "P(T<=0), n=3");
	CHECK_CLOSE(oba_kendall_cdf(1, 3, &A), 3.0 / 6, 1e-15, 0, "P(T<=1), n=3");
	CHECK_CLOSE(oba_kendall_cdf(2, 3, &A), 5.0 / 6, 1e-15, 0, "P(T<=2), n=3");
	CHECK(oba_kendall_cdf(3, 3, &A) == 1.0 && oba_kendall_cdf(-1, 3, &A) == 0.0);
	/* n = 4: 1 3 5 6 5 3 1 over 24 */
	CHECK_CLOSE(oba_kendall_cdf(2, 4, &A), 9.0 / 24, 1e-15, 0, "P(T<=2), n=4");
	/* against the direct sums of the definition, at n = 12, every q */
	{
		double		c[13][67];
		int			m,
					k,
					i,
					ok = 1;
		double		fact = 1,
					run = 0;

		memset(c, 0, sizeof(c));
		c[1][0] = 1;
		for (m = 2; m <= 12; m++)
			for (k = 0; k <= m * (m - 1) / 2; k++)
				for (i = 0; i < m && i <= k; i++)
					c[m][k] += c[m - 1][k - i];
		for (m = 2; m <= 12; m++)
			fact *= m;
		for (k = 0; k < 66; k++)
		{
			run += c[12][k];
			ok &= unit_close(oba_kendall_cdf(k, 12, &A), run / fact, 1e-13, 0);
		}
		CHECK(ok);
	}
	/* symmetry at n = 10 */
	CHECK_CLOSE(oba_kendall_cdf(10, 10, &A), 1 - oba_kendall_cdf(34, 10, &A), 1e-13, 0,
				"symmetry n=10");
}

static void
its_edges(void)
{
	double		t[6] = {1, 2, 3, 4, 5, 6},
				y[6] = {1, 2, 3, 10, 12, 14};
	oba_its		r;
	oba_error	err;

	/* two exact lines: level change 10 - 4 = 6, slope change 1 */
	CHECK(oba_its_fit(t, y, 6, 4, &A, &r, &err) == 0);
	CHECK(r.n_pre == 3 && r.n_post == 3 && r.df == 2);
	CHECK_CLOSE(r.est[OBA_ITS_LEVEL_CHANGE], 6, 1e-12, 1e-12, "level change");
	CHECK_CLOSE(r.est[OBA_ITS_SLOPE_CHANGE], 1, 1e-12, 1e-12, "slope change");
	CHECK_CLOSE(r.post_slope, 2, 1e-12, 1e-12, "post slope");
	CHECK_CLOSE(r.effect, 6 + 1 * 2, 1e-12, 1e-12, "effect at last");
	CHECK(r.sigma < 1e-12);
	/* one post point: undefined */
	CHECK(oba_its_fit(t, y, 6, 6, &A, &r, &err) == 0);
	CHECK(r.n_post == 1 && isnan(r.est[0]) && isnan(r.effect));
	/* n = 4: undefined */
	CHECK(oba_its_fit(t, y, 4, 3, &A, &r, &err) == 0);
	CHECK(isnan(r.sigma));
}

static void
chisq_edges(void)
{
	double		x[3] = {0, 0, 0},
				n[3] = {10, 10, 10},
				s[3] = {1, 2, 3},
				x2[3] = {1, 5, 9};
	oba_chisq_trend_result r;

	oba_chisq_trend(x, n, s, 3, &r);
	CHECK(r.k == 3 && isnan(r.x2) && isnan(r.p_value));
	oba_chisq_trend(n, n, s, 3, &r);
	CHECK(isnan(r.x2));
	/* non-integer denominators are fine */
	n[1] = 10.5;
	oba_chisq_trend(x2, n, s, 3, &r);
	CHECK(r.x2 > 0 && r.p_value > 0 && r.p_value < 1);
}

static void
recent_edges(void)
{
	double		rows[6 * 3] = {
		1, 10, 100, 2, 12, 100, 3, 15, 100, 4, NAN, NAN, 5, 20, 100, 6, 25, 100
	};
	oba_recent_trend r;
	oba_error	err;

	/* a missing point inside the last five breaks the run */
	CHECK(oba_recent_trend_proportion(rows, 6, 5, 1, OBA_TREND_FINGERTIPS, &r, &err) == 0);
	CHECK(strcmp(r.trend, "cannot be calculated") == 0 && r.points == 2);
	CHECK(strcmp(r.marker, "cannot be calculated") == 0 && isnan(r.chi2));
	/* three points after the gap are enough with points = 3 ... */
	{
		double		more[5 * 3] = {1, 100, 1000, 2, 200, 1000, 3, 300, 1000, 4, 400, 1000,
		5, 500, 1000};

		CHECK(oba_recent_trend_proportion(more, 5, 5, 1, OBA_TREND_FINGERTIPS, &r, &err) == 0);
		CHECK(strcmp(r.trend, "increasing") == 0);
		CHECK(strcmp(r.marker, "increasing and getting better") == 0);
		CHECK(oba_recent_trend_proportion(more, 5, 5, -1, OBA_TREND_FINGERTIPS, &r, &err) == 0);
		CHECK(strcmp(r.marker, "increasing and getting worse") == 0);
		CHECK(strcmp(r.loo_signs, "+++++") == 0 && !r.outlier_found && r.significant);
	}
	/* ... and points must be 3 to 20 */
	CHECK(oba_recent_trend_proportion(rows, 6, 2, 1, OBA_TREND_FINGERTIPS, &r, &err) == -1);
	CHECK(strstr(err.message, "points") != NULL);
	/* count = denominator: a logit is infinite */
	{
		double		full[5 * 3] = {1, 10, 10, 2, 5, 10, 3, 6, 10, 4, 7, 10, 5, 8, 10};

		CHECK(oba_recent_trend_proportion(full, 5, 5, 0, OBA_TREND_FINGERTIPS, &r, &err) == 0);
		CHECK(strcmp(r.trend, "cannot be calculated") == 0 && isnan(r.slope));
	}
	/* a zero-width interval: cannot be calculated */
	{
		double		ci[5 * 4] = {1, 5, 5, 5, 2, 6, 5, 7, 3, 7, 6, 8, 4, 8, 7, 9, 5, 9, 8, 10};

		CHECK(oba_recent_trend_ci(ci, 5, 5, 0, OBA_TREND_FINGERTIPS, &r, &err) == 0);
		CHECK(strcmp(r.trend, "cannot be calculated") == 0);
	}
	/* decreasing and lower is better */
	{
		double		down[5 * 4] = {1, 50, 49, 51, 2, 45, 44, 46, 3, 40, 39, 41, 4, 35, 34, 36,
		5, 30, 29, 31};

		CHECK(oba_recent_trend_ci(down, 5, 5, -1, OBA_TREND_FINGERTIPS, &r, &err) == 0);
		CHECK(strcmp(r.marker, "decreasing and getting better") == 0);
		CHECK(oba_recent_trend_ci(down, 5, 5, 1, OBA_TREND_FINGERTIPS, &r, &err) == 0);
		CHECK(strcmp(r.marker, "decreasing and getting worse") == 0);
	}
}

/* ---- the O(n log n) Mann-Kendall and Sen against the O(n^2) definitions ---- */

static int
cmp_dbl(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

typedef struct brute_mk
{
	double		s,
				var_s,
				slope,
				lower,
				upper,
				intercept;
} brute_mk;

/*
 * Every pair, as the definitions say: S = sum sign(y_j - y_i), the variance
 * with tie groups found pair by pair, the slopes sorted, and the medians.
 */
static void
brute_force(const double *t, const double *y, size_t n, brute_mk *b)
{
	size_t		npairs = n * (n - 1) / 2,
				i,
				j,
				k = 0;
	double	   *d = malloc(sizeof(double) * npairs),
			   *r = malloc(sizeof(double) * n),
				ties = 0,
				c,
				lo,
				up;
	long long	s = 0;

	for (i = 0; i + 1 < n; i++)
		for (j = i + 1; j < n; j++)
		{
			s += (y[j] > y[i]) - (y[j] < y[i]);
			d[k++] = (y[j] - y[i]) / (t[j] - t[i]);
		}
	/* a tie group of size g, counted at its first member */
	for (i = 0; i < n; i++)
	{
		double		g = 1;
		int			first = 1;

		for (j = 0; j < n; j++)
			if (j != i && y[j] == y[i])
			{
				if (j < i)
					first = 0;
				g++;
			}
		if (first && g > 1)
			ties += g * (g - 1) * (2 * g + 5);
	}
	b->s = (double) s;
	b->var_s = ((double) n * (n - 1) * (2.0 * n + 5) - ties) / 18.0;
	qsort(d, npairs, sizeof(double), cmp_dbl);
	b->slope = npairs % 2 ? d[npairs / 2] : (d[npairs / 2 - 1] + d[npairs / 2]) / 2.0;
	oba_sen_ranks((double) npairs, b->var_s, &c, &lo, &up);
	b->lower = b->upper = NAN;
	if (lo >= 1 && up <= npairs)
	{
		b->lower = d[(size_t) lo - 1];
		b->upper = d[(size_t) up - 1];
	}
	for (i = 0; i < n; i++)
		r[i] = y[i] - b->slope * t[i];
	qsort(r, n, sizeof(double), cmp_dbl);
	b->intercept = n % 2 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2.0;
	free(d);
	free(r);
}

static uint64_t rng_state = 12345;

static double
unit_random(void)
{
	uint64_t	z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return (double) ((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
}

enum
{
	GEN_SMALL_INTEGERS,			/* y in 0..4 on t = 1..n: heavy ties of y and of slopes */
	GEN_COUNTS,					/* counts around a trend on whole years with gaps */
	GEN_MONTHS,					/* rates to 1 decimal on months as years (2015 + m/12) */
	GEN_UNEQUAL,				/* full-precision values on random unequal gaps */
	GEN_LINE,					/* an exact line with a few points off it */
	GEN_EPOCH,					/* seconds since 1970, large values, negative trend */
	GEN_SIGNS,					/* negative and positive times and values, tiny gaps */
	GEN_CONSTANT,				/* one value */
	GEN_THIRD,					/* most points on y = (t - 1)/3: a slope that is no double */
	GEN_DECIMALS,				/* rates to 3 decimals on years: differences that round */
	GEN_KINDS
};

static void
generate(int kind, size_t n, double *t, double *y)
{
	size_t		i;
	double		tt = 0;

	for (i = 0; i < n; i++)
	{
		double		u = unit_random();

		switch (kind)
		{
			case GEN_SMALL_INTEGERS:
				t[i] = (double) i + 1;
				y[i] = floor(u * 5);
				break;
			case GEN_COUNTS:
				tt += 1 + floor(unit_random() * 3);
				t[i] = 1990 + tt;
				y[i] = floor(40 + 0.3 * (double) i + u * 20);
				break;
			case GEN_MONTHS:
				t[i] = 2015 + (double) i / 12.0;
				y[i] = round((12.5 - 0.01 * (double) i + 3 * u) * 10) / 10;
				break;
			case GEN_UNEQUAL:
				tt += 0.001 + unit_random() * 2.5;
				t[i] = tt;
				y[i] = 0.37 * tt + u * 11.3 - 5.1;
				break;
			case GEN_LINE:
				t[i] = 3.0 * (double) i - 7;
				y[i] = u < 0.1 ? 2.0 * t[i] + 1 + floor(u * 100) - 5 : 2.0 * t[i] + 1;
				break;
			case GEN_EPOCH:
				tt += 1 + floor(unit_random() * 86400);
				t[i] = 1.7e9 + tt;
				y[i] = 1e6 - 0.001 * tt + u * 1e3;
				break;
			case GEN_SIGNS:
				tt += 1e-6 * (1 + unit_random());
				t[i] = -0.5 + tt;
				y[i] = u < 0.3 ? -u : u * 1e-3;
				break;
			case GEN_THIRD:
				t[i] = 3.0 * (double) i + 1;
				y[i] = u < 0.05 ? (double) i + 0.5 : (double) i;
				break;
			case GEN_DECIMALS:
				t[i] = 1950 + (double) i;
				y[i] = round((100.0 + 7.0 * sin((double) i) + u) * 1000) / 1000;
				break;
			default:
				t[i] = (double) i * 0.5;
				y[i] = 7.25;
				break;
		}
	}
}

/* bit-for-bit, or within 1e-12 relative where the core may round (counted) */
static int	sen_not_bit_exact = 0;

static void
check_same(double got, double want, const char *what, int kind, size_t n)
{
	char		label[96];

	if (got == want || (isnan(got) && isnan(want)))
		return;
	sen_not_bit_exact++;
	snprintf(label, sizeof(label), "%s, kind %d, n %zu", what, kind, n);
	CHECK_CLOSE(got, want, 1e-12, 0, label);
}

static void
fast_against_brute_force(void)
{
	/* 362 and 363 values: 65,341 and 65,703 pairs, either side of MK_MIN_CAP */
	static const size_t sizes[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 20, 31, 49, 50, 64,
	100, 255, 362, 363, 364, 500, 777};
	size_t		cases = 0,
				si;
	int			kind,
				rep;

	for (kind = 0; kind < GEN_KINDS; kind++)
		for (si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++)
			for (rep = 0; rep < (sizes[si] < 100 ? 4 : 1); rep++)
			{
				size_t		n = sizes[si];
				double	   *t = malloc(sizeof(double) * n),
						   *y = malloc(sizeof(double) * n),
						   *scratch = malloc(sizeof(double) * 2 * n),
							s,
							v,
							tau,
							tied;
				brute_mk	b;
				oba_mk_result r;
				oba_error	err;

				generate(kind, n, t, y);
				brute_force(t, y, n, &b);
				oba_mk_sums(y, n, scratch, &s, &v, &tau, &tied);
				CHECK(s == b.s && v == b.var_s);
				CHECK(oba_mann_kendall(t, y, n, &A, &r, &err) == 0);
				CHECK(r.s == b.s && r.var_s == b.var_s);
				check_same(r.sen_slope, b.slope, "Sen slope", kind, n);
				check_same(r.sen_lower, b.lower, "Sen lower", kind, n);
				check_same(r.sen_upper, b.upper, "Sen upper", kind, n);
				check_same(r.sen_intercept, b.intercept, "intercept", kind, n);
				cases++;
				free(t);
				free(y);
				free(scratch);
			}
	/* a few larger ones, where the selection narrows more than once */
	{
		static const struct
		{
			int			kind;
			size_t		n;
		}			big[] = {{GEN_SMALL_INTEGERS, 3000}, {GEN_MONTHS, 2000}, {GEN_UNEQUAL, 2999},
		{GEN_EPOCH, 1500}, {GEN_LINE, 1600}, {GEN_COUNTS, 1200}, {GEN_THIRD, 2400},
		{GEN_DECIMALS, 1800}, {GEN_SIGNS, 1100}, {GEN_CONSTANT, 1024}};
		size_t		i;

		for (i = 0; i < sizeof(big) / sizeof(big[0]); i++)
		{
			size_t		n = big[i].n;
			double	   *t = malloc(sizeof(double) * n),
					   *y = malloc(sizeof(double) * n);
			brute_mk	b;
			oba_mk_result r;
			oba_error	err;

			generate(big[i].kind, n, t, y);
			brute_force(t, y, n, &b);
			CHECK(oba_mann_kendall(t, y, n, &A, &r, &err) == 0);
			CHECK(r.s == b.s && r.var_s == b.var_s);
			check_same(r.sen_slope, b.slope, "Sen slope", big[i].kind, n);
			check_same(r.sen_lower, b.lower, "Sen lower", big[i].kind, n);
			check_same(r.sen_upper, b.upper, "Sen upper", big[i].kind, n);
			check_same(r.sen_intercept, b.intercept, "intercept", big[i].kind, n);
			cases++;
			free(t);
			free(y);
		}
	}
	printf("fast Mann-Kendall and Sen against brute force: %zu series, %d values not bit for bit\n",
		   cases, sen_not_bit_exact);
}

/* ---- trend_tests_reference.csv: the tests of issue 14 ---- */

#define TT_MAX_SERIES 64
#define TT_MAX_POINTS 256

typedef struct tt_series
{
	char		id[16];
	int			n;
	double		t[TT_MAX_POINTS];
	double		y[TT_MAX_POINTS];
	double		season[TT_MAX_POINTS];
} tt_series;

static tt_series tt_all[TT_MAX_SERIES];
static int	tt_count = 0;

static tt_series *
tt_get(const char *id)
{
	int			i;

	for (i = 0; i < tt_count; i++)
		if (strcmp(tt_all[i].id, id) == 0)
			return &tt_all[i];
	if (tt_count == TT_MAX_SERIES)
	{
		fprintf(stderr, "too many series\n");
		exit(2);
	}
	memset(&tt_all[tt_count], 0, sizeof(tt_series));
	snprintf(tt_all[tt_count].id, sizeof(tt_all[0].id), "%s", id);
	return &tt_all[tt_count++];
}

/* the T series of trend_series.csv and the generated ones, missing values dropped, in time order */
static void
tt_load(void)
{
	csv_file	c;
	int			i;

	for (i = 0; i < ref_count; i++)
		if (ref_all[i].id[0] == 'T')
		{
			tt_series  *s = tt_get(ref_all[i].id);

			s->n = ref_retained(&ref_all[i], s->t, s->y);
		}
	csv_open(&c, "test/reference/trend_tests_series.csv");
	while (csv_next(&c))
	{
		tt_series  *s = tt_get(csv_get(&c, "series_id"));
		double		y = csv_num(&c, "value");

		if (isnan(y))
			continue;
		s->t[s->n] = csv_num(&c, "t");
		s->y[s->n] = y;
		s->season[s->n] = csv_num(&c, "season");
		s->n++;
	}
	csv_close(&c);
}

static int
tt_exact(const char *o)
{
	static const char *const exact[] = {"n_used", "S", "varS", "lags", "lags_significant",
		"seasons", "n_pairs", "n_prewhitened", "U", "K", "break_index", "t_last_before",
	"t_first_after", "df", "n_before", "n_after", NULL};
	int			i;

	for (i = 0; exact[i]; i++)
		if (strcmp(o, exact[i]) == 0)
			return 1;
	return 0;
}

/* the value of output of method (params) on s; 0 when unknown */
static int
tt_value(const tt_series *s, const char *method, const char *params, const char *output,
		 double *v)
{
	oba_error	err;
	size_t		n = (size_t) s->n;

#define OUT(name, expr) if (strcmp(output, name) == 0) { *v = (expr); return 1; }
	if (strcmp(method, "hamed_rao") == 0)
	{
		oba_mk_hamed_rao_result r;
		int			lag3 = strstr(params, "lags 1..3") != NULL;

		CHECK(oba_mk_hamed_rao(s->t, s->y, n, lag3 ? 0.1 : 0.05, lag3 ? 3 : 0, &A, &r, &err) == 0);
		OUT("n_used", r.n);
		OUT("S", r.s);
		OUT("varS", r.var_s);
		OUT("sen_slope", r.sen_slope);
		OUT("lags", r.lags);
		OUT("lags_significant", r.lags_significant);
		OUT("correction", r.correction);
		OUT("n_effective", r.n_effective);
		OUT("varS_corrected", r.var_s_corrected);
		OUT("z", r.z);
		OUT("p", r.p);
	}
	else if (strcmp(method, "tfpw") == 0)
	{
		oba_mk_prewhitened_result r;

		CHECK(oba_mk_prewhitened(s->t, s->y, n, &A, &r, &err) == 0);
		OUT("n_used", r.n);
		OUT("lag1", r.lag1);
		OUT("n_prewhitened", r.n_prewhitened);
		OUT("S", r.s);
		OUT("varS", r.var_s);
		OUT("z", r.z);
		OUT("p", r.p);
		OUT("sen_slope", r.sen_slope);
	}
	else if (strcmp(method, "seasonal_mann_kendall") == 0)
	{
		oba_seasonal_mk_result r;

		CHECK(oba_seasonal_mann_kendall(s->t, s->y, s->season, n, &A, &r, &err) == 0);
		OUT("n_used", r.n);
		OUT("seasons", r.seasons);
		OUT("S", r.s);
		OUT("varS", r.var_s);
		OUT("n_pairs", r.sen_pairs);
		OUT("z", r.z);
		OUT("p", r.p);
		OUT("tau", r.tau);
		OUT("sen_slope", r.sen_slope);
	}
	else if (strcmp(method, "pettitt") == 0)
	{
		oba_pettitt_result r;

		CHECK(oba_pettitt(s->t, s->y, n, &A, &r, &err) == 0);
		OUT("n_used", r.n);
		OUT("U", r.u);
		OUT("K", r.k);
		OUT("p", r.p);
		OUT("break_index", r.break_index);
		OUT("t_last_before", r.t_before);
		OUT("t_first_after", r.t_after);
	}
	else if (strcmp(method, "broken_line") == 0)
	{
		oba_broken_line_result r;
		int			h = (int) strtol(strstr(params, "= ") + 2, NULL, 10);

		CHECK(oba_broken_line(s->t, s->y, n, h, &A, &r, &err) == 0);
		OUT("n_used", r.n);
		OUT("davies_p", r.davies_p);
		OUT("df", r.df);
		OUT("n_before", r.n_before);
		OUT("n_after", r.n_after);
		OUT("psi", r.psi);
		OUT("psi_se", r.psi_se);
		OUT("psi_lower", r.psi_lower);
		OUT("psi_upper", r.psi_upper);
		OUT("intercept", r.intercept);
		OUT("intercept_se", r.intercept_se);
		OUT("slope_before", r.slope_before);
		OUT("slope_before_se", r.slope_before_se);
		OUT("slope_after", r.slope_after);
		OUT("slope_after_se", r.slope_after_se);
		OUT("slope_change", r.slope_change);
		OUT("slope_change_se", r.slope_change_se);
		OUT("sigma", r.sigma);
	}
#undef OUT
	return 0;
}

static void
trend_tests_rows(void)
{
	csv_file	c;
	int			rows = 0,
				bad = 0;

	tt_load();
	csv_open(&c, "test/reference/trend_tests_reference.csv");
	while (csv_next(&c))
	{
		const char *id = csv_get(&c, "series_id"),
				   *method = csv_get(&c, "method"),
				   *params = csv_get(&c, "params"),
				   *output = csv_get(&c, "output"),
				   *want_s = csv_get(&c, "value");
		const tt_series *s = tt_get(id);
		double		got,
					want = strcmp(want_s, "NA") == 0 ? NAN : strtod(want_s, NULL),
					scale = 1;
		char		label[160];
		int			i,
					before = unit_failures;

		snprintf(label, sizeof(label), "%s %s (%s) %s", id, method, params, output);
		rows++;
		if (!tt_value(s, method, params, output, &got))
		{
			unit_checks++;
			unit_failures++;
			fprintf(stderr, "unhandled reference row: %s\n", label);
			continue;
		}
		for (i = 0; i < s->n; i++)
			scale = fmax(scale, fabs(s->y[i]));
		if (isnan(want))
		{
			unit_checks++;
			if (!isnan(got))
			{
				unit_failures++;
				fprintf(stderr, "%s: got %.17g, want NA\n", label, got);
			}
		}
		else if (tt_exact(output))
		{
			unit_checks++;
			if (got != want)
			{
				unit_failures++;
				fprintf(stderr, "%s: got %.17g, want exactly %.17g\n", label, got, want);
			}
		}
		else if (strcmp(output, "p") == 0 || strcmp(output, "davies_p") == 0)
			CHECK_CLOSE(got, want, 1e-9, 1e-15, label);
		else
			CHECK_CLOSE(got, want, 1e-9, 1e-9 * scale, label);
		bad += unit_failures > before;
	}
	csv_close(&c);
	printf("trend_tests_reference: %d rows checked, %d disagree\n", rows, bad);
	CHECK(rows == 1429);
}

/* ---- the new routines against direct computations ---- */

/* FFT and direct autocorrelations agree; the ranks' r_k by the definition */
static void
autocorrelation_methods(void)
{
	static const size_t sizes[] = {5, 64, 1000, 4099};
	size_t		si;

	for (si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++)
	{
		size_t		n = sizes[si],
					i;
		double	   *z = malloc(sizeof(double) * n),
				   *r1 = malloc(sizeof(double) * n),
				   *r2 = malloc(sizeof(double) * n),
					mean = 0,
					worst = 0;

		for (i = 0; i < n; i++)
		{
			z[i] = floor(unit_random() * 7) + (i % 3) * 0.5;
			mean += z[i];
		}
		mean /= (double) n;
		for (i = 0; i < n; i++)
			z[i] -= mean;
		CHECK(oba_autocorrelation(z, n, n - 1, 1, &A, r1) == 0);
		CHECK(oba_autocorrelation(z, n, n - 1, 2, &A, r2) == 0);
		for (i = 0; i + 1 < n; i++)
			worst = fmax(worst, fabs(r1[i] - r2[i]));
		CHECK(worst < 1e-13);
		free(z);
		free(r1);
		free(r2);
	}
	{
		double		z[4] = {0, 0, 0, 0},
					r[3];

		CHECK(oba_autocorrelation(z, 4, 3, 0, &A, r) == 0 && isnan(r[0]));
	}
}

/* the seasonal slope is the median of the within-season slopes, bit for bit */
static void
seasonal_against_brute_force(void)
{
	static const struct
	{
		size_t		n;
		int			seasons;
		int			kind;
	}			cases[] = {{24, 12, GEN_MONTHS}, {40, 4, GEN_SMALL_INTEGERS}, {120, 12, GEN_DECIMALS},
		{365, 7, GEN_UNEQUAL}, {1200, 12, GEN_MONTHS}, {2000, 4, GEN_COUNTS}, {1500, 3, GEN_THIRD},
	{999, 1, GEN_SIGNS}, {3000, 12, GEN_SMALL_INTEGERS}, {700, 50, GEN_EPOCH}};
	size_t		ci;

	for (ci = 0; ci < sizeof(cases) / sizeof(cases[0]); ci++)
	{
		size_t		n = cases[ci].n,
					i,
					j,
					np = 0;
		double	   *t = malloc(sizeof(double) * n),
				   *y = malloc(sizeof(double) * n),
				   *g = malloc(sizeof(double) * n),
				   *d = malloc(sizeof(double) * (n * n / 2 + 1)),
					s = 0,
					want;
		oba_seasonal_mk_result r;
		oba_error	err;

		generate(cases[ci].kind, n, t, y);
		for (i = 0; i < n; i++)
			g[i] = (double) ((i * 7 + (i / 5)) % (size_t) cases[ci].seasons) - 3;
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (g[i] == g[j])
				{
					d[np++] = (y[j] - y[i]) / (t[j] - t[i]);
					s += (y[j] > y[i]) - (y[j] < y[i]);
				}
		qsort(d, np, sizeof(double), cmp_dbl);
		want = np % 2 ? d[np / 2] : (d[np / 2 - 1] + d[np / 2]) / 2.0;
		CHECK(oba_seasonal_mann_kendall(t, y, g, n, &A, &r, &err) == 0);
		CHECK(r.s == s && r.sen_pairs == (double) np);
		check_same(r.sen_slope, want, "seasonal Sen slope", cases[ci].kind, n);
		free(t);
		free(y);
		free(g);
		free(d);
	}
}

/* Pettitt's U by the double sum; the broken line's RSS no more than on a fine grid */
static void
change_points_against_definitions(void)
{
	int			rep;

	for (rep = 0; rep < 40; rep++)
	{
		size_t		n = 5 + (size_t) (unit_random() * 60),
					i,
					j,
					k,
					at = 0;
		double		t[80],
					y[80],
					best = -1,
					u,
					ubest = 0;
		oba_pettitt_result p;
		oba_broken_line_result b;
		oba_error	err;

		generate(rep % 2 ? GEN_SMALL_INTEGERS : GEN_UNEQUAL, n, t, y);
		for (i = n / 2; i < n; i++)
			y[i] += rep % 3;
		for (k = 0; k + 1 < n; k++)
		{
			u = 0;
			for (i = 0; i <= k; i++)
				for (j = k + 1; j < n; j++)
					u += (y[i] > y[j]) - (y[i] < y[j]);
			if (fabs(u) > best)
			{
				best = fabs(u);
				ubest = u;
				at = k;
			}
		}
		CHECK(oba_pettitt(t, y, n, &A, &p, &err) == 0);
		CHECK(p.u == ubest && p.k == best);
		CHECK(best == 0 ? isnan(p.break_index) : p.break_index == (double) at + 1);

		CHECK(oba_broken_line(t, y, n, 3, &A, &b, &err) == 0);
		if (n >= 6 && !isnan(b.psi))
		{
			double		rss = b.sigma * b.sigma * b.df,
						lo = t[2],
						hi = t[n - 3];
			int			g;

			CHECK(b.psi >= lo && b.psi <= hi);
			for (g = 0; g <= 400; g++)
			{
				double		psi = lo + (hi - lo) * g / 400.0,
							tt[80],
							yy[80];
				oba_ols		f;

				/* y - b2 (t - psi)+ regressed on t, with b2 by least squares: a 3-column fit */
				double		s00 = 0,
							s01 = 0,
							s11 = 0,
							s0y = 0,
							s1y = 0,
							r2;

				for (i = 0; i < n; i++)
					tt[i] = t[i];
				oba_ols_fit(tt, y, n, &f);
				/* residuals of y and of (t - psi)+ on [1, t], then one more coefficient */
				for (i = 0; i < n; i++)
				{
					double		h = t[i] > psi ? t[i] - psi : 0;

					yy[i] = h;
				}
				{
					oba_ols		fh;
					double		ry,
								rh;

					oba_ols_fit(tt, yy, n, &fh);
					for (i = 0; i < n; i++)
					{
						ry = y[i] - (f.intercept + f.slope * t[i]);
						rh = yy[i] - (fh.intercept + fh.slope * t[i]);
						s00 += rh * rh;
						s0y += rh * ry;
						s11 += ry * ry;
					}
				}
				r2 = s00 > 0 ? s11 - s0y * s0y / s00 : s11;
				(void) s01;
				(void) s1y;
				CHECK(rss <= r2 * (1 + 1e-9) + 1e-12);
			}
		}
	}
}

static void
new_edges(void)
{
	double		t[8] = {1, 2, 3, 4, 5, 6, 7, 8},
				line[8] = {2, 4, 6, 8, 10, 12, 14, 16},
				flat[8] = {5, 5, 5, 5, 5, 5, 5, 5},
				season[8] = {1, 2, 1, 2, 1, 2, 1, 2};
	oba_mk_hamed_rao_result h;
	oba_mk_prewhitened_result w;
	oba_seasonal_mk_result sm;
	oba_pettitt_result p;
	oba_broken_line_result b;
	oba_error	err;

	/* too few values: n only */
	CHECK(oba_mk_hamed_rao(t, line, 2, 0.05, 0, &A, &h, &err) == 0 && h.n == 2 && isnan(h.s));
	CHECK(oba_mk_prewhitened(t, line, 3, &A, &w, &err) == 0 && w.n == 3 && isnan(w.s));
	CHECK(oba_pettitt(t, line, 2, &A, &p, &err) == 0 && isnan(p.k));
	CHECK(oba_broken_line(t, line, 4, 2, &A, &b, &err) == 0 && isnan(b.davies_p));
	/* a line: the detrended series is constant, no autocorrelation is defined */
	CHECK(oba_mk_hamed_rao(t, line, 8, 0.05, 0, &A, &h, &err) == 0);
	CHECK(h.s == 28 && isnan(h.correction) && isnan(h.z) && isnan(h.p));
	/* ... the pre-whitened series keeps its order whatever r1 */
	CHECK(oba_mk_prewhitened(t, line, 8, &A, &w, &err) == 0);
	CHECK(isnan(w.lag1) && w.s == 21 && w.n_prewhitened == 7);
	/* ... and a broken line has nothing to add */
	CHECK(oba_broken_line(t, line, 8, 2, &A, &b, &err) == 0 && isnan(b.psi) && isnan(b.davies_p));
	/* all equal: z 0, p 1, as mann_kendall_agg */
	CHECK(oba_mk_hamed_rao(t, flat, 8, 0.05, 0, &A, &h, &err) == 0 && h.z == 0 && h.p == 1);
	CHECK(oba_mk_prewhitened(t, flat, 8, &A, &w, &err) == 0 && w.z == 0 && w.p == 1);
	CHECK(oba_pettitt(t, flat, 8, &A, &p, &err) == 0 && p.k == 0 && p.p == 1 && isnan(p.break_index));
	/* seasons: S and variance summed, seasons counted */
	CHECK(oba_seasonal_mann_kendall(t, line, season, 8, &A, &sm, &err) == 0);
	CHECK(sm.seasons == 2 && sm.s == 12 && sm.var_s == 2 * 4 * 3 * 13 / 18.0 && sm.sen_slope == 2);
	CHECK(oba_seasonal_mann_kendall(t, line, t, 8, &A, &sm, &err) == 0);
	CHECK(sm.seasons == 0 && isnan(sm.s) && sm.n == 8);
	/* bad arguments */
	CHECK(oba_mk_hamed_rao(t, line, 8, 1.5, 0, &A, &h, &err) == -1 && strstr(err.message, "alpha"));
	CHECK(oba_broken_line(t, line, 8, 1, &A, &b, &err) == -1 && strstr(err.message, "min_segment"));
	/* min_segment too large for n: Davies only */
	{
		double		v[8] = {1, 2, 3, 4, 4, 3, 2, 1};

		CHECK(oba_broken_line(t, v, 8, 5, &A, &b, &err) == 0 && isnan(b.psi) && b.davies_p < 1);
		CHECK(oba_broken_line(t, v, 8, 2, &A, &b, &err) == 0 && b.psi > 4 && b.psi < 5);
		CHECK(fabs(b.slope_before - 1) < 1e-12 && fabs(b.slope_after + 1) < 1e-12);
	}
}

/* ---- the long loops call the interrupt hook ---- */

static size_t hook_calls = 0;

static void
counting_hook(void)
{
	hook_calls++;
}

static void
interrupt_checks(void)
{
	size_t		n = 20000,
				i;
	double	   *t = malloc(sizeof(double) * n),
			   *y = malloc(sizeof(double) * n),
			   *rows = malloc(sizeof(double) * 3 * n);
	oba_mk_result r;
	oba_its		its;
	oba_ols		f;
	oba_chisq_trend_result ct;
	oba_error	err;

	generate(GEN_MONTHS, n, t, y);
	oba_interrupt_hook = counting_hook;

	/*
	 * Mann-Kendall and Sen: tens of passes of n log n steps over 20,000
	 * values, one check per 4096 steps: well over a thousand checks
	 */
	hook_calls = 0;
	CHECK(oba_mann_kendall(t, y, n, &A, &r, &err) == 0);
	CHECK(hook_calls > 1000);
	printf("Mann-Kendall on %zu values: %zu interrupt checks\n", n, hook_calls);

	/* the linear loops of the other final functions: at least n / 4096 each */
	hook_calls = 0;
	oba_ols_fit(t, y, n, &f);
	CHECK(hook_calls >= n / 4096);
	hook_calls = 0;
	CHECK(oba_its_fit(t, y, n, t[n / 2], &A, &its, &err) == 0);
	CHECK(hook_calls >= n / 4096);
	for (i = 0; i < n; i++)
	{
		rows[i] = floor(y[i]);
		rows[n + i] = 100;
		rows[2 * n + i] = (double) i;
	}
	hook_calls = 0;
	oba_chisq_trend(rows, rows + n, rows + 2 * n, n, &ct);
	CHECK(hook_calls >= n / 4096);

	/* the tests of issue 14: the autocorrelations of every lag by FFT, ranks, sorts */
	{
		oba_mk_hamed_rao_result h;
		oba_mk_prewhitened_result w;
		oba_seasonal_mk_result sm;
		oba_pettitt_result p;
		oba_broken_line_result b;

		for (i = 0; i < n; i++)
			rows[i] = (double) (i % 12);
		hook_calls = 0;
		CHECK(oba_mk_hamed_rao(t, y, n, 0.05, 0, &A, &h, &err) == 0);
		printf("Hamed-Rao on %zu values (every lag, by FFT): %zu interrupt checks\n", n, hook_calls);
		CHECK(hook_calls > 1000);
		hook_calls = 0;
		CHECK(oba_mk_prewhitened(t, y, n, &A, &w, &err) == 0);
		CHECK(hook_calls > 1000);
		hook_calls = 0;
		CHECK(oba_seasonal_mann_kendall(t, y, rows, n, &A, &sm, &err) == 0);
		CHECK(hook_calls > 500);
		hook_calls = 0;
		CHECK(oba_pettitt(t, y, n, &A, &p, &err) == 0);
		CHECK(hook_calls >= 3 * n / 4096);
		hook_calls = 0;
		CHECK(oba_broken_line(t, y, n, 3, &A, &b, &err) == 0);
		CHECK(hook_calls >= 20 * n / 4096);
		CHECK(!isnan(h.correction) && !isnan(w.lag1) && sm.seasons == 12 && !isnan(p.k) &&
			  !isnan(b.psi));
	}

	oba_interrupt_hook = NULL;
	free(t);
	free(y);
	free(rows);
}

int
main(void)
{
	ref_load();
	reference_rows();
	fingertips_rows();
	centred_sums();
	ties_and_sums();
	sen_rank_rule();
	kendall_exact();
	its_edges();
	chisq_edges();
	recent_edges();
	fast_against_brute_force();
	trend_tests_rows();
	autocorrelation_methods();
	seasonal_against_brute_force();
	change_points_against_definitions();
	new_edges();
	interrupt_checks();
	return unit_done("test_trend");
}
