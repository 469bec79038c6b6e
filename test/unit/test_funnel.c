/*
 * test_funnel.c: src/core/funnel.c against PHEindicatormethods
 * calculate_funnel_limits and assign_funnel_significance
 * (test/reference/phe_funnel_limits_reference.csv and
 * phe_funnel_significance_reference.csv), plus bad input and edge cases.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "funnel.h"
#include "unit.h"

#define MAX_RECORDS 2000

typedef struct dataset
{
	char		id[96];
	oba_funnel_statistic stat;
	double		num[MAX_RECORDS], den[MAX_RECORDS], rate[MAX_RECORDS], per;
	double		want_average;
	char		label[MAX_RECORDS][64];
	int			n;
} dataset;

static dataset ds;
static int	sig_rows = 0;
static int	sig_sets = 0;

/* Statistic of a reference row: ratio subtypes count / isr, rate subtypes crude / dsr. */
static oba_funnel_statistic
row_statistic(const csv_file *c)
{
	const char *s = csv_get(c, "statistic");

	if (strcmp(s, "proportion") == 0)
		return OBA_FUNNEL_PROPORTION;
	if (strcmp(s, "ratio") == 0)
		return OBA_FUNNEL_RATIO;
	return strcmp(csv_get(c, "subtype"), "dsr") == 0 ? OBA_FUNNEL_DSR : OBA_FUNNEL_RATE;
}

static void
check_dataset(void)
{
	double		sx = 0,
				sd = 0,
				average = NAN,
				mind = INFINITY,
				maxd = 0;
	int			i;
	oba_error	err;

	if (ds.n == 0)
		return;
	sig_sets++;
	for (i = 0; i < ds.n; i++)
	{
		double		d;

		CHECK(oba_funnel_denominator(ds.stat, ds.num[i], ds.den[i], ds.rate[i], ds.per, &d, &err) == 0);
		sx += ds.num[i];
		if (!isnan(d))
		{
			sd += d;
			mind = fmin(mind, d);
			maxd = fmax(maxd, d);
		}
		ds.den[i] = d;
	}
	if (ds.stat != OBA_FUNNEL_RATIO)
	{
		average = sx / sd;
		CHECK_CLOSE(average, ds.want_average, 1e-9, 1e-12, ds.id);
	}
	for (i = 0; i < ds.n; i++)
	{
		const char *got = oba_funnel_significance(ds.stat, ds.num[i], ds.den[i], average, &err);

		sig_rows++;
		CHECK(got != NULL);
		if (got != NULL && strcmp(got, ds.label[i]) != 0)
		{
			unit_failures++;
			fprintf(stderr, "%s record %d (%.17g / %.17g): got %s, want %s\n",
					ds.id, i + 1, ds.num[i], ds.den[i], got, ds.label[i]);
		}
	}
}

static void
significance_file(void)
{
	csv_file	c;

	memset(&ds, 0, sizeof(ds));
	csv_open(&c, "test/reference/phe_funnel_significance_reference.csv");
	while (csv_next(&c))
	{
		if (strcmp(csv_get(&c, "dataset_id"), ds.id) != 0)
		{
			check_dataset();
			memset(&ds, 0, sizeof(ds));
			snprintf(ds.id, sizeof(ds.id), "%s", csv_get(&c, "dataset_id"));
			ds.stat = row_statistic(&c);
			ds.per = csv_num(&c, "multiplier");
			ds.want_average = csv_num(&c, "average");
		}
		if (ds.n == MAX_RECORDS)
			exit(2);
		ds.num[ds.n] = csv_num(&c, "numerator");
		ds.den[ds.n] = csv_num(&c, "denominator");
		ds.rate[ds.n] = csv_num(&c, "rate");
		snprintf(ds.label[ds.n], sizeof(ds.label[0]), "%s", csv_get(&c, "significance"));
		ds.n++;
	}
	check_dataset();
	csv_close(&c);
	CHECK(sig_rows == 833);
	printf("funnel: %d significance rows in %d data sets\n", sig_rows, sig_sets);
}

/* min and max denominators of a data set's records in the significance file */
static int
record_range(const char *id, double *mind, double *maxd)
{
	csv_file	c;
	int			n = 0;

	*mind = INFINITY;
	*maxd = 0;
	csv_open(&c, "test/reference/phe_funnel_significance_reference.csv");
	while (csv_next(&c))
		if (strcmp(csv_get(&c, "dataset_id"), id) == 0)
		{
			*mind = fmin(*mind, csv_num(&c, "denominator"));
			*maxd = fmax(*maxd, csv_num(&c, "denominator"));
			n++;
		}
	csv_close(&c);
	return n;
}

static void
limits_file(void)
{
	csv_file	c;
	int			rows = 0,
				axis_rows = 0,
				j = 0;
	double		axis[OBA_FUNNEL_POINTS];
	char		config[160] = "";
	int			have_axis = 0;

	csv_open(&c, "test/reference/phe_funnel_limits_reference.csv");
	while (csv_next(&c))
	{
		oba_funnel_statistic stat = row_statistic(&c);
		const char *id = csv_get(&c, "dataset_id");
		const char *subtype = csv_get(&c, "subtype");
		int			count = strcmp(subtype, "count") == 0;
		double		x = csv_num(&c, "x_axis"),
					av = csv_num(&c, "average"),
					m = csv_num(&c, "multiplier"),
					years = strcmp(subtype, "dsr") == 0 ? 3 : 1,
					per = stat == OBA_FUNNEL_RATIO ? (count ? 1 : 100) : m,
					shift = count ? 1 : 0,
					rel = stat == OBA_FUNNEL_PROPORTION ? 1e-9 : 1e-4,
					abs_floor = stat == OBA_FUNNEL_PROPORTION ? 1e-12 : 0;
		oba_funnel_point f;
		oba_error	err;
		char		key[160],
					label[200];

		snprintf(key, sizeof(key), "%s/%s", id, subtype);
		if (strcmp(key, config) != 0)
		{
			double		mind,
						maxd;

			snprintf(config, sizeof(config), "%s", key);
			j = 0;
			/* the axis from the records, where the records are in the reference */
			have_axis = stat != OBA_FUNNEL_RATE && stat != OBA_FUNNEL_DSR &&
				record_range(id, &mind, &maxd) > 0;
			if (have_axis)
				CHECK(oba_funnel_axis(stat, mind, maxd, av, 1, axis, &err) == 0);
		}
		snprintf(label, sizeof(label), "%s x=%.17g", key, x);
		if (have_axis)
		{
			axis_rows++;
			CHECK_CLOSE(axis[j], x, 0, 0, label);
		}
		j++;
		rows++;
		CHECK(oba_funnel_limits(stat, x, av, per, years, &f, &err) == 0);
		/* the package's ratio type "count" reports O/lambda - 1 (centre 0) */
		CHECK_CLOSE(f.lower_2s - shift, csv_num(&c, "lower_2s_limit"), rel, abs_floor, label);
		CHECK_CLOSE(f.upper_2s - shift, csv_num(&c, "upper_2s_limit"), rel, abs_floor, label);
		CHECK_CLOSE(f.lower_3s - shift, csv_num(&c, "lower_3s_limit"), rel, abs_floor, label);
		CHECK_CLOSE(f.upper_3s - shift, csv_num(&c, "upper_3s_limit"), rel, abs_floor, label);
		CHECK_CLOSE(f.baseline, csv_num(&c, "baseline"), 1e-9, 1e-12, label);
		CHECK_CLOSE(f.lower_2s_denominator, csv_num(&c, "lower_2s_aux"), 1e-4, 0, label);
		CHECK_CLOSE(f.upper_2s_denominator, csv_num(&c, "upper_2s_aux"), 1e-4, 0, label);
		CHECK_CLOSE(f.lower_3s_denominator, csv_num(&c, "lower_3s_aux"), 1e-4, 0, label);
		CHECK_CLOSE(f.upper_3s_denominator, csv_num(&c, "upper_3s_aux"), 1e-4, 0, label);
	}
	csv_close(&c);
	CHECK(rows == 600 && axis_rows == 400);
	printf("funnel: %d limit rows, %d axis values from records\n", rows, axis_rows);
}

static void
bad_input_and_edges(void)
{
	oba_funnel_statistic st;
	oba_funnel_point f;
	oba_error	err;
	double		axis[OBA_FUNNEL_POINTS],
				d;

	CHECK(oba_funnel_statistic_parse("proportion", &st, &err) == 0 && st == OBA_FUNNEL_PROPORTION);
	CHECK(oba_funnel_statistic_parse("dsr", &st, &err) == 0 && st == OBA_FUNNEL_DSR);
	CHECK(oba_funnel_statistic_parse("smr", &st, &err) == -1);
	CHECK(strstr(err.message, "statistic must be proportion, ratio, rate or dsr, got \"smr\"") != NULL);

	CHECK(oba_funnel_limits(OBA_FUNNEL_PROPORTION, 0, 0.5, 100, 1, &f, &err) == -1);
	CHECK(strstr(err.message, "population must be greater than 0, got 0") != NULL);
	CHECK(oba_funnel_limits(OBA_FUNNEL_PROPORTION, 10, 1.5, 100, 1, &f, &err) == -1);
	CHECK(strstr(err.message, "average must be between 0 and 1 for a proportion, got 1.5") != NULL);
	CHECK(oba_funnel_limits(OBA_FUNNEL_RATE, 10, 0, 100, 1, &f, &err) == -1);
	CHECK(strstr(err.message, "average must be greater than 0 for a rate, got 0") != NULL);
	CHECK(oba_funnel_limits(OBA_FUNNEL_RATIO, -1, NAN, 1, 1, &f, &err) == -1);
	CHECK(strstr(err.message, "events must not be negative, got -1") != NULL);
	CHECK(oba_funnel_limits(OBA_FUNNEL_RATE, 10, 0.01, 100, 0, &f, &err) == -1);
	CHECK(strstr(err.message, "years_of_data") != NULL);
	CHECK(oba_funnel_limits(OBA_FUNNEL_RATIO, 5, NAN, 0, 1, &f, &err) == -1);
	CHECK(strstr(err.message, "per must be greater than 0, got 0") != NULL);

	/* ratio at 0 events: lower 0, upper undefined */
	CHECK(oba_funnel_limits(OBA_FUNNEL_RATIO, 0, NAN, 1, 1, &f, &err) == 0);
	CHECK(f.lower_2s == 0 && isnan(f.upper_2s) && isnan(f.baseline));
	/* proportion: clamped to [0, per]; average 0 gives a flat funnel at 0 */
	CHECK(oba_funnel_limits(OBA_FUNNEL_PROPORTION, 1, 0.5, 1, 1, &f, &err) == 0);
	CHECK(f.lower_3s == 0 && f.upper_3s == 1);
	CHECK(oba_funnel_limits(OBA_FUNNEL_PROPORTION, 50, 0, 100, 1, &f, &err) == 0);
	CHECK(f.lower_2s == 0 && f.upper_2s == 0 && f.baseline == 0);

	CHECK(oba_funnel_axis(OBA_FUNNEL_PROPORTION, 100, 50, NAN, 1, axis, &err) == -1);
	CHECK(strstr(err.message, "min_denominator 100 exceeds max_denominator 50") != NULL);
	CHECK(oba_funnel_axis(OBA_FUNNEL_PROPORTION, 0, 50, NAN, 1, axis, &err) == -1);
	/* the axis steps by at least 1, so 100 points from 100 reach 199 (R gives the same) */
	CHECK(oba_funnel_axis(OBA_FUNNEL_PROPORTION, 120, 130, NAN, 1, axis, &err) == 0);
	CHECK(axis[0] == 100 && axis[99] == 199);	/* from the package's code in R */
	/* R prints 12000000 as 1.2e+07: the floor keeps two digits */
	CHECK(oba_funnel_axis(OBA_FUNNEL_PROPORTION, 12631579, 13000000, NAN, 1, axis, &err) == 0);
	CHECK(axis[0] == 12000000 && axis[99] == 14000000);

	CHECK(oba_funnel_denominator(OBA_FUNNEL_RATE, 5, NAN, 0, 100, &d, &err) == -1);
	CHECK(strstr(err.message, "rate must be greater than 0 when numerator is") != NULL);
	CHECK(oba_funnel_denominator(OBA_FUNNEL_DSR, 0, 100, 0, 100, &d, &err) == 0 && isnan(d));
	CHECK(oba_funnel_denominator(OBA_FUNNEL_RATE, 0, 100, 0, 100, &d, &err) == 0 && d == 100);
	CHECK(oba_funnel_denominator(OBA_FUNNEL_RATE, 5, 100, 25, 1000, &d, &err) == 0 && d == 200);

	CHECK(oba_funnel_significance(OBA_FUNNEL_PROPORTION, 11, 10, 0.5, &err) == NULL);
	CHECK(strstr(err.message, "numerator 11 exceeds denominator 10") != NULL);
	CHECK(oba_funnel_significance(OBA_FUNNEL_RATIO, 1, 0, NAN, &err) == NULL);
	CHECK(strstr(err.message, "denominator must be greater than 0, got 0") != NULL);
	CHECK(oba_funnel_significance(OBA_FUNNEL_PROPORTION, -1, 10, 0.5, &err) == NULL);
	CHECK(strcmp(oba_funnel_significance(OBA_FUNNEL_DSR, 9, 1000, 0.01, &err),
				 "Not applicable for events less than 10 for dsrs") == 0);
	CHECK(strcmp(oba_funnel_significance(OBA_FUNNEL_PROPORTION, 5, 10, 0.5, &err), "Not significant") == 0);
}

/* oba_funnel_chart_point against funnel_points_reference.csv, and its edges */
static void
chart_points(void)
{
	csv_file	c;
	oba_funnel_statistic st;
	oba_error	err;
	double		d,
				v;
	int			rows = 0;

	csv_open(&c, "test/reference/funnel_points_reference.csv");
	while (csv_next(&c))
	{
		const char *sub = csv_get(&c, "subtype");

		CHECK(oba_funnel_statistic_parse(strcmp(sub, "dsr") == 0 ? "dsr" :
										 strcmp(sub, "crude") == 0 ? "rate" : csv_get(&c, "statistic"),
										 &st, &err) == 0);
		CHECK(oba_funnel_chart_point(st, csv_num(&c, "numerator"), csv_num(&c, "denominator"),
									 csv_num(&c, "rate"), csv_num(&c, "multiplier"),
									 csv_num(&c, "years_of_data"), &d, &v, &err) == 0);
		CHECK_CLOSE(d, csv_num(&c, "chart_denominator"), 1e-12, 0, csv_get(&c, "dataset_id"));
		CHECK_CLOSE(v, csv_num(&c, "chart_value"), 1e-12, 0, csv_get(&c, "dataset_id"));
		rows++;
	}
	csv_close(&c);
	CHECK(rows == 1053);

	/* the dsr rule at its boundary, fractional counts included */
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_DSR, 9.99, 5000, 190, 1e5, 1, &d, &v, &err) == 0 &&
		  isnan(d) && isnan(v));
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_DSR, 10, 5000, 200, 1e5, 1, &d, &v, &err) == 0 &&
		  d == 5000 && v == 200);
	/* a dsr needs its rate; a crude rate can come from its counts */
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_DSR, 40, 9000, NAN, 1e5, 1, &d, &v, &err) == 0 &&
		  isnan(d) && isnan(v));
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATE, 12, 4000, NAN, 1e4, 2, &d, &v, &err) == 0 &&
		  d == 2000 && v == 30);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATE, 12, NAN, NAN, 1e4, 1, &d, &v, &err) == 0 &&
		  isnan(d) && isnan(v));
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_PROPORTION, 1, NAN, NAN, 100, 1, &d, &v, &err) == 0 &&
		  isnan(d) && isnan(v));
	/* years_of_data leaves proportions and ratios alone */
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATIO, 6, 4, NAN, 1, 5, &d, &v, &err) == 0 && d == 4 && v == 1.5);

	CHECK(oba_funnel_chart_point(OBA_FUNNEL_PROPORTION, 11, 10, NAN, 100, 1, &d, &v, &err) == -1 &&
		  strstr(err.message, "numerator 11 exceeds denominator 10 for a proportion") != NULL);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATE, 5, 100, 0, 1e4, 1, &d, &v, &err) == -1 &&
		  strstr(err.message, "rate must be greater than 0 when numerator is") != NULL);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATE, 5, 100, -2, 1e4, 1, &d, &v, &err) == -1);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_DSR, 5, 100, -2, 1e5, 1, &d, &v, &err) == -1);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATE, 5, 0, 20, 1e4, 1, &d, &v, &err) == -1);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATE, 5, 100, 20, 0, 1, &d, &v, &err) == -1 &&
		  strstr(err.message, "per must be greater than 0, got 0") != NULL);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATE, 5, 100, 20, 1e4, -1, &d, &v, &err) == -1 &&
		  strstr(err.message, "years_of_data must be greater than 0, got -1") != NULL);
	CHECK(oba_funnel_chart_point(OBA_FUNNEL_RATIO, NAN, 4, NAN, 1, 1, &d, &v, &err) == -1);
}

int
main(void)
{
	significance_file();
	limits_file();
	bad_input_and_edges();
	chart_points();
	return unit_done("test_funnel");
}
