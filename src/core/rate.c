/*
 * rate.c: crude rates with the confidence limits UK public health uses
 * (PHEindicatormethods phe_rate; METHODS.md section 2): exact Poisson limits
 * from chi-squared quantiles below 10 events, Byar's approximation from 10.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_core.h"

#include <math.h>

/* Below this count the exact limits are used; Byar's fails at small counts. */
#define OBA_BYAR_FROM 10.0

/* Exact limits: Garwood (1936), chi-squared form. qchisq(p, 0) = 0 gives lower 0 at x = 0. */
void
oba_exact_poisson_limits(double x, double confidence, double *lower, double *upper)
{
	*lower = oba_qchisq((1.0 - confidence) / 2.0, 2.0 * x) / 2.0;
	*upper = oba_qchisq(confidence + (1.0 - confidence) / 2.0, 2.0 * x + 2.0) / 2.0;
}

/* Byar's approximation (Breslow & Day 1987), as phe_rate's byars_lower/upper. */
void
oba_byar_limits(double x, double confidence, double *lower, double *upper)
{
	double		z = oba_z_two_sided(confidence);
	double		a = 1.0 - 1.0 / (9.0 * x) - z / (3.0 * sqrt(x));
	double		x1 = x + 1.0;
	double		b = 1.0 - 1.0 / (9.0 * x1) + z / (3.0 * sqrt(x1));

	/* pow(), not a*a*a: R's ^ calls pow() for exponents other than 2 */
	*lower = x * pow(a, 3.0);
	*upper = x1 * pow(b, 3.0);
}

void
oba_count_limits(double x, double confidence, double *lower, double *upper)
{
	if (x < OBA_BYAR_FROM)
		oba_exact_poisson_limits(x, confidence, lower, upper);
	else
		oba_byar_limits(x, confidence, lower, upper);
}

int
oba_rate(double events, double population, double per, double confidence,
		 oba_estimate *out, oba_error *err)
{
	double		lo,
				hi;

	if (oba_check_nonnegative(err, "events", events) != 0 ||
		oba_check_positive(err, "population", population) != 0 ||
		oba_check_positive(err, "per", per) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;

	oba_count_limits(events, confidence, &lo, &hi);
	out->value = events / population * per;
	out->lower = lo / population * per;
	out->upper = hi / population * per;
	out->numerator = events;
	out->denominator = population;
	return 0;
}
