#!/usr/bin/env bash
# tests/layers.sh - the layer rules of docs/architecture.md, checked on
# the source (issue 13):
#
#   1. includes go one way: lib <- core <- format <- store <- app <-
#      server, cli (a layer includes its own headers and those of the
#      layers below it, never above);
#   2. the unfiltered case loader (store/laad.h, store_dossier_laad) and
#      the store's other private calls are for src/store and src/app
#      only: no handler, command or other module reaches case content
#      without the filter and audit of src/app/app.h. Tests, benchmarks
#      and fuzz targets may (white box). The build enforces the header
#      (store/laad.h lives in src/store/intern, an include directory of
#      spoor_store and spoor_app only); with BUILD_DIR given, the objects
#      of the server library and of the command line are checked for
#      references to those symbols (nm -u), which catches what a textual
#      check cannot (a macro, a function pointer).
#
# Usage: tests/layers.sh [SOURCE_DIR [BUILD_DIR]]. Exit 1 with every
# violation named (file:line and the rule), 0 when the tree keeps the
# rules.
set -euo pipefail

top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
bouw=${2:-}
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
		doel=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]\([^">]*\)[">].*/\1/p' <<<"${rest#*:}")
		[ -n "$doel" ] || continue
		case $doel in
		../*/*) doel_laag=${doel#../}; doel_laag=${doel_laag%%/*} ;;
		*/*) doel_laag=${doel%%/*} ;;
		*) doel_laag=$laag ;;   # a header next to the file
		esac
		# a system header (<sys/types.h>, <sodium.h>) is no layer
		case " lib core format store app server cli " in
		*" $doel_laag "*) ;;
		*) continue ;;
		esac
		case " ${mag[$laag]} " in
		*" $doel_laag "*) ;;
		*)
			echo "$bestand:$nr: $laag mag $doel_laag niet insluiten (\"$doel\"): de lagen lopen lib <- core <- format <- store <- app <- server, cli"
			fout=1
			;;
		esac
	done < <(find src/"$laag" -name '*.[ch]' -print0 | sort -z |
		 xargs -0 -r grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]' || true)
done

# rule 2: the unfiltered loader
while IFS= read -r regel; do
	bestand=${regel%%:*}
	case $bestand in
	src/store/* | src/app/*) continue ;;
	esac
	echo "$regel: alleen src/store en src/app mogen de ongefilterde lader gebruiken; lees een dossier via src/app/app.h (filter en audit)"
	fout=1
done < <(find src -name '*.[ch]' -print0 | sort -z |
	 xargs -0 -r grep -HnE 'store/laad\.h|store_dossier_laad' || true)

# rule 2 on the objects: which of them refer to the private symbols
PRIVAAT='store_dossier_laad|store_gebeurtenis_toevoegen_tx|store_verzuim_toevoegen_tx|store_savepoint|store_in_tx|store_fout_zet'
if [ -n "$bouw" ]; then
	if ! command -v nm >/dev/null; then
		echo "nm ontbreekt (binutils): de objecten zijn niet nagekeken"
		fout=1
	fi
	n=0
	while IFS= read -r -d '' obj; do
		n=$((n + 1))
		if nm -u "$obj" 2>/dev/null | grep -qwE "$PRIVAAT"; then
			echo "$obj: verwijst naar $(nm -u "$obj" | grep -woE "$PRIVAAT" | sort -u | tr '\n' ' ')- alleen src/store en src/app mogen dat"
			fout=1
		fi
	done < <(find "$bouw" -path '*CMakeFiles/spoor_server.dir/*' -name '*.o' -print0 -o \
		      -path '*CMakeFiles/spoor.dir/*' -name '*.o' -print0)
	if [ "$n" = 0 ]; then
		echo "$bouw: geen objecten van spoor_server of spoor gevonden"
		fout=1
	fi
fi

if [ "$fout" = 0 ]; then
	echo "layers: ok"
fi
exit "$fout"
