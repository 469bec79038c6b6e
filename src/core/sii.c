/*
 * sii.c: the slope index of inequality (SII) and the relative index of
 * inequality (RII) across quantiles of deprivation, as PHEindicatormethods
 * phe_sii (METHODS.md 19; Low & Low 2004): a regression of the quantiles'
 * values on their relative rank (the midpoint of each quantile's share of the
 * cumulative population), weighted by population share, and confidence limits
 * by simulating the quantiles' values from normal distributions. The draws
 * come from the core's seeded generator (rng.h), not R's, so the limits agree
 * with the package's only within Monte-Carlo error.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "sii.h"
#include "rng.h"

#include <math.h>
#include <string.h>

static const char *const type_names[] = {"normal", "rate", "proportion"};

int
oba_sii_value_type_parse(oba_error *err, const char *arg, const char *text, size_t len,
						 oba_sii_value_type *out)
{
	int			i;

	for (i = 0; i < 3; i++)
		if (strlen(type_names[i]) == len && memcmp(type_names[i], text, len) == 0)
		{
			*out = (oba_sii_value_type) i;
			return 0;
		}
	return oba_fail(err, OBA_EINVAL, "%s must be normal, rate or proportion, got \"%.*s\"",
					arg, (int) (len > 40 ? 40 : len), text);
}

const char *
oba_sii_value_type_name(oba_sii_value_type t)
{
	return (t >= OBA_SII_NORMAL && t <= OBA_SII_PROPORTION) ? type_names[t] : "?";
}

/* The scale on which a value is drawn: as is, log (rates), logit (proportions). */
static double
to_scale(double v, oba_sii_value_type t)
{
	switch (t)
	{
		case OBA_SII_RATE:
			return log(v);
		case OBA_SII_PROPORTION:
			return log(v / (1.0 - v));
		default:
			return v;
	}
}

static double
from_scale(double v, oba_sii_value_type t)
{
	switch (t)
	{
		case OBA_SII_RATE:
			return exp(v);
		case OBA_SII_PROPORTION:
			/* exp(v) / (1 + exp(v)) without overflow */
			return v >= 0 ? 1.0 / (1.0 + exp(-v)) : exp(v) / (1.0 + exp(v));
		default:
			return v;
	}
}

/* The 1-based positions of the limits among the sorted draws, as phe_sii. */
static void
limit_positions(double confidence, long reps, double *lo, double *hi)
{
	double		cv = confidence + (1.0 - confidence) / 2.0;

	*lo = nearbyint((double) reps * (1.0 - cv));
	*hi = nearbyint((double) reps * cv);
}

int
oba_sii_check_params(const oba_sii_params *p, oba_error *err)
{
	double		lo,
				hi;

	if (p->value_type < OBA_SII_NORMAL || p->value_type > OBA_SII_PROPORTION)
		return oba_fail(err, OBA_EINVAL, "value_type must be normal, rate or proportion");
	if (p->transform && p->value_type == OBA_SII_NORMAL)
		return oba_fail(err, OBA_EINVAL, "transform needs value_type rate or proportion");
	if (p->transform && p->use_se)
		return oba_fail(err, OBA_EINVAL,
						"transform needs the 95%% confidence limits, not a standard error");
	if (oba_check_finite(err, "multiplier", p->multiplier) != 0)
		return -1;
	if (p->multiplier == 0.0)
		return oba_fail(err, OBA_EINVAL, "multiplier must not be 0");
	if (oba_check_confidence(err, p->confidence) != 0)
		return -1;
	if (p->repetitions < OBA_SII_MIN_REPETITIONS || p->repetitions > OBA_SII_MAX_REPETITIONS)
		return oba_fail(err, OBA_EINVAL, "repetitions must be between %d and %d, got %ld",
						OBA_SII_MIN_REPETITIONS, OBA_SII_MAX_REPETITIONS, p->repetitions);
	limit_positions(p->confidence, p->repetitions, &lo, &hi);
	if (lo < 1.0)
		return oba_fail(err, OBA_EINVAL,
						"confidence %.15g needs more than %ld repetitions: the lower limit would be draw number %.0f",
						p->confidence, p->repetitions, lo);
	return 0;
}

static int
check_domain(const char *arg, double v, oba_sii_value_type t, oba_error *err)
{
	if (isnan(v))
		return 0;
	if (oba_check_finite(err, arg, v) != 0)
		return -1;
	if (t == OBA_SII_RATE && !(v > 0.0))
		return oba_fail(err, OBA_EINVAL,
						"%s of a rate must be greater than 0 (its log is taken), got %.15g", arg, v);
	if (t == OBA_SII_PROPORTION && !(v > 0.0 && v < 1.0))
		return oba_fail(err, OBA_EINVAL,
						"%s of a proportion must be between 0 and 1 (exclusive; its logit is taken), got %.15g",
						arg, v);
	return 0;
}

int
oba_sii_check_row(const oba_sii_row *r, const oba_sii_params *p, oba_error *err)
{
	if (oba_check_finite(err, "quantile", r->quantile) != 0 ||
		oba_check_positive(err, "population", r->population) != 0 ||
		check_domain("value", r->value, p->value_type, err) != 0)
		return -1;
	if (p->use_se)
	{
		if (!isnan(r->se) && oba_check_nonnegative(err, "se", r->se) != 0)
			return -1;
		return 0;
	}
	if (check_domain("lower", r->lower, p->value_type, err) != 0 ||
		check_domain("upper", r->upper, p->value_type, err) != 0)
		return -1;
	if (r->lower > r->upper)
		return oba_fail(err, OBA_EINVAL, "lower %.15g exceeds upper %.15g", r->lower, r->upper);
	return 0;
}

/* ---- selection ---- */

static inline void
swap(double *a, size_t i, size_t j)
{
	double		t = a[i];

	a[i] = a[j];
	a[j] = t;
}

double
oba_select_kth(double *a, size_t n, size_t k)
{
	size_t		lo = 0,
				hi = n - 1,
				steps = 0;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2,
					lt = lo,
					i = lo,
					gt = hi;
		double		x = a[lo],
					y = a[mid],
					z = a[hi],
					pivot;

		/* the median of three: sorted or constant runs stay linear */
		pivot = (x < y) ? ((y < z) ? y : (x < z ? z : x)) : ((x < z) ? x : (y < z ? z : y));
		/* three ways: [lo, lt) < pivot, [lt, gt] = pivot, (gt, hi] > pivot */
		while (i <= gt)
		{
			OBA_CHECK_INTERRUPTS_EVERY(steps);
			steps++;
			if (a[i] < pivot)
				swap(a, lt++, i++);
			else if (a[i] > pivot)
			{
				swap(a, i, gt);
				if (gt == 0)
					break;
				gt--;
			}
			else
				i++;
		}
		if (k < lt)
			hi = lt - 1;
		else if (k > gt)
			lo = gt + 1;
		else
			return pivot;
	}
	return a[k];
}

/* ---- the SII ---- */

static int
by_quantile(const oba_sii_row *a, const oba_sii_row *b)
{
	return (a->quantile > b->quantile) - (a->quantile < b->quantile);
}

int
oba_sii(oba_sii_row *rows, size_t n, const oba_sii_params *p, const oba_allocator *alloc,
		oba_sii_result *out, oba_error *err)
{
	double		a[OBA_SII_MAX_QUANTILES],
				x[OBA_SII_MAX_QUANTILES],
				mu[OBA_SII_MAX_QUANTILES],
				sd[OBA_SII_MAX_QUANTILES],
				c0[OBA_SII_MAX_QUANTILES],
				c1[OBA_SII_MAX_QUANTILES];
	double		total = 0,
				w = 0,
				xbar = 0,
				sxx = 0,
				cum = 0,
				b0,
				b1,
				m = p->multiplier,
				z95,
				klo,
				khi;
	double	   *sims,
			   *riis = NULL;
	size_t		i,
				j;
	long		r,
				reps = p->repetitions;
	oba_sii_value_type type = p->value_type;
	int			back;
	oba_rng		rng;

	if (oba_sii_check_params(p, err) != 0)
		return -1;
	if (n > OBA_SII_MAX_QUANTILES)
		return oba_fail(err, OBA_EINVAL, "at most %d quantiles, got %lu",
						OBA_SII_MAX_QUANTILES, (unsigned long) n);
	for (i = 0; i < n; i++)
		if (oba_sii_check_row(&rows[i], p, err) != 0)
			return -1;
	/* insertion sort by label: at most 100 rows */
	for (i = 1; i < n; i++)
	{
		oba_sii_row t = rows[i];

		for (j = i; j > 0 && by_quantile(&rows[j - 1], &t) > 0; j--)
			rows[j] = rows[j - 1];
		rows[j] = t;
	}
	for (i = 1; i < n; i++)
		if (rows[i].quantile == rows[i - 1].quantile)
			return oba_fail(err, OBA_EINVAL, "quantile %.15g appears more than once",
							rows[i].quantile);

	for (i = 0; i < n; i++)
		total += rows[i].population;
	out->quantiles = (double) n;
	out->population = total;
	out->intercept = out->sii = out->sii_lower = out->sii_upper = NAN;
	out->rii = out->rii_lower = out->rii_upper = NAN;
	if (n < OBA_SII_MIN_QUANTILES)
		return 0;
	for (i = 0; i < n; i++)
		if (isnan(rows[i].value) ||
			(p->use_se ? isnan(rows[i].se) : (isnan(rows[i].lower) || isnan(rows[i].upper))))
			return 0;

	/*
	 * Relative rank: the midpoint of each quantile's share of the cumulative
	 * population. The regression y sqrt(a) = b0 sqrt(a) + b1 x sqrt(a) is the
	 * least-squares line of y on x weighted by a.
	 */
	z95 = oba_qnorm(0.975);
	for (i = 0; i < n; i++)
	{
		a[i] = rows[i].population / total;
		x[i] = cum + a[i] / 2.0;
		cum += a[i];
		mu[i] = to_scale(rows[i].value, type);
		sd[i] = p->use_se ? rows[i].se
			: (to_scale(rows[i].upper, type) - to_scale(rows[i].lower, type)) / (2.0 * z95);
	}
	for (i = 0; i < n; i++)
	{
		w += a[i];
		xbar += a[i] * x[i];
	}
	xbar /= w;
	for (i = 0; i < n; i++)
		sxx += a[i] * (x[i] - xbar) * (x[i] - xbar);
	/*
	 * The fit as linear weights on the values: b1 = sum c1 y, b0 = sum c0 y.
	 * The estimate and every draw go through the same sums, so draws without
	 * spread (se 0) reproduce the estimate exactly.
	 */
	b0 = b1 = 0;
	for (i = 0; i < n; i++)
	{
		double		y = p->transform ? mu[i] : rows[i].value;

		c1[i] = a[i] * (x[i] - xbar) / sxx;
		c0[i] = a[i] / w - xbar * c1[i];
		b0 += c0[i] * y;
		b1 += c1[i] * y;
	}

	if (!p->transform)
	{
		out->intercept = b0 * fabs(m);
		out->sii = m * b1;
		out->rii = (b0 + b1) / b0;
		if (m < 0)
			out->rii = 1.0 / out->rii;
	}
	else
	{
		double		y0 = from_scale(b0, type),
					y1 = from_scale(b0 + b1, type);

		out->intercept = y0 * fabs(m);
		out->sii = (y1 - y0) * m;
		out->rii = m < 0 ? y0 / y1 : y1 / y0;
	}

	/*
	 * The simulation: for each repetition, every quantile's value drawn (in
	 * label order) from N(mu, sd) on its scale, back to the value's own scale
	 * unless the fit is on the transformed scale, and the line refitted.
	 */
	sims = alloc->alloc(alloc->ctx, (size_t) reps * sizeof(double));
	if (sims == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory for %ld repetitions", reps);
	if (!p->transform)
	{
		riis = alloc->alloc(alloc->ctx, (size_t) reps * sizeof(double));
		if (riis == NULL)
		{
			alloc->release(alloc->ctx, sims);
			return oba_fail(err, OBA_ENOMEM, "out of memory for %ld repetitions", reps);
		}
	}
	back = !p->transform && type != OBA_SII_NORMAL;
	oba_rng_seed(&rng, p->seed);
	for (r = 0; r < reps; r++)
	{
		double		s0 = 0,
					s1 = 0;

		OBA_CHECK_INTERRUPTS_EVERY((unsigned long) r);
		for (i = 0; i < n; i++)
		{
			double		y = mu[i] + sd[i] * oba_rng_normal(&rng);

			if (back)
				y = from_scale(y, type);
			s0 += c0[i] * y;
			s1 += c1[i] * y;
		}
		if (p->transform)
			sims[r] = s1;
		else
		{
			double		ri = (s0 + s1) / s0;

			sims[r] = m * s1;
			if (m < 0)
				ri = 1.0 / ri;
			/* 0/0 at an intercept of exactly 0: ranked last */
			riis[r] = isnan(ri) ? INFINITY : ri;
		}
	}
	limit_positions(p->confidence, reps, &klo, &khi);
	{
		size_t		lo = (size_t) klo - 1,
					hi = (size_t) khi - 1;
		double		sl,
					su,
					rl = NAN,
					ru = NAN;

		sl = oba_select_kth(sims, (size_t) reps, lo);
		su = hi > lo ? oba_select_kth(sims + lo + 1, (size_t) reps - lo - 1, hi - lo - 1) : sl;
		if (riis != NULL)
		{
			rl = oba_select_kth(riis, (size_t) reps, lo);
			ru = hi > lo ? oba_select_kth(riis + lo + 1, (size_t) reps - lo - 1, hi - lo - 1) : rl;
		}
		if (!p->transform)
		{
			out->sii_lower = sl;
			out->sii_upper = su;
			out->rii_lower = rl;
			out->rii_upper = ru;
		}
		else
		{
			/*
			 * The limits of the slope on the transformed scale, centred on the
			 * fitted value at rank 1/2 and taken back to the value's scale.
			 */
			double		h = b0 + b1 / 2.0,
						gl_hi = from_scale(h + sl / 2.0, type),
						gl_lo = from_scale(h - sl / 2.0, type),
						gu_hi = from_scale(h + su / 2.0, type),
						gu_lo = from_scale(h - su / 2.0, type);

			if (m >= 0)
			{
				out->sii_lower = m * (gl_hi - gl_lo);
				out->sii_upper = m * (gu_hi - gu_lo);
				out->rii_lower = gl_hi / gl_lo;
				out->rii_upper = gu_hi / gu_lo;
			}
			else
			{
				out->sii_lower = m * (gu_hi - gu_lo);
				out->sii_upper = m * (gl_hi - gl_lo);
				out->rii_lower = gu_lo / gu_hi;
				out->rii_upper = gl_lo / gl_hi;
			}
		}
	}
	alloc->release(alloc->ctx, sims);
	if (riis != NULL)
		alloc->release(alloc->ctx, riis);
	return 0;
}
