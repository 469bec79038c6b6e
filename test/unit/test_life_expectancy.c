/*
 * test_life_expectancy.c: src/core/life_expectancy.c against
 * test/reference/life_expectancy_reference.csv (base R,
 * derive_life_expectancy_reference.R) at every starting age of every case,
 * the package's worked example (answer1 of PHEindicatormethods'
 * testLifeExpectancy.R, from the PHE calculator), the rules of suppression
 * and bad input.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "life_expectancy.h"
#include "unit.h"

#define MAXCASES 64

typedef struct le_case
{
	char		id[64];
	oba_le_bands b;
} le_case;

static le_case cases[MAXCASES];
static int	ncases = 0;

static le_case *
find_case(const char *id)
{
	int			i;

	for (i = 0; i < ncases; i++)
		if (strcmp(cases[i].id, id) == 0)
			return &cases[i];
	return NULL;
}

static void
read_input(void)
{
	csv_file	c;

	csv_open(&c, "test/reference/life_expectancy_reference_input.csv");
	while (csv_next(&c))
	{
		le_case    *k = find_case(csv_get(&c, "group_id"));
		int			band = oba_le_band(csv_num(&c, "start_age"));

		if (k == NULL)
		{
			CHECK(ncases < MAXCASES);
			if (ncases >= MAXCASES)
				break;
			k = &cases[ncases++];
			memset(k, 0, sizeof(*k));
			snprintf(k->id, sizeof(k->id), "%s", csv_get(&c, "group_id"));
		}
		CHECK(band >= 0);
		if (band < 0)
			continue;
		k->b.deaths[band] += csv_num(&c, "deaths");
		k->b.population[band] += csv_num(&c, "population");
		k->b.rows[band] += 1;
	}
	csv_close(&c);
}

static int
same_note(const char *got, const char *want)
{
	if (strcmp(want, "NA") == 0)
		return got == NULL;
	return got != NULL && strcmp(got, want) == 0;
}

static void
reference(void)
{
	csv_file	c;
	int			rows = 0,
				agree = 0,
				with_value = 0;

	read_input();
	csv_open(&c, "test/reference/life_expectancy_reference.csv");
	while (csv_next(&c))
	{
		le_case    *k = find_case(csv_get(&c, "group_id"));
		oba_le_result r;
		oba_error	err;
		int			ok;

		rows++;
		CHECK(k != NULL);
		if (k == NULL)
			continue;
		CHECK(oba_life_expectancy(&k->b, csv_num(&c, "start_age"), csv_num(&c, "confidence"),
								  &r, &err) == 0);
		ok = r.at_age == csv_num(&c, "start_age") &&
			unit_close(r.value, csv_num(&c, "value"), 1e-9, 1e-12) &&
			unit_close(r.lower, csv_num(&c, "lower"), 1e-9, 1e-12) &&
			unit_close(r.upper, csv_num(&c, "upper"), 1e-9, 1e-12) &&
			unit_close(r.se, csv_num(&c, "se"), 1e-9, 1e-12) &&
			unit_close(r.population, csv_num(&c, "population"), 1e-12, 0) &&
			unit_close(r.deaths, csv_num(&c, "deaths"), 1e-12, 0) &&
			same_note(r.note, csv_get(&c, "note"));
		if (!ok)
			fprintf(stderr, "%s at %s: got %.17g (%.17g, %.17g) se %.17g %s\n", k->id,
					csv_get(&c, "start_age"), r.value, r.lower, r.upper, r.se,
					r.note ? r.note : "");
		CHECK(ok);
		agree += ok;
		with_value += !isnan(r.value);
	}
	csv_close(&c);
	printf("life_expectancy_reference: %d cases, %d rows (%d with a value), %d agree\n",
		   ncases, rows, with_value, agree);
	CHECK(rows == 1100 && agree == rows);
}

/* phe_life_expectancy's example df1 and its tests' answer1 (the PHE calculator, z = 1.96) */
static const double df1_pop[] = {7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435,
	55601, 50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936};
static const double df1_deaths[] = {17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536,
872, 1390, 1605, 1936, 1937};
static const double answer1[] = {80.16960813, 79.36245674, 75.44193645, 70.47299936,
	65.52909542, 60.67510088, 55.78835987, 50.92752727, 46.06740425, 41.24505636, 36.49322717,
	31.83343842, 27.26027992, 22.9719144, 18.76856852, 14.95858336, 11.51684445, 8.618849241,
6.163942934, 6.16210635};
static const double answer1_lower[] = {79.88268548, 79.0898816, 75.17407307, 70.20675732,
	65.26548673, 60.41876577, 55.53801579, 50.68279939, 45.82666794, 41.00842831, 36.26223216,
	31.60996318, 27.04337271, 22.76653134, 18.57570352, 14.77985004, 11.34831778, 8.451134045,
5.978358351, 5.887683386};

static void
df1(oba_le_bands *b)
{
	int			i;

	memset(b, 0, sizeof(*b));
	for (i = 0; i < OBA_LE_BANDS; i++)
	{
		b->deaths[i] = df1_deaths[i];
		b->population[i] = df1_pop[i];
		b->rows[i] = 1;
	}
}

static void
worked_example(void)
{
	oba_le_bands b;
	oba_le_result r;
	oba_error	err;
	int			i;

	df1(&b);
	for (i = 0; i < OBA_LE_BANDS; i++)
	{
		CHECK(oba_life_expectancy(&b, oba_le_ages[i], 0.95, &r, &err) == 0);
		CHECK_CLOSE(r.value, answer1[i], 0, 1e-8, "answer1");
		/* the answer's half-width is 1.96 se */
		CHECK_CLOSE(r.value - 1.96 * r.se, answer1_lower[i], 0, 1e-8, "answer1 lower");
		CHECK(r.note == NULL);
	}
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	CHECK(r.population == 787954 && r.deaths == 9357);
	CHECK_CLOSE(r.upper - r.value, oba_z_two_sided(0.95) * r.se, 1e-14, 0, "z");
}

static void
rules(void)
{
	oba_le_bands b;
	oba_le_result r;
	oba_error	err;
	int			i;

	df1(&b);
	b.rows[7] = 0;
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	CHECK(isnan(r.value) && isnan(r.lower) && strcmp(r.note, "missing age bands") == 0);
	df1(&b);
	b.missing = 1;
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	CHECK(isnan(r.value) && isnan(r.population) && strcmp(r.note, "missing deaths or population") == 0);
	df1(&b);
	b.population[3] = 0;
	b.deaths[3] = 0;
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	CHECK(isnan(r.value) && strcmp(r.note, "population of an age band is 0") == 0);
	df1(&b);
	b.deaths[18] = b.population[18] + 1;
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	CHECK(strcmp(r.note, "deaths exceed population in an age band") == 0);
	df1(&b);
	b.deaths[19] = 0;
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	CHECK(isnan(r.value) && strcmp(r.note, "no deaths in the 90+ band") == 0);
	/* a total of exactly 5000 is suppressed, 5001 is not */
	memset(&b, 0, sizeof(b));
	for (i = 0; i < OBA_LE_BANDS; i++)
	{
		b.population[i] = 250;
		b.deaths[i] = 1 + i / 4;
		b.rows[i] = 1;
	}
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	CHECK(r.population == 5000 && strcmp(r.note, "total population 5000 or less") == 0);
	b.population[10] += 1;
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == 0);
	/* computed (if too small a population for a value within 20 years) */
	CHECK(!isnan(r.se) && r.lower > 0 && strcmp(r.note, "confidence interval wider than 20 years") == 0);
	/* a band where nobody survives: q = 1 from a nM = 1 on, life expectancy 0 after */
	df1(&b);
	b.deaths[18] = b.population[18] * 0.4;	/* a n M = 0.5 x 5 x 0.4 = 1 */
	CHECK(oba_life_expectancy(&b, 90, 0.95, &r, &err) == 0);
	CHECK(r.value == 0 && isnan(r.se) && strcmp(r.note, "no survivors to this age") == 0);
	CHECK(oba_life_expectancy(&b, 85, 0.95, &r, &err) == 0);
	/* everyone alive at 85 dies at 87.5 on average */
	CHECK_CLOSE(r.value, 2.5, 1e-12, 0, "q = 1");
	/* bad input */
	df1(&b);
	CHECK(oba_life_expectancy(&b, 2, 0.95, &r, &err) == -1 && strstr(err.message, "at_age") != NULL);
	CHECK(oba_life_expectancy(&b, 0, 1, &r, &err) == -1);
	b.deaths[2] = -1;
	CHECK(oba_life_expectancy(&b, 0, 0.95, &r, &err) == -1);
	CHECK(oba_le_check_row(-1, 5, &err) == -1 && oba_le_check_row(1, INFINITY, &err) == -1);
	CHECK(oba_le_check_row(NAN, NAN, &err) == 0);
	CHECK(oba_le_band(90) == 19 && oba_le_band(1) == 1 && oba_le_band(4) == -1 && oba_le_band(0.5) == -1);
}

int
main(void)
{
	reference();
	worked_example();
	rules();
	return unit_done("test_life_expectancy");
}
