/*
 * trend.c (glue): oba.mann_kendall_agg, oba.linear_trend_agg with
 * oba.linear_predict, oba.its_agg, oba.trend_chisq_agg, oba.recent_trend_agg
 * and oba.recent_trend_ci_agg; oba.mann_kendall_hamed_rao_agg,
 * oba.mann_kendall_prewhitened_agg, oba.seasonal_mann_kendall_agg,
 * oba.pettitt_agg and oba.segmented_agg.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series_pg.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

#include <math.h>

#include "trend.h"

PG_FUNCTION_INFO_V1(oba_sql_mann_kendall_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_linear_trend_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_linear_predict);
PG_FUNCTION_INFO_V1(oba_sql_linear_predict_date);
PG_FUNCTION_INFO_V1(oba_sql_its_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_its_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_its_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_trend_chisq_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_trend_chisq_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_trend_chisq_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_recent_trend_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_recent_trend_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_recent_trend_ci_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_recent_trend_ci_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_recent_trend_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_mann_kendall_hamed_rao_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_mann_kendall_hamed_rao_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_mann_kendall_hamed_rao_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_mann_kendall_prewhitened_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_seasonal_mann_kendall_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_seasonal_mann_kendall_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_seasonal_mann_kendall_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_pettitt_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_segmented_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_segmented_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_segmented_agg_final);

/* ---- mann_kendall_agg, linear_trend_agg: final functions of the shared state ---- */

Datum
oba_sql_mann_kendall_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.mann_kendall_agg";
	oba_series_view v;
	oba_mk_result r;
	oba_error	err;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y;
	size_t		n;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_SERIES, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	rows = oba_series_sorted(&v, true, &n, fname);
	oba_series_columns(rows, n, &t, &y);
	if (oba_mann_kendall(t, y, n, &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.n);
	oba_row_int8(&row, r.s);
	oba_row_float(&row, r.var_s);
	oba_row_float(&row, r.z);
	oba_row_float(&row, r.p);
	oba_row_float(&row, r.tau);
	oba_row_float(&row, r.sen_slope);
	oba_row_float(&row, r.sen_lower);
	oba_row_float(&row, r.sen_upper);
	oba_row_float(&row, r.sen_intercept);
	oba_row_float(&row, r.z_nocc);
	oba_row_float(&row, r.p_nocc);
	oba_row_float(&row, r.p_exact);
	oba_row_int8(&row, r.sen_pairs);
	oba_row_float(&row, r.sen_c);
	oba_row_int8(&row, r.sen_rank_lower);
	oba_row_int8(&row, r.sen_rank_upper);
	return oba_row_datum(&row);
}

Datum
oba_sql_linear_trend_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.linear_trend_agg";
	oba_series_view v;
	oba_ols		f;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y;
	size_t		n;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_SERIES, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	rows = oba_series_sorted(&v, true, &n, fname);
	oba_series_columns(rows, n, &t, &y);
	oba_ols_fit(t, y, n, &f);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, f.n);
	oba_row_int4(&row, f.n >= 2 ? f.df : NAN);
	oba_row_float(&row, f.slope);
	oba_row_float(&row, f.intercept);
	oba_row_float(&row, f.se_slope);
	oba_row_float(&row, f.se_intercept);
	oba_row_float(&row, f.t_slope);
	oba_row_float(&row, f.p_slope);
	oba_row_float(&row, f.r_squared);
	oba_row_float(&row, f.sigma);
	oba_row_float(&row, f.t_mean);
	oba_row_float(&row, f.sxx);
	return oba_row_datum(&row);
}

/*
 * oba.linear_predict(fit oba.linear_trend, t, confidence): STRICT. Reads the
 * fields a prediction needs back from the composite.
 */
static Datum
linear_predict(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.linear_predict";
	HeapTupleHeader th = PG_GETARG_HEAPTUPLEHEADER(0);
	double		t0 = oba_arg_time(fcinfo, 1, is_date, fname, "t"),
				confidence = PG_GETARG_FLOAT8(2),
				fit,
				cil,
				ciu,
				pil,
				piu,
				se;
	oba_ols		f;
	oba_error	err;
	oba_row		row;
	static const char *const fields[] = {"n", "df", "slope", "intercept", "sigma",
	"t_mean", "sxx"};
	double		vals[7];
	int			i;

	if (oba_check_confidence(&err, confidence) != 0)
		oba_raise(fname, &err);
	for (i = 0; i < 7; i++)
	{
		bool		isnull;
		Datum		d = GetAttributeByName(th, fields[i], &isnull);

		if (isnull)
			vals[i] = NAN;
		else if (i < 2)
			vals[i] = DatumGetInt32(d);
		else
			vals[i] = DatumGetFloat8(d);
	}
	memset(&f, 0, sizeof(f));
	f.n = vals[0];
	f.df = vals[1];
	f.slope = vals[2];
	f.intercept = vals[3];
	f.sigma = vals[4];
	f.t_mean = vals[5];
	f.sxx = vals[6];
	if (isnan(f.n) || f.n < 0 || (f.n >= 2 && f.df != f.n - 2) || f.sxx < 0 || f.sigma < 0)
		oba_bad_arg(fname, "fit is not a result of oba.linear_trend_agg");
	oba_ols_predict(&f, t0, confidence, &fit, &cil, &ciu, &pil, &piu, &se);

	oba_row_begin(fcinfo, &row);
	oba_row_float(&row, fit);
	oba_row_float(&row, cil);
	oba_row_float(&row, ciu);
	oba_row_float(&row, pil);
	oba_row_float(&row, piu);
	oba_row_float(&row, se);
	return oba_row_datum(&row);
}

Datum
oba_sql_linear_predict(PG_FUNCTION_ARGS)
{
	return linear_predict(fcinfo, false);
}

Datum
oba_sql_linear_predict_date(PG_FUNCTION_ARGS)
{
	return linear_predict(fcinfo, true);
}

/* ---- its_agg(t, value, break_t) ---- */

static Datum
its_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.its_agg";
	double		row[2],
				brk;

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	if (PG_ARGISNULL(3))
		oba_null_arg(fname, "break_t");
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	brk = oba_arg_time(fcinfo, 3, is_date, fname, "break_t");
	return oba_series_append(fcinfo, fname, OBA_KIND_ITS, 2, row, &brk, 1, "break_t");
}

Datum
oba_sql_its_agg_trans(PG_FUNCTION_ARGS)
{
	return its_trans(fcinfo, false);
}

Datum
oba_sql_its_agg_trans_date(PG_FUNCTION_ARGS)
{
	return its_trans(fcinfo, true);
}

Datum
oba_sql_its_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.its_agg";
	oba_series_view v;
	oba_its		r;
	oba_error	err;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y;
	size_t		n;
	int			i;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_ITS, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	rows = oba_series_sorted(&v, true, &n, fname);
	oba_series_columns(rows, n, &t, &y);
	if (oba_its_fit(t, y, n, v.params[0], &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.n);
	oba_row_int4(&row, r.n_pre);
	oba_row_int4(&row, r.n_post);
	oba_row_int4(&row, isnan(r.sigma) ? NAN : r.df);
	for (i = 0; i < 4; i++)
	{
		oba_row_float(&row, r.est[i]);
		oba_row_float(&row, r.se[i]);
		oba_row_float(&row, r.tval[i]);
		oba_row_float(&row, r.p[i]);
	}
	oba_row_float(&row, r.post_slope);
	oba_row_float(&row, r.post_slope_se);
	oba_row_float(&row, r.effect);
	oba_row_float(&row, r.effect_se);
	oba_row_float(&row, r.effect_p);
	oba_row_float(&row, r.sigma);
	return oba_row_datum(&row);
}

/* ---- rows of (successes, total) ---- */

static void
check_counts(const char *fname, double x, double total)
{
	oba_error	err;

	if (!isnan(x) && oba_check_nonnegative(&err, "successes", x) != 0)
		oba_raise(fname, &err);
	if (!isnan(total) && oba_check_positive(&err, "total", total) != 0)
		oba_raise(fname, &err);
	if (x > total)
		oba_bad_arg(fname, "successes %.15g exceeds total %.15g", x, total);
}

/* A keyword argument: the index of its text in words, else an error naming arg. */
static int
arg_keyword(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg,
			const char *const *words)
{
	text	   *t;
	char	   *s;
	int			i;

	if (PG_ARGISNULL(argno))
		oba_null_arg(fname, arg);
	t = PG_GETARG_TEXT_PP(argno);
	s = text_to_cstring(t);
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(s, words[i]) == 0)
		{
			pfree(s);
			return i;
		}
	oba_bad_arg(fname, "%s must be one of %s, %s, got \"%.64s\"", arg, words[0], words[1], s);
}

static const char *const SCORES[] = {"position", "time", NULL};
static const char *const VARIANTS[] = {"fingertips", "dhsc", NULL};

/* (state, t, successes, total [, scores]) */
static Datum
chisq_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.trend_chisq_agg";
	double		row[3],
				scores = 0;

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "successes");
	row[2] = oba_arg_value(fcinfo, 3, fname, "total");
	check_counts(fname, row[1], row[2]);
	if (PG_NARGS() > 4)
		scores = arg_keyword(fcinfo, 4, fname, "scores", SCORES);
	return oba_series_append(fcinfo, fname, OBA_KIND_CHISQ, 3, row, &scores, 1, "scores");
}

Datum
oba_sql_trend_chisq_agg_trans(PG_FUNCTION_ARGS)
{
	return chisq_trans(fcinfo, false);
}

Datum
oba_sql_trend_chisq_agg_trans_date(PG_FUNCTION_ARGS)
{
	return chisq_trans(fcinfo, true);
}

Datum
oba_sql_trend_chisq_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.trend_chisq_agg";
	oba_series_view v;
	oba_chisq_trend_result r;
	oba_row		row;
	double	   *rows,
			   *x,
			   *dn,
			   *s;
	size_t		n,
				i;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_CHISQ, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	rows = oba_series_sorted(&v, true, &n, fname);
	x = palloc(sizeof(double) * (n + 1));
	dn = palloc(sizeof(double) * (n + 1));
	s = palloc(sizeof(double) * (n + 1));
	for (i = 0; i < n; i++)
	{
		x[i] = rows[3 * i + 1];
		dn[i] = rows[3 * i + 2];
		check_counts(fname, x[i], dn[i]);
		s[i] = v.params[0] == 1 ? rows[3 * i] : (double) (i + 1);
	}
	oba_chisq_trend(x, dn, s, n, &r);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.k);
	oba_row_float(&row, r.x2);
	oba_row_float(&row, r.p_value);
	return oba_row_datum(&row);
}

/*
 * ---- trend_chisq_score_agg: a score on every row, ties allowed ----
 *
 * State: float8[8] = {rows, total, successes, shift, mean_score, mean_prop,
 * m2_score, co_moment} (oba_chisq_score_state), updated in place; fixed
 * size whatever the rows, combined by Chan's formula.
 */
PG_FUNCTION_INFO_V1(oba_sql_trend_chisq_score_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_trend_chisq_score_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_trend_chisq_score_agg_final);

#define CHISQ_SCORE_NAME "oba.trend_chisq_score_agg"
#define CHISQ_SCORE_LEN 8

/* The state in d as a struct; with check, refused unless sane (it may come from outside). */
static void
chisq_score_get(const double *d, oba_chisq_score_state *s, bool check)
{
	oba_error	err;

	s->rows = d[0];
	s->total = d[1];
	s->successes = d[2];
	s->shift = d[3];
	s->mean_score = d[4];
	s->mean_prop = d[5];
	s->m2_score = d[6];
	s->co_moment = d[7];
	if (check && oba_chisq_score_check_state(s, &err) != 0)
		oba_state_invalid(CHISQ_SCORE_NAME, "The state holds a value out of range.");
}

static void
chisq_score_put(double *d, const oba_chisq_score_state *s)
{
	d[0] = s->rows;
	d[1] = s->total;
	d[2] = s->successes;
	d[3] = s->shift;
	d[4] = s->mean_score;
	d[5] = s->mean_prop;
	d[6] = s->m2_score;
	d[7] = s->co_moment;
}

/* (state, score, successes, total): STRICT, so a row with a NULL is skipped. */
Datum
oba_sql_trend_chisq_score_agg_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *d = oba_state_fixed(fcinfo, 0, CHISQ_SCORE_NAME, CHISQ_SCORE_LEN, OBA_STATE_UPDATE, &a);
	oba_chisq_score_state s;
	oba_error	err;

	chisq_score_get(d, &s, false);
	if (oba_chisq_score_add(&s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
							&err) != 0)
		oba_raise(CHISQ_SCORE_NAME, &err);
	chisq_score_put(d, &s);
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
oba_sql_trend_chisq_score_agg_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a1;
	double	   *d1 = oba_state_fixed(fcinfo, 0, CHISQ_SCORE_NAME, CHISQ_SCORE_LEN, OBA_STATE_UPDATE, &a1);
	double	   *d2 = oba_state_fixed(fcinfo, 1, CHISQ_SCORE_NAME, CHISQ_SCORE_LEN, OBA_STATE_READ, NULL);
	oba_chisq_score_state s1,
				s2;
	oba_error	err;

	chisq_score_get(d1, &s1, true);
	chisq_score_get(d2, &s2, true);
	if (oba_chisq_score_combine(&s1, &s2, &err) != 0)
		oba_raise(CHISQ_SCORE_NAME, &err);
	chisq_score_put(d1, &s1);
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* An oba.trend_chisq; NULL for no rows. k is an int4: more rows are refused (54000). */
Datum
oba_sql_trend_chisq_score_agg_final(PG_FUNCTION_ARGS)
{
	double	   *d = oba_state_fixed(fcinfo, 0, CHISQ_SCORE_NAME, CHISQ_SCORE_LEN, OBA_STATE_READ, NULL);
	oba_chisq_score_state s;
	oba_chisq_trend_result r;
	oba_row		row;

	chisq_score_get(d, &s, true);
	if (s.rows == 0)
		PG_RETURN_NULL();
	if (s.rows > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: more than %d rows in a group", CHISQ_SCORE_NAME, PG_INT32_MAX),
				 errdetail("The result's k is an integer; the group has %.0f rows.", s.rows),
				 errhint("Sum the rows of each score first: rows with equal scores give the same statistic summed.")));
	oba_chisq_score_result(&s, &r);
	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.k);
	oba_row_float(&row, r.x2);
	oba_row_float(&row, r.p_value);
	return oba_row_datum(&row);
}

/* ---- recent_trend_agg and recent_trend_ci_agg ---- */

/* polarity, points, variant from argument first on */
static void
recent_params(FunctionCallInfo fcinfo, int first, const char *fname, double *params)
{
	int			points = 5;
	oba_error	err;

	params[0] = oba_arg_polarity(fcinfo, first, fname, "polarity");
	if (PG_NARGS() > first + 1)
	{
		if (PG_ARGISNULL(first + 1))
			oba_null_arg(fname, "points");
		points = PG_GETARG_INT32(first + 1);
		if (points < 3 || points > OBA_RECENT_MAX_POINTS)
		{
			oba_fail(&err, OBA_EINVAL, "points must be between 3 and %d, got %d",
					 OBA_RECENT_MAX_POINTS, points);
			oba_raise(fname, &err);
		}
	}
	params[1] = points;
	params[2] = PG_NARGS() > first + 2 ?
		arg_keyword(fcinfo, first + 2, fname, "variant", VARIANTS) : OBA_TREND_FINGERTIPS;
}

/* (state, t, successes, total, polarity [, points [, variant]]) */
static Datum
recent_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.recent_trend_agg";
	double		row[3],
				params[3];

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "successes");
	row[2] = oba_arg_value(fcinfo, 3, fname, "total");
	check_counts(fname, row[1], row[2]);
	/* an invalid point: both missing, so it breaks the run */
	if (isnan(row[1]) || isnan(row[2]))
		row[1] = row[2] = NAN;
	recent_params(fcinfo, 4, fname, params);
	return oba_series_append(fcinfo, fname, OBA_KIND_RECENT, 3, row, params, 3,
							 "polarity, points and variant");
}

Datum
oba_sql_recent_trend_agg_trans(PG_FUNCTION_ARGS)
{
	return recent_trans(fcinfo, false);
}

Datum
oba_sql_recent_trend_agg_trans_date(PG_FUNCTION_ARGS)
{
	return recent_trans(fcinfo, true);
}

/* (state, t, value, lower95, upper95, polarity [, points [, variant]]) */
static Datum
recent_ci_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.recent_trend_ci_agg";
	double		row[4],
				params[3];

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	row[2] = oba_arg_value(fcinfo, 3, fname, "lower95");
	row[3] = oba_arg_value(fcinfo, 4, fname, "upper95");
	if (row[2] > row[3])
		oba_bad_arg(fname, "lower95 %.15g exceeds upper95 %.15g", row[2], row[3]);
	if (isnan(row[1]) || isnan(row[2]) || isnan(row[3]))
		row[1] = row[2] = row[3] = NAN;
	recent_params(fcinfo, 5, fname, params);
	return oba_series_append(fcinfo, fname, OBA_KIND_RECENT_CI, 4, row, params, 3,
							 "polarity, points and variant");
}

Datum
oba_sql_recent_trend_ci_agg_trans(PG_FUNCTION_ARGS)
{
	return recent_ci_trans(fcinfo, false);
}

Datum
oba_sql_recent_trend_ci_agg_trans_date(PG_FUNCTION_ARGS)
{
	return recent_ci_trans(fcinfo, true);
}

/* The final function of both: the state says which method. */
Datum
oba_sql_recent_trend_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.recent_trend_agg";
	oba_series_view v;
	oba_recent_trend r;
	oba_error	err;
	oba_row		row;
	double	   *rows;
	size_t		n,
				i;
	int			polarity,
				points,
				variant,
				rc;

	oba_series_view_get(fcinfo, 0, fname, 0, &v);
	if (v.kind != OBA_KIND_RECENT && v.kind != OBA_KIND_RECENT_CI)
		oba_state_invalid(fname, "The state belongs to another aggregate.");
	if (v.kind == OBA_KIND_RECENT_CI)
		fname = "oba.recent_trend_ci_agg";
	if (v.nrows == 0)
		PG_RETURN_NULL();
	if (v.nparams != 3)
		oba_state_invalid(fname, "The state holds parameters out of range.");
	polarity = oba_state_int(v.params[0], -1, 1, fname);
	points = oba_state_int(v.params[1], 3, OBA_RECENT_MAX_POINTS, fname);
	variant = oba_state_int(v.params[2], 0, 1, fname);
	if (variant != OBA_TREND_FINGERTIPS && variant != OBA_TREND_DHSC)
		oba_state_invalid(fname, "The state holds parameters out of range.");
	/* invalid points keep their place: they break the run of the last points */
	rows = oba_series_sorted(&v, false, &n, fname);
	for (i = 0; i < n; i++)
	{
		const double *rr = rows + i * v.width;

		if (v.kind == OBA_KIND_RECENT)
			check_counts(fname, rr[1], rr[2]);
		else if (rr[2] > rr[3])
			oba_bad_arg(fname, "lower95 %.15g exceeds upper95 %.15g", rr[2], rr[3]);
	}
	if (v.kind == OBA_KIND_RECENT)
		rc = oba_recent_trend_proportion(rows, n, points, polarity, variant, &r, &err);
	else
		rc = oba_recent_trend_ci(rows, n, points, polarity, variant, &r, &err);
	if (rc != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.points);
	oba_row_float(&row, r.chi2);
	oba_row_float(&row, r.p_value);
	oba_row_float(&row, r.slope);
	oba_row_text(&row, r.loo_signs[0] ? r.loo_signs : NULL);
	oba_row_bool(&row, r.significant);
	oba_row_bool(&row, r.outlier_found);
	oba_row_text(&row, r.trend);
	oba_row_text(&row, r.marker);
	return oba_row_datum(&row);
}

/* ---- the tests of issue 14: Mann-Kendall for autocorrelated and seasonal series, change points ---- */

/*
 * The state of an aggregate that also runs on the shared (t, value) state of
 * oba.series_agg_trans (its defaults), or on its own kind (its parameters).
 */
static void
view_of(FunctionCallInfo fcinfo, const char *fname, oba_series_kind own, oba_series_view *v)
{
	oba_series_view_get(fcinfo, 0, fname, 0, v);
	if (v->kind != OBA_KIND_SERIES && v->kind != (int) own)
		oba_state_invalid(fname, "The state belongs to another aggregate.");
}

/* (state, t, value, alpha [, max_lag]) */
static Datum
hamed_rao_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.mann_kendall_hamed_rao_agg";
	double		row[2],
				params[2];
	oba_error	err;

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	if (PG_ARGISNULL(3))
		oba_null_arg(fname, "alpha");
	params[0] = PG_GETARG_FLOAT8(3);
	if (oba_check_alpha(&err, "alpha", params[0]) != 0)
		oba_raise(fname, &err);
	params[1] = 0;				/* every lag */
	if (PG_NARGS() > 4 && !PG_ARGISNULL(4))
	{
		int32		lag = PG_GETARG_INT32(4);

		if (lag < 1)
			oba_bad_arg(fname, "max_lag must be at least 1, got %d", lag);
		params[1] = lag;
	}
	return oba_series_append(fcinfo, fname, OBA_KIND_HAMED_RAO, 2, row, params, 2,
							 "alpha and max_lag");
}

Datum
oba_sql_mann_kendall_hamed_rao_agg_trans(PG_FUNCTION_ARGS)
{
	return hamed_rao_trans(fcinfo, false);
}

Datum
oba_sql_mann_kendall_hamed_rao_agg_trans_date(PG_FUNCTION_ARGS)
{
	return hamed_rao_trans(fcinfo, true);
}

Datum
oba_sql_mann_kendall_hamed_rao_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.mann_kendall_hamed_rao_agg";
	oba_series_view v;
	oba_mk_hamed_rao_result r;
	oba_error	err;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y,
				alpha = 0.05;
	size_t		n,
				max_lag = 0;

	view_of(fcinfo, fname, OBA_KIND_HAMED_RAO, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	if (v.kind == OBA_KIND_HAMED_RAO)
	{
		if (v.nparams != 2 || !(v.params[0] > 0 && v.params[0] < 1))
			oba_state_invalid(fname, "The state holds parameters out of range.");
		alpha = v.params[0];
		max_lag = (size_t) oba_state_int(v.params[1], 0, PG_INT32_MAX, fname);
	}
	rows = oba_series_sorted(&v, true, &n, fname);
	oba_series_columns(rows, n, &t, &y);
	if (oba_mk_hamed_rao(t, y, n, alpha, max_lag, &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.n);
	oba_row_int8(&row, r.s);
	oba_row_float(&row, r.var_s);
	oba_row_float(&row, r.correction);
	oba_row_float(&row, r.n_effective);
	oba_row_float(&row, r.var_s_corrected);
	oba_row_float(&row, r.z);
	oba_row_float(&row, r.p);
	oba_row_int4(&row, r.lags);
	oba_row_int4(&row, r.lags_significant);
	oba_row_float(&row, r.sen_slope);
	return oba_row_datum(&row);
}

Datum
oba_sql_mann_kendall_prewhitened_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.mann_kendall_prewhitened_agg";
	oba_series_view v;
	oba_mk_prewhitened_result r;
	oba_error	err;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y;
	size_t		n;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_SERIES, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	rows = oba_series_sorted(&v, true, &n, fname);
	oba_series_columns(rows, n, &t, &y);
	if (oba_mk_prewhitened(t, y, n, &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.n);
	oba_row_int4(&row, r.n_prewhitened);
	oba_row_float(&row, r.lag1);
	oba_row_int8(&row, r.s);
	oba_row_float(&row, r.var_s);
	oba_row_float(&row, r.z);
	oba_row_float(&row, r.p);
	oba_row_float(&row, r.sen_slope);
	return oba_row_datum(&row);
}

/* (state, t, value [, season]): a date's season is its month unless given */
static Datum
seasonal_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.seasonal_mann_kendall_agg";
	double		row[3],
				from_month = 0;

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			oba_null_arg(fname, "season");
		row[2] = PG_GETARG_INT32(3);
	}
	else
	{
		int			y,
					m,
					d;

		/* finite: oba_arg_time has checked */
		j2date(PG_GETARG_DATEADT(1) + POSTGRES_EPOCH_JDATE, &y, &m, &d);
		row[2] = m;
		from_month = 1;
	}
	return oba_series_append(fcinfo, fname, OBA_KIND_SEASONAL, 3, row, &from_month, 1,
							 "the source of the season (given or the month)");
}

Datum
oba_sql_seasonal_mann_kendall_agg_trans(PG_FUNCTION_ARGS)
{
	return seasonal_trans(fcinfo, false);
}

Datum
oba_sql_seasonal_mann_kendall_agg_trans_date(PG_FUNCTION_ARGS)
{
	return seasonal_trans(fcinfo, true);
}

Datum
oba_sql_seasonal_mann_kendall_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.seasonal_mann_kendall_agg";
	oba_series_view v;
	oba_seasonal_mk_result r;
	oba_error	err;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y,
			   *season;
	size_t		n,
				i;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_SEASONAL, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	rows = oba_series_sorted(&v, true, &n, fname);
	t = palloc(sizeof(double) * (n + 1));
	y = palloc(sizeof(double) * (n + 1));
	season = palloc(sizeof(double) * (n + 1));
	for (i = 0; i < n; i++)
	{
		t[i] = rows[3 * i];
		y[i] = rows[3 * i + 1];
		season[i] = rows[3 * i + 2];
		if (isnan(season[i]))
			oba_state_invalid(fname, "The state holds a row without a season.");
	}
	if (oba_seasonal_mann_kendall(t, y, season, n, &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.n);
	oba_row_int4(&row, r.seasons);
	oba_row_int8(&row, r.s);
	oba_row_float(&row, r.var_s);
	oba_row_float(&row, r.z);
	oba_row_float(&row, r.p);
	oba_row_float(&row, r.tau);
	oba_row_float(&row, r.sen_slope);
	oba_row_int8(&row, r.sen_pairs);
	return oba_row_datum(&row);
}

Datum
oba_sql_pettitt_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.pettitt_agg";
	oba_series_view v;
	oba_pettitt_result r;
	oba_error	err;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y;
	size_t		n;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_SERIES, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	rows = oba_series_sorted(&v, true, &n, fname);
	oba_series_columns(rows, n, &t, &y);
	if (oba_pettitt(t, y, n, &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.n);
	oba_row_int8(&row, r.u);
	oba_row_int8(&row, r.k);
	oba_row_float(&row, r.p);
	oba_row_int4(&row, r.break_index);
	oba_row_float(&row, r.t_before);
	oba_row_float(&row, r.t_after);
	return oba_row_datum(&row);
}

/* (state, t, value, min_segment) */
static Datum
broken_line_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.segmented_agg";
	double		row[2],
				h;
	int32		m;

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	if (PG_ARGISNULL(3))
		oba_null_arg(fname, "min_segment");
	m = PG_GETARG_INT32(3);
	if (m < 2)
		oba_bad_arg(fname, "min_segment must be at least 2, got %d", m);
	h = m;
	return oba_series_append(fcinfo, fname, OBA_KIND_BROKEN_LINE, 2, row, &h, 1, "min_segment");
}

Datum
oba_sql_segmented_agg_trans(PG_FUNCTION_ARGS)
{
	return broken_line_trans(fcinfo, false);
}

Datum
oba_sql_segmented_agg_trans_date(PG_FUNCTION_ARGS)
{
	return broken_line_trans(fcinfo, true);
}

Datum
oba_sql_segmented_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.segmented_agg";
	oba_series_view v;
	oba_broken_line_result r;
	oba_error	err;
	oba_row		row;
	double	   *rows,
			   *t,
			   *y;
	size_t		n;
	int			h = 3;

	view_of(fcinfo, fname, OBA_KIND_BROKEN_LINE, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	if (v.kind == OBA_KIND_BROKEN_LINE)
	{
		if (v.nparams != 1)
			oba_state_invalid(fname, "The state holds parameters out of range.");
		h = oba_state_int(v.params[0], 2, PG_INT32_MAX, fname);
	}
	rows = oba_series_sorted(&v, true, &n, fname);
	oba_series_columns(rows, n, &t, &y);
	if (oba_broken_line(t, y, n, h, &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, r.n);
	oba_row_int4(&row, r.df);
	oba_row_int4(&row, r.n_before);
	oba_row_int4(&row, r.n_after);
	oba_row_float(&row, r.psi);
	oba_row_float(&row, r.psi_se);
	oba_row_float(&row, r.psi_lower);
	oba_row_float(&row, r.psi_upper);
	oba_row_float(&row, r.intercept);
	oba_row_float(&row, r.intercept_se);
	oba_row_float(&row, r.slope_before);
	oba_row_float(&row, r.slope_before_se);
	oba_row_float(&row, r.slope_after);
	oba_row_float(&row, r.slope_after_se);
	oba_row_float(&row, r.slope_change);
	oba_row_float(&row, r.slope_change_se);
	oba_row_float(&row, r.sigma);
	oba_row_float(&row, r.davies_p);
	return oba_row_datum(&row);
}
