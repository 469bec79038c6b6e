/*
 * test_proportion.c: src/core/proportion.c against PHEindicatormethods
 * phe_proportion (test/reference/phe_reference.csv), plus bad input and edges.
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

		if (strcmp(csv_get(&c, "method"), "proportion") != 0)
			continue;
		if (isnan(x) || isnan(n))
			continue;
		rows++;
		snprintf(label, sizeof(label), "%s", csv_get(&c, "case_id"));
		CHECK(oba_proportion(x, n, m, conf, &e, &err) == 0);
		CHECK_CLOSE(e.value, csv_num(&c, "value"), 1e-9, 1e-15 * m, label);
		CHECK_CLOSE(e.lower, csv_num(&c, "lower"), 1e-9, 1e-15 * m, label);
		CHECK_CLOSE(e.upper, csv_num(&c, "upper"), 1e-9, 1e-15 * m, label);
	}
	csv_close(&c);
	CHECK(rows >= 120);
	printf("proportion: %d reference rows\n", rows);
}

static void
bad_input(void)
{
	oba_estimate e;
	oba_error	err;

	CHECK(oba_proportion(12, 10, 100, 0.95, &e, &err) == -1);
	CHECK(err.code == OBA_EINVAL && strstr(err.message, "successes 12 exceeds total 10"));
	CHECK(oba_proportion(-1, 10, 100, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "successes") != NULL);
	CHECK(oba_proportion(0, 0, 100, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "total") != NULL);
	CHECK(oba_proportion(1, 10, -100, 0.95, &e, &err) == -1);
	CHECK(oba_proportion(1, 10, 100, 1.5, &e, &err) == -1);
	CHECK(oba_proportion(1, NAN, 100, 0.95, &e, &err) == -1);
}

static void
edges(void)
{
	oba_estimate e;
	double		z = 1.9599639845400536;

	CHECK(oba_proportion(0, 50, 1, 0.95, &e, NULL) == 0);
	CHECK(e.lower == 0.0);
	CHECK_CLOSE(e.upper, z * z / (50 + z * z), 1e-12, 0, "x=0 upper");
	CHECK(oba_proportion(10, 10, 100, 0.95, &e, NULL) == 0);
	CHECK(e.upper <= 100.0 && e.upper > 99.999999);
	CHECK(oba_proportion(0.445, 1, 1, 0.95, &e, NULL) == 0 && e.lower < 0.445 && e.upper > 0.445);
	CHECK(oba_proportion(5e8, 1e9, 100, 0.998, &e, NULL) == 0 && e.upper - e.lower < 0.02);
}

int
main(void)
{
	reference_rows();
	bad_input();
	edges();
	return unit_done("test_proportion");
}
