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

/*
 * The rules above, applied one cell at a time exactly as a plain search
 * would: after each new suppression start again from the first rule and the
 * first line. A plain search rescans the table for every cell it adds, and
 * walks the graph once per suppressed cell for bridges: cubic or worse in
 * the side of a table, and sparse tables (labels that pair up rarely, so
 * most cells are zeros that join a line's small sum one at a time) add
 * hundreds of thousands of cells. This one keeps what it needs up to date:
 *
 *  - per line, how many of its cells are suppressed (the total included), and
 *    how many of its other cells and their sum;
 *  - two heaps of line numbers, those with exactly one suppressed cell and
 *    those whose suppressed cells add up to less than the threshold under a
 *    published total: a line enters each at most once and leaves for good,
 *    so the first line of a rule is the top of its heap once stale entries
 *    are dropped;
 *  - in a two-way table, per line, its cells other than the total in their
 *    order of preference leaving the crossing line aside (non-zero first,
 *    then value, then position), under a tree of bit masks saying which of
 *    the three crossing-line classes (one, two or more, no suppressed cell)
 *    the published cells below each node are in, so that the best
 *    complementary cell is found in O(log line). A line whose count changes
 *    class moves its published cells in the crossing lines' trees: at most
 *    twice per line. (A one-way table adds at most two cells: a scan.)
 *  - bridges by one depth-first search (Tarjan's low-link) for a run of the
 *    bridge rule, not one per suppressed cell: a cell joining the two sides
 *    of a bridge only removes bridges, those on the search tree's path
 *    between its ends. The joining cell is found by walking the lines of
 *    the smaller side in their order of preference, each only as far as it
 *    can still beat the best so far.
 *
 * Time is O(cells log cells) but for the bridge rule, whose rounds (at most
 * one per line) each walk one side of a bridge. Memory is O(cells): about
 * 25 bytes a cell beyond the values. Every loop counts its steps in t->steps
 * and checks for interrupts every 4096 of them.
 */

typedef struct key_pos
{
	int64_t		v;
	int			pos;
} key_pos;

typedef struct heap
{
	int		   *a;
	int			n;
} heap;

typedef struct table
{
	int			nr,
				nc;				/* extended size: lines of cells plus totals */
	int			two_way;		/* 0: one line, the total last */
	const int64_t *v;			/* nr x nc values, totals included */
	int		   *flag;			/* nr x nc */
	int64_t		threshold;
	size_t		steps;			/* work done, for the interrupt checks */

	/* per line (rows, then columns): lines nr + nc, or 1 */
	int		   *cnt;			/* suppressed cells, the total included */
	int		   *nsup;			/* suppressed cells other than the total */
	int64_t    *ssum;			/* and their sum */
	heap		single;			/* lines that had cnt == 1 */
	heap		small;			/* lines that had a small suppressed sum */

	/*
	 * The cells of a row other than its total (nc - 1 of them) in their order
	 * of preference: rord[i * (nc - 1) + p] is the column of the p-th, and
	 * rpos the inverse; rtree the row's tree, 2 * rleaves bytes. Columns the
	 * same, with nr - 1 cells.
	 */
	int		   *rord,
			   *rpos,
			   *cord,
			   *cpos;
	unsigned char *rtree,
			   *ctree;
	key_pos    *key,
			   *tmp;			/* scratch for ordering a line */
	int			rleaves,
				cleaves;

	/* the bridge search, nr + nc nodes each */
	int		   *tin,
			   *tout,
			   *low,
			   *pedge,
			   *cursor,
			   *stack,
			   *order,
			   *root,
			   *bridges,		/* nodes below a bridge, by its cell */
			   *isb;			/* 1: the node's parent edge is still a bridge */
	int			nb,
				next_bridge,
				dfs_valid;		/* the search above still describes the graph */
} table;

#define STEP(t) OBA_CHECK_INTERRUPTS_EVERY(++(t)->steps)

static int
nlines(const table *t)
{
	return t->two_way ? t->nr + t->nc : 1;
}

/* The total of line lk: the last cell of its row or column. */
static int
line_total(const table *t, int lk)
{
	return lk < t->nr ? lk * t->nc + t->nc - 1 : (t->nr - 1) * t->nc + (lk - t->nr);
}

/* 0 inner cell, 1 a row or column total, 2 the grand total */
static int
level(const table *t, int idx)
{
	return (idx % t->nc == t->nc - 1) + (t->two_way && idx / t->nc == t->nr - 1);
}

/*
 * Order of preference among cells of one level whose crossing lines are in
 * the same class: non-zero before zero, then the smaller value, then the
 * first position. 1 when cell a comes before cell b.
 */
static int
before(const table *t, int a, int b)
{
	if ((t->v[a] == 0) != (t->v[b] == 0))
		return t->v[a] != 0;
	if (t->v[a] != t->v[b])
		return t->v[a] < t->v[b];
	return a < b;
}

/*
 * The class of a crossing line holding k suppressed cells, in order of
 * preference: one (its cell needs a partner: 0), two or more (1), none (2).
 */
static int
cross_class(int k)
{
	return k == 1 ? 0 : k >= 2 ? 1 : 2;
}

/* ---- heaps of line numbers, smallest on top ---- */

static void
heap_push(heap *h, int x)
{
	int			i = h->n++;

	while (i > 0 && h->a[(i - 1) / 2] > x)
	{
		h->a[i] = h->a[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->a[i] = x;
}

static void
heap_pop(heap *h)
{
	int			x = h->a[--h->n], i = 0;

	for (;;)
	{
		int			c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && h->a[c + 1] < h->a[c])
			c++;
		if (h->a[c] >= x)
			break;
		h->a[i] = h->a[c];
		i = c;
	}
	if (h->n > 0)
		h->a[i] = x;
}

/* ---- the cells of a line in order of preference ---- */

/* cell of the p-th position of line lk's order */
static int
ordered_cell(const table *t, int lk, int p)
{
	if (lk < t->nr)
		return lk * t->nc + t->rord[(size_t) lk * (t->nc - 1) + p];
	return t->cord[(size_t) (lk - t->nr) * (t->nr - 1) + p] * t->nc + (lk - t->nr);
}

/*
 * Line lk's order of preference over its n cells other than the total,
 * written to ord (positions along the line) and its inverse to pos: the
 * non-zero cells by value, stably (so by position among equal values, as
 * positions along a line follow cell positions), then the zeros in place.
 * key and tmp are scratch for n values.
 */
static void
order_line(table *t, int lk, int *ord, int *pos, key_pos *key, key_pos *tmp, int n)
{
	int			p, m = 0, z, width;

	for (p = 0; p < n; p++)
	{
		int64_t		x = t->v[lk < t->nr ? lk * t->nc + p : p * t->nc + (lk - t->nr)];

		STEP(t);
		if (x != 0)
		{
			key[m].v = x;
			key[m].pos = p;
			m++;
		}
	}
	/* bottom-up merge sort of key[0, m) by value, stable */
	for (width = 1; width < m; width *= 2)
	{
		int			lo;

		for (lo = 0; lo < m; lo += 2 * width)
		{
			int			mid = lo + width < m ? lo + width : m,
						hi = lo + 2 * width < m ? lo + 2 * width : m,
						i = lo, j = mid, k = lo;

			while (k < hi)
			{
				STEP(t);
				if (j >= hi || (i < mid && key[i].v <= key[j].v))
					tmp[k++] = key[i++];
				else
					tmp[k++] = key[j++];
			}
		}
		{
			key_pos    *swap = key;

			key = tmp;
			tmp = swap;
		}
	}
	for (p = 0; p < m; p++)
	{
		STEP(t);
		ord[p] = key[p].pos;
	}
	z = m;
	for (p = 0; p < n; p++)
	{
		STEP(t);
		if (t->v[lk < t->nr ? lk * t->nc + p : p * t->nc + (lk - t->nr)] == 0)
			ord[z++] = p;
	}
	for (p = 0; p < n; p++)
	{
		STEP(t);
		pos[ord[p]] = p;
	}
}

/* The leaf of a published cell in line lk's tree: its crossing line's class. */
static unsigned char
leaf_bits(const table *t, int lk, int idx)
{
	if (t->flag[idx] != OBA_PUBLISHED)
		return 0;
	return (unsigned char) (1u << cross_class(t->cnt[lk < t->nr ? t->nr + idx % t->nc : idx / t->nc]));
}

/* Line lk's tree from its order, all at once. */
static void
build_tree(table *t, int lk, unsigned char *tree, int leaves, int n)
{
	int			p;

	for (p = 0; p < n; p++)
	{
		STEP(t);
		tree[leaves + p] = leaf_bits(t, lk, ordered_cell(t, lk, p));
	}
	for (p = leaves - 1; p >= 1; p--)
	{
		STEP(t);
		tree[p] = tree[2 * p] | tree[2 * p + 1];
	}
}

/* Set the leaf of position p in a tree of the given leaves to bits. */
static void
tree_set(unsigned char *tree, int leaves, int p, unsigned char bits)
{
	int			node = leaves + p;

	if (tree[node] == bits)
		return;
	tree[node] = bits;
	for (node /= 2; node >= 1; node /= 2)
	{
		unsigned char b = tree[2 * node] | tree[2 * node + 1];

		if (tree[node] == b)
			break;
		tree[node] = b;
	}
}

/* The first position whose leaf has bit, or -1. */
static int
tree_first(const unsigned char *tree, int leaves, unsigned char bit)
{
	int			node = 1;

	if ((tree[1] & bit) == 0)
		return -1;
	while (node < leaves)
		node = (tree[2 * node] & bit) ? 2 * node : 2 * node + 1;
	return node - leaves;
}

static unsigned char *
row_tree(const table *t, int i)
{
	return t->rtree + (size_t) i * 2 * t->rleaves;
}

static unsigned char *
col_tree(const table *t, int j)
{
	return t->ctree + (size_t) j * 2 * t->cleaves;
}

/* Cell idx's leaves in its row's tree and its column's (two-way tables only). */
static void
place(table *t, int idx)
{
	int			i = idx / t->nc, j = idx % t->nc;

	if (!t->two_way)
		return;
	if (j < t->nc - 1)
		tree_set(row_tree(t, i), t->rleaves, t->rpos[(size_t) i * (t->nc - 1) + j],
				 leaf_bits(t, i, idx));
	if (i < t->nr - 1)
		tree_set(col_tree(t, j), t->cleaves, t->cpos[(size_t) j * (t->nr - 1) + i],
				 leaf_bits(t, t->nr + j, idx));
	STEP(t);
}

static int
small_sum(const table *t, int lk)
{
	return t->flag[line_total(t, lk)] == OBA_PUBLISHED && t->nsup[lk] > 0 &&
		t->ssum[lk] < t->threshold;
}

/* One more suppressed cell in line lk; x its value when it is not the total. */
static void
count_in(table *t, int lk, int is_total, int64_t x)
{
	int			before_count = t->cnt[lk]++;

	if (t->cnt[lk] == 1)
		heap_push(&t->single, lk);
	if (!is_total)
	{
		t->nsup[lk]++;
		t->ssum[lk] += x;		/* at most the line's total: no overflow */
		if (t->nsup[lk] == 1 && small_sum(t, lk))
			heap_push(&t->small, lk);
	}
	/* the line's published cells change class in their crossing lines */
	if (t->two_way && cross_class(before_count) != cross_class(t->cnt[lk]))
	{
		int			k;

		if (lk < t->nr && lk < t->nr - 1)
			for (k = 0; k < t->nc; k++)
			{
				if (t->flag[lk * t->nc + k] == OBA_PUBLISHED)
					place(t, lk * t->nc + k);
				STEP(t);
			}
		else if (lk >= t->nr && lk - t->nr < t->nc - 1)
			for (k = 0; k < t->nr; k++)
			{
				if (t->flag[k * t->nc + (lk - t->nr)] == OBA_PUBLISHED)
					place(t, k * t->nc + (lk - t->nr));
				STEP(t);
			}
	}
}

static void
suppress_cell(table *t, int idx)
{
	int			i = idx / t->nc, j = idx % t->nc;

	t->flag[idx] = OBA_SUPPRESSED_SECONDARY;
	t->dfs_valid = 0;
	place(t, idx);
	count_in(t, i, j == t->nc - 1, t->v[idx]);
	if (t->two_way)
		count_in(t, t->nr + j, i == t->nr - 1, t->v[idx]);
}

/*
 * Suppress the best published cell of line lk; 0 if there is none. The
 * best: a cell before the total (the total's level is higher), then by the
 * class of its crossing line, then before().
 */
static int
add_complement(table *t, int lk)
{
	int			k, total = line_total(t, lk);

	if (t->two_way)
	{
		const unsigned char *tree = lk < t->nr ? row_tree(t, lk) : col_tree(t, lk - t->nr);
		int			leaves = lk < t->nr ? t->rleaves : t->cleaves;

		for (k = 0; k < 3; k++)
		{
			int			p = tree_first(tree, leaves, (unsigned char) (1u << k));

			if (p >= 0)
			{
				suppress_cell(t, ordered_cell(t, lk, p));
				return 1;
			}
		}
	}
	else
	{
		/*
		 * One line and no crossing lines: a scan. It runs at most twice: once
		 * for a lone suppressed cell, and once for a small sum, which the
		 * smallest published non-zero cell (at least the threshold, or it
		 * would be primary) ends; when only zeros are published the total is
		 * the small sum itself and so suppressed.
		 */
		int			best = -1;

		for (k = 0; k < t->nc - 1; k++)
		{
			STEP(t);
			if (t->flag[k] == OBA_PUBLISHED && (best < 0 || before(t, k, best)))
				best = k;
		}
		if (best >= 0)
		{
			suppress_cell(t, best);
			return 1;
		}
	}
	if (t->flag[total] != OBA_PUBLISHED)
		return 0;
	suppress_cell(t, total);
	return 1;
}

/* A line with exactly one suppressed cell gives it away: add one. */
static int
fix_single(table *t)
{
	while (t->single.n > 0)
	{
		int			lk = t->single.a[0];

		STEP(t);
		if (t->cnt[lk] == 1 && add_complement(t, lk))
			return 1;
		heap_pop(&t->single);	/* more than one now, or none to add: for good */
	}
	return 0;
}

/* Where the total is published, subtraction reveals the suppressed cells' sum. */
static int
fix_small_sum(table *t)
{
	while (t->small.n > 0)
	{
		int			lk = t->small.a[0];

		STEP(t);
		if (small_sum(t, lk) && add_complement(t, lk))
			return 1;
		heap_pop(&t->small);	/* sum large enough or total suppressed: for good */
	}
	return 0;
}

/* ---- bridges ---- */

/*
 * Nodes 0..nr-1 are rows, nr..nr+nc-1 columns, suppressed cells the edges.
 * Depth-first search from every node in turn, without recursion: tin and
 * tout bracket each node's subtree in order[], pedge is the edge (cell) from
 * its parent, root the first node of its connected part. Collects in
 * bridges[] the nodes whose parent edge is a bridge; returns how many.
 */
static int
find_bridges(table *t)
{
	int			nodes = t->nr + t->nc, u, timer = 0, nb = 0;

	for (u = 0; u < nodes; u++)
	{
		STEP(t);
		t->tin[u] = -1;
	}
	for (u = 0; u < nodes; u++)
	{
		int			top = 0;

		if (t->tin[u] >= 0)
			continue;
		t->tin[u] = t->low[u] = timer;
		t->order[timer++] = u;
		t->pedge[u] = -1;
		t->cursor[u] = 0;
		t->root[u] = u;
		t->stack[top++] = u;
		while (top > 0)
		{
			int			x = t->stack[top - 1];
			int			len = x < t->nr ? t->nc : t->nr;

			STEP(t);
			if (t->cursor[x] < len)
			{
				int			k = t->cursor[x]++;
				int			idx = x < t->nr ? x * t->nc + k : k * t->nc + (x - t->nr);
				int			w = x < t->nr ? t->nr + k : k;

				if (t->flag[idx] == OBA_PUBLISHED || idx == t->pedge[x])
					continue;
				if (t->tin[w] < 0)
				{
					t->tin[w] = t->low[w] = timer;
					t->order[timer++] = w;
					t->pedge[w] = idx;
					t->cursor[w] = 0;
					t->root[w] = u;
					t->stack[top++] = w;
				}
				else if (t->tin[w] < t->low[x])
					t->low[x] = t->tin[w];
				continue;
			}
			t->tout[x] = timer;
			top--;
			if (top > 0)
			{
				int			p = t->stack[top - 1];

				if (t->low[x] < t->low[p])
					t->low[p] = t->low[x];
				if (t->low[x] > t->tin[p])
					t->bridges[nb++] = x;
			}
		}
	}
	return nb;
}

/* 1 when cell a is a better partner than cell b (or b is -1): level, then before(). */
static int
better_partner(const table *t, int a, int b)
{
	int			la, lb;

	if (b < 0)
		return 1;
	la = level(t, a);
	lb = level(t, b);
	return la != lb ? la < lb : before(t, a, b);
}

/*
 * The best published cell joining the two sides of the bridge above node
 * ch: the subtree of ch and the rest of its connected part. Each side is a
 * range of order[]; the cells are found from the side whose lines hold
 * fewer cells, walking each line in its order of preference (its cells
 * other than the total share one level) to its first cell that crosses to
 * the other side, or until its cells can no longer beat the best so far;
 * then its total. -1 if there is none.
 */
static int
bridge_partner(table *t, int ch)
{
	int			lo = t->tin[ch], hi = t->tout[ch];
	int			r = t->root[ch], clo = t->tin[r], chi = t->tout[r];
	double		inside = 0, outside = 0;
	int			k, best = -1, from_inside;

	for (k = clo; k < chi; k++)
	{
		double		w = t->order[k] < t->nr ? t->nc : t->nr;

		STEP(t);
		if (k >= lo && k < hi)
			inside += w;
		else
			outside += w;
	}
	from_inside = inside <= outside;
	for (k = clo; k < chi; k++)
	{
		int			x = t->order[k], p, n, idx, w, tw;

		if ((k >= lo && k < hi) != from_inside)
			continue;
		n = x < t->nr ? t->nc - 1 : t->nr - 1;
		for (p = 0; p < n; p++)
		{
			STEP(t);
			idx = ordered_cell(t, x, p);
			if (!better_partner(t, idx, best))
				break;
			w = x < t->nr ? t->nr + idx % t->nc : idx / t->nc;
			tw = t->tin[w];
			if (t->flag[idx] == OBA_PUBLISHED && tw >= clo && tw < chi &&
				(tw >= lo && tw < hi) != from_inside)
			{
				best = idx;
				break;
			}
		}
		/* the line's total, whose crossing line is the totals' row or column */
		idx = line_total(t, x);
		w = x < t->nr ? t->nr + t->nc - 1 : t->nr - 1;
		tw = t->tin[w];
		if (t->flag[idx] == OBA_PUBLISHED && tw >= clo && tw < chi &&
			(tw >= lo && tw < hi) != from_inside && better_partner(t, idx, best))
			best = idx;
	}
	return best;
}

/* Heap sort of bridges[0, n) by their cell (pedge), ascending. */
static void
sort_bridges(table *t, int n)
{
	int		   *a = t->bridges;
	int			end, i;

	for (end = 1; end <= n; end++)
	{
		int			x = a[end - 1];

		for (i = end - 1; i > 0 && t->pedge[a[(i - 1) / 2]] < t->pedge[x]; i = (i - 1) / 2)
		{
			STEP(t);
			a[i] = a[(i - 1) / 2];
		}
		a[i] = x;
	}
	for (end = n - 1; end > 0; end--)
	{
		int			x = a[end];

		a[end] = a[0];
		i = 0;
		for (;;)
		{
			int			c = 2 * i + 1;

			STEP(t);
			if (c >= end)
				break;
			if (c + 1 < end && t->pedge[a[c + 1]] > t->pedge[a[c]])
				c++;
			if (t->pedge[a[c]] <= t->pedge[x])
				break;
			a[i] = a[c];
			i = c;
		}
		a[i] = x;
	}
}

/* Parent of node x in the search's tree: the other end of its parent edge. */
static int
parent_node(const table *t, int x)
{
	return x < t->nr ? t->nr + t->pedge[x] % t->nc : t->pedge[x] / t->nc;
}

static int
ancestor(const table *t, int a, int b)
{
	return t->tin[a] <= t->tin[b] && t->tout[b] <= t->tout[a];
}

/*
 * A new edge between nodes u and w of one connected part closes a cycle
 * with the tree path between them: the bridges on it are bridges no more.
 * The tree stays a spanning tree of the graph, so its ranges still give
 * the two sides of every bridge left, and no new bridge appears.
 */
static void
cover_path(table *t, int u, int w)
{
	int			a;

	for (a = u; !ancestor(t, a, w); a = parent_node(t, a))
	{
		STEP(t);
		t->isb[a] = 0;
	}
	for (a = w; !ancestor(t, a, u); a = parent_node(t, a))
	{
		STEP(t);
		t->isb[a] = 0;
	}
}

/*
 * A suppressed cell on no cycle is fixed by the equations. Join the two
 * sides of the first such bridge (by cell position) with one more
 * suppressed cell, which closes a cycle through it.
 *
 * One search finds the bridges, in order; a cell added here only removes
 * bridges (cover_path), and one that found no partner never finds one (its
 * sides stay the same and their published cells only fewer), so the next
 * call goes on down the list. Any other new suppressed cell (suppress_cell
 * clears dfs_valid) means a new search.
 */
static int
fix_bridges(table *t)
{
	if (!t->dfs_valid)
	{
		int			k;

		t->nb = find_bridges(t);
		sort_bridges(t, t->nb);
		for (k = 0; k < t->nr + t->nc; k++)
		{
			STEP(t);
			t->isb[k] = 0;
		}
		for (k = 0; k < t->nb; k++)
		{
			STEP(t);
			t->isb[t->bridges[k]] = 1;
		}
		t->next_bridge = 0;
		t->dfs_valid = 1;
	}
	for (; t->next_bridge < t->nb; t->next_bridge++)
	{
		int			ch = t->bridges[t->next_bridge],
					best;

		STEP(t);
		if (!t->isb[ch])
			continue;
		best = bridge_partner(t, ch);
		if (best >= 0)
		{
			suppress_cell(t, best);
			cover_path(t, best / t->nc, t->nr + best % t->nc);
			t->dfs_valid = 1;
			return 1;
		}
	}
	return 0;
}

static int
run(table *t, int suppress_zero)
{
	int			idx, lk;
	int			cells = t->nr * t->nc;

	for (idx = 0; idx < cells; idx++)
	{
		t->flag[idx] = oba_is_small(t->v[idx], t->threshold, suppress_zero)
			? OBA_SUPPRESSED_PRIMARY : OBA_PUBLISHED;
		STEP(t);
	}
	/* the lines' counts, their orders and trees, and the rules' first lines */
	for (idx = 0; idx < cells; idx++)
	{
		int			i = idx / t->nc, j = idx % t->nc;

		STEP(t);
		if (t->flag[idx] == OBA_PUBLISHED)
			continue;
		t->cnt[i]++;
		if (j < t->nc - 1)
		{
			t->nsup[i]++;
			t->ssum[i] += t->v[idx];
		}
		if (t->two_way)
		{
			t->cnt[t->nr + j]++;
			if (i < t->nr - 1)
			{
				t->nsup[t->nr + j]++;
				t->ssum[t->nr + j] += t->v[idx];
			}
		}
	}
	if (t->two_way)
		for (lk = 0; lk < t->nr + t->nc; lk++)
		{
			int			row = lk < t->nr,
						n = row ? t->nc - 1 : t->nr - 1;
			size_t		at = row ? (size_t) lk * n : (size_t) (lk - t->nr) * n;

			order_line(t, lk, (row ? t->rord : t->cord) + at, (row ? t->rpos : t->cpos) + at,
					   t->key, t->tmp, n);
			build_tree(t, lk, row ? row_tree(t, lk) : col_tree(t, lk - t->nr),
					   row ? t->rleaves : t->cleaves, n);
		}
	for (lk = 0; lk < nlines(t); lk++)
	{
		STEP(t);
		if (t->cnt[lk] == 1)
			heap_push(&t->single, lk);
		if (small_sum(t, lk))
			heap_push(&t->small, lk);
	}
	for (;;)
	{
		STEP(t);
		if (fix_single(t) || fix_small_sum(t))
			continue;
		if (t->two_way && fix_bridges(t))
			continue;
		break;
	}
	return 0;
}

/* Allocations of the engine, zeroed unless written in full before use. */
typedef struct block
{
	void	  **ptr;
	size_t		size;
	int			zero;
} block;

static void
release_blocks(const oba_allocator *alloc, block *b, int n)
{
	int			k;

	for (k = n - 1; k >= 0; k--)
		if (*b[k].ptr != NULL)
		{
			alloc->release(alloc->ctx, *b[k].ptr);
			*b[k].ptr = NULL;
		}
}

static int
alloc_blocks(const oba_allocator *alloc, block *b, int n)
{
	int			k;

	for (k = 0; k < n; k++)
		*b[k].ptr = NULL;
	for (k = 0; k < n; k++)
	{
		/* a zero-size block still gets memory, so NULL only means failure */
		*b[k].ptr = alloc->alloc(alloc->ctx, b[k].size > 0 ? b[k].size : 1);
		if (*b[k].ptr == NULL)
		{
			release_blocks(alloc, b, k);
			return -1;
		}
		if (b[k].zero)
			memset(*b[k].ptr, 0, b[k].size);
	}
	return 0;
}

static int
leaves_for(int n)
{
	int			p = 1;

	while (p < n)
		p *= 2;
	return p;
}

/* Run the engine over t (nr, nc, two_way, v, flag, threshold set). */
static int
suppress(table *t, int suppress_zero, const oba_allocator *alloc, oba_error *err)
{
	size_t		nl = (size_t) nlines(t), nodes = (size_t) t->nr + t->nc;
	size_t		rcells = (size_t) t->nr * (t->nc - 1);
	size_t		ccells = t->two_way ? (size_t) t->nc * (t->nr - 1) : 0;
	block		b[24];
	int			n = 0;

	t->rleaves = leaves_for(t->two_way ? t->nc - 1 : 0);
	t->cleaves = leaves_for(t->two_way ? t->nr - 1 : 0);
#define BLOCK(p, sz) (b[n].ptr = (void **) &(p), b[n].size = (sz), b[n].zero = 1, n++)
#define FULL(p, sz) (b[n].ptr = (void **) &(p), b[n].size = (sz), b[n].zero = 0, n++)
	BLOCK(t->cnt, sizeof(int) * nl);
	BLOCK(t->nsup, sizeof(int) * nl);
	BLOCK(t->ssum, sizeof(int64_t) * nl);
	BLOCK(t->single.a, sizeof(int) * nl);
	BLOCK(t->small.a, sizeof(int) * nl);
	if (t->two_way)
	{
		size_t		longest = (size_t) (t->nr > t->nc ? t->nr : t->nc);

		FULL(t->rord, sizeof(int) * rcells);
		FULL(t->rpos, sizeof(int) * rcells);
		BLOCK(t->rtree, (size_t) t->nr * 2 * t->rleaves);
		FULL(t->key, sizeof(key_pos) * longest);
		FULL(t->tmp, sizeof(key_pos) * longest);
		FULL(t->cord, sizeof(int) * ccells);
		FULL(t->cpos, sizeof(int) * ccells);
		BLOCK(t->ctree, (size_t) t->nc * 2 * t->cleaves);
		BLOCK(t->tin, sizeof(int) * nodes);
		BLOCK(t->tout, sizeof(int) * nodes);
		BLOCK(t->low, sizeof(int) * nodes);
		BLOCK(t->pedge, sizeof(int) * nodes);
		BLOCK(t->cursor, sizeof(int) * nodes);
		BLOCK(t->stack, sizeof(int) * nodes);
		BLOCK(t->order, sizeof(int) * nodes);
		BLOCK(t->root, sizeof(int) * nodes);
		BLOCK(t->bridges, sizeof(int) * nodes);
		BLOCK(t->isb, sizeof(int) * nodes);
	}
#undef BLOCK
#undef FULL
	if (alloc_blocks(alloc, b, n) != 0)
		return oba_fail(err, OBA_ENOMEM, "out of memory");
	run(t, suppress_zero);
	release_blocks(alloc, b, n);
	return 0;
}

static int
check_cells(const int64_t *cells, int n, int64_t threshold, oba_error *err)
{
	int			i;

	if (oba_check_threshold(threshold, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY((size_t) i);
		if (cells[i] < 0)
			return oba_fail(err, OBA_EINVAL, "count must not be negative, got %lld",
							(long long) cells[i]);
	}
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
	int			i, rc;

	if (n < 0 || n > INT_MAX / 4)
		return oba_fail(err, OBA_ERANGE, "a table of %d cells is out of range", n);
	if (check_cells(cells, n, threshold, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
	{
		OBA_CHECK_INTERRUPTS_EVERY((size_t) i);
		if (add_checked(&total, cells[i], err) != 0)
			return -1;
	}
	v = scratch(alloc, sizeof(int64_t) * ((size_t) n + 1));
	if (v == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory");
	memcpy(v, cells, sizeof(int64_t) * (size_t) n);
	v[n] = total;
	memset(&t, 0, sizeof(t));
	t.nr = 1;
	t.nc = n + 1;
	t.v = v;
	t.flag = flags;
	t.threshold = threshold;
	rc = suppress(&t, suppress_zero, alloc, err);
	alloc->release(alloc->ctx, v);
	return rc;
}

int
oba_suppress_two_way(const int64_t *cells, int nrows, int ncols, int64_t threshold,
					 int suppress_zero, int *flags, const oba_allocator *alloc, oba_error *err)
{
	table		t;
	int64_t    *v;
	int			nr = nrows + 1, nc = ncols + 1, i, j, rc;

	if (nrows < 0 || ncols < 0 || (double) nr * nc > INT_MAX / 4)
		return oba_fail(err, OBA_ERANGE, "a table of %d rows and %d columns is out of range",
						nrows, ncols);
	if (check_cells(cells, nrows * ncols, threshold, err) != 0)
		return -1;
	v = scratch(alloc, sizeof(int64_t) * nr * nc);
	if (v == NULL)
		return oba_fail(err, OBA_ENOMEM, "out of memory");
	memset(v, 0, sizeof(int64_t) * nr * nc);
	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++)
		{
			int64_t		x = cells[i * ncols + j];

			OBA_CHECK_INTERRUPTS_EVERY((size_t) i * ncols + j);
			v[i * nc + j] = x;
			if (add_checked(&v[i * nc + ncols], x, err) != 0 ||
				add_checked(&v[nrows * nc + j], x, err) != 0 ||
				add_checked(&v[nrows * nc + ncols], x, err) != 0)
			{
				alloc->release(alloc->ctx, v);
				return -1;
			}
		}
	memset(&t, 0, sizeof(t));
	t.nr = nr;
	t.nc = nc;
	t.two_way = 1;
	t.v = v;
	t.flag = flags;
	t.threshold = threshold;
	rc = suppress(&t, suppress_zero, alloc, err);
	alloc->release(alloc->ctx, v);
	return rc;
}
