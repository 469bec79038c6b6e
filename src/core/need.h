/*
 * need.h: most-in-need scoring: standardised need z-scores with polarity,
 * their weighted mean per area, and decile / quintile groups from ranks.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_NEED_H
#define OBA_NEED_H

#include "oba_core.h"
#include "compare.h"

/*
 * (value - mean) / sd, signed so that positive means more need: negated for
 * higher_is_better. NaN when sd is 0 (no area differs). neutral is an error:
 * it says nothing about need.
 */
int			oba_need_z(double value, double mean, double sd, oba_polarity polarity,
					   double *out, oba_error *err);

/* Weights must be finite and >= 0. */
int			oba_need_check_weight(double weight, oba_error *err);

/*
 * Group of a rank among n ranked values: ceil(groups x rank / n), so group k
 * holds the ranks in ((k-1) n / groups, k n / groups]. 1 <= rank <= n.
 */
int			oba_quantile_group(long long rank, long long n, int groups, int *out, oba_error *err);

#endif							/* OBA_NEED_H */
