/*
 * oba_state.h: the one set of helpers for the aggregate states of every
 * family. docs/DESIGN.md ("Aggregate states") gives the rules; in short:
 *
 * Every oba aggregate keeps its state in a float8[] (not internal: parallel
 * query, and engines that ship partial states as text, can split the work),
 * and every support function is SQL-callable, so a state can be anything a
 * user types. Hence:
 *
 * - One checker, oba_state_arg: the state argument is not NULL, is a
 *   one-dimensional float8 array without NULL elements, and has the length
 *   the family expects (exactly, for a fixed state; within bounds, for a
 *   state with rows). A family then checks its own header and values and
 *   reports what is wrong through oba_state_invalid. Transition functions
 *   check the shape (cheap, once a row); combine and final functions, which
 *   may get a state that came from outside as text, check the values too.
 * - One SQLSTATE for a malformed state: 22023 invalid_parameter_value,
 *   "<aggregate>: invalid aggregate state", the reason in DETAIL. A state is
 *   an argument like any other: a bad one is bad input from the user, not an
 *   internal error (XX000, which PostgreSQL's own float8[] accumulators use
 *   because their states are not documented), and not a parse error of text
 *   (22P02: the array parsed fine).
 * - One NULL-state rule. No oba aggregate makes a NULL state (each has an
 *   INITCOND), so only a direct call passes one. A function declared STRICT
 *   (every combine and final function, and the strict transition functions)
 *   is not called and gives NULL; the C code raises 22004
 *   null_value_not_allowed, "<aggregate>: the aggregate state must not be
 *   NULL", for every NULL state it sees (the non-strict transition functions,
 *   which must see NULL row values).
 * - One in-place rule: a state is changed in place only inside an aggregate
 *   (oba_in_aggregate), where the transition value is the aggregate's own; a
 *   direct call works on a copy, so it never changes its input.
 * - One allocator, oba_state_new, for a state that must grow: a new array in
 *   the current (per-call) memory context. Not in the aggregate's context:
 *   PostgreSQL copies a new transition value into that context and frees the
 *   old one (ExecAggTransReparent), so an array made there would be copied
 *   again and leak until the group ends.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_STATE_H
#define OBA_STATE_H

#include "oba_pg.h"

#include "catalog/pg_type.h"
#include "nodes/execnodes.h"
#include "utils/array.h"

#include <math.h>

/* The values of a state (oba_state_arg's update argument). */
#define OBA_STATE_READ false
#define OBA_STATE_UPDATE true

/*
 * Is the function running inside an aggregate or window aggregate, where the
 * transition value is its own to modify in place? AggCheckCallContext's test,
 * inline: transition functions run once a row.
 */
static inline bool
oba_in_aggregate(FunctionCallInfo fcinfo)
{
	return fcinfo->context != NULL &&
		(IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState));
}

/* Raise 22023 "fname: invalid aggregate state", the reason (printf style) in DETAIL. */
OBA_NORETURN_PRE void oba_state_invalid(const char *fname, const char *fmt,...)
			pg_attribute_printf(2, 3) OBA_NORETURN_POST;

/* Raise 22004 "fname: the aggregate state must not be NULL". */
OBA_NORETURN_PRE void oba_state_null(const char *fname) OBA_NORETURN_POST;

/* The 22023 of an array that is not a state of min_len..max_len elements. */
OBA_NORETURN_PRE void oba_state_bad_shape(const char *fname, ArrayType *a, int min_len,
										  int max_len) OBA_NORETURN_POST;

/*
 * The state in argument argno, checked: not NULL (22004), a one-dimensional
 * float8 array without NULLs of min_len to max_len elements (22023). With
 * OBA_STATE_UPDATE, a copy unless inside an aggregate. The array in *array
 * and its length in *n, where not NULL.
 */
static inline double *
oba_state_arg(FunctionCallInfo fcinfo, int argno, const char *fname, int min_len,
			  int max_len, bool update, ArrayType **array, int *n)
{
	struct varlena *raw;
	ArrayType  *a;

	if (PG_ARGISNULL(argno))
		oba_state_null(fname);
	/* detoasted or flattened only if it must be: this runs once a row */
	raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	a = (ArrayType *) (VARATT_IS_EXTENDED(raw) ? pg_detoast_datum(raw) : raw);
	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID ||
		ARR_DIMS(a)[0] < min_len || ARR_DIMS(a)[0] > max_len)
		oba_state_bad_shape(fname, a, min_len, max_len);
	if (update && !oba_in_aggregate(fcinfo))
		a = PG_GETARG_ARRAYTYPE_P_COPY(argno);
	if (array != NULL)
		*array = a;
	if (n != NULL)
		*n = ARR_DIMS(a)[0];
	return (double *) ARR_DATA_PTR(a);
}

/* A state of exactly len elements. */
static inline double *
oba_state_fixed(FunctionCallInfo fcinfo, int argno, const char *fname, int len, bool update,
				ArrayType **array)
{
	return oba_state_arg(fcinfo, argno, fname, len, len, update, array, NULL);
}

/* Every element finite: the first check of a state that may come from outside. */
void		oba_state_check_finite(const double *s, int len, const char *fname);

/* A whole number in [lo, hi], compared as a double (casting one out of range is undefined). */
static inline bool
oba_state_whole(double v, double lo, double hi)
{
	return v >= lo && v <= hi && v == floor(v);
}

/* A parameter kept in a state as an int: a whole number in [lo, hi], else 22023. */
int			oba_state_int(double v, int lo, int hi, const char *fname);

/* A new float8[len] of zeros, in the current memory context (see above). */
ArrayType  *oba_state_new(int len);

/*
 * Per-group parameters kept in a state, the pair (per, confidence) at
 * per_idx: set by the first row (rows: the index of the row count), and
 * every later row must repeat them. From the arguments first_arg on, if the
 * call has them (NULL is 22004); the state's defaults otherwise.
 */
static inline void
oba_state_params(FunctionCallInfo fcinfo, double *s, int rows, int per_idx,
				 int first_arg, const char *fname, const char *per_name)
{
	double		per = s[per_idx],
				confidence = s[per_idx + 1];
	oba_error	err;

	if (PG_NARGS() <= first_arg)
		return;
	per = oba_arg_float8(fcinfo, first_arg, fname, per_name);
	if (PG_NARGS() > first_arg + 1)
		confidence = oba_arg_float8(fcinfo, first_arg + 1, fname, "confidence");
	if (s[rows] != 0 && per == s[per_idx] && confidence == s[per_idx + 1])
		return;
	if (oba_check_positive(&err, per_name, per) != 0 ||
		oba_check_confidence(&err, confidence) != 0)
		oba_raise(fname, &err);
	if (s[rows] != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s and confidence must be the same for every row of a group",
						fname, per_name),
				 errdetail("The group started with %s %.15g and confidence %.15g, a row has %s %.15g and confidence %.15g.",
						   per_name, s[per_idx], s[per_idx + 1], per_name, per, confidence)));
	s[per_idx] = per;
	s[per_idx + 1] = confidence;
}

/* Combining two states that both have rows: their (per, confidence) must agree. */
static inline void
oba_state_combine_params(const double *s1, const double *s2, int per_idx,
						 const char *fname, const char *per_name)
{
	if (s1[per_idx] != s2[per_idx] || s1[per_idx + 1] != s2[per_idx + 1])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s and confidence must be the same for every row of a group",
						fname, per_name)));
}

#endif							/* OBA_STATE_H */
