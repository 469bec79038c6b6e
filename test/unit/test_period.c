/*
 * test_period.c: src/core/period.c: financial and academic years, quarters,
 * ages across 29 February and short months, age bands, bad input.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "period.h"
#include "unit.h"

static int
days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static void
labels(void)
{
	char		b[OBA_PERIOD_LABEL_LEN];
	int			qy, qm;

	oba_fy_label(2024, 4, b, sizeof(b));
	CHECK(strcmp(b, "2024-25") == 0);
	oba_fy_label(2025, 3, b, sizeof(b));
	CHECK(strcmp(b, "2024-25") == 0);
	oba_fy_label(2000, 1, b, sizeof(b));
	CHECK(strcmp(b, "1999-00") == 0);
	oba_fy_quarter_label(2024, 6, b, sizeof(b));
	CHECK(strcmp(b, "2024-25 Q1") == 0);
	oba_fy_quarter_label(2024, 7, b, sizeof(b));
	CHECK(strcmp(b, "2024-25 Q2") == 0);
	oba_fy_quarter_label(2024, 12, b, sizeof(b));
	CHECK(strcmp(b, "2024-25 Q3") == 0);
	oba_fy_quarter_label(2025, 2, b, sizeof(b));
	CHECK(strcmp(b, "2024-25 Q4") == 0);
	oba_academic_year_label(2024, 8, b, sizeof(b));
	CHECK(strcmp(b, "2023/24") == 0);
	oba_academic_year_label(2024, 9, b, sizeof(b));
	CHECK(strcmp(b, "2024/25") == 0);
	oba_fy_quarter_start(2025, 3, &qy, &qm);
	CHECK(qy == 2025 && qm == 1);
	oba_fy_quarter_start(2024, 6, &qy, &qm);
	CHECK(qy == 2024 && qm == 4);
	oba_fy_quarter_start(2024, 12, &qy, &qm);
	CHECK(qy == 2024 && qm == 10);
}

static void
ages(void)
{
	int			a;
	oba_error	err;

	/* 29 February: a year older on 1 March in a common year */
	CHECK(oba_age_years(2020, 2, 29, 2021, 2, 28, &a, &err) == 0 && a == 0);
	CHECK(oba_age_years(2020, 2, 29, 2021, 3, 1, &a, &err) == 0 && a == 1);
	CHECK(oba_age_years(2020, 2, 29, 2024, 2, 29, &a, &err) == 0 && a == 4);
	CHECK(oba_age_months(2020, 2, 29, 2021, 2, 28, &a, &err) == 0 && a == 11);
	CHECK(oba_age_months(2020, 2, 29, 2021, 3, 1, &a, &err) == 0 && a == 12);
	/* short months: born on the 31st */
	CHECK(oba_age_months(2024, 1, 31, 2024, 2, 29, &a, &err) == 0 && a == 0);
	CHECK(oba_age_months(2024, 1, 31, 2024, 3, 1, &a, &err) == 0 && a == 1);
	CHECK(oba_age_months(2024, 3, 31, 2024, 4, 30, &a, &err) == 0 && a == 0);
	CHECK(oba_age_years(2024, 5, 10, 2024, 5, 10, &a, &err) == 0 && a == 0);
	CHECK(oba_age_years(2024, 5, 10, 2024, 5, 9, &a, &err) == -1);
	CHECK(err.code == OBA_EINVAL && strstr(err.message, "dob 2024-05-10 is after at 2024-05-09"));
	CHECK(oba_age_months(2024, 5, 10, 2023, 5, 9, &a, &err) == -1);
}

/*
 * Every birth date in 2019-2021 against reference dates to 2026, by an
 * independent definition: count the anniversaries passed, where the
 * anniversary in a month without the birth day is the 1st of the next month.
 */
static void
ages_exhaustive(void)
{
	int			by, bm, bd, checked = 0, bad = 0;

	for (by = 2019; by <= 2021; by++)
		for (bm = 1; bm <= 12; bm++)
			for (bd = 1; bd <= days_in_month(by, bm); bd++)
			{
				int			ay = by, am = bm, ad = bd;
				int			months = 0;	/* completed months at (ay, am, ad) */

				/* walk the reference date forward one day at a time */
				while (ay <= 2026)
				{
					int			y, m;
					oba_error	err;

					if (oba_age_months(by, bm, bd, ay, am, ad, &m, &err) != 0 ||
						oba_age_years(by, bm, bd, ay, am, ad, &y, &err) != 0 ||
						m != months || y != months / 12)
						bad++;
					checked++;
					/* next day */
					if (++ad > days_in_month(ay, am))
					{
						ad = 1;
						if (++am > 12)
						{
							am = 1;
							ay++;
						}
					}
					/* the anniversary of the next month falls today? */
					{
						int			tm = bm + months + 1;
						int			ty = by + (tm - 1) / 12;

						tm = (tm - 1) % 12 + 1;
						if (bd <= days_in_month(ty, tm))
						{
							if (ay == ty && am == tm && ad == bd)
								months++;
						}
						else
						{
							int			ny = tm == 12 ? ty + 1 : ty,
										nm = tm == 12 ? 1 : tm + 1;

							if (ay == ny && am == nm && ad == 1)
								months++;
						}
					}
				}
			}
	CHECK(bad == 0);
	printf("period: %d (dob, at) pairs checked, %d wrong\n", checked, bad);
}

static void
bands(void)
{
	int			lo[] = {0, 5, 10, 15};
	int			hi[] = {4, 9, 14, OBA_AGE_OPEN};
	int			plo[] = {0, 16, 65};
	int			phi[] = {4, 24, OBA_AGE_OPEN};
	int			bad_lo[] = {0, 5, 5};
	int			bad_hi[] = {4, 9, OBA_AGE_OPEN};
	int			ov_lo[] = {0, 4};
	int			ov_hi[] = {5, 9};
	int			one[] = {5};
	int			one_hi[] = {5};
	char		b[OBA_PERIOD_LABEL_LEN];
	oba_error	err;

	CHECK(oba_age_bands_check(lo, hi, 4, &err) == 0);
	CHECK(oba_age_band_label(0, lo, hi, 4, b, sizeof(b), &err) == 1 && strcmp(b, "0-4") == 0);
	CHECK(oba_age_band_label(9, lo, hi, 4, b, sizeof(b), &err) == 1 && strcmp(b, "5-9") == 0);
	CHECK(oba_age_band_label(99, lo, hi, 4, b, sizeof(b), &err) == 1 && strcmp(b, "15+") == 0);
	CHECK(oba_age_band_label(-1, lo, hi, 4, b, sizeof(b), &err) == -1);
	CHECK(oba_age_bands_check(plo, phi, 3, &err) == 0);
	CHECK(oba_age_band_label(10, plo, phi, 3, b, sizeof(b), &err) == 0);
	CHECK(oba_age_band_label(24, plo, phi, 3, b, sizeof(b), &err) == 1 && strcmp(b, "16-24") == 0);
	CHECK(oba_age_band_label(65, plo, phi, 3, b, sizeof(b), &err) == 1 && strcmp(b, "65+") == 0);
	CHECK(oba_age_bands_check(one, one_hi, 1, &err) == 0);
	CHECK(oba_age_band_label(5, one, one_hi, 1, b, sizeof(b), &err) == 1 && strcmp(b, "5") == 0);
	CHECK(oba_age_band_label(4, one, one_hi, 1, b, sizeof(b), &err) == 0);
	CHECK(oba_age_bands_check(bad_lo, bad_hi, 3, &err) == -1 && strstr(err.message, "increasing order"));
	CHECK(oba_age_bands_check(ov_lo, ov_hi, 2, &err) == -1 && strstr(err.message, "overlap"));
	CHECK(oba_age_bands_check(lo, hi, 0, &err) == -1 && strstr(err.message, "empty"));
}

int
main(void)
{
	labels();
	ages();
	ages_exhaustive();
	bands();
	return unit_done("test_period");
}
