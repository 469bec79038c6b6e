/*
 * need.c (glue): oba.need_z, the oba.need_score_agg aggregate
 * (state float8[3] = {sum of weight x z, sum of weight, rows}), and
 * oba.quantile_group in either convention.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"

#include "utils/builtins.h"

#include "need.h"

PG_FUNCTION_INFO_V1(oba_sql_need_z);
PG_FUNCTION_INFO_V1(oba_sql_need_score_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_need_score_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_need_score_agg_final);
PG_FUNCTION_INFO_V1(oba_sql_quantile_group);

#define NEED_NAME "oba.need_score_agg"

/* oba.need_z(value, mean, sd, polarity): STRICT */
Datum
oba_sql_need_z(PG_FUNCTION_ARGS)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(3));
	oba_polarity p;
	oba_error	err;
	double		z;

	if (oba_polarity_parse(&err, "polarity", s, strlen(s), &p) != 0 ||
		oba_need_z(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
				   p, &z, &err) != 0)
		oba_raise("oba.need_z", &err);
	if (isnan(z))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(z);
}

/* (state, z [, weight]): STRICT, so rows with a NULL are skipped */
Datum
oba_sql_need_score_agg_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, NEED_NAME, 3, OBA_STATE_UPDATE, &a);
	double		z = PG_GETARG_FLOAT8(1),
				w = PG_NARGS() > 2 ? PG_GETARG_FLOAT8(2) : 1.0;
	oba_error	err;

	if (oba_check_finite(&err, "z", z) != 0 || oba_need_check_weight(w, &err) != 0)
		oba_raise(NEED_NAME, &err);
	s[0] += w * z;
	s[1] += w;
	s[2] += 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

static void
check_state(const double *s)
{
	oba_state_check_finite(s, 3, NEED_NAME);
	if (s[1] < 0 || s[2] < 0 || s[2] != floor(s[2]))
		oba_state_invalid(NEED_NAME, "The state holds a value out of range.");
}

Datum
oba_sql_need_score_agg_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, NEED_NAME, 3, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, NEED_NAME, 3, OBA_STATE_READ, NULL);

	check_state(s1);
	check_state(s2);
	s1[0] += s2[0];
	s1[1] += s2[1];
	s1[2] += s2[2];
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* The weighted mean; NULL for no rows or a total weight of 0. */
Datum
oba_sql_need_score_agg_final(PG_FUNCTION_ARGS)
{
	double	   *s = oba_state_fixed(fcinfo, 0, NEED_NAME, 3, OBA_STATE_READ, NULL);

	check_state(s);
	if (s[2] == 0 || s[1] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s[0] / s[1]);
}

/*
 * oba.quantile_group(rank, n, groups [, convention]): STRICT. convention
 * 'oba' (the default) or 'phe' (PHEindicatormethods phe_quantile: NULL when
 * n < groups).
 */
Datum
oba_sql_quantile_group(PG_FUNCTION_ARGS)
{
	int			g;
	bool		phe = false;
	oba_error	err;

	if (PG_NARGS() > 3)
	{
		char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(3));

		if (strcmp(s, "phe") == 0)
			phe = true;
		else if (strcmp(s, "oba") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("oba.quantile_group: convention must be oba or phe, got \"%.64s\"", s)));
		pfree(s);
	}
	if ((phe ? oba_quantile_group_phe : oba_quantile_group) (PG_GETARG_INT64(0), PG_GETARG_INT64(1),
															 PG_GETARG_INT32(2), &g, &err) != 0)
		oba_raise("oba.quantile_group", &err);
	if (g == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(g);
}
