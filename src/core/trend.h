/*
 * trend.h: trend tests on a series (METHODS.md sections 9 to 14):
 * Mann-Kendall with Sen's slope (and for autocorrelated and seasonal series),
 * ordinary least squares with confidence and prediction intervals,
 * interrupted time series by segmented regression, change points (Pettitt,
 * the broken line), the chi-squared test for trend in proportions, and the
 * Fingertips "recent trend" marker.
 *
 * Every function takes a series already prepared by oba_series_prepare
 * (sorted by t, times unique, missing values dropped unless stated).
 * Results use NaN for "undefined" (SQL NULL).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_TREND_H
#define OBA_TREND_H

#include "series.h"

/* ---- Mann-Kendall and Sen's slope (sections 10 and 11) ---- */

typedef struct oba_mk_result
{
	double		n;				/* values used */
	double		s;				/* S = sum of sign(y_j - y_i), i < j */
	double		var_s;			/* tie-corrected variance of S */
	double		z;				/* continuity-corrected z */
	double		p;				/* two-sided p of z */
	double		tau;			/* Kendall's tau-b */
	double		z_nocc;			/* z without the continuity correction */
	double		p_nocc;
	double		p_exact;		/* exact null distribution: no ties and n < 50 only */
	double		sen_slope;		/* median pairwise slope (actual times) */
	double		sen_intercept;	/* median of y - slope * t (as zyp) */
	double		sen_pairs;		/* N = n(n-1)/2 */
	double		sen_c;			/* C = qnorm(0.975) * sqrt(var_s) */
	double		sen_rank_lower; /* round((N - C)/2), half to even, 1-based */
	double		sen_rank_upper; /* round((N + C)/2 + 1) */
	double		sen_lower;		/* the slopes at those ranks; NaN if outside 1..N */
	double		sen_upper;
} oba_mk_result;

/*
 * S, its tie-corrected variance and tau-b: the sums behind the test, in
 * O(n log n) (Knight 1966). y is in time order; n >= 2; scratch has room
 * for 2n doubles and receives y sorted in its first n.
 */
void		oba_mk_sums(const double *y, size_t n, double *scratch,
						double *s, double *var_s, double *tau, double *tied_pairs);

/* The Sen interval ranks (Gilbert 1987, as trend::sens.slope). */
void		oba_sen_ranks(double pairs, double var_s, double *c, double *lo, double *up);

/* P(T <= q) for Kendall's statistic T (concordant pairs), no ties; n < 50. */
double		oba_kendall_cdf(double q, int n, const oba_allocator *a);

/*
 * Fewer than 3 values: only n is defined. Time O(n log n), memory O(n)
 * (about 120 bytes a value); the Sen slopes are the order statistics of the
 * n(n-1)/2 pairwise slopes without listing them (trend.c).
 */
int			oba_mann_kendall(const double *t, const double *y, size_t n,
							 const oba_allocator *a, oba_mk_result *out, oba_error *err);

/* ---- Mann-Kendall for autocorrelated and seasonal series (sections 10.1 to 10.3) ---- */

typedef struct oba_mk_hamed_rao_result
{
	double		n;
	double		s;
	double		var_s;			/* tie-corrected, before the correction */
	double		sen_slope;
	double		lags;			/* lags examined: n - 1, or max_lag when fewer */
	double		lags_significant;	/* |r_k| > qnorm(1 - alpha/2) / sqrt(n) */
	double		correction;		/* n/n* = 1 + 2/(n(n-1)(n-2)) sum (n-k)(n-k-1)(n-k-2) r_k */
	double		n_effective;	/* n* = n / correction, when positive */
	double		var_s_corrected;	/* var_s * correction */
	double		z;				/* continuity-corrected, on the corrected variance */
	double		p;
} oba_mk_hamed_rao_result;

/*
 * Hamed and Rao (1998): r_k the autocorrelations of the ranks of
 * y - sen_slope (t - t_1); max_lag 0 for every lag. Fewer than 3 values: n
 * only. O(n log n) time (the autocorrelations by FFT when n * lags > 2^24).
 */
int			oba_mk_hamed_rao(const double *t, const double *y, size_t n, double alpha,
							 size_t max_lag, const oba_allocator *a,
							 oba_mk_hamed_rao_result *out, oba_error *err);

/*
 * r_k, k = 1 .. lags (at most n - 1), of a centred series z, as R's acf:
 * method 1 sums directly, 2 by FFT, 0 chooses (directly up to 2^24
 * products). NaN when z is all 0; -1 when out of memory.
 */
int			oba_autocorrelation(const double *z, size_t n, size_t lags, int method,
								const oba_allocator *a, double *r);

typedef struct oba_mk_prewhitened_result
{
	double		n;
	double		n_prewhitened;	/* n - 1 */
	double		lag1;			/* r1 of y - sen_slope (t - t_1); NaN when that is constant */
	double		s;				/* of the pre-whitened series with the trend put back */
	double		var_s;
	double		z;
	double		p;
	double		sen_slope;		/* of the series itself */
} oba_mk_prewhitened_result;

/* Yue and Wang (2002), trend-free pre-whitening. Fewer than 4 values: n only. */
int			oba_mk_prewhitened(const double *t, const double *y, size_t n,
							   const oba_allocator *a, oba_mk_prewhitened_result *out,
							   oba_error *err);

typedef struct oba_seasonal_mk_result
{
	double		n;
	double		seasons;		/* seasons with 2 values or more */
	double		s;				/* sum of the seasons' S */
	double		var_s;			/* sum of their tie-corrected variances */
	double		z;
	double		p;
	double		tau;			/* s / sen_pairs */
	double		sen_slope;		/* median of every within-season pairwise slope */
	double		sen_pairs;		/* the within-season pairs */
} oba_seasonal_mk_result;

/*
 * Hirsch, Slack and Smith (1982). t, y and season (any numbers naming the
 * seasons) in time order. No season with 2 values: n and seasons only.
 */
int			oba_seasonal_mann_kendall(const double *t, const double *y, const double *season,
									  size_t n, const oba_allocator *a,
									  oba_seasonal_mk_result *out, oba_error *err);

/* ---- ordinary least squares (section 13) ---- */

typedef struct oba_ols
{
	double		n;
	double		df;				/* n - 2 */
	double		intercept;
	double		slope;
	double		se_intercept;
	double		se_slope;
	double		t_slope;
	double		p_slope;
	double		sigma;			/* residual standard error */
	double		r_squared;
	double		t_mean;			/* what a prediction needs */
	double		sxx;
	double		rss;
} oba_ols;

/* Centred sums, so that constant input gives exact zeros. */
void		oba_ols_fit(const double *t, const double *y, size_t n, oba_ols *out);

/* At t0: the fit, and the confidence (mean) and prediction (new value) intervals. */
void		oba_ols_predict(const oba_ols *f, double t0, double confidence,
							double *fit, double *ci_lower, double *ci_upper,
							double *pi_lower, double *pi_upper, double *se_pred);

/* 2 P(T_df > |t|), 0 for an infinite t; NaN for an undefined t. */
double		oba_t_two_sided_p(double t, double df);

/* ---- interrupted time series (section 14) ---- */

typedef struct oba_its
{
	double		n;
	double		n_pre;
	double		n_post;
	double		df;				/* n - 4 */
	double		break_t;
	double		est[4];			/* intercept, pre slope, level change, slope change */
	double		se[4];
	double		tval[4];
	double		p[4];
	double		post_slope;
	double		post_slope_se;
	double		effect;			/* level change + slope change (t_last - break) */
	double		effect_se;
	double		effect_p;
	double		sigma;
	double		vcov[4][4];		/* s^2 (X'X)^-1 */
} oba_its;

enum
{
	OBA_ITS_INTERCEPT = 0, OBA_ITS_PRE_SLOPE, OBA_ITS_LEVEL_CHANGE, OBA_ITS_SLOPE_CHANGE
};

/*
 * y = b0 + b1 t + b2 P + b3 (t - break) P + e, P = 1[t >= break], by least
 * squares (Householder QR). Needs 2 points on each side and n >= 5, else
 * every estimate is NaN (the counts are still set).
 */
int			oba_its_fit(const double *t, const double *y, size_t n, double break_t,
						const oba_allocator *a, oba_its *out, oba_error *err);

/* ---- change points (sections 14.1 and 14.2) ---- */

typedef struct oba_pettitt_result
{
	double		n;
	double		u;				/* U_t at the break: > 0 when the values after are lower */
	double		k;				/* K = max |U_t| */
	double		p;				/* min(1, 2 exp(-6 K^2 / (n^3 + n^2))) */
	double		break_index;	/* t, 1-based: the last value before the change */
	double		t_before;		/* its time */
	double		t_after;		/* the next time: the first after the change */
} oba_pettitt_result;

/* Pettitt (1979). Fewer than 3 values: n only; K = 0: no break (NaN). */
int			oba_pettitt(const double *t, const double *y, size_t n, const oba_allocator *a,
						oba_pettitt_result *out, oba_error *err);

typedef struct oba_broken_line_result
{
	double		n;
	double		df;				/* n - 4 */
	double		n_before;		/* t <= psi */
	double		n_after;
	double		psi;			/* the breakpoint */
	double		psi_se;
	double		psi_lower;		/* psi -+ qt(0.975, df) psi_se */
	double		psi_upper;
	double		intercept;
	double		intercept_se;
	double		slope_before;
	double		slope_before_se;
	double		slope_after;
	double		slope_after_se;
	double		slope_change;
	double		slope_change_se;
	double		sigma;
	double		davies_p;		/* Davies' test of a change in slope, k = 10 */
} oba_broken_line_result;

/*
 * y = b0 + b1 t + b2 (t - psi)+ with psi the least-squares breakpoint in
 * [t_(h), t_(n-h+1)], h = min_segment (>= 2); covariance as R segmented.
 * n < 5, n < 2h or the values on one line: NaN estimates (davies_p needs
 * n >= 5 only). O(n) after sorting.
 */
int			oba_broken_line(const double *t, const double *y, size_t n, int min_segment,
							const oba_allocator *a, oba_broken_line_result *out,
							oba_error *err);

/* ---- chi-squared test for trend in proportions (section 12) ---- */

typedef struct oba_chisq_trend_result
{
	double		k;
	double		x2;
	double		p_value;
} oba_chisq_trend_result;

/* Armitage's form, as R prop.trend.test(x, n, score); NaN when p-bar is 0 or 1. */
void		oba_chisq_trend(const double *x, const double *n, const double *score,
							size_t k, oba_chisq_trend_result *out);

/*
 * The same test with any score on each row, ties allowed, as R
 * prop.trend.test(x, n, score) with score given: the statistic needs only
 * the n-weighted means, the sum of squared deviations of the scores and
 * their co-moment with the proportions x/n, so the state is a fixed set of
 * numbers kept by a weighted Welford update (West 1979) of the scores less
 * the first (shift), and two states merge by Chan's formula. Rows in any
 * order; rows with equal scores could as well be one row with their sums.
 */
typedef struct oba_chisq_score_state
{
	double		rows;
	double		total;			/* sum of n */
	double		successes;		/* sum of x */
	double		shift;			/* the first score; 0 while empty */
	double		mean_score;		/* n-weighted mean of score - shift */
	double		mean_prop;		/* n-weighted mean of x/n */
	double		m2_score;		/* sum of n (score - mean)^2 */
	double		co_moment;		/* sum of n (score - mean)(x/n - mean_prop) */
} oba_chisq_score_state;

void		oba_chisq_score_init(oba_chisq_score_state *s);

/*
 * Adds a row: score finite, successes >= 0, total > 0, successes <= total
 * (an error naming the value otherwise; OBA_ERANGE when a sum overflows).
 */
int			oba_chisq_score_add(oba_chisq_score_state *s, double score, double successes,
								double total, oba_error *err);
int			oba_chisq_score_combine(oba_chisq_score_state *a, const oba_chisq_score_state *b,
									oba_error *err);
/* A state from outside (a text round trip): every field sane. */
int			oba_chisq_score_check_state(const oba_chisq_score_state *s, oba_error *err);

/*
 * k = rows, X2 and its p-value (1 df); X2 NaN when p-bar is 0 or 1 or
 * every score is the same (R: NA).
 */
void		oba_chisq_score_result(const oba_chisq_score_state *s, oba_chisq_trend_result *out);

/* ---- the Fingertips "recent trend" marker (section 9) ---- */

#define OBA_TREND_FINGERTIPS	0	/* the service's constants (default) */
#define OBA_TREND_DHSC			1	/* the DHSC R port's */

/* The Fingertips rule uses 5 points; up to this many may be asked for. */
#define OBA_RECENT_MAX_POINTS	20

typedef struct oba_recent_trend
{
	int			points;			/* points used (the last `points`), 0 if too few */
	double		chi2;
	double		p_value;
	double		slope;			/* logit slope (proportions) or CI-weighted slope */
	char		loo_signs[3 * OBA_RECENT_MAX_POINTS + 1];	/* e.g. "++++-"; "" when undefined */
	int			significant;	/* chi2 > threshold */
	int			outlier_found;	/* a leave-one-out slope changes sign */
	const char *trend;			/* increasing | decreasing | no significant change | cannot be calculated */
	const char *marker;			/* trend with the polarity: "increasing and getting better" ... */
} oba_recent_trend;

/*
 * rows: n records of (t, successes, total) sorted by t, NaN for an invalid
 * point. The last `points` must be valid and consecutive (an invalid point
 * breaks the run); with fewer, "cannot be calculated".
 */
int			oba_recent_trend_proportion(const double *rows, size_t n, int points,
										int polarity, int variant,
										oba_recent_trend *out, oba_error *err);

/* rows: n records of (t, value, lower95, upper95): CI-weighted regression. */
int			oba_recent_trend_ci(const double *rows, size_t n, int points,
								int polarity, int variant,
								oba_recent_trend *out, oba_error *err);

#endif							/* OBA_TREND_H */
