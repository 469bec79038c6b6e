/*
 * oba_pg.h: the PostgreSQL glue shared by every family: errors, the
 * oba.estimate composite, the palloc allocator for the core, and the
 * float8[] aggregate state of the count-and-denominator aggregates (the
 * state helpers of every family are in oba_state.h).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_PG_H
#define OBA_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "access/tupdesc.h"
#include "utils/array.h"

#include "oba_core.h"

/*
 * A function that never returns: PostgreSQL 18 replaced the attribute after
 * the declarator, pg_attribute_noreturn(), with a specifier before it,
 * pg_noreturn. Declare as  OBA_NORETURN_PRE void f(...) OBA_NORETURN_POST;
 */
#ifdef pg_noreturn
#define OBA_NORETURN_PRE pg_noreturn
#define OBA_NORETURN_POST
#else
#define OBA_NORETURN_PRE
#define OBA_NORETURN_POST pg_attribute_noreturn()
#endif

/* A float8 argument that must not be NULL (22004 otherwise). */
static inline double
oba_arg_float8(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: %s must not be NULL", fname, arg)));
	return PG_GETARG_FLOAT8(argno);
}

/* Raise a core error as an ERROR naming the SQL function; never returns. */
OBA_NORETURN_PRE void oba_raise(const char *fname, const oba_error *err) OBA_NORETURN_POST;

/* palloc for the core (NULL, not an error, when memory runs out). */
extern const oba_allocator oba_pg_allocator;

/*
 * The blessed tuple descriptor of the function's composite result of natts
 * columns, cached in fn_extra: a scalar function over millions of rows should
 * not look it up each time.
 */
TupleDesc	oba_result_tupdesc(FunctionCallInfo fcinfo, int natts);

/*
 * A record of n float8 columns (NaN becomes NULL), optionally followed by one
 * text column (label NULL becomes NULL).
 */
Datum		oba_float8_record(FunctionCallInfo fcinfo, const double *v, int n, bool with_label,
							  const char *label);

/* An oba.estimate datum for the calling function; NaN fields become NULL. */
Datum		oba_estimate_datum(FunctionCallInfo fcinfo, const oba_estimate *e);

/*
 * The sum-then-estimate aggregates (rate_agg, proportion_agg) share one
 * state, a float8[] of OBA_SUM_STATE_LEN elements updated in place inside an
 * aggregate. Not internal, so parallel query and engines that ship partial
 * states as text can split the work.
 */
enum
{
	OBA_SUM_NUMERATOR = 0,		/* sum of events or successes */
	OBA_SUM_DENOMINATOR,		/* sum of population or total */
	OBA_SUM_ROWS,				/* rows accumulated */
	OBA_SUM_INEXACT,			/* 1 once a value or sum was not an exact count */
	OBA_SUM_PER,				/* multiplier, constant over the group */
	OBA_SUM_CONFIDENCE,			/* confidence level, constant over the group */
	OBA_SUM_STATE_LEN
};

/* What differs between the sum-then-estimate aggregates. */
typedef struct oba_sum_agg
{
	const char *fname;			/* for messages: "oba.rate_agg" */
	const char *numerator;		/* argument names: "events" */
	const char *denominator;	/* "population" */
	bool		bounded;		/* numerator may not exceed denominator */
	int			(*estimate) (double, double, double, double, oba_estimate *, oba_error *);
} oba_sum_agg;

/*
 * Transition: add one row (numerator x, denominator n), taking per and
 * confidence from the arguments from first_param on, if the call has them.
 */
Datum		oba_sum_trans(FunctionCallInfo fcinfo, const oba_sum_agg *agg,
						  double x, double n, int first_param);

/* Inverse transition for window frames; SQL NULL when removal is not exact. */
Datum		oba_sum_inv(FunctionCallInfo fcinfo, const oba_sum_agg *agg, double x, double n);

Datum		oba_sum_combine(FunctionCallInfo fcinfo, const oba_sum_agg *agg);

/* The estimate, or SQL NULL for no rows or a zero denominator. */
Datum		oba_sum_final(FunctionCallInfo fcinfo, const oba_sum_agg *agg);

#endif							/* OBA_PG_H */
