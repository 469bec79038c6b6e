/*
 * test_sii.c: src/core/rng.c (the seeded generator) and src/core/sii.c (the
 * slope and relative index of inequality) against
 * test/reference/sii_reference.csv (base R, derive_sii_reference.R): point
 * estimates exactly, simulated limits within Monte-Carlo error; the
 * generator against published and independently computed outputs; edge
 * cases, bad input, interrupts and memory.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "sii.h"
#include "rng.h"
#include "unit.h"

#include <stdint.h>

static void *
test_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
test_release(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static void *
failing_alloc(void *ctx, size_t size)
{
	(void) ctx;
	(void) size;
	return NULL;
}

static const oba_allocator A = {test_alloc, test_release, NULL};
static const oba_allocator FAIL = {failing_alloc, test_release, NULL};

static size_t hook_calls = 0;

static void
counting_hook(void)
{
	hook_calls++;
}

/* ---- the generator ---- */

static void
rng_vectors(void)
{
	oba_rng		r;
	uint64_t	x = 0;
	int			i;
	/* xoshiro256** from the state {1, 2, 3, 4} (its authors' reference code) */
	static const uint64_t from1234[] = {UINT64_C(11520), UINT64_C(0), UINT64_C(1509978240),
		UINT64_C(1215971899390074240), UINT64_C(1216172134540287360),
	UINT64_C(607988272756665600)};
	/* SplitMix64 from 0 (its authors' published first outputs) */
	static const uint64_t sm0[] = {UINT64_C(0xe220a8397b1dcdaf), UINT64_C(0x6e789e6aa1b965f4),
	UINT64_C(0x06c45d188009454f)};
	/*
	 * seeds 1 and -7: the first outputs of an independent implementation
	 * (Python integers, written from the algorithms' descriptions)
	 */
	static const uint64_t seed1[] = {UINT64_C(0xb3f2af6d0fc710c5), UINT64_C(0x853b559647364cea),
		UINT64_C(0x92f89756082a4514), UINT64_C(0x642e1c7bc266a3a7),
	UINT64_C(0xb27a48e29a233673)};
	static const uint64_t seedm7[] = {UINT64_C(0xf305399b3b63f2c2), UINT64_C(0xd693dd0a37ae5bdc),
		UINT64_C(0x736e8338a3f226b9), UINT64_C(0x6a0da5410c1bdfa1),
	UINT64_C(0x7349d5fdf5fb9fcf)};

	r.s[0] = 1;
	r.s[1] = 2;
	r.s[2] = 3;
	r.s[3] = 4;
	for (i = 0; i < 6; i++)
		CHECK(oba_rng_next(&r) == from1234[i]);
	for (i = 0; i < 3; i++)
		CHECK(oba_splitmix64(&x) == sm0[i]);
	oba_rng_seed(&r, 0);
	CHECK(r.s[0] == sm0[0] && r.s[1] == sm0[1] && r.s[2] == sm0[2] &&
		  r.s[3] == UINT64_C(0xf88bb8a8724c81ec));
	oba_rng_seed(&r, 1);
	for (i = 0; i < 5; i++)
		CHECK(oba_rng_next(&r) == seed1[i]);
	oba_rng_seed(&r, -7);
	for (i = 0; i < 5; i++)
		CHECK(oba_rng_next(&r) == seedm7[i]);
	/* uniforms: the top 53 bits and a half, so never 0 or 1 */
	oba_rng_seed(&r, 1);
	CHECK(oba_rng_uniform(&r) == 0.7029218331588505);
	CHECK(oba_rng_uniform(&r) == 0.520436619938857);
	r.s[0] = r.s[1] = r.s[2] = r.s[3] = 0;
	CHECK(oba_rng_uniform(&r) == 0x1.0p-54);
	/* a normal is the inversion of the next uniform */
	{
		oba_rng		r2;

		oba_rng_seed(&r, 42);
		oba_rng_seed(&r2, 42);
		for (i = 0; i < 10; i++)
			CHECK(oba_rng_normal(&r) == oba_qnorm(oba_rng_uniform(&r2)));
	}
}

/* Moments of a million normals: mean 0, variance 1, tails at their rate. */
static void
rng_moments(void)
{
	oba_rng		r;
	const int	n = 1000000;
	double		sum = 0,
				sum2 = 0,
				mean,
				var;
	int			i,
				beyond = 0;

	oba_rng_seed(&r, 20260614);
	for (i = 0; i < n; i++)
	{
		double		z = oba_rng_normal(&r);

		sum += z;
		sum2 += z * z;
		if (fabs(z) > 1.959963984540054)
			beyond++;
	}
	mean = sum / n;
	var = sum2 / n - mean * mean;
	printf("1e6 normals: mean %.5f, variance %.5f, beyond 1.96: %d (50000 expected)\n",
		   mean, var, beyond);
	CHECK(fabs(mean) < 5.0 / sqrt(n));
	CHECK(fabs(var - 1) < 5.0 * sqrt(2.0 / n));
	CHECK(abs(beyond - 50000) < 5 * 218);	/* sd sqrt(n 0.05 0.95) = 218 */
}

/* ---- selection ---- */

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static void
selection(void)
{
	oba_rng		r;
	int			trial;
	size_t		n,
				k,
				i;

	oba_rng_seed(&r, 5);
	for (trial = 0; trial < 300; trial++)
	{
		double	   *a,
				   *b,
					got;
		int			kind = trial % 4;

		n = 1 + oba_rng_next(&r) % 2000;
		k = oba_rng_next(&r) % n;
		a = malloc(n * sizeof(double));
		b = malloc(n * sizeof(double));
		for (i = 0; i < n; i++)
			a[i] = kind == 0 ? oba_rng_normal(&r)
				: kind == 1 ? (double) (oba_rng_next(&r) % 7)	/* many ties */
				: kind == 2 ? (double) i	/* sorted */
				: 3.0;			/* constant */
		memcpy(b, a, n * sizeof(double));
		qsort(b, n, sizeof(double), cmp_double);
		got = oba_select_kth(a, n, k);
		CHECK(got == b[k]);
		for (i = 0; i < n; i++)
			CHECK(i < k ? a[i] <= got : i > k ? a[i] >= got : a[i] == got);
		free(a);
		free(b);
	}
}

/* ---- the reference ---- */

#define MAXROWS 100

typedef struct sii_case
{
	char		id[64];
	char		input[16];
	char		value_type[16];
	int			transform;
	double		multiplier,
				confidence,
				repetitions,
				quantiles,
				population,
				intercept,
				sii,
				rii,
				lim[4],
				sd[4],
				batches;
} sii_case;

static int	cases_checked = 0,
			points_agree = 0,
			limits_agree = 0;

/* within 5 Monte-Carlo sd of one run (sd), the reference the mean of `batches` runs */
static int
mc_close(double got, double want, double sd, double batches)
{
	return fabs(got - want) <= 5 * sd * sqrt(1 + 1 / batches);
}

static void
check_case(const sii_case *c, oba_sii_row *rows, size_t n)
{
	oba_sii_params p;
	oba_sii_result r;
	oba_error	err;
	double		scale = 0,
				got[4];
	int			ok,
				i;
	size_t		j;

	for (j = 0; j < n; j++)
		if (fabs(rows[j].value) > scale)
			scale = fabs(rows[j].value);
	scale *= fabs(c->multiplier);
	CHECK(oba_sii_value_type_parse(&err, "value_type", c->value_type, strlen(c->value_type),
								   &p.value_type) == 0);
	p.transform = c->transform;
	p.use_se = strcmp(c->input, "se") == 0;
	p.multiplier = c->multiplier;
	p.confidence = c->confidence;
	p.repetitions = (long) c->repetitions;
	p.seed = 1;
	cases_checked++;
	if (oba_sii(rows, n, &p, &A, &r, &err) != 0)
	{
		fprintf(stderr, "%s: %s\n", c->id, err.message);
		CHECK(0);
		return;
	}
	ok = r.quantiles == c->quantiles && r.population == c->population &&
		unit_close(r.sii, c->sii, 1e-9, 1e-12 * scale) &&
		unit_close(r.rii, c->rii, 1e-9, 1e-12) &&
		unit_close(r.intercept, c->intercept, 1e-9, 1e-12 * scale);
	if (!ok)
		fprintf(stderr, "%s: sii %.17g rii %.17g intercept %.17g, want %.17g %.17g %.17g\n",
				c->id, r.sii, r.rii, r.intercept, c->sii, c->rii, c->intercept);
	CHECK(ok);
	points_agree += ok;
	got[0] = r.sii_lower;
	got[1] = r.sii_upper;
	got[2] = r.rii_lower;
	got[3] = r.rii_upper;
	ok = 1;
	for (i = 0; i < 4; i++)
		if (!mc_close(got[i], c->lim[i], c->sd[i], c->batches))
		{
			fprintf(stderr, "%s: limit %d %.17g, want %.17g (sd %.3g)\n", c->id, i, got[i],
					c->lim[i], c->sd[i]);
			ok = 0;
		}
	CHECK(ok);
	limits_agree += ok;
}

static void
reference(void)
{
	csv_file	c,
				in;
	oba_sii_row rows[MAXROWS];
	int			have_in;

	csv_open(&c, "test/reference/sii_reference.csv");
	csv_open(&in, "test/reference/sii_reference_input.csv");
	have_in = csv_next(&in);
	while (csv_next(&c))
	{
		sii_case	k;
		size_t		n = 0;
		static const char *const lim[] = {"sii_lower", "sii_upper", "rii_lower", "rii_upper"};
		static const char *const sd[] = {"sii_lower_sd", "sii_upper_sd", "rii_lower_sd", "rii_upper_sd"};
		int			i;

		memset(&k, 0, sizeof(k));
		snprintf(k.id, sizeof(k.id), "%s", csv_get(&c, "group_id"));
		snprintf(k.input, sizeof(k.input), "%s", csv_get(&c, "input"));
		snprintf(k.value_type, sizeof(k.value_type), "%s", csv_get(&c, "value_type"));
		k.transform = strcmp(csv_get(&c, "transform"), "TRUE") == 0;
		k.multiplier = csv_num(&c, "multiplier");
		k.confidence = csv_num(&c, "confidence");
		k.repetitions = csv_num(&c, "repetitions");
		k.quantiles = csv_num(&c, "quantiles");
		k.population = csv_num(&c, "population");
		k.intercept = csv_num(&c, "intercept");
		k.sii = csv_num(&c, "sii");
		k.rii = csv_num(&c, "rii");
		k.batches = csv_num(&c, "batches");
		for (i = 0; i < 4; i++)
		{
			k.lim[i] = csv_num(&c, lim[i]);
			k.sd[i] = csv_num(&c, sd[i]);
		}
		/* the input rows of this case follow in the same order */
		while (have_in && strcmp(csv_get(&in, "group_id"), k.id) == 0)
		{
			if (n < MAXROWS)
			{
				rows[n].quantile = csv_num(&in, "quantile");
				rows[n].population = csv_num(&in, "population");
				rows[n].value = csv_num(&in, "value");
				rows[n].lower = csv_num(&in, "lower");
				rows[n].upper = csv_num(&in, "upper");
				rows[n].se = csv_num(&in, "se");
			}
			n++;
			have_in = csv_next(&in);
		}
		CHECK(n == (size_t) k.quantiles);
		check_case(&k, rows, n);
	}
	csv_close(&c);
	csv_close(&in);
	printf("sii_reference: %d cases, point estimates agree in %d, limits within Monte-Carlo error in %d\n",
		   cases_checked, points_agree, limits_agree);
	CHECK(cases_checked == 34 && points_agree == 34 && limits_agree == 34);
}

/* ---- edge cases and bad input ---- */

static void
fill(oba_sii_row *rows, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		rows[i].quantile = (double) (i + 1);
		rows[i].population = 1000 + 37.0 * ((i * 7) % 11);
		rows[i].value = 70 + 0.9 * i + ((i * 5) % 3) * 0.4;
		rows[i].lower = rows[i].value - 1.5;
		rows[i].upper = rows[i].value + 1.5;
		rows[i].se = 0.75;
	}
}

static oba_sii_params
defaults(void)
{
	oba_sii_params p;

	p.value_type = OBA_SII_NORMAL;
	p.transform = 0;
	p.use_se = 0;
	p.multiplier = 1;
	p.confidence = 0.95;
	p.repetitions = 10000;
	p.seed = 1;
	return p;
}

static void
edges(void)
{
	oba_sii_row rows[OBA_SII_MAX_QUANTILES + 1],
				shuffled[10];
	oba_sii_params p = defaults();
	oba_sii_result r,
				r2;
	oba_error	err;
	size_t		i;

	/* the order of the rows does not matter; the seed does, reproducibly */
	fill(rows, 10);
	for (i = 0; i < 10; i++)
		shuffled[i] = rows[(i * 3) % 10];
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == 0);
	CHECK(oba_sii(shuffled, 10, &p, &A, &r2, &err) == 0);
	CHECK(memcmp(&r, &r2, sizeof(r)) == 0);
	p.seed = 2;
	CHECK(oba_sii(rows, 10, &p, &A, &r2, &err) == 0);
	CHECK(r2.sii == r.sii && r2.sii_lower != r.sii_lower && r2.sii_upper != r.sii_upper);
	p.seed = 1;

	/* values on a straight line in the relative rank: the line is the fit */
	{
		double		total = 0,
					cum = 0;

		for (i = 0; i < 10; i++)
			total += rows[i].population;
		for (i = 0; i < 10; i++)
		{
			double		a = rows[i].population / total;

			rows[i].value = 5 + 27 * (cum + a / 2);
			cum += a;
		}
		CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == 0);
		CHECK_CLOSE(r.sii, 27, 1e-12, 0, "straight line sii");
		CHECK_CLOSE(r.intercept, 5, 1e-12, 0, "straight line intercept");
		CHECK_CLOSE(r.rii, 32.0 / 5, 1e-12, 0, "straight line rii");
	}

	/* no spread: the limits are the estimate, exactly */
	fill(rows, 10);
	p.use_se = 1;
	for (i = 0; i < 10; i++)
		rows[i].se = 0;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == 0);
	CHECK(r.sii_lower == r.sii && r.sii_upper == r.sii && r.rii_lower == r.rii && r.rii_upper == r.rii);
	p.use_se = 0;

	/* fewer than 5 quantiles, or a missing value: no estimates, counts kept */
	fill(rows, 10);
	CHECK(oba_sii(rows, 4, &p, &A, &r, &err) == 0);
	CHECK(r.quantiles == 4 && r.population > 0 && isnan(r.sii) && isnan(r.rii_upper));
	rows[6].upper = NAN;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == 0);
	CHECK(r.quantiles == 10 && isnan(r.sii) && isnan(r.intercept));
	fill(rows, 10);
	p.use_se = 1;
	rows[2].se = NAN;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == 0);
	CHECK(isnan(r.sii));
	p.use_se = 0;

	/* 100 quantiles, not 101 */
	fill(rows, OBA_SII_MAX_QUANTILES + 1);
	p.repetitions = 1000;
	CHECK(oba_sii(rows, OBA_SII_MAX_QUANTILES, &p, &A, &r, &err) == 0 && r.quantiles == 100);
	CHECK(oba_sii(rows, OBA_SII_MAX_QUANTILES + 1, &p, &A, &r, &err) == -1);
	p.repetitions = 10000;

	/* duplicates, bad rows */
	fill(rows, 10);
	rows[5].quantile = 2;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1 && err.code == OBA_EINVAL);
	CHECK(strstr(err.message, "quantile 2 appears more than once") != NULL);
	fill(rows, 10);
	rows[3].population = 0;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);
	fill(rows, 10);
	rows[3].lower = rows[3].upper + 1;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);
	fill(rows, 10);
	rows[3].value = INFINITY;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);
	p.value_type = OBA_SII_RATE;
	fill(rows, 10);
	rows[0].lower = 0;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1 && strstr(err.message, "log") != NULL);
	p.value_type = OBA_SII_PROPORTION;
	fill(rows, 10);
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1 && strstr(err.message, "logit") != NULL);
	for (i = 0; i < 10; i++)
	{
		rows[i].value = 0.1 + 0.02 * i;
		rows[i].lower = rows[i].value - 0.01;
		rows[i].upper = rows[i].value + 0.01;
	}
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == 0 && r.sii > 0);
	p.transform = 1;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == 0 && r.sii > 0 && r.rii > 1);
	CHECK(r.sii_lower < r.sii && r.sii < r.sii_upper);
	p.multiplier = -100;
	CHECK(oba_sii(rows, 10, &p, &A, &r2, &err) == 0);
	CHECK_CLOSE(r2.sii, -100 * r.sii, 1e-12, 0, "negative multiplier");
	CHECK_CLOSE(r2.rii, 1 / r.rii, 1e-12, 0, "inverted rii");
	CHECK(r2.sii_lower < r2.sii && r2.sii < r2.sii_upper && r2.rii_lower < r2.rii && r2.rii < r2.rii_upper);

	/* parameters */
	p = defaults();
	fill(rows, 10);
	p.transform = 1;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);	/* normal values */
	p = defaults();
	p.multiplier = 0;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);
	p = defaults();
	p.confidence = 1;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);
	p = defaults();
	p.repetitions = 999;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);
	p = defaults();
	p.repetitions = 1000;
	p.confidence = 0.9999;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1 && strstr(err.message, "repetitions") != NULL);
	p = defaults();
	p.value_type = (oba_sii_value_type) 7;
	CHECK(oba_sii(rows, 10, &p, &A, &r, &err) == -1);
	CHECK(oba_sii_value_type_parse(&err, "value_type", "rates", 5, &p.value_type) == -1);
	CHECK(strcmp(oba_sii_value_type_name(OBA_SII_PROPORTION), "proportion") == 0);

	/* out of memory is an error, not a crash */
	p = defaults();
	CHECK(oba_sii(rows, 10, &p, &FAIL, &r, &err) == -1 && err.code == OBA_ENOMEM);
}

/* The simulation and the selection check for interrupts as they go. */
static void
interrupts(void)
{
	oba_sii_row rows[OBA_SII_MIN_QUANTILES];
	oba_sii_params p = defaults();
	oba_sii_result r;
	oba_error	err;

	fill(rows, OBA_SII_MIN_QUANTILES);
	p.repetitions = OBA_SII_MAX_REPETITIONS;
	oba_interrupt_hook = counting_hook;
	hook_calls = 0;
	CHECK(oba_sii(rows, OBA_SII_MIN_QUANTILES, &p, &A, &r, &err) == 0);
	oba_interrupt_hook = NULL;
	printf("5 quantiles x 1,000,000 repetitions: %zu interrupt checks\n", hook_calls);
	/* a check every 4096 repetitions, and more in the selections */
	CHECK(hook_calls >= 2 * (size_t) OBA_SII_MAX_REPETITIONS / 4096);
}

int
main(void)
{
	rng_vectors();
	rng_moments();
	selection();
	reference();
	edges();
	interrupts();
	return unit_done("test_sii");
}
