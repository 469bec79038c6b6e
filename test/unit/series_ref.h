/*
 * series_ref.h: the input series of the trend and curve reference vectors
 * (test/reference/trend_series.csv), loaded once, and the comparison rules of
 * the reference README for trend_reference.csv and curve_reference.csv.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_SERIES_REF_H
#define OBA_SERIES_REF_H

#include "unit.h"

#define REF_MAX_SERIES 64
#define REF_MAX_POINTS 64

typedef struct ref_series
{
	char		id[16];
	int			n;
	double		t[REF_MAX_POINTS];
	double		value[REF_MAX_POINTS];
	double		numerator[REF_MAX_POINTS];
	double		denominator[REF_MAX_POINTS];
	double		lower[REF_MAX_POINTS];
	double		upper[REF_MAX_POINTS];
} ref_series;

static ref_series ref_all[REF_MAX_SERIES];
static int	ref_count __attribute__((unused)) = 0;

static inline void
ref_load(void)
{
	csv_file	c;

	csv_open(&c, "test/reference/trend_series.csv");
	while (csv_next(&c))
	{
		const char *id = csv_get(&c, "series_id");
		ref_series *s = ref_count > 0 ? &ref_all[ref_count - 1] : NULL;
		int			i;

		if (s == NULL || strcmp(s->id, id) != 0)
		{
			if (ref_count == REF_MAX_SERIES)
			{
				fprintf(stderr, "too many series\n");
				exit(2);
			}
			s = &ref_all[ref_count++];
			memset(s, 0, sizeof(*s));
			snprintf(s->id, sizeof(s->id), "%s", id);
		}
		i = s->n++;
		s->t[i] = csv_num(&c, "t");
		s->value[i] = csv_num(&c, "value");
		s->numerator[i] = csv_num(&c, "numerator");
		s->denominator[i] = csv_num(&c, "denominator");
		s->lower[i] = csv_num(&c, "lower_ci");
		s->upper[i] = csv_num(&c, "upper_ci");
	}
	csv_close(&c);
}

static inline const ref_series *
ref_find(const char *id)
{
	int			i;

	for (i = 0; i < ref_count; i++)
		if (strcmp(ref_all[i].id, id) == 0)
			return &ref_all[i];
	fprintf(stderr, "series %s not found\n", id);
	exit(2);
}

/* the retained (t, value) of a series: missing values dropped */
static inline int
ref_retained(const ref_series *s, double *t, double *y)
{
	int			i,
				m = 0;

	for (i = 0; i < s->n; i++)
		if (!isnan(s->value[i]))
		{
			t[m] = s->t[i];
			y[m] = s->value[i];
			m++;
		}
	return m;
}

static inline double
ref_maxabs(const ref_series *s)
{
	double		m = 1.0;
	int			i;

	for (i = 0; i < s->n; i++)
		if (!isnan(s->value[i]) && fabs(s->value[i]) > m)
			m = fabs(s->value[i]);
	return m;
}

/* "TRUE"/"FALSE" */
static inline int
ref_bool(const char *s)
{
	return strcmp(s, "TRUE") == 0;
}

#endif							/* OBA_SERIES_REF_H */
