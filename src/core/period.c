/*
 * period.c: UK reporting periods (financial year April to March, its
 * quarters, the academic year September to August) and ages in completed
 * years and months, with one rule for anniversaries the calendar lacks.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "period.h"

#include <stdio.h>

int
oba_fy_start_year(int year, int month)
{
	return month >= 4 ? year : year - 1;
}

int
oba_fy_quarter_number(int month)
{
	return month >= 4 ? (month - 4) / 3 + 1 : 4;
}

/* "%d-%02d": ONS and HM Treasury write 1999-00 and 2024-25. */
void
oba_fy_label(int year, int month, char *buf, size_t len)
{
	int			y = oba_fy_start_year(year, month);

	snprintf(buf, len, "%04d-%02d", y, (y + 1) % 100);
}

void
oba_fy_quarter_label(int year, int month, char *buf, size_t len)
{
	int			y = oba_fy_start_year(year, month);

	snprintf(buf, len, "%04d-%02d Q%d", y, (y + 1) % 100, oba_fy_quarter_number(month));
}

void
oba_fy_quarter_start(int year, int month, int *qyear, int *qmonth)
{
	*qyear = year;
	*qmonth = month - (month - 1) % 3;	/* Jan, Apr, Jul, Oct */
}

void
oba_academic_year_label(int year, int month, char *buf, size_t len)
{
	int			y = month >= 9 ? year : year - 1;

	snprintf(buf, len, "%04d/%02d", y, (y + 1) % 100);
}

static int
check_order(int by, int bm, int bd, int ay, int am, int ad, oba_error *err)
{
	if (by > ay || (by == ay && (bm > am || (bm == am && bd > ad))))
		return oba_fail(err, OBA_EINVAL,
						"dob %04d-%02d-%02d is after at %04d-%02d-%02d",
						by, bm, bd, ay, am, ad);
	return 0;
}

/*
 * Comparing (month, day) with the birthday's gives the rule for free: 28
 * February is before 29 February, so someone born on 29 February is a year
 * older on 1 March in a common year; likewise a month older on the 1st of
 * the next month when the month has no day matching the birth day.
 */
int
oba_age_years(int by, int bm, int bd, int ay, int am, int ad, int *out, oba_error *err)
{
	if (check_order(by, bm, bd, ay, am, ad, err) != 0)
		return -1;
	*out = ay - by - ((am < bm || (am == bm && ad < bd)) ? 1 : 0);
	return 0;
}

int
oba_age_months(int by, int bm, int bd, int ay, int am, int ad, int *out, oba_error *err)
{
	long		months;

	if (check_order(by, bm, bd, ay, am, ad, err) != 0)
		return -1;
	months = ((long) ay - by) * 12 + (am - bm) - (ad < bd ? 1 : 0);
	if (months > 2147483647L)
		return oba_fail(err, OBA_ERANGE, "age in months is out of range");
	*out = (int) months;
	return 0;
}

int
oba_age_bands_check(const int *lo, const int *hi, int n, oba_error *err)
{
	int			i;

	if (n < 1)
		return oba_fail(err, OBA_EINVAL, "bands must not be empty");
	for (i = 0; i < n; i++)
	{
		if (lo[i] < 0)
			return oba_fail(err, OBA_EINVAL, "bands must not be negative, got %d", lo[i]);
		if (hi[i] == OBA_AGE_OPEN && i != n - 1)
			return oba_fail(err, OBA_EINVAL,
							"only the last band may be open-ended, band %d is", i + 1);
		if (hi[i] != OBA_AGE_OPEN && hi[i] < lo[i])
			return oba_fail(err, OBA_EINVAL,
							"band %d-%d ends before it starts", lo[i], hi[i]);
		if (i == 0)
			continue;
		if (lo[i] <= lo[i - 1])
			return oba_fail(err, OBA_EINVAL,
							"bands must be in increasing order without repeats, got %d after %d",
							lo[i], lo[i - 1]);
		if (lo[i] <= hi[i - 1])
		{
			char		second[OBA_PERIOD_LABEL_LEN];

			if (hi[i] == OBA_AGE_OPEN)
				snprintf(second, sizeof(second), "%d+", lo[i]);
			else
				snprintf(second, sizeof(second), "%d-%d", lo[i], hi[i]);
			return oba_fail(err, OBA_EINVAL, "bands %d-%d and %s overlap",
							lo[i - 1], hi[i - 1], second);
		}
	}
	return 0;
}

int
oba_age_band_label(int age, const int *lo, const int *hi, int n,
				   char *buf, size_t len, oba_error *err)
{
	int			a = 0,
				b = n - 1;

	if (age < 0)
		return oba_fail(err, OBA_EINVAL, "age must not be negative, got %d", age);
	if (age < lo[0])
		return 0;
	/* the last band whose lower bound is <= age */
	while (a < b)
	{
		int			m = (a + b + 1) / 2;

		if (lo[m] <= age)
			a = m;
		else
			b = m - 1;
	}
	if (hi[a] == OBA_AGE_OPEN)
		snprintf(buf, len, "%d+", lo[a]);
	else if (age > hi[a])
		return 0;
	else if (lo[a] == hi[a])
		snprintf(buf, len, "%d", lo[a]);
	else
		snprintf(buf, len, "%d-%d", lo[a], hi[a]);
	return 1;
}
