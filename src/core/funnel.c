/*
 * funnel.c: funnel plot control limits (Spiegelhalter 2005, Stat Med
 * 24:1185) and significance labels, as PHEindicatormethods 2.1.0
 * calculate_funnel_limits and assign_funnel_significance (METHODS.md
 * section 6). Differences from the package, on purpose: the Poisson means
 * are exact chi-squared quantiles rather than a 23-step bisection (about
 * 1e-7 relative apart, up to 4.7e-5 at one event and p = 0.001), and the
 * proportion limits are clamped to [0, per] rather than [0, 100].
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "funnel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The two levels are fixed by the method: 95% and 99.8% two-sided. */
#define P_2S 0.025
#define P_3S 0.001

int
oba_funnel_statistic_parse(const char *s, oba_funnel_statistic *out, oba_error *err)
{
	if (strcmp(s, "proportion") == 0)
		*out = OBA_FUNNEL_PROPORTION;
	else if (strcmp(s, "ratio") == 0)
		*out = OBA_FUNNEL_RATIO;
	else if (strcmp(s, "rate") == 0)
		*out = OBA_FUNNEL_RATE;
	else if (strcmp(s, "dsr") == 0)
		*out = OBA_FUNNEL_DSR;
	else
		return oba_fail(err, OBA_EINVAL,
						"statistic must be proportion, ratio, rate or dsr, got \"%.64s\"", s);
	return 0;
}

double
oba_funnel_default_per(oba_funnel_statistic stat)
{
	switch (stat)
	{
		case OBA_FUNNEL_PROPORTION:
			return 100.0;
		case OBA_FUNNEL_RATIO:
			return 1.0;
		case OBA_FUNNEL_RATE:
			return 10000.0;
		case OBA_FUNNEL_DSR:
			return 100000.0;
	}
	return NAN;
}

/* lambda with P(X <= o | lambda) = p: the Poisson mean below which o is high. */
static double
poisson_mean_upper(double o, double p)
{
	return oba_qchisq(1.0 - p, 2.0 * o + 2.0) / 2.0;
}

/* lambda with P(X >= o | lambda) = p; 0 at o = 0. */
static double
poisson_mean_lower(double o, double p)
{
	return oba_qchisq(p, 2.0 * o) / 2.0;
}

static int
check_average(oba_funnel_statistic stat, double average, oba_error *err)
{
	if (stat == OBA_FUNNEL_RATIO)
		return 0;
	if (oba_check_finite(err, "average", average) != 0)
		return -1;
	if (stat == OBA_FUNNEL_PROPORTION && !(average >= 0.0 && average <= 1.0))
		return oba_fail(err, OBA_EINVAL,
						"average must be between 0 and 1 for a proportion, got %.15g", average);
	if (stat != OBA_FUNNEL_PROPORTION && !(average > 0.0))
		return oba_fail(err, OBA_EINVAL,
						"average must be greater than 0 for a rate, got %.15g", average);
	return 0;
}

int
oba_funnel_limits(oba_funnel_statistic stat, double x, double average,
				  double per, double years_of_data,
				  oba_funnel_point *out, oba_error *err)
{
	double		q2,
				q3,
				lu2,
				ll2,
				lu3,
				ll3;

	if (oba_check_positive(err, "per", per) != 0 ||
		check_average(stat, average, err) != 0)
		return -1;

	if (stat == OBA_FUNNEL_PROPORTION)
	{
		double		sd;

		if (oba_check_positive(err, "population", x) != 0)
			return -1;
		/* the proportions whose Wilson limit at x lies on the average */
		q2 = oba_qnorm(1.0 - P_2S);
		q3 = oba_qnorm(1.0 - P_3S);
		sd = sqrt(average * (1.0 - average) / x);
		out->lower_2s = fmax(0.0, (average - q2 * sd) * per);
		out->upper_2s = fmin(per, (average + q2 * sd) * per);
		out->lower_3s = fmax(0.0, (average - q3 * sd) * per);
		out->upper_3s = fmin(per, (average + q3 * sd) * per);
		out->baseline = average * per;
		out->lower_2s_denominator = out->upper_2s_denominator = NAN;
		out->lower_3s_denominator = out->upper_3s_denominator = NAN;
		return 0;
	}

	if (oba_check_nonnegative(err, "events", x) != 0 ||
		oba_check_positive(err, "years_of_data", years_of_data) != 0)
		return -1;
	lu2 = poisson_mean_upper(x, P_2S);
	ll2 = poisson_mean_lower(x, P_2S);
	lu3 = poisson_mean_upper(x, P_3S);
	ll3 = poisson_mean_lower(x, P_3S);
	if (stat == OBA_FUNNEL_RATIO)
	{
		out->lower_2s = x / lu2 * per;
		out->upper_2s = ll2 > 0.0 ? x / ll2 * per : NAN;
		out->lower_3s = x / lu3 * per;
		out->upper_3s = ll3 > 0.0 ? x / ll3 * per : NAN;
		out->baseline = NAN;
		out->lower_2s_denominator = lu2;
		out->upper_2s_denominator = ll2;
		out->lower_3s_denominator = lu3;
		out->upper_3s_denominator = ll3;
		return 0;
	}
	/* rates: the population at which x events lie on the limit is lambda / average */
	out->lower_2s = x / (lu2 / average) * per;
	out->upper_2s = ll2 > 0.0 ? x / (ll2 / average) * per : NAN;
	out->lower_3s = x / (lu3 / average) * per;
	out->upper_3s = ll3 > 0.0 ? x / (ll3 / average) * per : NAN;
	out->baseline = average * per;
	out->lower_2s_denominator = lu2 / average / years_of_data;
	out->upper_2s_denominator = ll2 / average / years_of_data;
	out->lower_3s_denominator = lu3 / average / years_of_data;
	out->upper_3s_denominator = ll3 / average / years_of_data;
	return 0;
}

/*
 * nchar() of a whole number as R 4.2 prints it (15 significant digits):
 * scientific notation when it is strictly shorter, so nchar(100000) is 5
 * ("1e+05"), not 6. The axis rounding depends on it (METHODS.md 6.4).
 */
static int
r_nchar(double v)
{
	char		buf[64];
	int			fixed,
				sig,
				e,
				sci;

	if (v == 0.0)
		return 1;
	snprintf(buf, sizeof(buf), "%.14e", v);	/* d.dddddddddddddde+XX: 15 digits */
	e = atoi(strchr(buf, 'e') + 1);
	/* significant digits: the mantissa without trailing zeros */
	sig = 15;
	while (sig > 1 && buf[sig] == '0')	/* buf[0] digit, buf[1] '.', buf[2..15] */
		sig--;
	sci = (sig == 1 ? 1 : sig + 1) + (abs(e) >= 100 ? 5 : 4);
	fixed = e + 1;				/* a whole number >= 1 has e + 1 digits */
	return fixed > sci ? sci : fixed;
}

static double
signif_floor(double x)
{
	double		k,
				p;

	if (x == 0.0)
		return 0.0;
	k = r_nchar(floor(x * 0.95)) - 1;
	p = pow(10.0, k);
	return floor(x * 0.95 / p) * p;
}

static double
signif_ceiling(double x)
{
	double		k,
				p;

	if (x == 0.0)
		return 0.0;
	k = r_nchar(ceil(x * 1.05)) - 2;
	p = pow(10.0, k);
	return ceil(x * 1.05 / p) * p;
}

int
oba_funnel_axis(oba_funnel_statistic stat, double min_denominator,
				double max_denominator, double average, double years_of_data,
				double axis[OBA_FUNNEL_POINTS], oba_error *err)
{
	double		lo,
				hi;
	int			j;
	int			rate = (stat == OBA_FUNNEL_RATE || stat == OBA_FUNNEL_DSR);

	if (oba_check_positive(err, "min_denominator", min_denominator) != 0 ||
		oba_check_positive(err, "max_denominator", max_denominator) != 0 ||
		oba_check_positive(err, "years_of_data", years_of_data) != 0)
		return -1;
	if (min_denominator > max_denominator)
		return oba_fail(err, OBA_EINVAL,
						"min_denominator %.15g exceeds max_denominator %.15g",
						min_denominator, max_denominator);
	if (rate && check_average(stat, average, err) != 0)
		return -1;
	if (!rate)
		years_of_data = 1.0;
	/* the axis is rounded in decimal digits: it needs a finite top end */
	if (!isfinite(max_denominator / years_of_data * 1.05) ||
		(rate && !isfinite(max_denominator / years_of_data * 1.05 * years_of_data * average)))
		return oba_fail(err, OBA_ERANGE, "max_denominator %.15g is too large for a funnel axis%s",
						max_denominator, rate ? " over years_of_data at that average" : "");

	if (max_denominator > 2.0 * min_denominator)
		lo = 0.0;
	else
		lo = signif_floor(min_denominator / years_of_data) * years_of_data;
	hi = signif_ceiling(max_denominator / years_of_data) * years_of_data;
	if (rate)
	{
		/* the rate axis counts events */
		lo = floor(lo * average);
		hi = ceil(hi * average);
	}
	axis[0] = fmax(1.0, lo);
	for (j = 2; j <= OBA_FUNNEL_POINTS; j++)
	{
		int			offset = stat == OBA_FUNNEL_RATIO ? j - 1 : j;
		double		prev = axis[j - 2];
		/* R: round() is half-to-even, ^ is pow() */
		double		next = nearbyint(pow(hi / prev, 1.0 / (101 - offset)) * prev);

		axis[j - 1] = fmax(next, prev + 1.0);
	}
	return 0;
}

int
oba_funnel_denominator(oba_funnel_statistic stat, double numerator,
					   double denominator, double rate, double per,
					   double *out, oba_error *err)
{
	if (oba_check_nonnegative(err, "numerator", numerator) != 0)
		return -1;
	if (!isnan(denominator) && oba_check_positive(err, "denominator", denominator) != 0)
		return -1;
	/* a dsr with no events has no usable denominator: it is left out */
	if (stat == OBA_FUNNEL_DSR && numerator == 0.0)
	{
		*out = NAN;
		return 0;
	}
	if ((stat != OBA_FUNNEL_RATE && stat != OBA_FUNNEL_DSR) || isnan(rate))
	{
		*out = denominator;
		return 0;
	}
	if (oba_check_nonnegative(err, "rate", rate) != 0 ||
		oba_check_positive(err, "per", per) != 0)
		return -1;
	if (numerator == 0.0)
	{
		/* no events: the rate says nothing of the population */
		*out = denominator;
		return 0;
	}
	if (!(rate > 0.0))
		return oba_fail(err, OBA_EINVAL,
						"rate must be greater than 0 when numerator is, got rate %.15g for numerator %.15g",
						rate, numerator);
	*out = per * numerator / rate;
	return 0;
}

int
oba_funnel_chart_point(oba_funnel_statistic stat, double numerator, double denominator,
					   double rate, double per, double years_of_data,
					   double *chart_denominator, double *value, oba_error *err)
{
	double		d;

	*chart_denominator = *value = NAN;
	if (oba_check_nonnegative(err, "numerator", numerator) != 0 ||
		oba_check_positive(err, "per", per) != 0 ||
		oba_check_positive(err, "years_of_data", years_of_data) != 0)
		return -1;
	if (!isnan(denominator) && oba_check_positive(err, "denominator", denominator) != 0)
		return -1;
	if (!isnan(rate) && oba_check_nonnegative(err, "rate", rate) != 0)
		return -1;

	if (stat == OBA_FUNNEL_PROPORTION || stat == OBA_FUNNEL_RATIO)
	{
		if (isnan(denominator))
			return 0;
		if (stat == OBA_FUNNEL_PROPORTION && numerator > denominator)
			return oba_fail(err, OBA_EINVAL, "numerator %.15g exceeds denominator %.15g for a proportion",
							numerator, denominator);
		*chart_denominator = denominator;
		*value = numerator / denominator * per;
		return 0;
	}

	/* the package's blanking: a dsr on fewer than 10 events is not drawn */
	if (stat == OBA_FUNNEL_DSR && numerator < 10.0)
		return 0;
	if (oba_funnel_denominator(stat, numerator, denominator, rate, per, &d, err) != 0)
		return -1;
	if (isnan(rate))
	{
		/* a crude rate from its counts; a dsr cannot be */
		if (stat == OBA_FUNNEL_DSR || isnan(denominator))
			return 0;
		*value = numerator / denominator * per;
	}
	else
		*value = rate;
	*chart_denominator = d / years_of_data;
	return 0;
}

const char *
oba_funnel_significance(oba_funnel_statistic stat, double numerator,
						double denominator, double average, oba_error *err)
{
	double		centre,
				l3,
				u3,
				l2,
				u2;

	if (oba_check_nonnegative(err, "numerator", numerator) != 0)
		return NULL;
	if (stat == OBA_FUNNEL_DSR && numerator < 10.0)
		return "Not applicable for events less than 10 for dsrs";
	if (oba_check_positive(err, "denominator", denominator) != 0 ||
		check_average(stat, average, err) != 0)
		return NULL;

	if (stat == OBA_FUNNEL_PROPORTION)
	{
		double		p = numerator / denominator,
					sd = sqrt(average * (1.0 - average) / denominator),
					q2 = oba_qnorm(1.0 - P_2S),
					q3 = oba_qnorm(1.0 - P_3S);

		if (numerator > denominator)
		{
			oba_fail(err, OBA_EINVAL, "numerator %.15g exceeds denominator %.15g for a proportion",
					 numerator, denominator);
			return NULL;
		}
		if (p < average - q3 * sd)
			return "Low (0.001)";
		if (p < average - q2 * sd)
			return "Low (0.025)";
		if (p > average + q3 * sd)
			return "High (0.001)";
		if (p > average + q2 * sd)
			return "High (0.025)";
		return "Not significant";
	}

	/* ratio and rate: the count limits of the record against the centre */
	centre = stat == OBA_FUNNEL_RATIO ? 1.0 : average;
	oba_count_limits(numerator, 1.0 - 2.0 * P_3S, &l3, &u3);
	oba_count_limits(numerator, 1.0 - 2.0 * P_2S, &l2, &u2);
	if (centre < l3 / denominator)
		return "High (0.001)";
	if (centre < l2 / denominator)
		return "High (0.025)";
	if (centre > u3 / denominator)
		return "Low (0.001)";
	if (centre > u2 / denominator)
		return "Low (0.025)";
	return "Not significant";
}
