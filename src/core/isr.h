/*
 * isr.h: indirectly standardised ratios and rates (METHODS.md section 5).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_ISR_H
#define OBA_ISR_H

#include "oba_core.h"

#include <math.h>

/* Running sums over the bands of one group. */
typedef struct oba_isr_sums
{
	double		observed;		/* O = sum of x_i (NULL x_i dropped) */
	double		expected;		/* E = sum of x_ref,i / n_ref,i * n_i */
	double		ref_events;		/* sum of x_ref,i (NULL dropped) */
	double		ref_pop;		/* sum of n_ref,i */
} oba_isr_sums;

typedef struct oba_isr_result
{
	double		observed;
	double		expected;
	double		ref_rate;		/* reference rate per `per` */
	double		ratio;			/* O / E */
	double		ratio_lower;
	double		ratio_upper;
	double		rate;			/* O / E * ref_rate */
	double		rate_lower;
	double		rate_upper;
} oba_isr_result;

/*
 * Check one band: x, n, x_ref >= 0 when not NaN (NaN = NULL), n_ref > 0 and
 * present; all finite.
 */
int			oba_isr_check_band(double x, double n, double xref, double nref, oba_error *err);

/*
 * Add a checked band. NULL x adds nothing to O; NULL x_ref or n adds nothing
 * to E. Inline: the aggregate calls it once per row.
 */
static inline void
oba_isr_add(oba_isr_sums *s, double x, double n, double xref, double nref)
{
	if (!isnan(x))
		s->observed += x;
	if (!isnan(xref))
	{
		s->ref_events += xref;
		if (!isnan(n))
			s->expected += xref / nref * n;
	}
	s->ref_pop += nref;
}

/* Ratio and rate with exact (O < 10) or Byar limits; E = 0 gives NaN values. */
int			oba_isr(const oba_isr_sums *s, double per, double confidence,
					oba_isr_result *out, oba_error *err);

#endif							/* OBA_ISR_H */
