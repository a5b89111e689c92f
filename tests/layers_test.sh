#!/usr/bin/env bash
# tests/layers_test.sh [BUILD_DIR] - tests/layers.sh passes on the tree
# (and, with BUILD_DIR, on its objects) and fails, with each violation
# named, on a fixture tree and a fixture object that break the rules.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bouw=${1:-}
fail=0
out=$(bash "$here/layers.sh" "$here/.." $bouw 2>&1); rc=$?
if [ "$rc" != 0 ] || [ "$out" != "layers: ok" ]; then
	echo "FAIL: the tree breaks a layer rule:"; echo "$out"; fail=1
fi
out=$(bash "$here/layers.sh" "$here/data/lagen-fout" 2>&1); rc=$?
[ "$rc" = 1 ] || { echo "FAIL: fixture: exit $rc, want 1"; fail=1; }
want=(
	'src/core/hoek.c:4: core mag store niet insluiten ("store/store.h")'
	'src/core/omhoog.c:3: core mag format niet insluiten ("../format/casefile.h")'
	'src/core/omhoog.c:4: core mag store niet insluiten ("store/store.h")'
	'src/server/lek.c:2:#include "store/laad.h": alleen src/store en src/app mogen de ongefilterde lader gebruiken'
	'src/server/lek.c:4:int lek(struct store *s, struct dossier *d) { return store_dossier_laad(s, 1, d); }: alleen src/store en src/app'
	'src/server/sub/diep.c:3:int (*lader)(void) = store_dossier_laad;: alleen src/store en src/app'
)
for w in "${want[@]}"; do
	grep -qF -- "$w" <<<"$out" || { echo "FAIL: fixture: missing: $w"; fail=1; }
done
n=$(grep -c . <<<"$out")
[ "$n" = 6 ] || { echo "FAIL: fixture: $n lines, want 6 (app may use the loader; date.h is core's own, stdio.h no layer):"; echo "$out"; fail=1; }
# an object of the server library that refers to the loader (a macro or
# a pointer would look like this after compiling)
if [ -n "$bouw" ] && command -v cc >/dev/null; then
	tmp=$(mktemp -d)
	mkdir -p "$tmp/CMakeFiles/spoor_server.dir"
	printf 'extern int store_dossier_laad(void);\nint f(void);\nint f(void) { return store_dossier_laad(); }\n' |
		cc -c -x c - -o "$tmp/CMakeFiles/spoor_server.dir/x.o"
	out=$(bash "$here/layers.sh" "$here/.." "$tmp" 2>&1); rc=$?
	[ "$rc" = 1 ] && grep -qF "x.o: verwijst naar store_dossier_laad" <<<"$out" ||
		{ echo "FAIL: object fixture: exit $rc: $out"; fail=1; }
	rm -rf "$tmp"
fi
[ "$fail" = 0 ] && echo "layers_test: ok"
exit "$fail"
