/*
 * apportion.h: the arithmetic of apportionment (METHODS.md section 17):
 * largest-remainder rounding of a source's parts, and the state of the
 * weighted-sum and weighted-mean aggregates that put source values into
 * targets. The geometry (intersections, points on surface) is PostGIS's job,
 * in the oba_geo extension; nothing here knows about geometry.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_APPORTION_H
#define OBA_APPORTION_H

#include "oba_core.h"

/*
 * Largest remainder (Hamilton) rounding: whole numbers out[i], each
 * floor(parts[i]) or floor(parts[i]) + 1, summing to rint(sum of parts)
 * (half to even). The units left after flooring go to the largest
 * fractional parts; equal fractions go to the earlier element. parts must be
 * finite and >= 0. The allocator provides n indices of scratch space.
 */
int			oba_largest_remainder(const double *parts, size_t n, double *out,
								  const oba_allocator *alloc, oba_error *err);

/*
 * The state of oba.apportion_agg and oba.apportion_mean_agg: one row is a
 * source's value and its weight in the target. A NULL value is counted, not
 * read as 0: the target's value is then unknown (sf's behaviour; METHODS.md
 * 17.7), and a caller that wants NULL sources skipped filters them out.
 */
enum
{
	OBA_APP_SUM = 0,			/* sum of value x weight over non-NULL values */
	OBA_APP_WEIGHT,				/* sum of weight over non-NULL values */
	OBA_APP_ROWS,				/* rows, NULL values included */
	OBA_APP_NULLS,				/* rows whose value was NULL */
	OBA_APP_STATE_LEN
};

/* Add one row; value_is_null ignores value. Weight finite and >= 0. */
int			oba_apportion_add(double *state, double value, int value_is_null,
							  double weight, oba_error *err);
void		oba_apportion_combine(double *state, const double *other);

/* A state holds finite counts and sums; 0 or -1 with err for one that does not. */
int			oba_apportion_check(const double *state, oba_error *err);

/* Extensive: sum of value x weight. NaN (SQL NULL) for no rows or a NULL value. */
double		oba_apportion_total(const double *state);

/*
 * Intensive: sum of value x weight / sum of weight. NaN for no rows, a NULL
 * value, or a total weight of 0.
 */
double		oba_apportion_mean(const double *state);

#endif							/* OBA_APPORTION_H */
