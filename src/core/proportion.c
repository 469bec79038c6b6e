/*
 * proportion.c: proportions with the Wilson score interval (Wilson 1927;
 * Newcombe & Altman 2000), as PHEindicatormethods phe_proportion
 * (METHODS.md section 3). No small-count switch: Wilson holds at every count.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_core.h"

#include <math.h>

/* Limits on the 0..1 scale, clamped there (x = n can give one ulp below 1). */
void
oba_wilson_limits(double x, double n, double confidence, double *lower, double *upper)
{
	double		z = oba_z_two_sided(confidence);
	double		z2 = z * z;
	double		root = z * sqrt(z2 + 4.0 * x * (1.0 - x / n));
	double		denom = 2.0 * (n + z2);
	double		lo = (2.0 * x + z2 - root) / denom;
	double		hi = (2.0 * x + z2 + root) / denom;

	*lower = lo < 0.0 ? 0.0 : lo;
	*upper = hi > 1.0 ? 1.0 : hi;
}

int
oba_proportion(double successes, double total, double per, double confidence,
			   oba_estimate *out, oba_error *err)
{
	double		lo,
				hi;

	if (oba_check_nonnegative(err, "successes", successes) != 0 ||
		oba_check_positive(err, "total", total) != 0 ||
		oba_check_positive(err, "per", per) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	if (successes > total)
		return oba_fail(err, OBA_EINVAL, "successes %.15g exceeds total %.15g",
						successes, total);

	oba_wilson_limits(successes, total, confidence, &lo, &hi);
	out->value = successes / total * per;
	out->lower = lo * per;
	out->upper = hi * per;
	out->numerator = successes;
	out->denominator = total;
	return 0;
}
