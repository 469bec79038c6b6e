/*
 * better_off.h: "Is anyone better off?", the OBA performance measure counted
 * from clients' before and after scores (src/core/better_off.c).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_BETTER_OFF_H
#define OBA_BETTER_OFF_H

#include "oba_core.h"

#define OBA_HIGHER_IS_BETTER 1
#define OBA_LOWER_IS_BETTER (-1)

/* The counts and the percentage better with its Wilson interval; NaN = undefined. */
typedef struct oba_better_off
{
	double		measured;		/* better + same + worse */
	double		better;
	double		same;
	double		worse;
	double		pct_better;		/* 100 * better / measured */
	double		lower;
	double		upper;
	double		not_measured;	/* rows with a missing score */
} oba_better_off;

/*
 * Parse a polarity for better_off: higher_is_better or lower_is_better (s
 * need not be NUL-terminated). neutral is refused: nothing is better or worse.
 */
int			oba_better_off_polarity(const char *s, size_t len, int *polarity, oba_error *err);

int			oba_better_off_check_min_change(double min_change, oba_error *err);

/*
 * +1 better, 0 same, -1 worse. The change in the good direction must be at
 * least min_change, and not zero, to count as better (or worse).
 */
int			oba_better_off_classify(double before, double after, int polarity,
									double min_change, int *out, oba_error *err);

/* The result from the counts; pct_better and its limits NaN when measured is 0. */
int			oba_better_off_result(double better, double same, double worse,
								  double not_measured, double confidence,
								  oba_better_off *out, oba_error *err);

#endif							/* OBA_BETTER_OFF_H */
