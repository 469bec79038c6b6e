/*
 * test_overlay.c: src/core/overlay.c. Intersection areas of hand-made cases
 * (overlap, containment both ways, disjoint, holes, multipolygons), the
 * degenerate cases that must come back NaN (shared edges, touching vertices),
 * the WKB variants PostGIS writes, and random concave polygons (star shapes
 * with holes, as multipolygons, in British National Grid coordinates) against
 * an independent computation: Sutherland-Hodgman clipping by a convex polygon.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "overlay.h"
#include "unit.h"

#include <stdint.h>

#define PI 3.14159265358979323846

static void *
m_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
m_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const oba_allocator mallocator = {m_alloc, m_release, NULL};

/* ---- writing WKB ---- */

typedef struct wkb_buf
{
	unsigned char data[1 << 16];
	size_t		len;
	int			big;			/* XDR instead of NDR */
} wkb_buf;

static void
put(wkb_buf *b, const void *v, size_t n)
{
	const unsigned char *p = v;
	const uint16_t one = 1;
	int			little = *(const unsigned char *) &one == 1;
	size_t		i;

	for (i = 0; i < n; i++)
		b->data[b->len++] = p[(little == !b->big) ? i : n - 1 - i];
}

static void
put_u32(wkb_buf *b, uint32_t v)
{
	put(b, &v, 4);
}

static void
put_f64(wkb_buf *b, double v)
{
	put(b, &v, 8);
}

static void
put_header(wkb_buf *b, uint32_t type)
{
	b->data[b->len++] = b->big ? 0 : 1;
	put_u32(b, type);
}

/* A ring of n points (closed here), with nz extra ordinates per point. */
static void
put_ring(wkb_buf *b, const double *xy, int n, int nz)
{
	int			i,
				k;

	put_u32(b, (uint32_t) n + 1);
	for (i = 0; i <= n; i++)
	{
		put_f64(b, xy[2 * (i % n)]);
		put_f64(b, xy[2 * (i % n) + 1]);
		for (k = 0; k < nz; k++)
			put_f64(b, 7.0);
	}
}

typedef struct ring_t
{
	double		xy[2 * 512];
	int			n;
} ring_t;

/* polygons[p] has nrings[p] rings starting at rings[first[p]] */
static void
put_polygon(wkb_buf *b, const ring_t *rings, int nrings)
{
	int			r;

	put_header(b, 3);
	put_u32(b, (uint32_t) nrings);
	for (r = 0; r < nrings; r++)
		put_ring(b, rings[r].xy, rings[r].n, 0);
}

static int
prep(wkb_buf *b, oba_polygonal *p)
{
	oba_error	err;

	return oba_polygonal_from_wkb(b->data, b->len, p, &mallocator, &err);
}

static void
ring_box(ring_t *r, double x0, double y0, double x1, double y1, int ccw)
{
	double		pts[8] = {x0, y0, x1, y0, x1, y1, x0, y1};
	int			i;

	r->n = 4;
	for (i = 0; i < 4; i++)
	{
		int			k = ccw ? i : 3 - i;

		r->xy[2 * i] = pts[2 * k];
		r->xy[2 * i + 1] = pts[2 * k + 1];
	}
}

/* area of a ∩ b for single-ring polygons */
static double
box_overlap(const ring_t *ra, const ring_t *rb, double *area_a)
{
	wkb_buf    *ba = calloc(1, sizeof(wkb_buf)),
			   *bb = calloc(1, sizeof(wkb_buf));
	oba_polygonal a,
				b;
	double		v = -1;

	put_polygon(ba, ra, 1);
	put_polygon(bb, rb, 1);
	if (prep(ba, &a) == 0 && prep(bb, &b) == 0)
	{
		v = oba_overlap_area(&a, &b);
		if (area_a)
			*area_a = a.area;
		oba_polygonal_free(&a, &mallocator);
		oba_polygonal_free(&b, &mallocator);
	}
	free(ba);
	free(bb);
	return v;
}

static void
hand_made(void)
{
	ring_t		r1,
				r2;
	double		aa,
				v;
	int			o1,
				o2;

	/* two squares overlapping in a unit square, every orientation */
	for (o1 = 0; o1 < 2; o1++)
		for (o2 = 0; o2 < 2; o2++)
		{
			ring_box(&r1, 0, 0, 2, 2, o1);
			ring_box(&r2, 1, 1, 3, 3, o2);
			CHECK_CLOSE(box_overlap(&r1, &r2, &aa), 1.0, 1e-15, 0, "squares overlap");
			CHECK(aa == 4.0);
			CHECK_CLOSE(box_overlap(&r2, &r1, NULL), 1.0, 1e-15, 0, "squares overlap, swapped");
		}
	/* in BNG coordinates: a 100 m x 50 m overlap */
	ring_box(&r1, 441000.25, 110000.5, 441300.25, 110200.5, 1);
	ring_box(&r2, 441200.25, 110150.5, 441500.25, 110400.5, 0);
	CHECK_CLOSE(box_overlap(&r1, &r2, NULL), 5000.0, 1e-12, 0, "BNG overlap");

	/* containment: exactly the inner polygon's area, both ways round */
	ring_box(&r1, 0.5, 0.25, 1.5, 1.75, 1);
	ring_box(&r2, 0, 0, 2, 2, 0);
	CHECK(box_overlap(&r1, &r2, &aa) == aa);
	CHECK(aa == 1.5);
	CHECK(box_overlap(&r2, &r1, NULL) == 1.5);

	/* disjoint with overlapping boxes: an L and a square in its corner */
	{
		ring_t		l;
		double		pts[] = {0, 0, 3, 0, 3, 1, 1, 1, 1, 3, 0, 3};

		memcpy(l.xy, pts, sizeof(pts));
		l.n = 6;
		ring_box(&r2, 1.5, 1.5, 2.5, 2.5, 1);
		CHECK(box_overlap(&l, &r2, NULL) == 0.0);
		CHECK(box_overlap(&r2, &l, NULL) == 0.0);
		/* far apart */
		ring_box(&r2, 10, 10, 11, 11, 1);
		CHECK(box_overlap(&l, &r2, NULL) == 0.0);
	}

	/*
	 * Degenerate positions, decided by the perturbation: touching only gives
	 * 0 or NaN (the caller asks PostGIS), shared boundary pieces the area.
	 */
	ring_box(&r1, 0, 0, 1, 1, 1);
	ring_box(&r2, 1, 0, 2, 1, 1);			/* a shared edge */
	v = box_overlap(&r1, &r2, NULL);
	CHECK(v == 0.0 || isnan(v));
	v = box_overlap(&r2, &r1, NULL);
	CHECK(v == 0.0 || isnan(v));
	ring_box(&r2, 1, 1, 2, 2, 1);			/* a shared vertex */
	v = box_overlap(&r1, &r2, NULL);
	CHECK(v == 0.0 || isnan(v));
	v = box_overlap(&r2, &r1, NULL);
	CHECK(v == 0.0 || isnan(v));
	ring_box(&r2, 0.5, 1, 2, 2, 0);			/* a vertex on an edge */
	v = box_overlap(&r1, &r2, NULL);
	CHECK(v == 0.0 || isnan(v));
	v = box_overlap(&r2, &r1, NULL);
	CHECK(v == 0.0 || isnan(v));
	ring_box(&r2, 0.5, 0, 2, 0.5, 1);		/* overlapping along a shared line */
	CHECK_CLOSE(box_overlap(&r1, &r2, NULL), 0.25, 1e-15, 0, "collinear piece");
	CHECK_CLOSE(box_overlap(&r2, &r1, NULL), 0.25, 1e-15, 0, "collinear piece, swapped");
	ring_box(&r2, 0, 0, 1, 1, 0);			/* identical */
	CHECK_CLOSE(box_overlap(&r1, &r2, NULL), 1.0, 1e-15, 0, "identical");
	ring_box(&r1, 0, 0, 2, 2, 1);
	ring_box(&r2, 0, 0, 1, 2, 0);			/* inside, three sides shared */
	CHECK_CLOSE(box_overlap(&r1, &r2, NULL), 2.0, 1e-15, 0, "three sides shared");
	CHECK_CLOSE(box_overlap(&r2, &r1, NULL), 2.0, 1e-15, 0, "three sides shared, swapped");
	ring_box(&r2, 1, 0, 3, 2, 1);			/* half across, top and bottom on shared lines */
	CHECK_CLOSE(box_overlap(&r1, &r2, NULL), 2.0, 1e-15, 0, "half across");
	CHECK_CLOSE(box_overlap(&r2, &r1, NULL), 2.0, 1e-15, 0, "half across, swapped");
	{
		ring_t		tri;
		double		pts[] = {0, 0, 2, 0, 2, 2};

		memcpy(tri.xy, pts, sizeof(pts));
		tri.n = 3;							/* every vertex on the square's boundary */
		CHECK_CLOSE(box_overlap(&tri, &r1, NULL), 2.0, 1e-15, 0, "triangle in square");
		CHECK_CLOSE(box_overlap(&r1, &tri, NULL), 2.0, 1e-15, 0, "triangle in square, swapped");
	}
	/* a repeated vertex is no degeneracy */
	{
		ring_t		rep;
		double		pts[] = {0, 0, 2, 0, 2, 0, 2, 2, 0, 2};

		memcpy(rep.xy, pts, sizeof(pts));
		rep.n = 5;
		ring_box(&r2, 1, -1, 3, 1, 1);
		CHECK_CLOSE(box_overlap(&rep, &r2, NULL), 1.0, 1e-15, 0, "repeated vertex");
	}
}

static void
holes_and_parts(void)
{
	ring_t		rings[4];
	wkb_buf    *ba = calloc(1, sizeof(wkb_buf)),
			   *bb = calloc(1, sizeof(wkb_buf));
	oba_polygonal a,
				b;

	/* a 4 x 4 square with a 2 x 2 hole; b overlaps the hole and the rest */
	ring_box(&rings[0], 0, 0, 4, 4, 1);
	ring_box(&rings[1], 1, 1, 3, 3, 0);
	put_polygon(ba, rings, 2);
	ring_box(&rings[2], 2, 2.5, 5, 3.5, 1);
	put_polygon(bb, &rings[2], 1);
	CHECK(prep(ba, &a) == 0 && prep(bb, &b) == 0);
	CHECK(a.area == 12.0);
	/* 2 x 1 inside the square, less the 1 x 0.5 in the hole */
	CHECK_CLOSE(oba_overlap_area(&a, &b), 1.5, 1e-15, 0, "hole");
	CHECK_CLOSE(oba_overlap_area(&b, &a), 1.5, 1e-15, 0, "hole, swapped");
	oba_polygonal_free(&b, &mallocator);

	/* b inside the hole: nothing; b around the hole: the ring */
	bb->len = 0;
	ring_box(&rings[2], 1.5, 1.5, 2.5, 2.5, 1);
	put_polygon(bb, &rings[2], 1);
	CHECK(prep(bb, &b) == 0);
	CHECK(oba_overlap_area(&a, &b) == 0.0);
	CHECK(oba_overlap_area(&b, &a) == 0.0);
	oba_polygonal_free(&b, &mallocator);
	bb->len = 0;
	ring_box(&rings[2], 0.5, 0.5, 3.5, 3.5, 0);
	put_polygon(bb, &rings[2], 1);
	CHECK(prep(bb, &b) == 0);
	CHECK_CLOSE(oba_overlap_area(&a, &b), 9.0 - 4.0, 1e-15, 0, "around the hole");
	CHECK_CLOSE(oba_overlap_area(&b, &a), 9.0 - 4.0, 1e-15, 0, "around the hole, swapped");
	oba_polygonal_free(&b, &mallocator);
	oba_polygonal_free(&a, &mallocator);

	/* b's sides on the hole's sides: the band less the hole */
	ring_box(&rings[0], 0, 0, 4, 4, 1);
	ring_box(&rings[1], 1, 1, 3, 3, 0);
	ba->len = 0;
	put_polygon(ba, rings, 2);
	bb->len = 0;
	ring_box(&rings[2], 1, 0, 3, 4, 1);
	put_polygon(bb, &rings[2], 1);
	CHECK(prep(ba, &a) == 0 && prep(bb, &b) == 0);
	CHECK_CLOSE(oba_overlap_area(&a, &b), 4.0, 1e-15, 0, "band across a hole, shared sides");
	CHECK_CLOSE(oba_overlap_area(&b, &a), 4.0, 1e-15, 0, "band across a hole, shared sides, swapped");
	oba_polygonal_free(&b, &mallocator);
	oba_polygonal_free(&a, &mallocator);

	/* a multipolygon of two squares, one inside b and one across its edge */
	ba->len = 0;
	put_header(ba, 6);
	put_u32(ba, 2);
	ring_box(&rings[0], 0, 0, 1, 1, 1);
	put_polygon(ba, &rings[0], 1);
	ring_box(&rings[1], 2, 0, 4, 1, 0);
	put_polygon(ba, &rings[1], 1);
	bb->len = 0;
	ring_box(&rings[2], -1, -1, 3, 2, 1);
	put_polygon(bb, &rings[2], 1);
	CHECK(prep(ba, &a) == 0 && prep(bb, &b) == 0);
	CHECK(a.area == 3.0);
	CHECK_CLOSE(oba_overlap_area(&a, &b), 2.0, 1e-15, 0, "multipolygon");
	CHECK_CLOSE(oba_overlap_area(&b, &a), 2.0, 1e-15, 0, "multipolygon, swapped");
	oba_polygonal_free(&b, &mallocator);
	/* b holds both parts: a's area exactly */
	bb->len = 0;
	ring_box(&rings[2], -1, -1, 5, 2, 1);
	put_polygon(bb, &rings[2], 1);
	CHECK(prep(bb, &b) == 0);
	CHECK(oba_overlap_area(&a, &b) == a.area);
	CHECK(oba_overlap_area(&b, &a) == a.area);
	oba_polygonal_free(&b, &mallocator);
	oba_polygonal_free(&a, &mallocator);
	free(ba);
	free(bb);
}

static void
wkb_variants(void)
{
	wkb_buf    *w = calloc(1, sizeof(wkb_buf));
	oba_polygonal p;
	oba_error	err;
	ring_t		r;
	unsigned char line[] = {1, 2, 0, 0, 0, 0, 0, 0, 0};

	ring_box(&r, 0, 0, 3, 2, 1);
	/* big-endian */
	w->big = 1;
	put_polygon(w, &r, 1);
	CHECK(prep(w, &p) == 0);
	CHECK(p.area == 6.0 && p.npoints == 5 && p.nrings == 1);
	oba_polygonal_free(&p, &mallocator);
	/* ISO PolygonZ (1003) and PolygonZM (3003) */
	w->big = 0;
	w->len = 0;
	put_header(w, 1003);
	put_u32(w, 1);
	put_ring(w, r.xy, r.n, 1);
	CHECK(prep(w, &p) == 0);
	CHECK(p.area == 6.0);
	oba_polygonal_free(&p, &mallocator);
	w->len = 0;
	put_header(w, 3003);
	put_u32(w, 1);
	put_ring(w, r.xy, r.n, 2);
	CHECK(prep(w, &p) == 0);
	CHECK(p.area == 6.0);
	oba_polygonal_free(&p, &mallocator);
	/* extended WKB with an SRID and a Z flag */
	w->len = 0;
	put_header(w, 3 | 0x80000000u | 0x20000000u);
	put_u32(w, 27700);
	put_u32(w, 1);
	put_ring(w, r.xy, r.n, 1);
	CHECK(prep(w, &p) == 0);
	CHECK(p.area == 6.0);
	oba_polygonal_free(&p, &mallocator);
	/* not ours: a line string; a curve polygon; an empty polygon */
	CHECK(oba_polygonal_from_wkb(line, sizeof(line), &p, &mallocator, &err) == 1);
	w->len = 0;
	put_header(w, 10);
	put_u32(w, 0);
	CHECK(prep(w, &p) == 1);
	w->len = 0;
	put_header(w, 3);
	put_u32(w, 0);
	CHECK(prep(w, &p) == 1);
	/* not ours either: a coordinate beyond 1e100, a NaN */
	{
		ring_t		big;

		ring_box(&big, 0, 0, 1e101, 1, 1);
		w->len = 0;
		put_polygon(w, &big, 1);
		CHECK(prep(w, &p) == 1);
		ring_box(&big, 0, 0, NAN, 1, 1);
		w->len = 0;
		put_polygon(w, &big, 1);
		CHECK(prep(w, &p) == 1);
	}
	/* malformed: truncated, trailing bytes, a wrong byte order mark */
	w->len = 0;
	put_polygon(w, &r, 1);
	CHECK(oba_polygonal_from_wkb(w->data, w->len - 3, &p, &mallocator, &err) == -1);
	CHECK(err.code == OBA_EINVAL && strstr(err.message, "malformed WKB") != NULL);
	CHECK(oba_polygonal_from_wkb(w->data, w->len + 1, &p, &mallocator, &err) == -1);
	w->data[0] = 7;
	CHECK(prep(w, &p) == -1);
	free(w);
}

/* ---- random polygons against Sutherland-Hodgman clipping ---- */

static uint64_t rng_state = 88172645463325252ull;

static double
rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (double) (rng_state >> 11) / 9007199254740992.0;
}

/* A star-shaped ring around (cx, cy): n vertices, radii in [r0, r1]. */
static void
star(ring_t *r, double cx, double cy, double r0, double r1, int n, int ccw)
{
	int			i;

	r->n = n;
	for (i = 0; i < n; i++)
	{
		double		a = 2 * PI * (i + 0.8 * rnd()) / n,
					rad = r0 + (r1 - r0) * rnd();
		int			k = ccw ? i : n - 1 - i;

		r->xy[2 * k] = cx + rad * cos(a);
		r->xy[2 * k + 1] = cy + rad * sin(a);
	}
}

/* A convex ring: points on a circle at sorted random angles, CCW. */
static void
convex(ring_t *r, double cx, double cy, double rad, int n)
{
	int			i;

	r->n = n;
	for (i = 0; i < n; i++)
	{
		double		a = 2 * PI * (i + 0.9 * rnd()) / n;

		r->xy[2 * i] = cx + rad * cos(a);
		r->xy[2 * i + 1] = cy + rad * sin(a);
	}
}

/* Area of a ring (any orientation), positive, in local coordinates. */
static double
ring_area(const double *xy, int n, double ox, double oy)
{
	double		s = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		int			j = (i + 1) % n;

		s += (xy[2 * i] - ox) * (xy[2 * j + 1] - oy) - (xy[2 * j] - ox) * (xy[2 * i + 1] - oy);
	}
	return fabs(s) / 2;
}

/* Clip ring s by the convex CCW ring c (Sutherland-Hodgman); area of the result. */
static double
clip_area(const ring_t *s, const ring_t *c, double ox, double oy)
{
	static double in[2 * 4096],
				out[2 * 4096];
	int			n = s->n,
				e,
				i;

	for (i = 0; i < 2 * n; i++)
		in[i] = s->xy[i] - (i % 2 ? oy : ox);
	for (e = 0; e < c->n && n > 0; e++)
	{
		double		ex0 = c->xy[2 * e] - ox,
					ey0 = c->xy[2 * e + 1] - oy,
					ex1 = c->xy[2 * ((e + 1) % c->n)] - ox,
					ey1 = c->xy[2 * ((e + 1) % c->n) + 1] - oy;
		int			m = 0;

		for (i = 0; i < n; i++)
		{
			double		px = in[2 * i],
						py = in[2 * i + 1],
						qx = in[2 * ((i + 1) % n)],
						qy = in[2 * ((i + 1) % n) + 1],
						dp = (ex1 - ex0) * (py - ey0) - (ey1 - ey0) * (px - ex0),
						dq = (ex1 - ex0) * (qy - ey0) - (ey1 - ey0) * (qx - ex0);

			if (dp >= 0)
			{
				out[2 * m] = px;
				out[2 * m + 1] = py;
				m++;
			}
			if ((dp >= 0) != (dq >= 0))
			{
				double		t = dp / (dp - dq);

				out[2 * m] = px + t * (qx - px);
				out[2 * m + 1] = py + t * (qy - py);
				m++;
			}
		}
		n = m;
		memcpy(in, out, sizeof(double) * 2 * m);
	}
	return n > 2 ? ring_area(in, n, 0, 0) : 0.0;
}

static void
random_polygons(void)
{
	wkb_buf    *ba = calloc(1, sizeof(wkb_buf)),
			   *bb = calloc(1, sizeof(wkb_buf));
	int			iter,
				undecided = 0,
				partial = 0;
	double		worst = 0;

	for (iter = 0; iter < 3000; iter++)
	{
		ring_t		shells[2],
					holes[2],
					clip;
		oba_polygonal a,
					b;
		double		ox = 400000 + 1000 * rnd(),
					oy = 100000 + 1000 * rnd(),
					want = 0,
					got,
					got2,
					scale = 50 + 500 * rnd();
		int			parts = 1 + (iter % 2),
					k;

		ba->len = bb->len = 0;
		if (parts > 1)
		{
			put_header(ba, 6);
			put_u32(ba, (uint32_t) parts);
		}
		for (k = 0; k < parts; k++)
		{
			/* two parts side by side; each a star, every third with a hole */
			double		cx = ox + k * 2.2 * scale,
						cy = oy;
			ring_t		rings[2];
			int			with_hole = (iter + k) % 3 == 0;

			star(&shells[k], cx, cy, 0.5 * scale, scale, 8 + (int) (60 * rnd()), iter % 4 != 0);
			rings[0] = shells[k];
			if (with_hole)
			{
				star(&holes[k], cx, cy, 0.05 * scale, 0.3 * scale, 3 + (int) (20 * rnd()), iter % 5 == 0);
				rings[1] = holes[k];
			}
			put_polygon(ba, rings, with_hole ? 2 : 1);
		}
		convex(&clip, ox + (parts * 2.2 * scale) * rnd() - 0.5 * scale, oy + scale * (rnd() - 0.5),
			   scale * (0.3 + rnd()), 3 + (int) (40 * rnd()));
		put_polygon(bb, &clip, 1);
		for (k = 0; k < parts; k++)
		{
			want += clip_area(&shells[k], &clip, ox, oy);
			if ((iter + k) % 3 == 0)
				want -= clip_area(&holes[k], &clip, ox, oy);
		}
		CHECK(prep(ba, &a) == 0 && prep(bb, &b) == 0);
		got = oba_overlap_area(&a, &b);
		got2 = oba_overlap_area(&b, &a);
		if (isnan(got) || isnan(got2))
			undecided++;
		else
		{
			double		e = fmax(fabs(got - want), fabs(got2 - want)) / a.area;

			if (e > worst)
				worst = e;
			if (want > 1e-6 * a.area && want < (1 - 1e-6) * fmin(a.area, b.area))
				partial++;
			CHECK_CLOSE(got, want, 0, 1e-11 * a.area, "random polygons");
			CHECK_CLOSE(got2, want, 0, 1e-11 * a.area, "random polygons, swapped");
		}
		oba_polygonal_free(&a, &mallocator);
		oba_polygonal_free(&b, &mallocator);
	}
	printf("random polygons: %d of 3000 partly overlapping, worst share error %.3g, %d undecided\n",
		   partial, worst, undecided);
	CHECK(undecided == 0);
	CHECK(partial > 2000);
	free(ba);
	free(bb);
}

/*
 * Polygons on a small integer grid: shared vertices, vertices on edges and
 * collinear edges everywhere. a is star-shaped around a grid point (vertices
 * sorted by angle, every gap under half a turn), b the convex hull of grid
 * points; the oracle clips a by b.
 */
static int
grid_star(ring_t *r, int cx, int cy, int size)
{
	double		ang[64];
	int			n = 0,
				tries,
				i,
				j;

	for (tries = 0; tries < 12; tries++)
	{
		int			x = (int) (rnd() * (2 * size + 1)) - size,
					y = (int) (rnd() * (2 * size + 1)) - size;
		double		a = atan2((double) y, (double) x);
		int			dup = 0;

		if (x == 0 && y == 0)
			continue;
		for (i = 0; i < n; i++)
			if (fabs(ang[i] - a) < 1e-12)
				dup = 1;
		if (dup)
			continue;
		/* insert sorted by angle */
		for (i = n; i > 0 && ang[i - 1] > a; i--)
		{
			ang[i] = ang[i - 1];
			r->xy[2 * i] = r->xy[2 * i - 2];
			r->xy[2 * i + 1] = r->xy[2 * i - 1];
		}
		ang[i] = a;
		r->xy[2 * i] = cx + x;
		r->xy[2 * i + 1] = cy + y;
		n++;
	}
	if (n < 3)
		return 0;
	for (i = 0; i < n; i++)
	{
		j = (i + 1) % n;
		if ((j > i ? ang[j] - ang[i] : ang[j] + 2 * PI - ang[i]) >= PI - 1e-9)
			return 0;
	}
	r->n = n;
	return 1;
}

static int
hull_cmp(const void *p, const void *q)
{
	const double *a = p,
			   *b = q;

	return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : (a[1] < b[1] ? -1 : (a[1] > b[1] ? 1 : 0));
}

static int
grid_hull(ring_t *r, int x0, int y0, int size)
{
	double		pts[2 * 16],
				h[2 * 34];
	int			n = 8,
				i,
				k = 0,
				lower;

	for (i = 0; i < n; i++)
	{
		pts[2 * i] = x0 + (int) (rnd() * (size + 1));
		pts[2 * i + 1] = y0 + (int) (rnd() * (size + 1));
	}
	qsort(pts, (size_t) n, 2 * sizeof(double), hull_cmp);
	/* Andrew's monotone chain, collinear points dropped, counter-clockwise */
	for (i = 0; i < n; i++)
	{
		while (k >= 2 && (h[2 * k - 2] - h[2 * k - 4]) * (pts[2 * i + 1] - h[2 * k - 3])
			   - (h[2 * k - 1] - h[2 * k - 3]) * (pts[2 * i] - h[2 * k - 4]) <= 0)
			k--;
		h[2 * k] = pts[2 * i];
		h[2 * k + 1] = pts[2 * i + 1];
		k++;
	}
	lower = k + 1;
	for (i = n - 2; i >= 0; i--)
	{
		while (k >= lower && (h[2 * k - 2] - h[2 * k - 4]) * (pts[2 * i + 1] - h[2 * k - 3])
			   - (h[2 * k - 1] - h[2 * k - 3]) * (pts[2 * i] - h[2 * k - 4]) <= 0)
			k--;
		h[2 * k] = pts[2 * i];
		h[2 * k + 1] = pts[2 * i + 1];
		k++;
	}
	k--;						/* the last point repeats the first */
	if (k < 3)
		return 0;
	memcpy(r->xy, h, sizeof(double) * 2 * k);
	r->n = k;
	return 1;
}

static void
grid_polygons(void)
{
	wkb_buf    *ba = calloc(1, sizeof(wkb_buf)),
			   *bb = calloc(1, sizeof(wkb_buf));
	int			iter,
				cases = 0,
				undecided = 0,
				undecided_positive = 0,
				overlapping = 0,
				touching = 0;
	double		worst = 0;

	for (iter = 0; iter < 40000; iter++)
	{
		ring_t		ra,
					rb;
		oba_polygonal a,
					b;
		double		ox = 400000,
					oy = 100000,
					want,
					got[2];
		int			k;

		if (!grid_star(&ra, 3, 3, 3) || !grid_hull(&rb, (int) (rnd() * 11) - 5, (int) (rnd() * 11) - 5, 6))
			continue;
		for (k = 0; k < ra.n; k++)
		{
			ra.xy[2 * k] += ox;
			ra.xy[2 * k + 1] += oy;
		}
		for (k = 0; k < rb.n; k++)
		{
			rb.xy[2 * k] += ox;
			rb.xy[2 * k + 1] += oy;
		}
		ba->len = bb->len = 0;
		put_polygon(ba, &ra, 1);
		put_polygon(bb, &rb, 1);
		if (prep(ba, &a) != 0 || prep(bb, &b) != 0)
		{
			CHECK(0);
			continue;
		}
		cases++;
		want = clip_area(&ra, &rb, ox, oy);
		if (want > 1e-9)
			overlapping++;
		else if (a.xmax >= b.xmin && b.xmax >= a.xmin && a.ymax >= b.ymin && b.ymax >= a.ymin)
			touching++;
		got[0] = oba_overlap_area(&a, &b);
		got[1] = oba_overlap_area(&b, &a);
		for (k = 0; k < 2; k++)
		{
			if (isnan(got[k]))
			{
				/* only where the interiors may not meet */
				undecided++;
				if (want > 1e-9)
				{
					undecided_positive++;
					fprintf(stderr, "grid case %d: undecided, want %.17g\n", iter, want);
				}
				continue;
			}
			if (fabs(got[k] - want) > worst)
				worst = fabs(got[k] - want);
			CHECK_CLOSE(got[k], want, 0, 1e-9, "grid polygons");
		}
		oba_polygonal_free(&a, &mallocator);
		oba_polygonal_free(&b, &mallocator);
	}
	printf("grid polygons: %d cases, %d overlapping, %d with touching boxes only, worst error %.3g, "
		   "%d undecided (%d with a positive area)\n",
		   cases, overlapping, touching, worst, undecided, undecided_positive);
	CHECK(cases > 20000 && overlapping > 10000 && touching > 1000);
	CHECK(undecided_positive == 0);
	free(ba);
	free(bb);
}

/*
 * ---- combs: work, memory and interrupts ----
 *
 * Comb-shaped polygons (long parallel teeth) put most edges of both in every
 * horizontal band, and an edge index of bands made them quadratic in time
 * and memory, with no way to interrupt. Here: pairs of combs meshed,
 * shifted, crossed and turned, and a comb against a multipolygon of many
 * small squares, each against an independent area (rectilinear rings: the
 * even-odd intervals of each between consecutive heights); the work counted
 * against n log n, the memory of a prepared geometry through a counting
 * allocator, and the interrupt hook called at least once every 4096 steps.
 */

typedef struct shape
{
	double	   *xy;				/* vertices, rings not closed */
	int		   *start;			/* ring r: vertices start[r] .. start[r + 1] - 1 */
	int			nrings;
	int			n;
} shape;

static void
shape_init(shape *s, int max_vertices, int max_rings)
{
	s->xy = malloc(sizeof(double) * 2 * (size_t) max_vertices);
	s->start = malloc(sizeof(int) * (size_t) (max_rings + 1));
	s->nrings = 0;
	s->n = 0;
	s->start[0] = 0;
}

static void
shape_free(shape *s)
{
	free(s->xy);
	free(s->start);
}

static void
shape_vertex(shape *s, double x, double y)
{
	s->xy[2 * s->n] = x;
	s->xy[2 * s->n + 1] = y;
	s->n++;
}

static void
shape_end_ring(shape *s)
{
	s->start[++s->nrings] = s->n;
}

/*
 * A comb of t teeth (4t vertices, counter-clockwise): a base bar 0 <= y <= 1
 * under 2t - 1, and tooth k over 2k <= x <= 2k + 1, 1 <= y <= h.
 */
static void
comb_ring(shape *s, int t, double h)
{
	int			k;

	shape_vertex(s, 0, 0);
	shape_vertex(s, 2 * t - 1, 0);
	for (k = t - 1; k >= 0; k--)
	{
		shape_vertex(s, 2 * k + 1, h);
		shape_vertex(s, 2 * k, h);
		if (k > 0)
		{
			shape_vertex(s, 2 * k, 1);
			shape_vertex(s, 2 * k - 1, 1);
		}
	}
	shape_end_ring(s);
}

/* (x, y) -> (sx x + dx, sy y + dy), or with x and y swapped first */
static void
shape_map(shape *s, int swap, double sx, double dx, double sy, double dy)
{
	int			i;

	for (i = 0; i < s->n; i++)
	{
		double		x = s->xy[2 * i],
					y = s->xy[2 * i + 1];

		if (swap)
		{
			double		t = x;

			x = y;
			y = t;
		}
		s->xy[2 * i] = sx * x + dx;
		s->xy[2 * i + 1] = sy * y + dy;
	}
}

/* Turned by 45 degrees about the origin (rounded: no longer rectilinear). */
static void
shape_turn45(shape *s)
{
	int			i;
	double		c = sqrt(0.5);

	for (i = 0; i < s->n; i++)
	{
		double		x = s->xy[2 * i],
					y = s->xy[2 * i + 1];

		s->xy[2 * i] = c * x - c * y;
		s->xy[2 * i + 1] = c * x + c * y;
	}
}

static void
growing_put(unsigned char **buf, size_t *len, size_t *cap, const void *v, size_t n)
{
	if (*len + n > *cap)
	{
		*cap = 2 * (*len + n);
		*buf = realloc(*buf, *cap);
	}
	memcpy(*buf + *len, v, n);
	*len += n;
}

/* NDR WKB of s + (ox, oy): a Polygon of one ring, or a MultiPolygon of one-ring parts. */
static unsigned char *
shape_wkb(const shape *s, double ox, double oy, size_t *len)
{
	unsigned char *buf = NULL,
				one = 1;
	size_t		cap = 0;
	uint32_t	u;
	int			r,
				i;

	*len = 0;
	if (s->nrings > 1)
	{
		growing_put(&buf, len, &cap, &one, 1);
		u = 6;
		growing_put(&buf, len, &cap, &u, 4);
		u = (uint32_t) s->nrings;
		growing_put(&buf, len, &cap, &u, 4);
	}
	for (r = 0; r < s->nrings; r++)
	{
		int			n = s->start[r + 1] - s->start[r];

		growing_put(&buf, len, &cap, &one, 1);
		u = 3;
		growing_put(&buf, len, &cap, &u, 4);
		u = 1;
		growing_put(&buf, len, &cap, &u, 4);
		u = (uint32_t) n + 1;
		growing_put(&buf, len, &cap, &u, 4);
		for (i = 0; i <= n; i++)
		{
			int			k = s->start[r] + i % n;
			double		x = s->xy[2 * k] + ox,
						y = s->xy[2 * k + 1] + oy;

			growing_put(&buf, len, &cap, &x, 8);
			growing_put(&buf, len, &cap, &y, 8);
		}
	}
	return buf;
}

static int
cmp_double(const void *p, const void *q)
{
	double		a = *(const double *) p,
				b = *(const double *) q;

	return a < b ? -1 : (a > b ? 1 : 0);
}

/* The x where s's vertical edges cross height y, sorted: s's inside is between pairs. */
static int
crossings_at(const shape *s, double y, double *xs)
{
	int			r,
				i,
				m = 0;

	for (r = 0; r < s->nrings; r++)
		for (i = s->start[r]; i < s->start[r + 1]; i++)
		{
			int			j = i + 1 < s->start[r + 1] ? i + 1 : s->start[r];
			double		y0 = s->xy[2 * i + 1],
						y1 = s->xy[2 * j + 1];

			if (s->xy[2 * i] == s->xy[2 * j] && fmin(y0, y1) < y && y < fmax(y0, y1))
				xs[m++] = s->xy[2 * i];
		}
	qsort(xs, (size_t) m, sizeof(double), cmp_double);
	return m;
}

/* The area of a ∩ b for rectilinear shapes, band by band between their heights. */
static double
rect_overlap(const shape *a, const shape *b)
{
	double	   *ys = malloc(sizeof(double) * (size_t) (a->n + b->n)),
			   *xa = malloc(sizeof(double) * (size_t) a->n),
			   *xb = malloc(sizeof(double) * (size_t) b->n),
				area = 0;
	int			ny = 0,
				i,
				k;

	for (i = 0; i < a->n; i++)
		ys[ny++] = a->xy[2 * i + 1];
	for (i = 0; i < b->n; i++)
		ys[ny++] = b->xy[2 * i + 1];
	qsort(ys, (size_t) ny, sizeof(double), cmp_double);
	for (k = 0; k + 1 < ny; k++)
	{
		double		ym = 0.5 * (ys[k] + ys[k + 1]),
					len = 0;
		int			na,
					nb,
					p = 0,
					q = 0;

		if (ys[k + 1] == ys[k])
			continue;
		na = crossings_at(a, ym, xa);
		nb = crossings_at(b, ym, xb);
		/* the overlap of two sorted lists of intervals */
		while (p + 1 < na && q + 1 < nb)
		{
			double		lo = fmax(xa[p], xb[q]),
						hi = fmin(xa[p + 1], xb[q + 1]);

			if (hi > lo)
				len += hi - lo;
			if (xa[p + 1] < xb[q + 1])
				p += 2;
			else
				q += 2;
		}
		area += len * (ys[k + 1] - ys[k]);
	}
	free(ys);
	free(xa);
	free(xb);
	return area;
}

/* A counting allocator: the bytes held, and the most held at once. */
static size_t held,
			held_peak;

static void *
count_alloc(void *ctx, size_t size)
{
	size_t	   *p = malloc(size + 2 * sizeof(size_t));

	(void) ctx;
	if (p == NULL)
		return NULL;
	p[0] = size;
	held += size;
	if (held > held_peak)
		held_peak = held;
	return p + 2;
}

static void
count_release(void *ctx, void *ptr)
{
	size_t	   *p = (size_t *) ptr - 2;

	(void) ctx;
	held -= p[0];
	free(p);
}

static const oba_allocator counting = {count_alloc, count_release, NULL};

static size_t interrupt_calls;

static void
count_interrupts(void)
{
	interrupt_calls++;
}

static size_t
log2_ceil(size_t n)
{
	size_t		bits = 1;

	while ((n >> bits) > 0)
		bits++;
	return bits;
}

/*
 * a and b both ways round against want (relative tolerance rel); the work
 * within per_nlogn n log n + per_t2 t^2 steps (n edges; t^2 for crossings),
 * the memory of both prepared within 64 bytes a vertex, the interrupt hook
 * called once every 4096 steps. Returns the work of a against b.
 */
static size_t
comb_case(const char *name, const shape *sa, const shape *sb, double ox, double oy, double want, double rel,
		  double per_nlogn, double per_t2, double t)
{
	size_t		la,
				lb,
				work[2] = {0, 0},
				n = (size_t) (sa->n + sb->n),
				bound = (size_t) (per_nlogn * (double) n * (double) log2_ceil(n) + per_t2 * t * t);
	unsigned char *wa = shape_wkb(sa, ox, oy, &la),
			   *wb = shape_wkb(sb, ox, oy, &lb);
	oba_polygonal a,
				b;
	oba_error	err;
	double		got[2];
	int			k;

	held = held_peak = 0;
	interrupt_calls = 0;
	oba_interrupt_hook = count_interrupts;
	CHECK(oba_polygonal_from_wkb(wa, la, &a, &counting, &err) == 0);
	CHECK(oba_polygonal_from_wkb(wb, lb, &b, &counting, &err) == 0);
	/* reading n points checks every 4096 of them */
	CHECK(interrupt_calls >= n / 4096);
	CHECK(held_peak <= 64 * n + 4096);
	for (k = 0; k < 2; k++)
	{
		interrupt_calls = 0;
		got[k] = k == 0 ? oba_overlap_area_work(&a, &b, 0, &work[0]) : oba_overlap_area_work(&b, &a, 0, &work[1]);
		CHECK_CLOSE(got[k], want, rel, 0, name);
		CHECK(interrupt_calls >= work[k] / 4096);
		if (work[k] > bound)
			fprintf(stderr, "%s: work %zu above %zu\n", name, work[k], bound);
		CHECK(work[k] <= bound);
	}
	oba_interrupt_hook = NULL;
	printf("combs: %-24s %6zu vertices, work %9zu (%.1f n log n), %7zu bytes prepared, area %.12g\n",
		   name, n, work[0], (double) work[0] / ((double) n * (double) log2_ceil(n)), held_peak, got[0]);
	oba_polygonal_free(&a, &counting);
	oba_polygonal_free(&b, &counting);
	CHECK(held == 0);
	free(wa);
	free(wb);
	return work[0];
}

static void
combs(void)
{
	static const int teeth[] = {63, 250, 1250};
	int			s;

	for (s = 0; s < 3; s++)
	{
		int			t = teeth[s],
					i,
					k;
		shape		a,
					b,
					squares;
		char		name[64];
		double		want;

		/* b: a copied half a tooth across and half up; then meshed, teeth down between a's */
		shape_init(&a, 4 * t, 1);
		shape_init(&b, 4 * t, 1);
		comb_ring(&a, t, 1000);
		comb_ring(&b, t, 1000);
		shape_map(&b, 0, 1, 0.5, 1, 500);
		want = rect_overlap(&a, &b);
		snprintf(name, sizeof(name), "shifted, %d teeth", t);
		comb_case(name, &a, &b, 400000, 100000, want, 1e-13, 16, 0, t);
		b.n = b.nrings = 0;
		comb_ring(&b, t, 1000);
		shape_map(&b, 0, -1, 2 * t - 0.5, -1, 1500);
		want = rect_overlap(&a, &b);
		snprintf(name, sizeof(name), "meshed, %d teeth", t);
		comb_case(name, &a, &b, 400000, 100000, want, 1e-13, 16, 0, t);

		/* turned 45 degrees: boxes of long edges meet; within the budget at these sizes */
		if (t <= 250)
		{
			shape		ta,
						tb;

			shape_init(&ta, 4 * t, 1);
			shape_init(&tb, 4 * t, 1);
			memcpy(ta.xy, a.xy, sizeof(double) * 2 * (size_t) a.n);
			ta.n = a.n;
			shape_end_ring(&ta);
			comb_ring(&tb, t, 1000);
			shape_map(&tb, 0, 1, 0.5, 1, 500);
			want = rect_overlap(&ta, &tb);
			shape_turn45(&ta);
			shape_turn45(&tb);
			snprintf(name, sizeof(name), "turned, %d teeth", t);
			/* about (2t)^2 / 2 pairs of long edges whose boxes meet, each way round */
			comb_case(name, &ta, &tb, 0, 0, want, 1e-9, 16, 32, t);
			shape_free(&ta);
			shape_free(&tb);
		}
		shape_free(&b);

		/* crossed: square combs, b's teeth across a's, about 4 t^2 crossings */
		if (t <= 250)
		{
			shape		ca,
						cb;

			shape_init(&ca, 4 * t, 1);
			shape_init(&cb, 4 * t, 1);
			comb_ring(&ca, t, 2 * t);
			comb_ring(&cb, t, 2 * t);
			shape_map(&cb, 1, 1, 0.25, 1, 0.5);
			want = rect_overlap(&ca, &cb);
			snprintf(name, sizeof(name), "crossed, %d teeth", t);
			comb_case(name, &ca, &cb, 400000, 100000, want, 1e-13, 16, 12, t);
			shape_free(&ca);
			shape_free(&cb);
		}

		/*
		 * 2t small squares in a's teeth, gaps and across their sides: a
		 * horizontal ray from each would cross every tooth.
		 */
		shape_init(&squares, 8 * t, 2 * t);
		for (i = 0; i < 2 * t; i++)
		{
			double		x = i + 0.25 + (i % 3 == 0 ? 0.5 : 0.0),
						y = 10 + 400 * (i % 2);

			k = i % 4 == 1;		/* every fourth clockwise */
			shape_vertex(&squares, x, y);
			shape_vertex(&squares, k ? x : x + 0.5, k ? y + 0.5 : y);
			shape_vertex(&squares, x + 0.5, y + 0.5);
			shape_vertex(&squares, k ? x + 0.5 : x, k ? y : y + 0.5);
			shape_end_ring(&squares);
		}
		want = rect_overlap(&a, &squares);
		snprintf(name, sizeof(name), "%d squares, %d teeth", 2 * t, t);
		comb_case(name, &a, &squares, 400000, 100000, want, 1e-13, 16, 0, t);
		/* the same squares inside teeth and gaps only: no crossings at all */
		for (i = 0; i < 2 * t; i++)
			for (k = squares.start[i]; k < squares.start[i + 1]; k++)
				squares.xy[2 * k] -= (i % 3 == 0 ? 0.5 : 0.0) + 0.125;
		want = rect_overlap(&a, &squares);
		snprintf(name, sizeof(name), "%d squares inside, %d teeth", 2 * t, t);
		comb_case(name, &a, &squares, 400000, 100000, want, 1e-13, 16, 0, t);
		shape_free(&squares);
		shape_free(&a);
	}
}

/*
 * Past its budget the area is NaN (the caller's full overlay takes over)
 * and the work stops within 4096 steps of it; without one, the area.
 */
static void
budget(void)
{
	int			t = 400;
	shape		a,
				b;
	unsigned char *wa,
			   *wb;
	size_t		la,
				lb,
				work;
	oba_polygonal pa,
				pb;
	oba_error	err;
	double		want,
				got;

	shape_init(&a, 4 * t, 1);
	shape_init(&b, 4 * t, 1);
	comb_ring(&a, t, 1000);
	comb_ring(&b, t, 1000);
	shape_map(&b, 0, 1, 0.5, 1, 500);
	want = rect_overlap(&a, &b);
	shape_turn45(&a);
	shape_turn45(&b);
	wa = shape_wkb(&a, 0, 0, &la);
	wb = shape_wkb(&b, 0, 0, &lb);
	CHECK(oba_polygonal_from_wkb(wa, la, &pa, &mallocator, &err) == 0);
	CHECK(oba_polygonal_from_wkb(wb, lb, &pb, &mallocator, &err) == 0);
	got = oba_overlap_area_work(&pa, &pb, 500000, &work);
	CHECK(isnan(got));
	/* the crossings found before it stopped extend the budget a little */
	CHECK(work >= 500000 && work <= 500000 + 16 * 4 * (size_t) (a.n + b.n) + 2 * 4096);
	got = oba_overlap_area_work(&pa, &pb, SIZE_MAX, &work);
	CHECK_CLOSE(got, want, 1e-9, 0, "turned combs, no budget");
	printf("budget: turned combs of %d teeth, %zu steps without a budget, NaN after 500000\n", t, work);
	oba_polygonal_free(&pa, &mallocator);
	oba_polygonal_free(&pb, &mallocator);
	free(wa);
	free(wb);
	shape_free(&a);
	shape_free(&b);
}

int
main(void)
{
	hand_made();
	holes_and_parts();
	wkb_variants();
	random_polygons();
	grid_polygons();
	combs();
	budget();
	return unit_done("test_overlay");
}
