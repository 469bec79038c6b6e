/*
 * apportion.c: largest-remainder rounding and the weighted sum and mean that
 * put source values into targets (METHODS.md section 17; areal weighting as
 * R sf st_interpolate_aw, population weighting as tidycensus interpolate_pw).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "apportion.h"

#include <math.h>
#include <stdlib.h>

typedef struct lr_item
{
	double		remainder;
	size_t		index;
} lr_item;

/* Larger remainder first; equal remainders in input order. */
static int
lr_cmp(const void *a, const void *b)
{
	const lr_item *x = a,
			   *y = b;

	if (x->remainder > y->remainder)
		return -1;
	if (x->remainder < y->remainder)
		return 1;
	return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

int
oba_largest_remainder(const double *parts, size_t n, double *out,
					  const oba_allocator *alloc, oba_error *err)
{
	lr_item    *items;
	double		sum = 0.0,
				floors = 0.0,
				total,
				left;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		if (!isfinite(parts[i]))
			return oba_fail(err, OBA_EINVAL, "part %zu must be finite, got %s",
							i + 1, isnan(parts[i]) ? "NaN" :
							(parts[i] < 0 ? "-Infinity" : "Infinity"));
		if (parts[i] < 0.0)
			return oba_fail(err, OBA_EINVAL, "part %zu must not be negative, got %.15g",
							i + 1, parts[i]);
		sum += parts[i];
		out[i] = floor(parts[i]);
		floors += out[i];
	}
	if (!isfinite(sum) || sum >= 9007199254740992.0)
		return oba_fail(err, OBA_ERANGE, "the parts add up to %.15g, beyond the whole numbers float8 holds exactly",
						sum);
	if (n == 0)
		return 0;

	total = rint(sum);
	left = total - floors;
	/* sum >= floors, so left >= 0; and left < n, up to rounding: clamp. */
	if (left <= 0.0)
		return 0;
	if (left > (double) n)
		left = (double) n;

	items = alloc->alloc(alloc->ctx, n * sizeof(lr_item));
	if (items == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu parts", n);
	for (i = 0; i < n; i++)
	{
		items[i].remainder = parts[i] - out[i];
		items[i].index = i;
	}
	qsort(items, n, sizeof(lr_item), lr_cmp);
	for (i = 0; i < (size_t) left; i++)
		out[items[i].index] += 1.0;
	alloc->release(alloc->ctx, items);
	return 0;
}

int
oba_apportion_add(double *state, double value, int value_is_null, double weight,
				  oba_error *err)
{
	if (oba_check_nonnegative(err, "weight", weight) != 0)
		return -1;
	state[OBA_APP_ROWS] += 1.0;
	if (value_is_null)
	{
		state[OBA_APP_NULLS] += 1.0;
		return 0;
	}
	if (oba_check_finite(err, "value", value) != 0)
		return -1;
	state[OBA_APP_SUM] += value * weight;
	state[OBA_APP_WEIGHT] += weight;
	return 0;
}

void
oba_apportion_combine(double *state, const double *other)
{
	int			i;

	for (i = 0; i < OBA_APP_STATE_LEN; i++)
		state[i] += other[i];
}

int
oba_apportion_check(const double *state, oba_error *err)
{
	int			i;

	for (i = 0; i < OBA_APP_STATE_LEN; i++)
		if (!isfinite(state[i]))
			return oba_fail(err, OBA_EINVAL, "the state holds a non-finite value");
	if (state[OBA_APP_WEIGHT] < 0 || state[OBA_APP_ROWS] < 0 || state[OBA_APP_NULLS] < 0 ||
		state[OBA_APP_ROWS] != floor(state[OBA_APP_ROWS]) ||
		state[OBA_APP_NULLS] != floor(state[OBA_APP_NULLS]) ||
		state[OBA_APP_NULLS] > state[OBA_APP_ROWS])
		return oba_fail(err, OBA_EINVAL, "the state holds a value out of range");
	return 0;
}

double
oba_apportion_total(const double *state)
{
	if (state[OBA_APP_ROWS] == 0 || state[OBA_APP_NULLS] > 0)
		return NAN;
	return state[OBA_APP_SUM];
}

double
oba_apportion_mean(const double *state)
{
	if (state[OBA_APP_ROWS] == 0 || state[OBA_APP_NULLS] > 0 || state[OBA_APP_WEIGHT] == 0)
		return NAN;
	return state[OBA_APP_SUM] / state[OBA_APP_WEIGHT];
}
