/*
 * series.c (glue): the float8[] state of the time-series aggregates (see
 * series_pg.h), argument helpers, composite results, and oba.date_to_years /
 * oba.years_to_date.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series_pg.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include <limits.h>
#include <math.h>

PG_FUNCTION_INFO_V1(oba_sql_series_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_series_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_series_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_date_to_years);
PG_FUNCTION_INFO_V1(oba_sql_years_to_date);

/* The widths of the kinds' rows, indexed by kind. */
static const int kind_width[OBA_KIND_LAST + 1] = {0, 2, 2, 2, 3, 3, 4, 2, 2, 3, 2};

/*
 * The smallest allocation of a grown state, in bytes: the array header and 61
 * values, room for the header and 28 rows of two values.
 */
#define STATE_MIN_BYTES 512

/* ---- errors and arguments ---- */

void
oba_null_arg(const char *fname, const char *arg)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("%s: %s must not be NULL", fname, arg)));
	pg_unreachable();
}

void
oba_bad_arg(const char *fname, const char *fmt,...)
{
	char		buf[OBA_ERRMSG_LEN];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s: %s", fname, buf)));
	pg_unreachable();
}

double
oba_date_years(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return oba_years_from_ymd(y, m, day);
}

DateADT
oba_years_date(double years)
{
	int			y,
				m,
				d;

	/* the range of a date, in years, with a margin for the day arithmetic */
	if (!(years > -4713.0 && years < 5874897.0))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range: %.15g years", years)));
	oba_ymd_from_years(years, &y, &m, &d);
	return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

double
oba_arg_time(FunctionCallInfo fcinfo, int argno, bool is_date, const char *fname,
			 const char *arg)
{
	oba_error	err;
	double		t;

	if (is_date)
	{
		DateADT		d = PG_GETARG_DATEADT(argno);

		if (DATE_NOT_FINITE(d))
			oba_bad_arg(fname, "%s must be finite, got %s", arg,
						DATE_IS_NOBEGIN(d) ? "-infinity" : "infinity");
		return oba_date_years(d);
	}
	t = PG_GETARG_FLOAT8(argno);
	if (oba_check_finite(&err, arg, t) != 0)
		oba_raise(fname, &err);
	return t;
}

double
oba_arg_value(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg)
{
	double		v;
	oba_error	err;

	if (PG_ARGISNULL(argno))
		return NAN;
	v = PG_GETARG_FLOAT8(argno);
	if (!isfinite(v) && oba_check_finite(&err, arg, v) != 0)
		oba_raise(fname, &err);
	return v;
}

/*
 * fn_extra of a function: the result descriptor and the last keyword seen per
 * text argument, so a constant polarity is parsed once, not once per row.
 */
#define KEYWORD_SLOTS 12

typedef struct fn_cache
{
	TupleDesc	tupdesc;
	char	   *agg_name;		/* "oba.<aggregate>" of a transition function */
	struct
	{
		int			len;		/* -1: empty */
		char		text[24];
		int			code;
	}			kw[KEYWORD_SLOTS];
} fn_cache;

static fn_cache *
get_cache(FunctionCallInfo fcinfo)
{
	fn_cache   *c = (fn_cache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		int			i;

		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(fn_cache));
		for (i = 0; i < KEYWORD_SLOTS; i++)
			c->kw[i].len = -1;
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

const char *
oba_agg_fname(FunctionCallInfo fcinfo, const char *fallback)
{
	fn_cache   *c = get_cache(fcinfo);
	Aggref	   *aggref;

	if (c->agg_name == NULL)
	{
		char	   *name;

		/* the aggregate that called (one of those sharing the state) */
		aggref = AggGetAggref(fcinfo);
		name = aggref != NULL ? get_func_name(aggref->aggfnoid) : NULL;
		c->agg_name = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt,
										  name != NULL ? psprintf("oba.%s", name) : fallback);
	}
	return c->agg_name;
}

int
oba_arg_polarity(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg)
{
	text	   *t;
	const char *s;
	int			len,
				code;
	oba_polarity p;
	oba_error	err;
	fn_cache   *c;

	if (PG_ARGISNULL(argno))
		oba_null_arg(fname, arg);
	t = PG_GETARG_TEXT_PP(argno);
	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	c = get_cache(fcinfo);
	if (argno < KEYWORD_SLOTS && c->kw[argno].len == len &&
		memcmp(c->kw[argno].text, s, len) == 0)
		return c->kw[argno].code;
	if (oba_polarity_parse(&err, arg, s, len, &p) != 0)
		oba_raise(fname, &err);
	code = p;
	if (argno < KEYWORD_SLOTS && len <= (int) sizeof(c->kw[argno].text))
	{
		memcpy(c->kw[argno].text, s, len);
		c->kw[argno].len = len;
		c->kw[argno].code = code;
	}
	return code;
}

/* ---- the state ---- */

/*
 * Header checks shared by every access: the layout, and that the rows in use
 * fit in the array (the rest is spare capacity). Returns the row count.
 */
static size_t
check_header(const double *s, size_t n, const char *fname, int want_kind)
{
	int			kind,
				width,
				np;
	double		nrows;

	if (n < OBA_ST_HEADER || s[OBA_ST_VERSION] != OBA_STATE_VERSION)
		oba_state_invalid(fname, "The state must start with the version 1 header.");
	if (!oba_state_whole(s[OBA_ST_KIND], OBA_KIND_SERIES, OBA_KIND_LAST) ||
		(want_kind != 0 && s[OBA_ST_KIND] != want_kind))
		oba_state_invalid(fname, "The state belongs to another aggregate.");
	kind = (int) s[OBA_ST_KIND];
	nrows = s[OBA_ST_NROWS];
	if (!oba_state_whole(s[OBA_ST_WIDTH], 1, 4) || s[OBA_ST_WIDTH] != kind_width[kind] ||
		!oba_state_whole(s[OBA_ST_NPARAMS], 0, OBA_MAX_PARAMS) ||
		!oba_state_whole(nrows, 0, HUGE_VAL))
		oba_state_invalid(fname, "The state's layout does not match its header.");
	width = (int) s[OBA_ST_WIDTH];
	np = (int) s[OBA_ST_NPARAMS];
	if ((double) OBA_ST_HEADER + np + nrows * width > (double) n)
		oba_state_invalid(fname, "The state's layout does not match its header.");
	return (size_t) nrows;
}

/* Full check of the rows of a state that may have come from outside. */
static void
check_rows(const double *s, size_t n, const char *fname)
{
	size_t		nrows = check_header(s, n, fname, 0),
				i;
	/* valid whole numbers now: check_header has checked them */
	int			width = (int) s[OBA_ST_WIDTH],
				np = (int) s[OBA_ST_NPARAMS];
	int			j;

	for (i = 0; i < (size_t) np; i++)
		if (isinf(s[OBA_ST_HEADER + i]))
			oba_state_invalid(fname, "The state holds an infinite parameter.");
	if (nrows > 0 && np == 0 && s[OBA_ST_KIND] != OBA_KIND_SERIES)
		oba_state_invalid(fname, "The state has rows but no parameters.");
	for (i = 0; i < nrows; i++)
	{
		const double *r = s + OBA_ST_HEADER + np + i * width;

		CHECK_FOR_INTERRUPTS();
		if (!isfinite(r[0]))
			oba_state_invalid(fname, "The state holds a time that is not finite.");
		for (j = 1; j < width; j++)
			if (isinf(r[j]))
				oba_state_invalid(fname, "The state holds an infinite value.");
	}
}

/*
 * The transition functions are not STRICT (a row without a time is skipped,
 * not a NULL state): a direct call may pass a NULL state, which is an error.
 */
Datum
oba_series_unchanged(FunctionCallInfo fcinfo, const char *fname)
{
	if (PG_ARGISNULL(0))
		oba_state_null(fname);
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

void
oba_series_view_get(FunctionCallInfo fcinfo, int argno, const char *fname,
					oba_series_kind kind, oba_series_view *v)
{
	int			n;
	const double *s = oba_state_arg(fcinfo, argno, fname, OBA_ST_HEADER, INT_MAX,
									OBA_STATE_READ, NULL, &n);

	check_header(s, n, fname, kind);
	check_rows(s, n, fname);
	v->kind = (int) s[OBA_ST_KIND];
	v->width = (int) s[OBA_ST_WIDTH];
	v->nparams = (int) s[OBA_ST_NPARAMS];
	v->params = s + OBA_ST_HEADER;
	v->rows = s + OBA_ST_HEADER + v->nparams;
	v->nrows = (size_t) s[OBA_ST_NROWS];
}

/*
 * A state with room for need values: a itself if it has it, else a new array
 * of at least twice the size, in the caller's (per-row) memory; PostgreSQL
 * copies a new transition value into the aggregate's memory and frees the
 * old one, so growth is geometric and appends cost amortised O(1).
 *
 * The new array's size in bytes, header included, is a power of two: the
 * aggregate's memory context rounds every small allocation up to one, so a
 * power-of-two count of values plus the header would take twice its size
 * (a series of 40 quarters took 2 kB instead of 1 kB per group).
 */
static ArrayType *
state_reserve(ArrayType *a, size_t need, const char *fname)
{
	const size_t hdr = ARR_OVERHEAD_NONULLS(1);
	size_t		len = ARR_DIMS(a)[0],
				bytes = STATE_MIN_BYTES,
				newlen;
	ArrayType  *b;

	if (need <= len)
		return a;
	while (bytes < MaxAllocSize &&
		   (bytes < 2 * (hdr + len * sizeof(double)) || bytes - hdr < need * sizeof(double)))
		bytes *= 2;
	newlen = (Min(bytes, MaxAllocSize) - hdr) / sizeof(double);
	if (newlen < need)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: too many rows in one group for a float8[] state", fname)));
	b = oba_state_new((int) newlen);
	memcpy(ARR_DATA_PTR(b), ARR_DATA_PTR(a), len * sizeof(double));
	return b;
}

static bool
params_equal(const double *a, const double *b, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (!(a[i] == b[i] || (isnan(a[i]) && isnan(b[i]))))
			return false;
	return true;
}

static void
params_differ(const char *fname, const char *param_names)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s must be the same for every row of a group", fname, param_names)));
}

/*
 * Append nrows rows (width values each) with their parameters to the state
 * in argument 0. The first rows of a group fix the parameters; later ones
 * must carry the same.
 */
static ArrayType *
state_append(FunctionCallInfo fcinfo, const char *fname, int kind, int width,
			 const double *rows, size_t nrows, const double *params, int np,
			 const char *param_names)
{
	ArrayType  *a;
	int			n;
	double	   *s = oba_state_arg(fcinfo, 0, fname, OBA_ST_HEADER, INT_MAX, OBA_STATE_UPDATE,
								  &a, &n);
	size_t		have_rows;
	int			have_np;

	have_rows = check_header(s, n, fname, kind);
	have_np = (int) s[OBA_ST_NPARAMS];
	if (have_rows > 0 && (have_np != np || !params_equal(s + OBA_ST_HEADER, params, np)))
		params_differ(fname, param_names);
	if (have_rows == 0)
		have_np = np;
	a = state_reserve(a, OBA_ST_HEADER + np + (have_rows + nrows) * width, fname);
	s = (double *) ARR_DATA_PTR(a);
	if (have_rows == 0)
	{
		if (np > 0)
			memcpy(s + OBA_ST_HEADER, params, sizeof(double) * np);
		s[OBA_ST_NPARAMS] = np;
	}
	memcpy(s + OBA_ST_HEADER + np + have_rows * width, rows, sizeof(double) * nrows * width);
	/* the count last: an error above leaves the state as it was */
	s[OBA_ST_NROWS] = (double) (have_rows + nrows);
	return a;
}

Datum
oba_series_append(FunctionCallInfo fcinfo, const char *fname, oba_series_kind kind,
				  int width, const double *row, const double *params, int np,
				  const char *param_names)
{
	PG_RETURN_ARRAYTYPE_P(state_append(fcinfo, fname, kind, width, row, 1, params, np,
									   param_names));
}

Datum
oba_series_combine(FunctionCallInfo fcinfo, const char *fname)
{
	oba_series_view v2;

	oba_series_view_get(fcinfo, 1, fname, 0, &v2);
	if (v2.nrows == 0)
	{
		/* nothing to add, but the first state is checked as when there is */
		int			n;
		const double *s = oba_state_arg(fcinfo, 0, fname, OBA_ST_HEADER, INT_MAX,
										OBA_STATE_READ, NULL, &n);

		check_header(s, n, fname, 0);
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	PG_RETURN_ARRAYTYPE_P(state_append(fcinfo, fname, v2.kind, v2.width, v2.rows, v2.nrows,
									   v2.params, v2.nparams, "the parameters"));
}

double *
oba_series_sorted(const oba_series_view *v, bool drop_missing, size_t *n, const char *fname)
{
	double	   *out = palloc(sizeof(double) * (v->nrows > 0 ? v->nrows * v->width : 1));
	oba_error	err;

	CHECK_FOR_INTERRUPTS();
	if (oba_series_prepare(v->rows, v->nrows, v->width, drop_missing, out, n, "t",
						   &oba_pg_allocator, &err) != 0)
		oba_raise(fname, &err);
	return out;
}

void
oba_series_columns(const double *rows, size_t n, double **t, double **y)
{
	size_t		i;

	*t = palloc(sizeof(double) * (n > 0 ? n : 1));
	*y = palloc(sizeof(double) * (n > 0 ? n : 1));
	for (i = 0; i < n; i++)
	{
		(*t)[i] = rows[2 * i];
		(*y)[i] = rows[2 * i + 1];
	}
}

/* ---- arrays ---- */

static void
array_elements(FunctionCallInfo fcinfo, int argno, Oid elemtype, const char *fname,
			   const char *arg, Datum **values, bool **nulls, int *n)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);

	if (ARR_NDIM(a) > 1)
		oba_bad_arg(fname, "%s must be a one-dimensional array, got %d dimensions",
					arg, ARR_NDIM(a));
	if (ARR_ELEMTYPE(a) != elemtype)
		elog(ERROR, "%s: unexpected element type of %s", fname, arg);
	/* float8 and date are both passed by value */
	deconstruct_array(a, elemtype, elemtype == FLOAT8OID ? 8 : 4, true,
					  elemtype == FLOAT8OID ? TYPALIGN_DOUBLE : TYPALIGN_INT,
					  values, nulls, n);
}

static double
element_time(Datum d, bool is_date, const char *fname, const char *arg)
{
	oba_error	err;
	double		t;

	if (is_date)
	{
		DateADT		dd = DatumGetDateADT(d);

		if (DATE_NOT_FINITE(dd))
			oba_bad_arg(fname, "%s must be finite, got %s", arg,
						DATE_IS_NOBEGIN(dd) ? "-infinity" : "infinity");
		return oba_date_years(dd);
	}
	t = DatumGetFloat8(d);
	if (oba_check_finite(&err, arg, t) != 0)
		oba_raise(fname, &err);
	return t;
}

double *
oba_rows_from_arrays(FunctionCallInfo fcinfo, int targ, int varg, bool is_date,
					 const char *fname, size_t *n)
{
	Datum	   *tv,
			   *vv;
	bool	   *tn,
			   *vn;
	int			nt,
				nv,
				i;
	double	   *rows;
	size_t		m = 0;
	oba_error	err;

	array_elements(fcinfo, targ, is_date ? DATEOID : FLOAT8OID, fname, "t", &tv, &tn, &nt);
	array_elements(fcinfo, varg, FLOAT8OID, fname, "value", &vv, &vn, &nv);
	if (nt != nv)
		oba_bad_arg(fname, "t and value must have the same length, got %d and %d", nt, nv);
	rows = palloc(sizeof(double) * 2 * (nt > 0 ? nt : 1));
	for (i = 0; i < nt; i++)
	{
		if (tn[i])
			continue;			/* no time, no place in the series */
		rows[2 * m] = element_time(tv[i], is_date, fname, "t");
		rows[2 * m + 1] = vn[i] ? NAN : DatumGetFloat8(vv[i]);
		if (!vn[i] && oba_check_finite(&err, "value", rows[2 * m + 1]) != 0)
			oba_raise(fname, &err);
		m++;
	}
	*n = m;
	return rows;
}

double *
oba_times_from_array(FunctionCallInfo fcinfo, int argno, bool is_date, const char *fname,
					 const char *arg, size_t *n)
{
	Datum	   *tv;
	bool	   *tn;
	int			nt,
				i;
	double	   *out;
	size_t		m = 0;

	array_elements(fcinfo, argno, is_date ? DATEOID : FLOAT8OID, fname, arg, &tv, &tn, &nt);
	out = palloc(sizeof(double) * (nt > 0 ? nt : 1));
	for (i = 0; i < nt; i++)
		if (!tn[i])
			out[m++] = element_time(tv[i], is_date, fname, arg);
	*n = m;
	return out;
}

/* ---- composite results ---- */

void
oba_row_begin(FunctionCallInfo fcinfo, oba_row *r)
{
	fn_cache   *c = get_cache(fcinfo);

	if (c->tupdesc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	tupdesc;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning a record called in a context that cannot accept one")));
		c->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
	}
	oba_row_begin_desc(c->tupdesc, r);
}

void
oba_row_begin_desc(TupleDesc tupdesc, oba_row *r)
{
	if (tupdesc->natts > (int) lengthof(r->values))
		elog(ERROR, "oba: result type has too many columns");
	r->tupdesc = tupdesc;
	r->n = 0;
}

/* The next column must have the type the glue is about to store. */
static int
next_column(oba_row *r, Oid type)
{
	int			i = r->n++;

	if (i >= r->tupdesc->natts || TupleDescAttr(r->tupdesc, i)->atttypid != type)
		elog(ERROR, "oba: result column %d does not have the expected type", i + 1);
	return i;
}

void
oba_row_float(oba_row *r, double v)
{
	int			i = next_column(r, FLOAT8OID);

	r->nulls[i] = isnan(v);
	r->values[i] = Float8GetDatum(r->nulls[i] ? 0.0 : v);
}

void
oba_row_int4(oba_row *r, double v)
{
	int			i = next_column(r, INT4OID);

	r->nulls[i] = isnan(v);
	r->values[i] = Int32GetDatum(r->nulls[i] ? 0 : (int32) v);
}

void
oba_row_int8(oba_row *r, double v)
{
	int			i = next_column(r, INT8OID);

	r->nulls[i] = isnan(v);
	r->values[i] = Int64GetDatum(r->nulls[i] ? 0 : (int64) v);
}

void
oba_row_text(oba_row *r, const char *s)
{
	int			i = next_column(r, TEXTOID);

	r->nulls[i] = s == NULL;
	r->values[i] = s == NULL ? (Datum) 0 : CStringGetTextDatum(s);
}

void
oba_row_bool(oba_row *r, int v)
{
	int			i = next_column(r, BOOLOID);

	r->nulls[i] = v < 0;
	r->values[i] = BoolGetDatum(v > 0);
}

void
oba_row_date(oba_row *r, double years)
{
	int			i = next_column(r, DATEOID);

	r->nulls[i] = isnan(years);
	r->values[i] = r->nulls[i] ? (Datum) 0 : DateADTGetDatum(oba_years_date(years));
}

Datum
oba_row_datum(oba_row *r)
{
	if (r->n != r->tupdesc->natts)
		elog(ERROR, "oba: result row has %d of %d columns", r->n, r->tupdesc->natts);
	return HeapTupleGetDatum(heap_form_tuple(r->tupdesc, r->values, r->nulls));
}

/* ---- SQL functions ---- */

static Datum
series_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = oba_agg_fname(fcinfo, "oba.series_agg_trans");
	double		row[2];

	/* a row without a time has no place in the series */
	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	return oba_series_append(fcinfo, fname, OBA_KIND_SERIES, 2, row, NULL, 0, "");
}

/* (state, t float8, value float8): mann_kendall_agg and linear_trend_agg share it */
Datum
oba_sql_series_agg_trans(PG_FUNCTION_ARGS)
{
	return series_trans(fcinfo, false);
}

Datum
oba_sql_series_agg_trans_date(PG_FUNCTION_ARGS)
{
	return series_trans(fcinfo, true);
}

/* (state, state): STRICT; every time-series aggregate combines with it */
Datum
oba_sql_series_agg_combine(PG_FUNCTION_ARGS)
{
	return oba_series_combine(fcinfo, "oba.series_agg_combine");
}

Datum
oba_sql_date_to_years(PG_FUNCTION_ARGS)
{
	return Float8GetDatum(oba_arg_time(fcinfo, 0, true, "oba.date_to_years", "d"));
}

Datum
oba_sql_years_to_date(PG_FUNCTION_ARGS)
{
	double		y = PG_GETARG_FLOAT8(0);
	oba_error	err;

	if (oba_check_finite(&err, "years", y) != 0)
		oba_raise("oba.years_to_date", &err);
	PG_RETURN_DATEADT(oba_years_date(y));
}
