/*
 * value_for_money.c (glue): oba.cost_per_outcome, oba.return_on_investment,
 * oba.present_value, and the aggregates oba.cost_per_outcome_agg and
 * oba.return_on_investment_agg. Their state is a float8[5]:
 *   {sum of cost, sum of outcomes, rows, unit_benefit, confidence}
 * (unit_benefit is 0 and unused for the cost per outcome).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"

#include "value_for_money.h"

PG_FUNCTION_INFO_V1(oba_sql_cost_per_outcome);
PG_FUNCTION_INFO_V1(oba_sql_return_on_investment);
PG_FUNCTION_INFO_V1(oba_sql_present_value);
PG_FUNCTION_INFO_V1(oba_sql_cost_per_outcome_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_return_on_investment_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_cost_per_outcome_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_return_on_investment_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_cost_per_outcome_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_return_on_investment_agg_final);

enum
{
	VFM_COST = 0,
	VFM_OUTCOMES,
	VFM_ROWS,
	VFM_UNIT_BENEFIT,
	VFM_CONFIDENCE,
	VFM_LEN
};

#define CPO_AGG "oba.cost_per_outcome_agg"
#define ROI_AGG "oba.return_on_investment_agg"

/* oba.cost_per_outcome(cost, outcomes, confidence): STRICT */
Datum
oba_sql_cost_per_outcome(PG_FUNCTION_ARGS)
{
	oba_estimate e;
	oba_error	err;

	if (oba_cost_per_outcome(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
							 &e, &err) != 0)
		oba_raise("oba.cost_per_outcome", &err);
	return oba_estimate_datum(fcinfo, &e);
}

/* oba.return_on_investment(cost, outcomes, unit_benefit, confidence): STRICT */
Datum
oba_sql_return_on_investment(PG_FUNCTION_ARGS)
{
	oba_estimate e;
	oba_error	err;

	if (oba_return_on_investment(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
								 PG_GETARG_FLOAT8(3), &e, &err) != 0)
		oba_raise("oba.return_on_investment", &err);
	return oba_estimate_datum(fcinfo, &e);
}

/* oba.present_value(amount, years, discount_rate): STRICT */
Datum
oba_sql_present_value(PG_FUNCTION_ARGS)
{
	double		pv;
	oba_error	err;

	if (oba_present_value(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
						  &pv, &err) != 0)
		oba_raise("oba.present_value", &err);
	PG_RETURN_FLOAT8(pv);
}

/* A state that may have come from outside (text, a direct call). */
static void
check_state(const double *s, const char *fname)
{
	oba_state_check_finite(s, VFM_LEN, fname);
	if (s[VFM_COST] < 0 || s[VFM_OUTCOMES] < 0 || s[VFM_ROWS] < 0 ||
		s[VFM_ROWS] != floor(s[VFM_ROWS]) || s[VFM_UNIT_BENEFIT] < 0 ||
		!(s[VFM_CONFIDENCE] > 0 && s[VFM_CONFIDENCE] < 1))
		oba_state_invalid(fname, "The state holds a value out of range.");
}

/*
 * Add one row: (state, cost, outcomes [, unit_benefit] [, confidence]). Not
 * STRICT: a row with a NULL cost or outcomes is skipped; a NULL unit_benefit
 * or confidence is an error, and both must be the same on every row.
 */
static Datum
vfm_trans(FunctionCallInfo fcinfo, const char *fname, bool roi)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, fname, VFM_LEN, OBA_STATE_UPDATE, &a);
	int			conf_arg = roi ? 4 : 3;
	double		cost,
				outcomes,
				unit_benefit = roi ? oba_arg_float8(fcinfo, 3, fname, "unit_benefit") : 0,
				confidence = PG_NARGS() > conf_arg ?
		oba_arg_float8(fcinfo, conf_arg, fname, "confidence") : s[VFM_CONFIDENCE];
	oba_error	err;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_ARRAYTYPE_P(a);
	cost = PG_GETARG_FLOAT8(1);
	outcomes = PG_GETARG_FLOAT8(2);
	if (oba_check_nonnegative(&err, "cost", cost) != 0 ||
		oba_check_nonnegative(&err, "outcomes", outcomes) != 0)
		oba_raise(fname, &err);
	if (s[VFM_ROWS] == 0 || unit_benefit != s[VFM_UNIT_BENEFIT] ||
		confidence != s[VFM_CONFIDENCE])
	{
		if ((roi && oba_check_nonnegative(&err, "unit_benefit", unit_benefit) != 0) ||
			oba_check_confidence(&err, confidence) != 0)
			oba_raise(fname, &err);
		if (s[VFM_ROWS] != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: %s must be the same for every row of a group", fname,
							roi ? "unit_benefit and confidence" : "confidence"),
					 roi ?
					 errdetail("The group started with unit_benefit %.15g and confidence %.15g, a row has unit_benefit %.15g and confidence %.15g.",
							   s[VFM_UNIT_BENEFIT], s[VFM_CONFIDENCE], unit_benefit, confidence) :
					 errdetail("The group started with confidence %.15g, a row has confidence %.15g.",
							   s[VFM_CONFIDENCE], confidence)));
		s[VFM_UNIT_BENEFIT] = unit_benefit;
		s[VFM_CONFIDENCE] = confidence;
	}
	s[VFM_COST] += cost;
	s[VFM_OUTCOMES] += outcomes;
	s[VFM_ROWS] += 1;
	if (!isfinite(s[VFM_COST]) || !isfinite(s[VFM_OUTCOMES]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: the sum of %s is out of range", fname,
						isfinite(s[VFM_COST]) ? "outcomes" : "cost")));
	PG_RETURN_ARRAYTYPE_P(a);
}

Datum
oba_sql_cost_per_outcome_agg_trans(PG_FUNCTION_ARGS)
{
	return vfm_trans(fcinfo, CPO_AGG, false);
}

Datum
oba_sql_return_on_investment_agg_trans(PG_FUNCTION_ARGS)
{
	return vfm_trans(fcinfo, ROI_AGG, true);
}

static Datum
vfm_combine(FunctionCallInfo fcinfo, const char *fname, bool roi)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, fname, VFM_LEN, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, fname, VFM_LEN, OBA_STATE_READ, NULL);
	int			i;

	check_state(s1, fname);
	check_state(s2, fname);
	if (s2[VFM_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(a1);
	if (s1[VFM_ROWS] == 0)
	{
		for (i = 0; i < VFM_LEN; i++)
			s1[i] = s2[i];
		PG_RETURN_ARRAYTYPE_P(a1);
	}
	if (s1[VFM_UNIT_BENEFIT] != s2[VFM_UNIT_BENEFIT] ||
		s1[VFM_CONFIDENCE] != s2[VFM_CONFIDENCE])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must be the same for every row of a group", fname,
						roi ? "unit_benefit and confidence" : "confidence")));
	s1[VFM_COST] += s2[VFM_COST];
	s1[VFM_OUTCOMES] += s2[VFM_OUTCOMES];
	s1[VFM_ROWS] += s2[VFM_ROWS];
	if (!isfinite(s1[VFM_COST]) || !isfinite(s1[VFM_OUTCOMES]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: the sum of %s is out of range", fname,
						isfinite(s1[VFM_COST]) ? "outcomes" : "cost")));
	PG_RETURN_ARRAYTYPE_P(a1);
}

Datum
oba_sql_cost_per_outcome_agg_combine(PG_FUNCTION_ARGS)
{
	return vfm_combine(fcinfo, CPO_AGG, false);
}

Datum
oba_sql_return_on_investment_agg_combine(PG_FUNCTION_ARGS)
{
	return vfm_combine(fcinfo, ROI_AGG, true);
}

/* The estimate; NULL for no rows (and, for the return, a total cost of 0). */
Datum
oba_sql_cost_per_outcome_agg_final(PG_FUNCTION_ARGS)
{
	double	   *s = oba_state_fixed(fcinfo, 0, CPO_AGG, VFM_LEN, OBA_STATE_READ, NULL);
	oba_estimate e;
	oba_error	err;

	check_state(s, CPO_AGG);
	if (s[VFM_ROWS] == 0)
		PG_RETURN_NULL();
	if (oba_cost_per_outcome(s[VFM_COST], s[VFM_OUTCOMES], s[VFM_CONFIDENCE], &e, &err) != 0)
		oba_raise(CPO_AGG, &err);
	return oba_estimate_datum(fcinfo, &e);
}

Datum
oba_sql_return_on_investment_agg_final(PG_FUNCTION_ARGS)
{
	double	   *s = oba_state_fixed(fcinfo, 0, ROI_AGG, VFM_LEN, OBA_STATE_READ, NULL);
	oba_estimate e;
	oba_error	err;

	check_state(s, ROI_AGG);
	if (s[VFM_ROWS] == 0 || s[VFM_COST] == 0)
		PG_RETURN_NULL();
	if (oba_return_on_investment(s[VFM_COST], s[VFM_OUTCOMES], s[VFM_UNIT_BENEFIT],
								 s[VFM_CONFIDENCE], &e, &err) != 0)
		oba_raise(ROI_AGG, &err);
	return oba_estimate_datum(fcinfo, &e);
}
