/*
 * common.c: error reporting and the argument checks every family shares.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_core.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

oba_interrupt_fn oba_interrupt_hook = NULL;

/* 2^53: the first integer beyond which float8 cannot hold every integer. */
#define OBA_EXACT_LIMIT 9007199254740992.0

int
oba_fail(oba_error *err, oba_errcode code, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return -1;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

int
oba_check_finite(oba_error *err, const char *arg, double v)
{
	if (isnan(v))
		return oba_fail(err, OBA_EINVAL, "%s must be finite, got NaN", arg);
	if (isinf(v))
		return oba_fail(err, OBA_EINVAL, "%s must be finite, got %sInfinity",
						arg, v < 0 ? "-" : "");
	return 0;
}

int
oba_check_nonnegative(oba_error *err, const char *arg, double v)
{
	if (oba_check_finite(err, arg, v) != 0)
		return -1;
	if (v < 0.0)
		return oba_fail(err, OBA_EINVAL, "%s must not be negative, got %.15g", arg, v);
	return 0;
}

int
oba_check_positive(oba_error *err, const char *arg, double v)
{
	if (oba_check_finite(err, arg, v) != 0)
		return -1;
	if (v <= 0.0)
		return oba_fail(err, OBA_EINVAL, "%s must be greater than 0, got %.15g", arg, v);
	return 0;
}

int
oba_check_confidence(oba_error *err, double confidence)
{
	if (oba_check_finite(err, "confidence", confidence) != 0)
		return -1;
	if (!(confidence > 0.0 && confidence < 1.0))
		return oba_fail(err, OBA_EINVAL,
						"confidence must be between 0 and 1 (exclusive), got %.15g",
						confidence);
	return 0;
}

int
oba_is_exact_count(double v)
{
	return isfinite(v) && v == floor(v) && fabs(v) < OBA_EXACT_LIMIT;
}

int
oba_polarity_parse(oba_error *err, const char *arg, const char *text, size_t len,
				   oba_polarity *out)
{
	static const oba_polarity all[] = {OBA_HIGHER_IS_BETTER, OBA_LOWER_IS_BETTER, OBA_NEUTRAL};
	size_t		i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
	{
		const char *name = oba_polarity_name(all[i]);

		if (strlen(name) == len && memcmp(name, text, len) == 0)
		{
			*out = all[i];
			return 0;
		}
	}
	return oba_fail(err, OBA_EINVAL,
					"%s must be higher_is_better, lower_is_better or neutral, got \"%.*s\"",
					arg, (int) (len > 64 ? 64 : len), text);
}

const char *
oba_polarity_name(oba_polarity p)
{
	return p > 0 ? "higher_is_better" : p < 0 ? "lower_is_better" : "neutral";
}
