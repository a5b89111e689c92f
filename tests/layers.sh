#!/usr/bin/env bash
# tests/layers.sh - the layer rules of docs/architecture.md, checked on
# the source (issue 13):
#
#   1. includes go one way: lib <- core <- format <- store <- app <-
#      server, cli (a layer includes its own headers and those of the
#      layers below it, never above);
#   2. the unfiltered case loader (store/laad.h, store_dossier_laad) is
#      private to src/store and src/app: no handler, command or other
#      module reaches case content without the filter and audit of
#      src/app/app.h. Tests, benchmarks and fuzz targets may (white box).
#
# Usage: tests/layers.sh [SOURCE_DIR]. Exit 1 with every violation named
# (file:line and the rule), 0 when the tree keeps the rules.
set -euo pipefail

top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"
fout=0

# the layers each layer may include, itself first
declare -A mag=(
	[lib]="lib"
	[core]="core lib"
	[format]="format core lib"
	[store]="store format core lib"
	[app]="app store format core lib"
	[server]="server app store format core lib"
	[cli]="cli server app store format core lib"
)

for laag in lib core format store app server cli; do
	[ -d "src/$laag" ] || continue
	while IFS= read -r regel; do
		bestand=${regel%%:*}
		rest=${regel#*:}
		nr=${rest%%:*}
		doel=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' <<<"${rest#*:}")
		[ -n "$doel" ] || continue
		case $doel in
		../*/*) doel_laag=${doel#../}; doel_laag=${doel_laag%%/*} ;;
		*/*) doel_laag=${doel%%/*} ;;
		*) doel_laag=$laag ;;   # a header next to the file
		esac
		case " ${mag[$laag]} " in
		*" $doel_laag "*) ;;
		*)
			echo "$bestand:$nr: $laag mag $doel_laag niet insluiten (\"$doel\"): de lagen lopen lib <- core <- format <- store <- app <- server, cli"
			fout=1
			;;
		esac
	done < <(grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' src/"$laag"/*.[ch] 2>/dev/null || true)
done

# rule 2: the unfiltered loader
while IFS= read -r regel; do
	bestand=${regel%%:*}
	case $bestand in
	src/store/* | src/app/*) continue ;;
	esac
	echo "$regel: alleen src/store en src/app mogen de ongefilterde lader gebruiken; lees een dossier via src/app/app.h (filter en audit)"
	fout=1
done < <(grep -HnE 'store/laad\.h|store_dossier_laad[[:space:]]*\(' src/*/*.[ch] 2>/dev/null || true)

if [ "$fout" = 0 ]; then
	echo "layers: ok"
fi
exit "$fout"
