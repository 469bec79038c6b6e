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
		sum += (x[i - 1] - x0) * (y[i - 2] - y[i]);
	return sum / 2.0;
}

/* ---- strips: the edges that meet each horizontal band ------------------ */

static size_t
strip_of(const oba_polygonal *p, double y)
{
	double		s;

	if (!(y > p->ymin))
		return 0;
	s = (y - p->ymin) / p->strip_height;
	if (!(s < (double) p->nstrips))
		return p->nstrips - 1;
	return (size_t) s;
}

/* Edge i runs from vertex i to i + 1 unless i closes its ring. */
static int
is_edge(const oba_polygonal *p, size_t i)
{
	return i + 1 < p->ring[p->vring[i] + 1];
}

static int
build_strips(oba_polygonal *p, const oba_allocator *alloc, oba_error *err)
{
	size_t		nedges = p->npoints - p->nrings,
				i,
				s,
				total = 0;
	size_t	   *fill;

	p->nstrips = nedges / 2;
	if (p->nstrips < 1)
		p->nstrips = 1;
	if (p->nstrips > 65536)
		p->nstrips = 65536;
	p->strip_height = (p->ymax - p->ymin) / (double) p->nstrips;
	if (!(p->strip_height > 0.0) || !isfinite(p->strip_height))
	{
		p->nstrips = 1;
		p->strip_height = 1.0;
	}
	p->strip = alloc->alloc(alloc->ctx, (2 * p->nstrips + 1) * sizeof(size_t));
	if (p->strip == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu strips", p->nstrips);
	fill = p->strip + p->nstrips + 1;
	memset(p->strip, 0, (2 * p->nstrips + 1) * sizeof(size_t));
	for (i = 0; i < p->npoints; i++)
	{
		if (!is_edge(p, i))
			continue;
		total += strip_of(p, fmax(p->y[i], p->y[i + 1])) - strip_of(p, fmin(p->y[i], p->y[i + 1])) + 1;
	}
	p->strip_edge = alloc->alloc(alloc->ctx, (total > 0 ? total : 1) * sizeof(size_t));
	if (p->strip_edge == NULL)
	{
		alloc->release(alloc->ctx, p->strip);
		p->strip = NULL;
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu strip entries", total);
	}
	/* counts, offsets, then entries */
	for (i = 0; i < p->npoints; i++)
	{
		if (!is_edge(p, i))
			continue;
		for (s = strip_of(p, fmin(p->y[i], p->y[i + 1])); s <= strip_of(p, fmax(p->y[i], p->y[i + 1])); s++)
			p->strip[s + 1]++;
	}
	for (s = 0; s < p->nstrips; s++)
	{
		p->strip[s + 1] += p->strip[s];
		fill[s] = p->strip[s];
	}
	for (i = 0; i < p->npoints; i++)
	{
		if (!is_edge(p, i))
			continue;
		for (s = strip_of(p, fmin(p->y[i], p->y[i + 1])); s <= strip_of(p, fmax(p->y[i], p->y[i + 1])); s++)
			p->strip_edge[fill[s]++] = i;
	}
	return 0;
}

void
oba_polygonal_free(oba_polygonal *p, const oba_allocator *alloc)
{
	if (p->strip_edge != NULL)
		alloc->release(alloc->ctx, p->strip_edge);
	if (p->strip != NULL)
		alloc->release(alloc->ctx, p->strip);
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

	if (build_strips(out, alloc, err) != 0)
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

/*
 * Whether (vx, vy) lies inside p: the crossing number of a ray to +x against
 * p's edges in its strip. p_perturbed: p is b, perturbed, and the point a
 * vertex of a; otherwise p is a and the point a perturbed vertex of b. The
 * perturbation puts no point on the boundary; *tie is set when the point lies
 * on p's boundary before perturbation.
 */
static int
locate(const oba_polygonal *p, double vx, double vy, int p_perturbed, int *tie)
{
	size_t		s,
				k,
				crossings = 0;

	if (vx < p->xmin || vx > p->xmax || vy < p->ymin || vy > p->ymax)
		return 0;
	s = strip_of(p, vy);
	for (k = p->strip[s]; k < p->strip[s + 1]; k++)
	{
		size_t		j = p->strip_edge[k];
		double		x0 = p->x[j],
					y0 = p->y[j],
					x1 = p->x[j + 1],
					y1 = p->y[j + 1],
					exmin = fmin(x0, x1),
					det;
		int			up0,
					up1,
					o = 0;

		if (vy < fmin(y0, y1) || vy > fmax(y0, y1) || vx > fmax(x0, x1))
			continue;
		/* within the edge's box: on the edge exactly when collinear */
		if (vx >= exmin && (o = orient(x0, y0, x1, y1, vx, vy, &det)) == 0)
		{
			*tie = 1;
			o = p_perturbed ? perturbed_edge_side(x0, y0, x1, y1) : perturbed_point_side(x0, y0, x1, y1);
		}
		/* the half-open rule on y, closed where the perturbation moves the point off */
		if (p_perturbed)
		{
			up0 = y0 >= vy;
			up1 = y1 >= vy;
		}
		else
		{
			up0 = y0 > vy;
			up1 = y1 > vy;
		}
		if (up0 == up1)
			continue;
		if (p_perturbed ? vx <= exmin : vx < exmin)
		{
			crossings++;
			continue;
		}
		if (!p_perturbed && vx >= fmax(x0, x1))
			continue;
		/* the edge passes the point's height: to the right when the point is on its left going up */
		if (y1 > y0 ? o > 0 : o < 0)
			crossings++;
	}
	return (int) (crossings & 1);
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
	size_t		crossings;
	int			tie;			/* a degenerate position was perturbed away */
} overlap_ctx;

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

/*
 * Every crossing of an edge of a with an edge of (perturbed) b adds the terms
 * of the two pieces of the intersection's boundary that start there: along a
 * towards b's interior and along b towards a's.
 */
static void
add_crossings(const oba_polygonal *a, const oba_polygonal *b, overlap_ctx *c)
{
	size_t		i;

	for (i = 0; i < a->npoints; i++)
	{
		double		ax0,
					ay0,
					ax1,
					ay1,
					exmin,
					exmax,
					eymin,
					eymax;
		size_t		s,
					s0,
					s1;
		int			sa;

		if (!is_edge(a, i))
			continue;
		ax0 = a->x[i];
		ay0 = a->y[i];
		ax1 = a->x[i + 1];
		ay1 = a->y[i + 1];
		exmin = fmin(ax0, ax1);
		exmax = fmax(ax0, ax1);
		eymin = fmin(ay0, ay1);
		eymax = fmax(ay0, ay1);
		if (exmax < c->cx0 || exmin > c->cx1 || eymax < c->cy0 || eymin > c->cy1)
			continue;
		if (ax0 == ax1 && ay0 == ay1)
			continue;
		sa = a->side[a->vring[i]];
		s0 = strip_of(b, fmax(eymin, b->ymin));
		s1 = strip_of(b, fmin(eymax, b->ymax));
		for (s = s0; s <= s1; s++)
		{
			size_t		k;

			for (k = b->strip[s]; k < b->strip[s + 1]; k++)
			{
				size_t		j = b->strip_edge[k];
				double		bx0 = b->x[j],
							by0 = b->y[j],
							bx1 = b->x[j + 1],
							by1 = b->y[j + 1],
							d1,
							d2,
							d3,
							d4,
							t,
							xx,
							xy;
				int			o1,
							o2,
							o3,
							o4,
							sb;

				if (fmin(by0, by1) > eymax || fmax(by0, by1) < eymin)
					continue;
				/* a pair of edges in several strips: only in the lowest shared */
				if (strip_of(b, fmax(eymin, fmin(by0, by1))) != s)
					continue;
				if (fmin(bx0, bx1) > exmax || fmax(bx0, bx1) < exmin)
					continue;
				if (bx0 == bx1 && by0 == by1)
					continue;
				o1 = side_of_a(ax0, ay0, ax1, ay1, bx0, by0, &d1, &c->tie);
				o2 = side_of_a(ax0, ay0, ax1, ay1, bx1, by1, &d2, &c->tie);
				if (o1 == o2)
					continue;
				o3 = side_of_b(bx0, by0, bx1, by1, ax0, ay0, &d3, &c->tie);
				o4 = side_of_b(bx0, by0, bx1, by1, ax1, ay1, &d4, &c->tie);
				if (o3 == o4)
					continue;
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
oba_overlap_area(const oba_polygonal *a, const oba_polygonal *b)
{
	overlap_ctx c;
	size_t		i,
				s,
				s0,
				s1,
				a_in = 0,
				a_all = a->npoints - a->nrings,
				b_in = 0,
				b_all = b->npoints - b->nrings;
	double		area;

	if (a->xmax < b->xmin || b->xmax < a->xmin || a->ymax < b->ymin || b->ymax < a->ymin)
		return 0.0;
	c.cx0 = fmax(a->xmin, b->xmin);
	c.cx1 = fmin(a->xmax, b->xmax);
	c.cy0 = fmax(a->ymin, b->ymin);
	c.cy1 = fmin(a->ymax, b->ymax);
	c.ox = 0.5 * (c.cx0 + c.cx1);
	c.oy = 0.5 * (c.cy0 + c.cy1);
	c.sum = 0.0;
	c.magnitude = 0.0;
	c.crossings = 0;
	c.tie = 0;

	add_crossings(a, b, &c);

	/* a's vertices inside b (only those in the common box can be) */
	for (i = 0; i < a->npoints; i++)
	{
		if (!is_edge(a, i))
			continue;
		if (a->x[i] < c.cx0 || a->x[i] > c.cx1 || a->y[i] < c.cy0 || a->y[i] > c.cy1)
			continue;
		if (locate(b, a->x[i], a->y[i], 1, &c.tie))
		{
			a_in++;
			vertex_terms(a, i, &c);
		}
	}

	/* b's vertices inside a: through b's strips over the common box */
	s0 = strip_of(b, c.cy0);
	s1 = strip_of(b, c.cy1);
	for (s = s0; s <= s1; s++)
	{
		size_t		k;

		for (k = b->strip[s]; k < b->strip[s + 1]; k++)
		{
			size_t		j = b->strip_edge[k];

			if (b->x[j] < c.cx0 || b->x[j] > c.cx1 || b->y[j] < c.cy0 || b->y[j] > c.cy1)
				continue;
			if (strip_of(b, b->y[j]) != s)
				continue;
			if (locate(a, b->x[j], b->y[j], 0, &c.tie))
			{
				b_in++;
				vertex_terms(b, j, &c);
			}
		}
	}

	if (c.crossings == 0)
	{
		/* no boundaries cross: each ring is wholly inside or outside the other */
		if (a_in == 0 && b_in == 0)
			return 0.0;
		if (a_in == a_all && b_in == 0)
			return a->area;
		if (b_in == b_all && a_in == 0)
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
