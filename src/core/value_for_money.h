/*
 * value_for_money.h: cost per outcome and return on investment with the
 * uncertainty of the outcome count carried to the ratio, and present values
 * at a discount rate, as the evaluations of the DfE Children's Social Care
 * Innovation Programme report value for money (METHODS.md section 20).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_VALUE_FOR_MONEY_H
#define OBA_VALUE_FOR_MONEY_H

#include "oba_core.h"

/*
 * Cost per outcome, cost / outcomes, with the interval cost / U to cost / L
 * where (L, U) are the Poisson limits of the outcome count (exact below 10,
 * Byar's from 10: oba_count_limits). cost >= 0 and outcomes >= 0, finite;
 * confidence in (0, 1). value is NaN for no outcomes, and upper too (the
 * lower count limit is then 0: the cost per outcome has no upper bound);
 * NaN also where a ratio overflows. numerator = cost, denominator = outcomes.
 */
int			oba_cost_per_outcome(double cost, double outcomes, double confidence,
								 oba_estimate *out, oba_error *err);

/*
 * Return on investment, benefits / cost with benefits = outcomes x
 * unit_benefit (the "fiscal return on investment" of the Innovation
 * Programme's evaluations: pounds back for each pound spent), with the
 * interval L x unit_benefit / cost to U x unit_benefit / cost. cost > 0,
 * outcomes >= 0, unit_benefit >= 0, finite. numerator = benefits,
 * denominator = cost. NaN where a product or ratio overflows.
 */
int			oba_return_on_investment(double cost, double outcomes, double unit_benefit,
									 double confidence, oba_estimate *out, oba_error *err);

/*
 * Present value of an amount years from now at a constant annual discount
 * rate: amount / (1 + rate)^years (HM Treasury Green Book discounting; its
 * standard rate is 3.5% for the first 30 years). amount finite, years >= 0
 * and rate in [0, 1], finite.
 */
int			oba_present_value(double amount, double years, double rate, double *out,
							  oba_error *err);

#endif							/* OBA_VALUE_FOR_MONEY_H */
