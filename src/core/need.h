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

/*
 * The group of a rank by PHEindicatormethods phe_quantile's rule (OHID's
 * "Assigning deprivation categories"), which fills the groups from the
 * last: groups + 1 - ceil((n + 1 - rank) / (n / groups)), and 1 where that
 * is 0; the remainder of n / groups goes to the first groups rather than the
 * last. Evaluated in float8 as the package does, so that where a boundary
 * (n + 1 - rank) groups / n is a whole number that the division overshoots
 * (n = 28, 20 groups, rank 8) the rank falls one group lower, as it does in
 * the package; for 4, 5 and 10 groups this never happens (n <= 40,000
 * checked). *out = 0 when n < groups: the package assigns no group.
 * Errors as oba_quantile_group.
 */
int			oba_quantile_group_phe(long long rank, long long n, int groups, int *out,
								   oba_error *err);

#endif							/* OBA_NEED_H */
