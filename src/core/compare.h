/*
 * compare.h: comparing an area with a benchmark, and with another area or
 * period (METHODS.md section 8), and the gap to a target.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_COMPARE_H
#define OBA_COMPARE_H

#include "oba_core.h"

/*
 * Fingertips benchmark comparison at one level: "similar" when
 * lower <= benchmark <= upper, otherwise better / worse by polarity (higher /
 * lower for neutral). "not_compared" when any of value, lower, upper or
 * benchmark is NaN (missing). NULL after filling err on invalid input
 * (infinite values, lower > upper).
 */
const char *oba_compare(double value, double lower, double upper, double benchmark,
						oba_polarity polarity, oba_error *err);

/*
 * Two levels (95% and 99.8% intervals): "similar"; "better_95" / "worse_95"
 * when only the 95% interval excludes the benchmark; "better_99_8" /
 * "worse_99_8" when the 99.8% interval excludes it too (higher_ / lower_ for
 * neutral). The 99.8% interval must contain the 95% one.
 */
const char *oba_compare2(double value, double lower95, double upper95,
						 double lower998, double upper998, double benchmark,
						 oba_polarity polarity, oba_error *err);

/* A difference or ratio of two groups with its interval and two-sided p-value. */
typedef struct oba_contrast
{
	double		value;
	double		lower;
	double		upper;
	double		p_value;
	const char *method;
} oba_contrast;

/*
 * p1 - p2 (x per): Newcombe's hybrid score interval (Newcombe 1998, method
 * 10); p-value from Fisher's exact test when the smallest expected cell count
 * is under 5 and the counts are whole numbers, else the pooled z test.
 */
int			oba_proportion_difference(double x1, double n1, double x2, double n2,
									  double per, double confidence,
									  oba_contrast *out, oba_error *err);

/*
 * (x1/n1) / (x2/n2): exact conditional method (the split of x1 + x2 is
 * binomial), Clopper-Pearson interval transformed, central two-sided p-value.
 */
int			oba_rate_ratio(double x1, double n1, double x2, double n2,
						   double confidence, oba_contrast *out, oba_error *err);

/*
 * The smallest whole number k >= 0 of further successes with
 * (successes + k) / total >= target / per.
 */
int			oba_gap_to_close(double successes, double total, double target, double per,
							 double *out, oba_error *err);

#endif							/* OBA_COMPARE_H */
