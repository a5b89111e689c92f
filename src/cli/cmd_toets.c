/*
 * cmd_toets.c - `spoor toets`: the poortwachtertoets of a case, and
 * `spoor loon`: what the employer owes during illness.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/loon.h"
#include "../core/toets.h"
#include "../format/params.h"
#include "../format/rapport_json.h"
#include "cli.h"

void
help_toets(void)
{
	fputs(
	"gebruik: spoor toets DOSSIER.json [--peildatum JJJJ-MM-DD] [--json]"
	" [--strict]\n\n"
	"Toetst het dossier zoals UWV het re-integratieverslag toetst: eerst\n"
	"de volledigheid, dan een bevredigend resultaat, dan 'geen benutbare\n"
	"mogelijkheden', dan de inspanningen (tweede spoor, eerstejaars-\n"
	"evaluatie, probleemanalyse, plan van aanpak, 42e-weekmelding, ...).\n"
	"Elke bevinding noemt de data, de regel, de wettelijke bron en een\n"
	"herstelmaatregel. Met een maandloon in het dossier rekent spoor ook\n"
	"uit wat een loonsanctie van 52 weken kost.\n\n"
	"Opties:\n"
	"  --peildatum D  de datum van de toets (standaard: vandaag)\n"
	"  --json         uitvoer als spoor-toets/1 (compact JSON)\n"
	"  --strict       afsluitcode 1 bij een bevinding met ernst 'hoog'\n",
	stdout);
}

void
help_loon(void)
{
	fputs(
	"gebruik: spoor loon DOSSIER.json [--json] [--db URL]\n\n"
	"Rekent per periode uit wat de werkgever tijdens ziekte moet betalen:\n"
	"het wettelijke minimum (70% van het loon tot het maximumdagloon, in\n"
	"de eerste 52 weken ten minste het minimumloon dat voor de werknemer\n"
	"geldt: onder 21 jaar het minimumjeugdloon voor zijn leeftijd, per\n"
	"periode vanaf zijn verjaardag), het percentage uit contract of cao,\n"
	"en het hoogste van de twee. Bedragen per werkdag\n"
	"(dagloon = maandloon x 12 / 261) en per maand (x 21,75). Daarna het\n"
	"totaal over de (verlengde) loondoorbetaling en de kosten van een\n"
	"loonsanctie van 52 weken, met de gebruikte parameters en hun bronnen.\n"
	"Ontbreekt een parameter voor een datum, dan meldt spoor dat\n"
	"uitdrukkelijk en rekent met de laatst bekende waarde (voorlopig).\n"
	"Zonder geboortedatum rekent spoor met het minimumloon voor 21 jaar\n"
	"en ouder en zegt dat; bij gedeeltelijke werkhervatting blijft het\n"
	"70% van het volle loon (of het contractpercentage).\n\n"
	"Opties:\n"
	"  --peildatum D  peildatum voor de tijdlijn (standaard: vandaag)\n"
	"  --json         uitvoer als spoor-loon/1 (compact JSON)\n"
	"  --db URL       met de parameterrijen die een beheerder in deze\n"
	"                 database zette (spoor parameters); zonder --db\n"
	"                 alleen de ingebouwde tabellen\n",
	stdout);
}

/* Options shared by toets and loon; returns 0 or an exit code + 1. */
static int
opties(const char *cmd, void (*help)(void), int argc, char **argv,
       sdate *peil, int *as_json, int *strict, const char **path,
       const char **db)
{
	static const struct option opts[] = {
		{"peildatum", required_argument, NULL, 'p'},
		{"db", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{"strict", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	optind = 0;  /* a full reset: main stopped getopt at the command */
	/* the command line is single-threaded */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) { /* NOLINT(concurrency-mt-unsafe) */
		switch (c) {
		case 'p':
			if (cli_datum("--peildatum", optarg, peil))
				return EXIT_INVOER + 1;
			break;
		case 'j':
			*as_json = 1;
			break;
		case 'd':
			if (!db)
				goto bad;
			*db = optarg;
			break;
		case 's':
			if (!strict)
				goto bad;
			*strict = 1;
			break;
		case 'h':
			help();
			return EXIT_OK + 1;
		default:
			goto bad;
		}
	}
	if (optind != argc - 1) {
		cli_fout("%s: geef precies een dossierbestand (zie 'spoor help "
			 "%s')", cmd, cmd);
		return EXIT_INVOER + 1;
	}
	*path = argv[optind];
	if (*peil == DATE_NONE)
		*peil = cli_vandaag();
	return 0;
bad:
	cli_fout("%s: onbekende of onvolledige optie '%s' (zie 'spoor help "
		 "%s')", cmd, argv[optind - 1], cmd);
	return EXIT_INVOER + 1;
}

static int
bereken_loon(const struct geval *g, struct params *p, struct loon *l,
	     const char *db)
{
	char err[256];

	if (db) {
		int rc = cli_params_db(db, p);

		if (rc)
			return rc;
	} else if (params_standaard(p, err, sizeof(err))) {
		return cli_fout("parameters: %s", err);
	}
	return loon_bereken(&g->ds, &g->zv, &g->t, &p->wml, &p->maxd, &p->jeugd,
			    l);
}

static void
print_toets(const struct toets *t, const struct geval *g)
{
	static const char *const label[ERNST__COUNT] = {"INFO", "LAAG",
							 "MIDDEN", "HOOG"};
	char p[DATE_STRLEN], tekst[1024], euro[48];
	uint32_t i;

	date_format(t->peildatum, p);
	printf("Poortwachtertoets dossier %s (%s), peildatum %s %s\n",
	       g->ds.dossier_id.s, g->ds.werknemer_naam.s,
	       date_weekday_abbr(t->peildatum), p);
	printf("Risico op een loonsanctie: %s (%u bevinding%s)\n",
	       label[t->risico], t->n, t->n == 1 ? "" : "en");
	if (t->loonsanctie_blootstelling_cent >= 0) {
		cli_euro(t->loonsanctie_blootstelling_cent, euro, sizeof(euro));
		printf("Kosten van een loonsanctie van 52 weken: %s\n", euro);
	}
	for (i = 0; i < t->n; i++) {
		const struct bevinding_def *d = &bevinding_defs[t->b[i].id];

		toets_toelichting(&t->b[i], tekst, sizeof(tekst));
		printf("\n%-6s %s (%s, %s)\n       %s\n       Herstel: %s\n",
		       label[t->b[i].ernst], d->naam, d->regel, d->bron, tekst,
		       d->herstel);
	}
	if (t->n == 0)
		printf("\nGeen bevindingen.\n");
}

int
cmd_toets(int argc, char **argv)
{
	struct geval g;
	struct toets t;
	struct params p;
	struct loon *l = NULL;
	const char *path = NULL;
	sdate peil = DATE_NONE;
	char *json = NULL;
	size_t jlen;
	int as_json = 0, strict = 0, rc, hoog = 0;
	uint32_t i;

	geval_init(&g);
	params_init(&p);
	rc = opties("toets", help_toets, argc, argv, &peil, &as_json, &strict,
		    &path, NULL);
	if (rc) {
		rc--;
		goto out;
	}
	rc = EXIT_INVOER;
	if (geval_laad(&g, path, peil))
		goto out;
	toets_bereken(&g.ds, &g.t, &t);
	l = calloc(1, sizeof(*l));
	if (!l) {
		cli_fout("onvoldoende geheugen");
		goto out;
	}
	if (g.ds.maandloon_cent >= 0) {
		int lrc = bereken_loon(&g, &p, l, NULL);

		if (lrc == EXIT_INVOER)
			goto out;
		if (lrc == LOONF_OK)
			t.loonsanctie_blootstelling_cent = l->blootstelling;
	}
	if (as_json) {
		if (toets_json(&t, &json, &jlen)) {
			cli_fout("onvoldoende geheugen");
			goto out;
		}
		fwrite(json, 1, jlen, stdout);
	} else {
		print_toets(&t, &g);
	}
	for (i = 0; i < t.n; i++)
		hoog |= t.b[i].ernst == ERNST_HOOG;
	rc = strict && hoog ? EXIT_BEVINDINGEN : EXIT_OK;
	if (fflush(stdout) != 0)
		rc = cli_fout("schrijffout");
out:
	free(json);
	free(l);
	params_release(&p);
	geval_release(&g);
	return rc;
}

static void
print_loon(const struct loon *l, const struct geval *g)
{
	static const char *const gr[4] = {"70% van het loon", "minimumloon",
					  "70% van maximumdagloon", "contract"};
	char a[DATE_STRLEN], b[DATE_STRLEN], e1[48], e2[48], e3[48];
	struct loon_melding m[LOON_MAX_MELDINGEN];
	size_t nm;
	uint32_t i;

	cli_euro(l->dagloon, e1, sizeof(e1));
	printf("Loondoorbetaling dossier %s (%s)\n", g->ds.dossier_id.s,
	       g->ds.werknemer_naam.s);
	printf("Dagloon %s per werkdag (maandloon x 12 / 261); maand = 21,75 "
	       "werkdagen.\n\n", e1);
	printf("%-23s %-9s %8s %-24s %12s %12s %14s\n", "Periode", "Weken",
	       "Werkdgn", "Grondslag", "Per dag", "Per maand", "Totaal");
	for (i = 0; i < l->n; i++) {
		const struct loon_periode *p = &l->p[i];
		char w[16], g2[40];

		date_format(p->van, a);
		date_format(p->tot, b);
		snprintf(w, sizeof(w), "%d-%d", p->week_van, p->week_tot);
		if (p->grondslag == GR_CONTRACT)
			snprintf(g2, sizeof(g2), "contract %d%%",
				 p->contract_procent);
		else if (p->grondslag == GR_MINIMUMLOON && p->jeugd &&
			 p->jeugd->waarde < 1000)
			/* R-PAY-3: the youth minimum wage, e.g. 34,5% */
			snprintf(g2, sizeof(g2), "minimumjeugdloon %d,%d%%",
				 (int)(p->jeugd->waarde / 10),
				 (int)(p->jeugd->waarde % 10));
		else
			snprintf(g2, sizeof(g2), "%s", gr[p->grondslag]);
		cli_euro(p->verschuldigd_dag, e1, sizeof(e1));
		cli_euro(loon_maand(p->verschuldigd_dag), e2, sizeof(e2));
		cli_euro(p->totaal, e3, sizeof(e3));
		printf("%s..%s %-9s %8d %-24s %12s %12s %14s%s%s\n", a, b, w,
		       p->werkdagen, g2, e1, e2, e3,
		       p->loonsanctie ? "  (loonsanctie)" : "",
		       p->voorlopig ? "  (voorlopig)" : "");
	}
	cli_euro(l->totaal, e1, sizeof(e1));
	cli_euro(l->blootstelling, e2, sizeof(e2));
	printf("\nTotaal loondoorbetaling: %s\nKosten loonsanctie (52 weken): "
	       "%s\n", e1, e2);
	for (i = 0; i < l->ngaten; i++) {
		date_format(l->gaten[i].vanaf, a);
		printf("Let op: parameter '%s' is onbekend vanaf %s; %s.\n",
		       l->gaten[i].tabel, a,
		       l->gaten[i].laatst_bekend
			       ? "gerekend met de laatst bekende waarde"
			       : "er is geen eerdere waarde, gerekend zonder "
				 "deze grens");
	}
	nm = loon_meldingen(l, m);
	for (i = 0; i < nm; i++) {
		if (m[i].vanaf != DATE_NONE) {
			date_format(m[i].vanaf, a);
			printf("Let op (vanaf %s %s; %s, %s): %s\n",
			       date_weekday_abbr(m[i].vanaf), a, m[i].regel,
			       m[i].bron, m[i].tekst);
		} else {
			printf("Let op (%s, %s): %s\n", m[i].regel, m[i].bron,
			       m[i].tekst);
		}
	}
}

int
cmd_loon(int argc, char **argv)
{
	struct geval g;
	struct params p;
	struct loon *l = NULL;
	const char *path = NULL, *db = NULL;
	sdate peil = DATE_NONE;
	char *json = NULL;
	size_t jlen;
	int as_json = 0, rc, lrc;

	geval_init(&g);
	params_init(&p);
	rc = opties("loon", help_loon, argc, argv, &peil, &as_json, NULL,
		    &path, &db);
	if (rc) {
		rc--;
		goto out;
	}
	rc = EXIT_INVOER;
	if (geval_laad(&g, path, peil))
		goto out;
	l = calloc(1, sizeof(*l));
	if (!l) {
		cli_fout("onvoldoende geheugen");
		goto out;
	}
	lrc = bereken_loon(&g, &p, l, db);
	if (lrc == EXIT_INVOER || lrc == EXIT_SCHEMA) {
		rc = lrc;
		goto out;
	}
	if (lrc == LOONF_GEEN_MAANDLOON) {
		cli_fout("%s: $.dienstverband.maandloon_cent: nodig voor de "
			 "loonberekening", path);
		goto out;
	}
	if (lrc != LOONF_OK) {
		cli_fout("%s: te veel loonperioden", path);
		goto out;
	}
	/* R-PAY-3: the WML floor needs the contract hours; say so rather
	 * than leave it out silently */
	if (g.ds.uren_honderdsten < 0)
		fprintf(stderr, "spoor: waarschuwing: %s: "
			"$.dienstverband.uren_per_week ontbreekt; de "
			"minimumloongrens van de eerste 52 weken is niet "
			"toegepast\n", path);
	if (as_json) {
		if (loon_json(l, g.ds.dossier_id.s, &json, &jlen)) {
			cli_fout("onvoldoende geheugen");
			goto out;
		}
		fwrite(json, 1, jlen, stdout);
	} else {
		print_loon(l, &g);
	}
	rc = fflush(stdout) == 0 ? EXIT_OK : cli_fout("schrijffout");
out:
	free(json);
	free(l);
	params_release(&p);
	geval_release(&g);
	return rc;
}
