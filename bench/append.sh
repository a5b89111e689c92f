#!/usr/bin/env bash
# bench/append.sh - appending one entry to a case and loading a case from
# the database (a cache miss), at 10, 1,000 and 10,000 entries, on SQLite
# and on a throwaway PostgreSQL 15 (scripts/pg.sh), release build
# (bench/append.c; issue 13, docs/performance.md "Appends and loads").
#
# OUD=path/to/bench_append of an older build (e.g. a git worktree of an
# older commit with bench/append.c copied in) runs the same measurement
# with it, one after the other in this run, for a side-by-side table.
# BENCH_RUNS (default 21), BENCH_PG=0 skips PostgreSQL. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${BENCH_RUNS:-21}
cmake --preset release >/dev/null
cmake --build build/release -j"${JOBS:-2}" --target bench_append >/dev/null
NIEUW=$PWD/build/release/bench/bench_append
PGURL=
opruimen() { [ -n "$PGURL" ] && bash scripts/pg.sh stop "$PGURL" >/dev/null 2>&1; return 0; }
trap opruimen EXIT

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
meet() {
	local naam=$1; shift
	echo "== $naam, SQLite"
	"$@" --runs "$RUNS"
	if [ "${BENCH_PG:-1}" != 0 ]; then
		PGURL=$(bash scripts/pg.sh start)
		echo "== $naam, PostgreSQL 15 (throwaway cluster, fsync off)"
		"$@" --runs "$RUNS" --db "$PGURL"
		bash scripts/pg.sh stop "$PGURL" >/dev/null 2>&1
		PGURL=
	fi
}
if [ -n "${OUD:-}" ]; then
	meet "before ($OUD)" "$OUD"
fi
meet "now" "$NIEUW"
