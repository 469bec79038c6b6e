/*
 * neighbours.h: statistical neighbours, the k most similar areas of each area
 * by the Euclidean distance between their standardised characteristics, as
 * the CIPFA Nearest Neighbours Model and the DfE children's services
 * statistical neighbour benchmarking model (NFER, Benton et al. 2007) find
 * them. METHODS.md section 19.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_NEIGHBOURS_H
#define OBA_NEIGHBOURS_H

#include "oba_core.h"

/*
 * The documented limits (docs/reference/neighbours.md, the SQL function's COMMENT); the glue
 * refuses larger inputs with SQLSTATE 54000 before any work. The time is
 * O(areas^2 x variables) and the memory O(areas x (variables + neighbours)).
 */
#define OBA_NEIGHBOURS_MAX_AREAS 20000
#define OBA_NEIGHBOURS_MAX_VARIABLES 50
#define OBA_NEIGHBOURS_MAX_ROWS 1000000 /* areas x neighbours listed */
#define OBA_NEIGHBOURS_MAX_WEIGHT 1e12

/*
 * x holds n rows (areas) of d values each, row after row; NaN marks a missing
 * value, and a row with one takes no part: it is not standardised, has no
 * neighbours and is no one's neighbour. Each variable is standardised over
 * the complete rows (mean 0, sample standard deviation 1, as R's scale(); a
 * variable equal on every complete row contributes 0), then
 *
 *   distance(i, j) = sqrt( sum over v of weight_v x (z_iv - z_jv)^2 ),
 *
 * with z_iv - z_jv computed as (x_iv - x_jv) / sd_v, so that equal
 * differences of values give equal distances, which tie.
 *
 * weights: d values in [0, OBA_NEIGHBOURS_MAX_WEIGHT], not all 0; NULL: all 1.
 * For each complete row i, its min(k, m - 1) nearest other complete rows
 * (m complete rows) in order of (distance, row index): a tie goes to the
 * lower index, so a caller that orders the rows by area code breaks ties by
 * code. Out, caller-allocated: nb[i * k + r] the row of the (r+1)-th
 * nearest, dist[i * k + r] its distance (entries past count[i] untouched),
 * count[i] the neighbours listed for row i (0 for an incomplete row);
 * *max_distance the largest distance between two complete rows (NaN when
 * there are fewer than 2). Values must be finite or NaN; k >= 1;
 * n <= INT_MAX. Memory: at most 8 x (m x d + 2 n + 2 d) bytes from alloc.
 * Interrupt checks once per row of the pair loop.
 */
int			oba_neighbours(const double *x, size_t n, size_t d, const double *weights,
						   size_t k, int *nb, double *dist, int *count, double *max_distance,
						   const oba_allocator *alloc, oba_error *err);

#endif							/* OBA_NEIGHBOURS_H */
