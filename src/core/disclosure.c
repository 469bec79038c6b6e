/*
 * disclosure.c: primary and secondary cell suppression.
 *
 * A table with totals is a set of linear equations: every row and every
 * column (the row of column totals and the column of row totals included)
 * adds up to its total. A suppressed cell can be worked out by adding and
 * subtracting published cells and totals exactly when it lies on no cycle
 * of the bipartite graph whose nodes are the table's lines and whose edges
 * are the suppressed cells (the cycle space is the kernel of the system; a
 * cell outside every cycle, a bridge, is fixed). A one-way table is a single
 * equation: a cell is fixed when it is the only one suppressed.
 *
 * So, after primary suppression (1 .. threshold-1, zero if asked), cells are
 * added until: no line has exactly one suppressed cell; in every line whose
 * total is published, the suppressed cells add up to at least the threshold
 * (their sum is what subtraction reveals); and, in a two-way table, no
 * suppressed cell is a bridge. A complementary cell is chosen by a greedy
 * rule: an inner cell before a total, one that also fixes its crossing
 * line, a non-zero one, the smallest, the first. This is the classic
 * hypercube-free heuristic; it does not compute the protection intervals
 * that linear programming (tau-ARGUS) gives.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "disclosure.h"

#include <limits.h>
#include <string.h>

int
oba_check_threshold(int64_t threshold, oba_error *err)
{
	if (threshold < 1)
		return oba_fail(err, OBA_EINVAL, "threshold must be at least 1, got %lld",
						(long long) threshold);
	return 0;
}

int
oba_is_small(int64_t count, int64_t threshold, int suppress_zero)
{
	return count == 0 ? suppress_zero : count < threshold;
}

int
oba_round_to(int64_t count, int64_t base, int64_t *out, oba_error *err)
{
	int64_t		r;

	if (count < 0)
		return oba_fail(err, OBA_EINVAL, "count must not be negative, got %lld", (long long) count);
	if (base < 1)
		return oba_fail(err, OBA_EINVAL, "base must be at least 1, got %lld", (long long) base);
	r = count % base;
	if (r < base - r)			/* 2r < base, without overflow */
	{
		*out = count - r;
		return 0;
	}
	if (count - r > INT64_MAX - base)
		return oba_fail(err, OBA_ERANGE, "count %lld rounded to a multiple of %lld is out of range",
						(long long) count, (long long) base);
	*out = count - r + base;
	return 0;
}

/* ---- the suppression engine ---- */

typedef struct table
{
	int			nr,
				nc;				/* extended size: lines of cells plus totals */
	int			two_way;		/* 0: one line, the total last */
	const int64_t *v;			/* nr x nc values, totals included */
	int		   *flag;			/* nr x nc */
	int64_t		threshold;
	int		   *seen;			/* scratch, nr + nc */
	int		   *queue;			/* scratch, nr + nc */
} table;

/* A line: count cells from start by stride, the last one its total. */
typedef struct line
{
	int			start,
				stride,
				count;
} line;

static line
row_line(const table *t, int i)
{
	line		l = {i * t->nc, 1, t->nc};

	return l;
}

static line
col_line(const table *t, int j)
{
	line		l = {j, t->nc, t->nr};

	return l;
}

static int
nlines(const table *t)
{
	return t->two_way ? t->nr + t->nc : 1;
}

static line
get_line(const table *t, int k)
{
	return k < t->nr ? row_line(t, k) : col_line(t, k - t->nr);
}

static int
suppressed_in(const table *t, line l)
{
	int			k, n = 0;

	for (k = 0; k < l.count; k++)
		n += t->flag[l.start + k * l.stride] != OBA_PUBLISHED;
	return n;
}

/* 0 inner cell, 1 a row or column total, 2 the grand total */
static int
level(const table *t, int idx)
{
	return (idx % t->nc == t->nc - 1) + (t->two_way && idx / t->nc == t->nr - 1);
}

/*
 * Preference key of a complementary cell, smaller is better: level, then
 * (two-way) whether its crossing line needs a second suppression (0), has
 * some (1) or none (2), then zero after non-zero, then value, then position.
 */
static int
better_candidate(const table *t, int a, int b, int cross_a, int cross_b)
{
	int			la = level(t, a), lb = level(t, b);

	if (la != lb)
		return la < lb;
	if (cross_a != cross_b)
		return cross_a < cross_b;
	if ((t->v[a] == 0) != (t->v[b] == 0))
		return t->v[a] != 0;
	if (t->v[a] != t->v[b])
		return t->v[a] < t->v[b];
	return a < b;
}

static int
cross_score(const table *t, int idx, int in_row_line)
{
	int			k;

	if (!t->two_way)
		return 0;
	k = in_row_line ? suppressed_in(t, col_line(t, idx % t->nc))
		: suppressed_in(t, row_line(t, idx / t->nc));
	return k == 1 ? 0 : k >= 2 ? 1 : 2;
}

/* Suppress the best published cell of line number lk; 0 if there is none. */
static int
add_complement(table *t, int lk)
{
	line		l = get_line(t, lk);
	int			in_row = lk < t->nr;
	int			k, best = -1, best_cross = 0;

	for (k = 0; k < l.count; k++)
	{
		int			idx = l.start + k * l.stride;
		int			cross;

		if (t->flag[idx] != OBA_PUBLISHED)
			continue;
		cross = cross_score(t, idx, in_row);
		if (best < 0 || better_candidate(t, idx, best, cross, best_cross))
		{
			best = idx;
			best_cross = cross;
		}
	}
	if (best < 0)
		return 0;
	t->flag[best] = OBA_SUPPRESSED_SECONDARY;
	return 1;
}

/* A line with exactly one suppressed cell gives it away: add one. */
static int
fix_single(table *t)
{
	int			lk;

	for (lk = 0; lk < nlines(t); lk++)
		if (suppressed_in(t, get_line(t, lk)) == 1 && add_complement(t, lk))
			return 1;
	return 0;
}

/* Where the total is published, subtraction reveals the suppressed cells' sum. */
static int
fix_small_sum(table *t)
{
	int			lk, k;

	for (lk = 0; lk < nlines(t); lk++)
	{
		line		l = get_line(t, lk);
		int			total = l.start + (l.count - 1) * l.stride;
		int			n = 0;
		int64_t		sum = 0;

		if (t->flag[total] != OBA_PUBLISHED)
			continue;
		for (k = 0; k < l.count - 1; k++)
		{
			int			idx = l.start + k * l.stride;

			if (t->flag[idx] != OBA_PUBLISHED)
			{
				n++;
				sum += t->v[idx];
			}
		}
		if (n > 0 && sum < t->threshold && add_complement(t, lk))
			return 1;
	}
	return 0;
}

/*
 * Nodes 0..nr-1 are rows, nr..nr+nc-1 columns, suppressed cells the edges.
 * Marks in seen[] (with mark) the nodes reachable from node without using
 * the edge skip (a cell index, or -1).
 */
static void
reach(table *t, int node, int skip, int mark)
{
	int			head = 0, tail = 0;

	t->seen[node] = mark;
	t->queue[tail++] = node;
	while (head < tail)
	{
		int			u = t->queue[head++];
		int			k, n = u < t->nr ? t->nc : t->nr;

		for (k = 0; k < n; k++)
		{
			int			idx = u < t->nr ? u * t->nc + k : k * t->nc + (u - t->nr);
			int			w = u < t->nr ? t->nr + k : k;

			if (idx == skip || t->flag[idx] == OBA_PUBLISHED || t->seen[w] != 0)
				continue;
			t->seen[w] = mark;
			t->queue[tail++] = w;
		}
	}
}

/*
 * A suppressed cell on no cycle is fixed by the equations. Join the two
 * sides of such a bridge with one more suppressed cell, which closes a
 * cycle through it.
 */
static int
fix_bridges(table *t)
{
	int			e;

	for (e = 0; e < t->nr * t->nc; e++)
	{
		int			r = e / t->nc, c = e % t->nc, idx, best = -1;

		if (t->flag[e] == OBA_PUBLISHED)
			continue;
		memset(t->seen, 0, sizeof(int) * (t->nr + t->nc));
		reach(t, r, e, 1);
		if (t->seen[t->nr + c] != 0)
			continue;			/* on a cycle */
		reach(t, t->nr + c, e, 2);
		for (idx = 0; idx < t->nr * t->nc; idx++)
		{
			int			sr = t->seen[idx / t->nc], sc = t->seen[t->nr + idx % t->nc];

			if (t->flag[idx] != OBA_PUBLISHED || sr == 0 || sc == 0 || sr == sc)
				continue;
			if (best < 0 || better_candidate(t, idx, best, 0, 0))
				best = idx;
		}
		if (best >= 0)
		{
			t->flag[best] = OBA_SUPPRESSED_SECONDARY;
			return 1;
		}
	}
	return 0;
}

static int
run(table *t, int suppress_zero)
{
	int			idx;

	for (idx = 0; idx < t->nr * t->nc; idx++)
		t->flag[idx] = oba_is_small(t->v[idx], t->threshold, suppress_zero)
			? OBA_SUPPRESSED_PRIMARY : OBA_PUBLISHED;
	for (;;)
	{
		if (fix_single(t) || fix_small_sum(t))
			continue;
		if (t->two_way && fix_bridges(t))
			continue;
		break;
	}
	return 0;
}

static int
check_cells(const int64_t *cells, int n, int64_t threshold, oba_error *err)
{
	int			i;

	if (oba_check_threshold(threshold, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (cells[i] < 0)
			return oba_fail(err, OBA_EINVAL, "count must not be negative, got %lld",
							(long long) cells[i]);
	return 0;
}

static int
add_checked(int64_t *sum, int64_t x, oba_error *err)
{
	if (*sum > INT64_MAX - x)
		return oba_fail(err, OBA_ERANGE, "the total of the counts is out of range");
	*sum += x;
	return 0;
}

static void *
scratch(const oba_allocator *alloc, size_t size)
{
	return alloc->alloc(alloc->ctx, size);
}

int
oba_suppress_one_way(const int64_t *cells, int n, int64_t threshold, int suppress_zero,
					 int *flags, const oba_allocator *alloc, oba_error *err)
{
	table		t;
	int64_t    *v;
	int64_t		total = 0;
	int			i;

	if (check_cells(cells, n, threshold, err) != 0)
		return -1;
	v = scratch(alloc, sizeof(int64_t) * (n + 1));
	if (v == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory");
	for (i = 0; i < n; i++)
	{
		v[i] = cells[i];
		if (add_checked(&total, cells[i], err) != 0)
		{
			alloc->release(alloc->ctx, v);
			return -1;
		}
	}
	v[n] = total;
	memset(&t, 0, sizeof(t));
	t.nr = 1;
	t.nc = n + 1;
	t.v = v;
	t.flag = flags;
	t.threshold = threshold;
	run(&t, suppress_zero);
	alloc->release(alloc->ctx, v);
	return 0;
}

int
oba_suppress_two_way(const int64_t *cells, int nrows, int ncols, int64_t threshold,
					 int suppress_zero, int *flags, const oba_allocator *alloc, oba_error *err)
{
	table		t;
	int64_t    *v;
	int			nr = nrows + 1, nc = ncols + 1, i, j;

	if (check_cells(cells, nrows * ncols, threshold, err) != 0)
		return -1;
	v = scratch(alloc, sizeof(int64_t) * nr * nc);
	t.seen = scratch(alloc, sizeof(int) * (nr + nc));
	t.queue = scratch(alloc, sizeof(int) * (nr + nc));
	if (v == NULL || t.seen == NULL || t.queue == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory");
	memset(v, 0, sizeof(int64_t) * nr * nc);
	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++)
		{
			int64_t		x = cells[i * ncols + j];

			v[i * nc + j] = x;
			if (add_checked(&v[i * nc + ncols], x, err) != 0 ||
				add_checked(&v[nrows * nc + j], x, err) != 0 ||
				add_checked(&v[nrows * nc + ncols], x, err) != 0)
				goto fail;
		}
	t.nr = nr;
	t.nc = nc;
	t.two_way = 1;
	t.v = v;
	t.flag = flags;
	t.threshold = threshold;
	run(&t, suppress_zero);
	alloc->release(alloc->ctx, t.queue);
	alloc->release(alloc->ctx, t.seen);
	alloc->release(alloc->ctx, v);
	return 0;
fail:
	alloc->release(alloc->ctx, t.queue);
	alloc->release(alloc->ctx, t.seen);
	alloc->release(alloc->ctx, v);
	return -1;
}
