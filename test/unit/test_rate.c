/*
 * test_rate.c: src/core/rate.c against PHEindicatormethods phe_rate
 * (test/reference/phe_reference.csv), plus bad input and edge cases.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_core.h"
#include "unit.h"

static void
reference_rows(void)
{
	csv_file	c;
	int			rows = 0;

	csv_open(&c, "test/reference/phe_reference.csv");
	while (csv_next(&c))
	{
		oba_estimate e;
		oba_error	err;
		double		x = csv_num(&c, "x"),
					n = csv_num(&c, "n"),
					m = csv_num(&c, "multiplier"),
					conf = csv_num(&c, "confidence");
		char		label[96];

		if (strcmp(csv_get(&c, "method"), "rate") != 0)
			continue;
		if (isnan(x) || isnan(n))
			continue;			/* NULL in, NULL out: the glue's job (STRICT) */
		rows++;
		snprintf(label, sizeof(label), "%s", csv_get(&c, "case_id"));
		CHECK(oba_rate(x, n, m, conf, &e, &err) == 0);
		CHECK_CLOSE(e.value, csv_num(&c, "value"), 1e-9, 1e-15 * m, label);
		CHECK_CLOSE(e.lower, csv_num(&c, "lower"), 1e-9, 1e-15 * m, label);
		CHECK_CLOSE(e.upper, csv_num(&c, "upper"), 1e-9, 1e-15 * m, label);
		CHECK(e.numerator == x && e.denominator == n);
	}
	csv_close(&c);
	CHECK(rows >= 80);
	printf("rate: %d reference rows\n", rows);
}

static void
bad_input(void)
{
	oba_estimate e;
	oba_error	err;

	CHECK(oba_rate(-1, 100, 10000, 0.95, &e, &err) == -1);
	CHECK(err.code == OBA_EINVAL && strstr(err.message, "events") && strstr(err.message, "-1"));
	CHECK(oba_rate(1, 0, 10000, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "population") != NULL);
	CHECK(oba_rate(1, -5, 10000, 0.95, &e, &err) == -1);
	CHECK(oba_rate(1, 100, 0, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "per") != NULL);
	CHECK(oba_rate(1, 100, 10000, 1.0, &e, &err) == -1);
	CHECK(strstr(err.message, "confidence") != NULL);
	CHECK(oba_rate(1, 100, 10000, 0.0, &e, &err) == -1);
	CHECK(oba_rate(NAN, 100, 10000, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "NaN") != NULL);
	CHECK(oba_rate(1, INFINITY, 10000, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "Infinity") != NULL);
	CHECK(oba_rate(1, 100, 10000, NAN, &e, &err) == -1);
	/* a NULL error struct is allowed */
	CHECK(oba_rate(-1, 100, 10000, 0.95, &e, NULL) == -1);
}

static void
edges(void)
{
	oba_estimate e;
	double		lo,
				hi;

	/* x = 0: lower exactly 0, upper -ln(0.025) per person at 95% */
	CHECK(oba_rate(0, 1, 1, 0.95, &e, NULL) == 0);
	CHECK(e.lower == 0.0);
	CHECK_CLOSE(e.upper, -log(0.025), 1e-12, 0, "x=0 upper");
	/* the switch: 9.999 exact, 10 Byar */
	oba_count_limits(10, 0.998, &lo, &hi);
	CHECK_CLOSE(lo, 2.916, 1e-3, 0, "Byar x=10 at 0.998 (METHODS.md)");
	/* rates above per are allowed */
	CHECK(oba_rate(500, 100, 100, 0.95, &e, NULL) == 0 && e.value == 500);
	/* tiny and huge populations stay finite */
	CHECK(oba_rate(3, 1e-6, 10000, 0.95, &e, NULL) == 0 && isfinite(e.upper));
	CHECK(oba_rate(3e9, 1e15, 10000, 0.95, &e, NULL) == 0 && e.lower < e.value && e.value < e.upper);
	/* non-integer events below 10 use the exact method with a fractional df */
	CHECK(oba_rate(0.5, 100, 10000, 0.95, &e, NULL) == 0 && e.lower >= 0 && e.upper > e.value);
	/* any confidence level in (0,1) */
	CHECK(oba_rate(20, 1000, 10000, 0.5, &e, NULL) == 0 && e.lower < e.value && e.value < e.upper);
	CHECK(oba_rate(20, 1000, 10000, 0.999999, &e, NULL) == 0 && e.lower > 0);
}

int
main(void)
{
	reference_rows();
	bad_input();
	edges();
	return unit_done("test_rate");
}
