/*
 * series.c: rows of (t, value ...) for the trend, curve and SPC families:
 * sorting by time, refusing duplicate times, the polarity vocabulary, the
 * date-to-years rule and order statistics.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
oba_check_alpha(oba_error *err, const char *arg, double alpha)
{
	if (oba_check_finite(err, arg, alpha) != 0)
		return -1;
	if (!(alpha > 0.0 && alpha < 1.0))
		return oba_fail(err, OBA_EINVAL,
						"%s must be between 0 and 1 (exclusive), got %.15g", arg, alpha);
	return 0;
}

/*
 * Sorts the rows of out (m rows of width doubles) by their first column,
 * merging runs (tmp: room for as many), with a check for a cancel every
 * 4096 rows moved: the rows come from the user, up to tens of millions.
 */
static void
sort_rows(double *out, double *tmp, size_t m, int width)
{
	double	   *src = out,
			   *dst = tmp,
			   *swap;
	size_t		w,
				lo,
				steps = 0,
				row = sizeof(double) * (size_t) width;

	for (w = 1; w < m; w *= 2)
	{
		OBA_CHECK_INTERRUPTS();
		for (lo = 0; lo < m; lo += 2 * w)
		{
			size_t		mid = m - lo > w ? lo + w : m,
						hi = m - mid > w ? mid + w : m,
						l = lo,
						r = mid,
						o = lo;

			while (l < mid && r < hi)
			{
				/* equal times keep their order; they are refused anyway */
				if (src[r * width] < src[l * width])
					memcpy(dst + o++ * width, src + r++ * width, row);
				else
					memcpy(dst + o++ * width, src + l++ * width, row);
				OBA_CHECK_INTERRUPTS_EVERY(++steps);
			}
			memcpy(dst + o * width, src + l * width, row * (mid - l));
			o += mid - l;
			memcpy(dst + o * width, src + r * width, row * (hi - r));
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	if (src != out)
		memcpy(out, src, row * m);
}

int
oba_series_prepare(const double *rows, size_t n, int width, int drop_missing,
				   double *out, size_t *n_out, const char *t_arg,
				   const oba_allocator *a, oba_error *err)
{
	size_t		i,
				m = 0;
	int			j,
				sorted = 1;

	for (i = 0; i < n; i++)
	{
		const double *r = rows + i * width;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (drop_missing)
		{
			for (j = 1; j < width; j++)
				if (isnan(r[j]))
					break;
			if (j < width)
				continue;
		}
		memcpy(out + m * width, r, sizeof(double) * width);
		if (m > 0 && !(out[(m - 1) * width] < r[0]))
			sorted = 0;
		m++;
	}
	/* rows usually arrive in time order; sort only when they did not */
	if (!sorted)
	{
		double	   *tmp = a->alloc(a->ctx, sizeof(double) * (size_t) width * m);

		if (tmp == NULL)
			return oba_fail(err, OBA_ENOMEM, "out of memory sorting %zu rows", m);
		sort_rows(out, tmp, m, width);
		if (a->release != NULL)
			a->release(a->ctx, tmp);
	}
	for (i = 1; i < m; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (out[i * width] == out[(i - 1) * width])
			return oba_fail(err, OBA_EINVAL,
							"%s must not repeat within a series, got %.15g more than once",
							t_arg, out[i * width]);
	}
	*n_out = m;
	return 0;
}

static int
days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return days[month - 1];
}

double
oba_years_from_ymd(int year, int month, int day)
{
	return year + (month - 1) / 12.0 + (day - 1) / (12.0 * days_in_month(year, month));
}

void
oba_ymd_from_years(double years, int *year, int *month, int *day)
{
	double		y = floor(years);
	double		r = (years - y) * 12.0;
	int			m = (int) floor(r);
	int			d;

	if (m > 11)
		m = 11;
	d = 1 + (int) oba_round_half_even((r - m) * days_in_month((int) y, m + 1));
	if (d > days_in_month((int) y, m + 1))
	{
		d = 1;
		if (++m > 11)
		{
			m = 0;
			y += 1;
		}
	}
	*year = (int) y;
	*month = m + 1;
	*day = d;
}

double
oba_round_half_even(double x)
{
	double		r = floor(x + 0.5);

	/* exactly half-way: go to the even neighbour */
	if (r - x == 0.5 && fmod(r, 2.0) != 0.0)
		r -= 1.0;
	return r;
}

/* Heapsort of a[0..n), in place: oba_select's way out. */
static void
sift_down(double *a, size_t root, size_t n, size_t *steps)
{
	double		v = a[root];

	for (;;)
	{
		size_t		child = 2 * root + 1;

		if (child >= n)
			break;
		if (child + 1 < n && a[child] < a[child + 1])
			child++;
		if (!(v < a[child]))
			break;
		a[root] = a[child];
		root = child;
		OBA_CHECK_INTERRUPTS_EVERY(++*steps);
	}
	a[root] = v;
}

static void
heap_sort(double *a, size_t n)
{
	size_t		i,
				steps = 0;

	for (i = n / 2; i-- > 0;)
		sift_down(a, i, n, &steps);
	for (i = n; i-- > 1;)
	{
		double		v = a[0];

		a[0] = a[i];
		a[i] = v;
		sift_down(a, 0, i, &steps);
	}
}

double
oba_select(double *a, size_t n, size_t k)
{
	size_t		lo = 0,
				hi = n - 1,
				m;
	int			rounds = 8;

	/* Hoare's FIND as Wirth writes it, the value at k as the pivot */
	for (m = n; m > 1; m /= 2)
		rounds += 2;
	while (lo < hi)
	{
		double		x = a[k];
		size_t		i = lo,
					j = hi;

		if (rounds-- == 0)
		{
			/* a run of bad pivots (an order made to defeat them): sort the rest */
			heap_sort(a + lo, hi - lo + 1);
			break;
		}
		/* x is in [lo, hi]: it stops both scans */
		do
		{
			while (a[i] < x)
			{
				i++;
				OBA_CHECK_INTERRUPTS_EVERY(i);
			}
			while (x < a[j])
			{
				j--;
				OBA_CHECK_INTERRUPTS_EVERY(j);
			}
			if (i <= j)
			{
				double		v = a[i];

				a[i] = a[j];
				a[j] = v;
				i++;
				if (j == 0)
					break;		/* i = j = lo = 0: j - 1 would wrap */
				j--;
			}
		} while (i <= j);
		/* [lo, j] <= x <= [i, hi], and between them only x */
		if (k <= j && j < i)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return a[k];
}

double
oba_median(double *a, size_t n)
{
	double		lo,
				hi;
	size_t		i;

	if (n == 0)
		return NAN;
	if (n % 2 == 1)
		return oba_select(a, n, n / 2);
	lo = oba_select(a, n, n / 2 - 1);
	/* a[n/2 ..] are all >= lo: the next order statistic is their minimum */
	hi = a[n / 2];
	for (i = n / 2 + 1; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (a[i] < hi)
			hi = a[i];
	}
	return (lo + hi) / 2.0;
}
