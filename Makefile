# spoor: the two commands of the README, and the checks CI runs.
#   make run     build, create build/run/spoor.db with demo data, serve it on
#                http://127.0.0.1:8080 (LISTEN=...) and print the demo logins
#   make test    unit + command-line + browser tests, again under
#                ASan+UBSan, and under valgrind memcheck; fails when a test
#                leaves a spoor process or a PostgreSQL cluster behind
#   make lint    cppcheck, clang-tidy and gcc -fanalyzer on src/
#   make fuzz    the libFuzzer targets, FUZZ_SECONDS each (default 30)
#   make bench   bench/run.sh (release build, PostgreSQL comparison)
#   make install the binary, man pages, systemd unit and example
#                configuration under PREFIX (default /usr/local), DESTDIR honoured
#   make test-fresh  the two commands inside a new minimal Debian 12 root
#                file system (scripts/fresh-debian.sh; slow, needs root)
# Each target installs only the Debian packages it needs (scripts/deps.sh):
# make run and make install never install test, analysis or browser tools.

JOBS ?= 2
FUZZ_SECONDS ?= 30
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --track-origins=yes

PREFIX ?= /usr/local
MAKEFLAGS += --no-print-directory

.PHONY: all deps deps-test build build-test run run-cli test test-debug test-asan \
	test-valgrind leftovers lint fuzz bench install test-fresh clean

all: build

deps:
	@bash scripts/deps.sh run

deps-test:
	@bash scripts/deps.sh test

# The server binary alone (release, hardened, no tests): what make run and
# make install need.
build: deps
	@cmake --preset run >/dev/null
	@cmake --build build/app -j$(JOBS) --target spoor

# The debug build with every test target.
build-test: deps-test
	@cmake --preset debug >/dev/null
	@cmake --build build/debug -j$(JOBS)

# A fresh SQLite database with demo data each time, then the server on
# 127.0.0.1:8080 (Ctrl-C stops it). DEMO_WACHTWOORD sets the password.
RUN_DB ?= build/run/spoor.db
DEMO_WACHTWOORD ?= spoor-demo-2026
LISTEN ?= 127.0.0.1:8080
run: build
	@mkdir -p $(dir $(RUN_DB))
	@rm -f $(RUN_DB) $(RUN_DB)-wal $(RUN_DB)-shm
	@./build/app/spoor demo --db $(RUN_DB) --wachtwoord $(DEMO_WACHTWOORD)
	@echo "log in op http://$(LISTEN)/ met een van deze namen"
	@./build/app/spoor serve --db $(RUN_DB) --listen $(LISTEN)

# The command line on the demo case files (what `make run` did before the
# server).
run-cli: build
	@for f in data/demo/*.json; do \
		for c in tijdlijn toets loon; do \
			echo "== spoor $$c $$f"; \
			./build/app/spoor $$c "$$f" || exit $$?; \
			echo; \
		done; \
	done

test: deps-test test-debug test-asan test-valgrind
	@echo "make test: all suites passed (debug, asan+ubsan, valgrind)"

# No test may leave a spoor process or a throwaway PostgreSQL cluster
# running: each phase runs under `scripts/leftovers.sh run`, which fails
# when what it ran left one (also when the phase failed, and without
# counting processes it did not start). `make leftovers` checks
# everything running now.
leftovers:
	@bash scripts/leftovers.sh

test-debug: deps-test
	cmake --preset debug >/dev/null
	cmake --build build/debug -j$(JOBS)
	bash scripts/leftovers.sh run \
		ctest --test-dir build/debug --output-on-failure --timeout 900 -j$(JOBS)

test-asan: deps-test
	cmake --preset asan >/dev/null
	cmake --build build/asan -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		bash scripts/leftovers.sh run \
		ctest --test-dir build/asan --output-on-failure --timeout 900 -j$(JOBS)

# Unit tests through ctest's memcheck; the command-line scripts run the
# real binary under valgrind through a wrapper.
test-valgrind: deps-test
	cmake --preset debug -DMEMORYCHECK_COMMAND_OPTIONS="--error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" >/dev/null
	cmake --build build/debug -j$(JOBS)
	SPOOR_PROP_N=2000 bash scripts/leftovers.sh run \
		ctest --test-dir build/debug -T memcheck -E '^cli_|_pg$$|^browser' \
		--output-on-failure --timeout 900 -j$(JOBS)
	@bash scripts/leftovers.sh run sh -c 'for s in tests/cli/cli_*.sh; do \
		[ -e "$$s" ] || continue; \
		echo "== valgrind: $$s"; \
		SPOOR_BIN=$(CURDIR)/build/debug/spoor SPOOR_VALGRIND="$(VALGRIND)" \
			timeout -k 10 900 bash "$$s" $(CURDIR)/tests/cli/valgrind-spoor.sh \
			$(CURDIR)/tests || exit 1; \
	done'

lint:
	@bash scripts/deps.sh lint
	cmake --preset debug >/dev/null
	cmake --build build/debug -j$(JOBS)
	cppcheck --enable=warning,style,performance,portability --std=c11 \
		--inline-suppr --error-exitcode=1 --suppress=missingIncludeSystem --suppress=variableScope \
		-q -I src -I src/store/intern src/
	clang-tidy -p build/debug --quiet --warnings-as-errors='*' --extra-arg=-Wno-unknown-warning-option \
		$$(git ls-files 'src/*.c') 2>/dev/null
	@for f in $$(git ls-files 'src/*.c'); do \
		gcc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -fanalyzer \
			-Werror -Isrc -Isrc/store/intern $$(pkg-config --cflags jansson libpq sqlite3 libsodium libmicrohttpd libzip) -c "$$f" \
			-o /dev/null || exit 1; \
	done
	@echo "lint: clean"

fuzz:
	@bash scripts/deps.sh fuzz
	cmake --preset fuzz >/dev/null
	cmake --build build/fuzz -j$(JOBS) --target fuzz_casefile fuzz_api_body fuzz_escape fuzz_entry
	rm -rf build/fuzz/corpus build/fuzz/corpus_api build/fuzz/corpus_escape build/fuzz/corpus_entry
	mkdir -p build/fuzz/corpus build/fuzz/corpus_api build/fuzz/corpus_escape build/fuzz/corpus_entry
	cp tests/fuzz/corpus/casefile/* build/fuzz/corpus/
	cp tests/fuzz/corpus/api_body/* build/fuzz/corpus_api/
	cp tests/fuzz/corpus/escape/* build/fuzz/corpus_escape/
	cp tests/fuzz/corpus/entry/* build/fuzz/corpus_entry/
	cd build/fuzz && ./fuzz_casefile -max_total_time=$(FUZZ_SECONDS) \
		-max_len=65536 -timeout=10 -rss_limit_mb=2048 corpus
	cd build/fuzz && ./fuzz_api_body -max_total_time=$(FUZZ_SECONDS) \
		-max_len=16384 -timeout=10 -rss_limit_mb=2048 corpus_api
	cd build/fuzz && ./fuzz_escape -max_total_time=$(FUZZ_SECONDS) \
		-max_len=4096 -timeout=10 -rss_limit_mb=2048 corpus_escape
	cd build/fuzz && ./fuzz_entry -max_total_time=$(FUZZ_SECONDS) \
		-max_len=4096 -timeout=10 -rss_limit_mb=2048 corpus_entry

bench:
	@bash scripts/deps.sh bench
	bash bench/run.sh

# DESTDIR (environment or make variable) is honoured by cmake --install.
install: build
	DESTDIR=$(DESTDIR) cmake --install build/app --prefix $(PREFIX)

test-fresh:
	bash scripts/fresh-debian.sh --phase all

clean:
	rm -rf build
