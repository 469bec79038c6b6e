/*
 * isr.c: indirectly standardised ratios (O/E) and rates (O/E x the reference
 * rate), with the exact Poisson (O < 10) or Byar limits of O divided by E, as
 * PHEindicatormethods calculate_ISRatio and calculate_ISRate (METHODS.md
 * section 5; Breslow & Day 1987).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "isr.h"

#include <math.h>

int
oba_isr_check_band(double x, double n, double xref, double nref, oba_error *err)
{
	if ((!isnan(x) && oba_check_nonnegative(err, "observed", x) != 0) ||
		(!isnan(n) && oba_check_nonnegative(err, "population", n) != 0) ||
		(!isnan(xref) && oba_check_nonnegative(err, "reference_events", xref) != 0) ||
		oba_check_positive(err, "reference_population", nref) != 0)
		return -1;
	return 0;
}

int
oba_isr(const oba_isr_sums *s, double per, double confidence,
		oba_isr_result *out, oba_error *err)
{
	double		o = s->observed,
				e = s->expected,
				lo,
				hi;

	if (oba_check_positive(err, "per", per) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;

	out->observed = o;
	out->expected = e;
	out->ref_rate = s->ref_pop > 0.0 ? s->ref_events / s->ref_pop * per : NAN;
	if (!(e > 0.0))
	{
		/* nothing expected: the ratio is undefined (the package gives Inf) */
		out->ratio = out->ratio_lower = out->ratio_upper = NAN;
		out->rate = out->rate_lower = out->rate_upper = NAN;
		return 0;
	}
	oba_count_limits(o, confidence, &lo, &hi);
	out->ratio = o / e;
	out->ratio_lower = lo / e;
	out->ratio_upper = hi / e;
	out->rate = o / e * out->ref_rate;
	out->rate_lower = lo / e * out->ref_rate;
	out->rate_upper = hi / e * out->ref_rate;
	return 0;
}
