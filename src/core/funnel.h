/*
 * funnel.h: funnel plot control limits and significance (Spiegelhalter 2005),
 * as PHEindicatormethods calculate_funnel_limits and
 * assign_funnel_significance (METHODS.md section 6).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_FUNNEL_H
#define OBA_FUNNEL_H

#include "oba_core.h"

#define OBA_FUNNEL_POINTS 100

typedef enum oba_funnel_statistic
{
	OBA_FUNNEL_PROPORTION,
	OBA_FUNNEL_RATIO,
	OBA_FUNNEL_RATE,			/* crude rate */
	OBA_FUNNEL_DSR				/* directly standardised rate */
} oba_funnel_statistic;

/* "proportion", "ratio", "rate" or "dsr"; an error naming the value otherwise. */
int			oba_funnel_statistic_parse(const char *s, oba_funnel_statistic *out, oba_error *err);

/* The default multiplier: 100 (proportion), 1 (ratio), 10000 (rate), 100000 (dsr). */
double		oba_funnel_default_per(oba_funnel_statistic stat);

typedef struct oba_funnel_point
{
	double		lower_2s;		/* 95% (p = 0.025 each side) */
	double		upper_2s;
	double		lower_3s;		/* 99.8% (p = 0.001 each side) */
	double		upper_3s;
	double		baseline;		/* average x per; NaN for ratios (centre 1 x per) */
	/* ratio: the expected count of each limit; rate: its population per year */
	double		lower_2s_denominator;
	double		upper_2s_denominator;
	double		lower_3s_denominator;
	double		upper_3s_denominator;
} oba_funnel_point;

/*
 * The limits at axis value x: the population for a proportion, the observed
 * count for a ratio or a rate. average is the funnel centre on the scale of
 * 1 (ignored for ratios); years_of_data scales the rate denominators.
 */
int			oba_funnel_limits(oba_funnel_statistic stat, double x, double average,
							  double per, double years_of_data,
							  oba_funnel_point *out, oba_error *err);

/*
 * The package's 100 axis values from the smallest and largest (derived)
 * denominators of the records; for rates also the average and years_of_data.
 */
int			oba_funnel_axis(oba_funnel_statistic stat, double min_denominator,
							double max_denominator, double average, double years_of_data,
							double axis[OBA_FUNNEL_POINTS], oba_error *err);

/*
 * The derived denominator of a record: for a rate, per x numerator / rate
 * when the numerator is positive and a rate is given (rate NaN = not given),
 * else the denominator; for a dsr with numerator 0, NaN (left out of the
 * average and the axis); otherwise the denominator.
 */
int			oba_funnel_denominator(oba_funnel_statistic stat, double numerator,
								   double denominator, double rate, double per,
								   double *out, oba_error *err);

/*
 * Where a record is drawn on a funnel plot, on the axes of the limits, as
 * PHEindicatormethods calculate_funnel_points does for rates: *value on the
 * per scale and *denominator the x of the chart. proportion: (denominator,
 * numerator / denominator x per). ratio: (the expected count denominator,
 * numerator / denominator x per). rate and dsr: (the record's derived
 * denominator, as oba_funnel_denominator, per year of years_of_data; the
 * rate given, or per x numerator / denominator when none is given (crude
 * rates only)). A dsr with fewer than 10 events is blanked: both NaN, as the
 * package blanks it. NaN rate or denominator: not given; an output that
 * needs one is NaN.
 */
int			oba_funnel_chart_point(oba_funnel_statistic stat, double numerator,
								   double denominator, double rate, double per,
								   double years_of_data, double *chart_denominator,
								   double *value, oba_error *err);

/*
 * The significance label of one record: "High (0.001)", "High (0.025)",
 * "Low (0.001)", "Low (0.025)", "Not significant", or for a dsr with fewer
 * than 10 events "Not applicable for events less than 10 for dsrs".
 * denominator is the expected count for a ratio, the derived denominator for
 * a rate. Returns NULL after filling err on invalid input.
 */
const char *oba_funnel_significance(oba_funnel_statistic stat, double numerator,
									double denominator, double average, oba_error *err);

#endif							/* OBA_FUNNEL_H */
