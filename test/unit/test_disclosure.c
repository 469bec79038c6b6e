/*
 * test_disclosure.c: src/core/disclosure.c. Rounding and primary
 * suppression by example; secondary suppression by attack: for thousands of
 * random one-way and two-way tables, an independent attacker (Gaussian
 * elimination over the equations "every row and column adds up to its
 * total") tries to work out each suppressed cell from the published cells
 * and totals, and must fail; with primary suppression alone it succeeds.
 * The engine makes exactly the choices of the plain search kept here for
 * reference, on random tables of every shape that exercises a rule, and
 * calls the interrupt hook all through a long search.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "disclosure.h"
#include "unit.h"

#include <setjmp.h>

static void *
m_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
m_release(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static const oba_allocator alloc = {m_alloc, m_release, NULL};

static unsigned long long rng = 88172645463325252ULL;

static unsigned
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned) (rng >> 11);
}

/* small counts often, zeros sometimes, large ones sometimes */
static int64_t
random_count(void)
{
	unsigned	r = next_rand() % 10;

	if (r < 2)
		return 0;
	if (r < 6)
		return 1 + next_rand() % 6;
	return 1 + next_rand() % 200;
}

/* rank of an m x n matrix (row-major, destroyed) */
static int
rank_of(double *a, int m, int n)
{
	int			r = 0, c, i, j;

	for (c = 0; c < n && r < m; c++)
	{
		int			p = -1;
		double		best = 1e-9;

		for (i = r; i < m; i++)
			if (fabs(a[i * n + c]) > best)
			{
				best = fabs(a[i * n + c]);
				p = i;
			}
		if (p < 0)
			continue;
		for (j = 0; j < n; j++)
		{
			double		tmp = a[r * n + j];

			a[r * n + j] = a[p * n + j];
			a[p * n + j] = tmp;
		}
		for (i = 0; i < m; i++)
		{
			double		f;

			if (i == r || a[i * n + c] == 0)
				continue;
			f = a[i * n + c] / a[r * n + c];
			for (j = 0; j < n; j++)
				a[i * n + j] -= f * a[r * n + j];
		}
		r++;
	}
	return r;
}

/*
 * The attacker. Cells are nr x nc (totals included); lines are every row
 * and, for a two-way table, every column, each adding up to its last cell.
 * Unknowns are the suppressed cells; a cell is recoverable when its unit
 * vector lies in the row space of the equations. Returns how many are.
 */
static int
recoverable(const int *flag, int nr, int nc, int two_way)
{
	int			unknown[4096], nu = 0, i, j, k, nl = two_way ? nr + nc : 1, found = 0;
	double	   *m, *work;
	int			base_rank;

	for (i = 0; i < nr * nc; i++)
		if (flag[i] != OBA_PUBLISHED)
			unknown[nu++] = i;
	if (nu == 0)
		return 0;
	m = calloc((size_t) (nl + 1) * nu, sizeof(double));
	work = calloc((size_t) (nl + 1) * nu, sizeof(double));
	for (k = 0; k < nu; k++)
	{
		int			idx = unknown[k], r = idx / nc, c = idx % nc;

		/* in row line r: + for a cell, - for the row's total */
		m[r * nu + k] = c == nc - 1 ? -1 : 1;
		if (two_way)
			m[(nr + c) * nu + k] = r == nr - 1 ? -1 : 1;
	}
	memcpy(work, m, sizeof(double) * nl * nu);
	base_rank = rank_of(work, nl, nu);
	for (k = 0; k < nu; k++)
	{
		memcpy(work, m, sizeof(double) * nl * nu);
		for (j = 0; j < nu; j++)
			work[nl * nu + j] = j == k;
		if (rank_of(work, nl + 1, nu) == base_rank)
			found++;
	}
	free(m);
	free(work);
	return found;
}

/* In every line with a published total, suppressed cells add up to >= threshold. */
static int
small_sums(const int64_t *v, const int *flag, int nr, int nc, int two_way, int64_t threshold)
{
	int			lk, bad = 0, nl = two_way ? nr + nc : 1;

	for (lk = 0; lk < nl; lk++)
	{
		int			start = lk < nr ? lk * nc : lk - nr,
					stride = lk < nr ? 1 : nc,
					count = lk < nr ? nc : nr,
					k, n = 0;
		int64_t		sum = 0;

		if (flag[start + (count - 1) * stride] != OBA_PUBLISHED)
			continue;
		for (k = 0; k < count - 1; k++)
			if (flag[start + k * stride] != OBA_PUBLISHED)
			{
				n++;
				sum += v[start + k * stride];
			}
		bad += n > 0 && sum < threshold;
	}
	return bad;
}

/*
 * ---- the plain search, for reference ----
 *
 * The rules of src/core/disclosure.c applied the obvious way: after every
 * new suppression, rescan the lines from the first, and look for bridges by
 * walking the graph once per suppressed cell. Cubic or worse in the side of
 * a table, but short enough to trust; the engine must make exactly its
 * choices. v and flag are nr x nc with the totals (as the engine's table).
 */
typedef struct ref_table
{
	int			nr,
				nc,
				two_way;
	const int64_t *v;
	int		   *flag;
	int64_t		threshold;
	int		   *seen,
			   *queue;
} ref_table;

static int
ref_nlines(const ref_table *t)
{
	return t->two_way ? t->nr + t->nc : 1;
}

/* line lk: count cells from start by stride, the last its total */
static void
ref_line(const ref_table *t, int lk, int *start, int *stride, int *count)
{
	if (lk < t->nr)
	{
		*start = lk * t->nc;
		*stride = 1;
		*count = t->nc;
	}
	else
	{
		*start = lk - t->nr;
		*stride = t->nc;
		*count = t->nr;
	}
}

static int
ref_suppressed_in(const ref_table *t, int lk)
{
	int			s, d, c, k, n = 0;

	ref_line(t, lk, &s, &d, &c);
	for (k = 0; k < c; k++)
		n += t->flag[s + k * d] != OBA_PUBLISHED;
	return n;
}

static int
ref_level(const ref_table *t, int idx)
{
	return (idx % t->nc == t->nc - 1) + (t->two_way && idx / t->nc == t->nr - 1);
}

/* level, crossing line (one suppressed, more, none), non-zero, value, position */
static int
ref_better(const ref_table *t, int a, int b, int cross_a, int cross_b)
{
	int			la = ref_level(t, a), lb = ref_level(t, b);

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
ref_add_complement(ref_table *t, int lk)
{
	int			s, d, c, k, best = -1, best_cross = 0;

	ref_line(t, lk, &s, &d, &c);
	for (k = 0; k < c; k++)
	{
		int			idx = s + k * d, cross = 0;

		if (t->flag[idx] != OBA_PUBLISHED)
			continue;
		if (t->two_way)
		{
			int			m = ref_suppressed_in(t, lk < t->nr ? t->nr + idx % t->nc : idx / t->nc);

			cross = m == 1 ? 0 : m >= 2 ? 1 : 2;
		}
		if (best < 0 || ref_better(t, idx, best, cross, best_cross))
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

static void
ref_reach(ref_table *t, int node, int skip, int mark)
{
	int			head = 0, tail = 0;

	t->seen[node] = mark;
	t->queue[tail++] = node;
	while (head < tail)
	{
		int			u = t->queue[head++], k, n = u < t->nr ? t->nc : t->nr;

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

static int
ref_step(ref_table *t)
{
	int			lk, e, k;

	for (lk = 0; lk < ref_nlines(t); lk++)	/* a line with one suppressed cell */
		if (ref_suppressed_in(t, lk) == 1 && ref_add_complement(t, lk))
			return 1;
	for (lk = 0; lk < ref_nlines(t); lk++)	/* a small sum under a published total */
	{
		int			s, d, c, n = 0;
		int64_t		sum = 0;

		ref_line(t, lk, &s, &d, &c);
		if (t->flag[s + (c - 1) * d] != OBA_PUBLISHED)
			continue;
		for (k = 0; k < c - 1; k++)
			if (t->flag[s + k * d] != OBA_PUBLISHED)
			{
				n++;
				sum += t->v[s + k * d];
			}
		if (n > 0 && sum < t->threshold && ref_add_complement(t, lk))
			return 1;
	}
	if (!t->two_way)
		return 0;
	for (e = 0; e < t->nr * t->nc; e++)	/* a bridge */
	{
		int			best = -1, idx;

		if (t->flag[e] == OBA_PUBLISHED)
			continue;
		memset(t->seen, 0, sizeof(int) * (t->nr + t->nc));
		ref_reach(t, e / t->nc, e, 1);
		if (t->seen[t->nr + e % t->nc] != 0)
			continue;
		ref_reach(t, t->nr + e % t->nc, e, 2);
		for (idx = 0; idx < t->nr * t->nc; idx++)
		{
			int			sr = t->seen[idx / t->nc], sc = t->seen[t->nr + idx % t->nc];

			if (t->flag[idx] == OBA_PUBLISHED && sr != 0 && sc != 0 && sr != sc &&
				(best < 0 || ref_better(t, idx, best, 0, 0)))
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

static void
ref_suppress(const int64_t *ext, int nr, int nc, int two_way, int64_t threshold,
			 int suppress_zero, int *flag)
{
	ref_table	t;
	int			i;

	t.nr = nr;
	t.nc = nc;
	t.two_way = two_way;
	t.v = ext;
	t.flag = flag;
	t.threshold = threshold;
	t.seen = malloc(sizeof(int) * (nr + nc));
	t.queue = malloc(sizeof(int) * (nr + nc));
	for (i = 0; i < nr * nc; i++)
		flag[i] = oba_is_small(ext[i], threshold, suppress_zero) ? OBA_SUPPRESSED_PRIMARY : OBA_PUBLISHED;
	while (ref_step(&t))
		;
	free(t.seen);
	free(t.queue);
}

/* cells (nrows x ncols, or one way: 1 x ncols) with their totals, as nr x nc */
static int64_t *
with_totals(const int64_t *cells, int nrows, int ncols, int two_way)
{
	int			nr = two_way ? nrows + 1 : 1, nc = ncols + 1, i, j;
	int64_t    *ext = calloc((size_t) nr * nc, sizeof(int64_t));

	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++)
		{
			int64_t		x = cells[i * ncols + j];

			ext[i * nc + j] = x;
			ext[i * nc + ncols] += x;
			if (two_way)
			{
				ext[nrows * nc + j] += x;
				ext[nrows * nc + ncols] += x;
			}
		}
	return ext;
}

/*
 * Shapes of table that exercise each rule: random counts of several
 * kinds, sparse tables (a line's zeros join its small sum one by one), and
 * chains of blocks of small cells joined by single cells (bridge after
 * bridge).
 */
static void
fill_table(int64_t *c, int nrows, int ncols, int style, unsigned density)
{
	int			i;

	for (i = 0; i < nrows * ncols; i++)
	{
		int			r = i / ncols, k = i % ncols, b = r / 2;

		if (style < 6 && next_rand() % 100 >= density)
		{
			c[i] = 0;
			continue;
		}
		switch (style)
		{
			case 0:
				c[i] = next_rand() % 3;
				break;
			case 1:
				c[i] = 1 + next_rand() % 6;
				break;
			case 2:
				c[i] = random_count();
				break;
			case 3:
				c[i] = next_rand() % 2 ? 1 + next_rand() % 8 : 100 + next_rand() % 5;
				break;
			case 4:
				c[i] = 5;
				break;
			case 5:
				c[i] = next_rand() % 20;
				break;
			case 6:				/* two cells a row, one a column */
				c[i] = k / 2 == r ? random_count() : 0;
				break;
			default:			/* a chain of 2 x 2 blocks of ones */
				c[i] = k / 2 == b ? 1 : (r % 2 == 1 && k == 2 * b + 2) ? 1
					: style == 7 ? (next_rand() % 3 == 0 ? 20 + next_rand() % 50 : 0)
					: (r % 2 == 0 && k == 2 * b + 2) ? 10 : 0;
				break;
		}
	}
}

static void
same_as_plain_search(void)
{
	int			trial, tables = 0, differ = 0, secondary = 0;

	for (trial = 0; trial < 6000; trial++)
	{
		int			style = next_rand() % 9;
		int			two_way = style >= 6 || next_rand() % 4 != 0;
		int			big = trial % 100 == 0;
		int			side = big ? 40 : 12;
		int			nrows = two_way ? 1 + next_rand() % side : 1;
		int			ncols = 1 + next_rand() % (two_way ? side : 3 * side);
		int64_t		threshold = style >= 7 ? 2 + next_rand() % 2 : 1 + next_rand() % 12;
		int			suppress_zero = style < 6 && next_rand() % 3 == 0;
		int			nr, nc, i;
		int64_t    *cells, *ext;
		int		   *flags, *want;
		oba_error	err;

		if (style >= 6 && nrows < 4)
			nrows = 4 + (int) (next_rand() % 8);
		if (style == 6)
			ncols = 2 * nrows;	/* two cells a row */
		else if (style > 6 && ncols < 4)
			ncols = 4 + (int) (next_rand() % 8);
		nr = two_way ? nrows + 1 : 1;
		nc = ncols + 1;
		cells = malloc(sizeof(int64_t) * nrows * ncols);
		flags = malloc(sizeof(int) * nr * nc);
		want = malloc(sizeof(int) * nr * nc);
		fill_table(cells, nrows, ncols, style, 1 + next_rand() % 100);
		ext = with_totals(cells, nrows, ncols, two_way);
		if (two_way)
			CHECK(oba_suppress_two_way(cells, nrows, ncols, threshold, suppress_zero, flags, &alloc, &err) == 0);
		else
			CHECK(oba_suppress_one_way(cells, ncols, threshold, suppress_zero, flags, &alloc, &err) == 0);
		ref_suppress(ext, nr, nc, two_way, threshold, suppress_zero, want);
		tables++;
		if (memcmp(flags, want, sizeof(int) * nr * nc) != 0)
		{
			differ++;
			if (differ <= 3)
				fprintf(stderr, "plain search differs: trial %d, style %d, %d x %d, threshold %lld\n",
						trial, style, nrows, ncols, (long long) threshold);
		}
		for (i = 0; i < nr * nc; i++)
			secondary += flags[i] == OBA_SUPPRESSED_SECONDARY;
		free(cells);
		free(ext);
		free(flags);
		free(want);
	}
	CHECK(differ == 0);
	printf("disclosure: %d tables suppressed as the plain search does (%d differ), %d secondary cells\n",
		   tables, differ, secondary);
}

/* ---- interrupts: the hook is called all through a long search ---- */

static long hook_calls;
static long hook_limit;			/* > 0: "cancel" at that call */
static jmp_buf cancel_jump;

static void
counting_hook(void)
{
	hook_calls++;
	if (hook_limit > 0 && hook_calls == hook_limit)
		longjmp(cancel_jump, 1);
}

/* An allocator that keeps what it handed out, as a memory context does. */
#define MAX_LIVE 64
static void *live[MAX_LIVE];
static int	nlive;

static void *
ctx_alloc(void *ctx, size_t size)
{
	void	   *p;

	(void) ctx;
	if (nlive == MAX_LIVE)
		return NULL;
	p = malloc(size);
	if (p != NULL)
		live[nlive++] = p;
	return p;
}

static void
ctx_release(void *ctx, void *p)
{
	int			k;

	(void) ctx;
	for (k = 0; k < nlive; k++)
		if (live[k] == p)
		{
			live[k] = live[--nlive];
			break;
		}
	free(p);
}

static void
ctx_reset(void)
{
	while (nlive > 0)
		free(live[--nlive]);
}

static const oba_allocator ctx_allocator = {ctx_alloc, ctx_release, NULL};

/*
 * Run a two-way table, "cancelled" at check number limit (0: never): 1 if
 * it ran to the end. flags holds what was decided when it stopped.
 */
static int
run_hooked(const int64_t *cells, int nrows, int ncols, int64_t threshold, int *flags, long limit)
{
	oba_error	err;
	volatile int finished = 0;
	int			i;

	for (i = 0; i < (nrows + 1) * (ncols + 1); i++)
		flags[i] = -1;
	hook_calls = 0;
	hook_limit = limit;
	if (setjmp(cancel_jump) == 0)
	{
		CHECK(oba_suppress_two_way(cells, nrows, ncols, threshold, 0, flags, &ctx_allocator, &err) == 0);
		finished = 1;
	}
	ctx_reset();				/* what PostgreSQL does to the context after an ERROR */
	hook_limit = 0;
	return finished;
}

static int
count_secondary(const int *flags, int n)
{
	int			i, s = 0;

	for (i = 0; i < n; i++)
		s += flags[i] == OBA_SUPPRESSED_SECONDARY;
	return s;
}

static void
interrupts(void)
{
	/*
	 * Three searches that were slow: two cells a row (zeros join small sums
	 * one at a time), a chain of blocks (bridge after bridge), and a table
	 * of large counts (only the ordering of its lines).
	 */
	struct
	{
		int			nrows,
					ncols,
					style;
		int64_t		threshold;
	}			cases[] = {{150, 300, 6, 5}, {200, 200, 8, 2}, {200, 200, 4, 5}};
	int			k;

	oba_interrupt_hook = counting_hook;
	for (k = 0; k < 3; k++)
	{
		int			nrows = cases[k].nrows, ncols = cases[k].ncols, i, j;
		int			cells_ext = (nrows + 1) * (ncols + 1);
		int64_t    *cells = malloc(sizeof(int64_t) * nrows * ncols);
		int		   *flags = malloc(sizeof(int) * cells_ext);
		int		   *partial = malloc(sizeof(int) * cells_ext);
		long		total;
		int			secondary, cancelled_ok = 1, stages = 0, last = -1, monotone = 1;

		fill_table(cells, nrows, ncols, cases[k].style, 100);
		if (cases[k].style == 4)
			for (i = 0; i < nrows * ncols; i++)
				cells[i] = 50 + i % 7;
		CHECK(run_hooked(cells, nrows, ncols, cases[k].threshold, flags, 0));
		total = hook_calls;
		secondary = count_secondary(flags, cells_ext);
		/* every cell is visited at least once, and checked every 4096 steps */
		CHECK(total >= cells_ext / 4096);

		/*
		 * "Cancelled" at 48 checks spread over the run: it stops there,
		 * leaves nothing allocated, and the secondary cells decided so far
		 * grow from check to check, so the checks run all through the
		 * search and not only before or after it.
		 */
		for (j = 1; j <= 48; j++)
		{
			long		at = 1 + (total - 1) * (j - 1) / 47;
			int			s;

			cancelled_ok &= !run_hooked(cells, nrows, ncols, cases[k].threshold, partial, at);
			cancelled_ok &= nlive == 0;
			s = count_secondary(partial, cells_ext);
			monotone &= s >= last;
			stages += s != last;
			last = s;
		}
		CHECK(cancelled_ok);
		CHECK(monotone);
		if (secondary > 0)
			CHECK(stages >= 4);
		/* and after all that, the same answer */
		CHECK(run_hooked(cells, nrows, ncols, cases[k].threshold, partial, 0));
		CHECK(memcmp(flags, partial, sizeof(int) * cells_ext) == 0);
		printf("disclosure: %d x %d (style %d): %d secondary cells, %ld interrupt checks, "
			   "%d stages of the search seen by 48 cancels\n",
			   nrows, ncols, cases[k].style, secondary, total, stages);
		free(cells);
		free(flags);
		free(partial);
	}
	oba_interrupt_hook = NULL;
}

/* Sizes the core refuses before allocating anything. */
static void
size_limits(void)
{
	int64_t		cell = 1;
	int			flags[4];
	oba_error	err;

	CHECK(oba_suppress_two_way(&cell, 100000, 100000, 5, 0, flags, &alloc, &err) == -1 &&
		  err.code == OBA_ERANGE && strstr(err.message, "100000 rows and 100000 columns"));
	CHECK(oba_suppress_one_way(&cell, -1, 5, 0, flags, &alloc, &err) == -1 && err.code == OBA_ERANGE);
}

static void
examples(void)
{
	int64_t		r;
	oba_error	err;
	int			flags[8];
	int64_t		one[] = {3, 100, 250};
	int64_t		two[] = {1, 1, 50};
	int64_t		zeros[] = {0, 40, 60};

	CHECK(oba_round_to(12, 5, &r, &err) == 0 && r == 10);
	CHECK(oba_round_to(13, 5, &r, &err) == 0 && r == 15);
	CHECK(oba_round_to(15, 10, &r, &err) == 0 && r == 20);
	CHECK(oba_round_to(2, 5, &r, &err) == 0 && r == 0);
	CHECK(oba_round_to(0, 5, &r, &err) == 0 && r == 0);
	CHECK(oba_round_to(7, 1, &r, &err) == 0 && r == 7);
	CHECK(oba_round_to(-1, 5, &r, &err) == -1 && strstr(err.message, "count must not be negative"));
	CHECK(oba_round_to(1, 0, &r, &err) == -1 && strstr(err.message, "base must be at least 1"));
	CHECK(oba_round_to(INT64_MAX, 10, &r, &err) == -1 && err.code == OBA_ERANGE);
	CHECK(oba_is_small(0, 5, 0) == 0 && oba_is_small(0, 5, 1) == 1);
	CHECK(oba_is_small(1, 5, 0) == 1 && oba_is_small(4, 5, 0) == 1 && oba_is_small(5, 5, 0) == 0);
	CHECK(oba_check_threshold(0, &err) == -1 && strstr(err.message, "threshold must be at least 1, got 0"));

	/* one small cell: the next smallest goes too */
	CHECK(oba_suppress_one_way(one, 3, 5, 0, flags, &alloc, &err) == 0);
	CHECK(flags[0] == OBA_SUPPRESSED_PRIMARY && flags[1] == OBA_SUPPRESSED_SECONDARY &&
		  flags[2] == OBA_PUBLISHED && flags[3] == OBA_PUBLISHED);
	/* two ones: their sum 2 would be revealed, so a third cell goes */
	CHECK(oba_suppress_one_way(two, 3, 5, 0, flags, &alloc, &err) == 0);
	CHECK(flags[0] == OBA_SUPPRESSED_PRIMARY && flags[1] == OBA_SUPPRESSED_PRIMARY &&
		  flags[2] == OBA_SUPPRESSED_SECONDARY && flags[3] == OBA_PUBLISHED);
	/* zeros are kept unless asked */
	CHECK(oba_suppress_one_way(zeros, 3, 5, 0, flags, &alloc, &err) == 0);
	CHECK(flags[0] == OBA_PUBLISHED && flags[1] == OBA_PUBLISHED && flags[2] == OBA_PUBLISHED);
	CHECK(oba_suppress_one_way(zeros, 3, 5, 1, flags, &alloc, &err) == 0);
	CHECK(flags[0] == OBA_SUPPRESSED_PRIMARY && flags[1] == OBA_SUPPRESSED_SECONDARY);
	CHECK(oba_suppress_one_way(one, 3, 0, 0, flags, &alloc, &err) == -1);
	{
		int64_t		neg[] = {1, -2};

		CHECK(oba_suppress_one_way(neg, 2, 5, 0, flags, &alloc, &err) == -1 &&
			  strstr(err.message, "count must not be negative, got -2"));
	}
	{
		int64_t		big[] = {INT64_MAX, 1};

		CHECK(oba_suppress_one_way(big, 2, 5, 0, flags, &alloc, &err) == -1 && err.code == OBA_ERANGE);
	}
}

/*
 * Two rectangles of suppressed cells joined by a single cell: every line
 * has two or more suppressed cells, yet the joining cell is fixed (rows 0-1
 * minus columns 0-1). The bridge rule must catch it.
 */
static void
bridge(void)
{
	int64_t		cells[16] = {
		2, 3, 100, 90,
		4, 2, 1, 80,
		70, 60, 3, 2,
		50, 40, 4, 3};
	int			flags[25];
	oba_error	err;
	int			i, prim[25];

	CHECK(oba_suppress_two_way(cells, 4, 4, 5, 0, flags, &alloc, &err) == 0);
	CHECK(recoverable(flags, 5, 5, 1) == 0);
	/* primary alone leaves the pattern the heuristics of line counts accept */
	for (i = 0; i < 25; i++)
		prim[i] = flags[i] == OBA_SUPPRESSED_PRIMARY;
	CHECK(prim[0] && prim[1] && prim[5] && prim[6] && prim[7]);
}

static void
random_tables(void)
{
	int			trial, tables = 0, suppressed = 0, recovered = 0, naive = 0, sums_bad = 0;
	int			primary_kept = 1;

	for (trial = 0; trial < 3000; trial++)
	{
		int			two_way = trial % 3 != 0;
		int			nrows = two_way ? 1 + next_rand() % 8 : 1;
		int			ncols = 1 + next_rand() % (two_way ? 8 : 30);
		int64_t		threshold = 2 + next_rand() % 9;
		int			suppress_zero = next_rand() % 4 == 0;
		int64_t		cells[8 * 30], ext[9 * 31];
		int			flags[9 * 31], prim[9 * 31];
		int			nr = two_way ? nrows + 1 : 1, nc = ncols + 1, i, j;
		oba_error	err;

		memset(ext, 0, sizeof(ext));
		for (i = 0; i < nrows; i++)
			for (j = 0; j < ncols; j++)
			{
				int64_t		x = random_count();

				cells[i * ncols + j] = x;
				ext[i * nc + j] = x;
				ext[i * nc + ncols] += x;
				if (two_way)
				{
					ext[nrows * nc + j] += x;
					ext[nrows * nc + ncols] += x;
				}
			}
		if (two_way)
			CHECK(oba_suppress_two_way(cells, nrows, ncols, threshold, suppress_zero,
									   flags, &alloc, &err) == 0);
		else
			CHECK(oba_suppress_one_way(cells, ncols, threshold, suppress_zero,
									   flags, &alloc, &err) == 0);
		tables++;
		for (i = 0; i < nr * nc; i++)
		{
			int			small = oba_is_small(ext[i], threshold, suppress_zero);

			suppressed += flags[i] != OBA_PUBLISHED;
			if (small != (flags[i] == OBA_SUPPRESSED_PRIMARY))
				primary_kept = 0;
			prim[i] = small ? OBA_SUPPRESSED_PRIMARY : OBA_PUBLISHED;
		}
		recovered += recoverable(flags, nr, nc, two_way);
		sums_bad += small_sums(ext, flags, nr, nc, two_way, threshold);
		naive += recoverable(prim, nr, nc, two_way) > 0;
	}
	CHECK(primary_kept);
	CHECK(recovered == 0);
	CHECK(sums_bad == 0);
	CHECK(naive > 100);
	printf("disclosure: %d random tables, %d suppressed cells, %d recovered by the attacker "
		   "(with primary suppression alone: %d tables give cells away)\n",
		   tables, suppressed, recovered, naive);
}

int
main(void)
{
	examples();
	bridge();
	random_tables();
	same_as_plain_search();
	interrupts();
	size_limits();
	return unit_done("test_disclosure");
}
