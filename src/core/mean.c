/*
 * mean.c: mean with a Student-t interval, as PHEindicatormethods 2.1.0
 * phe_mean (METHODS.md section 7): value = sum / count, sd the sample
 * standard deviation, limits value -/+ |t((1 - conf)/2; count - 1)| sd /
 * sqrt(count). The sum of squared deviations is kept by Welford's update
 * (Welford 1962) and merged by Chan, Golub and LeVeque's pairwise formula
 * (1979), so that a state is five numbers whatever the rows and parallel
 * workers can each keep one. The update runs on the values less the first
 * value (a shift), so that values far from 0 lose nothing to cancellation
 * nor to the rounding of a large running mean. The value is the mean so
 * kept, shift + mean, rather than the package's sum / count: the same
 * number, without the rounding a long sum accumulates.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "mean.h"

#include <math.h>

void
oba_mean_init(oba_mean_state *s)
{
	s->count = 0.0;
	s->sum = 0.0;
	s->shift = 0.0;
	s->mean = 0.0;
	s->m2 = 0.0;
}

static int
overflow(oba_error *err)
{
	return oba_fail(err, OBA_ERANGE,
					"the values are too large: their sum or sum of squared deviations overflows float8");
}

int
oba_mean_add(oba_mean_state *s, double x, oba_error *err)
{
	double		count = s->count + 1.0,
				shift = s->count == 0.0 ? x : s->shift,
				y,
				d,
				mean,
				m2,
				sum;

	if (oba_check_finite(err, "value", x) != 0)
		return -1;
	sum = s->sum + x;
	y = x - shift;				/* exact when x is within a factor 2 of the shift */
	d = y - s->mean;
	mean = s->mean + d / count;
	m2 = s->m2 + d * (y - mean);
	if (!isfinite(sum) || !isfinite(d) || !isfinite(m2))
		return overflow(err);
	s->count = count;
	s->sum = sum;
	s->shift = shift;
	s->mean = mean;
	s->m2 = m2;
	return 0;
}

int
oba_mean_combine(oba_mean_state *a, const oba_mean_state *b, oba_error *err)
{
	double		count,
				delta,
				mean,
				m2,
				sum;

	if (b->count == 0.0)
		return 0;
	if (a->count == 0.0)
	{
		*a = *b;
		return 0;
	}
	count = a->count + b->count;
	/* b's mean less a's, both of values less a's shift */
	delta = (b->shift - a->shift) + b->mean - a->mean;
	/* weights in (0, 1): no intermediate larger than the result */
	mean = a->mean + delta * (b->count / count);
	m2 = a->m2 + b->m2 + delta * delta * (a->count / count) * b->count;
	sum = a->sum + b->sum;
	if (!isfinite(sum) || !isfinite(delta) || !isfinite(m2))
		return overflow(err);
	a->count = count;
	a->sum = sum;
	a->mean = mean;
	a->m2 = m2;
	return 0;
}

int
oba_mean_check_state(const oba_mean_state *s, oba_error *err)
{
	if (!isfinite(s->count) || !isfinite(s->sum) || !isfinite(s->shift) ||
		!isfinite(s->mean) || !isfinite(s->m2))
		return oba_fail(err, OBA_EINVAL, "the state holds a non-finite value");
	if (s->count < 0.0 || s->count != floor(s->count) || s->m2 < 0.0 ||
		(s->count == 0.0 && (s->sum != 0.0 || s->shift != 0.0 || s->mean != 0.0 || s->m2 != 0.0)))
		return oba_fail(err, OBA_EINVAL, "the state holds a value out of range");
	return 0;
}

/* value -/+ |t| sd / sqrt(n); NaN limits without a standard deviation. */
static void
limits(double n, double value, double sd, double confidence, oba_mean_result *out)
{
	double		half;

	if (n < 2.0 || isnan(sd))
	{
		out->stdev = out->lower = out->upper = NAN;
		return;
	}
	half = fabs(oba_qt((1.0 - confidence) / 2.0, n - 1.0)) * sd / sqrt(n);
	out->stdev = sd;
	out->lower = value - half;
	out->upper = value + half;
}

int
oba_mean_result_of(const oba_mean_state *s, double confidence,
				   oba_mean_result *out, oba_error *err)
{
	if (oba_check_confidence(err, confidence) != 0 ||
		oba_mean_check_state(s, err) != 0)
		return -1;
	out->value_count = s->count;
	if (s->count == 0.0)
	{
		out->value = out->value_sum = out->stdev = out->lower = out->upper = NAN;
		return 0;
	}
	out->value_sum = s->sum;
	out->value = s->shift + s->mean;
	limits(s->count, out->value, s->count < 2.0 ? NAN : sqrt(s->m2 / (s->count - 1.0)),
		   confidence, out);
	return 0;
}

int
oba_mean_estimate(double n, double mean, double sd, double confidence,
				  oba_mean_result *out, oba_error *err)
{
	if (oba_check_finite(err, "n", n) != 0)
		return -1;
	if (n < 1.0 || n != floor(n))
		return oba_fail(err, OBA_EINVAL, "n must be a whole number of at least 1, got %.15g", n);
	if (oba_check_finite(err, "mean", mean) != 0 ||
		(!isnan(sd) && oba_check_nonnegative(err, "sd", sd) != 0) ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	out->value = mean;
	out->value_count = n;
	out->value_sum = mean * n;
	if (!isfinite(out->value_sum))
		return overflow(err);
	limits(n, mean, sd, confidence, out);
	return 0;
}
