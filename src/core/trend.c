/*
 * trend.c: trend tests on a series (METHODS.md sections 9 to 14).
 *  - Mann-Kendall (R cor.test(method = "kendall"), trend::mk.test) with the
 *    tie-corrected variance and continuity correction, and Sen's slope with
 *    Gilbert's rank interval (trend::sens.slope) and the intercept
 *    median(y - slope t) (zyp), all in O(n log n) time and O(n) memory;
 *  - ordinary least squares with confidence and prediction intervals (R lm,
 *    summary.lm, predict.lm), on centred sums;
 *  - interrupted time series by segmented regression (Wagner et al. 2002),
 *    by Householder QR as R lm;
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
	mk_rec	   *src = c->rec,
			   *dst = c->rtmp,
			   *swap;
	uint64_t	inv = 0;
	size_t		n = c->n,
				i,
				w,
				lo;
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
		src[i].key = k;
		src[i].idx = i;
		if (m > mmax)
			mmax = m;
		MK_STEP(st);
	}
	/* twice that error, and the rounding of a difference: below 2.3e-16 mmax */
	margin = mmax * 4e-16;

	/* runs of MK_RUN by insertion: each step back past an element is one pair */
	for (lo = 0; lo < n; lo += MK_RUN)
	{
		size_t		hi = n - lo > MK_RUN ? lo + MK_RUN : n,
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
	for (w = MK_RUN; w < n; w *= 2)
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
	if (src != c->rec)
		memcpy(c->rec, src, sizeof(mk_rec) * n);

	/* runs of equal keys: the pairs with slope exactly s */
	*equal = 0;
	c->tie[0] = 0;
	for (i = 1, lo = 0; i < n; i++)
	{
		const mk_rec *x = &c->rec[i - 1],
				   *y = &c->rec[i];

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
			   *src = c->q,
			   *dst = c->qtmp,
			   *swap,
				p,
				w,
				lo,
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
		src[p] = c->pos[b->perm_lo[p]];
		MK_STEP(st);
	}
	if (m > 0)
		next = (uint64_t) (stratum * mk_uniform(c));
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
	*nout = no;
	c->steps = st;
	return seen;
}

static void
bracket_init(mk_ctx *c, mk_bracket *b)
{
	size_t		st = c->steps;
	size_t		i;

	b->lo = -INFINITY;
	b->hi = INFINITY;
	b->lo_in = b->hi_in = 0;
	b->hit = 0;
	b->c_lo = 0;
	b->c_hi = c->pairs;
	/* as s goes to -inf the order is time order (no pair below); to +inf, its reverse */
	for (i = 0; i < c->n; i++)
	{
		b->perm_lo[i] = i;
		b->perm_hi[i] = c->n - 1 - i;
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
				size_t		p = (size_t) (mk_random(c) % c->n),
							q = (size_t) (mk_random(c) % (c->n - 1));

				c->sample[got++] = pair_slope(c, p, q >= p ? q + 1 : q, 0);
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
	double		tmax = 0.0,
				ymax = 0.0;
	int			et,
				ey,
				failed = 0;
	size_t		i,
				j,
				scratch;
	uint64_t	half;

	memset(&c, 0, sizeof(c));
	memset(&b, 0, sizeof(b));
	c.t = t;
	c.y = y;
	c.n = n;
	c.pairs = (uint64_t) n * (n - 1) / 2;
	c.rng = UINT64_C(0x6F62612D73656E21);
	c.msample = n > MK_MIN_SAMPLE ? n : MK_MIN_SAMPLE;
	c.cap = 2 * n > MK_MIN_CAP ? 2 * n : MK_MIN_CAP;
	if ((uint64_t) c.cap > c.pairs)
		c.cap = (size_t) c.pairs;
	if ((uint64_t) c.msample > c.pairs)
		c.msample = (size_t) c.pairs;

	c.band = xalloc_array(a, c.cap, sizeof(double), &failed);
	if (!failed && c.pairs <= c.cap)
	{
		/* few enough pairs to list them all, as the definition does */
		double	   *d = c.band;
		size_t		listed = 0;

		for (i = 0; i + 1 < n; i++)
			for (j = i + 1; j < n; j++)
			{
				d[listed++] = (y[j] - y[i]) / (t[j] - t[i]);
				OBA_CHECK_INTERRUPTS_EVERY(listed);
			}
		c.bn = listed;
		c.band_loaded = 1;
		c.blo = -INFINITY;
		c.bhi = INFINITY;
	}
	else if (!failed)
	{
		/* rtmp: merge sorts of the points, and scratch for sorting the sample */
		scratch = (c.msample * sizeof(double) + sizeof(mk_rec) - 1) / sizeof(mk_rec);
		c.rtmp = xalloc_array(a, scratch > n ? scratch : n, sizeof(mk_rec), &failed);
		c.ts = xalloc_array(a, n, sizeof(double), &failed);
		c.ys = xalloc_array(a, n, sizeof(double), &failed);
		c.rec = xalloc_array(a, n, sizeof(mk_rec), &failed);
		c.tie = xalloc_array(a, n, 1, &failed);
		c.q = xalloc_array(a, n, sizeof(size_t), &failed);
		c.qtmp = xalloc_array(a, n, sizeof(size_t), &failed);
		c.pos = xalloc_array(a, n, sizeof(size_t), &failed);
		b.perm_lo = xalloc_array(a, n, sizeof(size_t), &failed);
		b.perm_hi = xalloc_array(a, n, sizeof(size_t), &failed);
		c.sample = xalloc_array(a, c.msample, sizeof(double), &failed);
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
			c.shift = ey - et;
			for (i = 0; i < n; i++)
			{
				c.ts[i] = ldexp(t[i], -et);
				c.ys[i] = ldexp(y[i], -ey);
				OBA_CHECK_INTERRUPTS_EVERY(i);
			}
		}
	}
	if (!failed)
	{
		/* with every pair listed, each rank is taken from the list (band_take) */
		half = c.pairs / 2;
		if (c.pairs % 2 == 1)
			out->sen_slope = mk_kth_slope(&c, &b, half);
		else
		{
			double		lo = mk_kth_slope(&c, &b, half - 1),
						hi = mk_kth_slope(&c, &b, half);

			out->sen_slope = (lo + hi) / 2.0;
		}
		out->sen_pairs = (double) c.pairs;
		oba_sen_ranks(out->sen_pairs, out->var_s, &out->sen_c, &out->sen_rank_lower,
					  &out->sen_rank_upper);
		if (out->sen_rank_lower >= 1 && out->sen_rank_upper <= out->sen_pairs)
		{
			out->sen_lower = mk_kth_slope(&c, &b, (uint64_t) out->sen_rank_lower - 1);
			out->sen_upper = mk_kth_slope(&c, &b, (uint64_t) out->sen_rank_upper - 1);
		}
	}
	xfree(a, c.ts);
	xfree(a, c.ys);
	xfree(a, c.rec);
	xfree(a, c.tie);
	xfree(a, c.rtmp);
	xfree(a, c.q);
	xfree(a, c.qtmp);
	xfree(a, c.pos);
	xfree(a, b.perm_lo);
	xfree(a, b.perm_hi);
	xfree(a, c.sample);
	xfree(a, c.band);
	return failed ? -1 : 0;
}

void
oba_mk_sums(const double *y, size_t n, double *scratch, double *s_out, double *var_out,
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
	*var_out = (dn * (dn - 1) * (2 * dn + 5) - ties) / 18.0;
	/* tau-b; every value equal leaves nothing to correlate: defined as 0 */
	*tau_out = (n0 - n1) > 0 ? *s_out / sqrt((n0 - n1) * n0) : 0.0;
	*tied_pairs = n1;
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
