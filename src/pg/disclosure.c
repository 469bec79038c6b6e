/*
 * disclosure.c (glue): oba.suppress, oba.round_to and the set-returning
 * oba.suppress_table over one-way and two-way tables given as arrays.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"
#include "disclosure.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(obapg_suppress);
PG_FUNCTION_INFO_V1(obapg_round_to);
PG_FUNCTION_INFO_V1(obapg_suppress_table_one_way);
PG_FUNCTION_INFO_V1(obapg_suppress_table_two_way);

#define FNAME_TABLE "oba.suppress_table"

/* oba.suppress(count, threshold, suppress_zero) -> bigint: STRICT */
Datum
obapg_suppress(PG_FUNCTION_ARGS)
{
	int64		count = PG_GETARG_INT64(0);
	int32		threshold = PG_GETARG_INT32(1);
	oba_error	err;

	if (count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("oba.suppress: count must not be negative, got " INT64_FORMAT, count)));
	if (oba_check_threshold(threshold, &err) != 0)
		oba_raise("oba.suppress", &err);
	if (oba_is_small(count, threshold, PG_GETARG_BOOL(2)))
		PG_RETURN_NULL();
	PG_RETURN_INT64(count);
}

/* oba.round_to(count, base) -> bigint: STRICT */
Datum
obapg_round_to(PG_FUNCTION_ARGS)
{
	int64_t		out;
	oba_error	err;

	if (oba_round_to(PG_GETARG_INT64(0), PG_GETARG_INT32(1), &out, &err) != 0)
		oba_raise("oba.round_to", &err);
	PG_RETURN_INT64(out);
}

static void *
pg_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return palloc(size);
}

static void
pg_release(void *ctx, void *p)
{
	(void) ctx;
	pfree(p);
}

static const oba_allocator pg_allocator = {pg_alloc, pg_release, NULL};

/* Labels of a text[] argument, which must hold no NULL. */
static char **
get_labels(ArrayType *a, const char *arg, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	char	  **out;
	int			i;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must be a one-dimensional array", FNAME_TABLE, arg)));
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, n);
	out = palloc(sizeof(char *) * (*n + 1));
	for (i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: %s must not contain NULL", FNAME_TABLE, arg)));
		out[i] = TextDatumGetCString(elems[i]);
	}
	return out;
}

static int64 *
get_counts(ArrayType *a, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	int64	   *out;
	int			i;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: counts must be a one-dimensional array", FNAME_TABLE)));
	deconstruct_array(a, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, n);
	out = palloc(sizeof(int64) * (*n + 1));
	for (i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: counts must not contain NULL", FNAME_TABLE),
					 errhint("A count that is not known cannot be protected; give 0 for an empty cell.")));
		out[i] = DatumGetInt64(elems[i]);
	}
	return out;
}

typedef struct label_pos
{
	const char *s;
	int			pos;
} label_pos;

static int
cmp_label(const void *a, const void *b)
{
	const label_pos *x = a, *y = b;
	int			c = strcmp(x->s, y->s);

	return c != 0 ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

static int
cmp_int(const void *a, const void *b)
{
	int			x = *(const int *) a, y = *(const int *) b;

	return (x > y) - (x < y);
}

/*
 * Distinct labels numbered by first appearance: ids[i] for each label,
 * *first the position of each distinct label's first appearance, in order.
 */
static int
number_labels(char **labels, int n, int *ids, int **first)
{
	label_pos  *lp = palloc(sizeof(label_pos) * (n + 1));
	int		   *group_of = palloc(sizeof(int) * (n + 1));
	int		   *firsts = palloc(sizeof(int) * (n + 1));
	int		   *rank = palloc(sizeof(int) * (n + 1));
	int			i, g = 0;

	for (i = 0; i < n; i++)
	{
		lp[i].s = labels[i];
		lp[i].pos = i;
	}
	qsort(lp, n, sizeof(label_pos), cmp_label);
	for (i = 0; i < n; i++)
	{
		if (i == 0 || strcmp(lp[i].s, lp[i - 1].s) != 0)
			firsts[g++] = lp[i].pos;
		group_of[lp[i].pos] = firsts[g - 1];
	}
	qsort(firsts, g, sizeof(int), cmp_int);
	/* rank[first position] = id */
	for (i = 0; i < g; i++)
		rank[firsts[i]] = i;
	for (i = 0; i < n; i++)
		ids[i] = rank[group_of[i]];
	*first = firsts;
	return g;
}

static const char *
flag_name(int flag)
{
	return flag == OBA_SUPPRESSED_PRIMARY ? "primary" : "secondary";
}

static void
put_row(ReturnSetInfo *rsinfo, Datum *values, bool *nulls)
{
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/*
 * oba.suppress_table(labels text[], counts bigint[], threshold, suppress_zero)
 * -> (label, is_total, published, flag): STRICT
 */
Datum
obapg_suppress_table_one_way(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			nl, nc, i, *ids, *first, ndistinct, *flags;
	char	  **labels = get_labels(PG_GETARG_ARRAYTYPE_P(0), "labels", &nl);
	int64	   *counts = get_counts(PG_GETARG_ARRAYTYPE_P(1), &nc);
	int64		total = 0;
	oba_error	err;

	if (nl != nc)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: labels and counts must have the same length, got %d and %d",
						FNAME_TABLE, nl, nc)));
	ids = palloc(sizeof(int) * (nl + 1));
	ndistinct = number_labels(labels, nl, ids, &first);
	if (ndistinct != nl)
		for (i = 0; i < nl; i++)
			if (first[ids[i]] != i)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s: labels must be unique, \"%s\" appears more than once",
								FNAME_TABLE, labels[i])));
	InitMaterializedSRF(fcinfo, 0);
	if (nl == 0)
		return (Datum) 0;
	flags = palloc(sizeof(int) * (nl + 1));
	if (oba_suppress_one_way((const int64_t *) counts, nl, PG_GETARG_INT32(2), PG_GETARG_BOOL(3),
							 flags, &pg_allocator, &err) != 0)
		oba_raise(FNAME_TABLE, &err);
	for (i = 0; i < nl; i++)
		total += counts[i];		/* in range: the core checked the sum */
	for (i = 0; i <= nl; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		int64		v = i < nl ? counts[i] : total;

		nulls[0] = i == nl;
		values[0] = i < nl ? CStringGetTextDatum(labels[i]) : (Datum) 0;
		values[1] = BoolGetDatum(i == nl);
		nulls[2] = flags[i] != OBA_PUBLISHED;
		values[2] = Int64GetDatum(v);
		nulls[3] = flags[i] == OBA_PUBLISHED;
		values[3] = nulls[3] ? (Datum) 0 : CStringGetTextDatum(flag_name(flags[i]));
		put_row(rsinfo, values, nulls);
	}
	return (Datum) 0;
}

/*
 * oba.suppress_table(row_labels text[], col_labels text[], counts bigint[],
 * threshold, suppress_zero) -> (row_label, col_label, published, flag): STRICT.
 * A NULL label marks a total.
 */
Datum
obapg_suppress_table_two_way(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			nrl, ncl, nc, i, j, nrows, ncols, *rid, *cid, *rfirst, *cfirst, *flags;
	char	  **rlabels = get_labels(PG_GETARG_ARRAYTYPE_P(0), "row_labels", &nrl);
	char	  **clabels = get_labels(PG_GETARG_ARRAYTYPE_P(1), "col_labels", &ncl);
	int64	   *counts = get_counts(PG_GETARG_ARRAYTYPE_P(2), &nc);
	int64	   *grid, *ext;
	bool	   *filled;
	oba_error	err;

	if (nrl != nc || ncl != nc)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: row_labels, col_labels and counts must have the same length, got %d, %d and %d",
						FNAME_TABLE, nrl, ncl, nc)));
	InitMaterializedSRF(fcinfo, 0);
	if (nc == 0)
		return (Datum) 0;
	rid = palloc(sizeof(int) * nc);
	cid = palloc(sizeof(int) * nc);
	nrows = number_labels(rlabels, nc, rid, &rfirst);
	ncols = number_labels(clabels, nc, cid, &cfirst);
	if ((double) nrows * ncols > 10000000.0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: a table of %d rows and %d columns is too large", FNAME_TABLE, nrows, ncols)));
	grid = palloc0(sizeof(int64) * nrows * ncols);
	filled = palloc0(sizeof(bool) * nrows * ncols);
	for (i = 0; i < nc; i++)
	{
		int			k = rid[i] * ncols + cid[i];

		if (filled[k])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: each (row_label, col_label) pair must appear once, (\"%s\", \"%s\") appears more than once",
							FNAME_TABLE, rlabels[i], clabels[i])));
		filled[k] = true;
		grid[k] = counts[i];
	}
	CHECK_FOR_INTERRUPTS();
	flags = palloc(sizeof(int) * (nrows + 1) * (ncols + 1));
	if (oba_suppress_two_way((const int64_t *) grid, nrows, ncols, PG_GETARG_INT32(3),
							 PG_GETARG_BOOL(4), flags, &pg_allocator, &err) != 0)
		oba_raise(FNAME_TABLE, &err);
	/* the published values with their totals (sums checked by the core) */
	ext = palloc0(sizeof(int64) * (nrows + 1) * (ncols + 1));
	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++)
		{
			int64		x = grid[i * ncols + j];

			ext[i * (ncols + 1) + j] = x;
			ext[i * (ncols + 1) + ncols] += x;
			ext[nrows * (ncols + 1) + j] += x;
			ext[nrows * (ncols + 1) + ncols] += x;
		}
	for (i = 0; i <= nrows; i++)
		for (j = 0; j <= ncols; j++)
		{
			int			k = i * (ncols + 1) + j;
			Datum		values[4];
			bool		nulls[4] = {i == nrows, j == ncols, false, false};

			values[0] = i < nrows ? CStringGetTextDatum(rlabels[rfirst[i]]) : (Datum) 0;
			values[1] = j < ncols ? CStringGetTextDatum(clabels[cfirst[j]]) : (Datum) 0;
			nulls[2] = flags[k] != OBA_PUBLISHED;
			values[2] = Int64GetDatum(ext[k]);
			nulls[3] = flags[k] == OBA_PUBLISHED;
			values[3] = nulls[3] ? (Datum) 0 : CStringGetTextDatum(flag_name(flags[k]));
			put_row(rsinfo, values, nulls);
		}
	return (Datum) 0;
}
