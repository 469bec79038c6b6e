/*
 * life_expectancy.c: life expectancy from an abridged life table of 20 age
 * bands (0, 1-4, 5-9, ..., 85-89, 90+), Chiang's method II with the variance
 * of the open band from Silcocks, Jenner & Reza (2001), and the rules of
 * suppression of PHEindicatormethods phe_life_expectancy and the PHE life
 * expectancy calculator (METHODS.md 20).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "life_expectancy.h"

#include <math.h>

const int	oba_le_ages[OBA_LE_BANDS] = {0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60,
	65, 70, 75, 80, 85, 90};

int
oba_le_band(double age)
{
	int			i;

	for (i = 0; i < OBA_LE_BANDS; i++)
		if (age == oba_le_ages[i])
			return i;
	return -1;
}

int
oba_le_check_row(double deaths, double population, oba_error *err)
{
	if (!isnan(deaths) && oba_check_nonnegative(err, "deaths", deaths) != 0)
		return -1;
	if (!isnan(population) && oba_check_nonnegative(err, "population", population) != 0)
		return -1;
	return 0;
}

/* Why a group gives no life table, or NULL when it gives one. */
static const char *
group_note(const oba_le_bands *b)
{
	double		total = 0;
	int			i;

	if (b->missing > 0)
		return "missing deaths or population";
	for (i = 0; i < OBA_LE_BANDS; i++)
		if (b->rows[i] == 0)
			return "missing age bands";
	for (i = 0; i < OBA_LE_BANDS; i++)
		if (!(b->population[i] > 0))
			return "population of an age band is 0";
	for (i = 0; i < OBA_LE_BANDS; i++)
		if (b->deaths[i] > b->population[i])
			return "deaths exceed population in an age band";
	for (i = 0; i < OBA_LE_BANDS; i++)
		total += b->population[i];
	if (total <= OBA_LE_MIN_POPULATION)
		return "total population 5000 or less";
	if (b->deaths[OBA_LE_BANDS - 1] == 0)
		return "no deaths in the 90+ band";
	return NULL;
}

int
oba_life_expectancy(const oba_le_bands *b, double at_age, double confidence,
					oba_le_result *out, oba_error *err)
{
	const int	K = OBA_LE_BANDS;
	double		q[OBA_LE_BANDS],
				l[OBA_LE_BANDS],
				e[OBA_LE_BANDS],
				t = 0,
				st = 0,
				se;
	int			k = oba_le_band(at_age),
				i;

	if (k < 0)
		return oba_fail(err, OBA_EINVAL,
						"at_age must start an age band (0, 1, 5, 10, ..., 85, 90), got %.15g", at_age);
	if (oba_check_confidence(err, confidence) != 0)
		return -1;
	for (i = 0; i < K; i++)
		if (oba_le_check_row(b->deaths[i], b->population[i], err) != 0)
			return -1;

	out->at_age = at_age;
	out->value = out->lower = out->upper = out->se = NAN;
	out->population = out->deaths = 0;
	/* from the top down, as the package's cumulative sums */
	for (i = K - 1; i >= k; i--)
	{
		out->population += b->population[i];
		out->deaths += b->deaths[i];
	}
	out->note = group_note(b);
	if (out->note != NULL)
	{
		if (b->missing > 0)
			out->population = out->deaths = NAN;
		return 0;
	}

	/*
	 * Chiang: q = n M / (1 + (1 - a) n M), the probability of dying in a band
	 * of width n with death rate M, where a is the fraction of the band lived
	 * by those who die in it (0.1 in the first year, 0.5 after); it reaches 1
	 * at a n M = 1 and stays there. Everyone dies in the open band.
	 */
	for (i = 0; i < K - 1; i++)
	{
		double		n = oba_le_ages[i + 1] - oba_le_ages[i],
					a = i == 0 ? 0.1 : 0.5,
					m = b->deaths[i] / b->population[i];

		q[i] = b->deaths[i] * n * a <= b->population[i] ? n * m / (1.0 + (1.0 - a) * n * m) : 1.0;
	}
	q[K - 1] = 1.0;
	l[0] = 100000.0;
	for (i = 1; i < K; i++)
		l[i] = l[i - 1] * (1.0 - q[i - 1]);

	/*
	 * Years lived in each band, summed from the top: e = T / l. The
	 * variance of e sums, from the top, l^2 var(q) ((1 - a) n + e_next)^2 for
	 * the closed bands (Chiang: var(q) = q^2 (1 - q) / D) and (l/2)^2 var(1/M)
	 * for the open one (Silcocks: var(1/M) = 4 / (D M^2), the 4 as in the
	 * package and the PHE calculator).
	 */
	{
		double		mw = b->deaths[K - 1] / b->population[K - 1];
		double		w[OBA_LE_BANDS];

		t = l[K - 1] / mw;
		e[K - 1] = l[K - 1] == 0 ? 0 : t / l[K - 1];
		w[K - 1] = (l[K - 1] / 2.0) * (l[K - 1] / 2.0) * 4.0 / (b->deaths[K - 1] * mw * mw);
		for (i = K - 2; i >= 0; i--)
		{
			double		n = oba_le_ages[i + 1] - oba_le_ages[i],
						a = i == 0 ? 0.1 : 0.5,
						vq = b->deaths[i] > 0 ? q[i] * q[i] * (1.0 - q[i]) / b->deaths[i] : 0.0,
						f = (1.0 - a) * n + e[i + 1];

			t += n * (l[i + 1] + a * (l[i] - l[i + 1]));
			e[i] = l[i] == 0 ? 0 : t / l[i];
			w[i] = l[i] * l[i] * vq * f * f;
		}
		for (i = K - 1; i >= k; i--)
			st += w[i];
	}

	if (l[k] == 0)
	{
		out->value = 0;
		out->note = "no survivors to this age";
		return 0;
	}
	se = sqrt(st / (l[k] * l[k]));
	out->se = se;
	{
		double		z = oba_z_two_sided(confidence);

		out->lower = e[k] - z * se;
		out->upper = e[k] + z * se;
	}
	/* the package's rule: no value when the 95% interval is wider than 20 years */
	if (oba_qnorm(0.975) * se > 10.0)
		out->note = "confidence interval wider than 20 years";
	else
		out->value = e[k];
	return 0;
}
