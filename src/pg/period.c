/*
 * period.c (glue): oba.fy, oba.fy_quarter, oba.fy_quarter_start,
 * oba.academic_year, oba.age_at, oba.age_months_at and oba.age_band.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"
#include "period.h"

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

PG_FUNCTION_INFO_V1(oba_sql_fy);
PG_FUNCTION_INFO_V1(oba_sql_fy_quarter);
PG_FUNCTION_INFO_V1(oba_sql_fy_quarter_start);
PG_FUNCTION_INFO_V1(oba_sql_academic_year);
PG_FUNCTION_INFO_V1(oba_sql_age_at);
PG_FUNCTION_INFO_V1(oba_sql_age_months_at);
PG_FUNCTION_INFO_V1(oba_sql_age_band);

/* Year, month and day of a date argument; refuses infinity and years BC. */
static void
get_ymd(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg,
		int *y, int *m, int *d)
{
	DateADT		date = PG_GETARG_DATEADT(argno);

	if (DATE_NOT_FINITE(date))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must be finite, got %s", fname, arg,
						DATE_IS_NOBEGIN(date) ? "-infinity" : "infinity")));
	j2date(date + POSTGRES_EPOCH_JDATE, y, m, d);
	if (*y < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must not be before 0001-01-01, got %04d-%02d-%02d BC",
						fname, arg, 1 - *y, *m, *d)));
}

/* oba.fy(date) -> text: STRICT */
Datum
oba_sql_fy(PG_FUNCTION_ARGS)
{
	int			y, m, d;
	char		buf[OBA_PERIOD_LABEL_LEN];

	get_ymd(fcinfo, 0, "oba.fy", "date", &y, &m, &d);
	oba_fy_label(y, m, buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

Datum
oba_sql_fy_quarter(PG_FUNCTION_ARGS)
{
	int			y, m, d;
	char		buf[OBA_PERIOD_LABEL_LEN];

	get_ymd(fcinfo, 0, "oba.fy_quarter", "date", &y, &m, &d);
	oba_fy_quarter_label(y, m, buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

Datum
oba_sql_fy_quarter_start(PG_FUNCTION_ARGS)
{
	int			y, m, d, qy, qm;

	get_ymd(fcinfo, 0, "oba.fy_quarter_start", "date", &y, &m, &d);
	oba_fy_quarter_start(y, m, &qy, &qm);
	PG_RETURN_DATEADT(date2j(qy, qm, 1) - POSTGRES_EPOCH_JDATE);
}

Datum
oba_sql_academic_year(PG_FUNCTION_ARGS)
{
	int			y, m, d;
	char		buf[OBA_PERIOD_LABEL_LEN];

	get_ymd(fcinfo, 0, "oba.academic_year", "date", &y, &m, &d);
	oba_academic_year_label(y, m, buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

typedef int (*age_fn) (int, int, int, int, int, int, int *, oba_error *);

static Datum
age_common(FunctionCallInfo fcinfo, const char *fname, age_fn fn)
{
	int			by, bm, bd, ay, am, ad, out;
	oba_error	err;

	get_ymd(fcinfo, 0, fname, "dob", &by, &bm, &bd);
	get_ymd(fcinfo, 1, fname, "at", &ay, &am, &ad);
	if (fn(by, bm, bd, ay, am, ad, &out, &err) != 0)
		oba_raise(fname, &err);
	PG_RETURN_INT32(out);
}

/* oba.age_at(dob date, at date) -> int: STRICT */
Datum
oba_sql_age_at(PG_FUNCTION_ARGS)
{
	return age_common(fcinfo, "oba.age_at", oba_age_years);
}

Datum
oba_sql_age_months_at(PG_FUNCTION_ARGS)
{
	return age_common(fcinfo, "oba.age_months_at", oba_age_months);
}

static void
bad_bands(const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("oba.age_band: %s", why),
			 errhint("Give the lower bounds, '{0,5,10,15}' for 0-4, 5-9, 10-14 and 15+, or inclusive pairs, '{{0,4},{5,9},{16,NULL}}', NULL for an open end.")));
}

/* oba.age_band(age int, bands int[]) -> text: STRICT */
Datum
oba_sql_age_band(PG_FUNCTION_ARGS)
{
	int32		age = PG_GETARG_INT32(0);
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(1);
	int			ndim = ARR_NDIM(a);
	Datum	   *elems;
	bool	   *nulls;
	int			nelems, n, i;
	int		   *lo, *hi;
	char		buf[OBA_PERIOD_LABEL_LEN];
	oba_error	err;
	int			found;

	if (ndim == 0)
		bad_bands("bands must not be empty");
	if (ndim > 2 || (ndim == 2 && ARR_DIMS(a)[1] != 2))
		bad_bands("bands must be a list of lower bounds or a list of {lower, upper} pairs");
	deconstruct_array(a, INT4OID, 4, true, TYPALIGN_INT, &elems, &nulls, &nelems);
	n = ndim == 1 ? nelems : nelems / 2;
	lo = palloc(sizeof(int) * n);
	hi = palloc(sizeof(int) * n);
	for (i = 0; i < n; i++)
	{
		if (ndim == 1)
		{
			if (nulls[i])
				bad_bands("bands must not contain NULL");
			lo[i] = DatumGetInt32(elems[i]);
			hi[i] = OBA_AGE_OPEN;
			/* lower bounds: each band ends where the next starts */
			if (i > 0)
				hi[i - 1] = lo[i] > lo[i - 1] ? lo[i] - 1 : lo[i - 1];
		}
		else
		{
			if (nulls[2 * i])
				bad_bands("the lower bound of a band must not be NULL");
			lo[i] = DatumGetInt32(elems[2 * i]);
			hi[i] = nulls[2 * i + 1] ? OBA_AGE_OPEN : DatumGetInt32(elems[2 * i + 1]);
			if (!nulls[2 * i + 1] && hi[i] < 0)
			{
				char		msg[64];

				snprintf(msg, sizeof(msg), "bands must not be negative, got %d", hi[i]);
				bad_bands(msg);
			}
		}
	}
	if (oba_age_bands_check(lo, hi, n, &err) != 0)
		bad_bands(err.message);
	found = oba_age_band_label(age, lo, hi, n, buf, sizeof(buf), &err);
	if (found < 0)
		oba_raise("oba.age_band", &err);
	if (found == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}
