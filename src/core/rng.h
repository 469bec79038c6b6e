/*
 * rng.h: the seeded pseudo-random numbers of the core's simulations
 * (METHODS.md 19.4). Fixed, documented algorithms in integer arithmetic, so a
 * seed gives the same stream on every platform:
 *  - the seed (a signed integer, taken as its 64-bit two's complement) is
 *    expanded by SplitMix64 (Steele, Lea & Flood 2014) into the four words of
 *    the state;
 *  - the stream is xoshiro256** (Blackman & Vigna 2018; 2^256 - 1 period);
 *  - a uniform in (0, 1) is (x >> 11) + 0.5 times 2^-53, never 0 or 1;
 *  - a standard normal is the inversion Phi^-1(u) with R's qnorm (Rmath), as R's
 *    default normal.kind "Inversion" does (R builds its u from two draws of
 *    its own generator, so the numbers differ from R's).
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#ifndef OBA_RNG_H
#define OBA_RNG_H

#include "oba_core.h"

#include <stdint.h>

typedef struct oba_rng
{
	uint64_t	s[4];
} oba_rng;

/* SplitMix64: the next output, advancing *x (also used to seed). */
static inline uint64_t
oba_splitmix64(uint64_t *x)
{
	uint64_t	z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* The state after seeding: four successive SplitMix64 outputs from the seed. */
void		oba_rng_seed(oba_rng *r, int64_t seed);

static inline uint64_t
oba_rng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256**: the next 64 bits. */
static inline uint64_t
oba_rng_next(oba_rng *r)
{
	uint64_t   *s = r->s;
	uint64_t	result = oba_rng_rotl(s[1] * 5, 7) * 9;
	uint64_t	t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = oba_rng_rotl(s[3], 45);
	return result;
}

/* A uniform in the open interval (0, 1): 53 bits, the midpoint of its cell. */
static inline double
oba_rng_uniform(oba_rng *r)
{
	return ((double) (oba_rng_next(r) >> 11) + 0.5) * 0x1.0p-53;
}

/* A standard normal, by inversion of a uniform. */
static inline double
oba_rng_normal(oba_rng *r)
{
	return oba_qnorm(oba_rng_uniform(r));
}

#endif							/* OBA_RNG_H */
