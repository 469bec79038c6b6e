/*
 * spc.c (glue): oba.spc_points and oba.spc_agg, NHS Making Data Count XmR
 * charts.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series_pg.h"

#include "funcapi.h"
#include "utils/tuplestore.h"

#include <limits.h>
#include <math.h>

#include "spc.h"

PG_FUNCTION_INFO_V1(oba_sql_spc_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_spc_agg_trans_date);
PG_FUNCTION_INFO_V1(oba_sql_spc_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_spc_points);
PG_FUNCTION_INFO_V1(oba_sql_spc_points_date);

/* Parameters in the aggregate state, then the rebase times. */
enum
{
	SPC_P_POLARITY = 0, SPC_P_TARGET, SPC_P_FIX_AFTER, SPC_P_SCREEN, SPC_P_RUN,
	SPC_P_2023, SPC_P_FIXED
};

#define SPC_MAX_REBASE (OBA_MAX_PARAMS - SPC_P_FIXED)

static bool
arg_bool(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg)
{
	if (PG_ARGISNULL(argno))
		oba_null_arg(fname, arg);
	return PG_GETARG_BOOL(argno);
}

/*
 * The options from the arguments at first and after: polarity, target,
 * rebase, fix_after, screen_outliers, run_length, two_in_three_2023, as many
 * as the call has. A NULL target, rebase or fix_after means none.
 */
static void
spc_options(FunctionCallInfo fcinfo, int first, bool is_date, const char *fname,
			oba_spc_options *o)
{
	int			nargs = PG_NARGS();
	oba_error	err;

	oba_spc_defaults(o);
	if (nargs > first)
		o->polarity = oba_arg_polarity(fcinfo, first, fname, "polarity");
	if (nargs > first + 1 && !PG_ARGISNULL(first + 1))
	{
		o->target = PG_GETARG_FLOAT8(first + 1);
		if (oba_check_finite(&err, "target", o->target) != 0)
			oba_raise(fname, &err);
	}
	if (nargs > first + 2 && !PG_ARGISNULL(first + 2))
		o->rebase = oba_times_from_array(fcinfo, first + 2, is_date, fname, "rebase",
										 &o->n_rebase);
	if (nargs > first + 3 && !PG_ARGISNULL(first + 3))
	{
		o->fix_after = PG_GETARG_INT32(first + 3);
		if (o->fix_after <= 0)
			oba_bad_arg(fname, "fix_after must be at least 12, got %d", o->fix_after);
	}
	if (nargs > first + 4)
		o->screen_outliers = arg_bool(fcinfo, first + 4, fname, "screen_outliers");
	if (nargs > first + 5)
	{
		if (PG_ARGISNULL(first + 5))
			oba_null_arg(fname, "run_length");
		o->run_length = PG_GETARG_INT32(first + 5);
	}
	if (nargs > first + 6)
		o->two_in_three_2023 = arg_bool(fcinfo, first + 6, fname, "two_in_three_2023");
	if (oba_spc_check_options(o, &err) != 0)
		oba_raise(fname, &err);
}

static oba_spc_point *
spc_run(const double *rows, size_t n, const oba_spc_options *o, const char *fname,
		const char **assurance, const char **variation)
{
	double	   *t,
			   *y;
	oba_spc_point *p = palloc(sizeof(oba_spc_point) * (n > 0 ? n : 1));
	oba_error	err;

	oba_series_columns(rows, n, &t, &y);
	if (oba_spc(t, y, n, o, &oba_pg_allocator, p, assurance, variation, &err) != 0)
		oba_raise(fname, &err);
	return p;
}

/* ---- spc_points ---- */

static Datum
spc_points(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.spc_points";
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	oba_spc_options o;
	oba_series_view v;
	oba_spc_point *p;
	const char *assurance,
			   *variation;
	double	   *raw,
			   *rows;
	size_t		n,
				i;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	spc_options(fcinfo, 2, is_date, fname, &o);
	raw = oba_rows_from_arrays(fcinfo, 0, 1, is_date, fname, &n);
	memset(&v, 0, sizeof(v));
	v.kind = OBA_KIND_SPC;
	v.width = 2;
	v.rows = raw;
	v.nrows = n;
	/* a missing value keeps its row, so duplicates are checked among all rows */
	rows = oba_series_sorted(&v, false, &n, fname);
	p = spc_run(rows, n, &o, fname, &assurance, &variation);
	for (i = 0; i < n; i++)
	{
		oba_row		row;

		oba_row_begin_desc(rsinfo->setDesc, &row);
		if (is_date)
			oba_row_date(&row, p[i].t);
		else
			oba_row_float(&row, p[i].t);
		oba_row_float(&row, p[i].value);
		oba_row_int4(&row, p[i].group);
		oba_row_float(&row, p[i].mean);
		oba_row_float(&row, p[i].lpl);
		oba_row_float(&row, p[i].upl);
		oba_row_float(&row, p[i].nlpl);
		oba_row_float(&row, p[i].nupl);
		oba_row_float(&row, p[i].amr);
		oba_row_bool(&row, p[i].outside_limits == OBA_SPC_NA ? -1 : p[i].outside_limits);
		oba_row_int4(&row, p[i].relative_to_mean == OBA_SPC_NA ? NAN : p[i].relative_to_mean);
		oba_row_bool(&row, p[i].close_to_limits == OBA_SPC_NA ? -1 : p[i].close_to_limits);
		oba_row_text(&row, p[i].special_cause);
		oba_row_text(&row, p[i].point_type);
		oba_row_bool(&row, p[i].short_group_warning);
		oba_row_text(&row, assurance);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, row.values, row.nulls);
	}
	return (Datum) 0;
}

Datum
oba_sql_spc_points(PG_FUNCTION_ARGS)
{
	return spc_points(fcinfo, false);
}

Datum
oba_sql_spc_points_date(PG_FUNCTION_ARGS)
{
	return spc_points(fcinfo, true);
}

/* ---- spc_agg ---- */

/* (state, t, value [, polarity [, target [, rebase, fix_after, screen, run, 2023]]]) */
static Datum
spc_trans(FunctionCallInfo fcinfo, bool is_date)
{
	const char *fname = "oba.spc_agg";
	oba_spc_options o;
	double		row[2],
				params[OBA_MAX_PARAMS];
	size_t		i;

	if (PG_ARGISNULL(1))
		return oba_series_unchanged(fcinfo, fname);
	row[0] = oba_arg_time(fcinfo, 1, is_date, fname, "t");
	row[1] = oba_arg_value(fcinfo, 2, fname, "value");
	spc_options(fcinfo, 3, is_date, fname, &o);
	if (o.n_rebase > SPC_MAX_REBASE)
		oba_bad_arg(fname, "rebase may hold at most %d times, got %zu", SPC_MAX_REBASE,
					o.n_rebase);
	params[SPC_P_POLARITY] = o.polarity;
	params[SPC_P_TARGET] = o.target;
	params[SPC_P_FIX_AFTER] = o.fix_after;
	params[SPC_P_SCREEN] = o.screen_outliers;
	params[SPC_P_RUN] = o.run_length;
	params[SPC_P_2023] = o.two_in_three_2023;
	for (i = 0; i < o.n_rebase; i++)
		params[SPC_P_FIXED + i] = o.rebase[i];
	return oba_series_append(fcinfo, fname, OBA_KIND_SPC, 2, row, params,
							 SPC_P_FIXED + (int) o.n_rebase,
							 "polarity, target, rebase, fix_after, screen_outliers, run_length and two_in_three_2023");
}

Datum
oba_sql_spc_agg_trans(PG_FUNCTION_ARGS)
{
	return spc_trans(fcinfo, false);
}

Datum
oba_sql_spc_agg_trans_date(PG_FUNCTION_ARGS)
{
	return spc_trans(fcinfo, true);
}

Datum
oba_sql_spc_agg_final(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.spc_agg";
	oba_series_view v;
	oba_spc_options o;
	oba_spc_point *p,
			   *last;
	const char *assurance,
			   *variation;
	oba_error	err;
	oba_row		row;
	double	   *rows;
	size_t		n;

	oba_series_view_get(fcinfo, 0, fname, OBA_KIND_SPC, &v);
	if (v.nrows == 0)
		PG_RETURN_NULL();
	if (v.nparams < SPC_P_FIXED)
		oba_state_invalid(fname, "The state holds parameters out of range.");
	oba_spc_defaults(&o);
	o.polarity = oba_state_int(v.params[SPC_P_POLARITY], -1, 1, fname);
	o.target = v.params[SPC_P_TARGET];
	o.fix_after = oba_state_int(v.params[SPC_P_FIX_AFTER], 0, INT_MAX, fname);
	o.screen_outliers = v.params[SPC_P_SCREEN] != 0;
	o.run_length = oba_state_int(v.params[SPC_P_RUN], 0, INT_MAX, fname);
	o.two_in_three_2023 = v.params[SPC_P_2023] != 0;
	o.rebase = v.params + SPC_P_FIXED;
	o.n_rebase = v.nparams - SPC_P_FIXED;
	if (v.params[SPC_P_POLARITY] != o.polarity || v.params[SPC_P_FIX_AFTER] != o.fix_after ||
		v.params[SPC_P_RUN] != o.run_length || oba_spc_check_options(&o, &err) != 0)
		oba_state_invalid(fname, "The state holds parameters out of range.");
	rows = oba_series_sorted(&v, false, &n, fname);
	p = spc_run(rows, n, &o, fname, &assurance, &variation);
	last = &p[n - 1];

	oba_row_begin(fcinfo, &row);
	oba_row_int4(&row, (double) n);
	oba_row_float(&row, last->value);
	oba_row_float(&row, last->mean);
	oba_row_float(&row, last->lpl);
	oba_row_float(&row, last->upl);
	oba_row_text(&row, last->special_cause);
	oba_row_text(&row, last->point_type);
	oba_row_text(&row, variation);
	oba_row_text(&row, assurance);
	oba_row_bool(&row, last->short_group_warning);
	return oba_row_datum(&row);
}
