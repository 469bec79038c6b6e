/*
 * proportion.c: proportions with the Wilson score interval (Wilson 1927;
 * Newcombe & Altman 2000), as PHEindicatormethods phe_proportion
 * (METHODS.md section 3). No small-count switch: Wilson holds at every count.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_core.h"

#include <math.h>

/*
 * Limits on the 0..1 scale, clamped there (x = n can give one ulp below 1).
 * (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / 2(n + z^2), with the 2s taken
 * out: the same bits (scaling by 2 and 4 is exact), and no overflow for
 * totals up to the largest float8.
 */
void
oba_wilson_limits(double x, double n, double confidence, double *lower, double *upper)
{
	double		z = oba_z_two_sided(confidence);
	double		z2 = z * z;
	double		half_root = z * sqrt(z2 / 4.0 + x * (1.0 - x / n));
	double		denom = n + z2;
	double		lo = (x + z2 / 2.0 - half_root) / denom;
	double		hi = (x + z2 / 2.0 + half_root) / denom;

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
