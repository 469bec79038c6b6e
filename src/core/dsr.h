/*
 * dsr.h: directly standardised rates, Dobson method (METHODS.md section 4).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_DSR_H
#define OBA_DSR_H

#include "oba_core.h"

#include <math.h>

/* Below this total count a DSR is suppressed (value and limits undefined). */
#define OBA_DSR_MIN_COUNT 10.0

/* Running sums over the age-band rows of one group. */
typedef struct oba_dsr_sums
{
	double		count;			/* O = sum of x_i (a NULL count adds 0) */
	double		pop;			/* N = sum of n_i */
	double		weighted;		/* sum of x_i w_i / n_i */
	double		var;			/* sum of q_i (w_i / n_i)^2: q_i = x_i, or sum_f f^2 x_{i,f} */
	double		weight;			/* sum of w_i */
} oba_dsr_sums;

/*
 * Check one band: events x >= 0 (NaN = NULL, counted as 0), population n > 0,
 * standard weight w >= 0, all finite; for non-independent events also
 * events_squared q >= x (every person has a whole number of events).
 * q is NaN for the independent form.
 */
int			oba_dsr_check_band(double x, double q, double n, double w, oba_error *err);

/*
 * Add a checked band; x NaN counts as 0 (q likewise). Inline: the aggregate
 * calls it once per row.
 */
static inline void
oba_dsr_add(oba_dsr_sums *s, double x, double q, double n, double w)
{
	double		wn = w / n;

	if (isnan(x))
		x = 0.0;
	if (isnan(q))
		q = x;
	s->count += x;
	s->pop += n;
	s->weighted += x * wn;
	s->var += q * (wn * wn);
	s->weight += w;
}

/*
 * The DSR per `per` with Dobson limits at `confidence`: numerator = O,
 * denominator = N. value and limits are NaN when O < 10 (suppressed).
 * Sum of weights 0 is an error.
 */
int			oba_dsr(const oba_dsr_sums *s, double per, double confidence,
					oba_estimate *out, oba_error *err);

#endif							/* OBA_DSR_H */
