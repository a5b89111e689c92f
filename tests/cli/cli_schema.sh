#!/usr/bin/env bash
# cli_schema.sh SPOOR TESTS - the JSON Schema of an entry in
# docs/openapi.json (made from core's event schema, format/schema.h) and
# the case-file reader agree: every case file of the test data and the
# demo that the reader accepts validates against components.schemas.
# Dossier, and entries the reader refuses for their type are refused by
# the schema too (issue 13). No server.
set -uo pipefail
S=$1
TESTS=$2
. "$TESTS/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# schema_ok FILE WANT(0 valid, 1 invalid) WHAT
schema_ok() {
	python3 - "$TESTS/../docs/openapi.json" "$1" >"$tmp/val" 2>&1 <<'PY'
import json, sys
import jsonschema
api = json.load(open(sys.argv[1]))
schema = {"$ref": "#/components/schemas/Dossier", "components": api["components"]}
d = json.load(open(sys.argv[2]))
try:
    jsonschema.Draft202012Validator(schema).validate(d)
except jsonschema.ValidationError as e:
    print(e.message[:300])
    sys.exit(1)
PY
	local rc=$?
	if [ "$rc" = "$2" ]; then ok; else nok "$3: schema rc $rc, want $2: $(tail -n 2 "$tmp/val")"; fi
}

n=0
for f in "$TESTS"/data/*.json "$TESTS"/data/*/*.json "$TESTS"/../data/demo/*.json; do
	[ -f "$f" ] || continue
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if isinstance(d, dict) and d.get("formaat") == "spoor-dossier/1" else 1)' "$f" 2>/dev/null || continue
	if "$S" tijdlijn "$f" >/dev/null 2>&1; then
		schema_ok "$f" 0 "${f#"$TESTS"/}: accepted by the reader"
		n=$((n + 1))
	fi
done
[ "$n" -ge 12 ] && ok || nok "only $n case files checked (12 or more)"

# entries the reader refuses for their type: the schema too
base="$TESTS/data/voorbeeld-architectuur.json"
slecht() {
	python3 - "$base" "$1" "$tmp/slecht.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["gebeurtenissen"].append(json.loads(sys.argv[2]))
json.dump(d, open(sys.argv[3], "w"))
PY
	if "$S" tijdlijn "$tmp/slecht.json" >/dev/null 2>&1; then
		nok "$2: the reader accepts it"
	else
		ok
	fi
	schema_ok "$tmp/slecht.json" 1 "$2"
}
slecht '{"soort":"contact","datum":"2026-01-05","instrument":"fml"}' "a field of another type"
slecht '{"soort":"belastbaarheid","datum":"2026-01-05"}' "belastbaarheid without instrument"
slecht '{"soort":"sollicitatie","datum":"2026-01-05","uitkomst":"misschien"}' "an unknown outcome"
slecht '{"soort":"deskundigenoordeel","datum":"2026-01-05","uitkomst":5}' "a number for a text"
slecht '{"soort":"werkhervatting","datum":"2026-01-05","bij":"eigen_werk","loonwaarde_procent":101}' "a percentage over 100"
slecht '{"soort":"belastbaarheid","datum":"2026-01-05","instrument":"fml","items":[{"code":"VII.1","niveau":1}]}' "an item code beyond VI"
slecht '{"soort":"geen_soort","datum":"2026-01-05"}' "an unknown type"
slecht '{"soort":"contact","datum":"2026-01-05","onbekend":true}' "an unknown key"
report
