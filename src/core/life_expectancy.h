/*
 * life_expectancy.h: life expectancy with confidence limits from an abridged
 * life table (METHODS.md 20; Chiang's method II with the variance of the open
 * band by Silcocks et al., as PHEindicatormethods phe_life_expectancy and the
 * PHE life expectancy calculator).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_LIFE_EXPECTANCY_H
#define OBA_LIFE_EXPECTANCY_H

#include "oba_core.h"

/* The age bands 0, 1-4, 5-9, ..., 85-89, 90+, by starting age. */
#define OBA_LE_BANDS 20
extern const int oba_le_ages[OBA_LE_BANDS];

/* A total population at or below this gives no life expectancy (the package's rule). */
#define OBA_LE_MIN_POPULATION 5000.0

/* The band that starts at age, or -1 when no band does. */
int			oba_le_band(double age);

/* The bands of one group: sums of deaths and population, and rows seen per band. */
typedef struct oba_le_bands
{
	double		deaths[OBA_LE_BANDS];
	double		population[OBA_LE_BANDS];
	double		rows[OBA_LE_BANDS];
	double		missing;		/* rows whose deaths or population was NULL */
} oba_le_bands;

typedef struct oba_le_result
{
	double		at_age;
	double		value;			/* NaN when suppressed (note says why) */
	double		lower;
	double		upper;
	double		se;
	double		population;		/* of the bands from at_age up */
	double		deaths;
	const char *note;			/* NULL, or why the value is missing or 0 */
} oba_le_result;

/* One row's deaths and population: finite and not negative (NaN = NULL, allowed). */
int			oba_le_check_row(double deaths, double population, oba_error *err);

/* Life expectancy at the band starting at at_age, at the given confidence. */
int			oba_life_expectancy(const oba_le_bands *b, double at_age, double confidence,
								oba_le_result *out, oba_error *err);

#endif							/* OBA_LIFE_EXPECTANCY_H */
