/*
 * spc.h: NHS "Making Data Count" XmR charts, as NHSRplotthedots 0.2.2
 * ptd_spc() draws them (METHODS.md section 16).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_SPC_H
#define OBA_SPC_H

#include "series.h"

typedef struct oba_spc_options
{
	int			polarity;		/* +1 increase (higher is better), -1 decrease, 0 neutral */
	double		target;			/* NaN: no target */
	const double *rebase;		/* times that start a new group (any order) */
	size_t		n_rebase;
	int			fix_after;		/* 0: every point feeds the limits; else k >= 12 */
	int			screen_outliers;	/* drop moving ranges >= 3.267 AMR, once */
	int			run_length;		/* points in a shift or a trend: 7, or 6 */
	int			two_in_three_2023;	/* MDC's Nov 2023 rule: points beyond the limits count */
} oba_spc_options;

/* Default options: the package's defaults, higher is better, no target. */
void		oba_spc_defaults(oba_spc_options *o);

/* Checks fix_after, run_length and the rebase times (messages name the argument). */
int			oba_spc_check_options(const oba_spc_options *o, oba_error *err);

#define OBA_SPC_NA (-2)			/* an undefined flag (SQL NULL) */

typedef struct oba_spc_point
{
	double		t;
	double		value;			/* NaN: missing */
	int			group;			/* rebase group 0, 1, ... */
	double		mean;
	double		lpl;			/* process limits m -/+ 2.66 AMR */
	double		upl;
	double		nlpl;			/* two-sigma lines m -/+ 2 (2.66/3) AMR */
	double		nupl;
	double		amr;			/* average moving range after screening */
	int			outside_limits; /* 0, 1 or OBA_SPC_NA */
	int			relative_to_mean;	/* -1, 0, 1 or OBA_SPC_NA */
	int			close_to_limits;	/* 0, 1 or OBA_SPC_NA */
	const char *special_cause;	/* "Above UCL" ... "Common Cause" */
	const char *point_type;		/* special_cause_improvement ... common_cause */
	int			short_group_warning;	/* the group has fewer than 13 points */
	/* working flags of the rules */
	int			in_trend;
	int			in_two_in_three;
	int			in_shift;
} oba_spc_point;

/*
 * t, y: n points sorted by t with unique times, NaN for a missing value
 * (which keeps its row). Fills out[0..n); *assurance gets consistent_pass,
 * consistent_fail, inconsistent or NULL (no target, neutral polarity or
 * undefined limits); *variation the icon of the last point (improvement_high,
 * concern_low, improvement_low, concern_high, neutral_high, neutral_low,
 * common_cause), NULL when n = 0.
 */
int			oba_spc(const double *t, const double *y, size_t n, const oba_spc_options *o,
					const oba_allocator *a, oba_spc_point *out, const char **assurance,
					const char **variation, oba_error *err);

/*
 * The rules on one group, exposed for the package's unit vectors
 * (METHODS.md 16.12). part/flag receive 0/1 per point.
 *  - trend: every point of a window of run points whose run - 1 successive
 *    differences all have one sign (NaN breaks it);
 *  - shift: every point of a window of run points with one non-zero side
 *    (side -1/0/1, OBA_SPC_NA breaks it);
 *  - two in three: the close points of any window of 3 on one side with at
 *    least two close (close 0/1, OBA_SPC_NA breaks it).
 */
void		oba_spc_trend_rule(const double *y, size_t n, int run, int *part);
void		oba_spc_shift_rule(const int *side, size_t n, int run, int *part);
void		oba_spc_two_in_three_rule(const int *close, const int *side, size_t n, int *flag);

#endif							/* OBA_SPC_H */
