/*
 * series.h: what the time-series families (trend.c, curve.c, spc.c) share:
 * rows of (t, value ...) sorted by time with duplicate times refused, the
 * polarity vocabulary, the date-to-years rule, and small numeric helpers.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_SERIES_H
#define OBA_SERIES_H

#include "oba_core.h"


/* A significance level alpha must lie strictly between 0 and 1. */
int			oba_check_alpha(oba_error *err, const char *arg, double alpha);

/*
 * Rows are n records of width doubles each; column 0 is the time t, the
 * other columns the values, NaN where a value is missing (inputs are checked
 * finite first, so NaN means nothing else).
 *
 * oba_series_prepare copies rows into out (room for n * width doubles),
 * dropping the rows with a missing value when drop_missing, sorts them by t
 * (by merging, in O(n log n) with a check for a cancel, borrowing as much
 * memory again from a when they are not in order already), and refuses a
 * time that occurs twice among the rows it keeps (an error naming t_arg).
 * *n_out receives the number of rows kept.
 */
int			oba_series_prepare(const double *rows, size_t n, int width, int drop_missing,
							   double *out, size_t *n_out, const char *t_arg,
							   const oba_allocator *a, oba_error *err);

/*
 * Dates as time: a calendar date is measured in years as
 *     year + (month - 1)/12 + (day - 1)/(12 * days_in_month)
 * so the first days of successive months, quarters and years are exactly
 * 1/12, 1/4 and 1 apart (a slope is per year; the usual way of storing a
 * period, its first day, gives equal steps), and later days of a month fall
 * proportionally inside it. oba_ymd_from_years inverts it, to the nearest day.
 */
double		oba_years_from_ymd(int year, int month, int day);
void		oba_ymd_from_years(double years, int *year, int *month, int *day);

/* R's round(): half to even (METHODS.md section 1). */
double		oba_round_half_even(double x);

/*
 * The k-th smallest (0-based) of a[0..n-1], partially reordering a so that
 * a[i] <= a[k] for i < k and a[i] >= a[k] for i > k: Hoare's selection
 * (Wirth's loop, quick on data partly in order), and a heapsort of what is
 * left after 2 log2 n + 8 rounds, so O(n log n) at worst whatever the order
 * of a; in place, with interrupt checks.
 */
double		oba_select(double *a, size_t n, size_t k);

/* The median of a[0..n-1] (mean of the two middle values for even n); reorders a. */
double		oba_median(double *a, size_t n);

#endif							/* OBA_SERIES_H */
