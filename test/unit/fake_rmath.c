/*
 * fake_rmath.c: a shared library with the names of the R maths functions
 * oba uses and wrong answers, for test_dist: oba_dist_load must refuse it.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
double		qnorm5(double p, double m, double s, int lower, int logp);
double		pnorm5(double p, double m, double s, int lower, int logp);
double		qbeta(double p, double a, double b, int lower, int logp);
double		pbeta(double p, double a, double b, int lower, int logp);
double		qchisq(double p, double df, int lower, int logp);
double		pchisq(double p, double df, int lower, int logp);
double		qt(double p, double df, int lower, int logp);
double		pt(double p, double df, int lower, int logp);
double		dhyper(double x, double r, double b, double n, int logp);

double qnorm5(double p, double m, double s, int lower, int logp) { (void) m; (void) s; (void) lower; (void) logp; return p; }
double pnorm5(double p, double m, double s, int lower, int logp) { (void) m; (void) s; (void) lower; (void) logp; return p; }
double qbeta(double p, double a, double b, int lower, int logp) { (void) a; (void) b; (void) lower; (void) logp; return p; }
double pbeta(double p, double a, double b, int lower, int logp) { (void) a; (void) b; (void) lower; (void) logp; return p; }
double qchisq(double p, double df, int lower, int logp) { (void) df; (void) lower; (void) logp; return p; }
double pchisq(double p, double df, int lower, int logp) { (void) df; (void) lower; (void) logp; return p; }
double qt(double p, double df, int lower, int logp) { (void) df; (void) lower; (void) logp; return p; }
double pt(double p, double df, int lower, int logp) { (void) df; (void) lower; (void) logp; return p; }
double dhyper(double x, double r, double b, double n, int logp) { (void) r; (void) b; (void) n; (void) logp; return x; }
