/*
 * test_mean.c: src/core/mean.c: the mean with a Student-t interval, its
 * Welford state and Chan's combine, against PHEindicatormethods phe_mean.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "mean.h"
#include "unit.h"

/* The values of a reference row: "a;b;c", NA skipped. */
static int
parse_values(const char *s, double *v, int max)
{
	int			n = 0;
	char		buf[CSV_MAX_LINE];
	char	   *tok;

	snprintf(buf, sizeof(buf), "%s", s);
	for (tok = strtok(buf, ";"); tok != NULL && n < max; tok = strtok(NULL, ";"))
		if (strcmp(tok, "NA") != 0)
			v[n++] = strtod(tok, NULL);
	return n;
}

static void
check_result(const oba_mean_result *r, const csv_file *c, double rel, const char *label)
{
	CHECK_CLOSE(r->value_count, csv_num(c, "value_count"), 0, 0, label);
	CHECK_CLOSE(r->value_sum, csv_num(c, "value_sum"), rel, 1e-12, label);
	CHECK_CLOSE(r->value, csv_num(c, "value"), rel, 1e-12, label);
	CHECK_CLOSE(r->stdev, csv_num(c, "stdev"), rel, 1e-12, label);
	CHECK_CLOSE(r->lower, csv_num(c, "lower"), rel, 1e-12, label);
	CHECK_CLOSE(r->upper, csv_num(c, "upper"), rel, 1e-12, label);
}

int
main(void)
{
	csv_file	c;
	oba_mean_state s,
				a,
				b;
	oba_mean_result r;
	oba_error	err;
	double		v[64];
	int			rows = 0,
				i,
				n;

	/* every row of phe_mean_reference.csv: in one pass, and split in two and combined */
	csv_open(&c, "test/reference/phe_mean_reference.csv");
	while (csv_next(&c))
	{
		double		conf = csv_num(&c, "confidence");
		char		label[64];

		snprintf(label, sizeof(label), "%s at %s", csv_get(&c, "group_id"), csv_get(&c, "confidence"));
		n = parse_values(csv_get(&c, "values"), v, 64);
		oba_mean_init(&s);
		oba_mean_init(&a);
		oba_mean_init(&b);
		for (i = 0; i < n; i++)
		{
			CHECK(oba_mean_add(&s, v[i], &err) == 0);
			CHECK(oba_mean_add(i < n / 2 ? &a : &b, v[i], &err) == 0);
		}
		CHECK(oba_mean_result_of(&s, conf, &r, &err) == 0);
		check_result(&r, &c, 1e-9, label);
		CHECK(oba_mean_combine(&a, &b, &err) == 0);
		CHECK(oba_mean_result_of(&a, conf, &r, &err) == 0);
		check_result(&r, &c, 1e-9, label);
		/* the scalar form from count, mean and sd gives the same limits */
		CHECK(oba_mean_estimate(n, csv_num(&c, "value"), csv_num(&c, "stdev"), conf, &r, &err) == 0);
		check_result(&r, &c, 1e-9, label);
		rows++;
	}
	csv_close(&c);
	CHECK(rows == 12);

	/*
	 * 1e9 + k/8 for k = 0..9999: a sum of squares would lose every digit of
	 * the spread; Welford keeps it. sd of 0..9999 / 8 = sqrt(10000 * 10001 / 12) / 8.
	 */
	oba_mean_init(&s);
	oba_mean_init(&a);
	oba_mean_init(&b);
	for (i = 0; i < 10000; i++)
	{
		CHECK(oba_mean_add(&s, 1e9 + i / 8.0, &err) == 0);
		CHECK(oba_mean_add(i % 3 == 0 ? &a : &b, 1e9 + i / 8.0, &err) == 0);
	}
	CHECK(oba_mean_result_of(&s, 0.95, &r, &err) == 0);
	CHECK_CLOSE(r.stdev, sqrt(10000.0 * 10001.0 / 12.0) / 8.0, 1e-12, 0, "sd near 1e9");
	CHECK_CLOSE(r.value, 1e9 + 9999.0 / 16.0, 1e-15, 0, "mean near 1e9");
	CHECK(oba_mean_combine(&a, &b, &err) == 0);
	CHECK(oba_mean_result_of(&a, 0.95, &r, &err) == 0);
	CHECK_CLOSE(r.stdev, sqrt(10000.0 * 10001.0 / 12.0) / 8.0, 1e-12, 0, "combined sd near 1e9");

	/* combining with an empty state, either way round, changes nothing */
	oba_mean_init(&a);
	oba_mean_init(&b);
	CHECK(oba_mean_add(&a, 4, &err) == 0 && oba_mean_add(&a, 6, &err) == 0);
	CHECK(oba_mean_combine(&a, &b, &err) == 0 && a.count == 2 && a.shift + a.mean == 5 && a.m2 == 2);
	CHECK(oba_mean_combine(&b, &a, &err) == 0 && b.count == 2 && b.shift + b.mean == 5 && b.m2 == 2 && b.sum == 10);
	/* two states with different shifts */
	oba_mean_init(&a);
	oba_mean_init(&b);
	CHECK(oba_mean_add(&a, 1e9 + 1, &err) == 0 && oba_mean_add(&a, 1e9 + 3, &err) == 0);
	CHECK(oba_mean_add(&b, 1e9 + 2, &err) == 0 && oba_mean_add(&b, 1e9 + 6, &err) == 0 &&
		  oba_mean_add(&b, 1e9 + 8, &err) == 0);
	CHECK(oba_mean_combine(&a, &b, &err) == 0 && a.count == 5 && a.shift == 1e9 + 1 && a.shift + a.mean == 1e9 + 4);
	CHECK(a.m2 == 34);			/* deviations -3, -1, -2, 2, 4 */

	/* constant values: sd 0, the limits at the value */
	oba_mean_init(&s);
	for (i = 0; i < 5; i++)
		CHECK(oba_mean_add(&s, 7, &err) == 0);
	CHECK(oba_mean_result_of(&s, 0.95, &r, &err) == 0);
	CHECK(r.stdev == 0 && r.lower == 7 && r.upper == 7 && r.value == 7);

	/* one value: no sd, no limits; no values: nothing but the count */
	oba_mean_init(&s);
	CHECK(oba_mean_result_of(&s, 0.95, &r, &err) == 0 && r.value_count == 0 && isnan(r.value));
	CHECK(oba_mean_add(&s, 12.5, &err) == 0);
	CHECK(oba_mean_result_of(&s, 0.95, &r, &err) == 0);
	CHECK(r.value == 12.5 && r.value_sum == 12.5 && isnan(r.stdev) && isnan(r.lower) && isnan(r.upper));
	CHECK(oba_mean_estimate(1, 12.5, 3, 0.95, &r, &err) == 0 && isnan(r.stdev) && isnan(r.lower));
	CHECK(oba_mean_estimate(4, 45, NAN, 0.95, &r, &err) == 0 && r.value == 45 && r.value_sum == 180 &&
		  isnan(r.upper));

	/* bad input */
	CHECK(oba_mean_add(&s, NAN, &err) == -1 && strstr(err.message, "value must be finite, got NaN"));
	CHECK(oba_mean_add(&s, INFINITY, &err) == -1);
	oba_mean_init(&s);
	CHECK(oba_mean_add(&s, 1.5e308, &err) == 0);
	CHECK(oba_mean_add(&s, 1.5e308, &err) == -1 && err.code == OBA_ERANGE &&
		  strstr(err.message, "overflows float8"));
	CHECK(s.count == 1 && s.sum == 1.5e308);	/* unchanged by the refused value */
	oba_mean_init(&s);
	CHECK(oba_mean_add(&s, -1e308, &err) == 0);
	CHECK(oba_mean_add(&s, 1e308, &err) == -1 && err.code == OBA_ERANGE);
	CHECK(oba_mean_estimate(0, 1, 1, 0.95, &r, &err) == -1 &&
		  strstr(err.message, "n must be a whole number of at least 1, got 0"));
	CHECK(oba_mean_estimate(2.5, 1, 1, 0.95, &r, &err) == -1);
	CHECK(oba_mean_estimate(3, 1, -1, 0.95, &r, &err) == -1 && strstr(err.message, "sd must not be negative, got -1"));
	CHECK(oba_mean_estimate(3, INFINITY, 1, 0.95, &r, &err) == -1 && strstr(err.message, "mean must be finite"));
	CHECK(oba_mean_estimate(3, 1, 1, 1, &r, &err) == -1 && strstr(err.message, "confidence must be between 0 and 1"));
	CHECK(oba_mean_estimate(3, 1e308, 1, 0.95, &r, &err) == -1 && err.code == OBA_ERANGE);
	CHECK(oba_mean_result_of(&s, 0, &r, &err) == -1);

	/* states from outside */
	s.count = 2;
	s.sum = 3;
	s.shift = 1;
	s.mean = 0.5;
	s.m2 = -1;
	CHECK(oba_mean_check_state(&s, &err) == -1 && strstr(err.message, "out of range"));
	s.m2 = 0.5;
	CHECK(oba_mean_check_state(&s, &err) == 0);
	s.count = 1.5;
	CHECK(oba_mean_check_state(&s, &err) == -1);
	s.count = 0;
	CHECK(oba_mean_check_state(&s, &err) == -1);
	s.count = 2;
	s.shift = INFINITY;
	CHECK(oba_mean_check_state(&s, &err) == -1);
	s.shift = 1;
	s.count = 2;
	s.sum = NAN;
	CHECK(oba_mean_check_state(&s, &err) == -1 && strstr(err.message, "non-finite"));

	return unit_done("test_mean");
}
