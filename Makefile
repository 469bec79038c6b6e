# oba: PGXS build, plus the project's own targets:
#   make            build the extension (warnings are errors)
#   make install    install into the server pg_config names
#   make test       install what is missing, build, install, run every test
#                   on a throwaway cluster (pg_virtualenv)
#   make demo       the main job, on a throwaway cluster
#   make bench      benchmarks, printed as ratios to a same-run baseline
#   make unittest   C unit tests of src/core, no server

EXTENSION   = oba
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" oba.control)
MODULE_big  = oba

CORE_SRCS   = $(sort $(wildcard src/core/*.c))
PG_SRCS     = $(sort $(wildcard src/pg/*.c))
OBJS        = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The install script is assembled from one file per family, in this order.
SQL_FAMILIES = estimate rate proportion series trend curve spc
SQL_SRCS    = src/sql/header.sql $(addprefix src/sql/,$(addsuffix .sql,$(SQL_FAMILIES)))

DATA_built  = oba--$(EXTVERSION).sql
# Upgrade scripts, and the frozen install scripts of released versions.
DATA        = $(sort $(wildcard src/sql/updates/*.sql))

# pg_regress suites: every sql/*.sql, each independent, oba preloaded.
REGRESS      = $(sort $(notdir $(basename $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=oba

PG_CONFIG  ?= pg_config
PKG_CONFIG ?= pkg-config
RMATH_CFLAGS := $(shell $(PKG_CONFIG) --cflags libRmath 2>/dev/null)
RMATH_LIBS   := $(shell $(PKG_CONFIG) --libs libRmath 2>/dev/null || echo -lRmath -lm)

# WERROR= turns warnings back into warnings for a compiler we have not met.
WERROR     ?= -Werror
# -isystem: the server headers are not -Wextra clean; our code is.
PG_CPPFLAGS = -Isrc/core -isystem $(shell $(PG_CONFIG) --includedir-server) $(RMATH_CFLAGS)
PG_CFLAGS   = -std=c99 -Wall -Wextra $(WERROR)
SHLIB_LINK  = $(RMATH_LIBS)

EXTRA_CLEAN = results regression.diffs regression.out test/unit/*.o \
              $(UNIT_BINS) demo/out

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

oba--$(EXTVERSION).sql: $(SQL_SRCS) oba.control
	cat $(SQL_SRCS) > $@

# ---- C unit tests of the core (no server) ---------------------------------

UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:.c=)
UNIT_CFLAGS ?= -std=c99 -O2 -g -Wall -Wextra -Wdeclaration-after-statement $(WERROR)

test/unit/test_%: test/unit/test_%.c $(wildcard test/unit/*.h) $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) $(UNIT_CFLAGS) -Isrc/core -Itest/unit $(RMATH_CFLAGS) -o $@ $< $(CORE_SRCS) $(RMATH_LIBS) -lm

unittest: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; ./$$t; done

# ---- whole-project targets -------------------------------------------------

# Root installs directly; anyone else through sudo.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# Serialises install-and-test runs of several checkouts on one machine.
TEST_LOCK ?= /tmp/oba-install.lock

deps:
	tools/deps test

test: deps
	$(MAKE) all
	$(MAKE) unittest
	flock $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv -t test/run-sql-tests'

demo: deps
	$(MAKE) all
	flock $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv -t demo/run'

bench: deps
	$(MAKE) all
	flock $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv -t bench/run'

.PHONY: deps test demo bench unittest
