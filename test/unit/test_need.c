/*
 * test_need.c: src/core/need.c: need z-scores, weights and rank groups.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "need.h"
#include "unit.h"

int
main(void)
{
	double		z;
	int			g,
				r,
				count[11];
	oba_error	err;

	CHECK(oba_need_z(40, 50, 5, OBA_HIGHER_IS_BETTER, &z, &err) == 0 && z == 2);
	CHECK(oba_need_z(40, 50, 5, OBA_LOWER_IS_BETTER, &z, &err) == 0 && z == -2);
	CHECK(oba_need_z(50, 50, 0, OBA_LOWER_IS_BETTER, &z, &err) == 0 && isnan(z));
	CHECK(oba_need_z(50, 50, 5, OBA_NEUTRAL, &z, &err) == -1);
	CHECK(strstr(err.message, "polarity must be higher_is_better or lower_is_better for a need score, got \"neutral\"") != NULL);
	CHECK(oba_need_z(50, 50, -1, OBA_LOWER_IS_BETTER, &z, &err) == -1);
	CHECK(strstr(err.message, "sd must not be negative, got -1") != NULL);
	CHECK(oba_need_z(NAN, 50, 1, OBA_LOWER_IS_BETTER, &z, &err) == -1);
	CHECK(oba_need_check_weight(-0.5, &err) == -1 && strstr(err.message, "weight must not be negative, got -0.5"));
	CHECK(oba_need_check_weight(0, &err) == 0);

	/* 69 wards into quintiles: sizes 13 or 14, every rank placed once, in order */
	memset(count, 0, sizeof(count));
	for (r = 1; r <= 69; r++)
	{
		int			prev = 0;

		CHECK(oba_quantile_group(r, 69, 5, &g, &err) == 0);
		CHECK(g >= 1 && g <= 5);
		if (r > 1)
			CHECK(oba_quantile_group(r - 1, 69, 5, &prev, &err) == 0 && prev <= g);
		count[g]++;
	}
	CHECK(count[1] == 13 && count[2] == 14 && count[3] == 14 && count[4] == 14 && count[5] == 14);
	/* deciles of 10: one each; of 32,844 LSOAs: the last of decile 1 is rank 3,284 */
	CHECK(oba_quantile_group(1, 10, 10, &g, &err) == 0 && g == 1);
	CHECK(oba_quantile_group(10, 10, 10, &g, &err) == 0 && g == 10);
	CHECK(oba_quantile_group(3284, 32844, 10, &g, &err) == 0 && g == 1);
	CHECK(oba_quantile_group(3285, 32844, 10, &g, &err) == 0 && g == 2);
	CHECK(oba_quantile_group(32844, 32844, 10, &g, &err) == 0 && g == 10);
	/* fewer values than groups: groups are skipped, never shared */
	CHECK(oba_quantile_group(1, 3, 10, &g, &err) == 0 && g == 4);
	CHECK(oba_quantile_group(3, 3, 10, &g, &err) == 0 && g == 10);
	/* huge n without overflow */
	CHECK(oba_quantile_group(4611686018427387904LL, 9223372036854775807LL, 10, &g, &err) == 0 && g == 6);

	CHECK(oba_quantile_group(0, 10, 10, &g, &err) == -1);
	CHECK(strstr(err.message, "rank must be between 1 and n (10), got 0") != NULL);
	CHECK(oba_quantile_group(11, 10, 10, &g, &err) == -1);
	CHECK(oba_quantile_group(1, 0, 10, &g, &err) == -1);
	CHECK(strstr(err.message, "n must be at least 1, got 0") != NULL);
	CHECK(oba_quantile_group(1, 10, 0, &g, &err) == -1);
	CHECK(strstr(err.message, "groups must be at least 1, got 0") != NULL);

	/*
	 * phe_quantile's convention: filled from the last rank, so 11 values in
	 * deciles put two in decile 1 (oba's put two in decile 10)
	 */
	CHECK(oba_quantile_group_phe(1, 11, 10, &g, &err) == 0 && g == 1);
	CHECK(oba_quantile_group_phe(2, 11, 10, &g, &err) == 0 && g == 1);
	CHECK(oba_quantile_group_phe(3, 11, 10, &g, &err) == 0 && g == 2);
	CHECK(oba_quantile_group_phe(11, 11, 10, &g, &err) == 0 && g == 10);
	CHECK(oba_quantile_group(2, 11, 10, &g, &err) == 0 && g == 2);
	CHECK(oba_quantile_group(11, 11, 10, &g, &err) == 0 && g == 10);
	/* 69 wards into quintiles: 14 in each of the first four, 13 in the last */
	memset(count, 0, sizeof(count));
	for (r = 1; r <= 69; r++)
	{
		int			prev = 0;

		CHECK(oba_quantile_group_phe(r, 69, 5, &g, &err) == 0);
		CHECK(g >= 1 && g <= 5);
		if (r > 1)
			CHECK(oba_quantile_group_phe(r - 1, 69, 5, &prev, &err) == 0 && prev <= g);
		count[g]++;
	}
	CHECK(count[1] == 14 && count[2] == 14 && count[3] == 14 && count[4] == 14 && count[5] == 13);
	/* rank 1 where n / groups rounds: (n + 1 - 1) / (n / groups) may exceed groups; still group 1 */
	CHECK(oba_quantile_group_phe(1, 15, 13, &g, &err) == 0 && g == 1);
	/* the package's float8 division: 21 / 1.4 is 15.000000000000002, so group 5, not 6 */
	CHECK(oba_quantile_group_phe(8, 28, 20, &g, &err) == 0 && g == 5);
	/* fewer values than groups: none */
	CHECK(oba_quantile_group_phe(3, 7, 10, &g, &err) == 0 && g == 0);
	CHECK(oba_quantile_group_phe(1, 1, 1, &g, &err) == 0 && g == 1);
	CHECK(oba_quantile_group_phe(0, 10, 10, &g, &err) == -1 &&
		  strstr(err.message, "rank must be between 1 and n (10), got 0") != NULL);
	CHECK(oba_quantile_group_phe(1, 0, 10, &g, &err) == -1);
	CHECK(oba_quantile_group_phe(1, 10, 0, &g, &err) == -1);
	return unit_done("test_need");
}
