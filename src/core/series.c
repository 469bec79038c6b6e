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

static int
cmp_time(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

int
oba_series_prepare(const double *rows, size_t n, int width, int drop_missing,
				   double *out, size_t *n_out, const char *t_arg, oba_error *err)
{
	size_t		i,
				m = 0;
	int			j,
				sorted = 1;

	for (i = 0; i < n; i++)
	{
		const double *r = rows + i * width;

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
		qsort(out, m, sizeof(double) * width, cmp_time);
	for (i = 1; i < m; i++)
		if (out[i * width] == out[(i - 1) * width])
			return oba_fail(err, OBA_EINVAL,
							"%s must not repeat within a series, got %.15g more than once",
							t_arg, out[i * width]);
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

double
oba_select(double *a, size_t n, size_t k)
{
	/* Wirth's formulation of Hoare's FIND; signed indices may step below 0 */
	long		l = 0,
				r = (long) n - 1,
				kk = (long) k;

	while (l < r)
	{
		double		x = a[kk];
		long		i = l,
					j = r;

		do
		{
			while (a[i] < x)
				i++;
			while (x < a[j])
				j--;
			if (i <= j)
			{
				double		tmp = a[i];

				a[i] = a[j];
				a[j] = tmp;
				i++;
				j--;
			}
		} while (i <= j);
		if (j < kk)
			l = i;
		if (kk < i)
			r = j;
	}
	return a[kk];
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
		if (a[i] < hi)
			hi = a[i];
	return (lo + hi) / 2.0;
}
