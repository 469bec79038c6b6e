/*
 * compare.c: benchmark comparison as Fingertips does it (METHODS.md section
 * 8: the benchmark value against the area's interval, inclusive, one or two
 * levels); change and gap tests between two groups, textbook methods:
 *  - difference of two proportions: Newcombe's hybrid score interval
 *    (Newcombe RG, Stat Med 1998;17:873-890, method 10, built on Wilson
 *    intervals); two-sided p-value from Fisher's exact test (R's fisher.test
 *    convention: sum of the tables no more likely than the observed one) when
 *    the smallest expected cell count is under 5 (Cochran 1954), otherwise
 *    the pooled z test (Pearson's chi-squared without continuity correction);
 *  - ratio of two rates: the exact conditional method (Breslow & Day 1987,
 *    vol. II 2.3): given x1 + x2, x1 is binomial with p = n1 RR / (n1 RR + n2);
 *    Clopper-Pearson limits of p turned into RR limits (as R's poisson.test),
 *    and the central two-sided p-value, twice the smaller tail (Fay, R Journal
 *    2010), which that interval inverts exactly. Fractional counts use the
 *    same beta-function tails.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "compare.h"

#include <math.h>
#include <string.h>

/* The label of "the area is higher than the benchmark" (high) or lower. */
static const char *
direction(int high, oba_polarity p, const char *better, const char *worse,
		  const char *higher, const char *lower)
{
	if (p == OBA_NEUTRAL)
		return high ? higher : lower;
	if (p == OBA_LOWER_IS_BETTER)
		high = !high;
	return high ? better : worse;
}

static int
check_interval(double lower, double upper, const char *lo_name, const char *hi_name,
			   oba_error *err)
{
	if (oba_check_finite(err, lo_name, lower) != 0 ||
		oba_check_finite(err, hi_name, upper) != 0)
		return -1;
	if (lower > upper)
		return oba_fail(err, OBA_EINVAL, "%s %.15g exceeds %s %.15g",
						lo_name, lower, hi_name, upper);
	return 0;
}

const char *
oba_compare(double value, double lower, double upper, double benchmark,
			oba_polarity polarity, oba_error *err)
{
	if (isnan(value) || isnan(lower) || isnan(upper) || isnan(benchmark))
		return "not_compared";
	if (oba_check_finite(err, "value", value) != 0 ||
		oba_check_finite(err, "benchmark", benchmark) != 0 ||
		check_interval(lower, upper, "lower", "upper", err) != 0)
		return NULL;
	if (lower <= benchmark && benchmark <= upper)
		return "similar";
	/* the benchmark lies below the whole interval: the area is higher */
	return direction(benchmark < lower, polarity, "better", "worse", "higher", "lower");
}

const char *
oba_compare2(double value, double lower95, double upper95,
			 double lower998, double upper998, double benchmark,
			 oba_polarity polarity, oba_error *err)
{
	int			high;

	if (isnan(value) || isnan(lower95) || isnan(upper95) ||
		isnan(lower998) || isnan(upper998) || isnan(benchmark))
		return "not_compared";
	if (oba_check_finite(err, "value", value) != 0 ||
		oba_check_finite(err, "benchmark", benchmark) != 0 ||
		check_interval(lower95, upper95, "lower", "upper", err) != 0 ||
		check_interval(lower998, upper998, "lower_99_8", "upper_99_8", err) != 0)
		return NULL;
	if (lower998 > lower95 || upper998 < upper95)
	{
		oba_fail(err, OBA_EINVAL,
				 "the 99.8%% interval [%.15g, %.15g] must contain the 95%% interval [%.15g, %.15g]",
				 lower998, upper998, lower95, upper95);
		return NULL;
	}
	if (lower95 <= benchmark && benchmark <= upper95)
		return "similar";
	high = benchmark < lower95;
	if (lower998 <= benchmark && benchmark <= upper998)
		return direction(high, polarity, "better_95", "worse_95", "higher_95", "lower_95");
	return direction(high, polarity, "better_99_8", "worse_99_8", "higher_99_8", "lower_99_8");
}

static int
check_groups(double x1, double n1, double x2, double n2, int bounded, oba_error *err)
{
	if (oba_check_nonnegative(err, "x1", x1) != 0 ||
		oba_check_positive(err, "n1", n1) != 0 ||
		oba_check_nonnegative(err, "x2", x2) != 0 ||
		oba_check_positive(err, "n2", n2) != 0)
		return -1;
	if (bounded && x1 > n1)
		return oba_fail(err, OBA_EINVAL, "x1 %.15g exceeds n1 %.15g", x1, n1);
	if (bounded && x2 > n2)
		return oba_fail(err, OBA_EINVAL, "x2 %.15g exceeds n2 %.15g", x2, n2);
	return 0;
}

/*
 * Fisher's exact test, two-sided, as R's fisher.test: the probability of the
 * tables whose hypergeometric density is at most that of the observed one
 * (relative tolerance 1e-7), over the support given the margins.
 */
static double
fisher_two_sided(double x1, double n1, double x2, double n2)
{
	double		m = x1 + x2,	/* successes: white balls */
				f = (n1 - x1) + (n2 - x2),	/* failures: black */
				lo = fmax(0.0, n1 - f),
				hi = fmin(n1, m),
				k,
				maxd = -INFINITY,
				dobs,
				total = 0.0,
				p = 0.0;

	if (lo == hi)
		return 1.0;
	for (k = lo; k <= hi; k++)
		maxd = fmax(maxd, oba_dhyper_log(k, m, f, n1));
	dobs = exp(oba_dhyper_log(x1, m, f, n1) - maxd);
	for (k = lo; k <= hi; k++)
	{
		double		d = exp(oba_dhyper_log(k, m, f, n1) - maxd);

		total += d;
		if (d <= dobs * (1.0 + 1e-7))
			p += d;
	}
	return fmin(1.0, p / total);
}

int
oba_proportion_difference(double x1, double n1, double x2, double n2,
						  double per, double confidence,
						  oba_contrast *out, oba_error *err)
{
	double		p1,
				p2,
				l1,
				u1,
				l2,
				u2,
				d,
				pbar,
				e_min,
				whole;

	if (check_groups(x1, n1, x2, n2, 1, err) != 0 ||
		oba_check_positive(err, "per", per) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	p1 = x1 / n1;
	p2 = x2 / n2;
	oba_wilson_limits(x1, n1, confidence, &l1, &u1);
	oba_wilson_limits(x2, n2, confidence, &l2, &u2);
	d = p1 - p2;
	out->value = d * per;
	out->lower = (d - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2))) * per;
	out->upper = (d + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2))) * per;

	/* smallest expected cell of the 2x2 table: smaller row x smaller column / N */
	e_min = fmin(n1, n2) * fmin(x1 + x2, (n1 - x1) + (n2 - x2)) / (n1 + n2);
	whole = oba_is_exact_count(x1) && oba_is_exact_count(n1) &&
		oba_is_exact_count(x2) && oba_is_exact_count(n2);
	if (e_min < 5.0 && whole)
	{
		out->p_value = fisher_two_sided(x1, n1, x2, n2);
		out->method = "newcombe_wilson; fisher_exact";
		return 0;
	}
	pbar = (x1 + x2) / (n1 + n2);
	if (pbar == 0.0 || pbar == 1.0)
		out->p_value = 1.0;		/* both proportions 0, or both 1: no difference */
	else
	{
		double		z = d / sqrt(pbar * (1.0 - pbar) * (1.0 / n1 + 1.0 / n2));

		out->p_value = 2.0 * oba_pnorm(-fabs(z));
	}
	out->method = "newcombe_wilson; z_test";
	return 0;
}

int
oba_rate_ratio(double x1, double n1, double x2, double n2,
			   double confidence, oba_contrast *out, oba_error *err)
{
	double		total,
				alpha,
				pl,
				pu,
				p0,
				below,
				above,
				odds = n2 / n1;

	if (check_groups(x1, n1, x2, n2, 0, err) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	out->method = "exact_conditional";
	total = x1 + x2;
	if (total == 0.0)
	{
		/* no events in either group: nothing to compare */
		out->value = out->lower = out->upper = out->p_value = NAN;
		return 0;
	}
	alpha = (1.0 - confidence) / 2.0;
	pl = x1 == 0.0 ? 0.0 : oba_qbeta(alpha, x1, x2 + 1.0);
	pu = x2 == 0.0 ? 1.0 : oba_qbeta(1.0 - alpha, x1 + 1.0, x2);
	out->value = x2 == 0.0 ? NAN : (x1 / n1) / (x2 / n2);
	out->lower = pl / (1.0 - pl) * odds;
	out->upper = pu == 1.0 ? NAN : pu / (1.0 - pu) * odds;

	/* under RR = 1, x1 ~ Binomial(total, n1 / (n1 + n2)); tails as beta functions */
	p0 = n1 / (n1 + n2);
	below = x2 == 0.0 ? 1.0 : oba_pbeta(p0, x1 + 1.0, x2, 0);	/* P(X <= x1) */
	above = x1 == 0.0 ? 1.0 : oba_pbeta(p0, x1, x2 + 1.0, 1);	/* P(X >= x1) */
	out->p_value = fmin(1.0, 2.0 * fmin(below, above));
	return 0;
}

int
oba_gap_to_close(double successes, double total, double target, double per,
				 double *out, oba_error *err)
{
	double		want,
				need;

	if (oba_check_nonnegative(err, "successes", successes) != 0 ||
		oba_check_positive(err, "total", total) != 0 ||
		oba_check_finite(err, "target", target) != 0 ||
		oba_check_positive(err, "per", per) != 0)
		return -1;
	if (successes > total)
		return oba_fail(err, OBA_EINVAL, "successes %.15g exceeds total %.15g",
						successes, total);
	if (!(target >= 0.0 && target <= per))
		return oba_fail(err, OBA_EINVAL, "target must be between 0 and per (%.15g), got %.15g",
						per, target);
	want = target / per * total;
	need = want - successes;
	/*
	 * 0.67 x 100 is 67.00000000000001 in binary: forgive a relative 1e-12
	 * before rounding up, or a reached target would still ask for one more.
	 */
	need = ceil(need - 1e-12 * fmax(1.0, want));
	*out = need > 0.0 ? need : 0.0;
	return 0;
}
