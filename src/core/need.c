/*
 * need.c: a need score from several indicators, as composite indices of
 * deprivation and need are built: each indicator standardised to a z-score
 * across areas (R's scale(): sample standard deviation), signed by polarity
 * so that higher means more need, then a weighted mean per area; areas fall
 * into deciles or quintiles by rank (ties share the lowest rank, SQL rank()),
 * by oba's rule (groups filled from the first rank) or PHEindicatormethods
 * phe_quantile's (filled from the last).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "need.h"

#include <math.h>

int
oba_need_z(double value, double mean, double sd, oba_polarity polarity,
		   double *out, oba_error *err)
{
	double		z;

	if (oba_check_finite(err, "value", value) != 0 ||
		oba_check_finite(err, "mean", mean) != 0 ||
		oba_check_nonnegative(err, "sd", sd) != 0)
		return -1;
	if (polarity == OBA_NEUTRAL)
		return oba_fail(err, OBA_EINVAL,
						"polarity must be higher_is_better or lower_is_better for a need score, got \"neutral\"");
	if (sd == 0.0)
	{
		*out = NAN;				/* every area the same: no direction of need */
		return 0;
	}
	z = (value - mean) / sd;
	/* a low value of a higher-is-better indicator means need */
	*out = polarity == OBA_HIGHER_IS_BETTER ? -z : z;
	return 0;
}

int
oba_need_check_weight(double weight, oba_error *err)
{
	return oba_check_nonnegative(err, "weight", weight);
}

/*
 * Is rank <= k n / groups? Exact in integers without overflow: with
 * n = a groups + b, k n / groups = k a + k b / groups.
 */
static int
within(long long rank, long long n, long long groups, long long k)
{
	long long	a = n / groups,
				b = n % groups,
				rest = rank - k * a;

	if (rest <= 0)
		return 1;
	if (rest >= groups)			/* k b < groups^2 <= groups rest */
		return 0;
	return groups * rest <= k * b;
}

/* ceil(groups rank / n): the smallest k with rank <= k n / groups. */
static int
first_group_reaching(long long rank, long long n, int groups)
{
	long long	lo = 1,
				hi = groups;

	while (lo < hi)
	{
		long long	mid = lo + (hi - lo) / 2;

		if (within(rank, n, groups, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	return (int) lo;
}

static int
check_rank(long long rank, long long n, int groups, oba_error *err)
{
	if (n < 1)
		return oba_fail(err, OBA_EINVAL, "n must be at least 1, got %lld", n);
	if (rank < 1 || rank > n)
		return oba_fail(err, OBA_EINVAL, "rank must be between 1 and n (%lld), got %lld",
						n, rank);
	if (groups < 1)
		return oba_fail(err, OBA_EINVAL, "groups must be at least 1, got %d", groups);
	return 0;
}

int
oba_quantile_group(long long rank, long long n, int groups, int *out, oba_error *err)
{
	if (check_rank(rank, n, groups, err) != 0)
		return -1;
	*out = first_group_reaching(rank, n, groups);
	return 0;
}

/*
 * phe_quantile: floor((groups + 1) - ceiling(((n + 1) - rank) / (n / groups))),
 * 0 made 1, every operation in float8 as R's. The quotient lies in (0, groups]
 * up to rounding, so the result is 1..groups.
 */
int
oba_quantile_group_phe(long long rank, long long n, int groups, int *out, oba_error *err)
{
	double		q;

	if (check_rank(rank, n, groups, err) != 0)
		return -1;
	if (n < groups)
	{
		*out = 0;
		return 0;
	}
	q = floor(((double) groups + 1.0) -
			  ceil((((double) n + 1.0) - (double) rank) / ((double) n / (double) groups)));
	*out = q < 1.0 ? 1 : (int) q;
	return 0;
}
