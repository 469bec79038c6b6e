/*
 * trend.c: trend tests on a series (METHODS.md sections 9 to 14).
 *  - Mann-Kendall (R cor.test(method = "kendall"), trend::mk.test) with the
 *    tie-corrected variance and continuity correction, and Sen's slope with
 *    Gilbert's rank interval (trend::sens.slope) and the intercept
 *    median(y - slope t) (zyp), all in O(n log n) time and O(n) memory;
 *  - Mann-Kendall for autocorrelated series, Hamed and Rao's (1998) variance
 *    correction and Yue and Wang's (2002) trend-free pre-whitening, and the
 *    seasonal Mann-Kendall test with the seasonal Sen slope (Hirsch, Slack
 *    and Smith 1982), on the same routines;
 *  - ordinary least squares with confidence and prediction intervals (R lm,
 *    summary.lm, predict.lm), on centred sums;
 *  - interrupted time series by segmented regression (Wagner et al. 2002),
 *    by Householder QR as R lm;
 *  - change points: Pettitt's (1979) test, and the continuous broken line
 *    with its breakpoint estimated by least squares (as R segmented, Muggeo
 *    2003) and Davies' (2002) test for a change in slope;
 *  - the chi-squared test for trend in proportions (R prop.trend.test);
 *  - the Fingertips "recent trend" marker (TrendMarkerCalculator.cs).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "trend.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
xalloc(const oba_allocator *a, size_t size)
{
	return a->alloc(a->ctx, size == 0 ? 1 : size);
}

static void
xfree(const oba_allocator *a, void *p)
{
	if (p != NULL && a->release != NULL)
		a->release(a->ctx, p);
}

double
oba_t_two_sided_p(double t, double df)
{
	if (isnan(t) || !(df > 0))
		return NAN;
	if (isinf(t))
		return 0.0;
	return 2.0 * oba_pt(fabs(t), df, 0);
}

/* ---- Mann-Kendall and Sen's slope ------------------------------------------ */

/*
 * Nothing here looks at the n(n-1)/2 pairs one by one (that took minutes and
 * gigabytes from a few tens of thousands of values): time O(n log n) per
 * step, memory O(n), and a check for a cancel every 4096 steps of work.
 *
 *  - S by Knight's (1966) method: sort y by merging, counting the pairs that
 *    are out of order (the discordant pairs); the tie groups of y come from
 *    the sorted copy. S = N - tied - 2 discordant.
 *  - Sen's slope and Gilbert's interval are order statistics of the pairwise
 *    slopes, found by slope selection (Cole, Salowe, Steiger and Szemeredi
 *    1989; Dillencourt, Mount and Netanyahu 1992, simplified): the pairs with
 *    slope <= s are the pairs that the order of the points by y - s t puts
 *    the other way round from time, so merge sorting that order counts them
 *    (order_at). The slopes of a random sample of the pairs between two such
 *    cuts give the next two cuts, close around the wanted rank, until few
 *    enough pairs (cap, a small multiple of n) are left between two cuts;
 *    those are listed (band_pairs) and the wanted one selected. Up to cap
 *    pairs in all (n <= 362), every pair is listed at once.
 *
 * The comparisons of y - s t are exact (key_sign_exact, on times and values
 * scaled by powers of two), so ties of slopes, common with counts on whole
 * years, are counted right. The slopes listed at the end are computed
 * exactly as the definition computes them, (y_j - y_i) / (t_j - t_i), and a
 * result is taken only when no slope outside the list can be rounded past
 * it (band_take), so the results are those of sorting all the pairwise
 * slopes, to the last bit. Only when more than cap pairs have slopes within
 * a few units in the last place of the answer is one of them returned
 * (exact when its differences are, else within those few units), and a
 * series whose values or times span more than about 1e270-fold (beyond
 * anything measured) may see such rounding too.
 */

/* One step of work, with a check for a cancel every 4096 steps. */
#define MK_STEP(steps) do { ++(steps); OBA_CHECK_INTERRUPTS_EVERY(steps); } while (0)

/* Merge runs start at this length, sorted by insertion. */
#define MK_RUN 16

/*
 * Cuts are kept within these magnitudes (on the scaled axes, 0 apart), so
 * that s t neither overflows nor loses its exact low part (fma) to underflow.
 */
#define MK_SLOPE_MAX 1e290
#define MK_SLOPE_MIN 0x1p-900

/* Random pairs drawn per narrowing round: at least this many, else n. */
#define MK_MIN_SAMPLE 4096

/* Pairs listed at the end: at most 2n, and at least this many. */
#define MK_MIN_CAP 65536

/*
 * A bound on the error of a computed slope (y_j - y_i) / (t_j - t_i) (three
 * roundings: below 3.0000001 units of 2^-53 relative), with room for the
 * rounding of the bound itself.
 */
#define MK_SLOPE_REL_ERR 8e-16

/*
 * Sorts a[0..n) ascending by bottom-up merging (tmp: room for n) and returns
 * the number of pairs i < j with a[i] > a[j] in the input.
 */
static uint64_t
sort_count_doubles(double *a, double *tmp, size_t n, size_t *steps)
{
	size_t		st = *steps;
	uint64_t	inv = 0;
	double	   *src = a,
			   *dst = tmp,
			   *swap;
	size_t		w,
				lo;

	for (w = 1; w < n; w *= 2)
	{
		OBA_CHECK_INTERRUPTS();
		for (lo = 0; lo < n; lo += 2 * w)
		{
			size_t		mid = n - lo > w ? lo + w : n,
						hi = n - mid > w ? mid + w : n,
						l = lo,
						r = mid,
						o = lo;

			while (l < mid && r < hi)
			{
				if (src[r] < src[l])
				{
					inv += mid - l;
					dst[o++] = src[r++];
				}
				else
					dst[o++] = src[l++];
				MK_STEP(st);
			}
			while (l < mid)
				dst[o++] = src[l++];
			while (r < hi)
				dst[o++] = src[r++];
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	if (src != a)
		memcpy(a, src, sizeof(double) * n);
	*steps = st;
	return inv;
}

/*
 * The sign of the exact sum of x[0..m) (m <= 8), by Shewchuk's (1997)
 * growing of a nonoverlapping expansion with error-free additions: the sign
 * of the sum is that of its largest nonzero component. Needs round to
 * nearest and no overflow.
 */
static int
sum_sign(const double *x, int m)
{
	double		e[8];
	int			len = 0,
				i,
				j;

	for (i = 0; i < m; i++)
	{
		double		q = x[i];

		for (j = 0; j < len; j++)
		{
			double		s = q + e[j],
						bv = s - q,
						av = s - bv;

			e[j] = (q - av) + (e[j] - bv);
			q = s;
		}
		e[len++] = q;
	}
	for (j = len - 1; j >= 0; j--)
		if (e[j] != 0)
			return e[j] > 0 ? 1 : -1;
	return 0;
}

typedef struct mk_rec
{
	double		key;			/* y - s t, rounded */
	size_t		idx;			/* the point, 0 .. n-1 in time order */
} mk_rec;

/*
 * Two cuts around a rank: the band is the pairs with slope between lo and
 * hi, each end in or out of it. c_lo counts the pairs below the band (slope
 * <= lo, or < lo when lo is in the band), c_hi those below or in it (slope
 * <= hi, or < hi when hi is out of it).
 */
typedef struct mk_bracket
{
	double		lo,
				hi;				/* -inf and +inf at the start */
	int			lo_in,
				hi_in;			/* whether the band holds slopes equal to lo, to hi */
	uint64_t	c_lo,
				c_hi;
	size_t	   *perm_lo,
			   *perm_hi;		/* the points in their order at lo, at hi */
	int			hit;			/* the rank's slope is exactly lo = hi */
} mk_bracket;

typedef struct mk_ctx
{
	const double *t,
			   *y;				/* the series, times increasing */
	double	   *ts,
			   *ys;				/* the same times 2^-et and values 2^-ey: at most 1 */
	int			shift;			/* a slope in units of t and y is ldexp(scaled, shift) */
	size_t		n;
	/* groups (seasons): points seg[g] .. seg[g + 1] - 1, each in time order; pairs lie within a group */
	const size_t *seg;
	size_t		nseg;
	const uint64_t *cum_pairs;	/* the pairs of the groups before group g, g = 0 .. nseg */
	uint64_t	pairs;
	size_t		steps;			/* work done, for the cancel checks */
	uint64_t	rng;
	mk_rec	   *rec,			/* n */
			   *rtmp;			/* n, or room for msample doubles if more */
	unsigned char *tie;			/* tie[i]: rec[i] has exactly the key of rec[i - 1] */
	size_t	   *q,
			   *qtmp,
			   *pos;			/* n each */
	double	   *sample;			/* msample */
	size_t		msample;
	double	   *band;			/* cap slopes, listed; ranks are selected in place */
	size_t		cap;
	/* the band listed last: (blo, bhi], its first pair the bc_lo-th, bn pairs */
	int			band_loaded;
	double		blo,
				bhi;
	int			blo_in,
				bhi_in;
	uint64_t	bc_lo;
	size_t		bn;
	int			sel_valid;		/* band[sel] was selected last: the rest is partitioned at it */
	size_t		sel;
	/* the last band too large to list: its ranks [wc_lo, wc_hi) have slope wide_value */
	uint64_t	wc_lo,
				wc_hi;
	double		wide_value;
} mk_ctx;

/* splitmix64: a fixed seed, so a result never depends on chance (only the time it takes) */
static uint64_t
mk_random(mk_ctx *c)
{
	uint64_t	z = (c->rng += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
mk_uniform(mk_ctx *c)
{
	return (double) (mk_random(c) >> 11) * (1.0 / 9007199254740992.0);
}

/*
 * A pair drawn uniformly from all the pairs (within a group): the group by
 * its share of the pairs (one group: no draw, so a single series draws as
 * it always has), then two distinct points of it.
 */
static void
mk_draw_pair(mk_ctx *c, size_t *p, size_t *q)
{
	size_t		g = 0,
				off,
				len,
				a,
				b;

	if (c->nseg > 1)
	{
		uint64_t	r = mk_random(c) % c->pairs;
		size_t		lo = 0,
					hi = c->nseg;

		/* the group g with cum_pairs[g] <= r < cum_pairs[g + 1] */
		while (hi - lo > 1)
		{
			size_t		mid = lo + (hi - lo) / 2;

			if (c->cum_pairs[mid] <= r)
				lo = mid;
			else
				hi = mid;
		}
		g = lo;
	}
	off = c->seg[g];
	len = c->seg[g + 1] - off;
	a = (size_t) (mk_random(c) % len);
	b = (size_t) (mk_random(c) % (len - 1));
	*p = off + a;
	*q = off + (b >= a ? b + 1 : b);
}

/*
 * The sign of key(a) - key(b), key(i) = ys_i - s ts_i, exactly: s ts_i is
 * p_i + q_i exactly (fma), so the difference is a sum of six doubles.
 */
static int
key_sign_exact(const mk_ctx *c, double s, size_t a, size_t b)
{
	double		ta = c->ts[a],
				tb = c->ts[b],
				pa = s * ta,
				pb = s * tb,
				x[6];

	x[0] = pb;
	x[1] = -pa;
	x[2] = c->ys[a];
	x[3] = -c->ys[b];
	x[4] = fma(s, tb, -pb);
	x[5] = -fma(s, ta, -pa);
	return sum_sign(x, 6);
}

/*
 * key(x) <= key(y), exactly: the rounded keys decide when they differ by
 * more than margin (which bounds the sum of their errors), else
 * key_sign_exact does.
 */
static inline int
key_le(const mk_ctx *c, double s, double margin, const mk_rec *x, const mk_rec *y)
{
	double		d = x->key - y->key;

	if (d < -margin)
		return 1;
	if (d > margin)
		return 0;
	return key_sign_exact(c, s, x->idx, y->idx) <= 0;
}

/*
 * The points ordered by key y - s t, ties by decreasing time (c->rec), and
 * the number of pairs with slope <= s: a pair i < j has (y_j - y_i) /
 * (t_j - t_i) <= s exactly when key(j) <= key(i), that is when the order
 * puts j first, so these pairs are the inversions of the order, counted
 * while merging. Starting from time order, every element of a left run is
 * earlier in time than every element of the right run it meets. *equal
 * receives the pairs with slope exactly s (equal keys, marked in c->tie).
 */
static uint64_t
order_at(mk_ctx *c, double s, uint64_t *equal)
{
	size_t		st = c->steps;
	mk_rec	   *src,
			   *dst,
			   *swap;
	uint64_t	inv = 0;
	size_t		n = c->n,
				i,
				w,
				lo,
				g;
	double		mmax = 0.0,
				margin;

	for (i = 0; i < n; i++)
	{
		double		p = s * c->ts[i],
					k = c->ys[i] - p,
					m = fabs(k) + fabs(p);

		/*
		 * |k - key| <= 2^-53 |ys - p| (1 + 2^-52) + |s ts - p| <= 2^-53 (1 +
		 * 2^-52) m
		 */
		c->rec[i].key = k;
		c->rec[i].idx = i;
		if (m > mmax)
			mmax = m;
		MK_STEP(st);
	}
	/* twice that error, and the rounding of a difference: below 2.3e-16 mmax */
	margin = mmax * 4e-16;

	/* each group by itself: pairs across groups are not counted */
	for (g = 0; g < c->nseg; g++)
	{
		size_t		off = c->seg[g],
					len = c->seg[g + 1] - off;

		src = c->rec + off;
		dst = c->rtmp + off;

		/* runs of MK_RUN by insertion: each step back past an element is one pair */
		for (lo = 0; lo < len; lo += MK_RUN)
		{
			size_t		hi = len - lo > MK_RUN ? lo + MK_RUN : len,
						a;

			for (a = lo + 1; a < hi; a++)
			{
				mk_rec		x = src[a];
				size_t		b = a;

				while (b > lo && key_le(c, s, margin, &x, &src[b - 1]))
				{
					src[b] = src[b - 1];
					b--;
					inv++;
				}
				src[b] = x;
				MK_STEP(st);
			}
		}
		for (w = MK_RUN; w < len; w *= 2)
		{
			OBA_CHECK_INTERRUPTS();
			for (lo = 0; lo < len; lo += 2 * w)
			{
				size_t		mid = len - lo > w ? lo + w : len,
							hi = len - mid > w ? mid + w : len,
							l = lo,
							r = mid,
							o = lo;

				while (l < mid && r < hi)
				{
					if (key_le(c, s, margin, &src[r], &src[l]))
					{
						inv += mid - l;
						dst[o++] = src[r++];
					}
					else
						dst[o++] = src[l++];
					MK_STEP(st);
				}
				while (l < mid)
					dst[o++] = src[l++];
				while (r < hi)
					dst[o++] = src[r++];
			}
			swap = src;
			src = dst;
			dst = swap;
		}
		if (src != c->rec + off)
			memcpy(c->rec + off, src, sizeof(mk_rec) * len);
	}

	/* runs of equal keys within a group: the pairs with slope exactly s */
	*equal = 0;
	c->tie[0] = 0;
	for (i = 1, lo = 0, g = 0; i < n; i++)
	{
		const mk_rec *x = &c->rec[i - 1],
				   *y = &c->rec[i];

		while (i >= c->seg[g + 1])
			g++;
		if (i == c->seg[g])
		{
			c->tie[i] = 0;		/* a group starts: no pair with the one before */
			lo = i;
			continue;
		}
		c->tie[i] = fabs(y->key - x->key) <= margin &&
			key_sign_exact(c, s, x->idx, y->idx) == 0;
		if (c->tie[i])
			*equal += i - lo;	/* pairs with the earlier members of its run */
		else
			lo = i;
		MK_STEP(st);
	}
	c->steps = st;
	return inv;
}

/* The slope of points a and b: scaled, or as the definition computes it. */
static double
pair_slope(const mk_ctx *c, size_t a, size_t b, int original)
{
	size_t		i = a < b ? a : b,
				j = a < b ? b : a;

	if (original)
		return (c->y[j] - c->y[i]) / (c->t[j] - c->t[i]);
	return (c->ys[j] - c->ys[i]) / (c->ts[j] - c->ts[i]);
}

/*
 * The pairs with slope in (lo, hi], which the order at lo and the order at
 * hi put the other way round: with q[p] the position at hi of the point at
 * position p at lo, the inversions of q. Merge sorting q meets each once,
 * in runs (the left elements one right element passes), and numbers them in
 * that order. With m > 0, m of them are drawn, one from each of m equal
 * strata of the numbers 0 .. expect-1; with m = 0 all are taken. The slopes
 * of those taken (scaled, or original) go to out, at most outcap of them
 * (*nout). Returns the number of inversions.
 */
static uint64_t
band_pairs(mk_ctx *c, const mk_bracket *b, uint64_t expect, size_t m, int original,
		   double *out, size_t outcap, size_t *nout)
{
	size_t		st = c->steps;
	size_t		n = c->n,
			   *src,
			   *dst,
			   *swap,
				p,
				w,
				lo,
				g,
				no = 0,
				drawn = 0;
	uint64_t	seen = 0,
				next = 0;
	double		stratum = m > 0 ? (double) expect / (double) m : 0.0;

	for (p = 0; p < n; p++)
	{
		c->pos[b->perm_hi[p]] = p;
		MK_STEP(st);
	}
	for (p = 0; p < n; p++)
	{
		c->q[p] = c->pos[b->perm_lo[p]];
		MK_STEP(st);
	}
	if (m > 0)
		next = (uint64_t) (stratum * mk_uniform(c));
	/* each group by itself (its points keep their positions), numbering on */
	for (g = 0; g < c->nseg; g++)
	{
		size_t		off = c->seg[g],
					len = c->seg[g + 1] - off;

		src = c->q + off;
		dst = c->qtmp + off;
		for (w = 1; w < len; w *= 2)
		{
			OBA_CHECK_INTERRUPTS();
			for (lo = 0; lo < len; lo += 2 * w)
			{
				size_t		mid = len - lo > w ? lo + w : len,
							hi = len - mid > w ? mid + w : len,
							l = lo,
							r = mid,
							o = lo;

				while (l < mid && r < hi)
				{
					if (src[r] < src[l])
					{
						uint64_t	run = mid - l;
						size_t		right = b->perm_hi[src[r]];

						if (m == 0)
						{
							size_t		e;

							for (e = l; e < mid && no < outcap; e++)
							{
								out[no++] = pair_slope(c, b->perm_hi[src[e]], right, original);
								MK_STEP(st);
							}
						}
						else
							while (drawn < m && next < seen + run)
							{
								if (no < outcap)
									out[no++] = pair_slope(c, b->perm_hi[src[l + (next - seen)]],
														   right, original);
								drawn++;
								if (drawn < m)
								{
									uint64_t	r2 = (uint64_t) (stratum * ((double) drawn + mk_uniform(c)));

									/* rounding must not step back or past the end */
									next = r2 > next ? r2 : next;
									if (next >= expect)
										next = expect - 1;
								}
							}
						seen += run;
						dst[o++] = src[r++];
					}
					else
						dst[o++] = src[l++];
					MK_STEP(st);
				}
				while (l < mid)
					dst[o++] = src[l++];
				while (r < hi)
					dst[o++] = src[r++];
			}
			swap = src;
			src = dst;
			dst = swap;
		}
	}
	*nout = no;
	c->steps = st;
	return seen;
}

static void
bracket_init(mk_ctx *c, mk_bracket *b)
{
	size_t		st = c->steps;
	size_t		i,
				g;

	b->lo = -INFINITY;
	b->hi = INFINITY;
	b->lo_in = b->hi_in = 0;
	b->hit = 0;
	b->c_lo = 0;
	b->c_hi = c->pairs;
	/* as s goes to -inf the order is time order (no pair below); to +inf, its reverse */
	for (g = 0; g < c->nseg; g++)
		for (i = c->seg[g]; i < c->seg[g + 1]; i++)
		{
			b->perm_lo[i] = i;
			b->perm_hi[i] = c->seg[g] + c->seg[g + 1] - 1 - i;
			MK_STEP(st);
		}
	c->steps = st;
}

/*
 * The order at the last cut into perm: ties by decreasing time, which
 * counts the pairs with slope equal to the cut below it; or, ties_above,
 * by increasing time (each run of equal keys reversed), which does not.
 */
static void
cut_order(mk_ctx *c, size_t *perm, int ties_above)
{
	size_t		st = c->steps,
				i,
				run;

	for (i = 0; i < c->n; i++)
	{
		perm[i] = c->rec[i].idx;
		MK_STEP(st);
	}
	if (!ties_above)
	{
		c->steps = st;
		return;
	}
	for (run = 0; run < c->n; run = i)
	{
		size_t		lo,
					hi;

		for (i = run + 1; i < c->n && c->tie[i]; i++)
			MK_STEP(st);
		for (lo = run, hi = i - 1; lo < hi; lo++, hi--)
		{
			size_t		x = perm[lo];

			perm[lo] = perm[hi];
			perm[hi] = x;
		}
		MK_STEP(st);
	}
	c->steps = st;
}

/*
 * Cut at s, inside the band: s becomes the end of the band on the far side
 * from rank k. When rank k is among the slopes equal to s, the band becomes
 * those slopes alone, and the result is 1.
 */
static int
bracket_cut(mk_ctx *c, mk_bracket *b, double s, uint64_t k)
{
	uint64_t	equal,
				le = order_at(c, s, &equal),
				lt = le - equal;

	if (le <= k)
	{
		b->lo = s;
		b->lo_in = 0;
		b->c_lo = le;
		cut_order(c, b->perm_lo, 0);
		return 0;
	}
	if (lt > k)
	{
		b->hi = s;
		b->hi_in = 0;
		b->c_hi = lt;
		cut_order(c, b->perm_hi, 1);
		return 0;
	}
	b->lo = b->hi = s;
	b->lo_in = b->hi_in = 1;
	b->c_lo = lt;
	b->c_hi = le;
	cut_order(c, b->perm_lo, 1);
	cut_order(c, b->perm_hi, 0);
	b->hit = 1;
	return 1;
}

/*
 * A cut for the band from a sample slope: strictly inside it. A sample
 * slope can equal an end only by rounding (the band's slopes lie strictly
 * between its ends unless it is a hit); then the next double inward is
 * tried. 0 when there is none, or outside the magnitudes allowed.
 */
static int
cut_inside(const mk_bracket *b, double x, double *s)
{
	if (x == b->lo)
		x = nextafter(x, INFINITY);
	else if (x == b->hi)
		x = nextafter(x, -INFINITY);
	if (!(x > b->lo && x < b->hi))
		return 0;
	if (fabs(x) > MK_SLOPE_MAX || (x != 0 && fabs(x) < MK_SLOPE_MIN))
		return 0;
	*s = x;
	return 1;
}

/*
 * Narrow the band around rank k until it holds at most cap pairs, or a hit,
 * or until no cut is left inside it. Each round draws msample pairs of the
 * band and cuts at the sample slopes two standard deviations of a sample
 * rank (at most sqrt(m) / 2) either side of where rank k should fall: with
 * n drawn, the band shrinks by a factor of about sqrt(n) / 2 a round. A
 * band a few units in the last place wide that a round could not halve
 * holds slopes that differ only by rounding: narrowing stops there.
 */
static void
bracket_narrow(mk_ctx *c, mk_bracket *b, uint64_t k)
{
	int			round;

	for (round = 0; round < 200 && !b->hit && b->c_hi - b->c_lo > c->cap; round++)
	{
		uint64_t	band = b->c_hi - b->c_lo;
		size_t		m = band < c->msample ? (size_t) band : c->msample,
					got = 0,
					i;
		int			cuts = 0;
		double		at,
					spread,
					x[2],
					s;

		if (isinf(b->lo) && isinf(b->hi))
		{
			/* every pair is in the band: draw pairs directly */
			for (i = 0; i < m; i++)
			{
				size_t		p,
							q;

				mk_draw_pair(c, &p, &q);
				c->sample[got++] = pair_slope(c, p, q, 0);
				MK_STEP(c->steps);
			}
		}
		else
			band_pairs(c, b, band, m, 0, c->sample, m, &got);
		if (got == 0)
			break;				/* counts that disagree: never with exact keys */
		sort_count_doubles(c->sample, (double *) c->rtmp, got, &c->steps);
		at = ((double) (k - b->c_lo) + 0.5) * (double) got / (double) band;
		spread = sqrt((double) got) + 1.0;
		x[0] = at - spread >= 0 ? c->sample[(size_t) (at - spread)] : NAN;
		x[1] = ceil(at + spread) < (double) got ? c->sample[(size_t) ceil(at + spread)] : NAN;
		for (i = 0; i < 2 && !b->hit; i++)
			if (cut_inside(b, x[i], &s))
			{
				bracket_cut(c, b, s, k);
				cuts++;
			}
		if (cuts == 0)
		{
			/* both sample cuts beyond the ends: the sample's median of the band */
			if (!cut_inside(b, c->sample[got / 2], &s))
				break;
			bracket_cut(c, b, s, k);
		}
		if (b->c_hi - b->c_lo > band / 2 && !isinf(b->lo) && !isinf(b->hi) &&
			b->hi - b->lo <= fmax(fabs(b->lo), fabs(b->hi)) * 0x1p-48)
			break;
	}
}

/* List the band's pairs (at most cap) as the definition computes them. */
static int
band_load(mk_ctx *c, const mk_bracket *b)
{
	uint64_t	want = b->c_hi - b->c_lo,
				got;
	size_t		listed;

	c->band_loaded = 0;
	if (want > c->cap)
		return 0;
	got = band_pairs(c, b, want, 0, 1, c->band, c->cap, &listed);
	if (got != want || listed != want)
		return 0;				/* counts that disagree: never with exact keys */
	c->band_loaded = 1;
	c->sel_valid = 0;
	c->blo = b->lo;
	c->bhi = b->hi;
	c->blo_in = b->lo_in;
	c->bhi_in = b->hi_in;
	c->bc_lo = b->c_lo;
	c->bn = listed;
	return 1;
}

/*
 * Rank k from the listed band (selected in place, so band[k - bc_lo] holds
 * it afterwards), when it holds that rank and no slope outside
 * the band can be rounded past the value there. A pair below the band has
 * slope <= lo, so a computed slope below lo + 8e-16 |lo|; one above, above
 * hi - 8e-16 |hi|. At an end of 0 signs decide: a slope below 0 is computed
 * below 0, 0 as 0 (barring underflow).
 */
static int
band_take(mk_ctx *c, uint64_t k, double *v)
{
	double		e;
	size_t		r;

	if (!c->band_loaded || k < c->bc_lo || k - c->bc_lo >= c->bn)
		return 0;
	r = (size_t) (k - c->bc_lo);
	if (c->sel_valid && r == c->sel + 1)
	{
		/* the rank after the last one selected: the least of those after it */
		size_t		at = r,
					i;

		for (i = r + 1; i < c->bn; i++)
		{
			if (c->band[i] < c->band[at])
				at = i;
			OBA_CHECK_INTERRUPTS_EVERY(i);
		}
		e = c->band[at];
		c->band[at] = c->band[r];
		c->band[r] = e;
	}
	else
		e = oba_select(c->band, c->bn, r);
	c->sel_valid = 1;
	c->sel = r;
	if (c->blo == 0)
	{
		if (!(c->blo_in ? e >= 0 : e > 0))
			return 0;
	}
	else if (!isinf(c->blo))
	{
		double		lo = ldexp(c->blo, c->shift);

		if (!(e > lo + fabs(lo) * MK_SLOPE_REL_ERR))
			return 0;
	}
	if (c->bhi == 0)
	{
		if (!(c->bhi_in ? e <= 0 : e < 0))
			return 0;
	}
	else if (!isinf(c->bhi))
	{
		double		hi = ldexp(c->bhi, c->shift);

		if (!(e < hi - fabs(hi) * MK_SLOPE_REL_ERR))
			return 0;
	}
	*v = e;
	return 1;
}

/*
 * The k-th smallest (0-based) of the pairwise slopes (y_j - y_i) / (t_j - t_i).
 */
static double
mk_kth_slope(mk_ctx *c, mk_bracket *b, uint64_t k)
{
	double		v,
				hit;
	size_t		got;

	if (band_take(c, k, &v))
		return v;
	if (k >= c->wc_lo && k < c->wc_hi)
		return c->wide_value;
	bracket_init(c, b);
	bracket_narrow(c, b, k);
	hit = b->hit ? b->lo : NAN;
	if (band_load(c, b))
	{
		double		lo = b->lo,
					hi = b->hi,
					near;

		if (band_take(c, k, &v))
			return v;

		/*
		 * Rank k sits within rounding of an end of the band: move the ends
		 * out by 2^-47 of themselves, past any rounding of the slopes there,
		 * and list again. Failing that (too many pairs there), the value
		 * found is within a few units in the last place.
		 */
		near = c->band[k - c->bc_lo];
		if (!isinf(lo) && lo != 0)
			bracket_cut(c, b, lo - fabs(lo) * 0x1p-47, k);
		if (!isinf(hi) && hi != 0)
			bracket_cut(c, b, hi + fabs(hi) * 0x1p-47, k);
		if ((b->lo != lo || b->hi != hi) && band_load(c, b) && band_take(c, k, &v))
			return v;
		return near;
	}

	/*
	 * More than cap pairs share the rank's slope exactly (a hit: their
	 * computed slopes are that slope, or within a few units in the last
	 * place when the differences round), or have slopes between two
	 * neighbouring doubles, or beyond the magnitudes cut at: any of them is
	 * the answer to within a few units in the last place.
	 */
	if (!isnan(hit))
		v = ldexp(hit, c->shift);
	else if (!(band_pairs(c, b, b->c_hi - b->c_lo, 1, 1, &v, 1, &got) > 0 && got == 1))
		v = ldexp(isinf(b->hi) ? b->lo : b->hi, c->shift);
	c->wc_lo = b->c_lo;
	c->wc_hi = b->c_hi;
	c->wide_value = v;
	return v;
}

static void *
xalloc_array(const oba_allocator *a, size_t count, size_t size, int *failed)
{
	void	   *p;

	if (count > SIZE_MAX / size)
	{
		*failed = 1;
		return NULL;
	}
	p = xalloc(a, count * size);
	if (p == NULL)
		*failed = 1;
	return p;
}

/*
 * Set up the selection of pairwise slopes of the points (t, y), n of them in
 * nseg groups (seg: nseg + 1 offsets; each group in time order), pairs only
 * within a group; cum_pairs (nseg + 1) counts them. -1 when out of memory
 * (mk_close frees what was taken).
 */
static int
mk_open(mk_ctx *c, mk_bracket *b, const double *t, const double *y, size_t n,
		const size_t *seg, size_t nseg, const uint64_t *cum_pairs, const oba_allocator *a)
{
	double		tmax = 0.0,
				ymax = 0.0;
	int			et,
				ey,
				failed = 0;
	size_t		i,
				j,
				g,
				scratch;

	memset(c, 0, sizeof(*c));
	memset(b, 0, sizeof(*b));
	c->t = t;
	c->y = y;
	c->n = n;
	c->seg = seg;
	c->nseg = nseg;
	c->cum_pairs = cum_pairs;
	c->pairs = cum_pairs[nseg];
	c->rng = UINT64_C(0x6F62612D73656E21);
	c->msample = n > MK_MIN_SAMPLE ? n : MK_MIN_SAMPLE;
	c->cap = 2 * n > MK_MIN_CAP ? 2 * n : MK_MIN_CAP;
	if ((uint64_t) c->cap > c->pairs)
		c->cap = (size_t) c->pairs;
	if ((uint64_t) c->msample > c->pairs)
		c->msample = (size_t) c->pairs;

	c->band = xalloc_array(a, c->cap, sizeof(double), &failed);
	if (!failed && c->pairs <= c->cap)
	{
		/* few enough pairs to list them all, as the definition does */
		double	   *d = c->band;
		size_t		listed = 0;

		for (g = 0; g < nseg; g++)
			for (i = seg[g]; i + 1 < seg[g + 1]; i++)
				for (j = i + 1; j < seg[g + 1]; j++)
				{
					d[listed++] = (y[j] - y[i]) / (t[j] - t[i]);
					OBA_CHECK_INTERRUPTS_EVERY(listed);
				}
		c->bn = listed;
		c->band_loaded = 1;
		c->blo = -INFINITY;
		c->bhi = INFINITY;
	}
	else if (!failed)
	{
		/* rtmp: merge sorts of the points, and scratch for sorting the sample */
		scratch = (c->msample * sizeof(double) + sizeof(mk_rec) - 1) / sizeof(mk_rec);
		c->rtmp = xalloc_array(a, scratch > n ? scratch : n, sizeof(mk_rec), &failed);
		c->ts = xalloc_array(a, n, sizeof(double), &failed);
		c->ys = xalloc_array(a, n, sizeof(double), &failed);
		c->rec = xalloc_array(a, n, sizeof(mk_rec), &failed);
		c->tie = xalloc_array(a, n, 1, &failed);
		c->q = xalloc_array(a, n, sizeof(size_t), &failed);
		c->qtmp = xalloc_array(a, n, sizeof(size_t), &failed);
		c->pos = xalloc_array(a, n, sizeof(size_t), &failed);
		b->perm_lo = xalloc_array(a, n, sizeof(size_t), &failed);
		b->perm_hi = xalloc_array(a, n, sizeof(size_t), &failed);
		c->sample = xalloc_array(a, c->msample, sizeof(double), &failed);
		if (!failed)
		{
			/* powers of two: exact, and the same order of slopes */
			for (i = 0; i < n; i++)
			{
				tmax = fmax(tmax, fabs(t[i]));
				ymax = fmax(ymax, fabs(y[i]));
				OBA_CHECK_INTERRUPTS_EVERY(i);
			}
			(void) frexp(tmax, &et);
			(void) frexp(ymax, &ey);
			c->shift = ey - et;
			for (i = 0; i < n; i++)
			{
				c->ts[i] = ldexp(t[i], -et);
				c->ys[i] = ldexp(y[i], -ey);
				OBA_CHECK_INTERRUPTS_EVERY(i);
			}
		}
	}
	return failed ? -1 : 0;
}

static void
mk_close(mk_ctx *c, mk_bracket *b, const oba_allocator *a)
{
	xfree(a, c->ts);
	xfree(a, c->ys);
	xfree(a, c->rec);
	xfree(a, c->tie);
	xfree(a, c->rtmp);
	xfree(a, c->q);
	xfree(a, c->qtmp);
	xfree(a, c->pos);
	xfree(a, b->perm_lo);
	xfree(a, b->perm_hi);
	xfree(a, c->sample);
	xfree(a, c->band);
}

/* The median of the slopes: the mean of the two middle ones for an even number. */
static double
mk_median_slope(mk_ctx *c, mk_bracket *b)
{
	/* with every pair listed, each rank is taken from the list (band_take) */
	uint64_t	half = c->pairs / 2;

	if (c->pairs % 2 == 1)
		return mk_kth_slope(c, b, half);
	else
	{
		double		lo = mk_kth_slope(c, b, half - 1),
					hi = mk_kth_slope(c, b, half);

		return (lo + hi) / 2.0;
	}
}

/*
 * Sen's slope (the median pairwise slope, the mean of the two middle ones
 * for an even number of pairs) and the slopes at Gilbert's ranks into out,
 * which has var_s. -1 when out of memory.
 */
static int
sen_slopes(const double *t, const double *y, size_t n, const oba_allocator *a,
		   oba_mk_result *out)
{
	mk_ctx		c;
	mk_bracket	b;
	size_t		seg[2] = {0, n};
	uint64_t	cum[2] = {0, (uint64_t) n * (n - 1) / 2};
	int			rc = mk_open(&c, &b, t, y, n, seg, 1, cum, a);

	if (rc == 0)
	{
		out->sen_slope = mk_median_slope(&c, &b);
		out->sen_pairs = (double) c.pairs;
		oba_sen_ranks(out->sen_pairs, out->var_s, &out->sen_c, &out->sen_rank_lower,
					  &out->sen_rank_upper);
		if (out->sen_rank_lower >= 1 && out->sen_rank_upper <= out->sen_pairs)
		{
			out->sen_lower = mk_kth_slope(&c, &b, (uint64_t) out->sen_rank_lower - 1);
			out->sen_upper = mk_kth_slope(&c, &b, (uint64_t) out->sen_rank_upper - 1);
		}
	}
	mk_close(&c, &b, a);
	return rc;
}

/* oba_mk_sums, with 18 Var(S) (a whole number) in *var18 */
static void
mk_sums(const double *y, size_t n, double *scratch, double *s_out, double *var18,
		double *tau_out, double *tied_pairs)
{
	uint64_t	discordant,
				tied = 0;
	double		ties = 0.0,
				n1 = 0.0,
				n0 = (double) n * (n - 1) / 2.0,
				dn = (double) n;
	size_t		i,
				j,
				steps = 0;

	/* discordant pairs (i < j, y_i > y_j) while sorting a copy of y */
	memcpy(scratch, y, sizeof(double) * n);
	discordant = sort_count_doubles(scratch, scratch + n, n, &steps);

	/* tie groups in y: sizes t_g */
	for (i = 0; i < n; i = j)
	{
		double		tg;

		for (j = i + 1; j < n && scratch[j] == scratch[i]; j++)
			OBA_CHECK_INTERRUPTS_EVERY(j);
		tg = (double) (j - i);
		if (tg > 1)
		{
			ties += tg * (tg - 1) * (2 * tg + 5);
			n1 += tg * (tg - 1) / 2.0;
			tied += (uint64_t) (j - i) * (j - i - 1) / 2;
		}
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	/* integer arithmetic: S is exact at any n; concordant = N - tied - discordant */
	*s_out = (double) ((int64_t) ((uint64_t) n * (n - 1) / 2 - tied) - 2 * (int64_t) discordant);
	*var18 = dn * (dn - 1) * (2 * dn + 5) - ties;
	/* tau-b; every value equal leaves nothing to correlate: defined as 0 */
	*tau_out = (n0 - n1) > 0 ? *s_out / sqrt((n0 - n1) * n0) : 0.0;
	*tied_pairs = n1;
}

void
oba_mk_sums(const double *y, size_t n, double *scratch, double *s_out, double *var_out,
			double *tau_out, double *tied_pairs)
{
	double		var18;

	mk_sums(y, n, scratch, s_out, &var18, tau_out, tied_pairs);
	*var_out = var18 / 18.0;
}

void
oba_sen_ranks(double pairs, double var_s, double *c, double *lo, double *up)
{
	*c = oba_qnorm(0.975) * sqrt(var_s);
	*lo = oba_round_half_even((pairs - *c) / 2.0);
	*up = oba_round_half_even((pairs + *c) / 2.0 + 1.0);
}

/*
 * c(k, n), the number of permutations of n with k inversions (R's ckendall):
 * c(k, m) = sum_{i=0}^{min(k, m-1)} c(k - i, m - 1), c(0, 1) = 1, computed
 * for k <= q only with the equivalent recurrence
 * c(k, m) = c(k - 1, m) + c(k, m - 1) - c(k - m, m - 1), every term of the
 * lower tail; then P(T <= q) = sum_{k<=q} c(k, n)/n!. O(n q), not O(n^4).
 */
double
oba_kendall_cdf(double q, int n, const oba_allocator *a)
{
	int			u = n * (n - 1) / 2,
				m,
				k,
				kmax;
	double	   *cur,
			   *nxt,
				sum = 0.0,
				fact = 1.0;

	q = floor(q + 1e-7);
	if (q < 0)
		return 0.0;
	if (q >= u)
		return 1.0;
	kmax = (int) q;
	cur = xalloc(a, sizeof(double) * (kmax + 1));
	nxt = xalloc(a, sizeof(double) * (kmax + 1));
	if (cur == NULL || nxt == NULL)
	{
		xfree(a, cur);
		xfree(a, nxt);
		return NAN;
	}
	for (k = 0; k <= kmax; k++)
		cur[k] = k == 0 ? 1.0 : 0.0;
	for (m = 2; m <= n; m++)
	{
		double	   *tmp;

		for (k = 0; k <= kmax; k++)
		{
			double		c = cur[k];

			if (k > 0)
				c += nxt[k - 1];
			if (k >= m)
				c -= cur[k - m];
			nxt[k] = c;
		}
		tmp = cur;
		cur = nxt;
		nxt = tmp;
	}
	for (k = 0; k <= kmax; k++)
		sum += cur[k];
	for (m = 2; m <= n; m++)
		fact *= m;
	xfree(a, cur);
	xfree(a, nxt);
	return sum / fact;
}

int
oba_mann_kendall(const double *t, const double *y, size_t n, const oba_allocator *a,
				 oba_mk_result *out, oba_error *err)
{
	double		pairs,
			   *scratch,
				tied;
	size_t		i;

	out->n = (double) n;
	out->s = out->var_s = out->z = out->p = out->tau = NAN;
	out->z_nocc = out->p_nocc = out->p_exact = NAN;
	out->sen_slope = out->sen_intercept = out->sen_pairs = out->sen_c = NAN;
	out->sen_rank_lower = out->sen_rank_upper = out->sen_lower = out->sen_upper = NAN;
	if (n < 3)
		return 0;				/* mk.test needs 3 values */

	pairs = (double) n * (n - 1) / 2.0;
	scratch = n <= SIZE_MAX / (2 * sizeof(double)) ? xalloc(a, sizeof(double) * 2 * n) : NULL;
	if (scratch == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu values", n);

	oba_mk_sums(y, n, scratch, &out->s, &out->var_s, &out->tau, &tied);
	if (out->var_s > 0)
	{
		double		sd = sqrt(out->var_s);

		out->z = out->s > 0 ? (out->s - 1) / sd : out->s < 0 ? (out->s + 1) / sd : 0.0;
		out->z_nocc = out->s / sd;
		out->p = 2.0 * oba_pnorm(-fabs(out->z));
		out->p_nocc = 2.0 * oba_pnorm(-fabs(out->z_nocc));
	}
	else
	{
		/* every value equal: no variation (METHODS.md section 10) */
		out->z = out->z_nocc = 0.0;
		out->p = out->p_nocc = 1.0;
	}

	/* exact p: no ties in y and n < 50 (R cor.test) */
	if (n < 50 && tied == 0)
	{
		/* q = round((tau + 1) n (n - 1)/4): the concordant pairs, an integer */
		double		q = (out->s + pairs) / 2.0,
					p;

		if (q > pairs / 2.0)
			/* the upper tail by symmetry, rather than R's 1 - P(T <= q - 1) */
			p = oba_kendall_cdf(pairs - q, (int) n, a);
		else
			p = oba_kendall_cdf(q, (int) n, a);
		out->p_exact = fmin(1.0, 2.0 * p);
	}

	/* Sen: order statistics of the pairwise slopes on the actual times */
	if (sen_slopes(t, y, n, a, out) != 0)
	{
		xfree(a, scratch);
		return oba_fail(err, OBA_ENOMEM, "out of memory for Sen's slope of %zu values", n);
	}

	/*
	 * The intercept is the median of y - slope t, as R's zyp (zyp.sen)
	 * computes it, so that the median residual is 0. (Conover's (1980)
	 * estimator, median(y) - slope median(t), can differ.)
	 */
	for (i = 0; i < n; i++)
	{
		scratch[i] = y[i] - out->sen_slope * t[i];
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	if (n % 2 == 1)
		out->sen_intercept = oba_select(scratch, n, n / 2);
	else
	{
		/* the next order statistic is the least of those after the first */
		double		lo = oba_select(scratch, n, n / 2 - 1),
					hi = scratch[n / 2];

		for (i = n / 2 + 1; i < n; i++)
		{
			if (scratch[i] < hi)
				hi = scratch[i];
			OBA_CHECK_INTERRUPTS_EVERY(i);
		}
		out->sen_intercept = (lo + hi) / 2.0;
	}

	xfree(a, scratch);
	return 0;
}

/* ---- Mann-Kendall for autocorrelated and seasonal series ------------------- */

/*
 * The ranks of x (1-based; tied values share the mean of their ranks, as R's
 * rank and scipy's rankdata): a stable merge sort of the indices by value,
 * O(n log n). -1 when out of memory.
 */
static int
rank_average(const double *x, size_t n, double *rank, const oba_allocator *a)
{
	size_t	   *idx = n <= SIZE_MAX / (2 * sizeof(size_t)) ?
		xalloc(a, sizeof(size_t) * 2 * n) : NULL,
			   *src,
			   *dst,
			   *swap,
				i,
				j,
				w,
				lo,
				steps = 0;

	if (idx == NULL)
		return -1;
	src = idx;
	dst = idx + n;
	for (i = 0; i < n; i++)
		src[i] = i;
	for (w = 1; w < n; w *= 2)
	{
		OBA_CHECK_INTERRUPTS();
		for (lo = 0; lo < n; lo += 2 * w)
		{
			size_t		mid = n - lo > w ? lo + w : n,
						hi = n - mid > w ? mid + w : n,
						l = lo,
						r = mid,
						o = lo;

			while (l < mid && r < hi)
			{
				dst[o++] = x[src[r]] < x[src[l]] ? src[r++] : src[l++];
				MK_STEP(steps);
			}
			while (l < mid)
				dst[o++] = src[l++];
			while (r < hi)
				dst[o++] = src[r++];
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	for (i = 0; i < n; i = j)
	{
		double		mean;

		for (j = i + 1; j < n && x[src[j]] == x[src[i]]; j++)
			MK_STEP(steps);
		/* ranks i+1 .. j: their mean, exact (a multiple of 1/2) */
		mean = ((double) (i + 1) + (double) j) / 2.0;
		for (; i < j; i++)
		{
			rank[src[i]] = mean;
			MK_STEP(steps);
		}
		i = j;
	}
	xfree(a, idx);
	return 0;
}

/* 2 pi, to double precision (M_PI is not C99) */
#define MK_TWO_PI 6.283185307179586476925286766559

/*
 * In-place radix-2 FFT of (re, im), m a power of two, with the twiddles
 * cw[k] = cos(2 pi k/m), sw[k] = sin(2 pi k/m), k < m/2 (each computed
 * directly, so the error is O(eps log m) of the norm); forward: exp(-i...).
 */
static void
fft_radix2(double *re, double *im, size_t m, const double *cw, const double *sw,
		   int inverse, size_t *steps)
{
	size_t		i,
				j,
				k,
				len;

	/* bit reversal */
	for (i = 1, j = 0; i < m; i++)
	{
		size_t		bit = m >> 1;

		for (; j & bit; bit >>= 1)
			j ^= bit;
		j |= bit;
		if (i < j)
		{
			double		tr = re[i],
						ti = im[i];

			re[i] = re[j];
			im[i] = im[j];
			re[j] = tr;
			im[j] = ti;
		}
		MK_STEP(*steps);
	}
	for (len = 2; len <= m; len <<= 1)
	{
		size_t		half = len / 2,
					stride = m / len;

		for (i = 0; i < m; i += len)
			for (k = 0; k < half; k++)
			{
				double		wr = cw[k * stride],
							wi = inverse ? sw[k * stride] : -sw[k * stride],
							xr = re[i + k + half],
							xi = im[i + k + half],
							vr = xr * wr - xi * wi,
							vi = xr * wi + xi * wr;

				re[i + k + half] = re[i + k] - vr;
				im[i + k + half] = im[i + k] - vi;
				re[i + k] += vr;
				im[i + k] += vi;
				MK_STEP(*steps);
			}
	}
}

/*
 * r_k = sum_{i < n-k} z_i z_{i+k} / sum z_i^2, k = 1 .. lags, of a centred
 * series z (R's acf): summed directly in O(n lags), or, when that is more
 * than 2^24 products (method 0), or always (method 2), from the power
 * spectrum by FFT in O(n log n) (agreeing to about 1e-15). NaN when z is
 * all 0. -1 when out of memory.
 */
int
oba_autocorrelation(const double *z, size_t n, size_t lags, int method,
					const oba_allocator *a, double *r)
{
	double		c0 = 0.0;
	size_t		i,
				k,
				steps = 0;

	for (i = 0; i < n; i++)
	{
		c0 += z[i] * z[i];
		MK_STEP(steps);
	}
	if (lags > n - 1)
		lags = n - 1;
	if (!(c0 > 0))
	{
		for (k = 0; k < lags; k++)
			r[k] = NAN;
		return 0;
	}
	if (method == 1 || (method == 0 && (double) n * (double) lags <= 16777216.0))
	{
		for (k = 1; k <= lags; k++)
		{
			double		c = 0.0;

			for (i = 0; i + k < n; i++)
			{
				c += z[i] * z[i + k];
				MK_STEP(steps);
			}
			r[k - 1] = c / c0;
		}
		return 0;
	}
	else
	{
		size_t		m = 1;
		double	   *buf;

		while (m < 2 * n)
			m *= 2;
		buf = m <= SIZE_MAX / (3 * sizeof(double)) ? xalloc(a, sizeof(double) * 3 * m) : NULL;
		if (buf == NULL)
			return -1;
		{
			double	   *re = buf,
					   *im = buf + m,
					   *cw = buf + 2 * m,
					   *sw = buf + 2 * m + m / 2;

			for (i = 0; i < m / 2; i++)
			{
				double		ang = MK_TWO_PI * (double) i / (double) m;

				cw[i] = cos(ang);
				sw[i] = sin(ang);
				MK_STEP(steps);
			}
			for (i = 0; i < m; i++)
			{
				re[i] = i < n ? z[i] : 0.0;
				im[i] = 0.0;
			}
			fft_radix2(re, im, m, cw, sw, 0, &steps);
			for (i = 0; i < m; i++)
			{
				re[i] = re[i] * re[i] + im[i] * im[i];
				im[i] = 0.0;
				MK_STEP(steps);
			}
			fft_radix2(re, im, m, cw, sw, 1, &steps);
			for (k = 1; k <= lags; k++)
				r[k - 1] = re[k] / (double) m / c0;
		}
		xfree(a, buf);
		return 0;
	}
}

/* z with the continuity correction and its two-sided p; z 0 and p 1 when var is 0 */
static void
mk_z(double s, double var, double *z, double *p)
{
	if (var > 0)
	{
		double		sd = sqrt(var);

		*z = s > 0 ? (s - 1) / sd : s < 0 ? (s + 1) / sd : 0.0;
		*p = 2.0 * oba_pnorm(-fabs(*z));
	}
	else if (var == 0)
	{
		*z = 0.0;
		*p = 1.0;
	}
	else
		*z = *p = NAN;
}

int
oba_mk_hamed_rao(const double *t, const double *y, size_t n, double alpha, size_t max_lag,
				 const oba_allocator *a, oba_mk_hamed_rao_result *out, oba_error *err)
{
	oba_mk_result mk;
	double	   *e,
			   *z,
			   *r,
				bound,
				sum = 0.0,
				dn = (double) n;
	size_t		i,
				k,
				lags,
				sig = 0;
	int			rc;

	if (oba_check_alpha(err, "alpha", alpha) != 0)
		return -1;
	out->n = dn;
	out->s = out->var_s = out->sen_slope = out->lags = out->lags_significant = NAN;
	out->correction = out->n_effective = out->var_s_corrected = out->z = out->p = NAN;
	if (n < 3)
		return 0;				/* as mann_kendall_agg */
	if (oba_mann_kendall(t, y, n, a, &mk, err) != 0)
		return -1;
	out->s = mk.s;
	out->var_s = mk.var_s;
	out->sen_slope = mk.sen_slope;
	lags = max_lag > 0 && max_lag < n - 1 ? max_lag : n - 1;
	out->lags = (double) lags;

	e = xalloc(a, sizeof(double) * n);
	z = xalloc(a, sizeof(double) * n);
	r = xalloc(a, sizeof(double) * lags);
	if (e == NULL || z == NULL || r == NULL)
	{
		xfree(a, e);
		xfree(a, z);
		xfree(a, r);
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu values", n);
	}
	/* the series less its Sen trend, as float8 computes it, ranked and centred */
	for (i = 0; i < n; i++)
	{
		e[i] = y[i] - mk.sen_slope * (t[i] - t[0]);
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	rc = rank_average(e, n, z, a);
	if (rc == 0)
	{
		for (i = 0; i < n; i++)
		{
			z[i] -= (dn + 1) / 2.0;	/* exact: multiples of 1/2 */
			OBA_CHECK_INTERRUPTS_EVERY(i);
		}
		rc = oba_autocorrelation(z, n, lags, 0, a, r);
	}
	xfree(a, e);
	xfree(a, z);
	if (rc != 0)
	{
		xfree(a, r);
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu values", n);
	}

	if (isnan(r[0]))
	{
		/* the detrended values all equal: no autocorrelation is defined */
		xfree(a, r);
		if (mk.var_s == 0)
			mk_z(0, 0, &out->z, &out->p);
		return 0;
	}
	bound = oba_qnorm(1.0 - alpha / 2.0) / sqrt(dn);
	for (k = 1; k <= lags; k++)
	{
		double		rk = r[k - 1],
					dk = (double) k;

		if (fabs(rk) > bound)
		{
			sum += (dn - dk) * (dn - dk - 1) * (dn - dk - 2) * rk;
			sig++;
		}
		OBA_CHECK_INTERRUPTS_EVERY(k);
	}
	xfree(a, r);
	out->lags_significant = (double) sig;
	out->correction = 1.0 + 2.0 / (dn * (dn - 1) * (dn - 2)) * sum;
	out->var_s_corrected = mk.var_s * out->correction;
	if (out->correction > 0)
		out->n_effective = dn / out->correction;
	if (mk.var_s == 0)
		mk_z(0, 0, &out->z, &out->p);
	else if (out->correction > 0)
		mk_z(mk.s, out->var_s_corrected, &out->z, &out->p);
	return 0;
}

int
oba_mk_prewhitened(const double *t, const double *y, size_t n, const oba_allocator *a,
				   oba_mk_prewhitened_result *out, oba_error *err)
{
	oba_mk_result mk;
	double	   *e,
			   *w,
				mean = 0.0,
				num = 0.0,
				den = 0.0,
				r1,
				tau,
				tied,
				var18;
	size_t		i;

	out->n = (double) n;
	out->n_prewhitened = out->lag1 = out->s = out->var_s = out->z = out->p = NAN;
	out->sen_slope = NAN;
	if (n < 4)
		return 0;				/* the pre-whitened series needs 3 values */
	if (oba_mann_kendall(t, y, n, a, &mk, err) != 0)
		return -1;
	out->sen_slope = mk.sen_slope;
	e = xalloc(a, sizeof(double) * n);
	w = xalloc(a, sizeof(double) * 3 * n);
	if (e == NULL || w == NULL)
	{
		xfree(a, e);
		xfree(a, w);
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu values", n);
	}
	for (i = 0; i < n; i++)
	{
		e[i] = y[i] - mk.sen_slope * (t[i] - t[0]);
		mean += e[i];
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	mean /= (double) n;
	for (i = 0; i < n; i++)
	{
		double		d = e[i] - mean;

		den += d * d;
		if (i + 1 < n)
			num += d * (e[i + 1] - mean);
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	/* all equal: r1 undefined, and the ranks of the blended series do not depend on it */
	r1 = den > 0 ? num / den : NAN;
	out->lag1 = r1;
	if (isnan(r1))
		r1 = 0.0;
	/* pre-whitened, the trend put back at the later time */
	for (i = 0; i + 1 < n; i++)
	{
		w[i] = (e[i + 1] - r1 * e[i]) + mk.sen_slope * (t[i + 1] - t[0]);
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	mk_sums(w, n - 1, w + n, &out->s, &var18, &tau, &tied);
	out->n_prewhitened = (double) (n - 1);
	out->var_s = var18 / 18.0;
	mk_z(out->s, out->var_s, &out->z, &out->p);
	xfree(a, e);
	xfree(a, w);
	return 0;
}

int
oba_seasonal_mann_kendall(const double *t, const double *y, const double *season, size_t n,
						  const oba_allocator *a, oba_seasonal_mk_result *out, oba_error *err)
{
	size_t	   *idx = NULL,
			   *seg = NULL,
			   *src,
			   *dst,
			   *swap,
				nseg = 0,
				i,
				j,
				w,
				lo,
				steps = 0;
	uint64_t   *cum = NULL;
	double	   *ts = NULL,
			   *ys = NULL,
			   *scratch = NULL,
				s = 0.0,
				var18 = 0.0,
				tau,
				tied;
	int			failed = 0,
				rc = 0;

	out->n = (double) n;
	out->seasons = 0;
	out->s = out->var_s = out->z = out->p = out->tau = out->sen_slope = out->sen_pairs = NAN;
	if (n == 0)
		return 0;
	idx = xalloc_array(a, 2 * n, sizeof(size_t), &failed);
	seg = xalloc_array(a, n + 1, sizeof(size_t), &failed);
	cum = xalloc_array(a, n + 1, sizeof(uint64_t), &failed);
	ts = xalloc_array(a, n, sizeof(double), &failed);
	ys = xalloc_array(a, n, sizeof(double), &failed);
	scratch = xalloc_array(a, 2 * n, sizeof(double), &failed);
	if (failed)
	{
		rc = oba_fail(err, OBA_ENOMEM, "out of memory for %zu values", n);
		goto done;
	}
	/* stable by season: each season keeps its time order */
	src = idx;
	dst = idx + n;
	for (i = 0; i < n; i++)
		src[i] = i;
	for (w = 1; w < n; w *= 2)
	{
		OBA_CHECK_INTERRUPTS();
		for (lo = 0; lo < n; lo += 2 * w)
		{
			size_t		mid = n - lo > w ? lo + w : n,
						hi = n - mid > w ? mid + w : n,
						l = lo,
						r = mid,
						o = lo;

			while (l < mid && r < hi)
			{
				dst[o++] = season[src[r]] < season[src[l]] ? src[r++] : src[l++];
				MK_STEP(steps);
			}
			while (l < mid)
				dst[o++] = src[l++];
			while (r < hi)
				dst[o++] = src[r++];
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	seg[0] = 0;
	cum[0] = 0;
	for (i = 0; i < n; i = j)
	{
		uint64_t	len;

		for (j = i; j < n && season[src[j]] == season[src[i]]; j++)
		{
			ts[j] = t[src[j]];
			ys[j] = y[src[j]];
			MK_STEP(steps);
		}
		len = (uint64_t) (j - i);
		seg[nseg + 1] = j;
		cum[nseg + 1] = cum[nseg] + len * (len - 1) / 2;
		nseg++;
		if (len >= 2)
		{
			double		sg,
						vg;

			out->seasons++;
			mk_sums(ys + i, (size_t) len, scratch, &sg, &vg, &tau, &tied);
			s += sg;
			var18 += vg;
		}
	}
	if (cum[nseg] == 0)
		goto done;				/* no season with two values */
	out->s = s;
	out->var_s = var18 / 18.0;
	out->sen_pairs = (double) cum[nseg];
	out->tau = s / out->sen_pairs;
	mk_z(out->s, out->var_s, &out->z, &out->p);
	{
		mk_ctx		c;
		mk_bracket	b;

		if (mk_open(&c, &b, ts, ys, n, seg, nseg, cum, a) == 0)
			out->sen_slope = mk_median_slope(&c, &b);
		else
			rc = oba_fail(err, OBA_ENOMEM, "out of memory for the seasonal slope of %zu values", n);
		mk_close(&c, &b, a);
	}
done:
	xfree(a, idx);
	xfree(a, seg);
	xfree(a, cum);
	xfree(a, ts);
	xfree(a, ys);
	xfree(a, scratch);
	return rc;
}

/* ---- ordinary least squares ------------------------------------------------- */

void
oba_ols_fit(const double *t, const double *y, size_t n, oba_ols *f)
{
	double		st = 0,
				sy = 0,
				sxx = 0,
				sxy = 0,
				syy = 0,
				rss = 0,
				mt,
				my;
	size_t		i;

	f->n = (double) n;
	f->df = (double) n - 2;
	f->intercept = f->slope = f->se_intercept = f->se_slope = NAN;
	f->t_slope = f->p_slope = f->sigma = f->r_squared = NAN;
	f->t_mean = f->sxx = f->rss = NAN;
	if (n < 2)
		return;

	/*
	 * Means shifted by the first value, so a constant column has its exact
	 * value as mean and every centred term is an exact 0.
	 */
	for (i = 0; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		st += t[i] - t[0];
		sy += y[i] - y[0];
	}
	mt = t[0] + st / n;
	my = y[0] + sy / n;
	for (i = 0; i < n; i++)
	{
		double		dt = t[i] - mt,
					dy = y[i] - my;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		sxx += dt * dt;
		sxy += dt * dy;
		syy += dy * dy;
	}
	f->slope = sxy / sxx;
	f->intercept = my - f->slope * mt;
	f->t_mean = mt;
	f->sxx = sxx;
	for (i = 0; i < n; i++)
	{
		double		e = (y[i] - my) - f->slope * (t[i] - mt);

		OBA_CHECK_INTERRUPTS_EVERY(i);
		rss += e * e;
	}
	f->rss = rss;
	if (n < 3)
		return;					/* two points: the line only */

	f->sigma = sqrt(rss / f->df);
	f->se_slope = f->sigma / sqrt(sxx);
	f->se_intercept = f->sigma * sqrt(1.0 / n + mt * mt / sxx);
	if (f->se_slope > 0)
		f->t_slope = f->slope / f->se_slope;
	else if (f->slope != 0)
		f->t_slope = f->slope > 0 ? INFINITY : -INFINITY;	/* an exact line */
	/* else constant y: t undefined */
	f->p_slope = oba_t_two_sided_p(f->t_slope, f->df);
	if (syy > 0)
		f->r_squared = 1.0 - rss / syy;
}

void
oba_ols_predict(const oba_ols *f, double t0, double confidence, double *fit,
				double *ci_lower, double *ci_upper, double *pi_lower, double *pi_upper,
				double *se_pred)
{
	double		dt = t0 - f->t_mean,
				q,
				se_mean,
				se_new;

	*fit = f->intercept + f->slope * t0;
	*ci_lower = *ci_upper = *pi_lower = *pi_upper = *se_pred = NAN;
	if (isnan(*fit) || !(f->df > 0))
		return;
	q = oba_qt(confidence + (1.0 - confidence) / 2.0, f->df);
	se_mean = f->sigma * sqrt(1.0 / f->n + dt * dt / f->sxx);
	se_new = f->sigma * sqrt(1.0 + 1.0 / f->n + dt * dt / f->sxx);
	*ci_lower = *fit - q * se_mean;
	*ci_upper = *fit + q * se_mean;
	*pi_lower = *fit - q * se_new;
	*pi_upper = *fit + q * se_new;
	*se_pred = se_new;
}

/* ---- interrupted time series ----------------------------------------------- */

/*
 * Least squares of y on the p columns of X (n x p, column-major; both are
 * overwritten) by Householder QR, as R's lm (LINPACK dqrdc2) does. Fills beta,
 * the residual sum of squares and the upper-triangular inverse of R, so that
 * (X'X)^-1 = Rinv Rinv'. Returns -1 when X is rank deficient.
 */
#define OBA_LSQ_MAXP 4

static int
lsq_qr(double *X, double *y, size_t n, int p, double *beta, double *rss,
	   double rinv[OBA_LSQ_MAXP][OBA_LSQ_MAXP])
{
	int			j,
				c,
				r;
	size_t		i;

	for (j = 0; j < p; j++)
	{
		double	   *xj = X + (size_t) j * n;
		double		norm = 0,
					colnorm = 0,
					alpha,
					vnorm2;

		for (i = 0; i < n; i++)
		{
			OBA_CHECK_INTERRUPTS_EVERY(i);
			colnorm += xj[i] * xj[i];
		}
		for (i = j; i < n; i++)
		{
			OBA_CHECK_INTERRUPTS_EVERY(i);
			norm += xj[i] * xj[i];
		}
		norm = sqrt(norm);
		if (!(norm > 1e-10 * sqrt(colnorm)))
			return -1;
		alpha = xj[j] > 0 ? -norm : norm;
		/* v = x - alpha e_j, stored in place of column j below the diagonal */
		xj[j] -= alpha;
		vnorm2 = 0;
		for (i = j; i < n; i++)
		{
			OBA_CHECK_INTERRUPTS_EVERY(i);
			vnorm2 += xj[i] * xj[i];
		}
		/* apply H = I - 2 v v'/v'v to the later columns and to y */
		for (c = j + 1; c <= p; c++)
		{
			double	   *xc = c < p ? X + (size_t) c * n : y;
			double		dot = 0;

			for (i = j; i < n; i++)
			{
				OBA_CHECK_INTERRUPTS_EVERY(i);
				dot += xj[i] * xc[i];
			}
			dot = 2 * dot / vnorm2;
			for (i = j; i < n; i++)
			{
				OBA_CHECK_INTERRUPTS_EVERY(i);
				xc[i] -= dot * xj[i];
			}
		}
		xj[j] = alpha;			/* R[j][j]; the rest of v is no longer needed */
	}
	/* beta = R^-1 (Q'y)[0..p) */
	for (r = p - 1; r >= 0; r--)
	{
		double		s = y[r];

		for (c = r + 1; c < p; c++)
			s -= X[(size_t) c * n + r] * beta[c];
		beta[r] = s / X[(size_t) r * n + r];
	}
	*rss = 0;
	for (i = p; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		*rss += y[i] * y[i];
	}
	/* Rinv, upper triangular, by back substitution column by column */
	for (c = 0; c < p; c++)
	{
		for (r = p - 1; r >= 0; r--)
		{
			double		s = (r == c) ? 1.0 : 0.0;
			int			k;

			if (r > c)
			{
				rinv[r][c] = 0;
				continue;
			}
			for (k = r + 1; k <= c; k++)
				s -= X[(size_t) k * n + r] * rinv[k][c];
			rinv[r][c] = s / X[(size_t) r * n + r];
		}
	}
	return 0;
}

int
oba_its_fit(const double *t, const double *y, size_t n, double break_t,
			const oba_allocator *a, oba_its *out, oba_error *err)
{
	double	   *X,
			   *yy,
				beta[4],
				rss,
				rinv[OBA_LSQ_MAXP][OBA_LSQ_MAXP],
				v[4][4],
				s2,
				d;
	size_t		i;
	int			r,
				c,
				k;

	memset(out, 0, sizeof(*out));
	out->n = (double) n;
	out->break_t = break_t;
	for (i = 0; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		if (t[i] < break_t)
			out->n_pre++;
		else
			out->n_post++;
	}
	out->df = (double) n - 4;
	for (r = 0; r < 4; r++)
	{
		out->est[r] = out->se[r] = out->tval[r] = out->p[r] = NAN;
		for (c = 0; c < 4; c++)
			out->vcov[r][c] = NAN;
	}
	out->post_slope = out->post_slope_se = NAN;
	out->effect = out->effect_se = out->effect_p = out->sigma = NAN;
	if (out->n_pre < 2 || out->n_post < 2 || n < 5)
		return 0;

	/* columns 1, t - break, P, (t - break) P: time centred at the break */
	X = xalloc(a, sizeof(double) * n * 4);
	yy = xalloc(a, sizeof(double) * n);
	if (X == NULL || yy == NULL)
	{
		xfree(a, X);
		xfree(a, yy);
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu points", n);
	}
	for (i = 0; i < n; i++)
	{
		double		post = t[i] >= break_t ? 1.0 : 0.0;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		X[i] = 1.0;
		X[n + i] = t[i] - break_t;
		X[2 * n + i] = post;
		X[3 * n + i] = (t[i] - break_t) * post;
		yy[i] = y[i];
	}
	r = lsq_qr(X, yy, n, 4, beta, &rss, rinv);
	xfree(a, X);
	xfree(a, yy);
	if (r != 0)
		return 0;				/* rank deficient: estimates undefined */

	s2 = rss / out->df;
	out->sigma = sqrt(s2);
	/* covariance of the centred coefficients: s^2 Rinv Rinv' */
	for (r = 0; r < 4; r++)
		for (c = 0; c < 4; c++)
		{
			double		s = 0;

			for (k = 0; k < 4; k++)
				s += rinv[r][k] * rinv[c][k];
			v[r][c] = s2 * s;
		}

	/* back to the intercept at t = 0: b0 = b0' - break * b1 */
	out->est[0] = beta[0] - break_t * beta[1];
	for (r = 1; r < 4; r++)
		out->est[r] = beta[r];
	for (r = 0; r < 4; r++)
		for (c = 0; c < 4; c++)
		{
			double		x = v[r][c];

			if (r == 0)
				x -= break_t * v[1][c];
			if (c == 0)
				x -= break_t * v[r][1];
			if (r == 0 && c == 0)
				x += break_t * break_t * v[1][1];
			out->vcov[r][c] = x;
		}
	for (r = 0; r < 4; r++)
	{
		out->se[r] = sqrt(fmax(0.0, out->vcov[r][r]));
		out->tval[r] = out->est[r] / out->se[r];
		out->p[r] = oba_t_two_sided_p(out->tval[r], out->df);
	}
	out->post_slope = beta[1] + beta[3];
	out->post_slope_se = sqrt(fmax(0.0, v[1][1] + v[3][3] + 2 * v[1][3]));
	d = t[n - 1] - break_t;
	out->effect = beta[2] + beta[3] * d;
	out->effect_se = sqrt(fmax(0.0, v[2][2] + d * d * v[3][3] + 2 * d * v[2][3]));
	out->effect_p = oba_t_two_sided_p(out->effect / out->effect_se, out->df);
	return 0;
}

/* ---- change points: Pettitt's test and the broken line ---------------------- */

int
oba_pettitt(const double *t, const double *y, size_t n, const oba_allocator *a,
			oba_pettitt_result *out, oba_error *err)
{
	double	   *rank2;
	int64_t		u = 0,
				best = 0;
	size_t		i,
				at = 0;
	double		dn = (double) n,
				k;

	out->n = dn;
	out->u = out->k = out->p = out->break_index = out->t_before = out->t_after = NAN;
	if (n < 3)
		return 0;
	rank2 = xalloc(a, sizeof(double) * n);
	if (rank2 == NULL || rank_average(y, n, rank2, a) != 0)
	{
		xfree(a, rank2);
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu values", n);
	}
	/*
	 * sum_j sign(y_i - y_j) = (values below) - (values above) = 2 R_i - n - 1
	 * with R_i the mean rank, so U_t = sum_{i <= t} (2 R_i - n - 1), in
	 * integers (2 R_i is one); the first t of the largest |U_t|.
	 */
	for (i = 0; i + 1 < n; i++)
	{
		int64_t		v = (int64_t) (2.0 * rank2[i]) - (int64_t) n - 1;

		u += v;
		if ((u < 0 ? -u : u) > (best < 0 ? -best : best))
		{
			best = u;
			at = i;
		}
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	xfree(a, rank2);
	k = (double) (best < 0 ? -best : best);
	out->u = (double) best;
	out->k = k;
	out->p = fmin(1.0, 2.0 * exp(-6.0 * k * k / (dn * dn * dn + dn * dn)));
	if (best == 0)
		return 0;				/* no value differs from another: no break */
	out->break_index = (double) (at + 1);
	out->t_before = t[at];
	out->t_after = t[at + 1];
	return 0;
}

/* Running least-squares sums of a line (Welford's updates: centred, stable). */
typedef struct line_acc
{
	double		n,
				mt,
				my,
				sxx,
				sxy,
				syy;
} line_acc;

static void
line_add(line_acc *L, double t, double y)
{
	double		dt,
				dy;

	L->n += 1;
	dt = t - L->mt;
	dy = y - L->my;
	L->mt += dt / L->n;
	L->my += dy / L->n;
	L->sxx += dt * (t - L->mt);
	L->sxy += dt * (y - L->my);
	L->syy += dy * (y - L->my);
}

/* The line's value at x, its variance factor 1/n + (x - mean)^2/Sxx, and its RSS. */
static double
line_at(const line_acc *L, double x)
{
	return L->my + L->sxy / L->sxx * (x - L->mt);
}

static double
line_h(const line_acc *L, double x)
{
	return 1.0 / L->n + (x - L->mt) * (x - L->mt) / L->sxx;
}

static double
line_rss(const line_acc *L)
{
	return fmax(0.0, L->syy - L->sxy * L->sxy / L->sxx);
}

/*
 * The broken line's RSS at psi, from the lines of the two sides (points up
 * to the interval, and after it): theirs, and the cost of joining them at
 * psi, gap^2 / (h_left + h_right) (least squares under one linear constraint).
 */
static double
joined_rss(const line_acc *L, const line_acc *R, double psi)
{
	double		gap = line_at(L, psi) - line_at(R, psi);

	return line_rss(L) + line_rss(R) + gap * gap / (line_h(L, psi) + line_h(R, psi));
}

/* Least squares on columns of X (n x p, copied), centred at c: RSS, beta, Rinv; -1 if rank deficient. */
static int
fit_columns(const double *t, const double *y, size_t n, double psi, int kind, double b2,
			double *X, double *yy, double *beta, double *rss,
			double rinv[OBA_LSQ_MAXP][OBA_LSQ_MAXP])
{
	size_t		i;
	int			p = kind == 0 ? 2 : kind == 1 ? 3 : 4;

	for (i = 0; i < n; i++)
	{
		double		d = t[i] - psi;

		X[i] = 1.0;
		X[n + i] = d;
		if (p > 2)
			X[2 * n + i] = d > 0 ? d : 0.0;
		if (p > 3)
			X[3 * n + i] = d > 0 ? -b2 : 0.0;
		yy[i] = y[i];
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	return lsq_qr(X, yy, n, p, beta, rss, rinv);
}

#define BROKEN_KEEP 16			/* near-best candidates refitted exactly */
#define DAVIES_K 10				/* evaluation points of Davies' test (segmented's default) */

typedef struct bl_cand
{
	double		psi,
				rss;
	size_t		k;				/* left side: points 0 .. k-1 */
	int			crossing;		/* where the two sides' lines cross, inside the interval */
} bl_cand;

/*
 * Davies' (2002) upper bound for the p-value of a change in slope, as
 * segmented::davies.test (k = 10, two-sided, the linear-model form): at 10
 * equally spaced psi from the second to the last but one time, the t of the
 * hinge's coefficient in y ~ 1 + t + (t - psi)+ (n - 3 df).
 */
static double
davies_p(const double *t, const double *y, size_t n, double *X, double *yy)
{
	double		from = t[1],
				to = t[n - 2],
				by = (to - from) / (DAVIES_K - 1),
				df = (double) n - 3,
				M = 0.0,
				V = 0.0,
				prev = NAN,
				u,
				p;
	int			i,
				any = 0;

	for (i = 0; i < DAVIES_K; i++)
	{
		double		psi = i == 0 ? from : i == DAVIES_K - 1 ? to : from + i * by,
					beta[4],
					rss,
					rinv[OBA_LSQ_MAXP][OBA_LSQ_MAXP],
					inv22,
					stat,
					z2,
					w;

		if (fit_columns(t, y, n, psi, 1, 0, X, yy, beta, &rss, rinv) != 0)
			continue;
		inv22 = rinv[2][2] * rinv[2][2];	/* (X'X)^-1 of the last column */
		stat = beta[2] / (sqrt(rss / df) * sqrt(inv22));
		if (isnan(stat))
			stat = beta[2] > 0 ? INFINITY : -INFINITY;	/* an exact fit */
		z2 = beta[2] * beta[2] / inv22;
		w = z2 / (z2 + rss);
		if (fabs(stat) > M || isinf(stat))
			M = fabs(stat);
		if (any)
			V += fabs(asin(sqrt(w)) - prev);
		prev = asin(sqrt(w));
		any = 1;
	}
	if (!any)
		return NAN;
	if (isinf(M))
		return 0.0;
	u = M * M / (df + M * M);
	p = oba_pt(M, df, 0) +
		V * pow(1 - u, (df - 1) / 2) * exp(lgamma(df / 2 + 0.5) - lgamma(df / 2)) /
		(2 * sqrt(MK_TWO_PI / 2));
	return fmin(1.0, 2 * p);
}

int
oba_broken_line(const double *t, const double *y, size_t n, int min_segment,
				const oba_allocator *a, oba_broken_line_result *out, oba_error *err)
{
	line_acc   *right = NULL,
				L,
				all;
	bl_cand		keep[BROKEN_KEEP],
				best = {0, 0, 0, 0};
	double	   *X = NULL,
			   *yy = NULL,
				rss_min = INFINITY,
				tol,
				beta[4],
				rss,
				rinv[OBA_LSQ_MAXP][OBA_LSQ_MAXP],
				v[4][4],
				s2,
				psi,
				q;
	size_t		h = (size_t) min_segment,
				nkeep = 0,
				i,
				k;
	int			r,
				c,
				found = 0;

	memset(out, 0, sizeof(*out));
	out->n = (double) n;
	out->df = out->n_before = out->n_after = out->psi = out->psi_se = NAN;
	out->psi_lower = out->psi_upper = out->intercept = out->intercept_se = NAN;
	out->slope_before = out->slope_before_se = out->slope_after = out->slope_after_se = NAN;
	out->slope_change = out->slope_change_se = out->sigma = out->davies_p = NAN;
	if (min_segment < 2)
		return oba_fail(err, OBA_EINVAL, "min_segment must be at least 2, got %d", min_segment);
	if (n < 5)
		return 0;

	memset(&all, 0, sizeof(all));
	for (i = 0; i < n; i++)
	{
		line_add(&all, t[i], y[i]);
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}
	/* on one line already (to rounding): no break to find */
	if (!(line_rss(&all) > 1e-20 * all.syy))
		return 0;

	X = xalloc(a, sizeof(double) * 4 * n);
	yy = xalloc(a, sizeof(double) * n);
	right = n >= 2 * h ? xalloc(a, sizeof(line_acc) * (n + 1)) : NULL;
	if (X == NULL || yy == NULL || (n >= 2 * h && right == NULL))
	{
		xfree(a, X);
		xfree(a, yy);
		xfree(a, right);
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu values", n);
	}
	out->davies_p = davies_p(t, y, n, X, yy);
	if (n < 2 * h)
		goto done;

	/* right[k]: the line of points k .. n-1 */
	memset(&right[n], 0, sizeof(line_acc));
	for (i = n; i > 0; i--)
	{
		right[i - 1] = right[i];
		line_add(&right[i - 1], t[i - 1], y[i - 1]);
		OBA_CHECK_INTERRUPTS_EVERY(i);
	}

	/*
	 * psi in [t_(h), t_(n-h+1)] (1-based): on the interval [t[k-1], t[k]]
	 * the RSS is the sides' RSS plus the cost of joining their lines at psi,
	 * which is 0 where they cross and grows away from there, so the best psi
	 * of the interval is the crossing when it lies inside, else an end.
	 * Screened from the running sums; the near-best (within rounding of the
	 * least) are refitted by QR below.
	 */
	memset(&L, 0, sizeof(L));
	for (i = 0; i < h - 1; i++)
		line_add(&L, t[i], y[i]);
	tol = 1e-10 * all.syy;
	for (k = h; k <= n - h; k++)
	{
		const line_acc *R = &right[k];
		bl_cand		cand[3];
		int			nc = 0,
					j;
		double		bl,
					br;

		line_add(&L, t[k - 1], y[k - 1]);
		bl = L.sxy / L.sxx;
		br = R->sxy / R->sxx;
		cand[nc].psi = t[k - 1];
		cand[nc++].crossing = 0;
		if (bl != br)
		{
			double		x = t[k - 1] + (line_at(R, t[k - 1]) - line_at(&L, t[k - 1])) / (bl - br);

			if (x > t[k - 1] && x < t[k])
			{
				cand[nc].psi = x;
				cand[nc++].crossing = 1;
			}
		}
		if (k == n - h)
		{
			cand[nc].psi = t[k];
			cand[nc++].crossing = 0;
		}
		for (j = 0; j < nc; j++)
		{
			size_t		m;

			cand[j].k = k;
			cand[j].rss = cand[j].crossing ? line_rss(&L) + line_rss(R) :
				joined_rss(&L, R, cand[j].psi);
			if (cand[j].rss < rss_min)
				rss_min = cand[j].rss;
			/* keep the BROKEN_KEEP least, in order */
			if (nkeep == BROKEN_KEEP && !(cand[j].rss < keep[nkeep - 1].rss))
				continue;
			m = nkeep < BROKEN_KEEP ? nkeep++ : nkeep - 1;
			while (m > 0 && cand[j].rss < keep[m - 1].rss)
			{
				keep[m] = keep[m - 1];
				m--;
			}
			keep[m] = cand[j];
		}
		OBA_CHECK_INTERRUPTS_EVERY(k);
	}

	/* refit the near-best exactly: the crossing from QR lines, the RSS of the broken line */
	for (i = 0; i < nkeep; i++)
	{
		bl_cand		cd = keep[i];

		if (cd.rss > rss_min + tol + 1e-9 * rss_min)
			break;
		if (cd.crossing)
		{
			double		bL[4],
						bR[4],
						rl,
						rr,
						x0 = t[cd.k - 1];

			/* each side's line centred at t[k-1]: beta[0] its value there */
			if (fit_columns(t, y, cd.k, x0, 0, 0, X, yy, bL, &rl, rinv) == 0 &&
				fit_columns(t + cd.k, y + cd.k, n - cd.k, x0, 0, 0, X, yy, bR, &rr, rinv) == 0 &&
				bL[1] != bR[1])
			{
				double		x = x0 + (bR[0] - bL[0]) / (bL[1] - bR[1]);

				if (x > t[cd.k - 1] && x < t[cd.k])
					cd.psi = x;
			}
		}
		if (fit_columns(t, y, n, cd.psi, 1, 0, X, yy, beta, &cd.rss, rinv) != 0)
			continue;
		if (!found || cd.rss < best.rss || (cd.rss == best.rss && cd.psi < best.psi))
		{
			best = cd;
			found = 1;
		}
	}
	if (!found)
		goto done;

	/* the broken line at psi, then segmented's covariance with -b2 1(t > psi) */
	psi = best.psi;
	if (fit_columns(t, y, n, psi, 1, 0, X, yy, beta, &rss, rinv) != 0)
		goto done;
	{
		double		b[3] = {beta[0], beta[1], beta[2]};
		double		b4[4];
		double		rss4;

		out->df = (double) n - 4;
		s2 = rss / out->df;
		out->sigma = sqrt(s2);
		out->psi = psi;
		out->intercept = b[0] - psi * b[1];
		out->slope_before = b[1];
		out->slope_change = b[2];
		out->slope_after = b[1] + b[2];
		out->n_before = out->n_after = 0;
		for (i = 0; i < n; i++)
		{
			if (t[i] <= psi)
				out->n_before++;
			else
				out->n_after++;
		}
		if (fit_columns(t, y, n, psi, 2, b[2], X, yy, b4, &rss4, rinv) != 0)
			goto done;			/* no slope change: psi is not identified */
		for (r = 0; r < 4; r++)
			for (c = 0; c < 4; c++)
			{
				double		sum = 0;
				int			m;

				for (m = 0; m < 4; m++)
					sum += rinv[r][m] * rinv[c][m];
				v[r][c] = s2 * sum;
			}
		/* back from the value at psi to the intercept at t = 0 */
		out->intercept_se = sqrt(fmax(0.0, v[0][0] - 2 * psi * v[0][1] + psi * psi * v[1][1]));
		out->slope_before_se = sqrt(fmax(0.0, v[1][1]));
		out->slope_change_se = sqrt(fmax(0.0, v[2][2]));
		out->slope_after_se = sqrt(fmax(0.0, v[1][1] + v[2][2] + 2 * v[1][2]));
		out->psi_se = sqrt(fmax(0.0, v[3][3]));
		q = oba_qt(0.975, out->df);
		out->psi_lower = psi - q * out->psi_se;
		out->psi_upper = psi + q * out->psi_se;
	}
done:
	xfree(a, X);
	xfree(a, yy);
	xfree(a, right);
	return 0;
}

/* ---- chi-squared test for trend in proportions ------------------------------ */

void
oba_chisq_trend(const double *x, const double *n, const double *score, size_t k,
				oba_chisq_trend_result *out)
{
	double		sx = 0,
				sn = 0,
				sns = 0,
				pbar,
				sbar,
				num = 0,
				den = 0;
	size_t		i;

	out->k = (double) k;
	out->x2 = out->p_value = NAN;
	if (k < 2)
		return;
	for (i = 0; i < k; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY(i);
		sx += x[i];
		sn += n[i];
		sns += n[i] * score[i];
	}
	pbar = sx / sn;
	sbar = sns / sn;
	if (!(pbar > 0 && pbar < 1))
		return;					/* p-bar 0 or 1: 0/0 */
	/* centred scores: sum (s - sbar)(x - n pbar) = sum s (x - n pbar) */
	for (i = 0; i < k; i++)
	{
		double		ds = score[i] - sbar;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		num += ds * (x[i] - n[i] * pbar);
		den += n[i] * ds * ds;
	}
	if (!(den > 0))
		return;
	out->x2 = num * num / (pbar * (1 - pbar) * den);
	out->p_value = oba_pchisq(out->x2, 1, 0);
}

/*
 * The test for trend with a score on each row (ties allowed). R computes it
 * as the regression sum of squares of x/n on the score with weights
 * n / (p-bar (1 - p-bar)); that is C^2 / (p-bar (1 - p-bar) M2), with M2
 * the n-weighted sum of squared deviations of the scores and C their
 * n-weighted co-moment with x/n, which the state keeps as it goes.
 */
void
oba_chisq_score_init(oba_chisq_score_state *s)
{
	s->rows = s->total = s->successes = s->shift = 0.0;
	s->mean_score = s->mean_prop = s->m2_score = s->co_moment = 0.0;
}

static int
chisq_score_overflow(oba_error *err)
{
	return oba_fail(err, OBA_ERANGE,
					"the totals or scores are too large: their sums overflow float8");
}

int
oba_chisq_score_add(oba_chisq_score_state *s, double score, double successes,
					double total, oba_error *err)
{
	double		shift,
				w,
				y,
				p,
				ds,
				dp,
				ms,
				mp;
	oba_chisq_score_state n;

	if (oba_check_finite(err, "score", score) != 0 ||
		oba_check_nonnegative(err, "successes", successes) != 0 ||
		oba_check_positive(err, "total", total) != 0)
		return -1;
	if (successes > total)
		return oba_fail(err, OBA_EINVAL, "successes %.15g exceeds total %.15g", successes, total);
	shift = s->rows == 0.0 ? score : s->shift;
	w = s->total + total;
	y = score - shift;
	p = successes / total;
	ds = y - s->mean_score;
	dp = p - s->mean_prop;
	/* total / w in (0, 1]: no intermediate beyond the result */
	ms = s->mean_score + ds * (total / w);
	mp = s->mean_prop + dp * (total / w);
	n.rows = s->rows + 1.0;
	n.total = w;
	n.successes = s->successes + successes;
	n.shift = shift;
	n.mean_score = ms;
	n.mean_prop = mp;
	n.m2_score = s->m2_score + total * ds * (y - ms);
	n.co_moment = s->co_moment + total * ds * (p - mp);
	if (!isfinite(n.total) || !isfinite(n.successes) || !isfinite(ds) ||
		!isfinite(n.m2_score) || !isfinite(n.co_moment))
		return chisq_score_overflow(err);
	*s = n;
	return 0;
}

int
oba_chisq_score_combine(oba_chisq_score_state *a, const oba_chisq_score_state *b,
						oba_error *err)
{
	double		w,
				ds,
				dp,
				f;
	oba_chisq_score_state n;

	if (b->rows == 0.0)
		return 0;
	if (a->rows == 0.0)
	{
		*a = *b;
		return 0;
	}
	w = a->total + b->total;
	/* b's means less a's, the scores of both less a's shift */
	ds = (b->shift - a->shift) + b->mean_score - a->mean_score;
	dp = b->mean_prop - a->mean_prop;
	f = b->total / w;
	n.rows = a->rows + b->rows;
	n.total = w;
	n.successes = a->successes + b->successes;
	n.shift = a->shift;
	n.mean_score = a->mean_score + ds * f;
	n.mean_prop = a->mean_prop + dp * f;
	n.m2_score = a->m2_score + b->m2_score + ds * ds * a->total * f;
	n.co_moment = a->co_moment + b->co_moment + ds * dp * a->total * f;
	if (!isfinite(n.total) || !isfinite(n.successes) || !isfinite(ds) ||
		!isfinite(n.m2_score) || !isfinite(n.co_moment))
		return chisq_score_overflow(err);
	*a = n;
	return 0;
}

int
oba_chisq_score_check_state(const oba_chisq_score_state *s, oba_error *err)
{
	if (!isfinite(s->rows) || !isfinite(s->total) || !isfinite(s->successes) ||
		!isfinite(s->shift) || !isfinite(s->mean_score) || !isfinite(s->mean_prop) ||
		!isfinite(s->m2_score) || !isfinite(s->co_moment))
		return oba_fail(err, OBA_EINVAL, "the state holds a non-finite value");
	if (s->rows < 0.0 || s->rows != floor(s->rows) || s->total < 0.0 ||
		s->successes < 0.0 || s->successes > s->total || s->m2_score < 0.0 ||
		(s->rows == 0.0) != (s->total == 0.0) ||
		(s->rows == 0.0 && (s->successes != 0.0 || s->shift != 0.0 || s->mean_score != 0.0 ||
							s->mean_prop != 0.0 || s->m2_score != 0.0 || s->co_moment != 0.0)))
		return oba_fail(err, OBA_EINVAL, "the state holds a value out of range");
	return 0;
}

void
oba_chisq_score_result(const oba_chisq_score_state *s, oba_chisq_trend_result *out)
{
	double		pbar;

	out->k = s->rows;
	out->x2 = out->p_value = NAN;
	if (s->rows < 2.0)
		return;
	pbar = s->successes / s->total;
	if (!(pbar > 0 && pbar < 1) || !(s->m2_score > 0))
		return;					/* 0/0, as R's NA */
	out->x2 = s->co_moment * s->co_moment / (pbar * (1 - pbar) * s->m2_score);
	out->p_value = oba_pchisq(out->x2, 1, 0);
}

/* ---- Fingertips recent trend ------------------------------------------------ */

/* chi-squared at 0.998 (qnorm(0.999)^2): the service's literal, the R port's */
#define FINGERTIPS_THRESHOLD	9.54953570608324
#define DHSC_THRESHOLD			9.5495
/* 2 z for a 95% interval: the service's 3.92; the R port's 2 qnorm(0.975) */
#define FINGERTIPS_TWO_Z		3.92

static const char *const TREND_INCREASING = "increasing";
static const char *const TREND_DECREASING = "decreasing";
static const char *const TREND_NO_CHANGE = "no significant change";
static const char *const TREND_CANNOT = "cannot be calculated";

static const char *
trend_marker(const char *trend, int polarity)
{
	if (trend == TREND_INCREASING)
		return polarity > 0 ? "increasing and getting better" :
			polarity < 0 ? "increasing and getting worse" : TREND_INCREASING;
	if (trend == TREND_DECREASING)
		return polarity > 0 ? "decreasing and getting worse" :
			polarity < 0 ? "decreasing and getting better" : TREND_DECREASING;
	return trend;
}

/* Weighted least-squares slope of y on t (w = 1 for OLS), centred; NaN if undefined. */
static double
wls_slope(const double *t, const double *y, const double *w, size_t k, size_t skip,
		  double *sw_tt)
{
	double		sw = 0,
				swt = 0,
				swy = 0,
				tb,
				yb,
				num = 0,
				den = 0;
	size_t		i;

	for (i = 0; i < k; i++)
		if (i != skip)
		{
			sw += w[i];
			swt += w[i] * t[i];
			swy += w[i] * y[i];
		}
	tb = swt / sw;
	yb = swy / sw;
	for (i = 0; i < k; i++)
		if (i != skip)
		{
			num += w[i] * (t[i] - tb) * (y[i] - yb);
			den += w[i] * (t[i] - tb) * (t[i] - tb);
		}
	if (sw_tt != NULL)
		*sw_tt = den;
	return num / den;
}

static void
recent_init(oba_recent_trend *out, int points)
{
	out->points = points;
	out->chi2 = out->p_value = out->slope = NAN;
	out->loo_signs[0] = '\0';
	out->significant = 0;
	out->outlier_found = 0;
	out->trend = TREND_CANNOT;
	out->marker = TREND_CANNOT;
}

/*
 * The last `points` rows if they are all valid; else NULL and *run holds the
 * length of the valid run back from the latest row.
 */
static const double *
recent_window(const double *rows, size_t n, int width, int points, int *run)
{
	size_t		i;
	int			j;

	*run = 0;
	for (i = n; i > 0 && *run < points; i--)
	{
		const double *r = rows + (i - 1) * width;

		for (j = 1; j < width; j++)
			if (isnan(r[j]))
				break;
		if (j < width)
			break;
		(*run)++;
	}
	return *run == points ? rows + (n - points) * width : NULL;
}

/* Decision: significant, robust (leave-one-out signs), direction; then the marker. */
static void
recent_decide(oba_recent_trend *out, const double *t, const double *y, const double *w,
			  int k, int polarity, int variant)
{
	double		threshold = variant == OBA_TREND_DHSC ? DHSC_THRESHOLD : FINGERTIPS_THRESHOLD;
	int			full = out->slope > 0 ? 1 : out->slope < 0 ? -1 : 0,
				robust = 1,
				j;
	char	   *p = out->loo_signs;

	for (j = 0; j < k; j++)
	{
		double		b = wls_slope(t, y, w, (size_t) k, (size_t) j, NULL);
		int			sg;

		if (isnan(b))
		{
			p += sprintf(p, "NaN");
			robust = 0;
			continue;
		}
		sg = b > 0 ? 1 : b < 0 ? -1 : 0;
		*p++ = sg > 0 ? '+' : sg < 0 ? '-' : '0';
		*p = '\0';
		/* the service counts a slope of exactly 0 as positive; the R port as a change */
		if (sg == 0 && variant != OBA_TREND_DHSC)
			sg = 1;
		if (sg != full)
			robust = 0;
	}
	out->outlier_found = !robust;
	out->significant = out->chi2 > threshold;
	if (out->significant && robust && full != 0)
		out->trend = full > 0 ? TREND_INCREASING : TREND_DECREASING;
	else
		out->trend = TREND_NO_CHANGE;
	out->marker = trend_marker(out->trend, polarity);
}

int
oba_recent_trend_proportion(const double *rows, size_t n, int points, int polarity,
							int variant, oba_recent_trend *out, oba_error *err)
{
	double		x[OBA_RECENT_MAX_POINTS],
				dn[OBA_RECENT_MAX_POINTS],
				s[OBA_RECENT_MAX_POINTS],
				logit[OBA_RECENT_MAX_POINTS],
				one[OBA_RECENT_MAX_POINTS];
	const double *win;
	oba_chisq_trend_result ct;
	int			run,
				i,
				undefined = 0;

	if (points < 3 || points > OBA_RECENT_MAX_POINTS)
		return oba_fail(err, OBA_EINVAL, "points must be between 3 and %d, got %d",
						OBA_RECENT_MAX_POINTS, points);
	recent_init(out, 0);
	win = recent_window(rows, n, 3, points, &run);
	out->points = run;
	if (win == NULL)
		return 0;
	for (i = 0; i < points; i++)
	{
		x[i] = win[i * 3 + 1];
		dn[i] = win[i * 3 + 2];
		s[i] = i + 1;			/* scores are positions, not times */
		one[i] = 1.0;
		/* a logit of 0 or 1 is infinite: the slope is undefined */
		if (!(x[i] > 0 && x[i] < dn[i]))
			undefined = 1;
		else
			logit[i] = log(x[i] / (dn[i] - x[i]));
	}
	oba_chisq_trend(x, dn, s, (size_t) points, &ct);
	out->chi2 = ct.x2;
	out->p_value = ct.p_value;
	if (undefined || isnan(ct.x2))
	{
		out->significant = out->chi2 > (variant == OBA_TREND_DHSC ?
										DHSC_THRESHOLD : FINGERTIPS_THRESHOLD);
		return 0;				/* cannot be calculated */
	}
	out->slope = wls_slope(s, logit, one, (size_t) points, (size_t) -1, NULL);
	recent_decide(out, s, logit, one, points, polarity, variant);
	return 0;
}

int
oba_recent_trend_ci(const double *rows, size_t n, int points, int polarity, int variant,
					oba_recent_trend *out, oba_error *err)
{
	double		y[OBA_RECENT_MAX_POINTS],
				w[OBA_RECENT_MAX_POINTS],
				s[OBA_RECENT_MAX_POINTS],
				two_z,
				stt;
	const double *win;
	int			run,
				i;

	if (points < 3 || points > OBA_RECENT_MAX_POINTS)
		return oba_fail(err, OBA_EINVAL, "points must be between 3 and %d, got %d",
						OBA_RECENT_MAX_POINTS, points);
	recent_init(out, 0);
	win = recent_window(rows, n, 4, points, &run);
	out->points = run;
	if (win == NULL)
		return 0;
	two_z = variant == OBA_TREND_DHSC ? 2.0 * oba_qnorm(0.975) : FINGERTIPS_TWO_Z;
	for (i = 0; i < points; i++)
	{
		double		se = (win[i * 4 + 3] - win[i * 4 + 2]) / two_z;

		if (!(se > 0))
			return 0;			/* a zero-width interval: infinite weight */
		y[i] = win[i * 4 + 1];
		w[i] = 1.0 / (se * se);
		s[i] = i + 1;
	}
	/* known variances: Var(b) = 1 / sum w (t - tbar)^2, chi2 = b^2 / Var(b) */
	out->slope = wls_slope(s, y, w, (size_t) points, (size_t) -1, &stt);
	out->chi2 = out->slope * out->slope * stt;
	out->p_value = oba_pchisq(out->chi2, 1, 0);
	recent_decide(out, s, y, w, points, polarity, variant);
	return 0;
}
