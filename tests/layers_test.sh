#!/usr/bin/env bash
# tests/layers_test.sh - tests/layers.sh passes on the tree and fails, with
# each violation named, on a fixture tree that breaks both rules.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fail=0
out=$(bash "$here/layers.sh" "$here/.." 2>&1); rc=$?
if [ "$rc" != 0 ] || [ "$out" != "layers: ok" ]; then
	echo "FAIL: the tree breaks a layer rule:"; echo "$out"; fail=1
fi
out=$(bash "$here/layers.sh" "$here/data/lagen-fout" 2>&1); rc=$?
[ "$rc" = 1 ] || { echo "FAIL: fixture: exit $rc, want 1"; fail=1; }
want=(
	'src/core/omhoog.c:3: core mag format niet insluiten ("../format/casefile.h")'
	'src/core/omhoog.c:4: core mag store niet insluiten ("store/store.h")'
	'src/server/lek.c:2:#include "store/laad.h": alleen src/store en src/app mogen de ongefilterde lader gebruiken'
	'src/server/lek.c:4:int lek(struct store *s, struct dossier *d) { return store_dossier_laad(s, 1, d); }: alleen src/store en src/app'
)
for w in "${want[@]}"; do
	grep -qF -- "$w" <<<"$out" || { echo "FAIL: fixture: missing: $w"; fail=1; }
done
n=$(grep -c . <<<"$out")
[ "$n" = 4 ] || { echo "FAIL: fixture: $n lines, want 4 (app may use the loader; date.h is core's own):"; echo "$out"; fail=1; }
[ "$fail" = 0 ] && echo "layers_test: ok"
exit "$fail"
