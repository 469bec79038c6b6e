/*
 * sii.h: the slope and relative index of inequality across quantiles of
 * deprivation, with limits by simulation (METHODS.md 19; PHEindicatormethods
 * phe_sii; Low & Low 2004).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_SII_H
#define OBA_SII_H

#include "oba_core.h"

#include <stdint.h>

/* The package's range of quantiles; more is refused (54000 in SQL), fewer gives no estimate. */
#define OBA_SII_MIN_QUANTILES 5
#define OBA_SII_MAX_QUANTILES 100
/* The package's minimum of repetitions; the maximum bounds the memory (16 bytes a repetition). */
#define OBA_SII_MIN_REPETITIONS 1000
#define OBA_SII_MAX_REPETITIONS 1000000

typedef enum oba_sii_value_type
{
	OBA_SII_NORMAL = 0,			/* any value with a symmetric interval (value_type 0) */
	OBA_SII_RATE = 1,			/* log scale for the standard error and draws */
	OBA_SII_PROPORTION = 2		/* logit scale; the value is a proportion of 1 */
} oba_sii_value_type;

/* "normal", "rate" or "proportion" (text[0, len)); an error naming arg otherwise. */
int			oba_sii_value_type_parse(oba_error *err, const char *arg, const char *text,
									 size_t len, oba_sii_value_type *out);
const char *oba_sii_value_type_name(oba_sii_value_type t);

typedef struct oba_sii_params
{
	oba_sii_value_type value_type;
	int			transform;		/* fit on the log / logit scale (rates, proportions) */
	int			use_se;			/* rows carry a standard error, not 95% limits */
	double		multiplier;		/* non-zero; negative reverses the polarity */
	double		confidence;		/* of the simulated limits, in (0, 1) */
	long		repetitions;
	int64_t		seed;
} oba_sii_params;

/* One quantile. NaN value, limits or se: missing (the estimates are then undefined). */
typedef struct oba_sii_row
{
	double		quantile;		/* its label; the order of labels is the order of the quantiles */
	double		population;
	double		value;
	double		lower;			/* 95% limits (use_se = 0) */
	double		upper;
	double		se;				/* standard error on the value's scale (use_se = 1) */
} oba_sii_row;

typedef struct oba_sii_result
{
	double		quantiles;
	double		population;
	double		intercept;		/* fitted value at the first quantile's end (rank 0), x |multiplier| */
	double		sii;			/* fitted value at rank 1 minus rank 0, x multiplier */
	double		sii_lower;
	double		sii_upper;
	double		rii;			/* fitted value at rank 1 over rank 0 (inverted if multiplier < 0) */
	double		rii_lower;
	double		rii_upper;
} oba_sii_result;

int			oba_sii_check_params(const oba_sii_params *p, oba_error *err);

/* One row against the parameters: population > 0, finite values, domains of the value type. */
int			oba_sii_check_row(const oba_sii_row *r, const oba_sii_params *p, oba_error *err);

/*
 * The SII and RII of n rows (in any order: sorted here, in place, by label;
 * duplicate labels are an error). Fewer than OBA_SII_MIN_QUANTILES rows, or a
 * missing value, gives NaN estimates; more than OBA_SII_MAX_QUANTILES is an
 * error. The simulation takes 8 or 16 bytes a repetition from alloc.
 */
int			oba_sii(oba_sii_row *rows, size_t n, const oba_sii_params *p,
					const oba_allocator *alloc, oba_sii_result *out, oba_error *err);

/*
 * The k-th smallest (0-based) of a[0, n), n > 0; a is reordered around it
 * (smaller before, larger after). No NaN. Expected O(n) time.
 */
double		oba_select_kth(double *a, size_t n, size_t k);

#endif							/* OBA_SII_H */
