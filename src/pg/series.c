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
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

#include <math.h>

PG_FUNCTION_INFO_V1(obapg_series_trans);
PG_FUNCTION_INFO_V1(obapg_series_trans_date);
PG_FUNCTION_INFO_V1(obapg_series_combine);
PG_FUNCTION_INFO_V1(obapg_date_to_years);
PG_FUNCTION_INFO_V1(obapg_years_to_date);

/* The widths of the kinds' rows, indexed by kind. */
static const int kind_width[] = {0, 2, 2, 2, 3, 3, 4, 2};

#define KIND_VALID(k) ((k) >= OBA_KIND_SERIES && (k) <= OBA_KIND_SPC)

/* First growth of a state: room for 30 rows of two values before the next. */
#define STATE_MIN_ALLOC 64

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

static void
bad_state(const char *fname, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: invalid aggregate state", fname),
			 errdetail("%s", why)));
}

static void *
pg_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
pg_release(void *ctx, void *p)
{
	(void) ctx;
	if (p != NULL)
		pfree(p);
}

const oba_allocator oba_pg_allocator = {pg_alloc, pg_release, NULL};

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
 * text argument, so a constant direction is parsed once, not once per row.
 */
#define KEYWORD_SLOTS 12

typedef struct fn_cache
{
	TupleDesc	tupdesc;
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

int
oba_arg_direction(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg)
{
	text	   *t;
	const char *s;
	int			len,
				code;
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
	if (oba_parse_direction(&err, arg, s, len, &code) != 0)
		oba_raise(fname, &err);
	if (argno < KEYWORD_SLOTS && len <= (int) sizeof(c->kw[argno].text))
	{
		memcpy(c->kw[argno].text, s, len);
		c->kw[argno].len = len;
		c->kw[argno].code = code;
	}
	return code;
}

/* ---- the state ---- */

/* Header checks shared by every access; returns the row count. */
static size_t
check_header(const double *s, size_t n, const char *fname, int want_kind)
{
	int			kind,
				width,
				np;

	if (n < OBA_ST_HEADER || s[OBA_ST_VERSION] != OBA_STATE_VERSION)
		bad_state(fname, "The state must start with the version 1 header.");
	kind = (int) s[OBA_ST_KIND];
	width = (int) s[OBA_ST_WIDTH];
	np = (int) s[OBA_ST_NPARAMS];
	if (s[OBA_ST_KIND] != kind || !KIND_VALID(kind) ||
		(want_kind != 0 && kind != want_kind))
		bad_state(fname, "The state belongs to another aggregate.");
	if (s[OBA_ST_WIDTH] != width || width != kind_width[kind] ||
		s[OBA_ST_NPARAMS] != np || np < 0 || np > OBA_MAX_PARAMS ||
		(size_t) (OBA_ST_HEADER + np) > n ||
		(n - OBA_ST_HEADER - np) % width != 0)
		bad_state(fname, "The state's layout does not match its header.");
	return (n - OBA_ST_HEADER - np) / width;
}

/* Full check of the rows of a state that may have come from outside. */
static void
check_rows(const double *s, size_t n, const char *fname)
{
	int			width = (int) s[OBA_ST_WIDTH],
				np = (int) s[OBA_ST_NPARAMS];
	size_t		nrows = check_header(s, n, fname, 0),
				i;
	int			j;

	for (i = 0; i < (size_t) np; i++)
		if (isinf(s[OBA_ST_HEADER + i]))
			bad_state(fname, "The state holds an infinite parameter.");
	if (nrows > 0 && np == 0 && s[OBA_ST_KIND] != OBA_KIND_SERIES)
		bad_state(fname, "The state has rows but no parameters.");
	for (i = 0; i < nrows; i++)
	{
		const double *r = s + OBA_ST_HEADER + np + i * width;

		if (!isfinite(r[0]))
			bad_state(fname, "The state holds a time that is not finite.");
		for (j = 1; j < width; j++)
			if (isinf(r[j]))
				bad_state(fname, "The state holds an infinite value.");
	}
}

void
oba_series_view_get(FunctionCallInfo fcinfo, int argno, const char *fname,
					oba_series_kind kind, oba_series_view *v)
{
	Datum		d = PG_GETARG_DATUM(argno);
	const double *s;
	size_t		n,
				i;

	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ExpandedArrayHeader *eah = (ExpandedArrayHeader *) DatumGetEOHP(d);

		if (eah->ea_magic != EA_MAGIC || eah->element_type != FLOAT8OID || eah->ndims != 1)
			bad_state(fname, "The state must be a one-dimensional float8 array.");
		if (eah->dvalues != NULL)
		{
			double	   *copy;

			if (eah->dnulls != NULL)
				for (i = 0; i < (size_t) eah->nelems; i++)
					if (eah->dnulls[i])
						bad_state(fname, "The state must not contain NULLs.");
			n = eah->nelems;
			copy = palloc(sizeof(double) * (n > 0 ? n : 1));
			for (i = 0; i < n; i++)
				copy[i] = DatumGetFloat8(eah->dvalues[i]);
			s = copy;
		}
		else
		{
			if (ARR_HASNULL(eah->fvalue))
				bad_state(fname, "The state must not contain NULLs.");
			n = ArrayGetNItems(ARR_NDIM(eah->fvalue), ARR_DIMS(eah->fvalue));
			s = (const double *) ARR_DATA_PTR(eah->fvalue);
		}
	}
	else
	{
		ArrayType  *a = DatumGetArrayTypeP(d);

		if (ARR_NDIM(a) != 1 || ARR_ELEMTYPE(a) != FLOAT8OID)
			bad_state(fname, "The state must be a one-dimensional float8 array.");
		if (ARR_HASNULL(a))
			bad_state(fname, "The state must not contain NULLs.");
		n = ARR_DIMS(a)[0];
		s = (const double *) ARR_DATA_PTR(a);
	}
	check_header(s, n, fname, kind);
	check_rows(s, n, fname);
	v->kind = (int) s[OBA_ST_KIND];
	v->width = (int) s[OBA_ST_WIDTH];
	v->nparams = (int) s[OBA_ST_NPARAMS];
	v->params = s + OBA_ST_HEADER;
	v->rows = s + OBA_ST_HEADER + v->nparams;
	v->nrows = (n - OBA_ST_HEADER - v->nparams) / v->width;
}

/*
 * The state in argument 0 as an expanded array we may modify: in place when
 * it is already our read/write object in the aggregate's memory, else a new
 * expanded copy there (the first row of a group, or a direct call).
 */
static ExpandedArrayHeader *
state_for_update(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext;
	Datum		d = PG_GETARG_DATUM(0);
	ExpandedArrayHeader *eah;
	bool		in_agg = AggCheckCallContext(fcinfo, &aggcontext) != 0;

	if (in_agg && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
	{
		eah = (ExpandedArrayHeader *) DatumGetEOHP(d);
		if (eah->ea_magic == EA_MAGIC && eah->dvalues != NULL &&
			MemoryContextGetParent(eah->hdr.eoh_context) == aggcontext)
			return eah;
	}
	/* outside an aggregate the argument is not ours: work on a copy */
	eah = (ExpandedArrayHeader *) DatumGetEOHP(expand_array(d, in_agg ? aggcontext :
															CurrentMemoryContext, NULL));
	if (eah->element_type != FLOAT8OID || eah->ndims != 1 || eah->lbound[0] != 1)
		bad_state(fname, "The state must be a one-dimensional float8 array.");
	deconstruct_expanded_array(eah);
	if (eah->dnulls != NULL)
	{
		int			i;

		for (i = 0; i < eah->nelems; i++)
			if (eah->dnulls[i])
				bad_state(fname, "The state must not contain NULLs.");
	}
	/* a state from outside (text, a user) is checked once, in full */
	{
		double	   *tmp = palloc(sizeof(double) * (eah->nelems > 0 ? eah->nelems : 1));
		int			i;

		for (i = 0; i < eah->nelems; i++)
			tmp[i] = DatumGetFloat8(eah->dvalues[i]);
		check_rows(tmp, eah->nelems, fname);
		pfree(tmp);
	}
	return eah;
}

static inline double
state_get(const ExpandedArrayHeader *eah, int i)
{
	return DatumGetFloat8(eah->dvalues[i]);
}

/* Make room for extra more elements: geometric growth, so appends are amortised O(1). */
static void
state_reserve(ExpandedArrayHeader *eah, int extra)
{
	int			need = eah->nelems + extra;

	if (need > eah->dvalueslen)
	{
		int			newlen = Max(Max(eah->dvalueslen * 2, need), STATE_MIN_ALLOC);

		if ((Size) newlen > MaxAllocSize / sizeof(Datum))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many rows in one group for a float8[] state")));
		eah->dvalues = (Datum *) repalloc(eah->dvalues, newlen * sizeof(Datum));
		if (eah->dnulls != NULL)
			eah->dnulls = (bool *) repalloc(eah->dnulls, newlen * sizeof(bool));
		eah->dvalueslen = newlen;
	}
}

/* Store a value; float8 is passed by value on every 64-bit build. */
static inline void
state_put(ExpandedArrayHeader *eah, int i, double v)
{
#ifdef USE_FLOAT8_BYVAL
	eah->dvalues[i] = Float8GetDatum(v);
#else
	MemoryContext old = MemoryContextSwitchTo(eah->hdr.eoh_context);

	eah->dvalues[i] = Float8GetDatum(v);
	MemoryContextSwitchTo(old);
#endif
	if (eah->dnulls != NULL)
		eah->dnulls[i] = false;
}

/* The new length is set last, after the values: nothing half-written survives an error. */
static void
state_set_length(ExpandedArrayHeader *eah, int n)
{
	eah->nelems = n;
	eah->dims[0] = n;
	/* the flat copy, if any, no longer matches */
	eah->fvalue = NULL;
	eah->flat_size = 0;
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

/* Rewrite the parameters of a state that has no rows yet. */
static void
state_set_params(ExpandedArrayHeader *eah, const double *params, int np)
{
	int			i;

	state_reserve(eah, OBA_ST_HEADER + np - eah->nelems);
	for (i = 0; i < np; i++)
		state_put(eah, OBA_ST_HEADER + i, params[i]);
	state_put(eah, OBA_ST_NPARAMS, np);
	state_set_length(eah, OBA_ST_HEADER + np);
}

Datum
oba_series_append(FunctionCallInfo fcinfo, const char *fname, oba_series_kind kind,
				  int width, const double *row, const double *params, int np,
				  const char *param_names)
{
	ExpandedArrayHeader *eah = state_for_update(fcinfo, fname);
	int			n = eah->nelems,
				have_np,
				i;

	if (n < OBA_ST_HEADER || state_get(eah, OBA_ST_KIND) != kind)
		bad_state(fname, "The state belongs to another aggregate.");
	have_np = (int) state_get(eah, OBA_ST_NPARAMS);
	if (n == OBA_ST_HEADER + have_np)
	{
		/* the first row fixes the parameters */
		if (np != have_np || np > 0)
			state_set_params(eah, params, np);
		n = eah->nelems;
	}
	else
	{
		double		have[OBA_MAX_PARAMS];

		for (i = 0; i < have_np && i < OBA_MAX_PARAMS; i++)
			have[i] = state_get(eah, OBA_ST_HEADER + i);
		if (have_np != np || !params_equal(have, params, np))
			params_differ(fname, param_names);
	}
	state_reserve(eah, width);
	for (i = 0; i < width; i++)
		state_put(eah, n + i, row[i]);
	state_set_length(eah, n + width);
	PG_RETURN_DATUM(EOHPGetRWDatum(&eah->hdr));
}

Datum
oba_series_combine(FunctionCallInfo fcinfo, const char *fname)
{
	oba_series_view v2;
	ExpandedArrayHeader *eah;
	int			n,
				np1,
				nrows1;
	size_t		i;

	oba_series_view_get(fcinfo, 1, fname, 0, &v2);
	if (v2.nrows == 0)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	eah = state_for_update(fcinfo, fname);
	n = eah->nelems;
	if (state_get(eah, OBA_ST_KIND) != v2.kind)
		bad_state(fname, "The states belong to different aggregates.");
	np1 = (int) state_get(eah, OBA_ST_NPARAMS);
	nrows1 = (n - OBA_ST_HEADER - np1) / v2.width;
	if (nrows1 == 0)
		state_set_params(eah, v2.params, v2.nparams);
	else
	{
		double		have[OBA_MAX_PARAMS];
		int			j;

		for (j = 0; j < np1; j++)
			have[j] = state_get(eah, OBA_ST_HEADER + j);
		if (np1 != v2.nparams || !params_equal(have, v2.params, np1))
			params_differ(fname, "the parameters");
	}
	n = eah->nelems;
	if (v2.nrows > (size_t) (INT_MAX / 2 / v2.width))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many rows in one group for a float8[] state")));
	state_reserve(eah, (int) v2.nrows * v2.width);
	for (i = 0; i < v2.nrows * v2.width; i++)
		state_put(eah, n + (int) i, v2.rows[i]);
	state_set_length(eah, n + (int) (v2.nrows * v2.width));
	PG_RETURN_DATUM(EOHPGetRWDatum(&eah->hdr));
}

double *
oba_series_sorted(const oba_series_view *v, bool drop_missing, size_t *n, const char *fname)
{
	double	   *out = palloc(sizeof(double) * (v->nrows > 0 ? v->nrows * v->width : 1));
	oba_error	err;

	CHECK_FOR_INTERRUPTS();
	if (oba_series_prepare(v->rows, v->nrows, v->width, drop_missing, out, n, "t", &err) != 0)
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
	const char *fname = "oba.series_agg_trans";
	double		row[2];

	/* a row without a time has no place in the series */
	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	return oba_series_append(fcinfo, fname, OBA_KIND_SERIES, 2, row, NULL, 0, "");
}

/* (state, t float8, value float8): mann_kendall_agg and linear_trend_agg share it */
Datum
obapg_series_trans(PG_FUNCTION_ARGS)
{
	return series_trans(fcinfo, false);
}

Datum
obapg_series_trans_date(PG_FUNCTION_ARGS)
{
	return series_trans(fcinfo, true);
}

/* (state, state): STRICT; every time-series aggregate combines with it */
Datum
obapg_series_combine(PG_FUNCTION_ARGS)
{
	return oba_series_combine(fcinfo, "oba.series_agg_combine");
}

Datum
obapg_date_to_years(PG_FUNCTION_ARGS)
{
	return Float8GetDatum(oba_arg_time(fcinfo, 0, true, "oba.date_to_years", "d"));
}

Datum
obapg_years_to_date(PG_FUNCTION_ARGS)
{
	double		y = PG_GETARG_FLOAT8(0);
	oba_error	err;

	if (oba_check_finite(&err, "years", y) != 0)
		oba_raise("oba.years_to_date", &err);
	PG_RETURN_DATEADT(oba_years_date(y));
}
