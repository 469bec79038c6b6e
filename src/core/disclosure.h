/*
 * disclosure.h: small-number suppression and rounding for sharing
 * aggregates, with secondary suppression over one-way and two-way tables
 * with totals (src/core/disclosure.c).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_DISCLOSURE_H
#define OBA_DISCLOSURE_H

#include <stdint.h>

#include "oba_core.h"

#define OBA_PUBLISHED 0
#define OBA_SUPPRESSED_PRIMARY 1
#define OBA_SUPPRESSED_SECONDARY 2

int			oba_check_threshold(int64_t threshold, oba_error *err);

/* 1 when count (>= 0) is suppressed: 1..threshold-1, or 0 when suppress_zero. */
int			oba_is_small(int64_t count, int64_t threshold, int suppress_zero);

/* count rounded to the nearest multiple of base, halves up. */
int			oba_round_to(int64_t count, int64_t base, int64_t *out, oba_error *err);

/*
 * One-way table: n cells and their total. flags has n + 1 entries, the total
 * last; each becomes OBA_PUBLISHED, OBA_SUPPRESSED_PRIMARY or _SECONDARY.
 */
int			oba_suppress_one_way(const int64_t *cells, int n, int64_t threshold,
								 int suppress_zero, int *flags,
								 const oba_allocator *alloc, oba_error *err);

/*
 * Two-way table: nrows x ncols cells, row-major. flags has (nrows + 1) x
 * (ncols + 1) entries, row-major: the cells with each row's total at the end
 * of the row, then the row of column totals ending with the grand total.
 */
int			oba_suppress_two_way(const int64_t *cells, int nrows, int ncols,
								 int64_t threshold, int suppress_zero, int *flags,
								 const oba_allocator *alloc, oba_error *err);

#endif							/* OBA_DISCLOSURE_H */
