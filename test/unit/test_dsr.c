/*
 * test_dsr.c: src/core/dsr.c against PHEindicatormethods calculate_dsr
 * (test/reference/phe_dsr_reference.csv, phe_dsr_nonindependent_reference.csv,
 * and the dsr rows of phe_reference.csv), plus bad input and edge cases.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "dsr.h"
#include "unit.h"

typedef struct group
{
	char		key[128];
	oba_dsr_sums s;
	double		per, conf, want_count, want_pop, want_value, want_lower, want_upper;
	char		statistic[64], method[96];
	int			bands;
} group;

static int	groups_checked = 0;

static void
check_group(const group *g)
{
	oba_estimate e;
	oba_error	err;
	double		tol = 1e-15 * g->per;

	if (g->bands == 0)
		return;
	groups_checked++;
	CHECK(oba_dsr(&g->s, g->per, g->conf, &e, &err) == 0);
	CHECK_CLOSE(e.numerator, g->want_count, 0, 0, g->key);
	CHECK_CLOSE(e.denominator, g->want_pop, 0, 0, g->key);
	CHECK_CLOSE(e.value, g->want_value, 1e-9, tol, g->key);
	CHECK_CLOSE(e.lower, g->want_lower, 1e-9, tol, g->key);
	CHECK_CLOSE(e.upper, g->want_upper, 1e-9, tol, g->key);
	/* the suppression label and the NA pattern agree */
	CHECK((strcmp(g->statistic, "dsr NA for total count < 10") == 0) == isnan(e.value));
	CHECK(strncmp(g->method, "Dobson", 6) == 0);
}

/* Rows are sorted by group; a group's outputs repeat on each band row. */
static int
reference_file(const char *path, int nonindependent)
{
	csv_file	c;
	group		g;
	int			rows = 0;

	memset(&g, 0, sizeof(g));
	csv_open(&c, path);
	while (csv_next(&c))
	{
		char		key[128];
		double		n = csv_num(&c, "n"),
					w = csv_num(&c, "stdpop"),
					x,
					q;
		oba_error	err;

		snprintf(key, sizeof(key), "%s/%s/%s", csv_get(&c, "group_id"),
				 csv_get(&c, "confidence"), csv_get(&c, "multiplier"));
		if (strcmp(key, g.key) != 0)
		{
			check_group(&g);
			memset(&g, 0, sizeof(g));
			snprintf(g.key, sizeof(g.key), "%s", key);
			g.per = csv_num(&c, "multiplier");
			g.conf = csv_num(&c, "confidence");
			g.want_count = csv_num(&c, "total_count");
			g.want_pop = csv_num(&c, "total_pop");
			g.want_value = csv_num(&c, "value");
			g.want_lower = csv_num(&c, "lower");
			g.want_upper = csv_num(&c, "upper");
			snprintf(g.statistic, sizeof(g.statistic), "%s", csv_get(&c, "statistic"));
			snprintf(g.method, sizeof(g.method), "%s", csv_get(&c, "method"));
		}
		rows++;
		if (nonindependent)
		{
			/* one row per band and frequency f: f x and f^2 x of the band's people */
			double		f = csv_num(&c, "eventfreq"),
						people = csv_num(&c, "individuals");

			x = isnan(people) ? NAN : f * people;
			q = isnan(people) ? NAN : f * f * people;
			CHECK(oba_dsr_check_band(x, q, n, w, &err) == 0);
			/* the band's n and w count once: add them with the first frequency */
			if (f != 1)
			{
				oba_dsr_add(&g.s, x, q, n, w);
				g.s.pop -= n;
				g.s.weight -= w;
			}
			else
				oba_dsr_add(&g.s, x, q, n, w);
		}
		else
		{
			x = csv_num(&c, "x");
			CHECK(oba_dsr_check_band(x, NAN, n, w, &err) == 0);
			oba_dsr_add(&g.s, x, NAN, n, w);
		}
		g.bands++;
	}
	check_group(&g);
	csv_close(&c);
	return rows;
}

/* The dsr rows of phe_reference.csv restate the group outputs: the same numbers. */
static void
summary_rows(void)
{
	csv_file	c;
	int			rows = 0;

	csv_open(&c, "test/reference/phe_reference.csv");
	while (csv_next(&c))
	{
		csv_file	d;
		oba_dsr_sums s;
		oba_estimate e;
		double		m = csv_num(&c, "multiplier"),
					conf = csv_num(&c, "confidence");
		char		label[64];

		if (strcmp(csv_get(&c, "method"), "dsr") != 0)
			continue;
		memset(&s, 0, sizeof(s));
		csv_open(&d, "test/reference/phe_dsr_reference.csv");
		while (csv_next(&d))
			if (strcmp(csv_get(&d, "group_id"), csv_get(&c, "group_id")) == 0 &&
				csv_num(&d, "confidence") == conf && csv_num(&d, "multiplier") == m)
				oba_dsr_add(&s, csv_num(&d, "x"), NAN, csv_num(&d, "n"), csv_num(&d, "stdpop"));
		csv_close(&d);
		rows++;
		snprintf(label, sizeof(label), "%s", csv_get(&c, "case_id"));
		CHECK(oba_dsr(&s, m, conf, &e, NULL) == 0);
		CHECK_CLOSE(e.numerator, csv_num(&c, "x"), 0, 0, label);
		CHECK_CLOSE(e.denominator, csv_num(&c, "n"), 0, 0, label);
		CHECK_CLOSE(e.value, csv_num(&c, "value"), 1e-9, 1e-15 * m, label);
		CHECK_CLOSE(e.lower, csv_num(&c, "lower"), 1e-9, 1e-15 * m, label);
		CHECK_CLOSE(e.upper, csv_num(&c, "upper"), 1e-9, 1e-15 * m, label);
	}
	csv_close(&c);
	CHECK(rows == 36);
	printf("dsr: %d summary rows of phe_reference.csv\n", rows);
}

static void
bad_input(void)
{
	oba_error	err;
	oba_dsr_sums s;
	oba_estimate e;

	CHECK(oba_dsr_check_band(-1, NAN, 100, 5000, &err) == -1);
	CHECK(err.code == OBA_EINVAL && strstr(err.message, "events") && strstr(err.message, "-1"));
	CHECK(oba_dsr_check_band(1, NAN, 0, 5000, &err) == -1);
	CHECK(strstr(err.message, "population must be greater than 0, got 0") != NULL);
	CHECK(oba_dsr_check_band(1, NAN, 100, -5, &err) == -1);
	CHECK(strstr(err.message, "standard_population must not be negative, got -5") != NULL);
	CHECK(oba_dsr_check_band(1, NAN, INFINITY, 5, &err) == -1);
	CHECK(oba_dsr_check_band(NAN, NAN, 100, 5000, &err) == 0);	/* NULL events */
	CHECK(oba_dsr_check_band(5, 4, 100, 5000, &err) == -1);
	CHECK(strstr(err.message, "events_squared 4 is less than events 5") != NULL);
	CHECK(oba_dsr_check_band(5, -1, 100, 5000, &err) == -1);
	/* x > n is accepted, as by the package (group D13) */
	CHECK(oba_dsr_check_band(500, NAN, 100, 5000, &err) == 0);

	memset(&s, 0, sizeof(s));
	oba_dsr_add(&s, 20, NAN, 100, 0);
	CHECK(oba_dsr(&s, 100000, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "standard_population must not sum to 0") != NULL);
	oba_dsr_add(&s, 20, NAN, 100, 10);
	CHECK(oba_dsr(&s, 0, 0.95, &e, &err) == -1 && strstr(err.message, "per"));
	CHECK(oba_dsr(&s, 100, 1, &e, &err) == -1 && strstr(err.message, "confidence"));
}

static void
edges(void)
{
	oba_dsr_sums s;
	oba_estimate e;

	/* total 9: suppressed, totals still given; total 10: computed */
	memset(&s, 0, sizeof(s));
	oba_dsr_add(&s, 4, NAN, 1000, 5000);
	oba_dsr_add(&s, 5, NAN, 1000, 5500);
	CHECK(oba_dsr(&s, 100000, 0.95, &e, NULL) == 0);
	CHECK(isnan(e.value) && isnan(e.lower) && isnan(e.upper));
	CHECK(e.numerator == 9 && e.denominator == 2000);
	oba_dsr_add(&s, 1, NAN, 1000, 5500);
	CHECK(oba_dsr(&s, 100000, 0.95, &e, NULL) == 0);
	CHECK(e.lower < e.value && e.value < e.upper);
	/* one band: the DSR is the crude rate, and the limits are Byar's */
	memset(&s, 0, sizeof(s));
	oba_dsr_add(&s, 40, NAN, 2000, 7000);
	CHECK(oba_dsr(&s, 10000, 0.95, &e, NULL) == 0);
	{
		oba_estimate r;

		CHECK(oba_rate(40, 2000, 10000, 0.95, &r, NULL) == 0);
		CHECK_CLOSE(e.value, r.value, 1e-14, 0, "one band = crude rate");
		CHECK_CLOSE(e.lower, r.lower, 1e-12, 0, "one band lower = Byar");
		CHECK_CLOSE(e.upper, r.upper, 1e-12, 0, "one band upper = Byar");
	}
	/* events_squared = events (one event each) equals the independent DSR */
	{
		oba_dsr_sums a,
					b;
		oba_estimate ea,
					eb;

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		oba_dsr_add(&a, 12, NAN, 1000, 5000);
		oba_dsr_add(&a, 30, NAN, 3000, 6000);
		oba_dsr_add(&b, 12, 12, 1000, 5000);
		oba_dsr_add(&b, 30, 30, 3000, 6000);
		CHECK(oba_dsr(&a, 100000, 0.95, &ea, NULL) == 0 && oba_dsr(&b, 100000, 0.95, &eb, NULL) == 0);
		CHECK(ea.value == eb.value && ea.lower == eb.lower && ea.upper == eb.upper);
		oba_dsr_add(&b, 0, 0, 10, 1000);
		CHECK(oba_dsr(&b, 100000, 0.95, &eb, NULL) == 0);
	}
}

int
main(void)
{
	int			r1 = reference_file("test/reference/phe_dsr_reference.csv", 0);
	int			r2;

	printf("dsr: %d band rows, ", r1);
	r2 = reference_file("test/reference/phe_dsr_nonindependent_reference.csv", 1);
	printf("%d non-independent rows, %d groups\n", r2, groups_checked);
	CHECK(r1 == 564 && r2 == 760);
	summary_rows();
	bad_input();
	edges();
	return unit_done("test_dsr");
}
