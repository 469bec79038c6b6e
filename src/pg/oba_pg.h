/*
 * oba_pg.h: the PostgreSQL glue shared by every family: errors, the
 * oba.estimate composite, and the float8[] aggregate state of the
 * count-and-denominator aggregates.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_PG_H
#define OBA_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/array.h"

#include "oba_core.h"

/* Raise a core error as an ERROR naming the SQL function; never returns. */
void		oba_raise(const char *fname, const oba_error *err) pg_attribute_noreturn();

/* An oba.estimate datum for the calling function; NaN fields become NULL. */
Datum		oba_estimate_datum(FunctionCallInfo fcinfo, const oba_estimate *e);

/*
 * The state of rate_agg and proportion_agg: a float8[] of OBA_SUM_STATE_LEN
 * elements, updated in place inside an aggregate. Not internal, so parallel
 * query and engines that ship partial states as text can split the work.
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

/* The state's values, checked; copied first unless called as an aggregate. */
double	   *oba_sum_state(FunctionCallInfo fcinfo, int argno, const char *fname,
						  ArrayType **array);

/* Take per and confidence from the row's optional arguments, from argument first on. */
void		oba_sum_state_params(FunctionCallInfo fcinfo, int first, double *s,
								 const char *fname);

/* Add one row (values already checked: finite and >= 0). */
void		oba_sum_state_add(double *s, double numerator, double denominator);

/* Remove one row; false when the removal would not be exact. */
bool		oba_sum_state_remove(double *s, double numerator, double denominator);

/* Combine the two state arguments into the first (in place inside an aggregate). */
Datum		oba_sum_state_combine(FunctionCallInfo fcinfo, const char *fname);

/* Estimate from the state argument; false (SQL NULL) for no rows or a zero denominator. */
bool		oba_sum_state_final(FunctionCallInfo fcinfo, const char *fname,
								int (*estimate) (double, double, double, double,
												 oba_estimate *, oba_error *),
								oba_estimate *out);

#endif							/* OBA_PG_H */
