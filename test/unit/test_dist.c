/*
 * test_dist.c: loading R's maths library (dist.c): the library oba was built
 * for loads and passes its check; a missing library, one without the
 * functions, and one with wrong answers are each refused with a message.
 * The numbers themselves are tested by every family's reference vectors.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "oba_core.h"
#include "unit.h"

/* the directory of this program, where the Makefile puts fake_rmath.so */
static void
beside_program(const char *argv0, const char *name, char *out, size_t len)
{
	const char *slash = strrchr(argv0, '/');
	int			dir = slash == NULL ? 1 : (int) (slash - argv0);

	snprintf(out, len, "%.*s/%s", dir, slash == NULL ? "." : argv0, name);
}

int
main(int argc, char **argv)
{
	oba_error	err;
	char		fake[4096];

	(void) argc;
	/* first use loads the default library */
	CHECK_CLOSE(oba_qnorm(0.975), 1.959963984540054, 1e-15, 0, "qnorm(0.975)");
	CHECK(oba_dist_load(NULL, &err) == 0);

	err.message[0] = '\0';
	CHECK(oba_dist_load("/nonexistent/libRmath.so.1", &err) == -1);
	CHECK(strstr(err.message, "could not open R's maths library /nonexistent/libRmath.so.1") != NULL);

	err.message[0] = '\0';
	CHECK(oba_dist_load("libm.so.6", &err) == -1);
	CHECK(strstr(err.message, "libm.so.6 has no function qnorm5") != NULL);

	beside_program(argv[0], "fake_rmath.so", fake, sizeof(fake));
	err.message[0] = '\0';
	CHECK(oba_dist_load(fake, &err) == -1);
	CHECK(strstr(err.message, "gives 0.97499999999999998 for qnorm(0.975), not 1.959963984540054") != NULL);
	if (unit_failures > 0)
		fprintf(stderr, "last message: %s\n", err.message);

	/* after a refused library, the functions load the default one again */
	CHECK_CLOSE(oba_qnorm(0.975), 1.959963984540054, 1e-15, 0, "qnorm(0.975) after");
	CHECK_CLOSE(oba_qchisq(0.025, 2.0), 0.050635615968579795, 1e-15, 0, "qchisq(0.025, 2)");
	return unit_done("test_dist");
}
