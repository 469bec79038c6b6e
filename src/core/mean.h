/*
 * mean.h: the mean of a set of values with a Student-t confidence interval,
 * as PHEindicatormethods 2.1.0 phe_mean (METHODS.md section 7), from rows
 * (a Welford state that parallel workers combine by Chan's formula) or from
 * pre-aggregated numbers (count, mean, standard deviation).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_MEAN_H
#define OBA_MEAN_H

#include "oba_core.h"

/*
 * The running state of a set of values: count, sum, and the mean and sum of
 * squared deviations kept by Welford's update of the values less a shift
 * (the first value). A sum of squares would lose every digit of the spread
 * of values far from 0 (1e9 + noise); Welford's update alone would still
 * lose some to the rounding of a mean near 1e9 (about 1e-9 of the sd at
 * 1e9 +/- 3); with the shift the mean it updates is near 0.
 */
typedef struct oba_mean_state
{
	double		count;
	double		sum;
	double		shift;			/* the first value; 0 while empty */
	double		mean;			/* mean of value - shift */
	double		m2;				/* sum of squared deviations from the mean */
} oba_mean_state;

typedef struct oba_mean_result
{
	double		value;			/* the mean: shift + mean (sum / count, less rounded) */
	double		lower;			/* NaN when count < 2 */
	double		upper;
	double		value_sum;
	double		value_count;
	double		stdev;			/* sample sd (divisor count - 1); NaN when count < 2 */
} oba_mean_result;

/* An empty state. */
void		oba_mean_init(oba_mean_state *s);

/*
 * Adds one value. x must be finite; an error (OBA_ERANGE) when the sum or
 * the sum of squared deviations would overflow.
 */
int			oba_mean_add(oba_mean_state *s, double x, oba_error *err);

/* Adds state b to a (Chan, Golub and LeVeque 1979); errors as oba_mean_add. */
int			oba_mean_combine(oba_mean_state *a, const oba_mean_state *b, oba_error *err);

/* A state that came from outside (a text round trip): every field sane. */
int			oba_mean_check_state(const oba_mean_state *s, oba_error *err);

/*
 * The estimate of a state at a confidence level in (0,1):
 * value -/+ |t((1 - confidence)/2; count - 1)| sd / sqrt(count).
 * count 0 gives every field NaN but value_count 0.
 */
int			oba_mean_result_of(const oba_mean_state *s, double confidence,
							   oba_mean_result *out, oba_error *err);

/*
 * The same from pre-aggregated numbers: n >= 1 values (a whole number) with
 * mean and sample standard deviation sd (NaN: unknown, as it is for n = 1).
 */
int			oba_mean_estimate(double n, double mean, double sd, double confidence,
							  oba_mean_result *out, oba_error *err);

#endif							/* OBA_MEAN_H */
