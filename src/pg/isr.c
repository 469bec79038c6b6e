/*
 * isr.c (glue): the oba.isr_agg aggregate (indirectly standardised ratio and
 * rate from band rows). State: float8[7] = {observed, expected, ref_events,
 * ref_pop, rows, per, confidence}.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_state.h"

#include "isr.h"

#include <float.h>

PG_FUNCTION_INFO_V1(oba_sql_isr_agg_trans);
PG_FUNCTION_INFO_V1(oba_sql_isr_agg_combine);
PG_FUNCTION_INFO_V1(oba_sql_isr_agg_final);

enum
{
	ISR_OBSERVED = 0, ISR_EXPECTED, ISR_REF_EVENTS, ISR_REF_POP, ISR_ROWS,
	ISR_PER, ISR_CONFIDENCE, ISR_LEN
};

#define ISR_NAME "oba.isr_agg"

/*
 * The full check of a band row that failed the quick test; raises its error.
 * Out of line, so the per-row function keeps a small frame.
 */
static pg_noinline void
isr_check_band(double x, double n, double xref, double nref)
{
	oba_error	err;

	if (oba_isr_check_band(x, n, xref, nref, &err) != 0)
		oba_raise(ISR_NAME, &err);
}

/*
 * (state, observed, population, reference_events, reference_population
 *  [, per [, confidence]]): not STRICT. NULL observed adds nothing to O; NULL
 * population or reference_events adds nothing to E; a NULL reference
 * population is an error.
 */
Datum
oba_sql_isr_agg_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	double	   *s = oba_state_fixed(fcinfo, 0, ISR_NAME, ISR_LEN, OBA_STATE_UPDATE, &a);
	double		x = PG_ARGISNULL(1) ? NAN : PG_GETARG_FLOAT8(1);
	double		n = PG_ARGISNULL(2) ? NAN : PG_GETARG_FLOAT8(2);
	double		xref = PG_ARGISNULL(3) ? NAN : PG_GETARG_FLOAT8(3);
	double		nref = oba_arg_float8(fcinfo, 4, ISR_NAME, "reference_population");
	oba_isr_sums sums;

	/* the common case in one comparison chain; NaN fails every comparison */
	if (!((isnan(x) || (x >= 0 && x <= DBL_MAX)) &&
		  (isnan(n) || (n >= 0 && n <= DBL_MAX)) &&
		  (isnan(xref) || (xref >= 0 && xref <= DBL_MAX)) &&
		  nref > 0 && nref <= DBL_MAX))
		isr_check_band(x, n, xref, nref);
	if (PG_NARGS() > 5)
		oba_state_params(fcinfo, s, ISR_ROWS, ISR_PER, 5, ISR_NAME, "per");
	sums.observed = s[ISR_OBSERVED];
	sums.expected = s[ISR_EXPECTED];
	sums.ref_events = s[ISR_REF_EVENTS];
	sums.ref_pop = s[ISR_REF_POP];
	oba_isr_add(&sums, x, n, xref, nref);
	s[ISR_OBSERVED] = sums.observed;
	s[ISR_EXPECTED] = sums.expected;
	s[ISR_REF_EVENTS] = sums.ref_events;
	s[ISR_REF_POP] = sums.ref_pop;
	s[ISR_ROWS] += 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

static void
check_state(const double *s)
{
	oba_state_check_finite(s, ISR_LEN, ISR_NAME);
	if (s[ISR_OBSERVED] < 0 || s[ISR_EXPECTED] < 0 || s[ISR_REF_EVENTS] < 0 ||
		s[ISR_REF_POP] < 0 || s[ISR_ROWS] < 0 || s[ISR_ROWS] != floor(s[ISR_ROWS]) ||
		s[ISR_PER] <= 0 || !(s[ISR_CONFIDENCE] > 0 && s[ISR_CONFIDENCE] < 1))
		oba_state_invalid(ISR_NAME, "The state holds a value out of range.");
}

Datum
oba_sql_isr_agg_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a1;
	double	   *s1 = oba_state_fixed(fcinfo, 0, ISR_NAME, ISR_LEN, OBA_STATE_UPDATE, &a1);
	double	   *s2 = oba_state_fixed(fcinfo, 1, ISR_NAME, ISR_LEN, OBA_STATE_READ, NULL);
	int			i;

	check_state(s1);
	check_state(s2);
	if (s2[ISR_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(a1);
	if (s1[ISR_ROWS] == 0)
	{
		for (i = 0; i < ISR_LEN; i++)
			s1[i] = s2[i];
		PG_RETURN_ARRAYTYPE_P(a1);
	}
	oba_state_combine_params(s1, s2, ISR_PER, ISR_NAME, "per");
	for (i = ISR_OBSERVED; i <= ISR_ROWS; i++)
		s1[i] += s2[i];
	PG_RETURN_ARRAYTYPE_P(a1);
}

/* An oba.isr record; NULL for no rows. */
Datum
oba_sql_isr_agg_final(PG_FUNCTION_ARGS)
{
	double	   *s = oba_state_fixed(fcinfo, 0, ISR_NAME, ISR_LEN, OBA_STATE_READ, NULL);
	oba_isr_sums sums;
	oba_isr_result r;
	oba_error	err;
	double		v[9];

	check_state(s);
	if (s[ISR_ROWS] == 0)
		PG_RETURN_NULL();
	sums.observed = s[ISR_OBSERVED];
	sums.expected = s[ISR_EXPECTED];
	sums.ref_events = s[ISR_REF_EVENTS];
	sums.ref_pop = s[ISR_REF_POP];
	if (oba_isr(&sums, s[ISR_PER], s[ISR_CONFIDENCE], &r, &err) != 0)
		oba_raise(ISR_NAME, &err);
	v[0] = r.observed;
	v[1] = r.expected;
	v[2] = r.ref_rate;
	v[3] = r.ratio;
	v[4] = r.ratio_lower;
	v[5] = r.ratio_upper;
	v[6] = r.rate;
	v[7] = r.rate_lower;
	v[8] = r.rate_upper;
	return oba_float8_record(fcinfo, v, 9, false, NULL);
}
