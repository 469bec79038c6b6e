# oba: PGXS build, plus the project's own targets:
#   make            build the extension (warnings are errors)
#   make install    install into the server pg_config names
#   make test       install what is missing, build, install, run every test
#                   on a throwaway cluster (pg_virtualenv)
#   make demo       the main job, on a throwaway cluster (DEMO_SERVER=existing:
#                   on the server libpq's environment names)
#   make bench      benchmarks, printed as ratios to a same-run baseline
#   make unittest   C unit tests of src/core, no server (unittest-sanitize,
#                   unittest-valgrind: the same under ASan+UBSan and valgrind)
#   make fuzz       crash-hunting: random calls of every function, SQLsmith
#   make fuzz-c     libFuzzer on the core's parsing and statistics entry points
#   make loadtest   concurrent refreshes of the report card under pgbench load

EXTENSION   = oba oba_geo
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" oba.control)
MODULE_big  = oba

CORE_SRCS   = $(sort $(wildcard src/core/*.c))
PG_SRCS     = $(sort $(wildcard src/pg/*.c))
OBJS        = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The install script is assembled from one file per family, in this order.
SQL_FAMILIES = agg_state estimate rate proportion compare funnel dsr isr mean sii life_expectancy need apportion \
               period better_off disclosure series trend curve spc report_card chart \
               neighbours value_for_money
SQL_SRCS    = src/sql/header.sql $(addprefix src/sql/,$(addsuffix .sql,$(SQL_FAMILIES)))

# Released versions. A released install script is frozen in src/sql/released/
# and never edited again. The upgrade script to this version is assembled from
# the families that are new since the previous release plus the hand-written
# changes to older objects in src/sql/updates/<from>--<to>.sql, if any.
# test: sql/upgrade.sql installs every older version, updates it, and compares
# the catalogue with a fresh install.
PREV_VERSION      = 0.1
PREV_SQL_FAMILIES = estimate rate proportion
# New families that the hand-written changes use come before them.
UPGRADE_FIRST     = agg_state
UPGRADE_SCRIPT    = oba--$(PREV_VERSION)--$(EXTVERSION).sql
UPGRADE_SRCS      = src/sql/update-header.sql \
                    $(addprefix src/sql/,$(addsuffix .sql,$(UPGRADE_FIRST))) \
                    $(wildcard src/sql/updates/$(PREV_VERSION)--$(EXTVERSION).sql) \
                    $(addprefix src/sql/,$(addsuffix .sql,$(filter-out $(PREV_SQL_FAMILIES) $(UPGRADE_FIRST),$(SQL_FAMILIES))))

# oba_geo (requires oba and PostGIS): its own install script, from src/sql/geo.
GEO_EXTVERSION = $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" oba_geo.control)
GEO_SQL_FAMILIES = apportion choropleth
GEO_SQL_SRCS = src/sql/geo/header.sql $(addprefix src/sql/geo/,$(addsuffix .sql,$(GEO_SQL_FAMILIES)))

DATA_built  = oba--$(EXTVERSION).sql $(UPGRADE_SCRIPT) oba_geo--$(GEO_EXTVERSION).sql
# The frozen install scripts of released versions, and older upgrade scripts.
DATA        = $(sort $(wildcard src/sql/released/*.sql))

# pg_regress suites: every sql/*.sql, each independent, oba preloaded.
REGRESS      = $(sort $(notdir $(basename $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=oba

PG_CONFIG  ?= pg_config
PKG_CONFIG ?= pkg-config
# R's maths library is opened at run time (src/core/dist.c says why), by the
# path of the library found here: pkg-config's libdir and the library's
# soname. RMATH_LIBRARY=/path/to/libRmath.so.1 overrides it.
RMATH_CFLAGS := $(shell $(PKG_CONFIG) --cflags libRmath 2>/dev/null)
RMATH_LIBDIR := $(shell $(PKG_CONFIG) --variable=libdir libRmath 2>/dev/null)
RMATH_SONAME := $(shell objdump -p $(or $(RMATH_LIBDIR),/usr/lib)/libRmath.so 2>/dev/null | sed -n 's/^ *SONAME *//p')
RMATH_LIBRARY ?= $(if $(and $(RMATH_LIBDIR),$(RMATH_SONAME)),$(RMATH_LIBDIR)/$(RMATH_SONAME),libRmath.so.1)
RMATH_DEFS   = -DOBA_RMATH_LIBRARY='"$(RMATH_LIBRARY)"'
# dlopen: in libc from glibc 2.34, in libdl before
RMATH_LIBS   = -ldl -lm

# WERROR= turns warnings back into warnings for a compiler we have not met.
WERROR     ?= -Werror
# -isystem: the server headers are not -Wextra clean; our code is.
PG_CPPFLAGS = -Isrc/core -isystem $(shell $(PG_CONFIG) --includedir-server) $(RMATH_CFLAGS) $(RMATH_DEFS)
PG_CFLAGS   = -std=c99 -Wall -Wextra $(WERROR)
SHLIB_LINK  = $(RMATH_LIBS)

EXTRA_CLEAN = results regression.diffs regression.out test/unit/*.o test/unit/*.so \
              $(UNIT_BINS) test/unit/san demo/out fuzz/c/fuzz_core \
              test/clash/oba_clash.c $(CLASH_LIB)

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Every object (and its JIT bitcode) depends on every header: coarse, but a
# changed header never leaves a stale object behind.
HEADERS = $(wildcard src/core/*.h src/pg/*.h)
$(OBJS) $(OBJS:.o=.bc): $(HEADERS)

oba--$(EXTVERSION).sql: $(SQL_SRCS) oba.control
	cat $(SQL_SRCS) > $@

$(UPGRADE_SCRIPT): $(UPGRADE_SRCS) oba.control Makefile
	cat $(UPGRADE_SRCS) > $@

oba_geo--$(GEO_EXTVERSION).sql: $(GEO_SQL_SRCS) oba_geo.control
	cat $(GEO_SQL_SRCS) > $@

# ---- C unit tests of the core (no server) ---------------------------------

UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:.c=)
UNIT_CFLAGS ?= -std=c99 -O2 -g -Wall -Wextra -Wdeclaration-after-statement $(WERROR)

test/unit/test_%: test/unit/test_%.c $(wildcard test/unit/*.h) $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) $(UNIT_CFLAGS) -Isrc/core -Itest/unit $(RMATH_CFLAGS) $(RMATH_DEFS) -o $@ $< $(CORE_SRCS) $(RMATH_LIBS)

# test_dist loads a library with the right names and wrong answers
test/unit/fake_rmath.so: test/unit/fake_rmath.c
	$(CC) -std=c99 -O2 -Wall -Wextra $(WERROR) -fPIC -shared -o $@ $<
test/unit/test_dist test/unit/san/test_dist: test/unit/fake_rmath.so
test/unit/san/fake_rmath.so: test/unit/fake_rmath.so
	@mkdir -p test/unit/san
	cp $< $@
test/unit/san/test_dist: test/unit/san/fake_rmath.so

unittest: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; ./$$t; done

# The unit tests under AddressSanitizer and UndefinedBehaviorSanitizer (with
# float-to-integer overflow, which GCC leaves out of "undefined"), and under
# valgrind; make test runs both. The core is compiled once with the
# sanitizers into test/unit/san/, so the plain binaries stay as they are.
SAN_FLAGS = -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_BINS  = $(patsubst test/unit/%,test/unit/san/%,$(UNIT_BINS))
SAN_CORE_OBJS = $(patsubst src/core/%.c,test/unit/san/core/%.o,$(CORE_SRCS))

test/unit/san/core/%.o: src/core/%.c $(wildcard src/core/*.h)
	@mkdir -p test/unit/san/core
	$(CC) $(UNIT_CFLAGS) -O1 $(SAN_FLAGS) -Isrc/core $(RMATH_CFLAGS) $(RMATH_DEFS) -c -o $@ $<

test/unit/san/test_%: test/unit/test_%.c $(wildcard test/unit/*.h) $(SAN_CORE_OBJS)
	$(CC) $(UNIT_CFLAGS) -O1 $(SAN_FLAGS) -Isrc/core -Itest/unit $(RMATH_CFLAGS) -o $@ $< $(SAN_CORE_OBJS) $(RMATH_LIBS)

unittest-sanitize: $(SAN_BINS)
	@set -e; for t in $(SAN_BINS); do echo "== $$t"; ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ./$$t; done

unittest-valgrind: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== valgrind $$t"; \
	  valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect ./$$t; done

# A module defining every function R's maths library exports, each raising
# an error: test/run-sql-tests preloads it into the sessions of the
# reference suites (test/clash/generate says why).
CLASH_LIB = test/clash/oba_clash.so
test/clash/oba_clash.c: test/clash/generate
	test/clash/generate $(RMATH_LIBRARY) > $@
$(CLASH_LIB): test/clash/oba_clash.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(CFLAGS_SL) -shared -o $@ $<
clashlib: $(CLASH_LIB)

# ---- whole-project targets -------------------------------------------------

# Root installs directly; anyone else through sudo.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# Serialises install-and-test runs of several checkouts on one machine.
TEST_LOCK ?= /tmp/oba-install.lock

deps:
	tools/deps test

test: deps
	$(MAKE) all clashlib
	$(MAKE) unittest
	$(MAKE) unittest-sanitize
	$(MAKE) unittest-valgrind
	tools/locked $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv -t test/run-sql-tests'

# The demo runs on a throwaway cluster that preloads pg_cron (its jobs run in
# background workers, in the demo's database); with DEMO_SERVER=existing, on
# the server libpq's environment names (PGHOST, PGPORT, PGUSER, PGPASSWORD),
# where oba, oba_geo and PostGIS are installed. DEMO_DB (default oba_demo),
# DEMO_SCALE (1: a city of 15,000 births a year), DEMO_OUT (demo/out).
DEMO_DB ?= oba_demo
export DEMO_DB DEMO_SCALE DEMO_OUT DEMO_CRON_WAIT
DEMO_CLUSTER = -o shared_preload_libraries=pg_cron -o cron.database_name=$(DEMO_DB) \
               -o cron.use_background_workers=on -o max_worker_processes=16

demo: deps
ifeq ($(DEMO_SERVER),existing)
	demo/run
else
	$(MAKE) all
	tools/locked $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv $(DEMO_CLUSTER) -t demo/run'
endif

# oba on another PostgreSQL: make test-pg PG_CONFIG=/opt/pg18/bin/pg_config
# builds in build/pg<major>, installs into that server, starts a throwaway
# cluster of it and runs every suite it can (test/run-pg-version).
test-pg:
	tools/deps test
	tools/locked $(TEST_LOCK)-$(notdir $(patsubst %/bin/pg_config,%,$(PG_CONFIG))) \
	  env PG_CONFIG=$(PG_CONFIG) test/run-pg-version

bench:
	tools/deps bench
	$(MAKE) all
	tools/locked $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv -t bench/run'

# Crash-hunting: targeted random calls and SQLsmith (FUZZ_SECONDS, FUZZ_QUERIES,
# FUZZ_CALLS, FUZZ_SEED); the server log must show no backend killed by a signal.
# FUZZ_UBSAN=1 installs a build with UndefinedBehaviorSanitizer (made in a copy
# of the tree, so the objects here stay as they are): the server log must then
# also show no "runtime error".
UBSAN_DIR ?= $(CURDIR)/fuzz/out/ubsan-build
fuzz:
	tools/deps fuzz
ifeq ($(FUZZ_UBSAN),1)
	rm -rf $(UBSAN_DIR) && mkdir -p $(UBSAN_DIR)
	tar -c --exclude=./.git --exclude=./fuzz/out --exclude='*.o' --exclude='*.bc' --exclude='*.so' . | tar -x -C $(UBSAN_DIR)
	$(MAKE) -C $(UBSAN_DIR) all PG_CFLAGS='$(PG_CFLAGS) -fsanitize=undefined,float-cast-overflow -fno-omit-frame-pointer' \
	  SHLIB_LINK='$(SHLIB_LINK) -fsanitize=undefined'
	tools/locked $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) -C $(UBSAN_DIR) install && pg_virtualenv -t fuzz/run'
else
	$(MAKE) all
	tools/locked $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv -t fuzz/run'
endif

# libFuzzer on the core (fuzz/c/fuzz_core.c) with AddressSanitizer and
# UndefinedBehaviorSanitizer, for FUZZ_C_SECONDS (default 300); the corpus
# grows in fuzz/out/c-corpus from the seeds in fuzz/c/seeds.
CLANG ?= clang
FUZZ_C_SECONDS ?= 300
fuzz/c/fuzz_core: fuzz/c/fuzz_core.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CLANG) -g -O1 -std=c99 -Wall -Wextra $(WERROR) -fsanitize=fuzzer,address,undefined,float-cast-overflow \
	  -fno-sanitize-recover=all -Isrc/core $(RMATH_CFLAGS) $(RMATH_DEFS) -o $@ $< $(CORE_SRCS) $(RMATH_LIBS)

fuzz-c:
	tools/deps fuzz
	$(MAKE) fuzz/c/fuzz_core
	@mkdir -p fuzz/out/c-corpus
	fuzz/c/fuzz_core -max_total_time=$(FUZZ_C_SECONDS) -print_final_stats=1 \
	  -artifact_prefix=fuzz/out/ fuzz/out/c-corpus fuzz/c/seeds

# Refresh under load: pgbench readers on the materialised report card while it
# is refreshed concurrently (LOAD_SECONDS, LOAD_AREAS, LOAD_PERIODS, LOAD_CLIENTS).
loadtest: deps
	$(MAKE) all clashlib
	tools/locked $(TEST_LOCK) sh -c '$(SUDO) $(MAKE) install && pg_virtualenv -t bench/load/run'

.PHONY: clashlib deps test test-pg demo bench fuzz fuzz-c loadtest unittest unittest-sanitize unittest-valgrind
