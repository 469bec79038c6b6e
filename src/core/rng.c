/*
 * rng.c: seeding of the core's pseudo-random generator (rng.h).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "rng.h"

void
oba_rng_seed(oba_rng *r, int64_t seed)
{
	/* two's complement by definition of the conversion to an unsigned type */
	uint64_t	x = (uint64_t) seed;
	int			i;

	for (i = 0; i < 4; i++)
		r->s[i] = oba_splitmix64(&x);
}
