/*
 * oba_core.h: the statistics core of oba, plain C99 with no PostgreSQL headers.
 *
 * Conventions shared by every family (rate.c, proportion.c, ...):
 *  - functions return 0 on success and -1 on invalid input, after filling an
 *    oba_error whose message names the argument and its value; the SQL glue
 *    prefixes the SQL function name and raises it with the matching SQLSTATE;
 *  - a result that is statistically undefined is NaN here and SQL NULL in the
 *    glue (inputs are validated finite first, so NaN never means anything else);
 *  - memory, where a method needs it, comes from a caller-supplied
 *    oba_allocator (palloc in the server, malloc in the unit tests).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_CORE_H
#define OBA_CORE_H

#include <stddef.h>

typedef enum oba_errcode
{
	OBA_OK = 0,
	OBA_EINVAL,					/* SQLSTATE 22023 invalid_parameter_value */
	OBA_ERANGE,					/* SQLSTATE 22003 numeric_value_out_of_range */
	OBA_ENULL,					/* SQLSTATE 22004 null_value_not_allowed */
	OBA_ENOMEM					/* allocator returned NULL */
} oba_errcode;

#define OBA_ERRMSG_LEN 256

typedef struct oba_error
{
	oba_errcode code;
	char		message[OBA_ERRMSG_LEN];
} oba_error;

typedef struct oba_allocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} oba_allocator;

/* An interval estimate: the SQL composite oba.estimate. NaN = undefined. */
typedef struct oba_estimate
{
	double		value;
	double		lower;
	double		upper;
	double		numerator;
	double		denominator;
} oba_estimate;

/* ---- common.c: errors and argument checks ---- */

/* Fill err (if not NULL) and return -1. printf-style message. */
int			oba_fail(oba_error *err, oba_errcode code, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 3, 4)))
#endif
			;

int			oba_check_finite(oba_error *err, const char *arg, double v);
int			oba_check_nonnegative(oba_error *err, const char *arg, double v);
int			oba_check_positive(oba_error *err, const char *arg, double v);
int			oba_check_confidence(oba_error *err, double confidence);

/* True when v is a whole number that float8 arithmetic adds and subtracts exactly. */
int			oba_is_exact_count(double v);

/*
 * The one polarity vocabulary of oba (comparisons, trends, curves, SPC,
 * report cards), coded as the sign an improving change has.
 */
typedef enum oba_polarity
{
	OBA_LOWER_IS_BETTER = -1,
	OBA_NEUTRAL = 0,
	OBA_HIGHER_IS_BETTER = 1
} oba_polarity;

/*
 * text[0, len) must be exactly "higher_is_better", "lower_is_better" or
 * "neutral" (it need not be NUL-terminated); an error naming arg otherwise.
 */
int			oba_polarity_parse(oba_error *err, const char *arg, const char *text,
							   size_t len, oba_polarity *out);
const char *oba_polarity_name(oba_polarity p);

/*
 * ---- common.c: interrupts ----
 *
 * A loop whose length the caller controls (pairs of values, cells of a
 * table, edges of two polygons) calls OBA_CHECK_INTERRUPTS() every few
 * thousand steps. In the server the glue installs PostgreSQL's interrupt
 * check, which does not return when the query has been cancelled or has
 * timed out: it raises an ERROR, and everything the core had allocated
 * belongs to a memory context that PostgreSQL frees. The unit tests install
 * nothing, or a counter. Set once when the module loads (every backend and
 * parallel worker loads it), never per query.
 */
typedef void (*oba_interrupt_fn) (void);
extern oba_interrupt_fn oba_interrupt_hook;

#define OBA_CHECK_INTERRUPTS() \
	do { if (oba_interrupt_hook != NULL) oba_interrupt_hook(); } while (0)

/* Every 4096 steps of a counter i (size_t or unsigned): cheap enough for inner loops. */
#define OBA_CHECK_INTERRUPTS_EVERY(i) \
	do { if (((i) & 4095u) == 0) OBA_CHECK_INTERRUPTS(); } while (0)

/* ---- dist.c: distribution functions (R's standalone maths library) ---- */

/*
 * Opens R's maths library at path (NULL: the library oba was built for,
 * once per process), resolves the functions below and checks them against
 * known values. 0, or -1 with err naming the library and what failed. The
 * functions below load the default library on first use and return NaN if
 * it cannot be loaded; the server loads it when the module loads and
 * refuses to load without it.
 */
int			oba_dist_load(const char *path, oba_error *err);

double		oba_qnorm(double p);	/* standard normal quantile, lower tail */
double		oba_pnorm(double q);	/* standard normal CDF */
double		oba_qchisq(double p, double df);	/* lower tail */
double		oba_pchisq(double q, double df, int lower_tail);
double		oba_qt(double p, double df);
double		oba_pt(double q, double df, int lower_tail);
double		oba_qbeta(double p, double a, double b);
double		oba_pbeta(double x, double a, double b, int lower_tail);
/* log of the hypergeometric density: x white of drawn, from white + black */
double		oba_dhyper_log(double x, double white, double black, double drawn);

/* z for a two-sided level: qnorm(conf + (1 - conf)/2), exactly that expression. */
double		oba_z_two_sided(double confidence);

/* ---- rate.c: crude rates, Poisson count limits ---- */

/*
 * Confidence limits for a Poisson count x: exact (chi-squared) for x < 10,
 * Byar's approximation from 10 on, as PHEindicatormethods phe_rate.
 * x must be finite and >= 0 and confidence in (0,1); not checked here.
 */
void		oba_count_limits(double x, double confidence, double *lower, double *upper);
void		oba_byar_limits(double x, double confidence, double *lower, double *upper);
void		oba_exact_poisson_limits(double x, double confidence, double *lower, double *upper);

int			oba_rate(double events, double population, double per, double confidence,
					 oba_estimate *out, oba_error *err);

/* ---- proportion.c: proportions, Wilson score interval ---- */

void		oba_wilson_limits(double x, double n, double confidence, double *lower, double *upper);

int			oba_proportion(double successes, double total, double per, double confidence,
						   oba_estimate *out, oba_error *err);

#endif							/* OBA_CORE_H */
