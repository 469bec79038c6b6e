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

PG_FUNCTION_INFO_V1(oba_sql_suppress);
PG_FUNCTION_INFO_V1(oba_sql_round_to);
PG_FUNCTION_INFO_V1(oba_sql_suppress_table_one_way);
PG_FUNCTION_INFO_V1(oba_sql_suppress_table_two_way);

#define FNAME_TABLE "oba.suppress_table"

/*
 * Cells (rows x columns) of the largest two-way table: its run time and
 * memory (about 45 bytes a cell, and a row of output each) stay modest on a
 * shared server. docs/reference/disclosure.md and the function's COMMENT give it.
 */
#define OBA_SUPPRESS_MAX_CELLS 1000000

/* oba.suppress(count, threshold, suppress_zero) -> bigint: STRICT */
Datum
oba_sql_suppress(PG_FUNCTION_ARGS)
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
oba_sql_round_to(PG_FUNCTION_ARGS)
{
	int64_t		out;
	oba_error	err;

	if (oba_round_to(PG_GETARG_INT64(0), PG_GETARG_INT32(1), &out, &err) != 0)
		oba_raise("oba.round_to", &err);
	PG_RETURN_INT64(out);
}

/*
 * Labels of a text[] argument, which must hold no NULL, as C strings; their
 * text datums (pointing into the array) in *datums, for the output.
 */
static char **
get_labels(ArrayType *a, const char *arg, int *n, Datum **datums)
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
		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: %s must not contain NULL", FNAME_TABLE, arg)));
		out[i] = TextDatumGetCString(elems[i]);
	}
	pfree(nulls);
	*datums = elems;
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
		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: counts must not contain NULL", FNAME_TABLE),
					 errhint("A count that is not known cannot be protected; give 0 for an empty cell.")));
		out[i] = DatumGetInt64(elems[i]);
	}
	pfree(elems);
	pfree(nulls);
	return out;
}

typedef struct label_pos
{
	const char *s;
	int			pos;
} label_pos;

static int
label_before(const label_pos *x, const label_pos *y)
{
	int			c = strcmp(x->s, y->s);

	return c != 0 ? c < 0 : x->pos < y->pos;
}

/*
 * Sort labels by text, then position: a merge sort rather than qsort, so
 * that a cancel interrupts it (the arrays can hold millions of labels).
 */
static void
sort_labels(label_pos *a, int n)
{
	label_pos  *tmp = palloc(sizeof(label_pos) * (n + 1)),
			   *src = a,
			   *dst = tmp;
	int			width;
	uint32		steps = 0;

	for (width = 1; width < n; width *= 2)
	{
		int			lo;

		for (lo = 0; lo < n; lo += 2 * width)
		{
			int			mid = Min(lo + width, n),
						hi = Min(lo + 2 * width, n),
						i = lo,
						j = mid,
						k = lo;

			while (k < hi)
			{
				if ((++steps & 4095) == 0)
					CHECK_FOR_INTERRUPTS();
				if (j >= hi || (i < mid && !label_before(&src[j], &src[i])))
					dst[k++] = src[i++];
				else
					dst[k++] = src[j++];
			}
		}
		{
			label_pos  *swap = src;

			src = dst;
			dst = swap;
		}
	}
	if (src != a)
		memcpy(a, src, sizeof(label_pos) * n);
	pfree(tmp);
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
	sort_labels(lp, n);
	for (i = 0; i < n; i++)
	{
		if (i == 0 || strcmp(lp[i].s, lp[i - 1].s) != 0)
			firsts[g++] = lp[i].pos;
		group_of[lp[i].pos] = firsts[g - 1];
	}
	/* the first positions in order: mark them, then read them off */
	memset(rank, 0, sizeof(int) * (n + 1));
	for (i = 0; i < g; i++)
		rank[firsts[i]] = 1;
	g = 0;
	for (i = 0; i < n; i++)
		if (rank[i])
		{
			firsts[g] = i;
			rank[i] = g++;		/* rank[first position] = id */
		}
	for (i = 0; i < n; i++)
		ids[i] = rank[group_of[i]];
	pfree(lp);
	pfree(group_of);
	pfree(rank);
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
oba_sql_suppress_table_one_way(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			nl, nc, i, *ids, *first, ndistinct, *flags;
	Datum	   *label_text;
	char	  **labels = get_labels(PG_GETARG_ARRAYTYPE_P(0), "labels", &nl, &label_text);
	int64	   *counts = get_counts(PG_GETARG_ARRAYTYPE_P(1), &nc);
	int64		total = 0;
	Datum		flag_text[3];
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
							 flags, &oba_pg_allocator, &err) != 0)
		oba_raise(FNAME_TABLE, &err);
	for (i = 0; i < nl; i++)
		total += counts[i];		/* in range: the core checked the sum */
	flag_text[OBA_PUBLISHED] = (Datum) 0;
	flag_text[OBA_SUPPRESSED_PRIMARY] = CStringGetTextDatum(flag_name(OBA_SUPPRESSED_PRIMARY));
	flag_text[OBA_SUPPRESSED_SECONDARY] = CStringGetTextDatum(flag_name(OBA_SUPPRESSED_SECONDARY));
	for (i = 0; i <= nl; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		int64		v = i < nl ? counts[i] : total;

		CHECK_FOR_INTERRUPTS();
		nulls[0] = i == nl;
		values[0] = i < nl ? label_text[i] : (Datum) 0;
		values[1] = BoolGetDatum(i == nl);
		nulls[2] = flags[i] != OBA_PUBLISHED;
		values[2] = Int64GetDatum(v);
		nulls[3] = flags[i] == OBA_PUBLISHED;
		values[3] = flag_text[flags[i]];
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
oba_sql_suppress_table_two_way(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			nrl, ncl, nc, i, j, nrows, ncols, *rid, *cid, *rfirst, *cfirst, *flags;
	Datum	   *rdatums, *cdatums;
	char	  **rlabels = get_labels(PG_GETARG_ARRAYTYPE_P(0), "row_labels", &nrl, &rdatums);
	char	  **clabels = get_labels(PG_GETARG_ARRAYTYPE_P(1), "col_labels", &ncl, &cdatums);
	int64	   *counts = get_counts(PG_GETARG_ARRAYTYPE_P(2), &nc);
	int64	   *grid, *rowsum, *colsum;
	bool	   *filled;
	Datum	   *rtext, *ctext, flag_text[3];
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
	if ((double) nrows * ncols > OBA_SUPPRESS_MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: a table of %d rows and %d columns has %.0f cells, more than the limit of %d",
						FNAME_TABLE, nrows, ncols, (double) nrows * ncols, OBA_SUPPRESS_MAX_CELLS),
				 errhint("Protect smaller tables one at a time: group the rows in a subquery and call oba.suppress_table with LATERAL for each group.")));
	grid = palloc0(sizeof(int64) * nrows * ncols);
	filled = palloc0(sizeof(bool) * nrows * ncols);
	for (i = 0; i < nc; i++)
	{
		int			k = rid[i] * ncols + cid[i];

		CHECK_FOR_INTERRUPTS();
		if (filled[k])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: each (row_label, col_label) pair must appear once, (\"%s\", \"%s\") appears more than once",
							FNAME_TABLE, rlabels[i], clabels[i])));
		filled[k] = true;
		grid[k] = counts[i];
	}
	pfree(filled);
	flags = palloc(sizeof(int) * (nrows + 1) * (ncols + 1));
	if (oba_suppress_two_way((const int64_t *) grid, nrows, ncols, PG_GETARG_INT32(3),
							 PG_GETARG_BOOL(4), flags, &oba_pg_allocator, &err) != 0)
		oba_raise(FNAME_TABLE, &err);
	/* the totals (sums checked by the core), and each label's text once */
	rowsum = palloc0(sizeof(int64) * (nrows + 1));
	colsum = palloc0(sizeof(int64) * (ncols + 1));
	for (i = 0; i < nrows; i++)
	{
		CHECK_FOR_INTERRUPTS();
		for (j = 0; j < ncols; j++)
		{
			rowsum[i] += grid[i * ncols + j];
			colsum[j] += grid[i * ncols + j];
		}
		rowsum[nrows] += rowsum[i];
	}
	rtext = palloc(sizeof(Datum) * nrows);
	ctext = palloc(sizeof(Datum) * ncols);
	for (i = 0; i < nrows; i++)
		rtext[i] = rdatums[rfirst[i]];
	for (j = 0; j < ncols; j++)
		ctext[j] = cdatums[cfirst[j]];
	flag_text[OBA_PUBLISHED] = (Datum) 0;
	flag_text[OBA_SUPPRESSED_PRIMARY] = CStringGetTextDatum(flag_name(OBA_SUPPRESSED_PRIMARY));
	flag_text[OBA_SUPPRESSED_SECONDARY] = CStringGetTextDatum(flag_name(OBA_SUPPRESSED_SECONDARY));
	for (i = 0; i <= nrows; i++)
		for (j = 0; j <= ncols; j++)
		{
			int			k = i * (ncols + 1) + j;
			Datum		values[4];
			bool		nulls[4] = {i == nrows, j == ncols, false, false};

			CHECK_FOR_INTERRUPTS();
			values[0] = i < nrows ? rtext[i] : (Datum) 0;
			values[1] = j < ncols ? ctext[j] : (Datum) 0;
			nulls[2] = flags[k] != OBA_PUBLISHED;
			values[2] = Int64GetDatum(i < nrows && j < ncols ? grid[i * ncols + j]
									  : i < nrows ? rowsum[i]
									  : j < ncols ? colsum[j] : rowsum[nrows]);
			nulls[3] = flags[k] == OBA_PUBLISHED;
			values[3] = flag_text[flags[k]];
			put_row(rsinfo, values, nulls);
		}
	return (Datum) 0;
}
