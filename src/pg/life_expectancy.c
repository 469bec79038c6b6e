/*
 * life_expectancy.c (glue): the oba.life_expectancy_agg aggregate. Its state
 * is a fixed float8[45], one slot per age band, updated in place:
 *
 *   [rows, at_age, confidence, missing rows, bands present (a bit mask of
 *    the 20 bands), deaths_0, population_0, ..., deaths_19, population_19]
 *
 * Rows of the same band add up (so LSOA rows make a ward's table); the
 * combine function adds two states; 384 bytes with the array header.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series_pg.h"

#include "life_expectancy.h"

#include <float.h>

PG_FUNCTION_INFO_V1(oba_sql_life_expectancy_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_life_expectancy_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_life_expectancy_agg_final);

enum
{
	LE_ROWS = 0, LE_AT_AGE, LE_CONFIDENCE, LE_MISSING, LE_MASK, LE_BANDS, LE_LEN = LE_BANDS + 2 * OBA_LE_BANDS
};

#define LE_NAME "oba.life_expectancy_agg"
#define LE_ALL_BANDS ((1 << OBA_LE_BANDS) - 1)

static void
check_state(const double *s)
{
	int			i;

	oba_state_check_finite(s, LE_LEN, LE_NAME);
	if (!(s[LE_ROWS] >= 0 && s[LE_ROWS] == floor(s[LE_ROWS])) ||
		oba_le_band(s[LE_AT_AGE]) < 0 || !(s[LE_CONFIDENCE] > 0 && s[LE_CONFIDENCE] < 1) ||
		!(s[LE_MISSING] >= 0 && s[LE_MISSING] <= s[LE_ROWS] && s[LE_MISSING] == floor(s[LE_MISSING])) ||
		!(s[LE_MASK] >= 0 && s[LE_MASK] <= LE_ALL_BANDS && s[LE_MASK] == floor(s[LE_MASK])))
		oba_state_invalid(LE_NAME, "The state holds a value out of range.");
	for (i = LE_BANDS; i < LE_LEN; i++)
		if (s[i] < 0)
			oba_state_invalid(LE_NAME, "The state holds a negative count.");
}

/*
 * (state, start_age int4, deaths, population [, at_age int4 [, confidence]]):
 * not STRICT. A NULL deaths or population makes the group's result NULL
 * (counted as missing); a NULL start_age is an error.
 */
Datum
oba_sql_life_expectancy_agg_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, LE_NAME, LE_LEN, OBA_STATE_UPDATE, &a);
	/* NULL is missing (NaN here); NaN itself is refused */
	double		deaths = oba_arg_value(fcinfo, 2, LE_NAME, "deaths"),
				population = oba_arg_value(fcinfo, 3, LE_NAME, "population"),
				at_age = s[LE_AT_AGE],
				confidence = s[LE_CONFIDENCE];
	int			band;
	oba_error	err;

	/* the mask is cast to int below: a state from outside is checked first */
	if (!(s[LE_MASK] >= 0 && s[LE_MASK] <= LE_ALL_BANDS))
		check_state(s);
	if (PG_ARGISNULL(1))
		oba_null_arg(LE_NAME, "start_age");
	band = oba_le_band(PG_GETARG_INT32(1));
	if (band < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: start_age must start an age band (0, 1, 5, 10, ..., 85, 90), got %d",
						LE_NAME, PG_GETARG_INT32(1)),
				 errhint("The bands are 0, 1-4, 5-9, ..., 85-89 and 90+, each given by its first year of age.")));
	if (!((isnan(deaths) || (deaths >= 0 && deaths <= DBL_MAX)) &&
		  (isnan(population) || (population >= 0 && population <= DBL_MAX))) &&
		oba_le_check_row(deaths, population, &err) != 0)
		oba_raise(LE_NAME, &err);
	if (PG_NARGS() > 4)
	{
		if (PG_ARGISNULL(4))
			oba_null_arg(LE_NAME, "at_age");
		at_age = PG_GETARG_INT32(4);
		if (PG_NARGS() > 5)
			confidence = oba_arg_float8(fcinfo, 5, LE_NAME, "confidence");
		if (s[LE_ROWS] == 0 || at_age != s[LE_AT_AGE] || confidence != s[LE_CONFIDENCE])
		{
			if (oba_le_band(at_age) < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s: at_age must start an age band (0, 1, 5, 10, ..., 85, 90), got %.15g",
								LE_NAME, at_age)));
			if (oba_check_confidence(&err, confidence) != 0)
				oba_raise(LE_NAME, &err);
			if (s[LE_ROWS] != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s: at_age and confidence must be the same for every row of a group",
								LE_NAME)));
			s[LE_AT_AGE] = at_age;
			s[LE_CONFIDENCE] = confidence;
		}
	}
	s[LE_ROWS] += 1;
	s[LE_MASK] = (double) ((int) floor(s[LE_MASK]) | (1 << band));
	if (isnan(deaths) || isnan(population))
		s[LE_MISSING] += 1;
	else
	{
		s[LE_BANDS + 2 * band] += deaths;
		s[LE_BANDS + 2 * band + 1] += population;
	}
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
oba_sql_life_expectancy_agg_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, LE_NAME, LE_LEN, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, LE_NAME, LE_LEN, OBA_STATE_READ, NULL);
	int			i;

	check_state(s1);
	check_state(s2);
	if (s2[LE_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(a1);
	if (s1[LE_ROWS] == 0)
	{
		for (i = 0; i < LE_LEN; i++)
			s1[i] = s2[i];
		PG_RETURN_ARRAYTYPE_P(a1);
	}
	if (s1[LE_AT_AGE] != s2[LE_AT_AGE] || s1[LE_CONFIDENCE] != s2[LE_CONFIDENCE])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: at_age and confidence must be the same for every row of a group",
						LE_NAME)));
	s1[LE_ROWS] += s2[LE_ROWS];
	s1[LE_MISSING] += s2[LE_MISSING];
	s1[LE_MASK] = (double) ((int) s1[LE_MASK] | (int) s2[LE_MASK]);
	for (i = LE_BANDS; i < LE_LEN; i++)
		s1[i] += s2[i];
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* An oba.life_expectancy record; NULL for no rows. */
Datum
oba_sql_life_expectancy_agg_final(PG_FUNCTION_ARGS)
{
	double	   *s = oba_state_fixed(fcinfo, 0, LE_NAME, LE_LEN, OBA_STATE_READ, NULL);
	oba_le_bands b;
	oba_le_result r;
	oba_error	err;
	oba_row		out;
	int			i,
				mask;

	check_state(s);
	if (s[LE_ROWS] == 0)
		PG_RETURN_NULL();
	mask = (int) s[LE_MASK];
	b.missing = s[LE_MISSING];
	for (i = 0; i < OBA_LE_BANDS; i++)
	{
		b.deaths[i] = s[LE_BANDS + 2 * i];
		b.population[i] = s[LE_BANDS + 2 * i + 1];
		b.rows[i] = (mask >> i) & 1;
	}
	if (oba_life_expectancy(&b, s[LE_AT_AGE], s[LE_CONFIDENCE], &r, &err) != 0)
		oba_raise(LE_NAME, &err);
	oba_row_begin(fcinfo, &out);
	oba_row_int4(&out, r.at_age);
	oba_row_float(&out, r.value);
	oba_row_float(&out, r.lower);
	oba_row_float(&out, r.upper);
	oba_row_float(&out, r.se);
	oba_row_float(&out, r.population);
	oba_row_float(&out, r.deaths);
	oba_row_text(&out, r.note);
	PG_RETURN_DATUM(oba_row_datum(&out));
}
