/*
 * sii.c (glue): the oba.sii_agg (95% limits) and oba.sii_se_agg (standard
 * errors) aggregates. Their state is a float8[] holding the group's
 * parameters and its quantile rows, at most OBA_SII_MAX_QUANTILES of them:
 *
 *   [version 1, kind (1 limits, 2 se), value_type, transform, multiplier,
 *    confidence, repetitions, seed, nrows,
 *    nrows x (quantile, population, value, lower or se, upper or 0)]
 *
 * NaN marks a missing value. A row makes a new array one row longer
 * (PostgreSQL copies it into the aggregate's memory and frees the old one:
 * at most 100 rows, 4 kB); the combine function concatenates, and the final
 * function sorts by quantile and runs the core.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "series_pg.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"

#include "sii.h"

#include <math.h>

PG_FUNCTION_INFO_V1(oba_sql_sii_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_sii_se_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_sii_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_sii_agg_final);

enum
{
	SII_VERSION = 0, SII_KIND, SII_VALUE_TYPE, SII_TRANSFORM, SII_MULTIPLIER,
	SII_CONFIDENCE, SII_REPETITIONS, SII_SEED, SII_NROWS, SII_HEADER
};

#define SII_WIDTH 5
#define SII_KIND_LIMITS 1
#define SII_KIND_SE 2
#define SII_NPARAMS (SII_NROWS - SII_VALUE_TYPE)

static const char *
kind_name(int kind)
{
	return kind == SII_KIND_SE ? "oba.sii_se_agg" : "oba.sii_agg";
}

/*
 * The values of a state argument, its header checked (the rows are checked
 * by the core in the final function). Returns the row count.
 */
static double *
state_get(FunctionCallInfo fcinfo, int argno, const char *fname, int *nrows)
{
	int			len;
	double	   *s = oba_state_arg(fcinfo, argno, fname, SII_HEADER,
								  SII_HEADER + OBA_SII_MAX_QUANTILES * SII_WIDTH, OBA_STATE_READ,
								  NULL, &len);

	if (s[SII_VERSION] != 1 ||
		!(s[SII_KIND] == SII_KIND_LIMITS || s[SII_KIND] == SII_KIND_SE))
		oba_state_invalid(fname, "The state must start with the version 1 header of oba.sii_agg or oba.sii_se_agg.");
	if (!oba_state_whole(s[SII_VALUE_TYPE], 0, 2) || !oba_state_whole(s[SII_TRANSFORM], 0, 1) ||
		!isfinite(s[SII_MULTIPLIER]) || !isfinite(s[SII_CONFIDENCE]) ||
		!oba_state_whole(s[SII_REPETITIONS], 0, OBA_SII_MAX_REPETITIONS) ||
		!oba_state_whole(s[SII_SEED], PG_INT32_MIN, PG_INT32_MAX))
		oba_state_invalid(fname, "The state holds a parameter out of range.");
	if (!oba_state_whole(s[SII_NROWS], 0, OBA_SII_MAX_QUANTILES) ||
		len != SII_HEADER + (int) s[SII_NROWS] * SII_WIDTH)
		oba_state_invalid(fname, "The state's length does not match its row count.");
	*nrows = (int) s[SII_NROWS];
	return s;
}

static void
too_many(const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("%s: at most %d quantiles in one group", fname, OBA_SII_MAX_QUANTILES),
			 errhint("The SII is defined for 5 to 100 quantiles (deciles, quintiles ...): group the rows by area and quantile first.")));
}

static void
params_from_state(const double *s, oba_sii_params *p)
{
	p->value_type = (oba_sii_value_type) (int) s[SII_VALUE_TYPE];
	p->transform = (int) s[SII_TRANSFORM];
	p->use_se = s[SII_KIND] == SII_KIND_SE;
	p->multiplier = s[SII_MULTIPLIER];
	p->confidence = s[SII_CONFIDENCE];
	p->repetitions = (long) s[SII_REPETITIONS];
	p->seed = (int64_t) s[SII_SEED];
}

static double
arg_double(FunctionCallInfo fcinfo, int argno, const char *fname, const char *arg)
{
	if (PG_ARGISNULL(argno))
		oba_null_arg(fname, arg);
	return PG_GETARG_FLOAT8(argno);
}

/*
 * The transition of both aggregates: (state, quantile, population, value,
 * lower, upper | se, parameters ...). first_param is the argument number of
 * value_type; the limits form has transform after it, the se form not.
 */
static Datum
sii_trans(FunctionCallInfo fcinfo, int kind)
{
	const char *fname = kind_name(kind);
	int			nrows,
				first_param = kind == SII_KIND_LIMITS ? 6 : 5,
				next,
				i;
	double	   *s = state_get(fcinfo, 0, fname, &nrows);
	double		params[SII_NPARAMS];
	oba_sii_params p;
	oba_sii_row row;
	oba_error	err;
	ArrayType  *b;
	double	   *t;

	if (s[SII_KIND] != kind)
		oba_state_invalid(fname, "The state belongs to the other SII aggregate.");
	for (i = 0; i < SII_NPARAMS; i++)
		params[i] = s[SII_VALUE_TYPE + i];

	/* the parameters the call has; the state's defaults for the rest */
	next = first_param;
	if (PG_NARGS() > next)
	{
		text	   *vt;
		oba_sii_value_type type;

		if (PG_ARGISNULL(next))
			oba_null_arg(fname, "value_type");
		vt = PG_GETARG_TEXT_PP(next);
		if (oba_sii_value_type_parse(&err, "value_type", VARDATA_ANY(vt), VARSIZE_ANY_EXHDR(vt),
									 &type) != 0)
			oba_raise(fname, &err);
		params[0] = type;
		next++;
	}
	if (kind == SII_KIND_LIMITS && PG_NARGS() > next)
	{
		if (PG_ARGISNULL(next))
			oba_null_arg(fname, "transform");
		params[SII_TRANSFORM - SII_VALUE_TYPE] = PG_GETARG_BOOL(next) ? 1 : 0;
		next++;
	}
	if (PG_NARGS() > next)
		params[SII_MULTIPLIER - SII_VALUE_TYPE] = arg_double(fcinfo, next++, fname, "multiplier");
	if (PG_NARGS() > next)
	{
		int32		reps;

		params[SII_CONFIDENCE - SII_VALUE_TYPE] = arg_double(fcinfo, next++, fname, "confidence");
		if (PG_ARGISNULL(next))
			oba_null_arg(fname, "repetitions");
		reps = PG_GETARG_INT32(next++);
		if (reps > OBA_SII_MAX_REPETITIONS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s: at most %d repetitions, got %d", fname,
							OBA_SII_MAX_REPETITIONS, reps),
					 errdetail("The simulation keeps 16 bytes a repetition.")));
		params[SII_REPETITIONS - SII_VALUE_TYPE] = reps;
		if (PG_ARGISNULL(next))
			oba_null_arg(fname, "seed");
		params[SII_SEED - SII_VALUE_TYPE] = PG_GETARG_INT32(next++);
	}
	for (i = 0; i < SII_NPARAMS; i++)
		if (nrows > 0 && params[i] != s[SII_VALUE_TYPE + i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: value_type, transform, multiplier, confidence, repetitions and seed must be the same for every row of a group",
							fname)));
	{
		double		hdr[SII_HEADER];

		memcpy(hdr, s, sizeof(hdr));
		for (i = 0; i < SII_NPARAMS; i++)
			hdr[SII_VALUE_TYPE + i] = params[i];
		params_from_state(hdr, &p);
	}
	if (nrows == 0 && oba_sii_check_params(&p, &err) != 0)
		oba_raise(fname, &err);

	if (PG_ARGISNULL(1))
		oba_null_arg(fname, "quantile");
	row.quantile = PG_GETARG_INT32(1);
	row.population = arg_double(fcinfo, 2, fname, "population");
	/* NULL is a missing value (NaN in the core); NaN itself is refused */
	row.value = oba_arg_value(fcinfo, 3, fname, "value");
	if (kind == SII_KIND_LIMITS)
	{
		row.lower = oba_arg_value(fcinfo, 4, fname, "lower");
		row.upper = oba_arg_value(fcinfo, 5, fname, "upper");
		row.se = NAN;
	}
	else
	{
		row.se = oba_arg_value(fcinfo, 4, fname, "se");
		row.lower = row.upper = NAN;
	}
	if (oba_sii_check_row(&row, &p, &err) != 0)
		oba_raise(fname, &err);
	if (nrows >= OBA_SII_MAX_QUANTILES)
		too_many(fname);

	b = oba_state_new(SII_HEADER + (nrows + 1) * SII_WIDTH);
	t = (double *) ARR_DATA_PTR(b);
	memcpy(t, s, (SII_HEADER + nrows * SII_WIDTH) * sizeof(double));
	for (i = 0; i < SII_NPARAMS; i++)
		t[SII_VALUE_TYPE + i] = params[i];
	t[SII_NROWS] = nrows + 1;
	t += SII_HEADER + nrows * SII_WIDTH;
	t[0] = row.quantile;
	t[1] = row.population;
	t[2] = row.value;
	t[3] = kind == SII_KIND_LIMITS ? row.lower : row.se;
	t[4] = kind == SII_KIND_LIMITS ? row.upper : 0;
	PG_RETURN_ARRAYTYPE_P(b);
}

/*
 * (state, quantile int4, population, value, lower, upper [, value_type
 *  [, transform [, multiplier [, confidence, repetitions, seed]]]])
 */
Datum
oba_sql_sii_agg_trans(PG_FUNCTION_ARGS)
{
	return sii_trans(fcinfo, SII_KIND_LIMITS);
}

/* (state, quantile int4, population, value, se [, value_type [, multiplier [, confidence, repetitions, seed]]]) */
Datum
oba_sql_sii_se_agg_trans(PG_FUNCTION_ARGS)
{
	return sii_trans(fcinfo, SII_KIND_SE);
}

Datum
oba_sql_sii_agg_combine(PG_FUNCTION_ARGS)
{
	const char *fname = "oba.sii_agg";
	int			n1,
				n2,
				i;
	double	   *s1 = state_get(fcinfo, 0, fname, &n1);
	double	   *s2 = state_get(fcinfo, 1, fname, &n2);
	ArrayType  *b;
	double	   *t;

	fname = kind_name((int) s1[SII_KIND]);
	if (s1[SII_KIND] != s2[SII_KIND])
		oba_state_invalid(fname, "The states belong to different SII aggregates.");
	if (n2 == 0)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	for (i = SII_VALUE_TYPE; i < SII_NROWS; i++)
		if (n1 > 0 && s1[i] != s2[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: value_type, transform, multiplier, confidence, repetitions and seed must be the same for every row of a group",
							fname)));
	if (n1 + n2 > OBA_SII_MAX_QUANTILES)
		too_many(fname);
	b = oba_state_new(SII_HEADER + (n1 + n2) * SII_WIDTH);
	t = (double *) ARR_DATA_PTR(b);
	/* an empty first state takes the second's parameters */
	memcpy(t, n1 > 0 ? s1 : s2, SII_HEADER * sizeof(double));
	memcpy(t + SII_HEADER, s1 + SII_HEADER, n1 * SII_WIDTH * sizeof(double));
	memcpy(t + SII_HEADER + n1 * SII_WIDTH, s2 + SII_HEADER, n2 * SII_WIDTH * sizeof(double));
	t[SII_NROWS] = n1 + n2;
	PG_RETURN_ARRAYTYPE_P(b);
}

/* An oba.sii record; NULL for no rows. */
Datum
oba_sql_sii_agg_final(PG_FUNCTION_ARGS)
{
	int			n,
				i;
	double	   *s = state_get(fcinfo, 0, "oba.sii_agg", &n);
	const char *fname = kind_name((int) s[SII_KIND]);
	oba_sii_params p;
	oba_sii_row *rows;
	oba_sii_result r;
	oba_error	err;
	oba_row		out;

	if (n == 0)
		PG_RETURN_NULL();
	params_from_state(s, &p);
	rows = palloc(n * sizeof(oba_sii_row));
	for (i = 0; i < n; i++)
	{
		const double *v = s + SII_HEADER + i * SII_WIDTH;

		if (!oba_state_whole(v[0], PG_INT32_MIN, PG_INT32_MAX))
			oba_state_invalid(fname, "The state holds a quantile that is not an integer.");
		rows[i].quantile = v[0];
		rows[i].population = v[1];
		rows[i].value = v[2];
		rows[i].lower = p.use_se ? NAN : v[3];
		rows[i].upper = p.use_se ? NAN : v[4];
		rows[i].se = p.use_se ? v[3] : NAN;
	}
	if (oba_sii(rows, n, &p, &oba_pg_allocator, &r, &err) != 0)
		oba_raise(fname, &err);
	pfree(rows);
	oba_row_begin(fcinfo, &out);
	oba_row_int4(&out, r.quantiles);
	oba_row_float(&out, r.population);
	oba_row_float(&out, r.intercept);
	oba_row_float(&out, r.sii);
	oba_row_float(&out, r.sii_lower);
	oba_row_float(&out, r.sii_upper);
	oba_row_float(&out, r.rii);
	oba_row_float(&out, r.rii_lower);
	oba_row_float(&out, r.rii_upper);
	PG_RETURN_DATUM(oba_row_datum(&out));
}
