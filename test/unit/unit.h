/*
 * unit.h: a minimal harness for the C unit tests of src/core, and a reader
 * for the reference CSV files (R's write.csv: quoted or bare fields, NA).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_UNIT_H
#define OBA_UNIT_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	unit_failures __attribute__((unused)) = 0;
static int	unit_checks __attribute__((unused)) = 0;

#define CHECK(cond) \
	do { \
		unit_checks++; \
		if (!(cond)) { \
			unit_failures++; \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

/* |got - want| <= max(rel * |want|, abs): the comparison rule of the reference README. */
static inline int
unit_close(double got, double want, double rel, double abs_floor)
{
	double		tol = fabs(want) * rel;

	if (tol < abs_floor)
		tol = abs_floor;
	if (isnan(want))
		return isnan(got);
	if (isinf(want))
		return got == want;
	return fabs(got - want) <= tol;
}

#define CHECK_CLOSE(got, want, rel, abs_floor, label) \
	do { \
		double g_ = (got), w_ = (want); \
		unit_checks++; \
		if (!unit_close(g_, w_, (rel), (abs_floor))) { \
			unit_failures++; \
			fprintf(stderr, "%s:%d: %s: got %.17g, want %.17g\n", \
					__FILE__, __LINE__, (label), g_, w_); \
		} \
	} while (0)

static inline int
unit_done(const char *name)
{
	printf("%s: %d checks, %d failures\n", name, unit_checks, unit_failures);
	return unit_failures == 0 ? 0 : 1;
}

/* ---- CSV ---- */

#define CSV_MAX_FIELDS 64
#define CSV_MAX_LINE 8192

typedef struct csv_file
{
	FILE	   *fp;
	int			ncols;
	char		header[CSV_MAX_FIELDS][64];
	char		line[CSV_MAX_LINE];
	char	   *field[CSV_MAX_FIELDS];
	int			nfields;
} csv_file;

/* Split line in place; quotes removed ("" inside quotes is a quote). */
static inline int
csv_split(char *line, char **field, int max)
{
	int			n = 0;
	char	   *r = line,
			   *w = line;

	while (n < max)
	{
		field[n++] = w;
		if (*r == '"')
		{
			r++;
			for (;;)
			{
				if (*r == '\0')
					break;
				if (*r == '"' && r[1] == '"')
				{
					*w++ = '"';
					r += 2;
				}
				else if (*r == '"')
				{
					r++;
					break;
				}
				else
					*w++ = *r++;
			}
		}
		while (*r != ',' && *r != '\0' && *r != '\n' && *r != '\r')
			*w++ = *r++;
		if (*r == ',')
		{
			*w++ = '\0';
			r++;
			continue;
		}
		*w = '\0';
		break;
	}
	return n;
}

static inline int
csv_open(csv_file *c, const char *path)
{
	char	   *f[CSV_MAX_FIELDS];
	int			i;

	memset(c, 0, sizeof(*c));
	c->fp = fopen(path, "r");
	if (c->fp == NULL || fgets(c->line, sizeof(c->line), c->fp) == NULL)
	{
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	c->ncols = csv_split(c->line, f, CSV_MAX_FIELDS);
	for (i = 0; i < c->ncols; i++)
		snprintf(c->header[i], sizeof(c->header[i]), "%s", f[i]);
	return 0;
}

static inline int
csv_next(csv_file *c)
{
	if (fgets(c->line, sizeof(c->line), c->fp) == NULL)
		return 0;
	c->nfields = csv_split(c->line, c->field, CSV_MAX_FIELDS);
	return 1;
}

/* The named column of the current row ("" if absent). */
static inline const char *
csv_get(const csv_file *c, const char *name)
{
	int			i;

	for (i = 0; i < c->ncols && i < c->nfields; i++)
		if (strcmp(c->header[i], name) == 0)
			return c->field[i];
	return "";
}

/* NA, NaN and empty read as NaN; Inf and -Inf as infinities. */
static inline double
csv_num(const csv_file *c, const char *name)
{
	const char *s = csv_get(c, name);

	if (*s == '\0' || strcmp(s, "NA") == 0 || strcmp(s, "NaN") == 0)
		return NAN;
	if (strcmp(s, "Inf") == 0)
		return INFINITY;
	if (strcmp(s, "-Inf") == 0)
		return -INFINITY;
	return strtod(s, NULL);
}

static inline void
csv_close(csv_file *c)
{
	if (c->fp)
		fclose(c->fp);
	c->fp = NULL;
}

#endif							/* OBA_UNIT_H */
