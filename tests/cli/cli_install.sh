#!/bin/bash
# cli_install.sh - `make install` into a DESTDIR: every file in its place
# with its mode, the installed binary runs, a man page for every command
# that names every option of `spoor help <command>`, the pages render
# without a groff warning, every key of the example configuration is in
# spoor.conf(5), the sysusers.d entry makes the user, and the systemd
# unit passes `systemd-analyze verify` (docs/install.md).
#
# It installs from the build tree of the binary under test (no second
# build); when that is no build tree, it configures and builds one in a
# temporary directory.
#
# usage: bash cli_install.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pid=
cleanup() {
	stop_server "$pid"
	rm -rf "$tmp"
}
trap cleanup EXIT
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_install.sh <spoor> <tests-dir>" >&2; exit 2; }
SRC=$(cd "$TESTS/.." && pwd)

# Under valgrind the first argument is a wrapper; the binary is $SPOOR_BIN.
bin=${SPOOR_BIN:-$SPOOR}
build=$(cd "$(dirname "$bin")" && pwd)
if [ ! -f "$build/cmake_install.cmake" ]; then
	echo "cli_install: $build is no build tree; configuring one" >&2
	build=$tmp/build
	cmake -S "$SRC" -B "$build" -DBUILD_TESTING=OFF >"$tmp/cfg.log" 2>&1 &&
		cmake --build "$build" --target spoor -j2 >>"$tmp/cfg.log" 2>&1 ||
		{ cat "$tmp/cfg.log" >&2; echo "cli_install: build failed" >&2; exit 1; }
fi

# A package-style install: prefix /usr, everything under DESTDIR.
D=$tmp/dest
if ! DESTDIR=$D cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log" >&2
	echo "cli_install: cmake --install failed" >&2
	exit 1
fi

# mode PATH WANT: the file exists, is a regular file, has mode WANT.
mode() {
	local m
	if [ ! -f "$D$1" ]; then
		nok "$1 not installed"
		return
	fi
	m=$(stat -c %a "$D$1")
	[ "$m" = "$2" ] && ok || nok "$1: mode $m, want $2"
}

mode /usr/bin/spoor 755
mode /usr/lib/systemd/system/spoor.service 644
mode /usr/lib/systemd/system/spoor-backup.service 644
mode /usr/lib/systemd/system/spoor-backup.timer 644
mode /usr/lib/sysusers.d/spoor.conf 644
mode /usr/share/doc/spoor/examples/spoor.conf 644
mode /usr/share/man/man1/spoor.1 644
mode /usr/share/man/man5/spoor.conf.5 644
# Nothing outside the prefix: an install never writes /etc or /var.
extra=$(cd "$D" && find . -mindepth 1 -maxdepth 1 ! -name usr)
[ -z "$extra" ] && ok || nok "installed outside /usr: $extra"

# The installed binary runs and lists its commands.
if "$D/usr/bin/spoor" --help >"$tmp/help" 2>&1; then ok; else nok "spoor --help: exit $?"; fi
grep -q '^gebruik: spoor' "$tmp/help" && ok || nok "spoor --help: no usage line"
cmds=$(awk '/^Opdrachten:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }' "$tmp/help")
[ -n "$cmds" ] && ok || nok "spoor --help: no commands found"

# man page for each command, in section 1 or 8, mode 0644, naming every
# option its help text names (roff writes '-' as '\-').
for c in $cmds; do
	page=
	for s in 1 8; do
		[ -f "$D/usr/share/man/man$s/spoor-$c.$s" ] && page=$D/usr/share/man/man$s/spoor-$c.$s
	done
	if [ -z "$page" ]; then
		nok "no man page spoor-$c(1) or spoor-$c(8)"
		continue
	fi
	ok
	m=$(stat -c %a "$page")
	[ "$m" = 644 ] && ok || nok "$page: mode $m, want 644"
	sed 's/\\-/-/g' "$page" >"$tmp/page"
	"$D/usr/bin/spoor" help "$c" >"$tmp/chelp" 2>&1 || nok "spoor help $c: exit $?"
	for o in $(grep -oE -- '--[a-z][a-z-]*' "$tmp/chelp" | sort -u); do
		grep -qF -- "$o" "$tmp/page" && ok || nok "spoor-$c man page lacks option $o of 'spoor help $c'"
	done
	sed 's/\\-/-/g' "$D/usr/share/man/man1/spoor.1" | grep -qF "spoor-$c" && ok ||
		nok "spoor(1) does not refer to spoor-$c"
done

# Every page renders without a warning.
n=0
for page in "$D"/usr/share/man/man?/*; do
	n=$((n + 1))
	out=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
	[ -z "$out" ] && ok || nok "groff warns on ${page#"$D"}: $out"
	if command -v mandoc >/dev/null 2>&1; then
		out=$(mandoc -Tlint -Wwarning "$page" 2>&1)
		[ -z "$out" ] && ok || nok "mandoc -Tlint on ${page#"$D"}: $out"
	fi
done
[ "$n" -ge 14 ] && ok || nok "only $n man pages installed"

# Every key of the example configuration (also the commented-out ones)
# is documented in spoor.conf(5).
keys=$(sed -nE 's/^#?([a-z_]+) = .*/\1/p' "$D/usr/share/doc/spoor/examples/spoor.conf" | sort -u)
[ -n "$keys" ] && ok || nok "example configuration has no keys"
sed 's/\\-/-/g; s/\\(ul/_/g' "$D/usr/share/man/man5/spoor.conf.5" >"$tmp/conf5"
for k in $keys; do
	grep -qE "^\.BI? $k( |\$)" "$tmp/conf5" && ok || nok "spoor.conf(5) lacks key $k"
done
# ... and every key of spoor.conf(5) is in the example.
for k in $(sed -nE 's/^\.BI ([a-z_]+) " = .*/\1/p' "$tmp/conf5"); do
	echo "$keys" | grep -qx "$k" && ok || nok "the example configuration lacks key $k of spoor.conf(5)"
done

# The installed server accepts the installed example configuration
# (database and address overridden on the command line) and stops
# cleanly on SIGTERM, as the unit stops it.
ex=$D/usr/share/doc/spoor/examples/spoor.conf
if "$D/usr/bin/spoor" help serve | grep -q -- '--config'; then
	SPOOR_AUTH_KOSTEN=test "$D/usr/bin/spoor" init --db "$tmp/i.db" >"$tmp/init.out" 2>&1 ||
		nok "spoor init: $(cat "$tmp/init.out")"
	"$D/usr/bin/spoor" serve --config "$ex" --db "$tmp/i.db" --listen 127.0.0.1:0 \
		>"$tmp/serve.out" 2>"$tmp/serve.err" &
	pid=$!
	for _ in $(seq 1 300); do
		grep -q "luistert op" "$tmp/serve.out" 2>/dev/null && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	grep -q "luistert op" "$tmp/serve.out" && ok ||
		nok "spoor serve --config (installed example): $(cat "$tmp/serve.err")"
	stop_server "$pid"
	src=$?
	pid=
	[ "$src" -eq 0 ] && ok || nok "spoor serve with the example configuration: exit $src on SIGTERM"
else
	echo "cli_install: spoor serve has no --config yet; example configuration not loaded" >&2
fi

# The unit runs the installed binary; nothing left to configure.
unit=$D/usr/lib/systemd/system/spoor.service
unit_b=$D/usr/lib/systemd/system/spoor-backup.service
grep -q '^ExecStart=/usr/bin/spoor serve ' "$unit" && ok || nok "unit: ExecStart is not /usr/bin/spoor serve"
grep -q '@[a-z]*@' "$unit" "$unit_b" && nok "unit: unreplaced @...@" || ok
grep -q '^ExecStart=/bin/sh -c .* /usr/bin/spoor backup ' "$unit_b" && ok || nok "backup unit: ExecStart is not /usr/bin/spoor backup"
for k in 'User=spoor' 'ProtectSystem=strict' 'NoNewPrivileges=yes' 'PrivateTmp=yes' \
	'StateDirectory=spoor' 'CapabilityBoundingSet=$' 'KillSignal=SIGTERM'; do
	grep -q "^$k" "$unit" && ok || nok "unit lacks $k"
done
# Documentation= names pages that are installed.
for d in $(sed -n 's/^Documentation=//p' "$D"/usr/lib/systemd/system/spoor*); do
	p=${d#man:}
	s=${p##*(}; s=${s%)}
	[ -f "$D/usr/share/man/man$s/${p%(*}.$s" ] && ok || nok "unit: $d not installed"
done

if ! command -v systemd-analyze >/dev/null 2>&1; then
	echo "cli_install: SKIP systemd-analyze verify and systemd-sysusers: install the" \
		"Debian package systemd" >&2
else
	# A copy of the DESTDIR plus the host's targets (the unit's default
	# dependencies) as the root: verify then checks the unit's syntax,
	# its values and that ExecStart's binary exists and is executable
	# inside that root. It exits 0 on unknown keys and bad values, so any
	# output fails too.
	V=$tmp/root
	cp -a "$D" "$V"
	cp /usr/lib/systemd/system/*.target "$V/usr/lib/systemd/system/" 2>/dev/null
	mkdir -p "$V/bin" && cp /bin/sh "$V/bin/sh"
	for u in spoor.service spoor-backup.service spoor-backup.timer; do
		out=$(systemd-analyze verify --man=no --root="$V" "/usr/lib/systemd/system/$u" 2>&1)
		rc=$?
		[ "$rc" -eq 0 ] && [ -z "$out" ] && ok || nok "systemd-analyze verify $u: exit $rc: $out"
	done
	# the check bites: without the binary it must fail
	mv "$V/usr/bin/spoor" "$V/usr/bin/spoor.weg"
	systemd-analyze verify --man=no --root="$V" /usr/lib/systemd/system/spoor.service >/dev/null 2>&1 &&
		nok "systemd-analyze verify passes without the binary" || ok
	mv "$V/usr/bin/spoor.weg" "$V/usr/bin/spoor"
	# the sysusers.d entry makes the system user spoor
	mkdir -p "$V/etc"
	: >"$V/etc/passwd"; : >"$V/etc/group"; : >"$V/etc/shadow"; : >"$V/etc/gshadow"
	if systemd-sysusers --root="$V" >"$tmp/sysusers" 2>&1; then ok; else nok "systemd-sysusers: $(cat "$tmp/sysusers")"; fi
	grep -q '^spoor:x:[0-9]*:[0-9]*:spoor server:/var/lib/spoor:/usr/sbin/nologin$' "$V/etc/passwd" && ok ||
		nok "sysusers made no user spoor: $(cat "$V/etc/passwd")"
fi

echo "cli_install: $pass checks passed, $fail failed"
[ "$fail" -eq 0 ]
