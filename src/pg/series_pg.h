/*
 * series_pg.h: the glue the time-series families share (trend, curve, spc):
 * the aggregate state of (t, value ...) rows (checked and allocated with the
 * helpers of oba_state.h), composite results, and argument helpers.
 *
 * The state is a float8[] (not internal, so parallel query and engines that
 * ship partial states as text can split the work):
 *
 *   [version, kind, width, nparams, nrows, param_1 .. param_nparams,
 *    rows ..., spare capacity ...]
 *
 * Each row is width doubles, the time first (a date in years), NaN for a
 * missing value. The first row fixes the parameters (start, polarity ...);
 * every later row, and every state combined in, must carry the same. The
 * array has spare room beyond its nrows rows: inside an aggregate a row is
 * written in place, and a full array is replaced by one twice its size, so
 * appends cost amortised O(1). The combine function concatenates; the final
 * function copies, sorts by time and refuses duplicate times.
 *
 * Why not an expanded array: each expanded array owns a memory context, and
 * PostgreSQL 15's hash aggregation sums the memory of every child context of
 * its hash table whenever it adds a group (hash_agg_check_limits), so GROUP
 * BY over 100,000 series took minutes instead of a second. A flat array with
 * spare room lives in the aggregate's own context.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_SERIES_PG_H
#define OBA_SERIES_PG_H

#include "oba_state.h"

#include "access/tupdesc.h"
#include "utils/date.h"

#include "series.h"

#define OBA_STATE_VERSION 1

enum
{
	OBA_ST_VERSION = 0,
	OBA_ST_KIND,
	OBA_ST_WIDTH,
	OBA_ST_NPARAMS,
	OBA_ST_NROWS,				/* rows in use; the array may be longer */
	OBA_ST_HEADER				/* parameters start here */
};

/* What an aggregate's rows are; the final function checks it got its own kind. */
typedef enum oba_series_kind
{
	OBA_KIND_SERIES = 1,		/* (t, value): mann_kendall_agg, linear_trend_agg and the other tests without parameters */
	OBA_KIND_CURVE = 2,			/* (t, value); start, polarity, alpha */
	OBA_KIND_ITS = 3,			/* (t, value); break_t */
	OBA_KIND_CHISQ = 4,			/* (t, successes, total); scores */
	OBA_KIND_RECENT = 5,		/* (t, successes, total); polarity, points, variant */
	OBA_KIND_RECENT_CI = 6,		/* (t, value, lower95, upper95); polarity, points, variant */
	OBA_KIND_SPC = 7,			/* (t, value); polarity, target, ... , rebase times */
	OBA_KIND_HAMED_RAO = 8,		/* (t, value); alpha, max_lag (0: every lag) */
	OBA_KIND_SEASONAL = 9,		/* (t, value, season); season_from_month */
	OBA_KIND_BROKEN_LINE = 10	/* (t, value); min_segment */
} oba_series_kind;

#define OBA_KIND_LAST OBA_KIND_BROKEN_LINE

#define OBA_MAX_PARAMS 64

/* A read-only view of a state; rows point into it or into a private copy. */
typedef struct oba_series_view
{
	int			kind;
	int			width;
	int			nparams;
	const double *params;
	const double *rows;
	size_t		nrows;
} oba_series_view;

/* The state argument argno as a validated view (for final and combine functions). */
void		oba_series_view_get(FunctionCallInfo fcinfo, int argno, const char *fname,
								oba_series_kind kind, oba_series_view *v);

/*
 * Transition: append one row (width values, row[0] the time) to the state in
 * argument 0, in place inside an aggregate. params (np values) are set by the
 * first row and must equal those of the rows before; param_names names them
 * in the error ("start, polarity and alpha").
 */
Datum		oba_series_append(FunctionCallInfo fcinfo, const char *fname,
							  oba_series_kind kind, int width, const double *row,
							  const double *params, int np, const char *param_names);

/* The state (argument 0) unchanged, for a row that adds nothing; NULL is an error. */
Datum		oba_series_unchanged(FunctionCallInfo fcinfo, const char *fname);

/* Combine: concatenate the rows of argument 1 onto argument 0. */
Datum		oba_series_combine(FunctionCallInfo fcinfo, const char *fname);

/* The rows of a view, sorted by time, duplicates refused; missing dropped if asked. */
double	   *oba_series_sorted(const oba_series_view *v, bool drop_missing, size_t *n,
							  const char *fname);

/* Split sorted rows of width 2 into two columns. */
void		oba_series_columns(const double *rows, size_t n, double **t, double **y);

/* A date as years (series.h), and back. */
double		oba_date_years(DateADT d);
DateADT		oba_years_date(double years);

/* The time argument argno: float8 as is (finite), or a date in years. */
double		oba_arg_time(FunctionCallInfo fcinfo, int argno, bool is_date,
						 const char *fname, const char *arg);

/* A finite float8 argument, or NaN when it is NULL (a missing value). */
double		oba_arg_value(FunctionCallInfo fcinfo, int argno, const char *fname,
						  const char *arg);

/*
 * "oba.<aggregate>" for the messages of a transition function: the name of
 * the aggregate that called it, looked up once (fallback outside one).
 */
const char *oba_agg_fname(FunctionCallInfo fcinfo, const char *fallback);

/* A polarity text argument (higher_is_better, lower_is_better, neutral) as +1/-1/0; NULL is an error. Cached per call site. */
int			oba_arg_polarity(FunctionCallInfo fcinfo, int argno, const char *fname,
							  const char *arg);

/*
 * Rows (t, value) from the arrays in arguments targ and varg (float8[] or
 * date[] times, float8[] values): same length, one dimension; an element
 * whose time is NULL is skipped, a NULL value is a missing value. Unsorted.
 */
double	   *oba_rows_from_arrays(FunctionCallInfo fcinfo, int targ, int varg, bool is_date,
								 const char *fname, size_t *n);

/* The times of a float8[] or date[] argument (NULL elements skipped). */
double	   *oba_times_from_array(FunctionCallInfo fcinfo, int argno, bool is_date,
								 const char *fname, const char *arg, size_t *n);

/* Raise 22004 for a NULL argument that may not be NULL. */
OBA_NORETURN_PRE void oba_null_arg(const char *fname, const char *arg) OBA_NORETURN_POST;

/* Raise 22023 "fname: message" (printf style). */
OBA_NORETURN_PRE void oba_bad_arg(const char *fname, const char *fmt,...) pg_attribute_printf(2, 3) OBA_NORETURN_POST;

/* ---- composite results ---- */

typedef struct oba_row
{
	TupleDesc	tupdesc;
	int			n;
	Datum		values[48];
	bool		nulls[48];
} oba_row;

/* Start a row of the function's composite result type (cached in fn_extra). */
void		oba_row_begin(FunctionCallInfo fcinfo, oba_row *r);
/* Start a row of a given descriptor (set-returning functions). */
void		oba_row_begin_desc(TupleDesc tupdesc, oba_row *r);
void		oba_row_float(oba_row *r, double v);	/* NaN is NULL */
void		oba_row_int4(oba_row *r, double v); /* NaN is NULL */
void		oba_row_int8(oba_row *r, double v); /* NaN is NULL */
void		oba_row_text(oba_row *r, const char *s);	/* NULL is NULL */
void		oba_row_bool(oba_row *r, int v);	/* negative is NULL */
void		oba_row_date(oba_row *r, double years); /* NaN is NULL */
Datum		oba_row_datum(oba_row *r);

#endif							/* OBA_SERIES_PG_H */
