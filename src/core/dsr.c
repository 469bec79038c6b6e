/*
 * dsr.c: directly standardised rates with Dobson et al. (1991) limits built
 * on Byar's limits of the total count, as PHEindicatormethods calculate_dsr
 * (METHODS.md section 4), including its adjustment for non-independent
 * events (a person counted several times), and its suppression below 10.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "dsr.h"

#include <math.h>

int
oba_dsr_check_band(double x, double q, double n, double w, oba_error *err)
{
	if (!isnan(x) && oba_check_nonnegative(err, "events", x) != 0)
		return -1;
	if (oba_check_positive(err, "population", n) != 0 ||
		oba_check_nonnegative(err, "standard_population", w) != 0)
		return -1;
	if (!isnan(q))
	{
		if (oba_check_nonnegative(err, "events_squared", q) != 0)
			return -1;
		/* sum f^2 x_f >= sum f x_f for whole numbers of events f */
		if (!isnan(x) && q < x)
			return oba_fail(err, OBA_EINVAL,
							"events_squared %.15g is less than events %.15g",
							q, x);
	}
	return 0;
}

int
oba_dsr(const oba_dsr_sums *s, double per, double confidence,
		oba_estimate *out, oba_error *err)
{
	double		o = s->count,
				dsr,
				var,
				lo,
				hi,
				scale;

	if (oba_check_positive(err, "per", per) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	if (!(s->weight > 0.0))
		return oba_fail(err, OBA_EINVAL,
						"standard_population must not sum to 0 over a group");

	out->numerator = o;
	out->denominator = s->pop;
	if (o < OBA_DSR_MIN_COUNT)
	{
		/* no exact method exists for a weighted sum of Poisson counts */
		out->value = out->lower = out->upper = NAN;
		return 0;
	}
	dsr = s->weighted / s->weight * per;
	var = s->var / (s->weight * s->weight);
	oba_byar_limits(o, confidence, &lo, &hi);
	scale = sqrt(var / o);
	out->value = dsr;
	out->lower = dsr + scale * (lo - o) * per;
	out->upper = dsr + scale * (hi - o) * per;
	return 0;
}
