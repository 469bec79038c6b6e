/*
 * test_crashes.c: inputs on which the core once crashed, read out of
 * bounds, overflowed or broke its contract, found by make fuzz-c (libFuzzer,
 * fuzz/c/fuzz_core.c). Each must now give an error or a right answer; the
 * SQL-level finds of make fuzz are in sql/crashes.sql.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "unit.h"

#include <float.h>
#include <stdint.h>

#include "disclosure.h"
#include "funnel.h"

static void
test_funnel_axis_huge(void)
{
	double		axis[OBA_FUNNEL_POINTS];
	oba_error	err;

	/*
	 * The axis is rounded in decimal digits of max_denominator / years: when
	 * that overflowed to infinity the digit count read through a NULL pointer.
	 */
	CHECK(oba_funnel_axis(OBA_FUNNEL_PROPORTION, 1, DBL_MAX, NAN, 1, axis, &err) == -1 &&
		  err.code == OBA_ERANGE && strstr(err.message, "too large for a funnel axis"));
	CHECK(oba_funnel_axis(OBA_FUNNEL_RATE, 1, 1e300, 0.5, 1e-300, axis, &err) == -1 &&
		  err.code == OBA_ERANGE);
	CHECK(oba_funnel_axis(OBA_FUNNEL_RATE, 1, 1e200, 1e200, 1, axis, &err) == -1 &&
		  err.code == OBA_ERANGE);
	/* large but finite still works */
	CHECK(oba_funnel_axis(OBA_FUNNEL_PROPORTION, 1, 1e300, NAN, 1, axis, &err) == 0 &&
		  axis[OBA_FUNNEL_POINTS - 1] > 1e300);
}

static void
test_wilson_huge_total(void)
{
	oba_estimate e;
	oba_error	err;

	/* 2 (n + z^2) overflowed for totals above DBL_MAX / 2: both limits came out 0 */
	CHECK(oba_proportion(1e300, DBL_MAX, 100, 0.95, &e, &err) == 0);
	CHECK(e.lower <= e.value && e.value <= e.upper && e.lower > 0);
	CHECK_CLOSE(e.value, 1e300 / DBL_MAX * 100, 1e-12, 0, "value");
	CHECK(oba_proportion(DBL_MAX, DBL_MAX, 100, 0.95, &e, &err) == 0 &&
		  e.upper == 100 && e.lower > 99 && e.lower <= 100);
	/* the rewritten formula gives the same bits in the ordinary range */
	CHECK(oba_proportion(231, 402, 100, 0.95, &e, &err) == 0);
	CHECK(e.lower == 52.581499452519644 && e.upper == 62.202598794699796);
}

static void
test_round_to_overflow(void)
{
	int64_t		r;
	oba_error	err;

	/* 2 x remainder overflowed int64 for bases above 2^62 */
	CHECK(oba_round_to(INT64_MAX - 1, INT64_MAX, &r, &err) == 0 && r == INT64_MAX);
	CHECK(oba_round_to(INT64_MAX / 2, INT64_MAX, &r, &err) == 0 && r == 0);
	CHECK(oba_round_to(INT64_MAX / 2 + 1, INT64_MAX, &r, &err) == 0 && r == INT64_MAX);
}

int
main(void)
{
	test_funnel_axis_huge();
	test_wilson_huge_total();
	test_round_to_overflow();
	return unit_done("test_crashes");
}
