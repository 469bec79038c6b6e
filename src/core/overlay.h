/*
 * overlay.h: the area of the intersection of two polygonal geometries,
 * without building the intersection (METHODS.md section 17.9). oba_geo uses
 * it for areal weights instead of ST_Area(ST_Intersection(...)), and falls
 * back to PostGIS wherever this code cannot decide exactly.
 *
 * Method: the area of a polygon is a sum of terms, two per vertex, each
 * depending only on the vertex and the direction of one edge at it (W. R.
 * Franklin's formulation, as in JTS OverlayArea). The vertices of A ∩ B are
 * the crossings of A's and B's edges and the vertices of each strictly inside
 * the other, so the area needs those points and no topology. Every predicate
 * (which side of an edge a point lies, whether two edges cross, whether a
 * vertex is inside) is decided exactly, with Shewchuk's error bound on the
 * orientation determinant; when a sign cannot be certified, or a vertex lies
 * on the other boundary (shared edges, touching vertices), the result is NaN
 * and the caller uses a full overlay instead.
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
	void	   *block;			/* the one allocation behind the arrays */
} oba_polygonal;

/*
 * Reads WKB into *out. Returns 0; 1 when the geometry is not one this code
 * reads (another type, a curve, an empty or degenerate ring, a non-finite
 * coordinate: the caller uses PostGIS); -1 with err for malformed WKB or no
 * memory. Release with oba_polygonal_free.
 */
int			oba_polygonal_from_wkb(const unsigned char *wkb, size_t len, oba_polygonal *out,
								   const oba_allocator *alloc, oba_error *err);
void		oba_polygonal_free(oba_polygonal *p, const oba_allocator *alloc);

/*
 * The area of a ∩ b, or NaN where it cannot be decided exactly (a vertex of
 * one on the other's boundary, collinear edges, a sign within rounding). When
 * a lies inside b it is a->area exactly, and b->area when b lies inside a.
 */
double		oba_overlap_area(const oba_polygonal *a, const oba_polygonal *b);

#endif							/* OBA_OVERLAY_H */
