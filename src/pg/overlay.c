/*
 * overlay.c (glue): oba._geo_overlap_area(a bytea, b bytea), the area of the
 * intersection of two polygonal geometries given as WKB, for the areal
 * weights of oba_geo. NULL where the core cannot decide exactly, where its
 * work would pass its budget, or where the geometry is not a Polygon or
 * MultiPolygon: the caller then asks PostGIS. The core checks for
 * interrupts (CHECK_FOR_INTERRUPTS, through the hook _PG_init installs), so
 * a cancel or statement_timeout stops it; what it allocated is in the
 * slots' memory contexts.
 *
 * In a join, one side stays the same for many calls (the outer row of a
 * nested loop), so the last geometry prepared on each side is kept between
 * calls, as PostGIS keeps its prepared geometries: about 34 bytes a vertex
 * and a copy of its WKB, per side.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_pg.h"

#include "utils/memutils.h"

#include "overlay.h"

#include <math.h>

PG_FUNCTION_INFO_V1(oba_sql__geo_overlap_area);

typedef struct prepared_slot
{
	MemoryContext cxt;			/* everything below lives here */
	bytea	   *wkb;			/* the bytes prepared; NULL when none */
	bool		ours;			/* poly holds them; false: not a type we read */
	oba_polygonal poly;
} prepared_slot;

typedef struct overlap_cache
{
	prepared_slot slot[2];
} overlap_cache;

static void *
cxt_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
cxt_release(void *ctx, void *ptr)
{
	(void) ctx;
	pfree(ptr);
}

/* The prepared geometry of wkb, from the slot when it holds the same bytes. */
static const oba_polygonal *
prepare(prepared_slot *s, bytea *wkb)
{
	size_t		len = VARSIZE_ANY_EXHDR(wkb);
	oba_allocator alloc = {cxt_alloc, cxt_release, NULL};
	oba_error	err;
	int			rc;

	if (s->wkb != NULL && VARSIZE_ANY_EXHDR(s->wkb) == len &&
		memcmp(VARDATA_ANY(s->wkb), VARDATA_ANY(wkb), len) == 0)
		return s->ours ? &s->poly : NULL;

	s->wkb = NULL;
	MemoryContextReset(s->cxt);
	alloc.ctx = s->cxt;
	rc = oba_polygonal_from_wkb((const unsigned char *) VARDATA_ANY(wkb), len, &s->poly, &alloc, &err);
	if (rc < 0)
		oba_raise("oba._geo_overlap_area", &err);
	s->ours = rc == 0;
	s->wkb = MemoryContextAlloc(s->cxt, VARHDRSZ + len);
	SET_VARSIZE(s->wkb, VARHDRSZ + len);
	memcpy(VARDATA(s->wkb), VARDATA_ANY(wkb), len);
	return s->ours ? &s->poly : NULL;
}

/* oba._geo_overlap_area(a bytea, b bytea) → float8: STRICT */
Datum
oba_sql__geo_overlap_area(PG_FUNCTION_ARGS)
{
	bytea	   *a = PG_GETARG_BYTEA_PP(0);
	bytea	   *b = PG_GETARG_BYTEA_PP(1);
	overlap_cache *cache = fcinfo->flinfo->fn_extra;
	const oba_polygonal *pa,
			   *pb;
	double		v;

	if (cache == NULL)
	{
		int			i;

		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(overlap_cache));
		for (i = 0; i < 2; i++)
			cache->slot[i].cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "oba overlap geometry",
													   ALLOCSET_SMALL_SIZES);
		fcinfo->flinfo->fn_extra = cache;
	}
	pa = prepare(&cache->slot[0], a);
	pb = prepare(&cache->slot[1], b);
	if (pa == NULL || pb == NULL)
		PG_RETURN_NULL();
	v = oba_overlap_area(pa, pb);
	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}
