/*
 * period.h: UK reporting periods and ages (src/core/period.c).
 *
 * Dates are proleptic Gregorian (year, month 1-12, day 1-31), as PostgreSQL
 * stores them; the glue converts. Years before 1 are refused by the glue.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_PERIOD_H
#define OBA_PERIOD_H

#include "oba_core.h"

/* Room for any label: "2147483647-48 Q4", "2147483647+". */
#define OBA_PERIOD_LABEL_LEN 32

/* Upper bound of an open-ended age band ("90+"). */
#define OBA_AGE_OPEN (-1)

/* The year in which the financial year (April to March) of a date starts. */
int			oba_fy_start_year(int year, int month);

/* The financial quarter 1-4 of a month: April-June is Q1, January-March Q4. */
int			oba_fy_quarter_number(int month);

/* '2024-25' for 2024-04-01 .. 2025-03-31. */
void		oba_fy_label(int year, int month, char *buf, size_t len);

/* '2024-25 Q1'. */
void		oba_fy_quarter_label(int year, int month, char *buf, size_t len);

/* The first month of the financial quarter holding (year, month); day is 1. */
void		oba_fy_quarter_start(int year, int month, int *qyear, int *qmonth);

/* '2024/25' for 2024-09-01 .. 2025-08-31 (DfE's academic-year style). */
void		oba_academic_year_label(int year, int month, char *buf, size_t len);

/*
 * Age in completed years or months of someone born on dob at date at. An
 * anniversary that the calendar lacks (29 February in a common year, the
 * 31st in a shorter month) is reached on the 1st of the next month, as UK
 * law treats a 29 February birthday. Error if dob is after at.
 */
int			oba_age_years(int by, int bm, int bd, int ay, int am, int ad,
						  int *out, oba_error *err);
int			oba_age_months(int by, int bm, int bd, int ay, int am, int ad,
						   int *out, oba_error *err);

/*
 * Age bands as inclusive [lo[i], hi[i]] with hi[i] = OBA_AGE_OPEN for an open
 * last band. Must be non-negative, each lo <= hi, in increasing order and
 * not overlapping (gaps are allowed).
 */
int			oba_age_bands_check(const int *lo, const int *hi, int n, oba_error *err);

/*
 * The label of the band holding age ("0-4", "5", "90+"): returns 1 and fills
 * buf, or 0 when no band holds it; -1 for a negative age. Bands must have
 * passed oba_age_bands_check.
 */
int			oba_age_band_label(int age, const int *lo, const int *hi, int n,
							   char *buf, size_t len, oba_error *err);

#endif							/* OBA_PERIOD_H */
