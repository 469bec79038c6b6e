/*
 * dist.c: the only file that includes Rmath.h. R's standalone maths library
 * (Debian r-mathlib) gives the same bits as the R that computed the reference
 * vectors; every family goes through these thin wrappers.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#define MATHLIB_STANDALONE 1
#include <Rmath.h>

#include "oba_core.h"

double
oba_qnorm(double p)
{
	return qnorm(p, 0.0, 1.0, 1, 0);
}

double
oba_pnorm(double q)
{
	return pnorm(q, 0.0, 1.0, 1, 0);
}

double
oba_qchisq(double p, double df)
{
	return qchisq(p, df, 1, 0);
}

double
oba_pchisq(double q, double df, int lower_tail)
{
	return pchisq(q, df, lower_tail, 0);
}

double
oba_qt(double p, double df)
{
	return qt(p, df, 1, 0);
}

double
oba_pt(double q, double df, int lower_tail)
{
	return pt(q, df, lower_tail, 0);
}

double
oba_qgamma(double p, double shape)
{
	return qgamma(p, shape, 1.0, 1, 0);
}

double
oba_qbeta(double p, double a, double b)
{
	return qbeta(p, a, b, 1, 0);
}

double
oba_pbinom(double x, double n, double prob, int lower_tail)
{
	return pbinom(x, n, prob, lower_tail, 0);
}

double
oba_ppois(double x, double lambda, int lower_tail)
{
	return ppois(x, lambda, lower_tail, 0);
}

double
oba_pbeta(double x, double a, double b, int lower_tail)
{
	return pbeta(x, a, b, lower_tail, 0);
}

double
oba_dhyper_log(double x, double white, double black, double drawn)
{
	return dhyper(x, white, black, drawn, 1);
}

double
oba_z_two_sided(double confidence)
{
	return oba_qnorm(confidence + (1.0 - confidence) / 2.0);
}
