/*
 * fuzz_core.c: libFuzzer target for the statistics core (src/core), built
 * with AddressSanitizer and UndefinedBehaviorSanitizer by make fuzz-c.
 *
 * SQL reaches the core only through the glue, which hands it finite,
 * validated numbers, calendar dates and well-formed WKB from PostGIS. This
 * target calls the core's entry points directly with what a byte string
 * decodes to: the keyword parsers with any bytes, the WKB reader with any
 * bytes (and the overlap area of what it reads), and the statistics with any
 * doubles (infinities, NaN, subnormals, 1e308), checking the contracts the
 * headers state: a 0/-1 return with a message, no read or write out of
 * bounds, no undefined behaviour, no leak, and limits that bracket their
 * value. Where a header says the caller must prepare the input (a sorted,
 * duplicate-free series; a valid date), this target prepares it the way the
 * glue does.
 *
 * The first byte chooses the entry point; the rest is its input.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oba_core.h"
#include "apportion.h"
#include "better_off.h"
#include "compare.h"
#include "curve.h"
#include "disclosure.h"
#include "dsr.h"
#include "funnel.h"
#include "isr.h"
#include "need.h"
#include "neighbours.h"
#include "overlay.h"
#include "period.h"
#include "series.h"
#include "spc.h"
#include "trend.h"
#include "value_for_money.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- decoding the input ---- */

typedef struct input
{
	const uint8_t *p;
	size_t		n;
} input;

static uint8_t
byte(input *in)
{
	uint8_t		b = 0;

	if (in->n > 0)
	{
		b = *in->p++;
		in->n--;
	}
	return b;
}

/* Values that break numeric code, chosen by one byte; else eight raw bytes. */
static double
number(input *in)
{
	static const double special[] = {
		0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 10.0, 100.0, 1e4, 1e5, 0.95, 0.998,
		1e-300, 4.9e-324, 1e300, -1e300, 1.7976931348623157e308, 9007199254740993.0,
		2147483648.0, -2147483649.0, 1e19, NAN, INFINITY, -INFINITY, 0.1, 7.0, 12.0
	};
	uint8_t		b = byte(in);
	double		d;

	if (b < 3 * (sizeof(special) / sizeof(special[0])))
		return special[b / 3];
	if (b < 240)
		return (double) (b - 3 * (int) (sizeof(special) / sizeof(special[0])));	/* small counts */
	d = 0;
	if (in->n >= sizeof(d))
	{
		memcpy(&d, in->p, sizeof(d));
		in->p += sizeof(d);
		in->n -= sizeof(d);
	}
	return d;
}

static int64_t
integer(input *in)
{
	uint8_t		b = byte(in);
	int64_t		v = 0;

	if (b < 200)
		return (int64_t) b - 20;
	if (in->n >= sizeof(v))
	{
		memcpy(&v, in->p, sizeof(v));
		in->p += sizeof(v);
		in->n -= sizeof(v);
	}
	return v;
}

/* ---- an allocator that counts, so leaks are found by the caller's check ---- */

static long live_blocks;

static void *
fz_alloc(void *ctx, size_t size)
{
	void	   *p;

	(void) ctx;
	/* the glue refuses more than 1 GB; so does this, as palloc would */
	if (size > ((size_t) 1 << 30))
		return NULL;
	p = malloc(size > 0 ? size : 1);
	if (p != NULL)
		live_blocks++;
	return p;
}

static void
fz_release(void *ctx, void *p)
{
	(void) ctx;
	if (p != NULL)
	{
		live_blocks--;
		free(p);
	}
}

static const oba_allocator alloc = {fz_alloc, fz_release, NULL};

static void
check(int ok, const char *what)
{
	if (!ok)
	{
		fprintf(stderr, "contract broken: %s\n", what);
		abort();
	}
}

/* An error is a return of -1 with a message. */
static void
check_error(int rc, const oba_error *err, const char *fn)
{
	if (rc == -1)
		check(err->message[0] != '\0' && memchr(err->message, '\0', OBA_ERRMSG_LEN) != NULL, fn);
}

/* A successful estimate: limits around the value, where all three are defined. */
static void
check_estimate(const oba_estimate *e, const char *fn)
{
	if (isfinite(e->value) && isfinite(e->lower))
		check(e->lower <= e->value + 1e-12 * fabs(e->value) + 1e-300, fn);
	if (isfinite(e->value) && isfinite(e->upper))
		check(e->upper >= e->value - 1e-12 * fabs(e->value) - 1e-300, fn);
}

/* ---- the entry points ---- */

static void
fuzz_keywords(input *in)
{
	char		buf[64];
	size_t		len = in->n < sizeof(buf) - 1 ? in->n : sizeof(buf) - 1;
	oba_error	err;
	oba_polarity pol;
	oba_funnel_statistic stat;
	int			dir;
	int			rc;

	/* not NUL-terminated: exactly len bytes, as the glue passes a text */
	rc = oba_polarity_parse(&err, "polarity", (const char *) in->p, len, &pol);
	check_error(rc, &err, "oba_polarity_parse");
	if (rc == 0)
		check(oba_polarity_name(pol) != NULL, "oba_polarity_name");
	rc = oba_better_off_polarity((const char *) in->p, len, &dir, &err);
	check_error(rc, &err, "oba_better_off_polarity");
	memcpy(buf, in->p, len);
	buf[len] = '\0';
	rc = oba_funnel_statistic_parse(buf, &stat, &err);
	check_error(rc, &err, "oba_funnel_statistic_parse");
}

static void
fuzz_wkb(input *in)
{
	oba_polygonal a,
				b;
	oba_error	err;
	size_t		half = in->n / 2;
	int			ra,
				rb;
	double		ab,
				aa;

	if (byte(in) & 1)
		half = in->n;			/* one geometry, against itself */
	ra = oba_polygonal_from_wkb(in->p, half, &a, &alloc, &err);
	check_error(ra, &err, "oba_polygonal_from_wkb");
	if (ra != 0)
		return;
	if (half < in->n)
	{
		rb = oba_polygonal_from_wkb(in->p + half, in->n - half, &b, &alloc, &err);
		check_error(rb, &err, "oba_polygonal_from_wkb");
		if (rb == 0)
		{
			ab = oba_overlap_area(&a, &b);
			(void) ab;
			oba_polygonal_free(&b, &alloc);
		}
	}
	aa = oba_overlap_area(&a, &a);
	(void) aa;
	oba_polygonal_free(&a, &alloc);
}

static void
fuzz_rate_proportion(input *in)
{
	double		x = number(in),
				n = number(in),
				per = number(in),
				conf = number(in);
	oba_estimate e;
	oba_error	err;
	int			rc;

	rc = oba_rate(x, n, per, conf, &e, &err);
	check_error(rc, &err, "oba_rate");
	if (rc == 0)
		check_estimate(&e, "oba_rate limits");
	rc = oba_proportion(x, n, per, conf, &e, &err);
	check_error(rc, &err, "oba_proportion");
	if (rc == 0)
	{
		check_estimate(&e, "oba_proportion limits");
		check(isnan(e.lower) || e.lower >= -1e-12 * fabs(per), "oba_proportion lower >= 0");
	}
}

static void
fuzz_dsr_isr(input *in)
{
	oba_dsr_sums d;
	oba_isr_sums s;
	oba_estimate e;
	oba_isr_result r;
	oba_error	err;
	int			bands = byte(in) % 24,
				i,
				rc;
	double		per,
				conf;

	memset(&d, 0, sizeof(d));
	memset(&s, 0, sizeof(s));
	for (i = 0; i < bands; i++)
	{
		double		x = number(in),
					q = number(in),
					n = number(in),
					w = number(in);

		rc = oba_dsr_check_band(x, q, n, w, &err);
		check_error(rc, &err, "oba_dsr_check_band");
		if (rc == 0)
			oba_dsr_add(&d, x, q, n, w);
		rc = oba_isr_check_band(x, n, q, w, &err);
		check_error(rc, &err, "oba_isr_check_band");
		if (rc == 0)
			oba_isr_add(&s, x, n, q, w);
	}
	per = number(in);
	conf = number(in);
	rc = oba_dsr(&d, per, conf, &e, &err);
	check_error(rc, &err, "oba_dsr");
	if (rc == 0)
		check_estimate(&e, "oba_dsr limits");
	rc = oba_isr(&s, per, conf, &r, &err);
	check_error(rc, &err, "oba_isr");
}

static void
fuzz_funnel(input *in)
{
	oba_funnel_statistic stat = (oba_funnel_statistic) (byte(in) % 4);
	oba_funnel_point pt;
	double		axis[OBA_FUNNEL_POINTS],
				out;
	oba_error	err;
	const char *sig;
	double		a = number(in),
				b = number(in),
				c = number(in),
				d = number(in);
	int			rc;

	rc = oba_funnel_limits(stat, a, b, c, d, &pt, &err);
	check_error(rc, &err, "oba_funnel_limits");
	rc = oba_funnel_axis(stat, a, b, c, d, axis, &err);
	check_error(rc, &err, "oba_funnel_axis");
	rc = oba_funnel_denominator(stat, a, b, c, d, &out, &err);
	check_error(rc, &err, "oba_funnel_denominator");
	err.message[0] = '\0';
	sig = oba_funnel_significance(stat, a, b, c, &err);
	(void) sig;
	(void) oba_funnel_default_per(stat);
}

/* A series of width 2..4 as the glue builds it: finite times, finite or NaN values. */
static double *
series_rows(input *in, int width, size_t *n)
{
	size_t		m = byte(in) % 40,
				i;
	int			j;
	double	   *rows = malloc(sizeof(double) * (m * width + 1));

	for (i = 0; i < m; i++)
	{
		double		t = number(in);

		rows[i * width] = isfinite(t) ? t : (double) i;
		for (j = 1; j < width; j++)
		{
			double		v = number(in);

			rows[i * width + j] = isinf(v) ? NAN : v;
		}
	}
	*n = m;
	return rows;
}

static void
fuzz_series(input *in)
{
	int			which = byte(in) % 8;
	int			width = which == 5 ? 3 : which == 6 ? 4 : 2;
	size_t		n,
				m,
				i;
	double	   *rows = series_rows(in, width, &n),
			   *sorted = malloc(sizeof(double) * (n * width + 1)),
			   *t = malloc(sizeof(double) * (n + 1)),
			   *y = malloc(sizeof(double) * (n + 1));
	oba_error	err;
	int			rc;
	/* the curve, SPC and recent trend keep missing values; the others drop them */
	int			drop = which <= 3;

	rc = oba_series_prepare(rows, n, width, drop, sorted, &m, "t", &alloc, &err);
	check_error(rc, &err, "oba_series_prepare");
	if (rc != 0)
		goto done;
	for (i = 0; i < m; i++)
	{
		t[i] = sorted[i * width];
		y[i] = sorted[i * width + 1];
		if (i > 0)
			check(t[i] > t[i - 1], "oba_series_prepare sorts and refuses duplicates");
	}
	switch (which)
	{
		case 0:
			{
				oba_mk_result r;

				rc = oba_mann_kendall(t, y, m, &alloc, &r, &err);
				check_error(rc, &err, "oba_mann_kendall");
				break;
			}
		case 1:
			{
				oba_ols		f;
				double		fit,
							cl,
							cu,
							pl,
							pu,
							se;
				double		t0 = number(in),
							conf = number(in);

				oba_ols_fit(t, y, m, &f);
				if (isfinite(t0) && conf > 0 && conf < 1)
				{
					oba_ols_predict(&f, t0, conf, &fit, &cl, &cu, &pl, &pu, &se);
					/* (inputs near 1e308 overflow to infinities: not checked) */
					check(!isfinite(fit) || !isfinite(cl) || cl <= fit + 1e-9 * fabs(fit), "ols ci");
				}
				break;
			}
		case 2:
			{
				oba_its		r;
				double		brk = number(in);

				if (isfinite(brk))
				{
					rc = oba_its_fit(t, y, m, brk, &alloc, &r, &err);
					check_error(rc, &err, "oba_its_fit");
				}
				break;
			}
		case 3:
			{
				oba_curve	c;
				oba_curve_point *pts = malloc(sizeof(oba_curve_point) * (m + 1));
				double		start = number(in),
							alpha = number(in);
				int			dir = (int) (byte(in) % 3) - 1;

				if (isfinite(start) && alpha > 0 && alpha < 1)
				{
					rc = oba_turn_the_curve(t, y, m, start, dir, alpha, &alloc, &c, pts, &err);
					check_error(rc, &err, "oba_turn_the_curve");
					if (rc == 0)
					{
						oba_curve_point p;

						oba_curve_forecast(&c, t[m > 0 ? m - 1 : 0] + 1, &p);
					}
				}
				free(pts);
				break;
			}
		case 4:
		case 7:
			{
				oba_spc_options o;
				oba_spc_point *pts = malloc(sizeof(oba_spc_point) * (m + 1));
				const char *assurance,
						   *variation;
				double		rebase[3];

				oba_spc_defaults(&o);
				o.polarity = (int) (byte(in) % 3) - 1;
				o.target = number(in);
				if (isinf(o.target))
					o.target = NAN;
				o.fix_after = byte(in) % 2 ? 0 : 12 + byte(in) % 20;
				o.screen_outliers = byte(in) & 1;
				o.run_length = byte(in) % 2 ? 6 : 7;
				o.two_in_three_2023 = byte(in) & 1;
				o.n_rebase = byte(in) % 4;
				for (i = 0; i < o.n_rebase; i++)
				{
					rebase[i] = number(in);
					if (!isfinite(rebase[i]))
						rebase[i] = 0;
				}
				o.rebase = rebase;
				rc = oba_spc_check_options(&o, &err);
				check_error(rc, &err, "oba_spc_check_options");
				if (rc == 0)
				{
					rc = oba_spc(t, y, m, &o, &alloc, pts, &assurance, &variation, &err);
					check_error(rc, &err, "oba_spc");
				}
				free(pts);
				break;
			}
		case 5:
		case 6:
			{
				oba_recent_trend r;
				int			points = 3 + byte(in) % (OBA_RECENT_MAX_POINTS - 2);
				int			pol = (int) (byte(in) % 3) - 1;
				int			variant = byte(in) & 1;
				int			valid = 1;

				/* the glue's checks of the rows (see oba_sql_recent_trend_agg_final) */
				for (i = 0; i < m; i++)
				{
					const double *r = sorted + i * width;

					if (width == 3 && (r[1] < 0 || r[2] <= 0 || r[1] > r[2]))
						valid = 0;
					if (width == 4 && r[2] > r[3])
						valid = 0;
				}
				if (!valid)
					break;
				if (width == 3)
					rc = oba_recent_trend_proportion(sorted, m, points, pol, variant, &r, &err);
				else
					rc = oba_recent_trend_ci(sorted, m, points, pol, variant, &r, &err);
				check_error(rc, &err, "oba_recent_trend");
				break;
			}
	}
done:
	free(rows);
	free(sorted);
	free(t);
	free(y);
}

static void
fuzz_chisq_kendall(input *in)
{
	size_t		k = byte(in) % 30,
				i;
	double		x[30],
				n[30],
				score[30];
	oba_chisq_trend_result r;
	double		q = number(in);
	int			nk = byte(in) % 50;

	for (i = 0; i < k; i++)
	{
		n[i] = fabs(number(in));
		x[i] = fmin(fabs(number(in)), n[i]);
		score[i] = (double) i;
		if (!isfinite(n[i]) || n[i] <= 0)
			n[i] = 1, x[i] = 0;
		if (!isfinite(x[i]))
			x[i] = 0;
	}
	oba_chisq_trend(x, n, score, k, &r);
	if (isfinite(q))
		(void) oba_kendall_cdf(q, nk, &alloc);
}

static void
fuzz_disclosure(input *in)
{
	int64_t		cells[64];
	int			flags[81];		/* (8 + 1) x (8 + 1): cells and totals */
	int			rows = 1 + byte(in) % 8,
				cols = 1 + byte(in) % 8,
				i;
	int64_t		threshold = integer(in),
				out;
	int			zero = byte(in) & 1;
	oba_error	err;
	int			rc;

	for (i = 0; i < rows * cols; i++)
		cells[i] = integer(in);
	rc = oba_check_threshold(threshold, &err);
	check_error(rc, &err, "oba_check_threshold");
	if (rc == 0)
	{
		rc = oba_suppress_one_way(cells, rows * cols, threshold, zero, flags, &alloc, &err);
		check_error(rc, &err, "oba_suppress_one_way");
		rc = oba_suppress_two_way(cells, rows, cols, threshold, zero, flags, &alloc, &err);
		check_error(rc, &err, "oba_suppress_two_way");
		(void) oba_is_small(cells[0], threshold, zero);
	}
	rc = oba_round_to(cells[0], threshold, &out, &err);
	check_error(rc, &err, "oba_round_to");
}

static void
fuzz_apportion(input *in)
{
	double		parts[32],
				out[32],
				state[OBA_APP_STATE_LEN] = {0},
				other[OBA_APP_STATE_LEN] = {0};
	size_t		n = byte(in) % 32,
				i;
	oba_error	err;
	int			rc;

	for (i = 0; i < n; i++)
		parts[i] = number(in);
	rc = oba_largest_remainder(parts, n, out, &alloc, &err);
	check_error(rc, &err, "oba_largest_remainder");
	for (i = 0; i < n; i++)
	{
		rc = oba_apportion_add(i % 2 ? state : other, parts[i], byte(in) & 1, number(in), &err);
		check_error(rc, &err, "oba_apportion_add");
	}
	for (i = 0; i < OBA_APP_STATE_LEN; i++)
		if (byte(in) == 0xff)
			other[i] = number(in);	/* a state that came from outside */
	rc = oba_apportion_check(other, &err);
	check_error(rc, &err, "oba_apportion_check");
	if (rc == 0)
	{
		oba_apportion_combine(state, other);
		(void) oba_apportion_total(state);
		(void) oba_apportion_mean(state);
	}
}

/* A valid calendar date (the glue gets them from PostgreSQL's date type). */
static void
date_of(input *in, int *y, int *m, int *d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t		v = integer(in);

	*y = (int) (v % 5879611) - 4713;	/* -4713 .. 5874897 */
	*m = 1 + byte(in) % 12;
	*d = 1 + byte(in) % mdays[*m - 1];
	if (*m == 2 && *d == 29 && !((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0))
		*d = 28;
}

static void
fuzz_period(input *in)
{
	int			by,
				bm,
				bd,
				ay,
				am,
				ad,
				out,
				qy,
				qm,
				yy,
				mm,
				dd;
	char		buf[64];
	int			lo[8],
				hi[8],
				nb = byte(in) % 8,
				i,
				rc;
	oba_error	err;

	date_of(in, &by, &bm, &bd);
	date_of(in, &ay, &am, &ad);
	(void) oba_fy_start_year(by, bm);
	(void) oba_fy_quarter_number(bm);
	oba_fy_label(by, bm, buf, sizeof(buf));
	oba_fy_quarter_label(by, bm, buf, sizeof(buf));
	oba_fy_quarter_start(by, bm, &qy, &qm);
	oba_academic_year_label(by, bm, buf, sizeof(buf));
	rc = oba_age_years(by, bm, bd, ay, am, ad, &out, &err);
	check_error(rc, &err, "oba_age_years");
	rc = oba_age_months(by, bm, bd, ay, am, ad, &out, &err);
	check_error(rc, &err, "oba_age_months");
	for (i = 0; i < nb; i++)
	{
		lo[i] = (int) integer(in);
		hi[i] = (int) integer(in);
	}
	rc = oba_age_bands_check(lo, hi, nb, &err);
	check_error(rc, &err, "oba_age_bands_check");
	if (rc == 0)
	{
		rc = oba_age_band_label((int) integer(in), lo, hi, nb, buf, sizeof(buf), &err);
		check_error(rc, &err, "oba_age_band_label");
	}
	(void) oba_years_from_ymd(by, bm, bd);
	{
		double		years = number(in);

		/* the glue checks the range of a date first (oba_years_date) */
		if (years > -4713.0 && years < 5874897.0)
			oba_ymd_from_years(years, &yy, &mm, &dd);
	}
}

static void
fuzz_compare(input *in)
{
	double		v[8];
	oba_contrast c;
	oba_error	err;
	oba_polarity pol = (oba_polarity) ((int) (byte(in) % 3) - 1);
	double		z;
	int			i,
				rc,
				g;
	long long	rank = (long long) integer(in),
				n = (long long) integer(in);

	for (i = 0; i < 8; i++)
		v[i] = number(in);
	err.message[0] = '\0';
	(void) oba_compare(v[0], v[1], v[2], v[3], pol, &err);
	(void) oba_compare2(v[0], v[1], v[2], v[3], v[4], v[5], pol, &err);
	rc = oba_proportion_difference(v[0], v[1], v[2], v[3], v[4], v[5], &c, &err);
	check_error(rc, &err, "oba_proportion_difference");
	rc = oba_rate_ratio(v[0], v[1], v[2], v[3], v[4], &c, &err);
	check_error(rc, &err, "oba_rate_ratio");
	rc = oba_gap_to_close(v[0], v[1], v[2], v[3], &z, &err);
	check_error(rc, &err, "oba_gap_to_close");
	rc = oba_need_z(v[4], v[5], v[6], pol, &z, &err);
	check_error(rc, &err, "oba_need_z");
	rc = oba_need_check_weight(v[7], &err);
	check_error(rc, &err, "oba_need_check_weight");
	rc = oba_quantile_group(rank, n, (int) integer(in), &g, &err);
	check_error(rc, &err, "oba_quantile_group");
}

static void
fuzz_better_off(input *in)
{
	oba_better_off r;
	oba_error	err;
	double		v[6];
	int			out,
				i,
				rc;

	for (i = 0; i < 6; i++)
		v[i] = number(in);
	rc = oba_better_off_check_min_change(v[3], &err);
	check_error(rc, &err, "oba_better_off_check_min_change");
	if (rc == 0)
	{
		rc = oba_better_off_classify(v[0], v[1], (int) (byte(in) % 3) - 1, v[3], &out, &err);
		check_error(rc, &err, "oba_better_off_classify");
	}
	rc = oba_better_off_result(v[0], v[1], v[2], v[4], v[5], &r, &err);
	check_error(rc, &err, "oba_better_off_result");
}

/*
 * Statistical neighbours of up to 24 areas of up to 4 variables, any values
 * (NaN is missing, infinities are errors), any weights and k: every listed
 * neighbour another complete area, in order of distance, relative distance
 * in [0, 1].
 */
static void
fuzz_neighbours(input *in)
{
	size_t		n = byte(in) % 25,
				d = 1 + byte(in) % 4,
				k = byte(in) % 30,
				i,
				r;
	double		x[24 * 4],
				w[4],
				dist[24 * 30],
				maxd;
	int			nb[24 * 30],
				cnt[24],
				use_w = byte(in) & 1,
				rc;
	oba_error	err;

	for (i = 0; i < n * d; i++)
		x[i] = number(in);
	for (i = 0; i < d; i++)
		w[i] = number(in);
	rc = oba_neighbours(x, n, d, use_w ? w : NULL, k, nb, dist, cnt, &maxd, &alloc, &err);
	check_error(rc, &err, "oba_neighbours");
	if (rc != 0)
		return;
	for (i = 0; i < n; i++)
	{
		check(cnt[i] >= 0 && (size_t) cnt[i] <= k && (size_t) cnt[i] < (n > 0 ? n : 1), "oba_neighbours count");
		for (r = 0; r < (size_t) cnt[i]; r++)
		{
			int			j = nb[i * k + r];
			size_t		v;

			check(j >= 0 && (size_t) j < n && (size_t) j != i, "oba_neighbours: another area");
			for (v = 0; v < d; v++)
				check(!isnan(x[(size_t) j * d + v]) && !isnan(x[i * d + v]), "oba_neighbours: complete areas only");
			check(dist[i * k + r] >= 0 && dist[i * k + r] <= maxd, "oba_neighbours: 0 <= distance <= max");
			if (r > 0)
				check(dist[i * k + r] >= dist[i * k + r - 1], "oba_neighbours: in order of distance");
		}
	}
}

/* Cost per outcome, return on investment and present value of any doubles. */
static void
fuzz_value_for_money(input *in)
{
	oba_estimate e;
	oba_error	err;
	double		v[5],
				pv;
	int			i,
				rc;

	for (i = 0; i < 5; i++)
		v[i] = number(in);
	rc = oba_cost_per_outcome(v[0], v[1], v[3], &e, &err);
	check_error(rc, &err, "oba_cost_per_outcome");
	if (rc == 0)
		check_estimate(&e, "oba_cost_per_outcome");
	rc = oba_return_on_investment(v[0], v[1], v[2], v[3], &e, &err);
	check_error(rc, &err, "oba_return_on_investment");
	if (rc == 0)
		check_estimate(&e, "oba_return_on_investment");
	rc = oba_present_value(v[0], v[4], v[3], &pv, &err);
	check_error(rc, &err, "oba_present_value");
	if (rc == 0)
		check(isfinite(pv), "oba_present_value finite");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input		in = {data, size};
	long		before = live_blocks;

	switch (byte(&in) % 14)
	{
		case 0:
			fuzz_keywords(&in);
			break;
		case 1:
			fuzz_wkb(&in);
			break;
		case 2:
			fuzz_rate_proportion(&in);
			break;
		case 3:
			fuzz_dsr_isr(&in);
			break;
		case 4:
			fuzz_funnel(&in);
			break;
		case 5:
			fuzz_series(&in);
			break;
		case 6:
			fuzz_chisq_kendall(&in);
			break;
		case 7:
			fuzz_disclosure(&in);
			break;
		case 8:
			fuzz_apportion(&in);
			break;
		case 9:
			fuzz_period(&in);
			break;
		case 10:
			fuzz_compare(&in);
			break;
		case 11:
			fuzz_better_off(&in);
			break;
		case 12:
			fuzz_neighbours(&in);
			break;
		case 13:
			fuzz_value_for_money(&in);
			break;
	}
	check(live_blocks == before, "every block from the allocator released");
	return 0;
}
