/*
 * test_trend_score.c: src/core/trend.c: the chi-squared test for trend with
 * a score on every row (oba.trend_chisq_score_agg), against R 4.2.2
 * prop.trend.test(x, n, score) (trend_chisq_score_reference.csv): in one
 * pass, in reverse, and split into two states combined by Chan's formula.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "trend.h"
#include "unit.h"

#define MAX_ROWS 600

typedef struct ref_case
{
	char		id[16];
	int			k;
	double		score[MAX_ROWS],
				x[MAX_ROWS],
				n[MAX_ROWS];
	double		x2,
				p;
} ref_case;

static int	cases_checked = 0;

static void
check_case(const ref_case *c)
{
	oba_chisq_score_state s,
				rev,
				a,
				b;
	oba_chisq_trend_result r;
	oba_error	err;
	char		label[64];
	int			i;

	oba_chisq_score_init(&s);
	oba_chisq_score_init(&rev);
	oba_chisq_score_init(&a);
	oba_chisq_score_init(&b);
	for (i = 0; i < c->k; i++)
	{
		CHECK(oba_chisq_score_add(&s, c->score[i], c->x[i], c->n[i], &err) == 0);
		CHECK(oba_chisq_score_add(&rev, c->score[c->k - 1 - i], c->x[c->k - 1 - i],
								  c->n[c->k - 1 - i], &err) == 0);
		CHECK(oba_chisq_score_add(i % 3 == 1 ? &a : &b, c->score[i], c->x[i], c->n[i], &err) == 0);
	}
	CHECK(oba_chisq_score_combine(&a, &b, &err) == 0);
	snprintf(label, sizeof(label), "%s one pass", c->id);
	oba_chisq_score_result(&s, &r);
	CHECK(r.k == c->k);
	CHECK_CLOSE(r.x2, c->x2, 1e-9, 1e-12, label);
	CHECK_CLOSE(r.p_value, c->p, 1e-9, 1e-15, label);
	snprintf(label, sizeof(label), "%s reversed", c->id);
	oba_chisq_score_result(&rev, &r);
	CHECK_CLOSE(r.x2, c->x2, 1e-9, 1e-12, label);
	CHECK_CLOSE(r.p_value, c->p, 1e-9, 1e-15, label);
	snprintf(label, sizeof(label), "%s split", c->id);
	oba_chisq_score_result(&a, &r);
	CHECK(r.k == c->k);
	CHECK_CLOSE(r.x2, c->x2, 1e-9, 1e-12, label);
	CHECK_CLOSE(r.p_value, c->p, 1e-9, 1e-15, label);
	cases_checked++;
}

static void
reference_cases(void)
{
	csv_file	f;
	static ref_case c;

	c.k = 0;
	csv_open(&f, "test/reference/trend_chisq_score_reference.csv");
	while (csv_next(&f))
	{
		if (c.k > 0 && strcmp(c.id, csv_get(&f, "case_id")) != 0)
		{
			check_case(&c);
			c.k = 0;
		}
		snprintf(c.id, sizeof(c.id), "%s", csv_get(&f, "case_id"));
		if (c.k >= MAX_ROWS)
		{
			fprintf(stderr, "case %s has more than %d rows\n", c.id, MAX_ROWS);
			exit(2);
		}
		c.score[c.k] = csv_num(&f, "score");
		c.x[c.k] = csv_num(&f, "x");
		c.n[c.k] = csv_num(&f, "n");
		c.x2 = csv_num(&f, "x2");
		c.p = csv_num(&f, "p_value");
		c.k++;
	}
	if (c.k > 0)
		check_case(&c);
	csv_close(&f);
	CHECK(cases_checked == 16);
}

int
main(void)
{
	oba_chisq_score_state s,
				t;
	oba_chisq_trend_result r,
				pos;
	oba_error	err;
	double		x[] = {40, 45, 43, 50, 52, 55, 61, 60},
				n[] = {100, 100, 101, 99, 100, 102, 100, 98},
				sc[] = {1, 2, 3, 4, 5, 6, 7, 8};
	int			i;

	reference_cases();

	/* scores 1..k give the statistic of oba_chisq_trend, the time-series form */
	oba_chisq_score_init(&s);
	for (i = 0; i < 8; i++)
		CHECK(oba_chisq_score_add(&s, sc[i], x[i], n[i], &err) == 0);
	oba_chisq_score_result(&s, &r);
	oba_chisq_trend(x, n, sc, 8, &pos);
	CHECK_CLOSE(r.x2, pos.x2, 1e-12, 0, "against oba_chisq_trend");

	/* a row split into two with its score gives the same statistic */
	oba_chisq_score_init(&t);
	for (i = 0; i < 8; i++)
	{
		CHECK(oba_chisq_score_add(&t, sc[i], x[i] / 2, n[i] / 2, &err) == 0);
		CHECK(oba_chisq_score_add(&t, sc[i], x[i] / 2, n[i] / 2, &err) == 0);
	}
	oba_chisq_score_result(&t, &r);
	CHECK(r.k == 16);
	CHECK_CLOSE(r.x2, pos.x2, 1e-12, 0, "rows split in two");

	/* equal scores, no rows, one row, every proportion 0 or 1: undefined */
	oba_chisq_score_init(&s);
	oba_chisq_score_result(&s, &r);
	CHECK(r.k == 0 && isnan(r.x2) && isnan(r.p_value));
	CHECK(oba_chisq_score_add(&s, 3, 15, 40, &err) == 0);
	oba_chisq_score_result(&s, &r);
	CHECK(r.k == 1 && isnan(r.x2));
	CHECK(oba_chisq_score_add(&s, 3, 10, 38, &err) == 0);
	oba_chisq_score_result(&s, &r);
	CHECK(r.k == 2 && isnan(r.x2) && s.m2_score == 0);
	oba_chisq_score_init(&s);
	CHECK(oba_chisq_score_add(&s, 1, 0, 40, &err) == 0 && oba_chisq_score_add(&s, 2, 0, 30, &err) == 0);
	oba_chisq_score_result(&s, &r);
	CHECK(isnan(r.x2) && isnan(r.p_value));
	oba_chisq_score_init(&s);
	CHECK(oba_chisq_score_add(&s, 1, 40, 40, &err) == 0 && oba_chisq_score_add(&s, 2, 30, 30, &err) == 0);
	oba_chisq_score_result(&s, &r);
	CHECK(isnan(r.x2));
	/* equal proportions: no trend, exactly */
	oba_chisq_score_init(&s);
	CHECK(oba_chisq_score_add(&s, 1, 10, 40, &err) == 0 && oba_chisq_score_add(&s, 2, 5, 20, &err) == 0);
	oba_chisq_score_result(&s, &r);
	CHECK(r.x2 == 0 && r.p_value == 1);

	/* combining with an empty state, either way round */
	oba_chisq_score_init(&s);
	oba_chisq_score_init(&t);
	CHECK(oba_chisq_score_add(&s, 1, 10, 40, &err) == 0 && oba_chisq_score_add(&s, 2, 15, 40, &err) == 0);
	CHECK(oba_chisq_score_combine(&s, &t, &err) == 0 && s.rows == 2);
	CHECK(oba_chisq_score_combine(&t, &s, &err) == 0 && t.rows == 2 && t.shift == 1 && t.successes == 25);

	/* bad input, and the state is left as it was */
	CHECK(oba_chisq_score_add(&s, NAN, 1, 2, &err) == -1 && strstr(err.message, "score must be finite, got NaN"));
	CHECK(oba_chisq_score_add(&s, INFINITY, 1, 2, &err) == -1);
	CHECK(oba_chisq_score_add(&s, 1, -1, 2, &err) == -1 && strstr(err.message, "successes must not be negative, got -1"));
	CHECK(oba_chisq_score_add(&s, 1, 1, 0, &err) == -1 && strstr(err.message, "total must be greater than 0, got 0"));
	CHECK(oba_chisq_score_add(&s, 1, 3, 2, &err) == -1 && strstr(err.message, "successes 3 exceeds total 2"));
	CHECK(oba_chisq_score_add(&s, 1e150, 1, 2, &err) == 0);
	CHECK(oba_chisq_score_add(&s, -1e160, 1, 2, &err) == -1 && err.code == OBA_ERANGE);
	CHECK(s.rows == 3);
	oba_chisq_score_init(&s);
	CHECK(oba_chisq_score_add(&s, 1, 1, 1e308, &err) == 0);
	CHECK(oba_chisq_score_add(&s, 1, 1, 1e308, &err) == -1 && strstr(err.message, "overflow"));

	/* states from outside */
	oba_chisq_score_init(&s);
	CHECK(oba_chisq_score_check_state(&s, &err) == 0);
	s.successes = 1;
	CHECK(oba_chisq_score_check_state(&s, &err) == -1 && strstr(err.message, "out of range"));
	oba_chisq_score_init(&s);
	CHECK(oba_chisq_score_add(&s, 1, 10, 40, &err) == 0);
	CHECK(oba_chisq_score_check_state(&s, &err) == 0);
	s.successes = 50;
	CHECK(oba_chisq_score_check_state(&s, &err) == -1);
	s.successes = 10;
	s.m2_score = -1;
	CHECK(oba_chisq_score_check_state(&s, &err) == -1);
	s.m2_score = 0;
	s.rows = 1.5;
	CHECK(oba_chisq_score_check_state(&s, &err) == -1);
	s.rows = 1;
	s.co_moment = NAN;
	CHECK(oba_chisq_score_check_state(&s, &err) == -1 && strstr(err.message, "non-finite"));

	return unit_done("test_trend_score");
}
