/*
 * dist.c: the distribution functions, from R's standalone maths library
 * (Debian r-mathlib), which gives the same bits as the R that computed the
 * reference vectors. Every family goes through these thin wrappers.
 *
 * The library is not linked: it is opened with dlopen(RTLD_LOCAL |
 * RTLD_DEEPBIND) and called through pointers. A server exports functions
 * whose names R's library also defines and calls internally (PostgreSQL
 * 15-18 export dexp(), the C function behind SQL exp(); 18 also dgamma(),
 * behind gamma()). Linked the ordinary way, libRmath's internal call from
 * qgamma to dgamma bound to the server's dgamma first and crashed
 * PostgreSQL 18. RTLD_DEEPBIND makes the library prefer its own definitions
 * for its own calls, RTLD_LOCAL keeps its names out of the server's global
 * namespace, and dlsym on the handle gives us the library's functions
 * whatever else is loaded. Under AddressSanitizer (the unit tests' sanitizer
 * build) RTLD_DEEPBIND is not allowed; those tests run outside a server.
 *
 * oba_dist_load opens the library and checks a few values with known
 * answers, so a wrong or broken library is refused with a message instead
 * of giving wrong numbers. The server calls it when the module loads.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#define MATHLIB_STANDALONE 1
#include <Rmath.h>

#include "oba_core.h"

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#ifndef OBA_RMATH_LIBRARY
#define OBA_RMATH_LIBRARY "libRmath.so.1"
#endif

#if defined(__SANITIZE_ADDRESS__)
#define OBA_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OBA_SANITIZED 1
#endif
#endif

#if defined(RTLD_DEEPBIND) && !defined(OBA_SANITIZED)
#define OBA_DLOPEN_FLAGS (RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)
#else
#define OBA_DLOPEN_FLAGS (RTLD_NOW | RTLD_LOCAL)
#endif

/* The three shapes of the functions oba calls (Rmath.h's prototypes). */
typedef double (*rm_3d2i) (double, double, double, int, int);
typedef double (*rm_2d2i) (double, double, int, int);
typedef double (*rm_4d1i) (double, double, double, double, int);

static struct
{
	rm_3d2i		qnorm,
				pnorm,
				qbeta,
				pbeta;
	rm_2d2i		qchisq,
				pchisq,
				qt,
				pt;
	rm_4d1i		dhyper;
}			rm;

static int	rm_state;			/* 0 not tried, 1 loaded, -1 failed */
static oba_error rm_error;

/*
 * The pointer types must match Rmath.h's prototypes. sizeof does not
 * evaluate its operand, so no reference to the symbols is emitted, but the
 * compiler still checks the comparison of pointer types.
 */
static inline void
rm_prototypes_match(void)
{
	(void) sizeof(rm.qnorm == qnorm);
	(void) sizeof(rm.pnorm == pnorm);
	(void) sizeof(rm.qbeta == qbeta);
	(void) sizeof(rm.pbeta == pbeta);
	(void) sizeof(rm.qchisq == qchisq);
	(void) sizeof(rm.pchisq == pchisq);
	(void) sizeof(rm.qt == qt);
	(void) sizeof(rm.pt == pt);
	(void) sizeof(rm.dhyper == dhyper);
}

static void *
rm_symbol(void *handle, const char *name, const char *path, oba_error *err)
{
	void	   *p;

	dlerror();
	p = dlsym(handle, name);
	if (p == NULL)
		oba_fail(err, OBA_EINVAL, "R's maths library %s has no function %s", path, name);
	return p;
}

/* Known answers: R 4.2 prints these to 17 significant digits. */
static int
rm_self_check(const char *path, oba_error *err)
{
	static const struct
	{
		const char *what;
		double		want;
	}			known[] = {
		{"qnorm(0.975)", 1.959963984540054},
		{"pnorm(1.96)", 0.97500210485177952},
		{"qchisq(0.025, 2)", 0.050635615968579795},
		{"pchisq(3.841458820694124, 1)", 0.95},
		{"qt(0.975, 10)", 2.2281388519862739},
		{"pt(-2, 5)", 0.050969739414929105},
		{"qbeta(0.5, 2, 3)", 0.38572756813238945},
		{"pbeta(0.3, 2, 3)", 0.3483},
		{"dhyper(1, 3, 2, 2, log = TRUE)", -0.51082562376599072}
	};
	double		got[9];
	size_t		i;

	got[0] = rm.qnorm(0.975, 0.0, 1.0, 1, 0);
	got[1] = rm.pnorm(1.96, 0.0, 1.0, 1, 0);
	got[2] = rm.qchisq(0.025, 2.0, 1, 0);
	got[3] = rm.pchisq(3.841458820694124, 1.0, 1, 0);
	got[4] = rm.qt(0.975, 10.0, 1, 0);
	got[5] = rm.pt(-2.0, 5.0, 1, 0);
	got[6] = rm.qbeta(0.5, 2.0, 3.0, 1, 0);
	got[7] = rm.pbeta(0.3, 2.0, 3.0, 1, 0);
	got[8] = rm.dhyper(1.0, 3.0, 2.0, 2.0, 1);
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!(fabs(got[i] - known[i].want) <= 1e-12 * fabs(known[i].want)))
			return oba_fail(err, OBA_EINVAL,
							"R's maths library %s gives %.17g for %s, not %.17g",
							path, got[i], known[i].what, known[i].want);
	return 0;
}

int
oba_dist_load(const char *path, oba_error *err)
{
	void	   *h;
	oba_error	e;

	if (path == NULL)
	{
		/* the library oba was built for, once per process */
		if (rm_state == 0)
			rm_state = oba_dist_load(OBA_RMATH_LIBRARY, &rm_error) == 0 ? 1 : -1;
		if (rm_state < 0 && err != NULL)
			*err = rm_error;
		return rm_state > 0 ? 0 : -1;
	}
	(void) rm_prototypes_match;

	h = dlopen(path, OBA_DLOPEN_FLAGS);
	if (h == NULL)
	{
		const char *why = dlerror();

		return oba_fail(err, OBA_EINVAL, "could not open R's maths library %s: %s",
						path, why != NULL ? why : "unknown error");
	}
	e.code = OBA_OK;
/* the symbol Rmath.h maps a name to (qnorm is qnorm5 in the standalone library) */
#define RM_SYMBOL(name) RM_STRING(name)
#define RM_STRING(name) #name
#define RM_LOAD(field) \
	(rm.field = (__typeof__(rm.field)) rm_symbol(h, RM_SYMBOL(field), path, &e)) == NULL
	if (RM_LOAD(qnorm) || RM_LOAD(pnorm) || RM_LOAD(qbeta) || RM_LOAD(pbeta) ||
		RM_LOAD(qchisq) || RM_LOAD(pchisq) || RM_LOAD(qt) || RM_LOAD(pt) ||
		RM_LOAD(dhyper) || rm_self_check(path, &e) != 0)
	{
#undef RM_LOAD
#undef RM_SYMBOL
#undef RM_STRING
		if (err != NULL)
			*err = e;
		memset(&rm, 0, sizeof(rm));
		dlclose(h);
		rm_state = 0;
		return -1;
	}
	rm_state = 1;
	return 0;
}

/*
 * Every wrapper first makes sure the library is loaded: the server has done
 * it when the module loaded (and refused to load otherwise); a program
 * without that step (the unit tests) loads it on the first call. If it
 * cannot be loaded the answer is NaN, which no caller returns as a number
 * without its inputs having been finite.
 */
#define RM_READY() (rm_state > 0 || oba_dist_load(NULL, NULL) == 0)

double
oba_qnorm(double p)
{
	return RM_READY() ? rm.qnorm(p, 0.0, 1.0, 1, 0) : NAN;
}

double
oba_pnorm(double q)
{
	return RM_READY() ? rm.pnorm(q, 0.0, 1.0, 1, 0) : NAN;
}

double
oba_qchisq(double p, double df)
{
	return RM_READY() ? rm.qchisq(p, df, 1, 0) : NAN;
}

double
oba_pchisq(double q, double df, int lower_tail)
{
	return RM_READY() ? rm.pchisq(q, df, lower_tail, 0) : NAN;
}

double
oba_qt(double p, double df)
{
	return RM_READY() ? rm.qt(p, df, 1, 0) : NAN;
}

double
oba_pt(double q, double df, int lower_tail)
{
	return RM_READY() ? rm.pt(q, df, lower_tail, 0) : NAN;
}

double
oba_qbeta(double p, double a, double b)
{
	return RM_READY() ? rm.qbeta(p, a, b, 1, 0) : NAN;
}

double
oba_pbeta(double x, double a, double b, int lower_tail)
{
	return RM_READY() ? rm.pbeta(x, a, b, lower_tail, 0) : NAN;
}

double
oba_dhyper_log(double x, double white, double black, double drawn)
{
	return RM_READY() ? rm.dhyper(x, white, black, drawn, 1) : NAN;
}

double
oba_z_two_sided(double confidence)
{
	return oba_qnorm(confidence + (1.0 - confidence) / 2.0);
}
