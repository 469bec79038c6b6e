/*
 * test_disclosure.c: src/core/disclosure.c. Rounding and primary
 * suppression by example; secondary suppression by attack: for thousands of
 * random one-way and two-way tables, an independent attacker (Gaussian
 * elimination over the equations "every row and column adds up to its
 * total") tries to work out each suppressed cell from the published cells
 * and totals, and must fail; with primary suppression alone it succeeds.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "disclosure.h"
#include "unit.h"

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
	return unit_done("test_disclosure");
}
