/*
 * better_off.c: the share of measured clients whose score moved in the good
 * direction between two assessments (ASQ-3, a parent-confidence scale...),
 * with the Wilson score interval of oba.proportion (Wilson 1927).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "better_off.h"

#include <math.h>
#include <string.h>

int
oba_better_off_polarity(const char *s, size_t len, int *polarity, oba_error *err)
{
	oba_polarity p;

	if (oba_polarity_parse(err, "polarity", s, len, &p) != 0)
		return oba_fail(err, OBA_EINVAL,
						"polarity must be higher_is_better or lower_is_better, got \"%.*s\"",
						len > 64 ? 64 : (int) len, s);
	if (p == OBA_NEUTRAL)
		return oba_fail(err, OBA_EINVAL,
						"polarity neutral has no better or worse: give higher_is_better or lower_is_better");
	*polarity = p;
	return 0;
}

int
oba_better_off_check_min_change(double min_change, oba_error *err)
{
	return oba_check_nonnegative(err, "min_change", min_change);
}

int
oba_better_off_classify(double before, double after, int polarity,
						double min_change, int *out, oba_error *err)
{
	double		gain;

	if (oba_check_finite(err, "before", before) != 0 ||
		oba_check_finite(err, "after", after) != 0)
		return -1;
	gain = polarity * (after - before);
	if (gain > 0 && gain >= min_change)
		*out = 1;
	else if (gain < 0 && -gain >= min_change)
		*out = -1;
	else
		*out = 0;
	return 0;
}

int
oba_better_off_result(double better, double same, double worse, double not_measured,
					  double confidence, oba_better_off *out, oba_error *err)
{
	if (oba_check_nonnegative(err, "better", better) != 0 ||
		oba_check_nonnegative(err, "same", same) != 0 ||
		oba_check_nonnegative(err, "worse", worse) != 0 ||
		oba_check_nonnegative(err, "not_measured", not_measured) != 0 ||
		oba_check_confidence(err, confidence) != 0)
		return -1;
	out->better = better;
	out->same = same;
	out->worse = worse;
	out->not_measured = not_measured;
	out->measured = better + same + worse;
	if (out->measured == 0)
	{
		out->pct_better = out->lower = out->upper = NAN;
		return 0;
	}
	oba_wilson_limits(better, out->measured, confidence, &out->lower, &out->upper);
	out->pct_better = better / out->measured * 100.0;
	out->lower *= 100.0;
	out->upper *= 100.0;
	return 0;
}
