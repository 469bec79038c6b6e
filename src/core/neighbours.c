/*
 * neighbours.c: statistical neighbours (neighbours.h; METHODS.md 21): the
 * CIPFA Nearest Neighbours Model's distance (standardised variables,
 * Euclidean distance between every pair of areas), with the optional weights
 * of the DfE / NFER children's services statistical neighbour model.
 *
 * Every pair of complete rows is visited once (m(m-1)/2 distances of d terms
 * each) and offered to both rows' lists of the k nearest, kept as max-heaps
 * in the caller's output arrays; the largest distance, which the CIPFA
 * rebasing needs, comes from the same pass. Exhaustive rather than a k-d
 * tree: with the dozen or more variables these models use, a tree visits
 * most of the points anyway, and the pass over all pairs gives the farthest
 * pair for nothing.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "neighbours.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>

/* (da, ia) after (db, ib) in the order of (distance, row index) */
static int
after(double da, int ia, double db, int ib)
{
	return da > db || (da == db && ia > ib);
}

/* Restore the max-heap h[0, n) (squared distances sq, rows nb) below position p. */
static void
sift_down(double *sq, int *nb, size_t n, size_t p)
{
	double		v = sq[p];
	int			id = nb[p];

	for (;;)
	{
		size_t		c = 2 * p + 1;

		if (c >= n)
			break;
		if (c + 1 < n && after(sq[c + 1], nb[c + 1], sq[c], nb[c]))
			c++;
		if (!after(sq[c], nb[c], v, id))
			break;
		sq[p] = sq[c];
		nb[p] = nb[c];
		p = c;
	}
	sq[p] = v;
	nb[p] = id;
}

/*
 * Offer row j at squared distance s to the heap of row i (cnt entries, at
 * most k); keep worst[i] / worst_row[i], its largest entry once full.
 */
static void
offer(double *sq, int *nb, int *cnt, double *worst, int *worst_row, size_t k,
	  int i, int j, double s)
{
	double	   *h = sq + (size_t) i * k;
	int		   *hn = nb + (size_t) i * k;
	size_t		n = (size_t) cnt[i];

	if (n < k)
	{
		size_t		p = n;

		/* sift up */
		while (p > 0)
		{
			size_t		parent = (p - 1) / 2;

			if (!after(s, j, h[parent], hn[parent]))
				break;
			h[p] = h[parent];
			hn[p] = hn[parent];
			p = parent;
		}
		h[p] = s;
		hn[p] = j;
		cnt[i] = (int) (n + 1);
		if (n + 1 == k)
		{
			worst[i] = h[0];
			worst_row[i] = hn[0];
		}
		return;
	}
	h[0] = s;
	hn[0] = j;
	sift_down(h, hn, k, 0);
	worst[i] = h[0];
	worst_row[i] = hn[0];
}

int
oba_neighbours(const double *x, size_t n, size_t d, const double *weights,
			   size_t k, int *nb, double *dist, int *count, double *max_distance,
			   const oba_allocator *alloc, oba_error *err)
{
	int		   *rows = NULL,
			   *worst_row = NULL;
	size_t	   *var = NULL;
	double	   *val = NULL,
			   *sc = NULL,
			   *worst = NULL,
				wsum = 0,
				max_sq = 0;
	size_t		i,
				v,
				m = 0,
				da = 0,
				r;

	*max_distance = NAN;
	if (k < 1)
		return oba_fail(err, OBA_EINVAL, "k must be at least 1, got %zu", k);
	if (n > (size_t) INT_MAX || d == 0 || (n > 0 && d > SIZE_MAX / sizeof(double) / n))
		return oba_fail(err, OBA_EINVAL, "%zu areas of %zu variables cannot be compared", n, d);
	for (v = 0; weights != NULL && v < d; v++)
	{
		double		w = weights[v];

		if (!(w >= 0 && w <= OBA_NEIGHBOURS_MAX_WEIGHT))
			return oba_fail(err, OBA_EINVAL,
							"weight %zu must be between 0 and %g, got %.15g",
							v + 1, OBA_NEIGHBOURS_MAX_WEIGHT, w);
		wsum += w;
	}
	if (weights != NULL && wsum == 0)
		return oba_fail(err, OBA_EINVAL, "weights must not all be 0");

	/* the complete rows; an infinite value is an error, NaN is missing */
	for (i = 0; i < n; i++)
	{
		int			complete = 1;

		OBA_CHECK_INTERRUPTS_EVERY(i);
		count[i] = 0;
		for (v = 0; v < d; v++)
		{
			double		xv = x[i * d + v];

			if (isinf(xv))
				return oba_fail(err, OBA_EINVAL,
								"variable %zu of area %zu must be finite, got %sInfinity",
								v + 1, i + 1, xv < 0 ? "-" : "");
			if (isnan(xv))
				complete = 0;
		}
		m += (size_t) complete;
	}
	if (m < 2)
		return 0;

	rows = alloc->alloc(alloc->ctx, sizeof(int) * m);
	val = alloc->alloc(alloc->ctx, sizeof(double) * m * d);
	worst = alloc->alloc(alloc->ctx, sizeof(double) * n);
	worst_row = alloc->alloc(alloc->ctx, sizeof(int) * n);
	sc = alloc->alloc(alloc->ctx, sizeof(double) * d);
	var = alloc->alloc(alloc->ctx, sizeof(size_t) * d);
	if (rows == NULL || val == NULL || worst == NULL || worst_row == NULL || sc == NULL || var == NULL)
	{
		oba_fail(err, OBA_ENOMEM, "out of memory for %zu areas of %zu variables", n, d);
		goto fail;
	}
	m = 0;
	for (i = 0; i < n; i++)
	{
		int			complete = 1;

		for (v = 0; v < d && complete; v++)
			complete = !isnan(x[i * d + v]);
		if (complete)
			rows[m++] = (int) i;
		worst[i] = INFINITY;
		worst_row[i] = INT_MAX;
	}

	/*
	 * The standard deviation of each variable over the complete rows, its
	 * mean and squared deviations summed in row order (the caller's area
	 * order), so the result does not depend on the order the rows arrived
	 * in. The distance takes z_i - z_j as (x_i - x_j) x sqrt(weight) / sd,
	 * from the difference of the values: equal differences (the same values,
	 * or one value above and one below by the same amount) give distances
	 * equal to the bit, so they tie, and the lower code comes first, instead
	 * of an order decided by rounding. Variables with sd 0 (equal on every
	 * complete row) or weight 0 count nothing and are left out.
	 */
	for (v = 0; v < d; v++)
	{
		double		sum = 0,
					ss = 0,
					mean,
					sd,
					w = weights != NULL ? weights[v] : 1.0;

		OBA_CHECK_INTERRUPTS();
		for (r = 0; r < m; r++)
			sum += x[(size_t) rows[r] * d + v];
		mean = sum / (double) m;
		for (r = 0; r < m; r++)
		{
			double		dev = x[(size_t) rows[r] * d + v] - mean;

			ss += dev * dev;
		}
		sd = sqrt(ss / (double) (m - 1));
		if (!isfinite(mean) || !isfinite(sd))
		{
			oba_fail(err, OBA_ERANGE,
					 "variable %zu has values too large to standardise", v + 1);
			goto fail;
		}
		if (sd > 0 && w > 0)
		{
			sc[da] = sqrt(w) / sd;
			var[da] = v;
			da++;
		}
	}
	/* the values of the variables that count, row after row */
	for (r = 0; r < m; r++)
	{
		const double *xr = x + (size_t) rows[r] * d;

		OBA_CHECK_INTERRUPTS_EVERY(r);
		for (v = 0; v < da; v++)
			val[r * da + v] = xr[var[v]];
	}

	/*
	 * Every pair once. The rows reach each heap in increasing order (row i
	 * meets the rows before it in their passes, then those after it in its
	 * own), so of equal distances the lower row stays.
	 */
	for (r = 0; r < m; r++)
	{
		const double *zr = val + r * da;
		int			ir = rows[r];
		size_t		q;

		OBA_CHECK_INTERRUPTS();
		for (q = r + 1; q < m; q += 4)
		{
			double		s[4] = {0, 0, 0, 0};
			size_t		t,
						nq = m - q < 4 ? m - q : 4;

			/*
			 * Four rows at a time: four independent sums keep the adder
			 * busy (a single sum waits on each add). Each sum still runs
			 * over the variables in order, so every distance has the bits
			 * it would have alone.
			 */
			if (nq == 4)
			{
				const double *z0 = val + q * da,
						   *z1 = z0 + da,
						   *z2 = z1 + da,
						   *z3 = z2 + da;

				for (v = 0; v < da; v++)
				{
					double		a = zr[v],
								c = sc[v],
								d0 = (a - z0[v]) * c,
								d1 = (a - z1[v]) * c,
								d2 = (a - z2[v]) * c,
								d3 = (a - z3[v]) * c;

					s[0] += d0 * d0;
					s[1] += d1 * d1;
					s[2] += d2 * d2;
					s[3] += d3 * d3;
				}
			}
			else
				for (t = 0; t < nq; t++)
				{
					const double *zq = val + (q + t) * da;

					for (v = 0; v < da; v++)
					{
						double		diff = (zr[v] - zq[v]) * sc[v];

						s[t] += diff * diff;
					}
				}
			for (t = 0; t < nq; t++)
			{
				int			iq = rows[q + t];
				double		st = s[t];

				if (st > max_sq)
					max_sq = st;
				if (st < worst[ir] || (st == worst[ir] && iq < worst_row[ir]))
					offer(dist, nb, count, worst, worst_row, k, ir, iq, st);
				if (st < worst[iq] || (st == worst[iq] && ir < worst_row[iq]))
					offer(dist, nb, count, worst, worst_row, k, iq, ir, st);
			}
		}
	}

	/* each heap in ascending order (heapsort), as distances */
	for (r = 0; r < m; r++)
	{
		size_t		base = (size_t) rows[r] * k,
					end;

		OBA_CHECK_INTERRUPTS_EVERY(r);
		for (end = (size_t) count[rows[r]]; end > 1; end--)
		{
			double		ts = dist[base];
			int			tn = nb[base];

			dist[base] = dist[base + end - 1];
			nb[base] = nb[base + end - 1];
			dist[base + end - 1] = ts;
			nb[base + end - 1] = tn;
			sift_down(dist + base, nb + base, end - 1, 0);
		}
		for (end = 0; end < (size_t) count[rows[r]]; end++)
			dist[base + end] = sqrt(dist[base + end]);
	}
	*max_distance = sqrt(max_sq);
	alloc->release(alloc->ctx, rows);
	alloc->release(alloc->ctx, val);
	alloc->release(alloc->ctx, worst);
	alloc->release(alloc->ctx, worst_row);
	alloc->release(alloc->ctx, sc);
	alloc->release(alloc->ctx, var);
	return 0;

fail:
	for (i = 0; i < n; i++)
		count[i] = 0;
	if (rows != NULL)
		alloc->release(alloc->ctx, rows);
	if (val != NULL)
		alloc->release(alloc->ctx, val);
	if (worst != NULL)
		alloc->release(alloc->ctx, worst);
	if (worst_row != NULL)
		alloc->release(alloc->ctx, worst_row);
	if (sc != NULL)
		alloc->release(alloc->ctx, sc);
	if (var != NULL)
		alloc->release(alloc->ctx, var);
	return -1;
}
