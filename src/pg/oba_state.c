/*
 * oba_state.c: the aggregate-state helpers of every family (oba_state.h says
 * the rules): the errors, the value checks and the allocator.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"

#include <limits.h>
#include <stdarg.h>

void
oba_state_invalid(const char *fname, const char *fmt,...)
{
	char		why[OBA_ERRMSG_LEN];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: invalid aggregate state", fname),
			 errdetail("%s", why)));
	pg_unreachable();
}

void
oba_state_null(const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("%s: the aggregate state must not be NULL", fname)));
	pg_unreachable();
}

void
oba_state_bad_shape(const char *fname, ArrayType *a, int min_len, int max_len)
{
	if (ARR_NDIM(a) != 1 || ARR_ELEMTYPE(a) != FLOAT8OID)
		oba_state_invalid(fname, "The state must be a one-dimensional float8 array.");
	if (ARR_HASNULL(a))
		oba_state_invalid(fname, "The state must not contain NULLs.");
	if (min_len == max_len)
		oba_state_invalid(fname, "The state must have %d elements, not %d.", min_len,
						  ARR_DIMS(a)[0]);
	if (max_len == INT_MAX)
		oba_state_invalid(fname, "The state must have at least %d elements, not %d.", min_len,
						  ARR_DIMS(a)[0]);
	oba_state_invalid(fname, "The state must have %d to %d elements, not %d.", min_len,
					  max_len, ARR_DIMS(a)[0]);
}

void
oba_state_check_finite(const double *s, int len, const char *fname)
{
	int			i;

	for (i = 0; i < len; i++)
		if (!isfinite(s[i]))
			oba_state_invalid(fname, "The state holds a non-finite value.");
}

int
oba_state_int(double v, int lo, int hi, const char *fname)
{
	if (!oba_state_whole(v, lo, hi))
		oba_state_invalid(fname, "The state holds a parameter out of range.");
	return (int) v;
}

ArrayType *
oba_state_new(int len)
{
	size_t		bytes = ARR_OVERHEAD_NONULLS(1) + (size_t) len * sizeof(double);
	ArrayType  *b = (ArrayType *) palloc0(bytes);

	SET_VARSIZE(b, bytes);
	b->ndim = 1;
	b->dataoffset = 0;
	b->elemtype = FLOAT8OID;
	ARR_DIMS(b)[0] = len;
	ARR_LBOUND(b)[0] = 1;
	return b;
}
