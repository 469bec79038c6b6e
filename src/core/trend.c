/*
 * trend.c: trend tests on a series (METHODS.md sections 9 to 14).
 *  - Mann-Kendall (R cor.test(method = "kendall"), trend::mk.test) with the
 *    tie-corrected variance and continuity correction, and Sen's slope with
 *    Gilbert's rank interval (trend::sens.slope) and Conover's intercept (zyp);
 *  - ordinary least squares with confidence and prediction intervals (R lm,
 *    summary.lm, predict.lm), on centred sums;
 *  - interrupted time series by segmented regression (Wagner et al. 2002),
 *    by Householder QR as R lm;
 *  - the chi-squared test for trend in proportions (R prop.trend.test);
 *  - the Fingertips "recent trend" marker (TrendMarkerCalculator.cs).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "trend.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
xalloc(const oba_allocator *a, size_t size)
{
	return a->alloc(a->ctx, size == 0 ? 1 : size);
}

static void
xfree(const oba_allocator *a, void *p)
{
	if (p != NULL && a->release != NULL)
		a->release(a->ctx, p);
}

double
oba_t_two_sided_p(double t, double df)
{
	if (isnan(t) || !(df > 0))
		return NAN;
	if (isinf(t))
		return 0.0;
	return 2.0 * oba_pt(fabs(t), df, 0);
}

/* ---- Mann-Kendall and Sen's slope ------------------------------------------ */

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

void
oba_mk_sums(const double *y, size_t n, double *scratch, double *s_out, double *var_out,
			double *tau_out, double *tied_pairs)
{
	long long	s = 0;
	double		ties = 0.0,
				n1 = 0.0,
				n0 = (double) n * (n - 1) / 2.0,
				dn = (double) n;
	size_t		i,
				j;

	/* integer arithmetic: S is exact at any n */
	for (i = 0; i + 1 < n; i++)
		for (j = i + 1; j < n; j++)
			s += (y[j] > y[i]) - (y[j] < y[i]);

	/* tie groups in y: sizes t_g */
	memcpy(scratch, y, sizeof(double) * n);
	qsort(scratch, n, sizeof(double), cmp_double);
	for (i = 0; i < n; i = j)
	{
		double		tg;

		for (j = i + 1; j < n && scratch[j] == scratch[i]; j++)
			;
		tg = (double) (j - i);
		if (tg > 1)
		{
			ties += tg * (tg - 1) * (2 * tg + 5);
			n1 += tg * (tg - 1) / 2.0;
		}
	}
	*s_out = (double) s;
	*var_out = (dn * (dn - 1) * (2 * dn + 5) - ties) / 18.0;
	/* tau-b; every value equal leaves nothing to correlate: defined as 0 */
	*tau_out = (n0 - n1) > 0 ? (double) s / sqrt((n0 - n1) * n0) : 0.0;
	*tied_pairs = n1;
}

void
oba_sen_ranks(double pairs, double var_s, double *c, double *lo, double *up)
{
	*c = oba_qnorm(0.975) * sqrt(var_s);
	*lo = oba_round_half_even((pairs - *c) / 2.0);
	*up = oba_round_half_even((pairs + *c) / 2.0 + 1.0);
}

/*
 * c(k, n), the number of permutations of n with k inversions (R's ckendall):
 * c(k, m) = sum_{i=0}^{min(k, m-1)} c(k - i, m - 1), c(0, 1) = 1, computed
 * for k <= q only with the equivalent recurrence
 * c(k, m) = c(k - 1, m) + c(k, m - 1) - c(k - m, m - 1), every term of the
 * lower tail; then P(T <= q) = sum_{k<=q} c(k, n)/n!. O(n q), not O(n^4).
 */
double
oba_kendall_cdf(double q, int n, const oba_allocator *a)
{
	int			u = n * (n - 1) / 2,
				m,
				k,
				kmax;
	double	   *cur,
			   *nxt,
				sum = 0.0,
				fact = 1.0;

	q = floor(q + 1e-7);
	if (q < 0)
		return 0.0;
	if (q >= u)
		return 1.0;
	kmax = (int) q;
	cur = xalloc(a, sizeof(double) * (kmax + 1));
	nxt = xalloc(a, sizeof(double) * (kmax + 1));
	if (cur == NULL || nxt == NULL)
	{
		xfree(a, cur);
		xfree(a, nxt);
		return NAN;
	}
	for (k = 0; k <= kmax; k++)
		cur[k] = k == 0 ? 1.0 : 0.0;
	for (m = 2; m <= n; m++)
	{
		double	   *tmp;

		for (k = 0; k <= kmax; k++)
		{
			double		c = cur[k];

			if (k > 0)
				c += nxt[k - 1];
			if (k >= m)
				c -= cur[k - m];
			nxt[k] = c;
		}
		tmp = cur;
		cur = nxt;
		nxt = tmp;
	}
	for (k = 0; k <= kmax; k++)
		sum += cur[k];
	for (m = 2; m <= n; m++)
		fact *= m;
	xfree(a, cur);
	xfree(a, nxt);
	return sum / fact;
}

int
oba_mann_kendall(const double *t, const double *y, size_t n, const oba_allocator *a,
				 oba_mk_result *out, oba_error *err)
{
	double		pairs,
			   *d,
			   *scratch,
				tied;
	size_t		i,
				j,
				k;

	out->n = (double) n;
	out->s = out->var_s = out->z = out->p = out->tau = NAN;
	out->z_nocc = out->p_nocc = out->p_exact = NAN;
	out->sen_slope = out->sen_intercept = out->sen_pairs = out->sen_c = NAN;
	out->sen_rank_lower = out->sen_rank_upper = out->sen_lower = out->sen_upper = NAN;
	if (n < 3)
		return 0;				/* mk.test needs 3 values */

	pairs = (double) n * (n - 1) / 2.0;
	/* Sen's slope holds every pairwise slope: allocate first, fail early */
	d = xalloc(a, sizeof(double) * (size_t) pairs);
	scratch = xalloc(a, sizeof(double) * n);
	if (d == NULL || scratch == NULL)
	{
		xfree(a, d);
		xfree(a, scratch);
		return oba_fail(err, OBA_ENOMEM,
						"Sen's slope needs %.0f pairwise slopes for %zu values: out of memory",
						pairs, n);
	}

	oba_mk_sums(y, n, scratch, &out->s, &out->var_s, &out->tau, &tied);
	if (out->var_s > 0)
	{
		double		sd = sqrt(out->var_s);

		out->z = out->s > 0 ? (out->s - 1) / sd : out->s < 0 ? (out->s + 1) / sd : 0.0;
		out->z_nocc = out->s / sd;
		out->p = 2.0 * oba_pnorm(-fabs(out->z));
		out->p_nocc = 2.0 * oba_pnorm(-fabs(out->z_nocc));
	}
	else
	{
		/* every value equal: no variation (METHODS.md section 10) */
		out->z = out->z_nocc = 0.0;
		out->p = out->p_nocc = 1.0;
	}

	/* exact p: no ties in y and n < 50 (R cor.test) */
	if (n < 50 && tied == 0)
	{
		/* q = round((tau + 1) n (n - 1)/4): the concordant pairs, an integer */
		double		q = (out->s + pairs) / 2.0,
					p;

		if (q > pairs / 2.0)
			/* the upper tail by symmetry, rather than R's 1 - P(T <= q - 1) */
			p = oba_kendall_cdf(pairs - q, (int) n, a);
		else
			p = oba_kendall_cdf(q, (int) n, a);
		out->p_exact = fmin(1.0, 2.0 * p);
	}

	/* Sen: pairwise slopes on the actual times */
	k = 0;
	for (i = 0; i + 1 < n; i++)
		for (j = i + 1; j < n; j++)
			d[k++] = (y[j] - y[i]) / (t[j] - t[i]);
	out->sen_pairs = pairs;
	out->sen_slope = oba_median(d, k);
	oba_sen_ranks(pairs, out->var_s, &out->sen_c, &out->sen_rank_lower,
				  &out->sen_rank_upper);
	if (out->sen_rank_lower >= 1 && out->sen_rank_upper <= pairs)
	{
		out->sen_lower = oba_select(d, k, (size_t) out->sen_rank_lower - 1);
		out->sen_upper = oba_select(d, k, (size_t) out->sen_rank_upper - 1);
	}
	for (i = 0; i < n; i++)
		scratch[i] = y[i] - out->sen_slope * t[i];
	out->sen_intercept = oba_median(scratch, n);

	xfree(a, d);
	xfree(a, scratch);
	return 0;
}

/* ---- ordinary least squares ------------------------------------------------- */

void
oba_ols_fit(const double *t, const double *y, size_t n, oba_ols *f)
{
	double		st = 0,
				sy = 0,
				sxx = 0,
				sxy = 0,
				syy = 0,
				rss = 0,
				mt,
				my;
	size_t		i;

	f->n = (double) n;
	f->df = (double) n - 2;
	f->intercept = f->slope = f->se_intercept = f->se_slope = NAN;
	f->t_slope = f->p_slope = f->sigma = f->r_squared = NAN;
	f->t_mean = f->sxx = f->rss = NAN;
	if (n < 2)
		return;

	/*
	 * Means shifted by the first value, so a constant column has its exact
	 * value as mean and every centred term is an exact 0.
	 */
	for (i = 0; i < n; i++)
	{
		st += t[i] - t[0];
		sy += y[i] - y[0];
	}
	mt = t[0] + st / n;
	my = y[0] + sy / n;
	for (i = 0; i < n; i++)
	{
		double		dt = t[i] - mt,
					dy = y[i] - my;

		sxx += dt * dt;
		sxy += dt * dy;
		syy += dy * dy;
	}
	f->slope = sxy / sxx;
	f->intercept = my - f->slope * mt;
	f->t_mean = mt;
	f->sxx = sxx;
	for (i = 0; i < n; i++)
	{
		double		e = (y[i] - my) - f->slope * (t[i] - mt);

		rss += e * e;
	}
	f->rss = rss;
	if (n < 3)
		return;					/* two points: the line only */

	f->sigma = sqrt(rss / f->df);
	f->se_slope = f->sigma / sqrt(sxx);
	f->se_intercept = f->sigma * sqrt(1.0 / n + mt * mt / sxx);
	if (f->se_slope > 0)
		f->t_slope = f->slope / f->se_slope;
	else if (f->slope != 0)
		f->t_slope = f->slope > 0 ? INFINITY : -INFINITY;	/* an exact line */
	/* else constant y: t undefined */
	f->p_slope = oba_t_two_sided_p(f->t_slope, f->df);
	if (syy > 0)
		f->r_squared = 1.0 - rss / syy;
}

void
oba_ols_predict(const oba_ols *f, double t0, double confidence, double *fit,
				double *ci_lower, double *ci_upper, double *pi_lower, double *pi_upper,
				double *se_pred)
{
	double		dt = t0 - f->t_mean,
				q,
				se_mean,
				se_new;

	*fit = f->intercept + f->slope * t0;
	*ci_lower = *ci_upper = *pi_lower = *pi_upper = *se_pred = NAN;
	if (isnan(*fit) || !(f->df > 0))
		return;
	q = oba_qt(confidence + (1.0 - confidence) / 2.0, f->df);
	se_mean = f->sigma * sqrt(1.0 / f->n + dt * dt / f->sxx);
	se_new = f->sigma * sqrt(1.0 + 1.0 / f->n + dt * dt / f->sxx);
	*ci_lower = *fit - q * se_mean;
	*ci_upper = *fit + q * se_mean;
	*pi_lower = *fit - q * se_new;
	*pi_upper = *fit + q * se_new;
	*se_pred = se_new;
}

/* ---- interrupted time series ----------------------------------------------- */

/*
 * Least squares of y on the p columns of X (n x p, column-major; both are
 * overwritten) by Householder QR, as R's lm (LINPACK dqrdc2) does. Fills beta,
 * the residual sum of squares and the upper-triangular inverse of R, so that
 * (X'X)^-1 = Rinv Rinv'. Returns -1 when X is rank deficient.
 */
#define OBA_LSQ_MAXP 4

static int
lsq_qr(double *X, double *y, size_t n, int p, double *beta, double *rss,
	   double rinv[OBA_LSQ_MAXP][OBA_LSQ_MAXP])
{
	int			j,
				c,
				r;
	size_t		i;

	for (j = 0; j < p; j++)
	{
		double	   *xj = X + (size_t) j * n;
		double		norm = 0,
					colnorm = 0,
					alpha,
					vnorm2;

		for (i = 0; i < n; i++)
			colnorm += xj[i] * xj[i];
		for (i = j; i < n; i++)
			norm += xj[i] * xj[i];
		norm = sqrt(norm);
		if (!(norm > 1e-10 * sqrt(colnorm)))
			return -1;
		alpha = xj[j] > 0 ? -norm : norm;
		/* v = x - alpha e_j, stored in place of column j below the diagonal */
		xj[j] -= alpha;
		vnorm2 = 0;
		for (i = j; i < n; i++)
			vnorm2 += xj[i] * xj[i];
		/* apply H = I - 2 v v'/v'v to the later columns and to y */
		for (c = j + 1; c <= p; c++)
		{
			double	   *xc = c < p ? X + (size_t) c * n : y;
			double		dot = 0;

			for (i = j; i < n; i++)
				dot += xj[i] * xc[i];
			dot = 2 * dot / vnorm2;
			for (i = j; i < n; i++)
				xc[i] -= dot * xj[i];
		}
		xj[j] = alpha;			/* R[j][j]; the rest of v is no longer needed */
	}
	/* beta = R^-1 (Q'y)[0..p) */
	for (r = p - 1; r >= 0; r--)
	{
		double		s = y[r];

		for (c = r + 1; c < p; c++)
			s -= X[(size_t) c * n + r] * beta[c];
		beta[r] = s / X[(size_t) r * n + r];
	}
	*rss = 0;
	for (i = p; i < n; i++)
		*rss += y[i] * y[i];
	/* Rinv, upper triangular, by back substitution column by column */
	for (c = 0; c < p; c++)
	{
		for (r = p - 1; r >= 0; r--)
		{
			double		s = (r == c) ? 1.0 : 0.0;
			int			k;

			if (r > c)
			{
				rinv[r][c] = 0;
				continue;
			}
			for (k = r + 1; k <= c; k++)
				s -= X[(size_t) k * n + r] * rinv[k][c];
			rinv[r][c] = s / X[(size_t) r * n + r];
		}
	}
	return 0;
}

int
oba_its_fit(const double *t, const double *y, size_t n, double break_t,
			const oba_allocator *a, oba_its *out, oba_error *err)
{
	double	   *X,
			   *yy,
				beta[4],
				rss,
				rinv[OBA_LSQ_MAXP][OBA_LSQ_MAXP],
				v[4][4],
				s2,
				d;
	size_t		i;
	int			r,
				c,
				k;

	memset(out, 0, sizeof(*out));
	out->n = (double) n;
	out->break_t = break_t;
	for (i = 0; i < n; i++)
	{
		if (t[i] < break_t)
			out->n_pre++;
		else
			out->n_post++;
	}
	out->df = (double) n - 4;
	for (r = 0; r < 4; r++)
	{
		out->est[r] = out->se[r] = out->tval[r] = out->p[r] = NAN;
		for (c = 0; c < 4; c++)
			out->vcov[r][c] = NAN;
	}
	out->post_slope = out->post_slope_se = NAN;
	out->effect = out->effect_se = out->effect_p = out->sigma = NAN;
	if (out->n_pre < 2 || out->n_post < 2 || n < 5)
		return 0;

	/* columns 1, t - break, P, (t - break) P: time centred at the break */
	X = xalloc(a, sizeof(double) * n * 4);
	yy = xalloc(a, sizeof(double) * n);
	if (X == NULL || yy == NULL)
	{
		xfree(a, X);
		xfree(a, yy);
		return oba_fail(err, OBA_ENOMEM, "out of memory for %zu points", n);
	}
	for (i = 0; i < n; i++)
	{
		double		post = t[i] >= break_t ? 1.0 : 0.0;

		X[i] = 1.0;
		X[n + i] = t[i] - break_t;
		X[2 * n + i] = post;
		X[3 * n + i] = (t[i] - break_t) * post;
		yy[i] = y[i];
	}
	r = lsq_qr(X, yy, n, 4, beta, &rss, rinv);
	xfree(a, X);
	xfree(a, yy);
	if (r != 0)
		return 0;				/* rank deficient: estimates undefined */

	s2 = rss / out->df;
	out->sigma = sqrt(s2);
	/* covariance of the centred coefficients: s^2 Rinv Rinv' */
	for (r = 0; r < 4; r++)
		for (c = 0; c < 4; c++)
		{
			double		s = 0;

			for (k = 0; k < 4; k++)
				s += rinv[r][k] * rinv[c][k];
			v[r][c] = s2 * s;
		}

	/* back to the intercept at t = 0: b0 = b0' - break * b1 */
	out->est[0] = beta[0] - break_t * beta[1];
	for (r = 1; r < 4; r++)
		out->est[r] = beta[r];
	for (r = 0; r < 4; r++)
		for (c = 0; c < 4; c++)
		{
			double		x = v[r][c];

			if (r == 0)
				x -= break_t * v[1][c];
			if (c == 0)
				x -= break_t * v[r][1];
			if (r == 0 && c == 0)
				x += break_t * break_t * v[1][1];
			out->vcov[r][c] = x;
		}
	for (r = 0; r < 4; r++)
	{
		out->se[r] = sqrt(fmax(0.0, out->vcov[r][r]));
		out->tval[r] = out->est[r] / out->se[r];
		out->p[r] = oba_t_two_sided_p(out->tval[r], out->df);
	}
	out->post_slope = beta[1] + beta[3];
	out->post_slope_se = sqrt(fmax(0.0, v[1][1] + v[3][3] + 2 * v[1][3]));
	d = t[n - 1] - break_t;
	out->effect = beta[2] + beta[3] * d;
	out->effect_se = sqrt(fmax(0.0, v[2][2] + d * d * v[3][3] + 2 * d * v[2][3]));
	out->effect_p = oba_t_two_sided_p(out->effect / out->effect_se, out->df);
	return 0;
}

/* ---- chi-squared test for trend in proportions ------------------------------ */

void
oba_chisq_trend(const double *x, const double *n, const double *score, size_t k,
				oba_chisq_trend_result *out)
{
	double		sx = 0,
				sn = 0,
				sns = 0,
				pbar,
				sbar,
				num = 0,
				den = 0;
	size_t		i;

	out->k = (double) k;
	out->x2 = out->p_value = NAN;
	if (k < 2)
		return;
	for (i = 0; i < k; i++)
	{
		sx += x[i];
		sn += n[i];
		sns += n[i] * score[i];
	}
	pbar = sx / sn;
	sbar = sns / sn;
	if (!(pbar > 0 && pbar < 1))
		return;					/* p-bar 0 or 1: 0/0 */
	/* centred scores: sum (s - sbar)(x - n pbar) = sum s (x - n pbar) */
	for (i = 0; i < k; i++)
	{
		double		ds = score[i] - sbar;

		num += ds * (x[i] - n[i] * pbar);
		den += n[i] * ds * ds;
	}
	if (!(den > 0))
		return;
	out->x2 = num * num / (pbar * (1 - pbar) * den);
	out->p_value = oba_pchisq(out->x2, 1, 0);
}

/* ---- Fingertips recent trend ------------------------------------------------ */

/* chi-squared at 0.998 (qnorm(0.999)^2): the service's literal, the R port's */
#define FINGERTIPS_THRESHOLD	9.54953570608324
#define DHSC_THRESHOLD			9.5495
/* 2 z for a 95% interval: the service's 3.92; the R port's 2 qnorm(0.975) */
#define FINGERTIPS_TWO_Z		3.92

static const char *const TREND_INCREASING = "increasing";
static const char *const TREND_DECREASING = "decreasing";
static const char *const TREND_NO_CHANGE = "no significant change";
static const char *const TREND_CANNOT = "cannot be calculated";

static const char *
trend_marker(const char *trend, int polarity)
{
	if (trend == TREND_INCREASING)
		return polarity > 0 ? "increasing and getting better" :
			polarity < 0 ? "increasing and getting worse" : TREND_INCREASING;
	if (trend == TREND_DECREASING)
		return polarity > 0 ? "decreasing and getting worse" :
			polarity < 0 ? "decreasing and getting better" : TREND_DECREASING;
	return trend;
}

/* Weighted least-squares slope of y on t (w = 1 for OLS), centred; NaN if undefined. */
static double
wls_slope(const double *t, const double *y, const double *w, size_t k, size_t skip,
		  double *sw_tt)
{
	double		sw = 0,
				swt = 0,
				swy = 0,
				tb,
				yb,
				num = 0,
				den = 0;
	size_t		i;

	for (i = 0; i < k; i++)
		if (i != skip)
		{
			sw += w[i];
			swt += w[i] * t[i];
			swy += w[i] * y[i];
		}
	tb = swt / sw;
	yb = swy / sw;
	for (i = 0; i < k; i++)
		if (i != skip)
		{
			num += w[i] * (t[i] - tb) * (y[i] - yb);
			den += w[i] * (t[i] - tb) * (t[i] - tb);
		}
	if (sw_tt != NULL)
		*sw_tt = den;
	return num / den;
}

static void
recent_init(oba_recent_trend *out, int points)
{
	out->points = points;
	out->chi2 = out->p_value = out->slope = NAN;
	out->loo_signs[0] = '\0';
	out->significant = 0;
	out->outlier_found = 0;
	out->trend = TREND_CANNOT;
	out->marker = TREND_CANNOT;
}

/*
 * The last `points` rows if they are all valid; else NULL and *run holds the
 * length of the valid run back from the latest row.
 */
static const double *
recent_window(const double *rows, size_t n, int width, int points, int *run)
{
	size_t		i;
	int			j;

	*run = 0;
	for (i = n; i > 0 && *run < points; i--)
	{
		const double *r = rows + (i - 1) * width;

		for (j = 1; j < width; j++)
			if (isnan(r[j]))
				break;
		if (j < width)
			break;
		(*run)++;
	}
	return *run == points ? rows + (n - points) * width : NULL;
}

/* Decision: significant, robust (leave-one-out signs), direction; then the marker. */
static void
recent_decide(oba_recent_trend *out, const double *t, const double *y, const double *w,
			  int k, int polarity, int variant)
{
	double		threshold = variant == OBA_TREND_DHSC ? DHSC_THRESHOLD : FINGERTIPS_THRESHOLD;
	int			full = out->slope > 0 ? 1 : out->slope < 0 ? -1 : 0,
				robust = 1,
				j;
	char	   *p = out->loo_signs;

	for (j = 0; j < k; j++)
	{
		double		b = wls_slope(t, y, w, (size_t) k, (size_t) j, NULL);
		int			sg;

		if (isnan(b))
		{
			p += sprintf(p, "NaN");
			robust = 0;
			continue;
		}
		sg = b > 0 ? 1 : b < 0 ? -1 : 0;
		*p++ = sg > 0 ? '+' : sg < 0 ? '-' : '0';
		*p = '\0';
		/* the service counts a slope of exactly 0 as positive; the R port as a change */
		if (sg == 0 && variant != OBA_TREND_DHSC)
			sg = 1;
		if (sg != full)
			robust = 0;
	}
	out->outlier_found = !robust;
	out->significant = out->chi2 > threshold;
	if (out->significant && robust && full != 0)
		out->trend = full > 0 ? TREND_INCREASING : TREND_DECREASING;
	else
		out->trend = TREND_NO_CHANGE;
	out->marker = trend_marker(out->trend, polarity);
}

int
oba_recent_trend_proportion(const double *rows, size_t n, int points, int polarity,
							int variant, oba_recent_trend *out, oba_error *err)
{
	double		x[OBA_RECENT_MAX_POINTS],
				dn[OBA_RECENT_MAX_POINTS],
				s[OBA_RECENT_MAX_POINTS],
				logit[OBA_RECENT_MAX_POINTS],
				one[OBA_RECENT_MAX_POINTS];
	const double *win;
	oba_chisq_trend_result ct;
	int			run,
				i,
				undefined = 0;

	if (points < 3 || points > OBA_RECENT_MAX_POINTS)
		return oba_fail(err, OBA_EINVAL, "points must be between 3 and %d, got %d",
						OBA_RECENT_MAX_POINTS, points);
	recent_init(out, 0);
	win = recent_window(rows, n, 3, points, &run);
	out->points = run;
	if (win == NULL)
		return 0;
	for (i = 0; i < points; i++)
	{
		x[i] = win[i * 3 + 1];
		dn[i] = win[i * 3 + 2];
		s[i] = i + 1;			/* scores are positions, not times */
		one[i] = 1.0;
		/* a logit of 0 or 1 is infinite: the slope is undefined */
		if (!(x[i] > 0 && x[i] < dn[i]))
			undefined = 1;
		else
			logit[i] = log(x[i] / (dn[i] - x[i]));
	}
	oba_chisq_trend(x, dn, s, (size_t) points, &ct);
	out->chi2 = ct.x2;
	out->p_value = ct.p_value;
	if (undefined || isnan(ct.x2))
	{
		out->significant = out->chi2 > (variant == OBA_TREND_DHSC ?
										DHSC_THRESHOLD : FINGERTIPS_THRESHOLD);
		return 0;				/* cannot be calculated */
	}
	out->slope = wls_slope(s, logit, one, (size_t) points, (size_t) -1, NULL);
	recent_decide(out, s, logit, one, points, polarity, variant);
	return 0;
}

int
oba_recent_trend_ci(const double *rows, size_t n, int points, int polarity, int variant,
					oba_recent_trend *out, oba_error *err)
{
	double		y[OBA_RECENT_MAX_POINTS],
				w[OBA_RECENT_MAX_POINTS],
				s[OBA_RECENT_MAX_POINTS],
				two_z,
				stt;
	const double *win;
	int			run,
				i;

	if (points < 3 || points > OBA_RECENT_MAX_POINTS)
		return oba_fail(err, OBA_EINVAL, "points must be between 3 and %d, got %d",
						OBA_RECENT_MAX_POINTS, points);
	recent_init(out, 0);
	win = recent_window(rows, n, 4, points, &run);
	out->points = run;
	if (win == NULL)
		return 0;
	two_z = variant == OBA_TREND_DHSC ? 2.0 * oba_qnorm(0.975) : FINGERTIPS_TWO_Z;
	for (i = 0; i < points; i++)
	{
		double		se = (win[i * 4 + 3] - win[i * 4 + 2]) / two_z;

		if (!(se > 0))
			return 0;			/* a zero-width interval: infinite weight */
		y[i] = win[i * 4 + 1];
		w[i] = 1.0 / (se * se);
		s[i] = i + 1;
	}
	/* known variances: Var(b) = 1 / sum w (t - tbar)^2, chi2 = b^2 / Var(b) */
	out->slope = wls_slope(s, y, w, (size_t) points, (size_t) -1, &stt);
	out->chi2 = out->slope * out->slope * stt;
	out->p_value = oba_pchisq(out->chi2, 1, 0);
	recent_decide(out, s, y, w, points, polarity, variant);
	return 0;
}
