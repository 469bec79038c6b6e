/*
 * spc.c: NHS "Making Data Count" XmR charts (METHODS.md section 16), as
 * NHSRplotthedots 0.2.2 ptd_spc() computes them: the mean and 2.66 x average
 * moving range limits per rebase group (moving ranges screened once at
 * 3.267 x AMR, Nelson 1982), the four rules (astronomical point, trend, two
 * in three, shift) with the package's precedence, point types, the variation
 * icon and target assurance.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "spc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The package's literals: 2.66, not 3/1.128; the two-sigma factor 2 * (2.66 / 3). */
#define SPC_LIMIT			2.66
#define SPC_LIMIT_CLOSE		(2 * (2.66 / 3))
#define SPC_SCREEN			3.267
#define SPC_SHORT_GROUP		13
#define SPC_MIN_FIX_AFTER	12

void
oba_spc_defaults(oba_spc_options *o)
{
	memset(o, 0, sizeof(*o));
	o->polarity = 1;
	o->target = NAN;
	o->screen_outliers = 1;
	o->run_length = 7;
}

int
oba_spc_check_options(const oba_spc_options *o, oba_error *err)
{
	size_t		i;

	if (o->polarity < -1 || o->polarity > 1)
		return oba_fail(err, OBA_EINVAL, "polarity must be -1, 0 or 1, got %d", o->polarity);
	if (o->fix_after != 0 && o->fix_after < SPC_MIN_FIX_AFTER)
		return oba_fail(err, OBA_EINVAL, "fix_after must be at least %d, got %d",
						SPC_MIN_FIX_AFTER, o->fix_after);
	if (o->run_length != 6 && o->run_length != 7)
		return oba_fail(err, OBA_EINVAL, "run_length must be 6 or 7, got %d", o->run_length);
	if (!isnan(o->target) && oba_check_finite(err, "target", o->target) != 0)
		return -1;
	for (i = 0; i < o->n_rebase; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (oba_check_finite(err, "rebase", o->rebase[i]) != 0)
			return -1;
	}
	return 0;
}

/*
 * R's mean(): a long double sum, divided, then corrected by the mean of the
 * residuals. Ties with the mean (a point exactly on it) then fall as in R.
 */
static double
r_mean(const double *x, size_t n)
{
	long double s = 0.0L,
				c = 0.0L;
	size_t		i;

	if (n == 0)
		return NAN;
	for (i = 0; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		s += x[i];
	}
	s /= (long double) n;
	if (isfinite((double) s))
	{
		for (i = 0; i < n; i++)
		{
			OBA_CHECK_INTERRUPTS_EVERY(i);
			c += (x[i] - s);
		}
		s += c / (long double) n;
	}
	return (double) s;
}

static int
sgn(double x)
{
	return (x > 0) - (x < 0);
}

static const char *const LABEL_ABOVE_UCL = "Above UCL";
static const char *const LABEL_BELOW_LCL = "Below LCL";
static const char *const LABEL_COMMON = "Common Cause";

static const char *
trend_label(int run_length, int increasing)
{
	if (run_length == 6)
		return increasing ? "6 Point Trend (Increasing)" : "6 Point Trend (Decreasing)";
	return increasing ? "7 Point Trend (Increasing)" : "7 Point Trend (Decreasing)";
}

static const char *
shift_label(int run_length, int above)
{
	if (run_length == 6)
		return above ? "6 Points Above CL" : "6 Points Below CL";
	return above ? "7 Points Above CL" : "7 Points Below CL";
}

/* The package reads the point type from the label's text (issue #171). */
static const char *
point_type(const char *label, int polarity)
{
	int			v = 0;

	if (strstr(label, "Above") || strstr(label, "Increasing"))
		v = 1;
	else if (strstr(label, "Below") || strstr(label, "Decreasing"))
		v = -1;
	if (v == 0)
		return "common_cause";
	if (polarity == 0)
		return v > 0 ? "special_cause_neutral_high" : "special_cause_neutral_low";
	return v * polarity > 0 ? "special_cause_improvement" : "special_cause_concern";
}

static const char *
variation_icon(const char *type, int polarity)
{
	if (strcmp(type, "special_cause_improvement") == 0)
		return polarity > 0 ? "improvement_high" : "improvement_low";
	if (strcmp(type, "special_cause_concern") == 0)
		return polarity > 0 ? "concern_low" : "concern_high";
	if (strcmp(type, "special_cause_neutral_high") == 0)
		return "neutral_high";
	if (strcmp(type, "special_cause_neutral_low") == 0)
		return "neutral_low";
	return "common_cause";
}

void
oba_spc_trend_rule(const double *y, size_t n, int run, int *part)
{
	size_t		i,
				j;

	memset(part, 0, sizeof(int) * n);
	/* a window of run points ending at i: run - 1 differences of one sign */
	for (i = (size_t) run - 1; i < n; i++)
	{
		int			s0 = 0;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		for (j = i + 2 - run; j <= i; j++)
		{
			int			s;

			if (isnan(y[j]) || isnan(y[j - 1]))
				break;
			s = sgn(y[j] - y[j - 1]);
			if (s == 0 || (s0 != 0 && s != s0))
				break;			/* an equal pair breaks a trend */
			s0 = s;
		}
		if (j > i)
			for (j = i + 1 - run; j <= i; j++)
				part[j] = 1;
	}
}

void
oba_spc_shift_rule(const int *side, size_t n, int run, int *part)
{
	size_t		i,
				j;

	memset(part, 0, sizeof(int) * n);
	for (i = (size_t) run - 1; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		/* a point on the mean (0) or undefined breaks the run */
		if (side[i] == OBA_SPC_NA || side[i] == 0)
			continue;
		for (j = i + 1 - run; j < i; j++)
			if (side[j] != side[i])
				break;
		if (j == i)
			for (j = i + 1 - run; j <= i; j++)
				part[j] = 1;
	}
}

void
oba_spc_two_in_three_rule(const int *close, const int *side, size_t n, int *flag)
{
	size_t		i,
				j;

	memset(flag, 0, sizeof(int) * n);
	for (i = 2; i < n; i++)
	{
		int			sum = 0,
					count = 0;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		for (j = i - 2; j <= i; j++)
		{
			if (side[j] == OBA_SPC_NA || close[j] == OBA_SPC_NA)
				break;
			sum += side[j];
			count += close[j];
		}
		/* all three on one side (signs sum to +-3), at least two close: flag those */
		if (j > i && abs(sum) == 3 && count >= 2)
			for (j = i - 2; j <= i; j++)
				if (close[j])
					flag[j] = 1;
	}
}

/* Limits, flags and rules of one rebase group, points [gs, ge). */
static void
spc_group(const double *y, size_t gs, size_t ge, const oba_spc_options *o,
		  oba_spc_point *out, double *scratch, int *side, int *close, int *flags)
{
	size_t		be = (o->fix_after > 0 && gs + o->fix_after < ge) ? gs + o->fix_after : ge,
				i,
				m = 0;
	int			nrun = o->run_length;
	double		mean,
				amr,
				lpl,
				upl,
				nlpl,
				nupl;

	/* the mean of the non-missing baseline values */
	for (i = gs; i < be; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (!isnan(y[i]))
			scratch[m++] = y[i];
	}
	mean = r_mean(scratch, m);

	/* moving ranges of consecutive baseline points; a missing value is not bridged */
	m = 0;
	for (i = gs + 1; i < be; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (!isnan(y[i]) && !isnan(y[i - 1]))
			scratch[m++] = fabs(y[i] - y[i - 1]);
	}
	amr = r_mean(scratch, m);
	if (o->screen_outliers && !isnan(amr))
	{
		size_t		kept = 0;

		/* one pass: keep mr < 3.267 AMR (strict), then recompute AMR */
		for (i = 0; i < m; i++)
		{
			OBA_CHECK_INTERRUPTS_EVERY(i);
			if (scratch[i] < SPC_SCREEN * amr)
				scratch[kept++] = scratch[i];
		}
		amr = r_mean(scratch, kept);
	}
	lpl = mean - SPC_LIMIT * amr;
	upl = mean + SPC_LIMIT * amr;
	nlpl = mean - SPC_LIMIT_CLOSE * amr;
	nupl = mean + SPC_LIMIT_CLOSE * amr;

	/* per-point flags, strict comparisons */
	for (i = gs; i < ge; i++)
	{
		oba_spc_point *p = &out[i];

		OBA_CHECK_INTERRUPTS_EVERY(i);
		p->mean = mean;
		p->lpl = lpl;
		p->upl = upl;
		p->nlpl = nlpl;
		p->nupl = nupl;
		p->amr = amr;
		p->short_group_warning = (ge - gs) < SPC_SHORT_GROUP;
		p->outside_limits = p->relative_to_mean = p->close_to_limits = OBA_SPC_NA;
		p->in_trend = p->in_two_in_three = p->in_shift = 0;
		if (isnan(y[i]))
			continue;
		if (!isnan(mean))
			p->relative_to_mean = sgn(y[i] - mean);
		if (!isnan(amr))
		{
			p->outside_limits = y[i] > upl || y[i] < lpl;
			p->close_to_limits = !p->outside_limits && (y[i] < nlpl || y[i] > nupl);
		}
	}

	for (i = gs; i < ge; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		side[i - gs] = out[i].relative_to_mean;
		close[i - gs] = out[i].close_to_limits;
		if (o->two_in_three_2023 && out[i].outside_limits == 1)
			close[i - gs] = 1;	/* every point beyond a two-sigma line counts */
	}
	oba_spc_trend_rule(y + gs, ge - gs, nrun, flags);
	for (i = gs; i < ge; i++)
		out[i].in_trend = flags[i - gs];
	oba_spc_two_in_three_rule(close, side, ge - gs, flags);
	for (i = gs; i < ge; i++)
		out[i].in_two_in_three = flags[i - gs];
	oba_spc_shift_rule(side, ge - gs, nrun, flags);
	for (i = gs; i < ge; i++)
		out[i].in_shift = flags[i - gs];

	/* labels: the first rule that matches wins */
	for (i = gs; i < ge; i++)
	{
		oba_spc_point *p = &out[i];

		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (p->outside_limits == 1)
			p->special_cause = p->relative_to_mean > 0 ? LABEL_ABOVE_UCL : LABEL_BELOW_LCL;
		else if (p->in_trend)
		{
			/*
			 * The direction runs into the next point when it is part of a
			 * trend too, else from the previous one; 0 reads as decreasing,
			 * so a shared peak takes the later trend's label (package quirk).
			 */
			int			s = (i + 1 < ge && out[i + 1].in_trend) ?
				sgn(y[i + 1] - y[i]) : sgn(y[i] - y[i - 1]);

			p->special_cause = trend_label(nrun, s > 0);
		}
		else if (p->in_two_in_three)
			p->special_cause = p->relative_to_mean > 0 ? "2 in 3 Above CL" : "2 in 3 Below CL";
		else if (p->in_shift)
			p->special_cause = shift_label(nrun, p->relative_to_mean > 0);
		else
			p->special_cause = LABEL_COMMON;
		p->point_type = point_type(p->special_cause, o->polarity);
	}
}

int
oba_spc(const double *t, const double *y, size_t n, const oba_spc_options *o,
		const oba_allocator *a, oba_spc_point *out, const char **assurance,
		const char **variation, oba_error *err)
{
	size_t		i,
				gs;
	int			group = 0;
	double	   *scratch;
	int		   *work;
	const oba_spc_point *last;

	*assurance = NULL;
	*variation = NULL;
	if (oba_spc_check_options(o, err) != 0)
		return -1;
	if (n == 0)
		return 0;
	scratch = a->alloc(a->ctx, sizeof(double) * n);
	work = a->alloc(a->ctx, sizeof(int) * n * 3);
	if (scratch == NULL || work == NULL)
	{
		if (a->release != NULL)
		{
			a->release(a->ctx, scratch);
			a->release(a->ctx, work);
		}
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu points", n);
	}

	/*
	 * A rebase time starts a new group at the first point at or after it:
	 * found by halving (t is increasing), so the cost is O(rebases log n + n),
	 * not one test of every rebase time at every point.
	 */
	memset(work, 0, sizeof(int) * n);
	for (i = 0; i < o->n_rebase; i++)
	{
		size_t		lo = 0,
					hi = n;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		while (lo < hi)
		{
			size_t		mid = lo + (hi - lo) / 2;

			if (t[mid] < o->rebase[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		/* t[lo - 1] < rebase <= t[lo]; a rebase at or before the first point starts nothing */
		if (lo > 0 && lo < n)
			work[lo] = 1;
	}
	for (i = 0; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		out[i].t = t[i];
		out[i].value = y[i];
		group += work[i];
		out[i].group = group;
	}
	for (gs = 0; gs < n; gs = i)
	{
		for (i = gs + 1; i < n && out[i].group == out[gs].group; i++)
			;
		spc_group(y, gs, i, o, out, scratch, work, work + n, work + 2 * n);
	}
	if (a->release != NULL)
	{
		a->release(a->ctx, scratch);
		a->release(a->ctx, work);
	}

	last = &out[n - 1];
	*variation = variation_icon(last->point_type, o->polarity);
	/* assurance: the target against the latest group's limits */
	if (!isnan(o->target) && o->polarity != 0 && !isnan(last->upl))
	{
		if (o->target > last->upl)
			*assurance = o->polarity > 0 ? "consistent_fail" : "consistent_pass";
		else if (o->target < last->lpl)
			*assurance = o->polarity > 0 ? "consistent_pass" : "consistent_fail";
		else
			*assurance = "inconsistent";
	}
	return 0;
}
