/*
 * overlay.h: the area of the intersection of two polygonal geometries,
 * without building the intersection (METHODS.md section 17.9). oba_geo uses
 * it for areal weights instead of ST_Area(ST_Intersection(...)), and falls
 * back to PostGIS wherever this code cannot decide exactly.
 *
 * Method: the area of a polygon is a sum of terms, two per vertex, each
 * depending only on the vertex and the direction of one edge at it (W. R.
 * Franklin's formulation, as in JTS OverlayArea). The vertices of A ∩ B are
 * the crossings of A's and B's edges and the vertices of each inside the
 * other, so the area needs those points and no topology. Every predicate
 * (which side of an edge a point lies) has its exact sign: Shewchuk's filter,
 * exact arithmetic when it fails. Degenerate positions (shared edges, a
 * vertex on the other boundary, as where two layers share boundaries) are
 * resolved by simulation of simplicity: B is taken as moved by an infinitely
 * small (e, e^2), and the area is the limit. Only when boundaries touch and
 * the area comes out within rounding of 0 (the interiors may not meet at
 * all) is the result NaN, and the caller uses a full overlay.
 *
 * Geometries arrive as WKB (ST_AsBinary): Polygon and MultiPolygon, 2D or with
 * Z/M ordinates (ignored, as ST_Area does), ISO or extended WKB. They must be
 * valid (OGC): rings closed and simple, holes inside shells, parts disjoint;
 * oba_geo checks that with ST_IsValid first.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_OVERLAY_H
#define OBA_OVERLAY_H

#include "oba_core.h"

/* A polygonal geometry prepared for intersection areas. */
typedef struct oba_polygonal
{
	size_t		npoints;		/* vertices of every ring, each ring closed */
	double	   *x;
	double	   *y;
	size_t		nrings;
	size_t	   *ring;			/* ring r: vertices ring[r] .. ring[r + 1] - 1 */
	size_t	   *vring;			/* the ring of each vertex */
	signed char *side;			/* per ring: +1 interior left of travel, -1 right */
	double		xmin,
				ymin,
				xmax,
				ymax;
	double		area;			/* as PostGIS ST_Area computes it, bit for bit */
	/* edges by horizontal strip: edge i runs from vertex i to vertex i + 1 */
	size_t		nstrips;
	double		strip_height;
	size_t	   *strip;			/* strip s: strip_edge[strip[s] .. strip[s + 1] - 1] */
	size_t	   *strip_edge;
	void	   *block;			/* the allocation behind the arrays above the strips */
} oba_polygonal;

/*
 * Reads WKB into *out. Returns 0; 1 when the geometry is not one this code
 * reads (another type, a curve, an empty or degenerate ring, a coordinate
 * that is not finite or beyond 1e100: the caller uses PostGIS); -1 with err
 * for malformed WKB or no memory. Release with oba_polygonal_free.
 */
int			oba_polygonal_from_wkb(const unsigned char *wkb, size_t len, oba_polygonal *out,
								   const oba_allocator *alloc, oba_error *err);
void		oba_polygonal_free(oba_polygonal *p, const oba_allocator *alloc);

/*
 * The area of a ∩ b; NaN where boundaries touch or share pieces and the area
 * is within rounding of 0 (touching only, or a sliver below about 1e-12 of
 * the terms). When a lies inside b it is a->area exactly, and b->area when b
 * lies inside a; 0 exactly when their interiors certainly do not meet.
 */
double		oba_overlap_area(const oba_polygonal *a, const oba_polygonal *b);

#endif							/* OBA_OVERLAY_H */
