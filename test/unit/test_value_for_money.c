/*
 * test_value_for_money.c: src/core/value_for_money.c: cost per outcome and
 * return on investment with the Poisson limits of the outcome count, and
 * present values. The expected numbers were computed with R 4.2.2 from the
 * published formulas (exact limits from qchisq, Byar's from qnorm; the same
 * as test/reference/derive_value_for_money_reference.R).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "value_for_money.h"
#include "unit.h"

int
main(void)
{
	oba_estimate e;
	oba_error	err;
	double		pv, lo, hi;

	/*
	 * Enfield's FASH (DfE thematic report 5): 121 cases at 2,075 each; an
	 * average benefit of 6,218 per case: a return of 3.0 for the observed
	 * cases. 121 is a Byar count.
	 */
	CHECK(oba_cost_per_outcome(251075, 121, 0.95, &e, &err) == 0);
	CHECK_CLOSE(e.value, 2075, 1e-15, 0, "cost per case");
	CHECK_CLOSE(e.lower, 1736.5742343004801569, 1e-12, 0, "cost per case, lower");
	CHECK_CLOSE(e.upper, 2500.7244519342248168, 1e-12, 0, "cost per case, upper");
	CHECK(e.numerator == 251075 && e.denominator == 121);
	CHECK(oba_return_on_investment(251075, 121, 6218, 0.95, &e, &err) == 0);
	CHECK_CLOSE(e.value, 2.9966265060240964, 1e-15, 0, "ROI");
	CHECK_CLOSE(e.lower, 2.4864794660565619, 1e-12, 0, "ROI lower");
	CHECK_CLOSE(e.upper, 3.5806128394532526, 1e-12, 0, "ROI upper");
	CHECK(e.numerator == 121.0 * 6218 && e.denominator == 251075);
	/* the limits are the count's, carried through: cost / U and cost / L */
	oba_byar_limits(121, 0.95, &lo, &hi);
	CHECK(oba_cost_per_outcome(251075, 121, 0.95, &e, &err) == 0 &&
		  e.lower == 251075 / hi && e.upper == 251075 / lo);

	/* 3 outcomes: exact limits (0.6187, 8.7673), as poisson.test(3) */
	CHECK(oba_cost_per_outcome(9000, 3, 0.95, &e, &err) == 0);
	CHECK_CLOSE(e.value, 3000, 1e-15, 0, "cost per outcome, 3");
	CHECK_CLOSE(e.lower, 1026.5449619746494, 1e-12, 0, "lower, 3");
	CHECK_CLOSE(e.upper, 14547.285495711132, 1e-12, 0, "upper, 3");
	CHECK(oba_return_on_investment(9000, 3, 5000, 0.95, &e, &err) == 0);
	CHECK_CLOSE(e.value, 1.6666666666666667, 1e-15, 0, "ROI, 3");
	CHECK_CLOSE(e.lower, 0.34370673494200088, 1e-12, 0, "ROI lower, 3");
	CHECK_CLOSE(e.upper, 4.8707072609679578, 1e-12, 0, "ROI upper, 3");

	/* no outcomes: no cost per outcome and no upper bound, but a lower one */
	CHECK(oba_cost_per_outcome(1000, 0, 0.95, &e, &err) == 0);
	CHECK(isnan(e.value) && isnan(e.upper));
	CHECK_CLOSE(e.lower, 271.08503068181687, 1e-12, 0, "lower, 0 outcomes");
	CHECK(oba_return_on_investment(1000, 0, 50, 0.95, &e, &err) == 0);
	CHECK(e.value == 0 && e.lower == 0 && e.upper > 0);
	/* nothing spent: 0 per outcome */
	CHECK(oba_cost_per_outcome(0, 4, 0.95, &e, &err) == 0 && e.value == 0 && e.lower == 0 && e.upper == 0);
	/* overflow: NaN, not infinity */
	CHECK(oba_return_on_investment(1e-300, 1e10, 1e300, 0.95, &e, &err) == 0 && isnan(e.value));
	CHECK(oba_cost_per_outcome(1e308, 1e-300, 0.95, &e, &err) == 0 && isnan(e.value) && isnan(e.upper));

	/* errors */
	CHECK(oba_cost_per_outcome(-1, 4, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "cost must not be negative, got -1") != NULL);
	CHECK(oba_cost_per_outcome(1, -4, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "outcomes must not be negative, got -4") != NULL);
	CHECK(oba_cost_per_outcome(1, 4, 1, &e, &err) == -1);
	CHECK(oba_cost_per_outcome(NAN, 4, 0.95, &e, &err) == -1);
	CHECK(oba_return_on_investment(0, 4, 1, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "cost must be greater than 0, got 0") != NULL);
	CHECK(oba_return_on_investment(10, 4, -1, 0.95, &e, &err) == -1);
	CHECK(strstr(err.message, "unit_benefit must not be negative, got -1") != NULL);
	CHECK(oba_return_on_investment(10, INFINITY, 1, 0.95, &e, &err) == -1);

	/* present values at 3.5% */
	CHECK(oba_present_value(1000, 10, 0.035, &pv, &err) == 0);
	CHECK_CLOSE(pv, 708.91881370977217, 1e-15, 0, "1000 in 10 years");
	CHECK(oba_present_value(-500, 2.5, 0.035, &pv, &err) == 0);
	CHECK_CLOSE(pv, -458.79547917850175, 1e-15, 0, "-500 in 2.5 years");
	CHECK(oba_present_value(1e6, 0, 0.035, &pv, &err) == 0 && pv == 1e6);
	CHECK(oba_present_value(1e6, 7, 0, &pv, &err) == 0 && pv == 1e6);
	CHECK(oba_present_value(-1, 1e308, 1, &pv, &err) == 0 && pv == 0 && !signbit(pv));
	CHECK(oba_present_value(1, -1, 0.035, &pv, &err) == -1);
	CHECK(strstr(err.message, "years must not be negative, got -1") != NULL);
	CHECK(oba_present_value(1, 1, 1.5, &pv, &err) == -1);
	CHECK(strstr(err.message, "discount_rate must be between 0 and 1, got 1.5") != NULL);
	CHECK(oba_present_value(1, 1, -0.01, &pv, &err) == -1);
	CHECK(oba_present_value(INFINITY, 1, 0.035, &pv, &err) == -1);
	return unit_done("test_value_for_money");
}
