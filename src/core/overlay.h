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
 * other, so the area needs those points and no topology. The crossings come
 * from a packed R-tree over each geometry's edges (edges in Hilbert order of
 * their boxes' centres, sixteen to a node), queried with every edge of the
 * other that meets the common box. Whether a vertex lies inside the other
 * geometry is decided once per ring, by the parity of the crossings of a ray
 * from its first vertex out of the other's box (the cheapest of four
 * directions), and carried along the ring: each crossing flips it. Every
 * predicate (which side of an edge a point lies) has its exact sign:
 * Shewchuk's filter, exact arithmetic when it fails. Degenerate positions
 * (shared edges, a vertex on the other boundary, as where two layers share
 * boundaries) are resolved by simulation of simplicity: B is taken as moved
 * by an infinitely small (e, e^2), and the area is the limit. Only when boundaries touch and
 * the area comes out within rounding of 0 (the interiors may not meet at
 * all) is the result NaN, and the caller uses a full overlay.
 *
 * Work and memory: a prepared geometry takes about 34 bytes per vertex (16
 * more per edge while its index is built), and an area allocates nothing.
 * The work is O(n log n) for ordinary boundaries, plus a step for each pair
 * of edges whose boxes meet: the crossings, which are output (two combs of
 * n vertices across each other: n^2 / 4; GEOS needs gigabytes), and
 * pairs that do not cross, which long edges at an angle multiply (two combs
 * turned 45 degrees: n times the teeth's length over their spacing). Steps
 * are counted against a budget (below): past it the area is NaN, and the
 * caller's full overlay (GEOS) takes over. Every loop checks for interrupts
 * (OBA_CHECK_INTERRUPTS_EVERY), so a query can be cancelled at any point.
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

/* 16^15 edges: more than memory holds */
#define OBA_RTREE_MAX_LEVELS 15

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
	/*
	 * The edge index, a packed R-tree. Edge i runs from vertex i to vertex
	 * i + 1 (i not the last vertex of its ring); edge[] lists the edges in
	 * Hilbert order of their boxes' centres. Node k of level 0 bounds edges
	 * edge[16k .. 16k + 15], node k of level l > 0 the nodes 16k .. 16k + 15
	 * of level l - 1; level nlevels - 1 is the root. Its box (xmin, ymin,
	 * xmax, ymax) is at box + 4 * (level[l] + k).
	 */
	size_t		nedges;
	size_t	   *edge;
	int			nlevels;
	size_t		level[OBA_RTREE_MAX_LEVELS + 1];
	double	   *box;
	void	   *block;			/* the allocation behind the vertex and ring arrays */
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
 * The work budget of one area, in steps (a box, or a pair of edges, tested):
 * OBA_OVERLAP_BUDGET_BASE, plus OBA_OVERLAP_BUDGET_PER_EDGE for each edge of
 * either geometry times the bits of their number (n log2 n), plus
 * OBA_OVERLAP_BUDGET_PER_CROSSING for each crossing found (crossings are the
 * answer, not waste). A step takes 5 to 30 ns: two geometries of 20,000
 * vertices each may take up to 170 million steps (1 to 5 seconds) besides
 * their crossings. Ordinary boundaries (the output areas, LSOAs and wards
 * of data/geo) take at most 5 steps per edge and bit, axis-parallel combs
 * up to 15, and two combs turned 45 degrees, their teeth 1,000 times as long
 * as wide, about 80.
 */
#define OBA_OVERLAP_BUDGET_BASE ((size_t) 1 << 22)
#define OBA_OVERLAP_BUDGET_PER_EDGE 256
#define OBA_OVERLAP_BUDGET_PER_CROSSING 16

/*
 * The area of a ∩ b; NaN where boundaries touch or share pieces and the area
 * is within rounding of 0 (touching only, or a sliver below about 1e-12 of
 * the terms), and where the work would exceed the budget above. When a lies
 * inside b it is a->area exactly, and b->area when b lies inside a; 0 exactly
 * when their interiors certainly do not meet.
 */
double		oba_overlap_area(const oba_polygonal *a, const oba_polygonal *b);

/*
 * The same with a budget of its own (0: the default above; SIZE_MAX: none)
 * and, when work is not NULL, the steps taken in *work.
 */
double		oba_overlap_area_work(const oba_polygonal *a, const oba_polygonal *b, size_t budget,
								  size_t *work);

#endif							/* OBA_OVERLAY_H */
