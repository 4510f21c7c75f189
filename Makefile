# mldigest - turn the mbox of a patch mailing list into a digest.

PKG_CONFIG ?= pkg-config
CC ?= cc
AR ?= ar
CFLAGS ?= -O2 -g
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
INSTALL ?= install

PKGS = gmime-3.0 glib-2.0
DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
DEPS_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS))

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifeq ($(SANITIZE),1)
CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(DEPS_CFLAGS) $(CFLAGS) -MMD -MP

PROGS = mbsplit patchinfo seriesinfo domtally digestfmt
SCRIPTS = mldigest
MAN1 = $(PROGS:%=man/%.1) $(SCRIPTS:%=man/%.1)
MAN7 = man/mldigest.7

# Every src/*.c that is not a program's main is a shared module.  The
# modules make one static library: a program, a unit test or a fuzz
# target links it and so carries only the modules it uses.
MODULES = $(filter-out $(PROGS:%=src/%.c),$(wildcard src/*.c))
MODOBJS = $(MODULES:.c=.o)
LIB = src/libmld.a
UNITS = $(patsubst %.c,%.t,$(wildcard tests/unit-*.c))
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz-*.c)
# Each fuzz target also built with a plain driver, to replay its inputs.
REPLAYS = $(FUZZ_SRCS:tests/fuzz/fuzz-%.c=tests/fuzz/replay-%)
FUZZERS = $(FUZZ_SRCS:tests/fuzz/fuzz-%.c=tests/fuzz/fuzz-%)
FUZZ_CC = clang
FUZZ_TIME = 60
# libFuzzer wants clang; the modules are built again with it, into a
# library of their own.
FUZZ_OBJS = $(MODULES:src/%.c=tests/fuzz/obj/%.o)
FUZZ_LIB = tests/fuzz/obj/libmld.a
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -g -O1 -Isrc $(DEPS_CFLAGS) \
	-fsanitize=fuzzer-no-link,address,undefined -MMD -MP

all: $(PROGS)

$(PROGS): %: src/%.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o %.a,$^) $(DEPS_LIBS) $(LIBS)

src/%.o: src/%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(MODOBJS)
	rm -f $@
	$(AR) rcs $@ $^

# The .d files add headers to these prerequisites: only sources and the
# library go to the compiler.
tests/unit-%.t: tests/unit-%.c $(LIB)
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $(filter %.c %.a,$^) \
	    $(DEPS_LIBS) $(LIBS)

tests/fuzz/replay-%: tests/fuzz/fuzz-%.c tests/fuzz/driver.c $(LIB)
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $(filter %.c %.a,$^) \
	    $(DEPS_LIBS) $(LIBS)

tests/fuzz/obj/%.o: src/%.c
	@mkdir -p tests/fuzz/obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_LIB): $(FUZZ_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

tests/fuzz/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_LIB)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ \
	    $(filter %.c %.a,$^) $(DEPS_LIBS)

# The tests run two at a time, one a core of the machine they were
# measured on; PROVEFLAGS= runs them one by one.
PROVEFLAGS ?= -j2

# One folder per run holds what the tests share: the real archives
# decompressed and split once, not once per test (tests/lib.sh).
TEST_SHARE = d=$$(mktemp -d "$${TMPDIR:-/tmp}/mldigest-check.XXXXXX") && \
	trap 'rm -rf "$$d"' EXIT && export MLD_TEST_SHARE="$$d"

check: all $(UNITS) $(REPLAYS)
	$(TEST_SHARE) && prove $(PROVEFLAGS) tests/ </dev/null

# The tests again with every program under valgrind (tests/lib.sh), and
# the unit tests too; a memory error or a definite leak fails.
VALGRIND = valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	--error-exitcode=99 --suppressions=tests/valgrind.supp
valgrind: all $(UNITS) $(REPLAYS)
	$(TEST_SHARE) && MLD_VALGRIND=1 prove $(PROVEFLAGS) \
	    $(wildcard tests/[0-9]*.t) </dev/null
	for u in $(UNITS); do $(VALGRIND) $$u > /dev/null || exit 1; done

# Runs each fuzz target for FUZZ_TIME seconds from its seeds and findings.
fuzz: $(FUZZERS)
	tests/fuzz/run $(FUZZ_TIME) $(FUZZERS)

lint:
	mandoc -Tlint -W warning $(MAN1) $(MAN7)

demo: all
	./mldigest samples/kvm-week.mbox

bench: all
	bench/run

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(PROGS) $(SCRIPTS) $(DESTDIR)$(BINDIR)
	$(INSTALL) -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	$(if $(MAN7),$(INSTALL) -d $(DESTDIR)$(MANDIR)/man7)
	$(if $(MAN7),$(INSTALL) -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7)

uninstall:
	rm -f $(PROGS:%=$(DESTDIR)$(BINDIR)/%) $(SCRIPTS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)

clean:
	rm -f $(PROGS) $(LIB) src/*.o src/*.d tests/*.d tests/fuzz/*.d \
	    $(UNITS) $(REPLAYS) $(FUZZERS)
	rm -rf tests/fuzz/obj

.PHONY: all check valgrind fuzz lint demo bench install uninstall clean

-include $(wildcard src/*.d tests/*.d tests/fuzz/*.d tests/fuzz/obj/*.d)
