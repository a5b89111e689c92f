#!/usr/bin/env bash
# The README's two commands on a truly fresh Debian 12.
#
# Builds a minimal Debian 12 (bookworm) root file system with mmdebstrap
# (variant minbase plus git, make and ca-certificates only) from the Debian
# mirrors this machine's apt uses, clones the committed HEAD of this
# repository into it (/src/spoor; uncommitted work is not included) and
# runs there, as root in a chroot:
#   phase run   `make run`: seconds until http://127.0.0.1:8080/ answers,
#               what apt downloaded and installed, that no PostgreSQL
#               cluster was created and no browser, valgrind or clang
#               installed; then Ctrl-C (SIGINT) and a check that it ended
#   phase test  `make test` (after phase run, in the same root): wall time
#               and status, no process or PostgreSQL cluster left behind;
#               on failure the failing tests and their output
# Then a summary (also in DIR/summary.txt). Exit status 0 when every phase
# passed, 1 when one failed, 2 on a usage or setup error.
#
#   scripts/fresh-debian.sh [--phase run|test|all] [--reuse] [--keep]
#                           [--dir DIR] [--port N] [--timeout SECONDS]
#
#   --phase     which phases (default all)
#   --reuse     start from the cached pristine root file system
#               (DIR/rootfs-*.tar) when there is one, instead of a new one
#   --keep      leave the root (DIR/root) in place afterwards, to look around
#   --dir       work directory (default build/fresh of this repository);
#               logs: make-run.log, make-test.log, mmdebstrap.log
#   --port      port for make run (default 8080; another one needs the
#               Makefile's LISTEN, and is picked by itself when 8080 is busy)
#   --timeout   limit for make test in seconds (default 5400)
#
# Needs root (mmdebstrap, chroot, mounts) and installs mmdebstrap when it is
# missing. The mounts live in a private mount namespace, are undone on exit
# (also on failure or Ctrl-C), and every process still running inside the
# root at the end is killed. The root shares this machine's network.
set -euo pipefail
export LC_ALL=C

fout() {
	echo "fresh-debian.sh: $*" >&2
	exit 2
}

[ "$(id -u)" -eq 0 ] || fout "needs root (mmdebstrap, chroot and mounts)"
# Everything below runs in a private mount namespace: the mounts inside the
# root can never leak into the machine's, whatever happens to this script.
if [ -z "${FRESH_DEBIAN_NS:-}" ]; then
	export FRESH_DEBIAN_NS=1
	exec unshare --mount --propagation private -- bash "$0" "$@"
fi

phase=all
reuse=0
keep=0
dir=
port=
test_timeout=5400
run_timeout=1800
while [ $# -gt 0 ]; do
	case $1 in
	--phase)
		[ $# -ge 2 ] || fout "--phase needs run, test or all"
		phase=$2
		shift 2
		;;
	--reuse) reuse=1; shift ;;
	--keep) keep=1; shift ;;
	--dir)
		[ $# -ge 2 ] || fout "--dir needs a directory"
		dir=$2
		shift 2
		;;
	--port)
		[ $# -ge 2 ] || fout "--port needs a number"
		port=$2
		shift 2
		;;
	--timeout)
		[ $# -ge 2 ] || fout "--timeout needs seconds"
		test_timeout=$2
		shift 2
		;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*) fout "unknown argument '$1' (see --help)" ;;
	esac
done
case $phase in run | test | all) ;; *) fout "--phase: run, test or all, not '$phase'" ;; esac
case $test_timeout in '' | *[!0-9]*) fout "--timeout: seconds, not '$test_timeout'" ;; esac
case $port in *[!0-9]*) fout "--port: a number, not '$port'" ;; esac

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
dir=${dir:-$repo/build/fresh}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd -P)
root=$dir/root
status_file=$root/run/fresh-debian.status
exec 9>"$dir/.lock"
flock -n 9 || fout "another run is using $dir"

# ---- helpers ---------------------------------------------------------------

t_start=$EPOCHREALTIME
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
say() { printf '[%6ss] %s\n' "$(since "$t_start")" "$*"; }

# Prefixes each line with the seconds since $1, so that a log shows when
# each step began.
stamp() {
	local t0=$1 line
	while IFS= read -r line || [ -n "$line" ]; do
		printf '[%7ss] %s\n' "$(since "$t0")" "$line"
	done
}

# Starts a shell command inside the root in the background ($bg), its output
# time-stamped into a log. It gets its own session (pid in DIR/bg.pid), so
# that SIGINT reaches make and everything it started the way Ctrl-C in a
# terminal would; SIGINT is set back to default, since a script's
# background job starts with it ignored. It also gets its own PID namespace
# and /proc, like a machine of its own: otherwise the tests' leftover check
# would take this machine's other spoor and PostgreSQL processes for its
# own. The namespace's first process ignores SIGINT (else it would end the
# namespace when Ctrl-C ends the command), writes the command's status into
# $status_file and then only waits, so that what the command left running
# can still be seen; SIGTERM ends it, and with it the namespace.
start_inside() {
	local cmd=$1 log=$2 t0=$3
	# Waiting without a child process, which would count as left behind.
	local wait_forever="trap 'exit 0' TERM; mkfifo /run/fresh-debian.fifo; exec 3<>/run/fresh-debian.fifo; while :; do read -r -t 60 -u 3 _ || :; done"
	rm -f "$status_file" "$root/run/fresh-debian.fifo"
	(
		env --default-signal=INT,QUIT setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ \
			"$dir/bg.pid" unshare --pid --fork --mount-proc="$root/proc" \
			env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			HOME=/root LANG=C.UTF-8 TERM=dumb USER=root LOGNAME=root SHELL=/bin/bash \
			chroot "$root" /bin/bash -c "trap '' INT QUIT; env --default-signal=INT,QUIT /bin/bash -c '$cmd'; echo \$? >${status_file#"$root"}; $wait_forever" \
			</dev/null 2>&1 | stamp "$t0" >"$log"
	) &
	bg=$!
}
done_inside() { [ -s "$status_file" ]; }

# The pids of the processes whose root directory is the fresh root.
pids_inside() {
	local p r
	for p in /proc/[0-9]*; do
		r=$(readlink "$p/root" 2>/dev/null) || continue
		case $r in "$root" | "$root"/*) echo "${p#/proc/}" ;; esac
	done
}

# The first process of the command's PID namespace (pid 1 in there).
holder_pid() {
	local p
	for p in $(pids_inside); do
		awk '/^NSpid:/ { f = (NF == 3 && $3 == 1) } END { exit !f }' "/proc/$p/status" 2>/dev/null &&
			echo "$p"
	done
}

# What runs in the root besides that first process.
pids_left() {
	local h
	h=$(holder_pid)
	pids_inside | grep -vxF "${h:-none}" || true
}

describe_pids() {
	local p
	for p in "$@"; do
		printf '    %s %s\n' "$p" "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-160)"
	done
}

kill_inside() {
	local p i
	p=$(pids_inside)
	[ -n "$p" ] || return 0
	# shellcheck disable=SC2086
	kill -TERM $p 2>/dev/null || true
	for i in $(seq 1 50); do
		[ -n "$(pids_inside)" ] || return 0
		sleep 0.1
	done
	p=$(pids_inside)
	# shellcheck disable=SC2086
	[ -z "$p" ] || kill -KILL $p 2>/dev/null || true
	sleep 0.5
}

mounts=()
mnt() {
	local target=$1
	shift
	mount "$@" "$target"
	mounts+=("$target")
}

unmount_all() {
	local i
	for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
		umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" ||
			echo "fresh-debian.sh: could not unmount ${mounts[i]}" >&2
	done
	mounts=()
}

remove_root() {
	[ -e "$root" ] || return 0
	if awk -v r="$root" '$5 == r || index($5, r "/") == 1 { f = 1 } END { exit !f }' \
		/proc/self/mountinfo; then
		fout "something is still mounted under $root; not removing it"
	fi
	rm -rf --one-file-system -- "$root"
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[ "$rc" -lt 128 ] || echo "fresh-debian.sh: interrupted; stopping what runs in the root" >&2
	[ -z "${bg:-}" ] || kill -KILL "$bg" 2>/dev/null || true
	kill_inside
	unmount_all
	if [ "$keep" -eq 1 ]; then
		[ ! -d "$root" ] || echo "fresh-debian.sh: the root stays in $root (--keep)" >&2
	else
		remove_root
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Installed packages ("ii") as "KiB name" lines, and sums over them.
packages() {
	chroot "$root" dpkg-query -W -f '${db:Status-Abbrev} ${Installed-Size} ${Package}\n' |
		awk '$1 == "ii" { print $2 + 0, $3 }' | sort -k2
}
kib_sum() { awk '{ s += $1 } END { print s + 0 }' "$1"; }
count() { wc -l <"$1" | tr -d ' '; }
downloaded_bytes() {
	find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -printf '%s\n' 2>/dev/null |
		awk '{ s += $1 } END { print s + 0 }'
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
mib_b() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }

# The packages in $2 (after) that are not in $1 (before), largest first.
added_packages() {
	join -1 2 -2 2 -v 2 -o 2.1,2.2 "$1" "$2" | sort -rn
}

# Sets $cpu to the CPU seconds (user + system) of all finished children so
# far: next to the wall time, it shows how much of a phase was waiting for a
# busy machine. `times` must run in this shell, not in a subshell.
cpu_now() {
	times >"$dir/times.txt"
	cpu=$(tail -1 "$dir/times.txt" |
		awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } printf "%.0f", s }')
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

summary=()
note() { summary+=("$*"); }
failed=0

# ---- the pristine root file system -------------------------------------------

# The Debian mirrors this machine's apt is configured with (whatever the
# host's own release), turned into bookworm, bookworm-updates and
# bookworm-security lines. Third-party sources are left out on purpose: the
# point is stock Debian 12.
mirrors=()
while IFS= read -r l; do
	mirrors+=("$l")
done < <(apt-get indextargets --format '$(TARGET_OF) $(ORIGIN) $(LABEL) $(REPO_URI)' |
	sort -u | while read -r of origin label uri; do
		if [ "$of" != deb ] || [ "$origin" != Debian ]; then continue; fi
		case $label in
		Debian-Security) echo "deb $uri bookworm-security main" ;;
		Debian)
			echo "deb $uri bookworm main"
			echo "deb $uri bookworm-updates main"
			;;
		esac
	done | sort -u)
[ ${#mirrors[@]} -gt 0 ] ||
	fout "apt on this machine knows no Debian mirror (apt-get update first?)"
includes=git,make,ca-certificates
key=$(printf '%s\n' v1 minbase "$includes" "${mirrors[@]}" | sha256sum | cut -c1-12)
tarball=$dir/rootfs-bookworm-$key.tar

remove_root
boot_s=
if [ "$reuse" -eq 1 ] && [ -s "$tarball" ]; then
	say "reusing $(basename "$tarball")"
	note "root file system: cached $(basename "$tarball") (--reuse)"
else
	if ! command -v mmdebstrap >/dev/null 2>&1; then
		say "installing mmdebstrap"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null ||
			fout "apt-get install mmdebstrap failed"
	fi
	say "mmdebstrap bookworm (minbase + $includes) from: ${mirrors[*]}"
	t0=$EPOCHREALTIME
	if ! mmdebstrap --variant=minbase --include="$includes" --format=tar \
		bookworm "$tarball.tmp" "${mirrors[@]}" >"$dir/mmdebstrap.log" 2>&1; then
		grep -E '^(E:|W:)|error' "$dir/mmdebstrap.log" >&2 || tail -20 "$dir/mmdebstrap.log" >&2
		rm -f "$tarball.tmp"
		fout "mmdebstrap failed (log: $dir/mmdebstrap.log)"
	fi
	mv "$tarball.tmp" "$tarball"
	boot_s=$(since "$t0")
	note "root file system: mmdebstrap minbase + $includes in ${boot_s} s, tarball $(mib_b "$(stat -c %s "$tarball")") MiB"
fi

mkdir "$root"
tar -C "$root" --numeric-owner -xpf "$tarball"

# In a chroot nothing may start services (there is no init): Debian's way
# is a policy-rc.d that refuses; it also keeps a PostgreSQL that a package
# would start from running. It does not stop a cluster from being created.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
rm -f "$root/etc/resolv.conf"
cat /etc/resolv.conf >"$root/etc/resolv.conf"
# minbase has no netbase; every installed system has these two names.
[ -s "$root/etc/hosts" ] ||
	printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"

mkdir -p "$root/src"
git clone -q --no-hardlinks "$repo" "$root/src/spoor"
commit=$(git -C "$root/src/spoor" log -1 --format='%h %cd' --date=format:'%Y-%m-%d %H:%M')
say "cloned $commit into /src/spoor"
note "commit: $commit"

mnt "$root/proc" -t proc -o nosuid,nodev,noexec proc
mnt "$root/sys" -t sysfs -o ro,nosuid,nodev,noexec sysfs
# A fresh /dev with the usual nodes rather than the machine's own.
mnt "$root/dev" -t tmpfs -o mode=0755,nosuid tmpfs
for n in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
	IFS=: read -r name major minor <<<"$n"
	mknod -m 666 "$root/dev/$name" c "$major" "$minor"
done
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
mkdir "$root/dev/pts" "$root/dev/shm"
mnt "$root/dev/pts" -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts
ln -s pts/ptmx "$root/dev/ptmx"
# Chromium needs a writable /dev/shm.
mnt "$root/dev/shm" -t tmpfs -o mode=1777,nosuid,nodev tmpfs

# The root shares this machine's network, so it trusts the local certificate
# authorities this machine was given (an intercepting proxy's, say), the way
# it uses the machine's resolv.conf; a Debian mirror over http needs none,
# the npm registry does.
cas=()
for c in /usr/local/share/ca-certificates/*.crt /usr/local/share/ca-certificates/*/*.crt; do
	[ -f "$c" ] && cas+=("$c")
done
if [ ${#cas[@]} -gt 0 ]; then
	mkdir -p "$root/usr/local/share/ca-certificates"
	cp "${cas[@]}" "$root/usr/local/share/ca-certificates/"
	chroot "$root" update-ca-certificates >/dev/null 2>&1 ||
		fout "update-ca-certificates failed in the root"
	note "root: trusts this machine's local CA certificates too: ${cas[*]##*/}"
fi

packages >"$dir/packages-0.txt"
note "fresh root: $(count "$dir/packages-0.txt") packages, $(mib "$(kib_sum "$dir/packages-0.txt")") MiB installed"

# No system PostgreSQL cluster and no PostgreSQL process in the root.
check_no_pg() {
	local what=$1 c p bad=0
	for c in "$root"/etc/postgresql/*/* "$root"/var/lib/postgresql/*/*; do
		[ -e "$c" ] || continue
		note "$what: FAIL: a system PostgreSQL cluster exists: ${c#"$root"}"
		bad=1
	done
	for p in $(pids_inside); do
		if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = postgres ]; then
			note "$what: FAIL: a postgres process runs in the root: $(describe_pids "$p")"
			bad=1
			break
		fi
	done
	[ "$bad" -eq 1 ] || note "$what: no system PostgreSQL cluster, no postgres process"
	return "$bad"
}

# Ends the command's namespace and whatever is left in the root.
end_inside() {
	kill_inside
	[ -z "${bg:-}" ] || wait "$bg" 2>/dev/null || true
	bg=
}

# Sizes and the largest new packages between two package lists.
report_install() {
	local what=$1 before=$2 after=$3 dl_before=$4 kib_added
	kib_added=$(($(kib_sum "$after") - $(kib_sum "$before")))
	note "$what installed: $(($(count "$after") - $(count "$before"))) packages, $(mib "$kib_added") MiB (dpkg Installed-Size), downloaded $(mib_b "$(($(downloaded_bytes) - dl_before))") MiB of .deb"
	note "$what largest new packages (MiB): $(added_packages "$before" "$after" | head -12 |
		awk '{ printf "%s%s %.0f", (NR > 1 ? ", " : ""), $2, $1 / 1024 }')"
}

# Anything still running in the root after a phase is a leftover.
check_leftovers() {
	local what=$1 p
	p=$(pids_left)
	if [ -z "$p" ]; then
		note "$what: no process left in the root"
		return 0
	fi
	# shellcheck disable=SC2086
	note "$what: FAIL: processes left in the root:"$'\n'"$(describe_pids $p)"
	return 1
}

# ---- phase 1: make run -------------------------------------------------------

phase_run() {
	local cmd=(make run) url code st t0 first_s foreign lpid p dl0 bad=0 i cpu0
	local log=$dir/make-run.log
	if [ -z "$port" ] && ! ss -Hltn "sport = :8080" | grep -q .; then
		port=8080
	fi
	if [ "$port" != 8080 ]; then
		grep -q '^LISTEN ?=' "$root/src/spoor/Makefile" ||
			fout "port 8080 is in use on this machine (the root shares its network) and this Makefile has no LISTEN to move make run elsewhere; free 8080 first"
		if [ -z "$port" ]; then
			for port in $(shuf -i 20000-59999 -n 20); do
				ss -Hltn "sport = :$port" | grep -q . || break
			done
		fi
		cmd+=("LISTEN=127.0.0.1:$port")
	fi
	ss -Hltn "sport = :$port" | grep -q . && fout "port $port is in use on this machine"
	url=http://127.0.0.1:$port/
	dl0=$(downloaded_bytes)

	say "phase run: ${cmd[*]} (log: $log)"
	note "make run: command: ${cmd[*]}; load average at start $(load)"
	cpu_now
	cpu0=$cpu
	t0=$EPOCHREALTIME
	start_inside "cd /src/spoor && exec ${cmd[*]}" "$log" "$t0"
	# Only an answer from a listener inside the root counts: the root shares
	# this machine's network, where something else may take the port.
	first_s=
	foreign=
	while :; do
		lpid=$(ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 || true)
		lpid=${lpid#pid=}
		if [ -n "$lpid" ] && [ "$(readlink "/proc/$lpid/root" 2>/dev/null)" = "$root" ]; then
			code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
			if [ -n "$code" ] && [ "$code" != 000 ]; then
				first_s=$(since "$t0")
				break
			fi
		elif [ -n "$lpid" ] && [ -z "$foreign" ]; then
			foreign=$(describe_pids "$lpid")
		fi
		! done_inside || break
		kill -0 "$bg" 2>/dev/null || break
		[ "$(since "$t0" | cut -d. -f1)" -lt "$run_timeout" ] || break
		sleep 0.5
	done
	if [ -z "$first_s" ]; then
		note "make run: FAIL: no answer from the root on $url (after $(since "$t0") s); its log:"$'\n'"$(tail -40 "$log")"
		[ -z "$foreign" ] || note "make run: port $port was taken meanwhile by a process outside the root:"$'\n'"$foreign"
		end_inside
		return 1
	fi
	note "make run: first answer from $url after $first_s s (HTTP $code)"
	case $code in 2?? | 3??) ;; *) note "make run: FAIL: HTTP $code on /"; bad=1 ;; esac
	p=$(grep -m1 -E '^\[ *[0-9.]+s\] \[ *[0-9]+%\]' "$log" | sed -E 's/^\[ *([0-9.]+)s\].*/\1/' || true)
	[ -z "$p" ] || note "make run: packages installed and cmake configured, compiling from $p s"
	p=$(grep -m1 'log in op' "$log" | sed -E 's/^\[ *([0-9.]+)s\].*/\1/' || true)
	[ -z "$p" ] || note "make run: build and demo data done after $p s"
	p=$(grep -m1 'deps.sh.*installing' "$log" | sed -E 's/^\[ *[0-9.]+s\] //' || true)
	[ -z "$p" ] || note "make run: $p"

	packages >"$dir/packages-run.txt"
	report_install "make run" "$dir/packages-0.txt" "$dir/packages-run.txt" "$dl0"
	p=$(awk '{ print $2 }' "$dir/packages-run.txt" |
		grep -E '^(chromium.*|firefox.*|valgrind.*|clang.*|libclang.*|llvm.*|nodejs|npm|cppcheck|postgresql-15|libcmocka.*)$' |
		tr '\n' ' ' || true)
	if [ -n "$p" ]; then
		note "make run: FAIL: installs test tools: $p"
		bad=1
	else
		note "make run: no browser, valgrind, clang, Node.js, cppcheck, PostgreSQL server or cmocka installed"
	fi
	check_no_pg "make run" || bad=1

	# Ctrl-C, and the server must be gone within 30 s.
	kill -INT -- "-$(cat "$dir/bg.pid")" 2>/dev/null || true
	for i in $(seq 1 300); do
		! done_inside || break
		sleep 0.1
	done
	st=$(cat "$status_file" 2>/dev/null || echo none)
	if ! done_inside; then
		p=$(pids_left)
		if [ -n "$p" ]; then
			# shellcheck disable=SC2086
			note "make run: FAIL: still running 30 s after SIGINT:"$'\n'"$(describe_pids $p)"
		else
			note "make run: FAIL: the root's first process ended without the status of make run"
		fi
		bad=1
	fi
	if ss -Hltn "sport = :$port" | grep -q .; then
		note "make run: FAIL: port $port still open after SIGINT"
		bad=1
	fi
	note "make run: stopped by SIGINT (make's status $st); last lines: $(tail -2 "$log" | tr '\n' '|')"
	check_leftovers "make run" || bad=1
	end_inside
	cpu_now
	note "make run: CPU time (user + system) $((cpu - cpu0)) s; load average at the end $(load)"
	return "$bad"
}

# ---- phase 2: make test ------------------------------------------------------

# The failing ctest tests with their output, or else the lines that say
# what went wrong: never just the log's last lines.
explain_failure() {
	local log=$1 raw names n
	raw=$(mktemp)
	sed -E 's/^\[ *[0-9.]+s\] //' "$log" >"$raw"
	names=$(grep -E '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*\*\*\*' "$raw" |
		sed -E 's/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: ([^ ]+) .*/\1/' | sort -u || true)
	if [ -n "$names" ]; then
		echo "failing tests: $(echo "$names" | tr '\n' ' ')"
		for n in $names; do
			echo "---- $n"
			awk -v n="$n" '
				$0 ~ "^ *[0-9]+/[0-9]+ Test +#[0-9]+: " n " " && /\*\*\*/ { on = 1; print; next }
				on && (/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: / || /^ *Start +[0-9]+: / || /^[0-9]+% tests passed/) { on = 0 }
				on { print }' "$raw" | awk '{ l[NR] = $0 } END {
					for (i = 1; i <= NR; i++)
						if (NR <= 160 || i <= 40 || i > NR - 120) print l[i];
						else if (i == 41) print "    [... " NR - 160 " lines ...]" }'
		done
	else
		echo "no failing ctest test; the lines that look like the cause:"
		grep -n -E 'error|Error|ERR!|FAIL|fout|mislukt|\*\*\*|No such file|not found|refus' "$raw" |
			grep -v -E 'Werror|error-exitcode|errors-for-leak|halt_on_error|abort_on_error' | head -60
		echo "---- last 30 lines"
		tail -30 "$raw"
	fi
	grep -E '^make(\[[0-9]+\])?: \*\*\*' "$raw" | head -5
	rm -f "$raw"
}

phase_test() {
	local log=$dir/make-test.log st t0 s bad=0 dl0 before cpu0
	before=$dir/packages-run.txt
	[ -f "$before" ] && [ "$phase" = all ] || before=$dir/packages-0.txt
	dl0=$(downloaded_bytes)
	say "phase test: make test (log: $log; limit $test_timeout s)"
	note "make test: load average at start $(load)"
	cpu_now
	cpu0=$cpu
	t0=$EPOCHREALTIME
	start_inside 'cd /src/spoor && exec make test' "$log" "$t0"
	while ! done_inside && kill -0 "$bg" 2>/dev/null; do
		if [ "$(since "$t0" | cut -d. -f1)" -ge "$test_timeout" ]; then
			note "make test: FAIL: stopped after the limit of $test_timeout s"
			kill -INT -- "-$(cat "$dir/bg.pid")" 2>/dev/null || true
			sleep 30
			break
		fi
		sleep 2
	done
	s=$(since "$t0")
	st=$(cat "$status_file" 2>/dev/null || echo 124)
	check_leftovers "make test" || bad=1
	check_no_pg "make test" || bad=1
	end_inside
	cpu_now
	note "make test: CPU time (user + system) $((cpu - cpu0)) s; load average at the end $(load)"
	if [ "$st" -eq 0 ]; then
		note "make test: passed in $s s"
	else
		note "make test: FAIL: status $st after $s s; the cause:"$'\n'"$(explain_failure "$log")"
		bad=1
	fi
	# When each part of make test began, from make's own echo lines.
	note "make test steps (s from start): $(awk '
		function at(label) { if (!(label in seen)) { seen[label] = 1; printf "%s%s %s", (n++ ? ", " : ""), label, t } }
		{ t = $0; sub(/^\[ */, "", t); sub(/s\].*/, "", t) }
		/\] cmake --preset debug >/ { at("debug build") }
		/\][ \t]+ctest --test-dir build\/debug --output/ { at("debug ctest") }
		/\] cmake --preset asan/ { at("asan build") }
		/\][ \t]+ctest --test-dir build\/asan/ { at("asan ctest") }
		/\][ \t]+ctest --test-dir build\/debug -T memcheck/ { at("valgrind ctest") }
		/\] == valgrind: / { at("valgrind cli scripts") }
		/\] make test: / { at("done") }' "$log")"
	packages >"$dir/packages-test.txt"
	report_install "make test" "$before" "$dir/packages-test.txt" "$dl0"
	note "make run + make test installed together: $(mib $(($(kib_sum "$dir/packages-test.txt") - $(kib_sum "$dir/packages-0.txt")))) MiB"
	return "$bad"
}

if [ "$phase" = run ] || [ "$phase" = all ]; then
	phase_run || failed=1
fi
if [ "$phase" = test ] || [ "$phase" = all ]; then
	phase_test || failed=1
fi

{
	echo "== fresh Debian 12: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(since "$t_start") s in all"
	printf '%s\n' "${summary[@]}"
	if [ "$failed" -eq 0 ]; then echo "== result: passed"; else echo "== result: FAILED"; fi
} | tee "$dir/summary.txt"
exit "$failed"
