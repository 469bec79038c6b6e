/*
 * test_series.c: src/core/series.c: sorting rows by time, duplicate times,
 * missing values, the polarity vocabulary, alpha, the date-to-years rule and
 * the order statistics behind Sen's slope.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series.h"
#include "unit.h"

static void *
test_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
test_release(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static const oba_allocator A = {test_alloc, test_release, NULL};

static void
sorting(void)
{
	double		rows[5 * 2] = {3, 30, 1, 10, 5, NAN, 2, 20, 4, 40},
				out[5 * 2];
	size_t		n;
	oba_error	err;

	/* dropping missing values, then sorting by t */
	CHECK(oba_series_prepare(rows, 5, 2, 1, out, &n, "t", &A, &err) == 0);
	CHECK(n == 4);
	CHECK(out[0] == 1 && out[1] == 10 && out[2] == 2 && out[3] == 20 &&
		  out[4] == 3 && out[5] == 30 && out[6] == 4 && out[7] == 40);
	/* keeping them */
	CHECK(oba_series_prepare(rows, 5, 2, 0, out, &n, "t", &A, &err) == 0);
	CHECK(n == 5 && out[8] == 5 && isnan(out[9]));
	/* already sorted input stays as it is */
	{
		double		s[3 * 3] = {1, 1, 2, 2, 3, 4, 3, 5, 6},
					o[3 * 3];

		CHECK(oba_series_prepare(s, 3, 3, 1, o, &n, "t", &A, &err) == 0);
		CHECK(n == 3 && memcmp(s, o, sizeof(s)) == 0);
	}
	/* a row with a missing value in any column is dropped */
	{
		double		s[2 * 3] = {1, 1, NAN, 2, 2, 3},
					o[2 * 3];

		CHECK(oba_series_prepare(s, 2, 3, 1, o, &n, "t", &A, &err) == 0);
		CHECK(n == 1 && o[0] == 2);
	}
	/* an empty series */
	CHECK(oba_series_prepare(rows, 0, 2, 1, out, &n, "t", &A, &err) == 0 && n == 0);
}

static void
duplicates(void)
{
	double		rows[4 * 2] = {2019, 1, 2020, 2, 2019, 3, 2021, 4},
				out[4 * 2];
	size_t		n;
	oba_error	err;

	CHECK(oba_series_prepare(rows, 4, 2, 1, out, &n, "t", &A, &err) == -1);
	CHECK(err.code == OBA_EINVAL && strstr(err.message, "t must not repeat") &&
		  strstr(err.message, "2019"));
	/* a duplicate whose value is missing is dropped before the check ... */
	rows[5] = NAN;
	CHECK(oba_series_prepare(rows, 4, 2, 1, out, &n, "t", &A, &err) == 0 && n == 3);
	/* ... unless missing rows are kept */
	CHECK(oba_series_prepare(rows, 4, 2, 0, out, &n, "t", &A, &err) == -1);
}

static void
vocabulary(void)
{
	oba_polarity code = OBA_NEUTRAL;
	oba_error	err;

	CHECK(oba_polarity_parse(&err, "polarity", "higher_is_better", 16, &code) == 0 && code == 1);
	CHECK(oba_polarity_parse(&err, "polarity", "lower_is_better", 15, &code) == 0 && code == -1);
	CHECK(oba_polarity_parse(&err, "polarity", "neutral", 7, &code) == 0 && code == 0);
	/* a prefix or another case is not a match */
	CHECK(oba_polarity_parse(&err, "polarity", "neutral_x", 7, &code) == 0);
	CHECK(oba_polarity_parse(&err, "polarity", "Higher_is_better", 16, &code) == -1);
	CHECK(strstr(err.message, "polarity must be higher_is_better, lower_is_better or neutral") && strstr(err.message, "Higher"));
	CHECK(oba_polarity_parse(&err, "polarity", "up", 2, &code) == -1);
	CHECK(strcmp(oba_polarity_name(-1), "lower_is_better") == 0);
	CHECK(oba_check_alpha(&err, "alpha", 0.05) == 0);
	CHECK(oba_check_alpha(&err, "alpha", 0) == -1 && strstr(err.message, "alpha"));
	CHECK(oba_check_alpha(&err, "alpha", 1) == -1);
	CHECK(oba_check_alpha(&err, "alpha", NAN) == -1 && strstr(err.message, "NaN"));
}

static void
years(void)
{
	int			y,
				m,
				d;

	/* first days of quarters and years are exactly a quarter and a year apart */
	CHECK(oba_years_from_ymd(2019, 1, 1) == 2019.0);
	CHECK(oba_years_from_ymd(2019, 4, 1) == 2019.25);
	CHECK(oba_years_from_ymd(2019, 7, 1) == 2019.5);
	CHECK(oba_years_from_ymd(2019, 10, 1) == 2019.75);
	CHECK(oba_years_from_ymd(2020, 4, 1) - oba_years_from_ymd(2019, 4, 1) == 1.0);
	/* days within a month, by that month's length */
	CHECK(oba_years_from_ymd(2019, 2, 15) == 2019 + 1 / 12.0 + 14 / (12.0 * 28));
	CHECK(oba_years_from_ymd(2020, 2, 15) == 2020 + 1 / 12.0 + 14 / (12.0 * 29));
	CHECK(oba_years_from_ymd(2000, 2, 29) > oba_years_from_ymd(2000, 2, 28));
	CHECK(oba_years_from_ymd(1900, 3, 1) > oba_years_from_ymd(1900, 2, 28));
	/* strictly increasing across a month end */
	CHECK(oba_years_from_ymd(2019, 1, 31) < oba_years_from_ymd(2019, 2, 1));
	CHECK(oba_years_from_ymd(2019, 12, 31) < oba_years_from_ymd(2020, 1, 1));
	/* the inverse */
	oba_ymd_from_years(2019.25, &y, &m, &d);
	CHECK(y == 2019 && m == 4 && d == 1);
	oba_ymd_from_years(oba_years_from_ymd(2024, 2, 29), &y, &m, &d);
	CHECK(y == 2024 && m == 2 && d == 29);
	oba_ymd_from_years(oba_years_from_ymd(2023, 12, 31), &y, &m, &d);
	CHECK(y == 2023 && m == 12 && d == 31);
	/* a month step accumulated in binary comes back to the first of the month */
	oba_ymd_from_years(2019 + 11 * (1 / 12.0), &y, &m, &d);
	CHECK(y == 2019 && m == 12 && d == 1);
	oba_ymd_from_years(2019 + 12 * (1 / 12.0) - 1e-12, &y, &m, &d);
	CHECK(y == 2020 && m == 1 && d == 1);
}

static void
order_statistics(void)
{
	double		a[7] = {5, 1, 4, 1, 3, 9, 2},
				b[6] = {6, 5, 4, 3, 2, 1},
				c[1] = {7},
				ties[5] = {2, 2, 2, 2, 2};
	double		sorted[7] = {1, 1, 2, 3, 4, 5, 9};
	size_t		k;

	for (k = 0; k < 7; k++)
	{
		double		copy[7];

		memcpy(copy, a, sizeof(a));
		CHECK(oba_select(copy, 7, k) == sorted[k]);
	}
	CHECK(oba_median(a, 7) == 3);
	CHECK(oba_median(b, 6) == 3.5);
	CHECK(oba_median(c, 1) == 7);
	CHECK(oba_median(ties, 5) == 2);
	CHECK(isnan(oba_median(c, 0)));
	/* a larger shuffled set */
	{
		double		big[1001];
		int			i;

		for (i = 0; i < 1001; i++)
			big[i] = (double) ((i * 7919) % 1001);
		CHECK(oba_median(big, 1001) == 500);
		CHECK(oba_select(big, 1001, 0) == 0 && oba_select(big, 1001, 1000) == 1000);
	}
}

/*
 * Many rows out of order: sorted by merging with the rows kept whole, and
 * with a check for a cancel all along (a counting hook).
 */
static size_t hook_calls = 0;

static void
counting_hook(void)
{
	hook_calls++;
}

static void
sorting_many(void)
{
	size_t		n = 200000,
				i,
				m,
				kept = 0;
	double	   *rows = malloc(sizeof(double) * 3 * n),
			   *out = malloc(sizeof(double) * 3 * n);
	oba_error	err;
	int			ok = 1;

	/* times a scrambled permutation of 0 .. n-1 (n is not a multiple of 7919's factors) */
	for (i = 0; i < n; i++)
	{
		double		t = (double) ((i * 7919) % n);

		rows[3 * i] = t;
		rows[3 * i + 1] = 2 * t + 1;
		rows[3 * i + 2] = ((size_t) t % 10 == 3) ? NAN : -t;
		if ((size_t) t % 10 != 3)
			kept++;
	}
	oba_interrupt_hook = counting_hook;
	hook_calls = 0;
	CHECK(oba_series_prepare(rows, n, 3, 1, out, &m, "t", &A, &err) == 0);
	oba_interrupt_hook = NULL;
	CHECK(m == kept);
	for (i = 0; i < m && ok; i++)
	{
		ok = out[3 * i + 1] == 2 * out[3 * i] + 1 && out[3 * i + 2] == -out[3 * i];
		if (i > 0)
			ok = ok && out[3 * i] > out[3 * (i - 1)];
	}
	CHECK(ok);
	/* 18 merge levels of 180,000 rows: at least one check per 4096 rows moved */
	CHECK(hook_calls >= 17 * m / 4096);
	printf("sorting %zu rows out of order: %zu interrupt checks\n", n, hook_calls);
	free(rows);
	free(out);
}

/*
 * An order made to defeat Wirth's pivot (the value at k): for k = 0 on
 * n, 1, 2, ..., n-1 every round removes one element, n^2/2 steps in all.
 * After 2 log2 n + 8 rounds the rest is heapsorted: O(n log n), counted by
 * the interrupt checks (one per 4096 elements scanned).
 */
static void
select_against_its_worst_order(void)
{
	size_t		n = 200000,
				i,
				calls;
	double	   *a = malloc(sizeof(double) * n);
	int			ok = 1;

	a[0] = (double) n;
	for (i = 1; i < n; i++)
		a[i] = (double) i;
	oba_interrupt_hook = counting_hook;
	hook_calls = 0;
	CHECK(oba_select(a, n, 0) == 1);
	calls = hook_calls;
	oba_interrupt_hook = NULL;
	for (i = 1; i < n; i++)
		ok &= a[i] >= a[0];
	CHECK(ok);
	/* n^2/2 / 4096 would be about 5 million checks; n log2 n / 4096 under 1,000 */
	CHECK(calls > 0 && calls < 20000);
	printf("oba_select(k = 0) on its worst order of %zu values: %zu interrupt checks\n", n, calls);
	/* the median too, and the same order reversed */
	for (i = 0; i < n; i++)
		a[i] = (double) ((i * 7919) % n);
	CHECK(oba_median(a, n) == (double) (n - 1) / 2);
	a[0] = 0;
	for (i = 1; i < n; i++)
		a[i] = (double) (n - i);
	CHECK(oba_select(a, n, n - 1) == (double) (n - 1));
	free(a);
}

int
main(void)
{
	sorting();
	sorting_many();
	duplicates();
	vocabulary();
	years();
	order_statistics();
	select_against_its_worst_order();
	return unit_done("test_series");
}
