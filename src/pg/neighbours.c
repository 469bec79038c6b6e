/*
 * neighbours.c (glue): the set-returning oba.statistical_neighbours over an
 * array of area codes and an array of their variables (one row per area).
 *
 * The areas are put in code order (byte order, as COLLATE "C") before
 * anything is computed, so the result depends on the set of areas and not
 * on the order of the arrays, and ties go to the lower code.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"
#include "neighbours.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/arrayaccess.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include <math.h>

PG_FUNCTION_INFO_V1(oba_sql_statistical_neighbours);

#define FNAME "oba.statistical_neighbours"

static void
null_arg(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("%s: %s must not be NULL", FNAME, what)));
}

typedef struct area_pos
{
	const char *code;
	int			pos;			/* in the areas array */
} area_pos;

/*
 * Sort by code: a merge sort rather than qsort, so that it checks for
 * interrupts like every other loop over user data.
 */
static void
sort_areas(area_pos *a, int n)
{
	area_pos   *tmp = palloc(sizeof(area_pos) * (n + 1)),
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
				if (j >= hi || (i < mid && strcmp(src[i].code, src[j].code) <= 0))
					dst[k++] = src[i++];
				else
					dst[k++] = src[j++];
			}
		}
		{
			area_pos   *swap = src;

			src = dst;
			dst = swap;
		}
	}
	if (src != a)
		memcpy(a, src, sizeof(area_pos) * n);
	pfree(tmp);
}

/*
 * oba.statistical_neighbours(areas text[], variables float8[], k int,
 * weights float8[]) -> (area, neighbour, rank, distance, relative_distance).
 * Not STRICT: weights may be NULL (every variable weighs 1).
 */
Datum
oba_sql_statistical_neighbours(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *areas_a,
			   *vars_a;
	Datum	   *codes;
	bool	   *code_null;
	area_pos   *order;
	int			n,
				d,
				i,
				k,
				k_eff,
				*nb,
				*count,
				*row_of;
	double	   *x,
			   *weights = NULL,
			   *dist,
				max_distance;
	array_iter	it;
	oba_error	err;

	if (PG_ARGISNULL(0))
		null_arg("areas");
	if (PG_ARGISNULL(1))
		null_arg("variables");
	if (PG_ARGISNULL(2))
		null_arg("k");
	areas_a = PG_GETARG_ARRAYTYPE_P(0);
	vars_a = PG_GETARG_ARRAYTYPE_P(1);
	k = PG_GETARG_INT32(2);

	/* sizes first: a refusal costs nothing */
	if (ARR_NDIM(areas_a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: areas must be a one-dimensional array", FNAME)));
	n = ArrayGetNItems(ARR_NDIM(areas_a), ARR_DIMS(areas_a));
	if (n > OBA_NEIGHBOURS_MAX_AREAS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: %d areas are more than the limit of %d", FNAME, n,
						OBA_NEIGHBOURS_MAX_AREAS),
				 errhint("Find neighbours within groups of areas (a region, a type of authority): "
						 "one call per group, with LATERAL.")));
	if (n == 0 && ARR_NDIM(vars_a) == 0)
		d = 1;
	else if (ARR_NDIM(vars_a) == 1 && ARR_DIMS(vars_a)[0] == n)
		d = 1;
	else if (ARR_NDIM(vars_a) == 2 && ARR_DIMS(vars_a)[0] == n)
		d = ARR_DIMS(vars_a)[1];
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: variables must have one row per area", FNAME),
				 errdetail("%d areas need a %d x (number of variables) array, or %d values for one variable; got %s.",
						   n, n, n,
						   ARR_NDIM(vars_a) == 0 ? "an empty array" :
						   ARR_NDIM(vars_a) == 1 ? psprintf("%d values", ARR_DIMS(vars_a)[0]) :
						   ARR_NDIM(vars_a) == 2 ? psprintf("%d x %d", ARR_DIMS(vars_a)[0], ARR_DIMS(vars_a)[1]) :
						   psprintf("%d dimensions", ARR_NDIM(vars_a))),
				 errhint("array_agg(ARRAY[v1, v2, ...] ORDER BY code) gives one row per area, "
						 "in the order of array_agg(code ORDER BY code).")));
	if (d > OBA_NEIGHBOURS_MAX_VARIABLES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: %d variables are more than the limit of %d", FNAME, d,
						OBA_NEIGHBOURS_MAX_VARIABLES)));
	if (k < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: k must be at least 1, got %d", FNAME, k)));
	k_eff = Min(k, Max(n - 1, 1));
	if ((int64) n * k_eff > OBA_NEIGHBOURS_MAX_ROWS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: %d areas with %d neighbours each are " INT64_FORMAT " rows, more than the limit of %d",
						FNAME, n, k_eff, (int64) n * k_eff, OBA_NEIGHBOURS_MAX_ROWS),
				 errhint("Ask for fewer neighbours: k => %d at most for %d areas.",
						 OBA_NEIGHBOURS_MAX_ROWS / Max(n, 1), n)));
	if (!PG_ARGISNULL(3))
	{
		ArrayType  *w_a = PG_GETARG_ARRAYTYPE_P(3);

		if (ARR_NDIM(w_a) != 1 || ARR_DIMS(w_a)[0] != d)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: weights must hold one value per variable (%d), got %d",
							FNAME, d, ArrayGetNItems(ARR_NDIM(w_a), ARR_DIMS(w_a)))));
		weights = palloc(sizeof(double) * d);
		array_iter_setup(&it, (AnyArrayType *) w_a);
		for (i = 0; i < d; i++)
		{
			bool		isnull;
			Datum		v = array_iter_next(&it, &isnull, i, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);

			if (isnull)
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("%s: weights must not contain NULL", FNAME)));
			weights[i] = DatumGetFloat8(v);
		}
	}

	/* the codes, in order; each must be there and only once */
	deconstruct_array(areas_a, TEXTOID, -1, false, TYPALIGN_INT, &codes, &code_null, &n);
	order = palloc(sizeof(area_pos) * (n + 1));
	for (i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (code_null[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: areas must not contain NULL", FNAME)));
		order[i].code = TextDatumGetCString(codes[i]);
		order[i].pos = i;
	}
	sort_areas(order, n);
	for (i = 1; i < n; i++)
		if (strcmp(order[i - 1].code, order[i].code) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: areas must be unique, \"%s\" appears more than once",
							FNAME, order[i].code)));

	/* the variables, row by row in code order; NULL is missing (NaN) */
	row_of = palloc(sizeof(int) * (n + 1));
	for (i = 0; i < n; i++)
		row_of[order[i].pos] = i;
	x = palloc_extended(sizeof(double) * ((size_t) n * d + 1), MCXT_ALLOC_HUGE);
	array_iter_setup(&it, (AnyArrayType *) vars_a);
	for (i = 0; i < n * d; i++)
	{
		bool		isnull;
		Datum		v = array_iter_next(&it, &isnull, i, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
		int			area = i / d,
					var = i % d;
		double		value = isnull ? NAN : DatumGetFloat8(v);

		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		if (!isnull && !isfinite(value))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: variable %d of area \"%s\" must be finite, got %s",
							FNAME, var + 1, TextDatumGetCString(codes[area]),
							isnan(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity"),
					 errhint("Give a missing value as NULL: the area is then left out.")));
		x[(size_t) row_of[area] * d + var] = value;
	}

	nb = palloc_extended(sizeof(int) * ((size_t) n * k_eff + 1), MCXT_ALLOC_HUGE);
	dist = palloc_extended(sizeof(double) * ((size_t) n * k_eff + 1), MCXT_ALLOC_HUGE);
	count = palloc(sizeof(int) * (n + 1));
	if (oba_neighbours(x, (size_t) n, (size_t) d, weights, (size_t) k_eff, nb, dist, count,
					   &max_distance, &oba_pg_allocator, &err) != 0)
		oba_raise(FNAME, &err);
	pfree(x);

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < n; i++)
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		int			r;

		CHECK_FOR_INTERRUPTS();
		values[0] = codes[order[i].pos];
		if (count[i] == 0)
		{
			nulls[1] = nulls[2] = nulls[3] = nulls[4] = true;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			continue;
		}
		for (r = 0; r < count[i]; r++)
		{
			double		dd = dist[(size_t) i * k_eff + r];

			values[1] = codes[order[nb[(size_t) i * k_eff + r]].pos];
			values[2] = Int32GetDatum(r + 1);
			values[3] = Float8GetDatum(dd);
			nulls[4] = !(max_distance > 0);
			values[4] = Float8GetDatum(nulls[4] ? 0.0 : dd / max_distance);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}
