/*
 * test_isr.c: src/core/isr.c against PHEindicatormethods calculate_ISRatio and
 * calculate_ISRate (test/reference/phe_isr_reference.csv and the israte /
 * isratio rows of phe_reference.csv), plus bad input and edge cases.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "isr.h"
#include "unit.h"

typedef struct group
{
	char		key[128];
	char		method[16];
	char		ci_method[16];
	oba_isr_sums s;
	double		per, refvalue, conf, want_o, want_e, want_ref, want_value, want_lower, want_upper;
	int			bands;
} group;

static int	groups_checked = 0;

/* The ratio is on the scale of 1: refvalue (1, or 100 for an SMR) scales it. */
static void
check_group(const group *g)
{
	oba_isr_result r;
	oba_error	err;
	int			rate = strcmp(g->method, "israte") == 0;
	double		per = rate ? g->per : 100000,
				scale = rate ? 1 : g->refvalue,
				tol = 1e-15 * (rate ? g->per : g->refvalue);

	if (g->bands == 0)
		return;
	groups_checked++;
	CHECK(oba_isr(&g->s, per, g->conf, &r, &err) == 0);
	CHECK_CLOSE(r.observed, g->want_o, 0, 0, g->key);
	CHECK_CLOSE(r.expected, g->want_e, 1e-9, 1e-15, g->key);
	if (rate)
	{
		CHECK_CLOSE(r.ref_rate, g->want_ref, 1e-9, tol, g->key);
		CHECK_CLOSE(r.rate, g->want_value, 1e-9, tol, g->key);
		CHECK_CLOSE(r.rate_lower, g->want_lower, 1e-9, tol, g->key);
		CHECK_CLOSE(r.rate_upper, g->want_upper, 1e-9, tol, g->key);
	}
	else
	{
		CHECK_CLOSE(r.ratio * scale, g->want_value, 1e-9, tol, g->key);
		CHECK_CLOSE(r.ratio_lower * scale, g->want_lower, 1e-9, tol, g->key);
		CHECK_CLOSE(r.ratio_upper * scale, g->want_upper, 1e-9, tol, g->key);
	}
	CHECK(strcmp(g->ci_method, r.observed < 10 ? "Exact" : "Byars") == 0);
}

static int
reference_file(void)
{
	csv_file	c;
	group		g;
	int			rows = 0;

	memset(&g, 0, sizeof(g));
	csv_open(&c, "test/reference/phe_isr_reference.csv");
	while (csv_next(&c))
	{
		char		key[128];
		oba_error	err;
		double		x = csv_num(&c, "x"),
					n = csv_num(&c, "n"),
					xr = csv_num(&c, "x_ref"),
					nr = csv_num(&c, "n_ref");

		snprintf(key, sizeof(key), "%s/%s/%s/%s/%s", csv_get(&c, "group_id"),
				 csv_get(&c, "method"), csv_get(&c, "confidence"),
				 csv_get(&c, "multiplier"), csv_get(&c, "refvalue"));
		if (strcmp(key, g.key) != 0)
		{
			check_group(&g);
			memset(&g, 0, sizeof(g));
			snprintf(g.key, sizeof(g.key), "%s", key);
			snprintf(g.method, sizeof(g.method), "%s", csv_get(&c, "method"));
			snprintf(g.ci_method, sizeof(g.ci_method), "%s", csv_get(&c, "ci_method"));
			g.per = csv_num(&c, "multiplier");
			g.refvalue = csv_num(&c, "refvalue");
			g.conf = csv_num(&c, "confidence");
			g.want_o = csv_num(&c, "observed");
			g.want_e = csv_num(&c, "expected");
			g.want_ref = csv_num(&c, "ref_rate");
			g.want_value = csv_num(&c, "value");
			g.want_lower = csv_num(&c, "lower");
			g.want_upper = csv_num(&c, "upper");
		}
		rows++;
		CHECK(oba_isr_check_band(x, n, xr, nr, &err) == 0);
		oba_isr_add(&g.s, x, n, xr, nr);
		g.bands++;
	}
	check_group(&g);
	csv_close(&c);
	return rows;
}

static void
summary_rows(void)
{
	csv_file	c;
	int			rows = 0;

	csv_open(&c, "test/reference/phe_reference.csv");
	while (csv_next(&c))
	{
		const char *method = csv_get(&c, "method");
		int			rate = strcmp(method, "israte") == 0;
		csv_file	d;
		oba_isr_sums s;
		oba_isr_result r;
		double		m = csv_num(&c, "multiplier"),
					conf = csv_num(&c, "confidence");
		char		label[64];

		if (!rate && strcmp(method, "isratio") != 0)
			continue;
		memset(&s, 0, sizeof(s));
		/* the band rows of the same group (any method and confidence: same inputs) */
		csv_open(&d, "test/reference/phe_isr_reference.csv");
		while (csv_next(&d))
			if (strcmp(csv_get(&d, "group_id"), csv_get(&c, "group_id")) == 0 &&
				strcmp(csv_get(&d, "method"), method) == 0 &&
				csv_num(&d, "confidence") == conf &&
				(rate ? csv_num(&d, "multiplier") : csv_num(&d, "refvalue")) == m)
				oba_isr_add(&s, csv_num(&d, "x"), csv_num(&d, "n"),
							csv_num(&d, "x_ref"), csv_num(&d, "n_ref"));
		csv_close(&d);
		rows++;
		snprintf(label, sizeof(label), "%s", csv_get(&c, "case_id"));
		CHECK(oba_isr(&s, rate ? m : 100000, conf, &r, NULL) == 0);
		CHECK_CLOSE(r.observed, csv_num(&c, "x"), 0, 0, label);
		CHECK_CLOSE(r.expected, csv_num(&c, "expected"), 1e-9, 0, label);
		if (rate)
		{
			CHECK_CLOSE(r.ref_rate, csv_num(&c, "ref_rate"), 1e-9, 1e-15 * m, label);
			CHECK_CLOSE(r.rate, csv_num(&c, "value"), 1e-9, 1e-15 * m, label);
			CHECK_CLOSE(r.rate_lower, csv_num(&c, "lower"), 1e-9, 1e-15 * m, label);
			CHECK_CLOSE(r.rate_upper, csv_num(&c, "upper"), 1e-9, 1e-15 * m, label);
		}
		else
		{
			CHECK_CLOSE(r.ratio * m, csv_num(&c, "value"), 1e-9, 1e-15 * m, label);
			CHECK_CLOSE(r.ratio_lower * m, csv_num(&c, "lower"), 1e-9, 1e-15 * m, label);
			CHECK_CLOSE(r.ratio_upper * m, csv_num(&c, "upper"), 1e-9, 1e-15 * m, label);
		}
	}
	csv_close(&c);
	CHECK(rows == 64);
	printf("isr: %d summary rows of phe_reference.csv\n", rows);
}

static void
bad_input_and_edges(void)
{
	oba_error	err;
	oba_isr_sums s;
	oba_isr_result r;

	CHECK(oba_isr_check_band(-1, 10, 1, 10, &err) == -1);
	CHECK(strstr(err.message, "observed must not be negative, got -1") != NULL);
	CHECK(oba_isr_check_band(1, -10, 1, 10, &err) == -1 && strstr(err.message, "population"));
	CHECK(oba_isr_check_band(1, 10, -1, 10, &err) == -1 && strstr(err.message, "reference_events"));
	CHECK(oba_isr_check_band(1, 10, 1, 0, &err) == -1);
	CHECK(strstr(err.message, "reference_population must be greater than 0, got 0") != NULL);
	CHECK(oba_isr_check_band(1, 10, 1, NAN, &err) == -1);
	CHECK(oba_isr_check_band(NAN, NAN, NAN, 10, &err) == 0);
	CHECK(oba_isr_check_band(1, 0, 1, 10, &err) == 0);	/* n = 0 is allowed */

	/* E = 0: ratios and rates undefined, counts given */
	memset(&s, 0, sizeof(s));
	oba_isr_add(&s, 3, 0, 5, 100);
	CHECK(oba_isr(&s, 100000, 0.95, &r, NULL) == 0);
	CHECK(r.observed == 3 && r.expected == 0 && isnan(r.ratio) && isnan(r.rate_upper));
	CHECK_CLOSE(r.ref_rate, 5000, 1e-15, 0, "ref rate with E = 0");
	/* O = 0: value 0, lower 0, upper -ln(0.025)/E at 95% */
	memset(&s, 0, sizeof(s));
	oba_isr_add(&s, 0, 200, 5, 100);
	CHECK(oba_isr(&s, 100000, 0.95, &r, NULL) == 0);
	CHECK(r.ratio == 0 && r.ratio_lower == 0);
	CHECK_CLOSE(r.ratio_upper, 3.6888794541139354 / 10, 1e-14, 0, "O = 0 upper");
	CHECK(oba_isr(&s, 0, 0.95, &r, &err) == -1 && strstr(err.message, "per"));
	CHECK(oba_isr(&s, 100, 0, &r, &err) == -1 && strstr(err.message, "confidence"));
}

int
main(void)
{
	int			rows = reference_file();

	printf("isr: %d band rows, %d groups\n", rows, groups_checked);
	CHECK(rows == 976);
	summary_rows();
	bad_input_and_edges();
	return unit_done("test_isr");
}
