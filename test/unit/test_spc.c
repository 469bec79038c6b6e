/*
 * test_spc.c: src/core/spc.c against test/reference/spc_reference.csv
 * (NHSRplotthedots 0.2.2 ptd_spc(), and its documented variants), the unit
 * vectors of the package's tests (METHODS.md 16.12), the degenerate
 * series of 16.10, and groups from many rebase times.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "spc.h"
#include "unit.h"

static void *
test_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
test_release(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static const oba_allocator A = {test_alloc, test_release, NULL};

#define MAXP 64

typedef struct spc_case
{
	char		id[16];
	char		params[256];
	int			n;
	double		t[MAXP];
	double		y[MAXP];
	int			group[MAXP];
	double		mean[MAXP],
				lpl[MAXP],
				upl[MAXP],
				nlpl[MAXP],
				nupl[MAXP],
				amr[MAXP];
	char		outside[MAXP][8],
				relative[MAXP][8],
				close[MAXP][8],
				label[MAXP][40],
				type[MAXP][40],
				warning[MAXP][8],
				assurance[MAXP][24],
				v2023[MAXP][40],
				v6[MAXP][40];
} spc_case;

static int	rows_checked = 0;

static double
param_num(const char *params, const char *key)
{
	const char *p = strstr(params, key);

	if (p == NULL || strncmp(p + strlen(key), "none", 4) == 0)
		return NAN;
	return strtod(p + strlen(key), NULL);
}

static void
options_for(const spc_case *c, oba_spc_options *o, double *rebase)
{
	double		fix = param_num(c->params, "fix_after_n_points="),
				r = param_num(c->params, "rebase_t=");

	oba_spc_defaults(o);
	o->polarity = strstr(c->params, "improvement_direction=increase") ? 1 :
		strstr(c->params, "improvement_direction=decrease") ? -1 : 0;
	o->screen_outliers = strstr(c->params, "screen_outliers=TRUE") != NULL;
	o->fix_after = isnan(fix) ? 0 : (int) fix;
	o->target = param_num(c->params, "target=");
	if (!isnan(r))
	{
		rebase[0] = r;
		o->rebase = rebase;
		o->n_rebase = 1;
	}
}

static const char *
flag_text(int v)
{
	return v == OBA_SPC_NA ? "NA" : v ? "TRUE" : "FALSE";
}

static void
text_is(const char *label, const char *got, const char *want)
{
	unit_checks++;
	if (strcmp(got ? got : "NA", want) != 0)
	{
		unit_failures++;
		fprintf(stderr, "%s: got %s, want %s\n", label, got ? got : "NA", want);
	}
}

static void
check_case(const spc_case *c)
{
	oba_spc_options o;
	oba_spc_point p[MAXP];
	double		rebase[1];
	const char *assurance,
			   *variation;
	oba_error	err;
	int			i;
	char		label[96];

	options_for(c, &o, rebase);
	CHECK(oba_spc(c->t, c->y, (size_t) c->n, &o, &A, p, &assurance, &variation, &err) == 0);
	for (i = 0; i < c->n; i++)
	{
		char		rel[8];

		snprintf(label, sizeof(label), "%s t=%g", c->id, c->t[i]);
		rows_checked++;
		CHECK(p[i].group == c->group[i]);
		CHECK_CLOSE(p[i].mean, c->mean[i], 1e-9, 1e-12, label);
		CHECK_CLOSE(p[i].lpl, c->lpl[i], 1e-9, 1e-12, label);
		CHECK_CLOSE(p[i].upl, c->upl[i], 1e-9, 1e-12, label);
		CHECK_CLOSE(p[i].nlpl, c->nlpl[i], 1e-9, 1e-12, label);
		CHECK_CLOSE(p[i].nupl, c->nupl[i], 1e-9, 1e-12, label);
		CHECK_CLOSE(p[i].amr, c->amr[i], 1e-9, 1e-12, label);
		text_is(label, flag_text(p[i].outside_limits), c->outside[i]);
		text_is(label, flag_text(p[i].close_to_limits), c->close[i]);
		if (p[i].relative_to_mean == OBA_SPC_NA)
			snprintf(rel, sizeof(rel), "NA");
		else
			snprintf(rel, sizeof(rel), "%d", p[i].relative_to_mean);
		text_is(label, rel, c->relative[i]);
		text_is(label, p[i].special_cause, c->label[i]);
		text_is(label, p[i].point_type, c->type[i]);
		text_is(label, p[i].short_group_warning ? "TRUE" : "FALSE", c->warning[i]);
		text_is(label, assurance, c->assurance[i]);
	}
	/* the variation icon is the last point's type */
	CHECK(variation != NULL);

	/* the documented variants: Nov 2023 two-in-three, and runs of 6 */
	o.two_in_three_2023 = 1;
	CHECK(oba_spc(c->t, c->y, (size_t) c->n, &o, &A, p, &assurance, &variation, &err) == 0);
	for (i = 0; i < c->n; i++)
	{
		snprintf(label, sizeof(label), "%s t=%g mdc2023", c->id, c->t[i]);
		text_is(label, p[i].point_type, c->v2023[i]);
	}
	o.two_in_three_2023 = 0;
	o.run_length = 6;
	CHECK(oba_spc(c->t, c->y, (size_t) c->n, &o, &A, p, &assurance, &variation, &err) == 0);
	for (i = 0; i < c->n; i++)
	{
		snprintf(label, sizeof(label), "%s t=%g 6-point", c->id, c->t[i]);
		text_is(label, p[i].point_type, c->v6[i]);
	}
}

static void
reference_rows(void)
{
	static spc_case c;
	csv_file	f;
	int			cases = 0;

	memset(&c, 0, sizeof(c));
	csv_open(&f, "test/reference/spc_reference.csv");
	for (;;)
	{
		int			more = csv_next(&f);
		const char *id = more ? csv_get(&f, "series_id") : "";
		int			i;

		if (c.n > 0 && (!more || strcmp(id, c.id) != 0))
		{
			check_case(&c);
			cases++;
			memset(&c, 0, sizeof(c));
		}
		if (!more)
			break;
		snprintf(c.id, sizeof(c.id), "%s", id);
		snprintf(c.params, sizeof(c.params), "%s", csv_get(&f, "params"));
		i = c.n++;
		c.t[i] = csv_num(&f, "t");
		c.y[i] = csv_num(&f, "value");
		c.group[i] = (int) csv_num(&f, "rebase_group");
		c.mean[i] = csv_num(&f, "mean");
		c.lpl[i] = csv_num(&f, "lpl");
		c.upl[i] = csv_num(&f, "upl");
		c.nlpl[i] = csv_num(&f, "nlpl");
		c.nupl[i] = csv_num(&f, "nupl");
		c.amr[i] = csv_num(&f, "amr");
#define COPY(field, col) snprintf(c.field[i], sizeof(c.field[i]), "%s", csv_get(&f, col))
		COPY(outside, "outside_limits");
		COPY(relative, "relative_to_mean");
		COPY(close, "close_to_limits");
		COPY(label, "special_cause_type");
		COPY(type, "point_type");
		COPY(warning, "short_group_warning");
		COPY(assurance, "assurance_type");
		COPY(v2023, "variant_mdc2023_two_sigma_point_type");
		COPY(v6, "variant_6point_rules_point_type");
#undef COPY
	}
	csv_close(&f);
	CHECK(rows_checked == 339);
	printf("spc_reference: %d points in %d series checked (and both variants)\n",
		   rows_checked, cases);
}

static int
same(const int *got, const int *want, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (got[i] != want[i])
			return 0;
	return 1;
}

/* METHODS.md 16.12: the package's test-ptd_calculate_point_type.R vectors */
static void
unit_vectors(void)
{
	int			part[16];

	{
		int			side[6] = {1, 1, 1, 1, 1, 1},
					want[6] = {0};

		oba_spc_shift_rule(side, 6, 7, part);
		CHECK(same(part, want, 6));
	}
	{
		int			side[7] = {1, 1, 1, 1, 1, 1, -1},
					want[7] = {0};

		oba_spc_shift_rule(side, 7, 7, part);
		CHECK(same(part, want, 7));
	}
	{
		/* end markers 0 0 0 0 0 0 1 1 0: part of seven 1 x 8, 0 */
		int			side[9] = {1, 1, 1, 1, 1, 1, 1, 1, -1},
					neg[9] = {-1, -1, -1, -1, -1, -1, -1, -1, 1},
					want[9] = {1, 1, 1, 1, 1, 1, 1, 1, 0};

		oba_spc_shift_rule(side, 9, 7, part);
		CHECK(same(part, want, 9));
		oba_spc_shift_rule(neg, 9, 7, part);
		CHECK(same(part, want, 9));
	}
	{
		double		y[6] = {1, 2, 3, 4, 5, 6};
		int			want[6] = {0};

		oba_spc_trend_rule(y, 6, 7, part);
		CHECK(same(part, want, 6));
	}
	{
		double		y[7] = {1, 2, 3, 3, 4, 5, 6};	/* c(1:3, 3:6): the tie breaks it */
		int			want[7] = {0};

		oba_spc_trend_rule(y, 7, 7, part);
		CHECK(same(part, want, 7));
	}
	{
		double		up[7] = {1, 2, 3, 4, 5, 6, 7},
					down[7] = {7, 6, 5, 4, 3, 2, 1};
		int			want[7] = {1, 1, 1, 1, 1, 1, 1};

		oba_spc_trend_rule(up, 7, 7, part);
		CHECK(same(part, want, 7));
		oba_spc_trend_rule(down, 7, 7, part);
		CHECK(same(part, want, 7));
	}
	{
		/* c(2, 1:7, 3): end marker at 8, part of 2..8 */
		double		y[9] = {2, 1, 2, 3, 4, 5, 6, 7, 3};
		int			want[9] = {0, 1, 1, 1, 1, 1, 1, 1, 0};

		oba_spc_trend_rule(y, 9, 7, part);
		CHECK(same(part, want, 9));
	}
	{
		/* two in three: only the close points are flagged */
		int			side3[3] = {1, 1, 1},
					c101[3] = {1, 0, 1},
					c011[3] = {0, 1, 1},
					c110[3] = {1, 1, 0},
					mixed[3] = {1, -1, 1};

		oba_spc_two_in_three_rule(c101, side3, 3, part);
		CHECK(same(part, c101, 3));
		oba_spc_two_in_three_rule(c011, side3, 3, part);
		CHECK(same(part, c011, 3));
		oba_spc_two_in_three_rule(c110, side3, 3, part);
		CHECK(same(part, c110, 3));
		oba_spc_two_in_three_rule(c101, mixed, 3, part);
		CHECK(part[0] == 0 && part[1] == 0 && part[2] == 0);
	}
	{
		int			side[7] = {1, 1, 1, 1, 1, 1, 1},
					close[7] = {0, 0, 1, 0, 1, 0, 0},
					close2[7] = {0, 0, 1, 1, 0, 0, 0};

		oba_spc_two_in_three_rule(close, side, 7, part);
		CHECK(same(part, close, 7));
		oba_spc_two_in_three_rule(close2, side, 7, part);
		CHECK(same(part, close2, 7));
	}
	{
		int			side[5] = {1, 1, 1, 1, 1},
					close[5] = {1, 0, 0, 1, 1},
					want[5] = {0, 0, 0, 1, 1},
					close4[4] = {1, 0, 0, 1},
					want4[4] = {0, 0, 0, 0};

		oba_spc_two_in_three_rule(close, side, 5, part);
		CHECK(same(part, want, 5));
		oba_spc_two_in_three_rule(close4, side, 4, part);
		CHECK(same(part, want4, 4));
	}
}

static void
degenerate(void)
{
	double		t[8] = {1, 2, 3, 4, 5, 6, 7, 8},
				c[8] = {5, 5, 5, 5, 5, 5, 5, 5};
	oba_spc_point p[8];
	oba_spc_options o;
	const char *assurance,
			   *variation;
	oba_error	err;
	int			i,
				ok = 1;

	/* constant, screened: AMR and the limits undefined, every point common cause */
	oba_spc_defaults(&o);
	o.target = 4;
	CHECK(oba_spc(t, c, 8, &o, &A, p, &assurance, &variation, &err) == 0);
	for (i = 0; i < 8; i++)
		ok &= p[i].mean == 5 && isnan(p[i].amr) && isnan(p[i].upl) &&
			p[i].outside_limits == OBA_SPC_NA && p[i].close_to_limits == OBA_SPC_NA &&
			p[i].relative_to_mean == 0 && strcmp(p[i].point_type, "common_cause") == 0;
	CHECK(ok);
	CHECK(assurance == NULL && strcmp(variation, "common_cause") == 0);
	/* n = 1 */
	CHECK(oba_spc(t, c, 1, &o, &A, p, &assurance, &variation, &err) == 0);
	CHECK(p[0].mean == 5 && isnan(p[0].lpl) && p[0].short_group_warning);
	/* n = 0 */
	CHECK(oba_spc(t, c, 0, &o, &A, p, &assurance, &variation, &err) == 0);
	CHECK(variation == NULL && assurance == NULL);
	/* a missing value keeps its row, breaks its moving ranges and every window */
	{
		double		y[9] = {1, 2, 3, 4, NAN, 5, 6, 7, 8};

		o.target = NAN;
		CHECK(oba_spc(t, y, 8, &o, &A, p, &assurance, &variation, &err) == 0);
		CHECK(p[4].outside_limits == OBA_SPC_NA && p[4].relative_to_mean == OBA_SPC_NA);
		CHECK(strcmp(p[4].special_cause, "Common Cause") == 0);
		/* mean of 1,2,3,4,5,6,7 = 4; moving ranges 1,1,1,1,1 (two dropped) */
		CHECK(p[0].mean == 4 && p[0].amr == 1);
		/* without the gap, 1 ... 7 would be a trend; with it, no window qualifies */
		for (i = 0; i < 8; i++)
			CHECK(!p[i].in_trend && strstr(p[i].special_cause, "Trend") == NULL);
		CHECK(strcmp(p[7].special_cause, "Above UCL") == 0);	/* 7 > 4 + 2.66 */
	}
	/* a neutral polarity */
	{
		double		y[8] = {1, 1, 1, 1, 1, 1, 30, 1};

		o.polarity = 0;
		o.screen_outliers = 1;
		CHECK(oba_spc(t, y, 8, &o, &A, p, &assurance, &variation, &err) == 0);
		CHECK(strcmp(p[6].special_cause, "Above UCL") == 0);
		CHECK(strcmp(p[6].point_type, "special_cause_neutral_high") == 0);
	}
	/* options */
	oba_spc_defaults(&o);
	o.fix_after = 5;
	CHECK(oba_spc(t, c, 8, &o, &A, p, &assurance, &variation, &err) == -1);
	CHECK(strstr(err.message, "fix_after") != NULL);
	oba_spc_defaults(&o);
	o.run_length = 8;
	CHECK(oba_spc(t, c, 8, &o, &A, p, &assurance, &variation, &err) == -1);
	CHECK(strstr(err.message, "run_length") != NULL);
}

/*
 * Groups from many rebase times, in any order, some equal to a time, before
 * the first or after the last: the same as the rule read literally (a new
 * group at point i when some rebase time r has t[i-1] < r <= t[i]); and the
 * long loops check for a cancel.
 */
static size_t hook_calls = 0;

static void
counting_hook(void)
{
	hook_calls++;
}

static void
rebase_groups(void)
{
	size_t		n = 5000,
				nr = 3000,
				i,
				r;
	double	   *t = malloc(sizeof(double) * n),
			   *y = malloc(sizeof(double) * n),
			   *rebase = malloc(sizeof(double) * nr);
	oba_spc_point *p = malloc(sizeof(oba_spc_point) * n);
	oba_spc_options o;
	const char *assurance,
			   *variation;
	oba_error	err;
	int			group = 0,
				ok = 1;

	for (i = 0; i < n; i++)
	{
		t[i] = 2.0 * (double) i + (double) (i % 3) * 0.5;
		y[i] = (double) ((i * 37) % 101);
	}
	for (r = 0; r < nr; r++)
		rebase[r] = (double) ((r * 7919) % 12000) * 0.875 - 100;
	rebase[0] = t[0];
	rebase[1] = t[17];
	rebase[2] = t[n - 1];
	oba_spc_defaults(&o);
	o.rebase = rebase;
	o.n_rebase = nr;
	oba_interrupt_hook = counting_hook;
	CHECK(oba_spc(t, y, n, &o, &A, p, &assurance, &variation, &err) == 0);
	oba_interrupt_hook = NULL;
	CHECK(hook_calls >= (n + nr) / 4096);
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			for (r = 0; r < nr; r++)
				if (t[i - 1] < rebase[r] && rebase[r] <= t[i])
				{
					group++;
					break;
				}
		ok &= p[i].group == group;
	}
	CHECK(ok && group > 100 && p[17].group == p[16].group + 1);
	free(t);
	free(y);
	free(rebase);
	free(p);
}

int
main(void)
{
	reference_rows();
	unit_vectors();
	degenerate();
	rebase_groups();
	return unit_done("test_spc");
}
