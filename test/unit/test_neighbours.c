/*
 * test_neighbours.c: src/core/neighbours.c: statistical neighbours.
 *
 * - a worked example by hand (z-scores and distances written out);
 * - against a brute force (every distance of every row sorted by distance,
 *   then row) on thousands of small data sets full of exact ties, missing
 *   values, constant variables and zero weights, to the last bit;
 * - a shifted and rescaled variable changes nothing (standardisation);
 * - the interrupt hook is called once per row of the pair loop; memory
 *   through a counting allocator: all released, within the documented bound;
 * - errors.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "neighbours.h"
#include "unit.h"

#include <stdint.h>

/* ---- a counting allocator ---- */

typedef struct counting
{
	size_t		live,
				peak,
				calls;
	int			fail_after;		/* fail the n-th allocation (0: never) */
} counting;

typedef struct block
{
	size_t		size;
	double		align_;
} block;

static void *
c_alloc(void *ctx, size_t size)
{
	counting   *c = ctx;
	block	   *b;

	if (c->fail_after > 0 && ++c->calls >= (size_t) c->fail_after)
		return NULL;
	b = malloc(sizeof(block) + size);
	if (b == NULL)
		return NULL;
	b->size = size;
	c->live += size;
	if (c->live > c->peak)
		c->peak = c->live;
	return b + 1;
}

static void
c_release(void *ctx, void *p)
{
	counting   *c = ctx;
	block	   *b = (block *) p - 1;

	c->live -= b->size;
	free(b);
}

static counting counter;
static const oba_allocator alloc = {c_alloc, c_release, &counter};

/* ---- a seeded generator (xorshift64*) ---- */

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int
rng_int(int n)
{
	return (int) (rng() % (uint64_t) n);
}

/* ---- the brute force ---- */

typedef struct cand
{
	double		s;
	int			row;
} cand;

static int
cand_cmp(const void *a, const void *b)
{
	const cand *x = a,
			   *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/*
 * The distances as the method defines them (the same operations in the same
 * order as the core, so that they agree to the bit), then every distance of
 * every complete row, sorted by (distance, row).
 */
static void
brute(const double *x, int n, int d, const double *w, int k, int *nb, double *dist,
	  int *count, double *maxd)
{
	int		   *complete = calloc((size_t) n + 1, sizeof(int));
	double	   *z = calloc((size_t) n * d + 1, sizeof(double));
	cand	   *c = calloc((size_t) n + 1, sizeof(cand));
	int			i, j, v, m = 0;
	double		max_sq = 0;

	for (i = 0; i < n; i++)
	{
		complete[i] = 1;
		for (v = 0; v < d; v++)
			if (isnan(x[i * d + v]))
				complete[i] = 0;
		m += complete[i];
		count[i] = 0;
	}
	*maxd = NAN;
	if (m >= 2)
	{
		/* the scale of each variable: sqrt(weight) / sd, 0 for sd 0 or weight 0 */
		for (v = 0; v < d; v++)
		{
			double		sum = 0, ss = 0, mean, sd, wv = w ? w[v] : 1.0;

			for (i = 0; i < n; i++)
				if (complete[i])
					sum += x[i * d + v];
			mean = sum / m;
			for (i = 0; i < n; i++)
				if (complete[i])
					ss += (x[i * d + v] - mean) * (x[i * d + v] - mean);
			sd = sqrt(ss / (m - 1));
			z[v] = sd > 0 && wv > 0 ? sqrt(wv) / sd : 0.0;
		}
		for (i = 0; i < n; i++)
		{
			int			nc = 0;

			if (!complete[i])
				continue;
			for (j = 0; j < n; j++)
			{
				double		s = 0;

				if (j == i || !complete[j])
					continue;
				for (v = 0; v < d; v++)
				{
					/* (earlier row - later row) x scale, as the core */
					double		diff = (i < j ? x[i * d + v] - x[j * d + v] : x[j * d + v] - x[i * d + v]) * z[v];

					if (z[v] > 0)
						s += diff * diff;
				}
				if (s > max_sq)
					max_sq = s;
				c[nc].s = s;
				c[nc].row = j;
				nc++;
			}
			qsort(c, (size_t) nc, sizeof(cand), cand_cmp);
			count[i] = nc < k ? nc : k;
			for (j = 0; j < count[i]; j++)
			{
				nb[i * k + j] = c[j].row;
				dist[i * k + j] = sqrt(c[j].s);
			}
		}
		*maxd = sqrt(max_sq);
	}
	free(complete);
	free(z);
	free(c);
}

/* ---- the worked example ---- */

static void
worked_example(void)
{
	/*
	 * Four areas, two variables. Variable 1: 1, 2, 3, 6 (mean 3, sample sd
	 * sqrt(14/3)); variable 2: 10, 10, 10, 30 (mean 15, sd 10). z1 = (-2,
	 * -1, 0, 3) / sqrt(14/3); z2 = (-0.5, -0.5, -0.5, 1.5).
	 */
	double		x[] = {1, 10, 2, 10, 3, 10, 6, 30};
	double		s1 = sqrt(14.0 / 3.0);
	int			nb[16], count[4];
	double		dist[16], maxd;
	oba_error	err;

	CHECK(oba_neighbours(x, 4, 2, NULL, 2, nb, dist, count, &maxd, &alloc, &err) == 0);
	CHECK(count[0] == 2 && count[1] == 2 && count[2] == 2 && count[3] == 2);
	/* area 1: area 2 at 1/s1, area 3 at 2/s1 */
	CHECK(nb[0] == 1 && nb[1] == 2);
	CHECK_CLOSE(dist[0], 1 / s1, 1e-15, 0, "d(1,2)");
	CHECK_CLOSE(dist[1], 2 / s1, 1e-15, 0, "d(1,3)");
	/* area 2: areas 1 and 3 both at 1/s1: the tie goes to the lower row */
	CHECK(nb[2] == 0 && nb[3] == 2);
	CHECK(dist[2] == dist[3]);
	/* area 4: area 3 at sqrt(9/s1^2 + 4), then area 2 */
	CHECK(nb[6] == 2 && nb[7] == 1);
	CHECK_CLOSE(dist[6], sqrt(9 / (s1 * s1) + 4), 1e-15, 0, "d(4,3)");
	CHECK_CLOSE(dist[7], sqrt(16 / (s1 * s1) + 4), 1e-15, 0, "d(4,2)");
	/* the farthest pair: areas 1 and 4 */
	CHECK_CLOSE(maxd, sqrt(25 / (s1 * s1) + 4), 1e-15, 0, "max distance");

	/* weight 4 on variable 2 doubles its differences */
	{
		double		w[] = {1, 4};

		CHECK(oba_neighbours(x, 4, 2, w, 2, nb, dist, count, &maxd, &alloc, &err) == 0);
		CHECK_CLOSE(dist[6], sqrt(9 / (s1 * s1) + 16), 1e-15, 0, "weighted d(4,3)");
		CHECK_CLOSE(maxd, sqrt(25 / (s1 * s1) + 16), 1e-15, 0, "weighted max distance");
	}
	/* weight 0 on variable 2: only variable 1 counts */
	{
		double		w[] = {1, 0};

		CHECK(oba_neighbours(x, 4, 2, w, 3, nb, dist, count, &maxd, &alloc, &err) == 0);
		CHECK(count[3] == 3 && nb[9] == 2 && nb[10] == 1 && nb[11] == 0);
		CHECK_CLOSE(dist[9], 3 / s1, 1e-15, 0, "d(4,3) on variable 1 only");
	}
	/* a missing value: area 4 leaves, the others are standardised without it */
	{
		double		xm[] = {1, 10, 2, 10, 3, 10, 6, NAN};

		CHECK(oba_neighbours(xm, 4, 2, NULL, 3, nb, dist, count, &maxd, &alloc, &err) == 0);
		CHECK(count[0] == 2 && count[1] == 2 && count[2] == 2 && count[3] == 0);
		/* variable 1 over 1, 2, 3: sd 1; variable 2 constant: contributes 0 */
		CHECK(nb[0] == 1 && dist[0] == 1 && nb[1] == 2 && dist[1] == 2);
		CHECK(maxd == 2);
	}
	/* one complete area: no neighbours, no farthest pair */
	{
		double		xm[] = {1, NAN, 2, 10};

		CHECK(oba_neighbours(xm, 2, 2, NULL, 1, nb, dist, count, &maxd, &alloc, &err) == 0);
		CHECK(count[0] == 0 && count[1] == 0 && isnan(maxd));
	}
	/* all areas equal: every distance 0, ranks by row */
	{
		double		xe[] = {5, 5, 5};

		CHECK(oba_neighbours(xe, 3, 1, NULL, 2, nb, dist, count, &maxd, &alloc, &err) == 0);
		CHECK(nb[0] == 1 && nb[1] == 2 && nb[2] == 0 && nb[3] == 2 && nb[4] == 0 && nb[5] == 1);
		CHECK(dist[0] == 0 && maxd == 0);
	}
}

/* ---- against the brute force ---- */

static void
against_brute_force(void)
{
	int			trial, mismatches = 0, sets = 0;

	for (trial = 0; trial < 3000; trial++)
	{
		int			n = 1 + rng_int(trial < 2800 ? 40 : 400);
		int			d = 1 + rng_int(6);
		int			k = 1 + rng_int(trial % 3 == 0 ? n + 3 : 6);
		int			levels = 2 + rng_int(5);	/* few values: many exact ties */
		double	   *x = malloc(sizeof(double) * (size_t) n * d);
		double		w[6], maxd, maxd_b;
		int		   *nb = malloc(sizeof(int) * (size_t) n * k),
				   *nb_b = malloc(sizeof(int) * (size_t) n * k),
				   *cnt = malloc(sizeof(int) * (size_t) n),
				   *cnt_b = malloc(sizeof(int) * (size_t) n);
		double	   *dist = malloc(sizeof(double) * (size_t) n * k),
				   *dist_b = malloc(sizeof(double) * (size_t) n * k);
		int			i, j, v, use_w = trial % 2, bad = 0, wsum = 0;
		oba_error	err;

		for (i = 0; i < n * d; i++)
			x[i] = rng_int(10) == 0 && trial % 5 == 0 ? NAN : rng_int(levels) * 2.5 - 1;
		if (trial % 7 == 0)		/* a constant variable */
			for (i = 0; i < n; i++)
				if (!isnan(x[i * d]))
					x[i * d] = 4;
		for (v = 0; v < d; v++)
		{
			w[v] = rng_int(4) == 0 ? 0 : 0.5 + rng_int(4);
			wsum += w[v] > 0;
		}
		if (wsum == 0)
			w[0] = 1;
		counter.live = counter.peak = 0;
		CHECK(oba_neighbours(x, (size_t) n, (size_t) d, use_w ? w : NULL, (size_t) k,
							 nb, dist, cnt, &maxd, &alloc, &err) == 0);
		CHECK(counter.live == 0);
		brute(x, n, d, use_w ? w : NULL, k, nb_b, dist_b, cnt_b, &maxd_b);
		if (!(maxd == maxd_b || (isnan(maxd) && isnan(maxd_b))))
			bad = 1;
		for (i = 0; i < n && !bad; i++)
		{
			if (cnt[i] != cnt_b[i])
				bad = 1;
			for (j = 0; j < cnt[i] && !bad; j++)
				if (nb[i * k + j] != nb_b[i * k + j] || dist[i * k + j] != dist_b[i * k + j])
					bad = 1;
		}
		if (bad && mismatches++ < 5)
			fprintf(stderr, "brute force disagrees: trial %d, n %d, d %d, k %d\n", trial, n, d, k);
		sets++;
		free(x);
		free(nb);
		free(nb_b);
		free(cnt);
		free(cnt_b);
		free(dist);
		free(dist_b);
	}
	CHECK(mismatches == 0);
	printf("neighbours: %d data sets agree with the brute force to the bit (%d disagree)\n",
		   sets - mismatches, mismatches);
}

/* ---- standardisation: a variable shifted and rescaled changes nothing ---- */

static void
invariance(void)
{
	int			n = 200, d = 3, k = 7, i, same = 1;
	double	   *x = malloc(sizeof(double) * n * d),
			   *y = malloc(sizeof(double) * n * d),
			   *dx = malloc(sizeof(double) * n * k),
			   *dy = malloc(sizeof(double) * n * k),
				mx, my;
	int		   *nx = malloc(sizeof(int) * n * k),
			   *ny = malloc(sizeof(int) * n * k),
			   *cx = malloc(sizeof(int) * n),
			   *cy = malloc(sizeof(int) * n);
	oba_error	err;

	for (i = 0; i < n * d; i++)
		x[i] = (double) (rng() % 1000003) / 1000003.0;
	for (i = 0; i < n; i++)
	{
		y[i * d] = x[i * d] * 25000 + 1e6;	/* a population */
		y[i * d + 1] = x[i * d + 1] * 100;	/* a percentage */
		y[i * d + 2] = 7 - x[i * d + 2];	/* reversed: z changes sign, distances do not */
	}
	CHECK(oba_neighbours(x, n, d, NULL, k, nx, dx, cx, &mx, &alloc, &err) == 0);
	CHECK(oba_neighbours(y, n, d, NULL, k, ny, dy, cy, &my, &alloc, &err) == 0);
	for (i = 0; i < n * k; i++)
		if (nx[i] != ny[i] || !unit_close(dy[i], dx[i], 1e-9, 0))
			same = 0;
	CHECK(same);
	CHECK_CLOSE(my, mx, 1e-9, 0, "max distance after rescaling");
	free(x);
	free(y);
	free(dx);
	free(dy);
	free(nx);
	free(ny);
	free(cx);
	free(cy);
}

/* ---- interrupts and memory ---- */

static size_t interrupt_calls;

static void
count_interrupts(void)
{
	interrupt_calls++;
}

static void
interrupts_and_memory(void)
{
	size_t		n = 3000, d = 12, k = 10, i;
	double	   *x = malloc(sizeof(double) * n * d),
			   *dist = malloc(sizeof(double) * n * k),
				maxd;
	int		   *nb = malloc(sizeof(int) * n * k),
			   *cnt = malloc(sizeof(int) * n);
	oba_error	err;

	for (i = 0; i < n * d; i++)
		x[i] = (double) (rng() % 100000);
	interrupt_calls = 0;
	counter.live = counter.peak = 0;
	oba_interrupt_hook = count_interrupts;
	CHECK(oba_neighbours(x, n, d, NULL, k, nb, dist, cnt, &maxd, &alloc, &err) == 0);
	oba_interrupt_hook = NULL;
	/* once per row of the pair loop, at least */
	CHECK(interrupt_calls >= n);
	CHECK(counter.live == 0);
	/* the documented bound: 8 x (m x d + 2 n + 2 d) bytes */
	CHECK(counter.peak <= 8 * (n * d + 2 * n + 2 * d));
	printf("neighbours: %zu areas x %zu variables: %zu interrupt checks, peak %zu bytes\n",
		   n, d, interrupt_calls, counter.peak);

	/* an allocation that fails is an error, and nothing is kept */
	for (i = 1; i <= 6; i++)
	{
		counter.live = counter.peak = counter.calls = 0;
		counter.fail_after = (int) i;
		CHECK(oba_neighbours(x, n, d, NULL, k, nb, dist, cnt, &maxd, &alloc, &err) == -1);
		CHECK(err.code == OBA_ENOMEM && counter.live == 0 && cnt[0] == 0);
	}
	counter.fail_after = 0;
	free(x);
	free(dist);
	free(nb);
	free(cnt);
}

/* ---- errors ---- */

static void
errors(void)
{
	double		x[] = {1, 2, 3, 4}, dist[8], maxd;
	int			nb[8], cnt[4];
	oba_error	err;

	CHECK(oba_neighbours(x, 4, 1, NULL, 0, nb, dist, cnt, &maxd, &alloc, &err) == -1);
	CHECK(strstr(err.message, "k must be at least 1, got 0") != NULL);
	{
		double		w[] = {-1};

		CHECK(oba_neighbours(x, 4, 1, w, 1, nb, dist, cnt, &maxd, &alloc, &err) == -1);
		CHECK(strstr(err.message, "weight 1 must be between 0 and 1e+12, got -1") != NULL);
		w[0] = NAN;
		CHECK(oba_neighbours(x, 4, 1, w, 1, nb, dist, cnt, &maxd, &alloc, &err) == -1);
		w[0] = 2e12;
		CHECK(oba_neighbours(x, 4, 1, w, 1, nb, dist, cnt, &maxd, &alloc, &err) == -1);
		w[0] = 0;
		CHECK(oba_neighbours(x, 4, 1, w, 1, nb, dist, cnt, &maxd, &alloc, &err) == -1);
		CHECK(strstr(err.message, "weights must not all be 0") != NULL);
	}
	{
		double		xi[] = {1, 2, -INFINITY, 4};

		CHECK(oba_neighbours(xi, 2, 2, NULL, 1, nb, dist, cnt, &maxd, &alloc, &err) == -1);
		CHECK(strstr(err.message, "variable 1 of area 2 must be finite, got -Infinity") != NULL);
	}
	{
		double		xl[] = {1e308, -1e308, 1e308};

		counter.live = 0;
		CHECK(oba_neighbours(xl, 3, 1, NULL, 1, nb, dist, cnt, &maxd, &alloc, &err) == -1);
		CHECK(err.code == OBA_ERANGE && counter.live == 0);
		CHECK(strstr(err.message, "variable 1 has values too large to standardise") != NULL);
	}
	/* no rows: nothing to do */
	CHECK(oba_neighbours(x, 0, 1, NULL, 3, nb, dist, cnt, &maxd, &alloc, &err) == 0 && isnan(maxd));
}

int
main(void)
{
	worked_example();
	against_brute_force();
	invariance();
	interrupts_and_memory();
	errors();
	return unit_done("test_neighbours");
}
