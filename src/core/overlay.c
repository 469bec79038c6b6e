/*
 * overlay.c: the area of A ∩ B for polygonal geometries without building
 * the intersection (W. R. Franklin's edge-vector area terms, as JTS
 * OverlayArea uses them), with exact orientation signs (Shewchuk's filter and
 * expansion arithmetic) and simulation of simplicity for degenerate
 * positions. See overlay.h.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "overlay.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- WKB -------------------------------------------------------------- */

typedef struct wkb_reader
{
	const unsigned char *p;
	const unsigned char *end;
	int			swap;
} wkb_reader;

static int
host_is_little_endian(void)
{
	const uint16_t one = 1;

	return *(const unsigned char *) &one == 1;
}

static int
rd_bytes(wkb_reader *r, void *out, size_t n)
{
	size_t		i;
	unsigned char *o = out;

	if ((size_t) (r->end - r->p) < n)
		return -1;
	if (r->swap)
		for (i = 0; i < n; i++)
			o[i] = r->p[n - 1 - i];
	else
		memcpy(o, r->p, n);
	r->p += n;
	return 0;
}

static int
rd_u32(wkb_reader *r, uint32_t *v)
{
	return rd_bytes(r, v, 4);
}

static int
rd_f64(wkb_reader *r, double *v)
{
	return rd_bytes(r, v, 8);
}

enum
{
	WKB_OK = 0,
	WKB_MALFORMED = -1,
	WKB_UNSUPPORTED = 1
};

/* Byte order and type of one geometry; *ndims is 2, 3 or 4. */
static int
rd_header(wkb_reader *r, uint32_t *type, int *ndims)
{
	unsigned char order;
	uint32_t	t,
				base;
	int			z,
				m;

	if (r->p >= r->end)
		return WKB_MALFORMED;
	order = *r->p++;
	if (order > 1)
		return WKB_MALFORMED;
	r->swap = (order == 1) != host_is_little_endian();
	if (rd_u32(r, &t) != 0)
		return WKB_MALFORMED;
	/* extended WKB flags (PostGIS), then ISO's thousands */
	z = (t & 0x80000000u) != 0;
	m = (t & 0x40000000u) != 0;
	if (t & 0x20000000u)
	{
		uint32_t	srid;

		if (rd_u32(r, &srid) != 0)
			return WKB_MALFORMED;
	}
	base = t & 0x0fffffffu;
	switch (base / 1000)
	{
		case 0:
			break;
		case 1:
			z = 1;
			break;
		case 2:
			m = 1;
			break;
		case 3:
			z = m = 1;
			break;
		default:
			return WKB_UNSUPPORTED;
	}
	*type = base % 1000;
	*ndims = 2 + z + m;
	return WKB_OK;
}

/*
 * One polygon's rings. With p NULL, counts vertices and rings; otherwise
 * fills p from vertex *nv and ring *nr on.
 */
static int
rd_polygon(wkb_reader *r, int ndims, oba_polygonal *p, size_t *nv, size_t *nr)
{
	uint32_t	nrings,
				npts,
				i,
				k;
	size_t		stride = (size_t) ndims * 8;

	if (rd_u32(r, &nrings) != 0)
		return WKB_MALFORMED;
	if (nrings == 0)
		return WKB_UNSUPPORTED;
	for (i = 0; i < nrings; i++)
	{
		size_t		first = *nv;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (rd_u32(r, &npts) != 0)
			return WKB_MALFORMED;
		if ((size_t) (r->end - r->p) / stride < npts)
			return WKB_MALFORMED;
		if (npts < 4)
			return WKB_UNSUPPORTED;
		if (p == NULL)
		{
			r->p += npts * stride;
		}
		else
		{
			p->ring[*nr] = first;
			for (k = 0; k < npts; k++)
			{
				double		x,
							y;

				OBA_CHECK_INTERRUPTS_EVERY(first + k);
				if (rd_f64(r, &x) != 0 || rd_f64(r, &y) != 0)
					return WKB_MALFORMED;
				r->p += stride - 16;
				/* beyond 1e100 the exact arithmetic could overflow: PostGIS's job */
				if (!(fabs(x) <= 1e100) || !(fabs(y) <= 1e100))
					return WKB_UNSUPPORTED;
				p->x[first + k] = x;
				p->y[first + k] = y;
				p->vring[first + k] = *nr;
			}
			if (p->x[first] != p->x[first + npts - 1] || p->y[first] != p->y[first + npts - 1])
				return WKB_UNSUPPORTED;
			/* interior side: shells keep it on the left when CCW, holes when CW */
			p->side[*nr] = (signed char) (i == 0 ? 1 : -1);
		}
		*nv += npts;
		*nr += 1;
	}
	return WKB_OK;
}

/* A Polygon or MultiPolygon; counting (p NULL) or filling. */
static int
rd_polygonal(const unsigned char *wkb, size_t len, oba_polygonal *p, size_t *nv, size_t *nr,
			 size_t *npoly)
{
	wkb_reader	r;
	uint32_t	type,
				n,
				i;
	int			ndims,
				rc;

	r.p = wkb;
	r.end = wkb + len;
	r.swap = 0;
	*nv = *nr = *npoly = 0;
	if ((rc = rd_header(&r, &type, &ndims)) != WKB_OK)
		return rc;
	if (type == 3)
	{
		*npoly = 1;
		rc = rd_polygon(&r, ndims, p, nv, nr);
	}
	else if (type == 6)
	{
		if (rd_u32(&r, &n) != 0)
			return WKB_MALFORMED;
		if (n == 0)
			return WKB_UNSUPPORTED;
		for (i = 0; i < n; i++)
		{
			uint32_t	sub;
			int			subdims;

			OBA_CHECK_INTERRUPTS_EVERY(i);
			if ((rc = rd_header(&r, &sub, &subdims)) != WKB_OK)
				return rc;
			if (sub != 3)
				return WKB_MALFORMED;
			if ((rc = rd_polygon(&r, subdims, p, nv, nr)) != WKB_OK)
				return rc;
		}
		*npoly = n;
	}
	else
		return WKB_UNSUPPORTED;
	if (rc == WKB_OK && r.p != r.end)
		return WKB_MALFORMED;
	return rc;
}

/* ---- areas ------------------------------------------------------------- */

/*
 * Signed ring area exactly as PostGIS's ptarray_signed_area computes it
 * (positive for clockwise rings), so that ST_Area(source) and the area of a
 * source inside one target are the same number and its share is exactly 1.
 */
static double
ring_signed_area(const double *x, const double *y, size_t n)
{
	double		sum = 0.0,
				x0 = x[0];
	size_t		i;

	for (i = 2; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		sum += (x[i - 1] - x0) * (y[i - 2] - y[i]);
	}
	return sum / 2.0;
}

/* ---- the edge index: a packed R-tree ------------------------------------ */

#define RT_FAN 16

/* Edge i runs from vertex i to i + 1 unless i closes its ring. */
static int
is_edge(const oba_polygonal *p, size_t i)
{
	return i + 1 < p->ring[p->vring[i] + 1];
}

/*
 * The index of cell (x, y) along a Hilbert curve through a 2^16 x 2^16 grid:
 * quadrant by quadrant from the largest, each turned so that the curve
 * enters it at its corner. Neighbours along the curve are near in the plane,
 * so edges sorted by it fill nodes with small boxes.
 */
static uint32_t
hilbert16(uint32_t x, uint32_t y)
{
	uint32_t	d = 0,
				s;

	for (s = 1u << 15; s > 0; s >>= 1)
	{
		uint32_t	rx = (x & s) != 0,
					ry = (y & s) != 0;

		d += s * s * ((3u * rx) ^ ry);
		if (ry == 0)
		{
			uint32_t	t;

			if (rx == 1)
			{
				x = 0xffffu - x;
				y = 0xffffu - y;
			}
			t = x;
			x = y;
			y = t;
		}
	}
	return d;
}

/* v's cell on a grid of 2^16 over [lo, lo + width]. */
static uint32_t
grid16(double v, double lo, double width)
{
	double		t = width > 0.0 ? (v - lo) / width : 0.0;

	if (!(t > 0.0))
		return 0;
	if (!(t < 1.0))
		return 0xffffu;
	return (uint32_t) (t * 65535.0);
}

static void
edge_box(const oba_polygonal *p, size_t i, double *bx)
{
	bx[0] = fmin(p->x[i], p->x[i + 1]);
	bx[1] = fmin(p->y[i], p->y[i + 1]);
	bx[2] = fmax(p->x[i], p->x[i + 1]);
	bx[3] = fmax(p->y[i], p->y[i + 1]);
}

/*
 * The edges in Hilbert order of their boxes' centres (a radix sort, eight
 * bits a pass), then the node boxes level by level. Time O(n); memory: the
 * index 8 bytes an edge and 32 bytes a node (one per 16 edges, one per 256,
 * ...), and 16 bytes an edge while it is built.
 */
static int
build_index(oba_polygonal *p, const oba_allocator *alloc, oba_error *err)
{
	size_t		n = p->npoints - p->nrings,
				count,
				total,
				i,
				k;
	int			l;
	char	   *mem;

	/* the levels: ceil(n / 16) leaves, then every 16 nodes under one, to the root */
	count = (n + RT_FAN - 1) / RT_FAN;
	total = 0;
	p->nlevels = 0;
	for (;;)
	{
		p->level[p->nlevels++] = total;
		total += count;
		if (count <= 1 || p->nlevels == OBA_RTREE_MAX_LEVELS)
			break;
		count = (count + RT_FAN - 1) / RT_FAN;
	}
	p->level[p->nlevels] = total;
	p->nedges = n;

	mem = alloc->alloc(alloc->ctx, total * 4 * sizeof(double) + n * sizeof(size_t));
	if (mem == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory for the index of %zu edges", n);
	p->box = (double *) mem;
	p->edge = (size_t *) (mem + total * 4 * sizeof(double));
	k = 0;
	for (i = 0; i < p->npoints; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (is_edge(p, i))
			p->edge[k++] = i;
	}

	if (n > RT_FAN)
	{
		double		w = p->xmax - p->xmin,
					h = p->ymax - p->ymin;
		uint32_t   *key,
				   *key2;
		size_t	   *edge2;
		char	   *tmp = alloc->alloc(alloc->ctx, n * (2 * sizeof(uint32_t) + sizeof(size_t)));
		int			shift;

		if (tmp == NULL)
		{
			alloc->release(alloc->ctx, mem);
			p->box = NULL;
			p->edge = NULL;
			return oba_fail(err, OBA_ENOMEM, "out of memory for the index of %zu edges", n);
		}
		edge2 = (size_t *) tmp;
		key = (uint32_t *) (tmp + n * sizeof(size_t));
		key2 = key + n;
		if (!isfinite(w))
			w = 0.0;
		if (!isfinite(h))
			h = 0.0;
		for (k = 0; k < n; k++)
		{
			double		bx[4];

			OBA_CHECK_INTERRUPTS_EVERY(k);
			edge_box(p, p->edge[k], bx);
			key[k] = hilbert16(grid16(0.5 * bx[0] + 0.5 * bx[2], p->xmin, w),
							   grid16(0.5 * bx[1] + 0.5 * bx[3], p->ymin, h));
		}
		for (shift = 0; shift < 32; shift += 8)
		{
			size_t		start[257];
			uint32_t   *kt;
			size_t	   *et;

			memset(start, 0, sizeof(start));
			for (k = 0; k < n; k++)
			{
				OBA_CHECK_INTERRUPTS_EVERY(k);
				start[((key[k] >> shift) & 0xffu) + 1]++;
			}
			for (k = 1; k <= 256; k++)
				start[k] += start[k - 1];
			for (k = 0; k < n; k++)
			{
				size_t		d = start[(key[k] >> shift) & 0xffu]++;

				OBA_CHECK_INTERRUPTS_EVERY(k);
				key2[d] = key[k];
				edge2[d] = p->edge[k];
			}
			kt = key;
			key = key2;
			key2 = kt;
			et = p->edge;
			p->edge = edge2;
			edge2 = et;
		}
		/* four passes: the sorted edges are back in the index's own array */
		alloc->release(alloc->ctx, tmp);
	}

	/* leaves: the boxes of their edges; then each level from the one below */
	for (k = 0; k < p->level[1]; k++)
	{
		double	   *bx = p->box + 4 * k;
		size_t		e;

		OBA_CHECK_INTERRUPTS_EVERY(k);
		edge_box(p, p->edge[k * RT_FAN], bx);
		for (e = k * RT_FAN + 1; e < n && e < (k + 1) * RT_FAN; e++)
		{
			double		eb[4];

			edge_box(p, p->edge[e], eb);
			bx[0] = fmin(bx[0], eb[0]);
			bx[1] = fmin(bx[1], eb[1]);
			bx[2] = fmax(bx[2], eb[2]);
			bx[3] = fmax(bx[3], eb[3]);
		}
	}
	for (l = 1; l < p->nlevels; l++)
	{
		size_t		below = p->level[l] - p->level[l - 1];

		for (k = 0; k < p->level[l + 1] - p->level[l]; k++)
		{
			double	   *bx = p->box + 4 * (p->level[l] + k);
			size_t		c;

			OBA_CHECK_INTERRUPTS_EVERY(k);
			memcpy(bx, p->box + 4 * (p->level[l - 1] + k * RT_FAN), 4 * sizeof(double));
			for (c = k * RT_FAN + 1; c < below && c < (k + 1) * RT_FAN; c++)
			{
				const double *cb = p->box + 4 * (p->level[l - 1] + c);

				bx[0] = fmin(bx[0], cb[0]);
				bx[1] = fmin(bx[1], cb[1]);
				bx[2] = fmax(bx[2], cb[2]);
				bx[3] = fmax(bx[3], cb[3]);
			}
		}
	}
	return 0;
}

void
oba_polygonal_free(oba_polygonal *p, const oba_allocator *alloc)
{
	if (p->box != NULL)
		alloc->release(alloc->ctx, p->box);
	if (p->block != NULL)
		alloc->release(alloc->ctx, p->block);
	memset(p, 0, sizeof(*p));
}

int
oba_polygonal_from_wkb(const unsigned char *wkb, size_t len, oba_polygonal *out,
					   const oba_allocator *alloc, oba_error *err)
{
	size_t		nv,
				nr,
				npoly,
				size,
				i,
				r;
	int			rc;
	char	   *mem;
	double		area = 0.0,
				poly_area = 0.0;

	memset(out, 0, sizeof(*out));
	rc = rd_polygonal(wkb, len, NULL, &nv, &nr, &npoly);
	if (rc == WKB_MALFORMED)
		return oba_fail(err, OBA_EINVAL, "malformed WKB (%zu bytes)", len);
	if (rc != WKB_OK)
		return 1;

	size = 2 * nv * sizeof(double) + (nr + 1) * sizeof(size_t) + nv * sizeof(size_t) + nr;
	mem = alloc->alloc(alloc->ctx, size);
	if (mem == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu vertices", nv);
	out->block = mem;
	out->x = (double *) mem;
	out->y = out->x + nv;
	out->ring = (size_t *) (out->y + nv);
	out->vring = out->ring + nr + 1;
	out->side = (signed char *) (out->vring + nv);
	out->npoints = nv;
	out->nrings = nr;

	rc = rd_polygonal(wkb, len, out, &nv, &nr, &npoly);
	if (rc != WKB_OK)
	{
		oba_polygonal_free(out, alloc);
		if (rc == WKB_MALFORMED)
			return oba_fail(err, OBA_EINVAL, "malformed WKB (%zu bytes)", len);
		return 1;
	}
	out->ring[nr] = nv;

	out->xmin = out->xmax = out->x[0];
	out->ymin = out->ymax = out->y[0];
	for (i = 1; i < nv; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		out->xmin = fmin(out->xmin, out->x[i]);
		out->xmax = fmax(out->xmax, out->x[i]);
		out->ymin = fmin(out->ymin, out->y[i]);
		out->ymax = fmax(out->ymax, out->y[i]);
	}

	/*
	 * Areas as PostGIS sums them: per polygon the shell less its holes, then
	 * the polygons in order. A ring's orientation gives the side its
	 * polygon's interior is on; a ring without area is not one we read.
	 */
	for (r = 0; r < nr; r++)
	{
		size_t		first = out->ring[r],
					n = out->ring[r + 1] - first;
		double		ra = ring_signed_area(out->x + first, out->y + first, n);

		OBA_CHECK_INTERRUPTS_EVERY(r);
		if (ra == 0.0 || !isfinite(ra))
		{
			oba_polygonal_free(out, alloc);
			return 1;
		}
		if (out->side[r] > 0)
		{
			/* a shell: the previous polygon is complete */
			if (r > 0)
				area += poly_area;
			poly_area = fabs(ra);
		}
		else
			poly_area -= fabs(ra);
		/* PostGIS's sign is positive for clockwise rings */
		if (ra > 0)
			out->side[r] = (signed char) -out->side[r];
	}
	area += poly_area;
	out->area = area;

	if (build_index(out, alloc, err) != 0)
	{
		oba_polygonal_free(out, alloc);
		return -1;
	}
	return 0;
}

/* ---- exact predicates ---------------------------------------------------- */

/* Shewchuk's orient2d error bound: (3 + 16 eps) eps, eps = 2^-53. */
#define OBA_EPS 1.1102230246251565404e-16
static const double ccw_bound = (3.0 + 16.0 * OBA_EPS) * OBA_EPS;

static inline void
two_sum(double a, double b, double *x, double *y)
{
	double		bv,
				av;

	*x = a + b;
	bv = *x - a;
	av = *x - bv;
	*y = (a - av) + (b - bv);
}

static inline void
two_diff(double a, double b, double *x, double *y)
{
	double		bv,
				av;

	*x = a - b;
	bv = a - *x;
	av = *x + bv;
	*y = (a - av) + (bv - b);
}

/* Add b to the nonoverlapping expansion e[0..n-1] (Shewchuk's Grow-Expansion). */
static int
grow_expansion(double *e, int n, double b)
{
	double		q = b,
				h;
	int			i,
				m = 0;

	for (i = 0; i < n; i++)
	{
		two_sum(q, e[i], &q, &h);
		if (h != 0.0)
			e[m++] = h;
	}
	if (q != 0.0)
		e[m++] = q;
	return m;
}

/*
 * The exact sign of (bx - ax)(cy - ay) - (by - ay)(cx - ax): each difference
 * as an exact two-term sum, each product of terms exactly (fma), the sixteen
 * products summed as an expansion whose largest component has the sign.
 */
static int
orient_exact_sign(double ax, double ay, double bx, double by, double cx, double cy)
{
	double		d[4][2],
				e[32];
	int			n = 0,
				i,
				j,
				k;

	two_diff(bx, ax, &d[0][0], &d[0][1]);
	two_diff(cy, ay, &d[1][0], &d[1][1]);
	two_diff(by, ay, &d[2][0], &d[2][1]);
	two_diff(cx, ax, &d[3][0], &d[3][1]);
	for (k = 0; k < 2; k++)
		for (i = 0; i < 2; i++)
			for (j = 0; j < 2; j++)
			{
				double		u = d[2 * k][i],
							v = d[2 * k + 1][j],
							p = u * v,
							err = fma(u, v, -p);

				if (k == 1)
				{
					p = -p;
					err = -err;
				}
				n = grow_expansion(e, n, err);
				n = grow_expansion(e, n, p);
			}
	return n == 0 ? 0 : (e[n - 1] > 0.0 ? 1 : -1);
}

/*
 * The orientation determinant of (a, b, c), positive when c lies left of
 * a -> b, in *det (rounded); returns its exact sign: Shewchuk's filter
 * (J. R. Shewchuk, Adaptive precision floating-point arithmetic and fast
 * robust geometric predicates, 1997), exact arithmetic when it fails.
 */
static inline int
orient(double ax, double ay, double bx, double by, double cx, double cy, double *det)
{
	double		l = (bx - ax) * (cy - ay),
				r = (by - ay) * (cx - ax),
				d = l - r,
				sum;

	*det = d;
	if (l > 0.0)
	{
		if (r <= 0.0)
			return d > 0.0 ? 1 : (d < 0.0 ? -1 : 0);
		sum = l + r;
	}
	else if (l < 0.0)
	{
		if (r >= 0.0)
			return d > 0.0 ? 1 : (d < 0.0 ? -1 : 0);
		sum = -l - r;
	}
	else
		return d > 0.0 ? 1 : (d < 0.0 ? -1 : 0);
	if (d > ccw_bound * sum)
		return 1;
	if (-d > ccw_bound * sum)
		return -1;
	return orient_exact_sign(ax, ay, bx, by, cx, cy);
}

/*
 * Degenerate positions (a vertex on the other boundary, collinear edges) are
 * resolved by simulation of simplicity (H. Edelsbrunner and E. P. Mücke,
 * 1990): the second geometry, b, is taken as translated by (e, e^2) for an
 * infinitely small e > 0. The area of a ∩ (b + delta) tends to the area of
 * a ∩ b, and the perturbed configuration has no degeneracy, so the same
 * formula applies in the limit. A zero determinant is replaced by the sign of
 * its first nonzero derivative in e. *tie records that this happened.
 */

/* The sign of a zero orientation of (a0, a1, c + delta), c a vertex of b. */
static inline int
perturbed_point_side(double a0x, double a0y, double a1x, double a1y)
{
	/* d/de of the determinant: -(a1y - a0y); then d2/de2: (a1x - a0x) */
	if (a1y != a0y)
		return a1y < a0y ? 1 : -1;
	return a1x > a0x ? 1 : -1;
}

/* The sign of a zero orientation of (b0 + delta, b1 + delta, c), c a vertex of a. */
static inline int
perturbed_edge_side(double b0x, double b0y, double b1x, double b1y)
{
	/* c relative to b + delta is c - delta relative to b */
	if (b1y != b0y)
		return b1y > b0y ? 1 : -1;
	return b1x < b0x ? 1 : -1;
}

/* Side of a0 -> a1 (an edge of a) on which the perturbed vertex c of b lies. */
static inline int
side_of_a(double a0x, double a0y, double a1x, double a1y, double cx, double cy, double *det, int *tie)
{
	int			o = orient(a0x, a0y, a1x, a1y, cx, cy, det);

	if (o != 0)
		return o;
	*tie = 1;
	return perturbed_point_side(a0x, a0y, a1x, a1y);
}

/* Side of the perturbed edge b0 -> b1 (of b) on which the vertex c of a lies. */
static inline int
side_of_b(double b0x, double b0y, double b1x, double b1y, double cx, double cy, double *det, int *tie)
{
	int			o = orient(b0x, b0y, b1x, b1y, cx, cy, det);

	if (o != 0)
		return o;
	*tie = 1;
	return perturbed_edge_side(b0x, b0y, b1x, b1y);
}

/* ---- work ------------------------------------------------------------- */

typedef struct overlap_ctx
{
	double		ox,
				oy;				/* local origin: centre of the common box */
	double		cx0,
				cy0,
				cx1,
				cy1;			/* the common box */
	double		sum;			/* twice the area */
	double		magnitude;		/* sum of |terms|, for the rounding error */
	size_t		crossings;		/* of a's edges with b's */
	size_t		a_in,
				b_in;			/* vertices inside the other geometry */
	int			tie;			/* a degenerate position was perturbed away */
	size_t		work;			/* steps: boxes and pairs of edges tested */
	size_t		budget;			/* steps allowed besides those per crossing */
	size_t		found;			/* crossings found, in either pass */
	int			over;			/* the budget ran out: no answer */
} overlap_ctx;

/*
 * One step of work: checks for interrupts, and every 4096 steps the budget.
 * Returns 1 when it has run out.
 */
static inline int
step(overlap_ctx *c)
{
	c->work++;
	OBA_CHECK_INTERRUPTS_EVERY(c->work);
	if ((c->work & 4095u) == 0 && c->work > c->budget &&
		(c->work - c->budget) / OBA_OVERLAP_BUDGET_PER_CROSSING > c->found)
		c->over = 1;
	return c->over;
}

/* ---- queries of the index ---------------------------------------------- */

/* The edges of p whose boxes meet a query box, one at a time. */
typedef struct rt_query
{
	const oba_polygonal *p;
	double		x0,
				y0,
				x1,
				y1;
	size_t		pos,
				end;			/* edge[pos .. end - 1]: the current leaf's edges to test */
	int			top;
	size_t		node[RT_FAN * OBA_RTREE_MAX_LEVELS + 1];
	int			lev[RT_FAN * OBA_RTREE_MAX_LEVELS + 1];
} rt_query;

static void
rt_start(rt_query *q, const oba_polygonal *p, double x0, double y0, double x1, double y1)
{
	const double *root = p->box + 4 * p->level[p->nlevels - 1];

	q->p = p;
	q->x0 = x0;
	q->y0 = y0;
	q->x1 = x1;
	q->y1 = y1;
	q->pos = q->end = 0;
	q->top = 0;
	if (root[0] > x1 || root[2] < x0 || root[1] > y1 || root[3] < y0)
		return;
	q->node[0] = 0;
	q->lev[0] = p->nlevels - 1;
	q->top = 1;
}

/*
 * The next edge whose box meets the query box (closed boxes: touching
 * counts), or SIZE_MAX when there is none or the budget has run out
 * (c->over).
 */
static size_t
rt_next(rt_query *q, overlap_ctx *c)
{
	const oba_polygonal *p = q->p;

	for (;;)
	{
		size_t		node,
					k,
					last;
		int			l;

		while (q->pos < q->end)
		{
			size_t		e = p->edge[q->pos++];

			if (step(c))
				return SIZE_MAX;
			if (fmin(p->x[e], p->x[e + 1]) > q->x1 || fmax(p->x[e], p->x[e + 1]) < q->x0 ||
				fmin(p->y[e], p->y[e + 1]) > q->y1 || fmax(p->y[e], p->y[e + 1]) < q->y0)
				continue;
			return e;
		}
		if (q->top == 0)
			return SIZE_MAX;
		q->top--;
		node = q->node[q->top];
		l = q->lev[q->top];
		if (l == 0)
		{
			q->pos = node * RT_FAN;
			q->end = q->pos + RT_FAN < p->nedges ? q->pos + RT_FAN : p->nedges;
			continue;
		}
		last = p->level[l] - p->level[l - 1];
		if (last > (node + 1) * RT_FAN)
			last = (node + 1) * RT_FAN;
		for (k = node * RT_FAN; k < last; k++)
		{
			const double *bx = p->box + 4 * (p->level[l - 1] + k);

			if (step(c))
				return SIZE_MAX;
			if (bx[0] > q->x1 || bx[2] < q->x0 || bx[1] > q->y1 || bx[3] < q->y0)
				continue;
			q->node[q->top] = k;
			q->lev[q->top] = l - 1;
			q->top++;
		}
	}
}

/*
 * Whether the segment a0 -> a1 (an edge of a, or a ray from a point of a)
 * crosses b0 -> b1 (an edge of b, perturbed, or a ray from a point of b,
 * perturbed with it). On a crossing, *o2 is the side of a0 -> a1 that b1
 * lies on, *o4 the side of b0 -> b1 that a1 lies on, and *d3, *d4 the
 * determinants of a0 and a1 against b0 -> b1.
 */
static inline int
crosses(double ax0, double ay0, double ax1, double ay1, double bx0, double by0, double bx1, double by1,
		int *o2, int *o4, double *d3, double *d4, int *tie)
{
	double		d1,
				d2;
	int			o1,
				o3;

	o1 = side_of_a(ax0, ay0, ax1, ay1, bx0, by0, &d1, tie);
	*o2 = side_of_a(ax0, ay0, ax1, ay1, bx1, by1, &d2, tie);
	if (o1 == *o2)
		return 0;
	o3 = side_of_b(bx0, by0, bx1, by1, ax0, ay0, d3, tie);
	*o4 = side_of_b(bx0, by0, bx1, by1, ax1, ay1, d4, tie);
	return o3 != *o4;
}

/*
 * Whether (vx, vy) lies inside other: the parity of the crossings of a ray
 * from it to a point outside other's box, along +x, -x, +y or -y. The
 * point is of a (and other is b, perturbed) when of_a, else of b (perturbed,
 * and other is a): a ray is a segment of its point's geometry, so the same
 * predicates decide as for edges, and nothing lies on other's boundary. The
 * ray is the one with the fewest boxes in its way: each is tried with a
 * limit of steps, four times larger each round. Touching along a ray is no
 * degeneracy of the geometries, so it does not set c->tie.
 */
static int
locate(const oba_polygonal *other, double vx, double vy, int of_a, overlap_ctx *c)
{
	size_t		limit = 256;

	for (;;)
	{
		int			dir;

		for (dir = 0; dir < 4; dir++)
		{
			double		ux = vx,
						uy = vy;
			size_t		start = c->work,
						e;
			rt_query	q;
			int			parity = 0,
						stopped = 0,
						dummy = 0;

			/* a point outside other's box, on the far side */
			switch (dir)
			{
				case 0:
					ux = other->xmax + (fabs(other->xmax) + 1.0);
					break;
				case 1:
					ux = other->xmin - (fabs(other->xmin) + 1.0);
					break;
				case 2:
					uy = other->ymax + (fabs(other->ymax) + 1.0);
					break;
				default:
					uy = other->ymin - (fabs(other->ymin) + 1.0);
					break;
			}
			rt_start(&q, other, fmin(vx, ux), fmin(vy, uy), fmax(vx, ux), fmax(vy, uy));
			while ((e = rt_next(&q, c)) != SIZE_MAX)
			{
				double		ex0 = other->x[e],
							ey0 = other->y[e],
							ex1 = other->x[e + 1],
							ey1 = other->y[e + 1],
							d3,
							d4;
				int			o2,
							o4;

				if (c->work - start > limit)
				{
					stopped = 1;
					break;
				}
				if (ex0 == ex1 && ey0 == ey1)
					continue;
				if (of_a ? crosses(vx, vy, ux, uy, ex0, ey0, ex1, ey1, &o2, &o4, &d3, &d4, &dummy)
					: crosses(ex0, ey0, ex1, ey1, vx, vy, ux, uy, &o2, &o4, &d3, &d4, &dummy))
					parity ^= 1;
			}
			if (c->over)
				return 0;
			if (!stopped)
				return parity;
		}
		limit *= 4;
	}
}

/* ---- the area ------------------------------------------------------------ */

/*
 * Twice the area term of an edge vector at v (local coordinates) along
 * direction d: (v.u)(v.n) with u = d/|d| and n its left normal. A boundary
 * piece from p to q along d contributes term(p, d) - term(q, d).
 */
static inline double
term(double vx, double vy, double dx, double dy)
{
	double		len2 = dx * dx + dy * dy;

	if (len2 == 0.0)
		return 0.0;
	return (vx * dx + vy * dy) * (dx * vy - dy * vx) / len2;
}

static inline void
add_term(overlap_ctx *c, double t)
{
	c->sum += t;
	c->magnitude += fabs(t);
}

/* Terms of p's vertex i, which lies inside the other geometry. */
static void
vertex_terms(const oba_polygonal *p, size_t i, overlap_ctx *c)
{
	size_t		r = p->vring[i],
				prev = i == p->ring[r] ? p->ring[r + 1] - 2 : i - 1,
				next = i + 1;
	double		vx = p->x[i] - c->ox,
				vy = p->y[i] - c->oy;

	add_term(c, p->side[r] * term(vx, vy, p->x[next] - p->x[i], p->y[next] - p->y[i]));
	add_term(c, -p->side[r] * term(vx, vy, p->x[i] - p->x[prev], p->y[i] - p->y[prev]));
}

static int
in_common_box(const overlap_ctx *c, double x, double y)
{
	return x >= c->cx0 && x <= c->cx1 && y >= c->cy0 && y <= c->cy1;
}

/*
 * a's rings in turn. Whether a vertex lies inside b is found for the first
 * vertex of each ring (outside the common box it is outside), then carried
 * along: each crossing of an edge with b's boundary flips it. Every
 * crossing adds the terms of the two pieces of the intersection's boundary
 * that start there, along a towards b's interior and along b towards a's;
 * every vertex inside b adds its own. With a_is_first 0 (the second walk,
 * the geometries swapped) only the vertices' terms are added, the crossings'
 * being in already, and each pair is tested the same way round as in the
 * first walk, so that both see the same crossings; where the first walk
 * found none, each ring of the second is inside or outside as a whole.
 */
static void
walk(const oba_polygonal *a, const oba_polygonal *b, int a_is_first, overlap_ctx *c)
{
	size_t		r;

	for (r = 0; r < a->nrings; r++)
	{
		size_t		first = a->ring[r],
					end = a->ring[r + 1] - 1,
					i;
		int			inside = 0,
					sa = a->side[r];

		if (in_common_box(c, a->x[first], a->y[first]))
			inside = locate(b, a->x[first], a->y[first], a_is_first, c);
		if (!a_is_first && c->crossings == 0)
		{
			/* no boundaries cross: the ring is inside or outside as a whole */
			for (i = first; i < end && inside; i++)
			{
				OBA_CHECK_INTERRUPTS_EVERY(i);
				c->b_in++;
				vertex_terms(a, i, c);
			}
			continue;
		}
		for (i = first; i < end; i++)
		{
			double		ax0 = a->x[i],
						ay0 = a->y[i],
						ax1 = a->x[i + 1],
						ay1 = a->y[i + 1];
			size_t		j;
			rt_query	q;

			if (c->over)
				return;
			if (inside)
			{
				if (a_is_first)
					c->a_in++;
				else
					c->b_in++;
				vertex_terms(a, i, c);
			}
			if (fmax(ax0, ax1) < c->cx0 || fmin(ax0, ax1) > c->cx1 ||
				fmax(ay0, ay1) < c->cy0 || fmin(ay0, ay1) > c->cy1)
				continue;
			if (ax0 == ax1 && ay0 == ay1)
				continue;
			rt_start(&q, b, fmin(ax0, ax1), fmin(ay0, ay1), fmax(ax0, ax1), fmax(ay0, ay1));
			while ((j = rt_next(&q, c)) != SIZE_MAX)
			{
				double		bx0 = b->x[j],
							by0 = b->y[j],
							bx1 = b->x[j + 1],
							by1 = b->y[j + 1],
							d3,
							d4,
							t,
							xx,
							xy;
				int			o2,
							o4,
							sb;

				if (bx0 == bx1 && by0 == by1)
					continue;
				if (!a_is_first)
				{
					/* the same pair, tested the same way round as in a's walk */
					if (crosses(bx0, by0, bx1, by1, ax0, ay0, ax1, ay1, &o2, &o4, &d3, &d4, &c->tie))
					{
						inside = !inside;
						c->found++;
					}
					continue;
				}
				if (!crosses(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1, &o2, &o4, &d3, &d4, &c->tie))
					continue;
				inside = !inside;
				c->found++;
				/* they cross at a0 + t (a1 - a0); in the limit for a perturbed pair */
				t = d3 / (d3 - d4);
				if (!(t >= 0.0))
					t = 0.0;
				if (!(t <= 1.0))
					t = 1.0;
				xx = (ax0 - c->ox) + t * (ax1 - ax0);
				xy = (ay0 - c->oy) + t * (ay1 - ay0);
				sb = b->side[b->vring[j]];
				/* along a towards a1 when a1 is on b's interior side */
				add_term(c, ((o4 > 0) == (sb > 0) ? sa : -sa) * term(xx, xy, ax1 - ax0, ay1 - ay0));
				/* along b towards b1 when b1 is on a's interior side */
				add_term(c, ((o2 > 0) == (sa > 0) ? sb : -sb) * term(xx, xy, bx1 - bx0, by1 - by0));
				c->crossings++;
			}
		}
	}
}

double
oba_overlap_area_work(const oba_polygonal *a, const oba_polygonal *b, size_t budget, size_t *work)
{
	overlap_ctx c;
	size_t		a_all = a->npoints - a->nrings,
				b_all = b->npoints - b->nrings,
				n = a_all + b_all,
				bits = 1;
	double		area;

	if (work != NULL)
		*work = 0;
	if (a->xmax < b->xmin || b->xmax < a->xmin || a->ymax < b->ymin || b->ymax < a->ymin)
		return 0.0;
	memset(&c, 0, sizeof(c));
	c.cx0 = fmax(a->xmin, b->xmin);
	c.cx1 = fmin(a->xmax, b->xmax);
	c.cy0 = fmax(a->ymin, b->ymin);
	c.cy1 = fmin(a->ymax, b->ymax);
	c.ox = 0.5 * (c.cx0 + c.cx1);
	c.oy = 0.5 * (c.cy0 + c.cy1);
	if (budget == 0)
	{
		while ((n >> bits) > 0)
			bits++;
		/* n is at most 2^60 or so: no overflow */
		budget = OBA_OVERLAP_BUDGET_BASE + (size_t) OBA_OVERLAP_BUDGET_PER_EDGE * n * (size_t) bits;
	}
	c.budget = budget;

	walk(a, b, 1, &c);
	if (!c.over)
		walk(b, a, 0, &c);
	if (work != NULL)
		*work = c.work;
	if (c.over)
		return NAN;

	if (c.crossings == 0)
	{
		/* no boundaries cross: each ring is wholly inside or outside the other */
		if (c.a_in == 0 && c.b_in == 0)
			return 0.0;
		if (c.a_in == a_all && c.b_in == 0)
			return a->area;
		if (c.b_in == b_all && c.a_in == 0)
			return b->area;
	}
	area = c.sum / 2.0;
	if (!isfinite(area))
		return NAN;
	if (c.tie)
	{
		/*
		 * Boundaries that touch or share pieces: the interiors may not meet at
		 * all, and an area within rounding of 0 cannot tell (the caller asks
		 * PostGIS). The terms are exact up to a few units in the last place.
		 */
		if (!(area > 1e-12 * c.magnitude))
			return NAN;
	}
	else if (!(area > 0.0))
	{
		/* the interiors certainly overlap: a sum at or below 0 is rounding */
		return NAN;
	}
	return area;
}

double
oba_overlap_area(const oba_polygonal *a, const oba_polygonal *b)
{
	return oba_overlap_area_work(a, b, 0, NULL);
}
