/*
 * value_for_money.c: cost per outcome, return on investment and present
 * value (value_for_money.h; METHODS.md 22). The outcome count is treated
 * as Poisson, as oba.rate treats events: its exact limits below 10 and
 * Byar's from 10 (rate.c) bound the ratios; the cost and the unit benefit
 * are taken as known.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "value_for_money.h"

#include <math.h>

/* a / b, or NaN when it is not a finite number (b = 0, overflow) */
static double
ratio(double a, double b)
{
	double		r = a / b;

	return isfinite(r) ? r : NAN;
}

static double
finite_or_nan(double v)
{
	return isfinite(v) ? v : NAN;
}

int
oba_cost_per_outcome(double cost, double outcomes, double confidence,
					 oba_estimate *out, oba_error *err)
{
	double		lo,
				hi;

	if (oba_check_nonnegative(err, "cost", cost) != 0 ||
		oba_check_nonnegative(err, "outcomes", outcomes) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	oba_count_limits(outcomes, confidence, &lo, &hi);
	out->value = outcomes > 0 ? ratio(cost, outcomes) : NAN;
	out->lower = ratio(cost, hi);
	out->upper = lo > 0 ? ratio(cost, lo) : NAN;
	out->numerator = cost;
	out->denominator = outcomes;
	return 0;
}

int
oba_return_on_investment(double cost, double outcomes, double unit_benefit,
						 double confidence, oba_estimate *out, oba_error *err)
{
	double		lo,
				hi;

	if (oba_check_positive(err, "cost", cost) != 0 ||
		oba_check_nonnegative(err, "outcomes", outcomes) != 0 ||
		oba_check_nonnegative(err, "unit_benefit", unit_benefit) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	oba_count_limits(outcomes, confidence, &lo, &hi);
	out->value = ratio(finite_or_nan(outcomes * unit_benefit), cost);
	out->lower = ratio(finite_or_nan(lo * unit_benefit), cost);
	out->upper = ratio(finite_or_nan(hi * unit_benefit), cost);
	out->numerator = finite_or_nan(outcomes * unit_benefit);
	out->denominator = cost;
	return 0;
}

int
oba_present_value(double amount, double years, double rate, double *out, oba_error *err)
{
	if (oba_check_finite(err, "amount", amount) != 0 ||
		oba_check_nonnegative(err, "years", years) != 0 ||
		oba_check_finite(err, "discount_rate", rate) != 0)
		return -1;
	if (!(rate >= 0 && rate <= 1))
		return oba_fail(err, OBA_EINVAL, "discount_rate must be between 0 and 1, got %.15g", rate);
	/* pow() as R's ^; (1 + rate)^years can only overflow to a present value of 0 */
	*out = amount / pow(1.0 + rate, years);
	if (*out == 0)
		*out = 0;				/* not -0 */
	return 0;
}
