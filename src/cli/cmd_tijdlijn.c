/*
 * cmd_tijdlijn.c - `spoor tijdlijn`: the statutory timeline of a case.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/tijdlijn.h"
#include "../format/tijdlijn_json.h"
#include "cli.h"

void
help_tijdlijn(void)
{
	fputs(
	"gebruik: spoor tijdlijn DOSSIER.json [--peildatum JJJJ-MM-DD] [--json]\n"
	"         spoor tijdlijn --eerste-ziektedag JJJJ-MM-DD [--peildatum ...]"
	" [--json]\n\n"
	"Berekent alle wettelijke mijlpalen van het laatste verzuimgeval in\n"
	"het dossier (spoor-dossier/1): probleemanalyse, plan van aanpak,\n"
	"42e-weekmelding, eerstejaarsevaluatie, start tweede spoor,\n"
	"re-integratieverslag, WIA-aanvraag, einde wachttijd, opzegverbod en\n"
	"een eventuele loonsanctie. Ziekteperioden met minder dan 28 dagen\n"
	"herstel ertussen tellen samen; verlof (WAZO) telt niet mee.\n\n"
	"Opties:\n"
	"  --peildatum D         de datum waartegen de status wordt bepaald\n"
	"                        (standaard: vandaag)\n"
	"  --eerste-ziektedag D  zonder dossier: een doorlopende ziekte vanaf D\n"
	"  --json                uitvoer als spoor-tijdlijn/1 (compact JSON)\n\n"
	"Status van acties: op_tijd, te_laat, verlopen, open,\n"
	"niet_van_toepassing; van momenten: komend, voorbij.\n"
	"Afsluitcode 0, of 2 bij foute invoer (met pad en reden).\n",
	stdout);
}

static void
termijn(const struct mijlpaal *m, sdate peil, char *buf, size_t n)
{
	char d[DATE_STRLEN];
	int32_t diff = m->datum - peil;

	if (m->gedaan != DATE_NONE) {
		date_format(m->gedaan, d);
		snprintf(buf, n, "gedaan %s %s", date_weekday_abbr(m->gedaan),
			 d);
	} else if (m->status == ST_NIET_VAN_TOEPASSING) {
		snprintf(buf, n, "-");
	} else if (diff == 0) {
		snprintf(buf, n, "vandaag");
	} else if (diff > 0) {
		snprintf(buf, n, "nog %d dag%s", diff, diff == 1 ? "" : "en");
	} else if (m->status == ST_VERLOPEN) {
		snprintf(buf, n, "%d dag%s te laat", -diff,
			 -diff == 1 ? "" : "en");
	} else {
		snprintf(buf, n, "%d dag%s geleden", -diff,
			 -diff == 1 ? "" : "en");
	}
}

static int
by_date(const void *a, const void *b)
{
	const struct mijlpaal *x = a, *y = b;

	if (x->datum != y->datum)
		return x->datum < y->datum ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
print_table(const struct tijdlijn *t, const struct dossier *ds)
{
	struct mijlpaal sorted[MP__COUNT];
	char d[DATE_STRLEN], p[DATE_STRLEN], tb[48], ob[192];
	uint32_t i, n = 0, nvoet = 0;

	date_format(t->eerste_ziektedag, d);
	date_format(t->peildatum, p);
	if (ds)
		printf("Tijdlijn dossier %s (%s, %s)\n", ds->dossier_id.s,
		       ds->werknemer_naam.s, ds->werkgever_naam.s);
	else
		printf("Tijdlijn bij een doorlopende ziekte\n");
	printf("Eerste ziektedag %s %s, peildatum %s %s: ziektedag %d "
	       "(week %d), %d onderbrekingsdag%s.\n",
	       date_weekday_abbr(t->eerste_ziektedag), d,
	       date_weekday_abbr(t->peildatum), p, t->ziektedag, t->ziekteweek,
	       t->onderbrekingsdagen, t->onderbrekingsdagen == 1 ? "" : "en");
	if (t->geval_count > 1)
		printf("Dit is verzuimgeval %u van %u: eerdere gevallen lagen "
		       "28 dagen of meer eerder (R-AGG-2).\n", t->geval_nr,
		       t->geval_count);
	if (t->laatste_ziektedag != DATE_NONE) {
		date_format(t->laatste_ziektedag, d);
		printf("Hersteld na %s %s; latere data gaan uit van direct "
		       "hervatte ziekte (vroegst mogelijke data).\n",
		       date_weekday_abbr(t->laatste_ziektedag), d);
	}
	if (t->wia_vertraging > 0)
		printf("WIA-aanvraag %d dagen te laat: loondoorbetaling en "
		       "opzegverbod lopen even lang door (BW 7:629 lid 11 "
		       "onder a, R-TL-9).\n", t->wia_vertraging);
	if (t->wia_geacht_tijdig)
		printf("Late WIA-aanvraag geldt als tijdig (WIA art. 64 lid 6)."
		       "\n");
	if (t->loonsanctie_vervallen)
		printf("Het loonsanctiebesluit kwam na het einde van de "
		       "wachttijd: geen verlenging (WIA art. 25 lid 11).\n");
	if (t->uit_dienst &&
	    t->m[MP_MELDING_EINDE_DIENSTVERBAND].status ==
		    ST_NIET_VAN_TOEPASSING) {
		/* vangnet: ZW 38 lid 4 leaves out the report of lid 2 */
		printf("Ziek uit dienst: het dienstverband eindigt tijdens de "
		       "ziekte. Latere acties van de werkgever vervallen; de "
		       "melding bij UWV is die van de vangnetregeling "
		       "(Ziektewet art. 38 lid 4 en 38a lid 3, R-ZW-3).\n");
	} else if (t->uit_dienst) {
		date_format(t->m[MP_MELDING_EINDE_DIENSTVERBAND].datum, d);
		printf("Ziek uit dienst: het dienstverband eindigt tijdens de "
		       "ziekte; meld dat uiterlijk %s %s bij UWV. Latere acties "
		       "van de werkgever vervallen (Ziektewet art. 38 lid 2, "
		       "R-ZW-3).\n",
		       date_weekday_abbr(t->m[MP_MELDING_EINDE_DIENSTVERBAND].datum),
		       d);
	}
	putchar('\n');

	memset(sorted, 0, sizeof(sorted));
	for (i = 0; i < MP__COUNT; i++) {
		const struct mijlpaal *m =
			tijdlijn_mijlpaal(t, (enum mijlpaal_id)i);

		if (m)
			sorted[n++] = *m;
	}
	qsort(sorted, n, sizeof(sorted[0]), by_date);
	printf("%-17s %-36s %-10s %-24s %-8s %s\n", "Datum", "Mijlpaal",
	       "Status", "Termijn", "Regel", "Bron");
	for (i = 0; i < n; i++) {
		const struct mijlpaal *m = &sorted[i];
		const struct regel *r = &regels[m->id];
		int vrij = date_is_nonworking(m->datum) ||
			   m->voor_atw != DATE_NONE;

		date_format(m->datum, d);
		termijn(m, t->peildatum, tb, sizeof(tb));
		printf("%s %s%-3s %-36s %-10s %-24s %-8s %s\n",
		       date_weekday_abbr(m->datum), d, vrij ? " *" : "",
		       r->titel, mp_status_label[m->status], tb, m->regel,
		       m->bron);
		nvoet += vrij != 0;
	}
	if (nvoet)
		putchar('\n');
	for (i = 0; i < n; i++) {
		const struct mijlpaal *m = &sorted[i];
		const char *feest, *opm;

		opm = tijdlijn_atw_opmerking(m, ob, sizeof(ob));
		date_format(m->datum, d);
		if (m->voor_atw != DATE_NONE) {
			printf("* %s %s (%s): %s.\n", regels[m->id].titel, d,
			       date_weekday_name(m->datum), opm ? opm : "");
			continue;
		}
		if (!date_is_nonworking(m->datum))
			continue;
		feest = date_holiday(m->datum);
		printf("* %s %s (%s) is %s%s%s.\n", regels[m->id].titel, d,
		       date_weekday_name(m->datum),
		       feest ? feest : "geen werkdag", opm ? "; " : "",
		       opm ? opm : "");
	}
}

int
cmd_tijdlijn(int argc, char **argv)
{
	static const struct option opts[] = {
		{"peildatum", required_argument, NULL, 'p'},
		{"eerste-ziektedag", required_argument, NULL, 'e'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct geval g;
	struct tijdlijn_feiten f;
	struct tijdlijn t;
	struct ziekteverloop zv;
	struct ziekrange one;
	sdate peil = DATE_NONE, eerste = DATE_NONE;
	const char *path = NULL;
	char *json = NULL;
	size_t jlen;
	int c, as_json = 0, rc = EXIT_INVOER;

	geval_init(&g);
	opterr = 0;
	optind = 0;  /* a full reset: main stopped getopt at the command */
	/* the command line is single-threaded */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) { /* NOLINT(concurrency-mt-unsafe) */
		switch (c) {
		case 'p':
			if (cli_datum("--peildatum", optarg, &peil))
				goto out;
			break;
		case 'e':
			if (cli_datum("--eerste-ziektedag", optarg, &eerste))
				goto out;
			break;
		case 'j':
			as_json = 1;
			break;
		case 'h':
			help_tijdlijn();
			rc = EXIT_OK;
			goto out;
		default:
			cli_fout("tijdlijn: onbekende of onvolledige optie '%s' "
				 "(zie 'spoor help tijdlijn')",
				 argv[optind - 1]);
			goto out;
		}
	}
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc) {
		cli_fout("tijdlijn: te veel argumenten ('%s')", argv[optind]);
		goto out;
	}
	if (!path == (eerste == DATE_NONE)) {
		cli_fout("tijdlijn: geef een dossierbestand of "
			 "--eerste-ziektedag, niet beide en niet geen van "
			 "beide");
		goto out;
	}
	if (peil == DATE_NONE)
		peil = cli_vandaag();

	if (path) {
		if (geval_laad(&g, path, peil))
			goto out;
		t = g.t;
	} else {
		tijdlijn_feiten_init(&f);
		ziekteverloop_continu(eerste, &one, &zv);
		tijdlijn_bereken(&zv, &f, peil, &t);
	}

	if (as_json) {
		if (tijdlijn_json(&t, &json, &jlen)) {
			cli_fout("onvoldoende geheugen");
			goto out;
		}
		fwrite(json, 1, jlen, stdout);
	} else {
		print_table(&t, path ? &g.ds : NULL);
	}
	rc = fflush(stdout) == 0 ? EXIT_OK : cli_fout("schrijffout");
out:
	free(json);
	geval_release(&g);
	return rc;
}
