/*
 * test_apportion.c: src/core/apportion.c. Largest-remainder rounding, the
 * weighted sum and mean, and the Southampton reference: the ward totals of
 * test/reference/apportion_reference*.csv recomputed from the reference
 * weights (apportion_weights*.csv) and the source values, to 1e-9 relative.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "apportion.h"
#include "unit.h"

static void *
m_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
m_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const oba_allocator mallocator = {m_alloc, m_release, NULL};

static void
largest_remainder(void)
{
	oba_error	err;
	double		out[8];

	{
		/* 10 split 0.45 / 0.35 / 0.2: floors 4, 3, 2; the unit left to .5 */
		double		p[] = {4.5, 3.5, 2.0};

		CHECK(oba_largest_remainder(p, 3, out, &mallocator, &err) == 0);
		CHECK(out[0] == 5 && out[1] == 3 && out[2] == 2);
	}
	{
		/* equal fractions: the earlier element first */
		double		p[] = {1.0 / 3, 1.0 / 3, 1.0 / 3};

		CHECK(oba_largest_remainder(p, 3, out, &mallocator, &err) == 0);
		CHECK(out[0] == 1 && out[1] == 0 && out[2] == 0);
	}
	{
		/* weights that sum to 1 up to rounding keep the whole total */
		double		w[] = {0.99483203412457599, 0.0051679658752524209};
		double		p[2];

		p[0] = 100 * w[0];
		p[1] = 100 * w[1];
		CHECK(oba_largest_remainder(p, 2, out, &mallocator, &err) == 0);
		CHECK(out[0] == 99 && out[1] == 1);
	}
	{
		/* a total that is not whole is rounded half to even first */
		double		p[] = {0.25, 0.25};

		CHECK(oba_largest_remainder(p, 2, out, &mallocator, &err) == 0);
		CHECK(out[0] == 0 && out[1] == 0);
		p[0] = 0.75;
		CHECK(oba_largest_remainder(p, 2, out, &mallocator, &err) == 0);
		CHECK(out[0] == 1 && out[1] == 0);
	}
	{
		/* whole parts stay as they are; nothing for an empty list */
		double		p[] = {3, 0, 7};

		CHECK(oba_largest_remainder(p, 3, out, &mallocator, &err) == 0);
		CHECK(out[0] == 3 && out[1] == 0 && out[2] == 7);
		CHECK(oba_largest_remainder(p, 0, out, &mallocator, &err) == 0);
	}
	{
		double		p[] = {1, -0.5};

		CHECK(oba_largest_remainder(p, 2, out, &mallocator, &err) == -1);
		CHECK(err.code == OBA_EINVAL && strstr(err.message, "part 2") && strstr(err.message, "-0.5"));
		p[1] = NAN;
		CHECK(oba_largest_remainder(p, 2, out, &mallocator, &err) == -1);
		CHECK(strstr(err.message, "finite") != NULL);
		p[1] = 1e300;
		p[0] = 1e300;
		CHECK(oba_largest_remainder(p, 2, out, &mallocator, &err) == -1);
		CHECK(err.code == OBA_ERANGE);
	}
}

static void
weighted(void)
{
	double		s[OBA_APP_STATE_LEN] = {0, 0, 0, 0};
	double		t[OBA_APP_STATE_LEN] = {0, 0, 0, 0};
	oba_error	err;

	CHECK(isnan(oba_apportion_total(s)) && isnan(oba_apportion_mean(s)));	/* no rows */
	CHECK(oba_apportion_add(s, 100, 0, 0.25, &err) == 0);
	CHECK(oba_apportion_add(s, 40, 0, 0.5, &err) == 0);
	CHECK(oba_apportion_total(s) == 45);
	CHECK(oba_apportion_mean(s) == 45 / 0.75);
	CHECK(oba_apportion_add(t, 0, 1, 0.5, &err) == 0);	/* a NULL value */
	CHECK(isnan(oba_apportion_total(t)));
	oba_apportion_combine(s, t);
	CHECK(isnan(oba_apportion_total(s)) && isnan(oba_apportion_mean(s)));
	CHECK(s[OBA_APP_ROWS] == 3 && s[OBA_APP_NULLS] == 1);
	CHECK(oba_apportion_check(s, &err) == 0);

	{
		double		z[OBA_APP_STATE_LEN] = {0, 0, 0, 0};

		CHECK(oba_apportion_add(z, 5, 0, 0, &err) == 0);	/* weight 0: mean undefined */
		CHECK(oba_apportion_total(z) == 0 && isnan(oba_apportion_mean(z)));
		CHECK(oba_apportion_add(z, 5, 0, -1, &err) == -1);
		CHECK(strstr(err.message, "weight") && strstr(err.message, "-1"));
		CHECK(oba_apportion_add(z, INFINITY, 0, 1, &err) == -1);
		CHECK(strstr(err.message, "value") != NULL);
		z[OBA_APP_NULLS] = 9;
		CHECK(oba_apportion_check(z, &err) == -1);
	}
}

/* ---- the Southampton reference ---- */

#define MAXS 4096
#define MAXW 64

typedef struct layer
{
	int			n;
	char		code[MAXS][16];
	double		count,
				rate;
} layer;

static int
find(char (*codes)[16], int *n, const char *code, int add)
{
	int			i;

	for (i = 0; i < *n; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	if (!add)
		return -1;
	snprintf(codes[*n], 16, "%s", code);
	return (*n)++;
}

static char lsoa[MAXS][16];
static int	nlsoa;
static double pop_total[MAXS],
			pop_0_15[MAXS],
			census[MAXS];		/* Census 2011 residents of the LSOA's OAs */

static void
load_sources(void)
{
	csv_file	c;

	csv_open(&c, "data/geo/lsoa11_population.csv");
	while (csv_next(&c))
	{
		int			i = find(lsoa, &nlsoa, csv_get(&c, "lsoa11_code"), 1);

		pop_total[i] = csv_num(&c, "pop_total_mid2015");
		pop_0_15[i] = csv_num(&c, "pop_0_15_mid2015");
	}
	csv_close(&c);
	csv_open(&c, "data/geo/oa11_population.csv");
	while (csv_next(&c))
	{
		int			i = find(lsoa, &nlsoa, csv_get(&c, "lsoa11_code"), 0);

		CHECK(i >= 0);
		if (i >= 0)
			census[i] += csv_num(&c, "usual_residents_census2011");
	}
	csv_close(&c);
}

/* The reference's source values (test/reference/README.md). */
static double
source_value(int s, const char *variable)
{
	long		k = strtol(lsoa[s] + 1, NULL, 10);

	if (strcmp(variable, "synthetic_count") == 0)
		return (double) (k % 97 + 3);
	if (strcmp(variable, "synthetic_rate") == 0)
		return (double) (k % 89 + 11) / 10;
	if (strcmp(variable, "pop_total_mid2015") == 0)
		return pop_total[s];
	if (strcmp(variable, "pop_0_15_mid2015") == 0)
		return pop_0_15[s];
	if (strcmp(variable, "pct_0_15_mid2015") == 0)
		return 100 * pop_0_15[s] / pop_total[s];
	return NAN;
}

/* One weights table: w[s][t] for sources by index in lsoa[], wards in ward[]. */
typedef struct weights
{
	double		w[MAXS][MAXW];
} weights;

static char ward[MAXW][16];
static int	nward;
static weights area,
			pos,
			aw;

static void
load_weights(const char *path, const char *method, const char *column, weights *w)
{
	csv_file	c;

	memset(w, 0, sizeof(*w));
	csv_open(&c, path);
	while (csv_next(&c))
	{
		int			s,
					t;

		if (method != NULL && strcmp(csv_get(&c, "method"), method) != 0)
			continue;
		s = find(lsoa, &nlsoa, csv_get(&c, "source_code"), 0);
		t = find(ward, &nward, csv_get(&c, "ward_code"), 1);
		CHECK(s >= 0 && t < MAXW);
		if (s >= 0)
			w->w[s][t] = csv_num(&c, column);
	}
	csv_close(&c);
}

/* Ward t's value by one reference method, through the aggregate state. */
static double
apportioned(const char *method, const char *variable, int t)
{
	double		st[OBA_APP_STATE_LEN] = {0, 0, 0, 0};
	oba_error	err;
	int			s;
	int			intensive = strstr(method, "_int") != NULL;

	for (s = 0; s < nlsoa; s++)
	{
		double		w;

		if (strncmp(method, "aw_ext_total", 12) == 0)
			w = area.w[s][t];
		else if (strncmp(method, "aw_ext_sum", 10) == 0)
		{
			double		covered = 0;
			int			u;

			for (u = 0; u < nward; u++)
				covered += area.w[s][u];
			w = covered > 0 ? area.w[s][t] / covered : 0;
		}
		else if (strncmp(method, "pw_oa_pos", 9) == 0)
			w = pos.w[s][t];
		else if (strncmp(method, "pw_oa_aw", 8) == 0)
			w = aw.w[s][t];
		else
			return NAN;
		if (w <= 0)
			continue;
		/* intensive, population-weighted: the weight is u_st x P_s */
		CHECK(oba_apportion_add(st, source_value(s, variable), 0,
								intensive ? w * census[s] : w, &err) == 0);
	}
	return intensive ? oba_apportion_mean(st) : oba_apportion_total(st);
}

static void
reference(const char *weights_path, const char *pop_path, const char *ref_path)
{
	csv_file	c;
	int			rows = 0,
				skipped = 0;

	nward = 0;
	load_weights(weights_path, NULL, "area_share", &area);
	load_weights(pop_path, "pw_oa_pos", "pop_share", &pos);
	load_weights(pop_path, "pw_oa_aw", "pop_share", &aw);

	csv_open(&c, ref_path);
	while (csv_next(&c))
	{
		char		method[64],
				   *variable;
		int			t;
		double		got;

		snprintf(method, sizeof(method), "%s", csv_get(&c, "method"));
		variable = strchr(method, '.');
		*variable++ = '\0';
		t = find(ward, &nward, csv_get(&c, "target_ward_code"), 0);
		/* area-weighted means need areas, best fit needs assignments: SQL tests */
		if (strcmp(csv_get(&c, "source_layer"), "lsoa11") != 0 ||
			strncmp(method, "aw_int", 6) == 0 || strncmp(method, "bf_", 3) == 0)
		{
			skipped++;
			continue;
		}
		CHECK(t >= 0);
		got = apportioned(method, variable, t);
		CHECK_CLOSE(got, csv_num(&c, "value"), 1e-9, 1e-9, csv_get(&c, "method"));
		rows++;
	}
	csv_close(&c);
	printf("apportion: %s: %d ward values checked (%d left to the SQL tests)\n",
		   ref_path, rows, skipped);
	CHECK(rows >= 16 * 14);
}

int
main(void)
{
	largest_remainder();
	weighted();
	load_sources();
	reference("test/reference/apportion_weights.csv", "test/reference/apportion_weights_pop.csv",
			  "test/reference/apportion_reference.csv");
	reference("test/reference/apportion_weights_wd25_southampton.csv",
			  "test/reference/apportion_weights_pop_wd25_southampton.csv",
			  "test/reference/apportion_reference_wd25_southampton.csv");
	return unit_done("test_apportion");
}
