/*
 * test_better_off.c: src/core/better_off.c: classification with polarity
 * and min_change, the counts, and the percentage better with its Wilson
 * interval against PHEindicatormethods phe_proportion
 * (test/reference/phe_reference.csv).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "better_off.h"
#include "unit.h"

static void
classify(void)
{
	int			c;
	oba_error	err;

	CHECK(oba_better_off_classify(10, 20, OBA_HIGHER_IS_BETTER, 0, &c, &err) == 0 && c == 1);
	CHECK(oba_better_off_classify(10, 10, OBA_HIGHER_IS_BETTER, 0, &c, &err) == 0 && c == 0);
	CHECK(oba_better_off_classify(10, 5, OBA_HIGHER_IS_BETTER, 0, &c, &err) == 0 && c == -1);
	CHECK(oba_better_off_classify(10, 5, OBA_LOWER_IS_BETTER, 0, &c, &err) == 0 && c == 1);
	CHECK(oba_better_off_classify(10, 20, OBA_LOWER_IS_BETTER, 0, &c, &err) == 0 && c == -1);
	/* min_change is inclusive, and applies both ways */
	CHECK(oba_better_off_classify(10, 13, OBA_HIGHER_IS_BETTER, 3, &c, &err) == 0 && c == 1);
	CHECK(oba_better_off_classify(10, 12, OBA_HIGHER_IS_BETTER, 3, &c, &err) == 0 && c == 0);
	CHECK(oba_better_off_classify(10, 8, OBA_HIGHER_IS_BETTER, 3, &c, &err) == 0 && c == 0);
	CHECK(oba_better_off_classify(10, 7, OBA_HIGHER_IS_BETTER, 3, &c, &err) == 0 && c == -1);
	CHECK(oba_better_off_classify(NAN, 7, OBA_HIGHER_IS_BETTER, 0, &c, &err) == -1 &&
		  strstr(err.message, "before must be finite"));
	CHECK(oba_better_off_classify(1, INFINITY, OBA_HIGHER_IS_BETTER, 0, &c, &err) == -1 &&
		  strstr(err.message, "after must be finite"));
}

static void
directions(void)
{
	int			d = 0;
	oba_error	err;

	CHECK(oba_better_off_polarity("higher_is_better", 16, &d, &err) == 0 && d == OBA_HIGHER_IS_BETTER);
	CHECK(oba_better_off_polarity("lower_is_better", 15, &d, &err) == 0 && d == OBA_LOWER_IS_BETTER);
	/* not NUL-terminated text: only len bytes count */
	CHECK(oba_better_off_polarity("lower_is_betterXYZ", 15, &d, &err) == 0 && d == OBA_LOWER_IS_BETTER);
	CHECK(oba_better_off_polarity("higher", 6, &d, &err) == -1 && strstr(err.message, "got \"higher\""));
	CHECK(oba_better_off_polarity("neutral", 7, &d, &err) == -1 && strstr(err.message, "neutral"));
	CHECK(oba_better_off_check_min_change(-1, &err) == -1 && strstr(err.message, "min_change"));
	CHECK(oba_better_off_check_min_change(0, &err) == 0);
}

static void
results(void)
{
	oba_better_off r;
	oba_error	err;

	CHECK(oba_better_off_result(3, 1, 1, 1, 0.95, &r, &err) == 0);
	CHECK(r.measured == 5 && r.not_measured == 1 && r.pct_better == 60);
	CHECK(oba_better_off_result(0, 0, 0, 4, 0.95, &r, &err) == 0);
	CHECK(r.measured == 0 && isnan(r.pct_better) && isnan(r.lower) && isnan(r.upper));
	CHECK(oba_better_off_result(0, 5, 0, 0, 0.95, &r, &err) == 0 && r.lower == 0 && r.pct_better == 0);
	CHECK(oba_better_off_result(1, 0, 0, 0, 1.0, &r, &err) == -1 && strstr(err.message, "confidence"));
}

/* every proportion row with whole x <= n: x better out of n measured */
static void
reference_rows(void)
{
	csv_file	c;
	int			rows = 0;

	csv_open(&c, "test/reference/phe_reference.csv");
	while (csv_next(&c))
	{
		oba_better_off r;
		oba_error	err;
		double		x = csv_num(&c, "x"),
					n = csv_num(&c, "n"),
					m = csv_num(&c, "multiplier");

		if (strcmp(csv_get(&c, "method"), "proportion") != 0 ||
			isnan(x) || isnan(n) || x != floor(x))
			continue;
		rows++;
		CHECK(oba_better_off_result(x, n - x, 0, 0, csv_num(&c, "confidence"), &r, &err) == 0);
		CHECK_CLOSE(r.pct_better, csv_num(&c, "value") * 100 / m, 1e-9, 1e-13, csv_get(&c, "case_id"));
		CHECK_CLOSE(r.lower, csv_num(&c, "lower") * 100 / m, 1e-9, 1e-13, csv_get(&c, "case_id"));
		CHECK_CLOSE(r.upper, csv_num(&c, "upper") * 100 / m, 1e-9, 1e-13, csv_get(&c, "case_id"));
	}
	csv_close(&c);
	CHECK(rows >= 120);
	printf("better_off: %d reference rows\n", rows);
}

int
main(void)
{
	classify();
	directions();
	results();
	reference_rows();
	return unit_done("test_better_off");
}
