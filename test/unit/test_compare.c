/*
 * test_compare.c: src/core/compare.c. The Fingertips comparison rules
 * (METHODS.md section 8; no reference vectors exist, so the rules are tested
 * directly), and proportion_difference / rate_ratio against values derived
 * with base R (test/reference/compare_reference.csv, made by
 * test/reference/derive_compare_reference.R), and gap_to_close.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "compare.h"
#include "unit.h"

static void
label_is(const char *got, const char *want, int line)
{
	unit_checks++;
	if (got == NULL || strcmp(got, want) != 0)
	{
		unit_failures++;
		fprintf(stderr, "test_compare.c:%d: got %s, want %s\n", line,
				got ? got : "(error)", want);
	}
}
#define LABEL(got, want) label_is((got), (want), __LINE__)

static void
rules(void)
{
	oba_error	err;
	oba_polarity p;

	CHECK(oba_polarity_parse(&err, "polarity", "higher_is_better", strlen("higher_is_better"), &p) == 0 && p == OBA_HIGHER_IS_BETTER);
	CHECK(oba_polarity_parse(&err, "polarity", "lower_is_better", strlen("lower_is_better"), &p) == 0 && p == OBA_LOWER_IS_BETTER);
	CHECK(oba_polarity_parse(&err, "polarity", "neutral", strlen("neutral"), &p) == 0 && p == OBA_NEUTRAL);
	CHECK(oba_polarity_parse(&err, "polarity", "High is good", strlen("High is good"), &p) == -1);
	CHECK(strstr(err.message, "polarity must be higher_is_better, lower_is_better or neutral, got \"High is good\"") != NULL);

	/* one level: inside (ends included) similar, outside by polarity */
	LABEL(oba_compare(50, 40, 60, 55, OBA_HIGHER_IS_BETTER, &err), "similar");
	LABEL(oba_compare(50, 40, 60, 40, OBA_HIGHER_IS_BETTER, &err), "similar");
	LABEL(oba_compare(50, 40, 60, 60, OBA_LOWER_IS_BETTER, &err), "similar");
	LABEL(oba_compare(50, 40, 60, 39.9, OBA_HIGHER_IS_BETTER, &err), "better");
	LABEL(oba_compare(50, 40, 60, 39.9, OBA_LOWER_IS_BETTER, &err), "worse");
	LABEL(oba_compare(50, 40, 60, 39.9, OBA_NEUTRAL, &err), "higher");
	LABEL(oba_compare(50, 40, 60, 60.1, OBA_HIGHER_IS_BETTER, &err), "worse");
	LABEL(oba_compare(50, 40, 60, 60.1, OBA_LOWER_IS_BETTER, &err), "better");
	LABEL(oba_compare(50, 40, 60, 60.1, OBA_NEUTRAL, &err), "lower");
	/* a degenerate interval */
	LABEL(oba_compare(0, 0, 0, 0, OBA_NEUTRAL, &err), "similar");
	/* missing value, limit or benchmark */
	LABEL(oba_compare(NAN, 40, 60, 50, OBA_NEUTRAL, &err), "not_compared");
	LABEL(oba_compare(50, NAN, 60, 50, OBA_NEUTRAL, &err), "not_compared");
	LABEL(oba_compare(50, 40, NAN, 50, OBA_NEUTRAL, &err), "not_compared");
	LABEL(oba_compare(50, 40, 60, NAN, OBA_NEUTRAL, &err), "not_compared");
	/* bad input */
	CHECK(oba_compare(50, 60, 40, 50, OBA_NEUTRAL, &err) == NULL);
	CHECK(strstr(err.message, "lower 60 exceeds upper 40") != NULL);
	CHECK(oba_compare(50, 40, 60, INFINITY, OBA_NEUTRAL, &err) == NULL);
	CHECK(strstr(err.message, "benchmark must be finite, got Infinity") != NULL);

	/* two levels: 95% [40, 60] inside 99.8% [35, 66] */
	LABEL(oba_compare2(50, 40, 60, 35, 66, 40, OBA_HIGHER_IS_BETTER, &err), "similar");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 38, OBA_HIGHER_IS_BETTER, &err), "better_95");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 35, OBA_HIGHER_IS_BETTER, &err), "better_95");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 34, OBA_HIGHER_IS_BETTER, &err), "better_99_8");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 34, OBA_LOWER_IS_BETTER, &err), "worse_99_8");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 66, OBA_HIGHER_IS_BETTER, &err), "worse_95");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 61, OBA_LOWER_IS_BETTER, &err), "better_95");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 70, OBA_LOWER_IS_BETTER, &err), "better_99_8");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 70, OBA_NEUTRAL, &err), "lower_99_8");
	LABEL(oba_compare2(50, 40, 60, 35, 66, 38, OBA_NEUTRAL, &err), "higher_95");
	LABEL(oba_compare2(50, 40, 60, NAN, 66, 38, OBA_NEUTRAL, &err), "not_compared");
	CHECK(oba_compare2(50, 35, 66, 40, 60, 38, OBA_NEUTRAL, &err) == NULL);
	CHECK(strstr(err.message, "the 99.8% interval [40, 60] must contain the 95% interval [35, 66]") != NULL);
}

static void
reference_rows(void)
{
	csv_file	c;
	int			rows = 0;

	csv_open(&c, "test/reference/compare_reference.csv");
	while (csv_next(&c))
	{
		oba_contrast d,
					r;
		double		x1 = csv_num(&c, "x1"),
					n1 = csv_num(&c, "n1"),
					x2 = csv_num(&c, "x2"),
					n2 = csv_num(&c, "n2"),
					conf = csv_num(&c, "confidence");
		char		label[64];

		rows++;
		snprintf(label, sizeof(label), "%s", csv_get(&c, "case"));
		CHECK(oba_proportion_difference(x1, n1, x2, n2, 1, conf, &d, NULL) == 0);
		CHECK_CLOSE(d.value, csv_num(&c, "pd_value"), 1e-9, 1e-15, label);
		CHECK_CLOSE(d.lower, csv_num(&c, "pd_lower"), 1e-9, 1e-15, label);
		CHECK_CLOSE(d.upper, csv_num(&c, "pd_upper"), 1e-9, 1e-15, label);
		CHECK_CLOSE(d.p_value, csv_num(&c, "pd_p_value"), 1e-9, 1e-15, label);
		CHECK(strcmp(d.method, csv_get(&c, "pd_method")) == 0);
		CHECK(oba_rate_ratio(x1, n1, x2, n2, conf, &r, NULL) == 0);
		CHECK_CLOSE(r.value, csv_num(&c, "rr_value"), 1e-9, 1e-15, label);
		CHECK_CLOSE(r.lower, csv_num(&c, "rr_lower"), 1e-9, 1e-15, label);
		CHECK_CLOSE(r.upper, csv_num(&c, "rr_upper"), 1e-9, 1e-15, label);
		CHECK_CLOSE(r.p_value, csv_num(&c, "rr_p_value"), 1e-9, 1e-15, label);
		/* the central p-value and the interval agree on significance */
		if (!isnan(r.p_value) && !isnan(r.upper))
			CHECK((r.p_value < 1 - conf) == (r.lower > 1 || r.upper < 1));
	}
	csv_close(&c);
	CHECK(rows == 18);
	printf("compare: %d rows derived with R\n", rows);
}

static void
contrasts_edges(void)
{
	oba_contrast d;
	oba_error	err;

	/* per scales the difference (percentage points), not the p-value */
	CHECK(oba_proportion_difference(56, 70, 48, 80, 100, 0.95, &d, NULL) == 0);
	CHECK_CLOSE(d.value, 20, 1e-12, 0, "per 100");
	CHECK_CLOSE(d.lower, 5.2431472402364926, 1e-9, 0, "per 100 lower");
	/* fractional counts: no exact test, the z test */
	CHECK(oba_proportion_difference(2.5, 10, 1.5, 12, 1, 0.95, &d, NULL) == 0);
	CHECK(strcmp(d.method, "newcombe_wilson; z_test") == 0);
	/* fractional counts with both proportions 0: p = 1 */
	CHECK(oba_proportion_difference(0, 10.5, 0, 12, 1, 0.95, &d, NULL) == 0 && d.p_value == 1);
	CHECK(oba_rate_ratio(2.5, 100, 4.5, 120, 0.95, &d, NULL) == 0);
	CHECK(d.lower < d.value && d.value < d.upper && d.p_value > 0 && d.p_value <= 1);

	CHECK(oba_proportion_difference(11, 10, 1, 10, 1, 0.95, &d, &err) == -1);
	CHECK(strstr(err.message, "x1 11 exceeds n1 10") != NULL);
	CHECK(oba_proportion_difference(1, 10, 11, 10, 1, 0.95, &d, &err) == -1);
	CHECK(strstr(err.message, "x2 11 exceeds n2 10") != NULL);
	CHECK(oba_proportion_difference(-1, 10, 1, 10, 1, 0.95, &d, &err) == -1);
	CHECK(strstr(err.message, "x1 must not be negative, got -1") != NULL);
	CHECK(oba_proportion_difference(1, 0, 1, 10, 1, 0.95, &d, &err) == -1);
	CHECK(strstr(err.message, "n1 must be greater than 0, got 0") != NULL);
	CHECK(oba_proportion_difference(1, 10, 1, 10, 0, 0.95, &d, &err) == -1);
	CHECK(oba_proportion_difference(1, 10, 1, 10, 1, 1.5, &d, &err) == -1);
	CHECK(oba_rate_ratio(1, 10, 1, -10, 0.95, &d, &err) == -1);
	CHECK(strstr(err.message, "n2 must be greater than 0, got -10") != NULL);
	CHECK(oba_rate_ratio(150, 100, 1, 10, 0.95, &d, &err) == 0);	/* x > n is a rate */
	CHECK(oba_rate_ratio(1, 10, NAN, 10, 0.95, &d, &err) == -1);
}

static void
gap(void)
{
	double		g;
	oba_error	err;

	/* the Birmingham report: 4,937 children, national average 67% */
	CHECK(oba_gap_to_close(2732, 4937, 0.67, 1, &g, NULL) == 0 && g == 576);
	CHECK(oba_gap_to_close(2732, 4937, 67, 100, &g, NULL) == 0 && g == 576);
	/* exactly at target: 0 (67/100 is 67.00000000000001 in binary) */
	CHECK(oba_gap_to_close(67, 100, 0.67, 1, &g, NULL) == 0 && g == 0);
	CHECK(oba_gap_to_close(66, 100, 0.67, 1, &g, NULL) == 0 && g == 1);
	/* above the target: never negative */
	CHECK(oba_gap_to_close(90, 100, 0.67, 1, &g, NULL) == 0 && g == 0);
	/* rounds up: 66.1 children short is 67 children */
	CHECK(oba_gap_to_close(0, 100, 0.661, 1, &g, NULL) == 0 && g == 67);
	CHECK(oba_gap_to_close(10, 10, 1, 1, &g, NULL) == 0 && g == 0);
	CHECK(oba_gap_to_close(0, 10, 1, 1, &g, NULL) == 0 && g == 10);
	CHECK(oba_gap_to_close(2.5, 10, 0.5, 1, &g, NULL) == 0 && g == 3);

	CHECK(oba_gap_to_close(1, 10, 67, 1, &g, &err) == -1);
	CHECK(strstr(err.message, "target must be between 0 and per (1), got 67") != NULL);
	CHECK(oba_gap_to_close(11, 10, 0.5, 1, &g, &err) == -1);
	CHECK(strstr(err.message, "successes 11 exceeds total 10") != NULL);
	CHECK(oba_gap_to_close(1, 0, 0.5, 1, &g, &err) == -1);
	CHECK(oba_gap_to_close(-1, 10, 0.5, 1, &g, &err) == -1);
	CHECK(oba_gap_to_close(1, 10, -0.5, 1, &g, &err) == -1);
	CHECK(oba_gap_to_close(1, 10, 0.5, 0, &g, &err) == -1);
}

int
main(void)
{
	rules();
	reference_rows();
	contrasts_edges();
	gap();
	return unit_done("test_compare");
}
