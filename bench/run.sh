#!/usr/bin/env bash
# bench/run.sh - the benchmarks of docs/performance.md (make bench).
#
#   1. release build of bench_tijdlijn and bench_toets, each pinned to one
#      core (taskset) when available;
#   2. the five main action deadlines (probleemanalyse, plan van aanpak,
#      42e-weekmelding, eerstejaarsevaluatie, start tweede spoor) of the same
#      1,000,000 continuous cases with one SQL query on a throwaway
#      PostgreSQL 15 cluster (two parallel workers), best of 5; the sum of
#      all deadlines is compared with spoor's, so both computed the same
#      dates;
#   3. the ratio spoor (all milestones, one core) / PostgreSQL (five).
#
# Environment: BENCH_N (cases, default 1000000), BENCH_RUNS (default 5),
# BENCH_NO_PG=1 to skip the PostgreSQL part, BENCH_VOOR (below) to compare
# with another build. Nothing here is a test: the
# figures go into docs/performance.md by hand, with the machine.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${BENCH_N:-1000000}
RUNS=${BENCH_RUNS:-5}

cmake --preset release >/dev/null
cmake --build build/release -j"${JOBS:-2}" --target bench_tijdlijn bench_toets >/dev/null
B=build/release/bench

PIN=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then
	PIN=(taskset -c 1)
fi

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MiB"
echo "# compiler: $(cc --version | head -1)"
"${PIN[@]}" "$B/bench_tijdlijn" --n "$N" --runs "$RUNS" | tee /tmp/spoor-bench-tijdlijn.$$
for mode in "" --per-dossier --continu; do
	"${PIN[@]}" "$B/bench_toets" --n "$N" --runs "$RUNS" $mode | head -1
done
"$B/bench_toets" --n 1 --runs 1 | tail -2

# BENCH_VOOR=<dir>: the bench binaries of another build (say the commit
# before a change, built the same way), run alternately with these
# BENCH_RONDES times so that both see the same load of a shared machine;
# compare the best figure of each (docs/performance.md, issue 13).
if [ -n "${BENCH_VOOR:-}" ]; then
	for r in $(seq "${BENCH_RONDES:-5}"); do
		for d in "$BENCH_VOOR" "$B"; do
			echo "# $d, round $r"
			"${PIN[@]}" "$d/bench_tijdlijn" --n "$N" --runs "$RUNS" | head -2
			for mode in "" --per-dossier --continu; do
				"${PIN[@]}" "$d/bench_toets" --n "$N" --runs "$RUNS" $mode | head -1
			done
		done
	done
fi

spoor_rate=$(awk '/continu:/ { for (i = 1; i <= NF; i++) if ($i == "cases/s,") print $(i-1) }' /tmp/spoor-bench-tijdlijn.$$)
rm -f /tmp/spoor-bench-tijdlijn.$$

if [ "${BENCH_NO_PG:-0}" = 1 ]; then
	exit 0
fi

# --- PostgreSQL 15, throwaway cluster (c-stack.md §1.6) ---------------------
if ! command -v pg_config >/dev/null || [ ! -x "$(pg_config --bindir)/initdb" ]; then
	SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
	$SUDO apt-get update -qq
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		postgresql-15 postgresql-client-15 libpq-dev >/dev/null
fi
PGBIN=$(pg_config --bindir)
PGTMP=$(mktemp -d /tmp/spoorpg.XXXXXX)
AS=()
if [ "$(id -u)" -eq 0 ]; then
	chown postgres:postgres "$PGTMP"
	AS=(runuser -u postgres --)
fi
stop_pg() {
	"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop \
		>"$PGTMP/stop.log" 2>&1 || true
	rm -rf "$PGTMP"
}
trap stop_pg EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 \
	--locale=C.UTF-8 --no-sync >"$PGTMP/initdb.log"
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
	-o "-c listen_addresses='' -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c max_parallel_workers_per_gather=2" \
	start >/dev/null
PSQL=("${AS[@]}" psql -X -q -h "$PGTMP" -U postgres -d postgres -v ON_ERROR_STOP=1)

# The same cases as bench_tijdlijn: D_i = 2020-01-01 + (i * 7919) mod 3650.
"${PSQL[@]}" <<SQL >/dev/null
CREATE TABLE zaak (id integer PRIMARY KEY, eerste_ziektedag date NOT NULL);
INSERT INTO zaak
  SELECT i, date '2020-01-01' + ((i::bigint * 7919) % 3650)::integer
  FROM generate_series(0, $N - 1) AS i;
VACUUM ANALYZE zaak;
SQL

# PA D+42, PvA D+56, 42e-weekmelding D+294, EJE D+363, tweede spoor D+405
# (rule book §0), as day numbers from 2000-01-01, summed.
QUERY="SELECT sum((pa - z) + (pva - z) + (m42 - z) + (eje - z) + (sp2 - z))
FROM (SELECT eerste_ziektedag + 42 AS pa, eerste_ziektedag + 56 AS pva,
             eerste_ziektedag + 294 AS m42, eerste_ziektedag + 363 AS eje,
             eerste_ziektedag + 405 AS sp2, date '2000-01-01' AS z
      FROM zaak) AS m"

workers=$("${PSQL[@]}" -At -c "EXPLAIN (ANALYZE, COSTS OFF) $QUERY" |
	sed -n 's/.*Workers Launched: \([0-9]*\).*/\1/p' | head -1)
pg_sum=$("${PSQL[@]}" -At -c "$QUERY")
spoor_sum=$("$B/bench_tijdlijn" --n "$N" --pg-som)
if [ "$pg_sum" != "$spoor_sum" ]; then
	echo "bench: PostgreSQL and spoor disagree: $pg_sum vs $spoor_sum" >&2
	exit 1
fi

best=
for _ in $(seq "$RUNS"); do
	ms=$( { printf '\\timing on\n%s;\n' "$QUERY"; } | "${PSQL[@]}" -At |
		sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
	if [ -z "$best" ] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then
		best=$ms
	fi
done
pg_rate=$(awk -v n="$N" -v ms="$best" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
echo "postgresql $("${PSQL[@]}" -At -c 'SHOW server_version'):" \
	"$N cases, 5 milestones, $workers parallel workers + leader," \
	"best of $RUNS: $best ms, $pg_rate cases/s (sum $pg_sum equals spoor's)"
# PostgreSQL used its leader plus the workers, on at most nproc cores.
pg_cores=$(( ${workers:-0} + 1 ))
[ "$pg_cores" -gt "$(nproc)" ] && pg_cores=$(nproc)
awk -v s="$spoor_rate" -v p="$pg_rate" -v c="$pg_cores" 'BEGIN {
	printf "ratio: spoor (all 18 milestones, 1 core) / PostgreSQL (5 milestones, %d cores): %.2f overall, %.2f per core\n", c, s / p, s / (p / c) }'
