/*
 * cmd_param.c - `spoor parameters`: list, set and remove the parameter
 * rows stored in the database (store_param.h, docs/formats.md). A stored
 * row overrides the compiled row of the same table and date or adds a
 * date; `spoor serve` uses the result (within API_PARAM_PEIL_MS in
 * another process), `spoor loon --db` too.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "lib/num.h"
#include "format/params.h"
#include "store/store.h"
#include "store/store_param.h"
#include "store/toegang.h"

void
help_parameters(void)
{
	fputs(
	"gebruik: spoor parameters [--db URL] [lijst]\n"
	"       spoor parameters zet [--db URL] --tabel T --vanaf JJJJ-MM-DD\n"
	"                            (--cent N | --promille N | --onbekend)\n"
	"                            --bron TEKST\n"
	"                            --gebruiker NAAM\n"
	"       spoor parameters wis [--db URL] --tabel T --vanaf JJJJ-MM-DD\n"
	"                            --gebruiker NAAM\n\n"
	"De parametertabellen van de loonberekening (tabel wml_uur: het\n"
	"wettelijk minimumloon in cent per uur; tabel maximumdagloon: cent\n"
	"per dag; tabel wml_jeugd: het minimumjeugdloon per leeftijd in\n"
	"promille van het minimumloon) zijn in spoor ingebouwd. Een\n"
	"beheerder kan in de database\n"
	"een rij zetten die de ingebouwde rij met dezelfde ingangsdatum\n"
	"vervangt of een nieuwe datum toevoegt, zonder nieuwe versie van\n"
	"spoor: bijvoorbeeld zodra het minimumloon in de Staatscourant staat.\n"
	"Elke wijziging staat met de bron en de beheerder in het auditlog.\n"
	"Een draaiende spoor serve rekent er binnen enkele seconden mee.\n\n"
	"  lijst          de tabellen met bron en herkomst (standaard)\n"
	"  zet            een rij zetten of vervangen\n"
	"  wis            een opgeslagen rij wissen: de ingebouwde rij van die\n"
	"                 datum (als die er is) geldt weer\n\n"
	"Opties:\n"
	"  --db URL       SQLite-pad of postgresql://-adres (standaard\n"
	"                 $SPOOR_DB, anders spoor.db)\n"
	"  --tabel T      wml_uur, maximumdagloon, of wml_jeugd_L voor de\n"
	"                 leeftijd L (15 tot en met 22) in het minimumjeugdloon\n"
	"  --vanaf D      ingangsdatum van de rij\n"
	"  --cent N       bedrag in centen (wml_uur tot 10000, maximumdagloon\n"
	"                 tot 100000)\n"
	"  --promille N   voor wml_jeugd_L: promille van het minimumuurloon\n"
	"                 (1 tot en met 1000; 500 is 50%)\n"
	"  --onbekend     de datum is bekend, het bedrag (nog) niet\n"
	"  --bron TEKST   vindplaats, bijvoorbeeld 'Stcrt. 2026, 12345'\n"
	"  --gebruiker N  de beheerder die de wijziging doet (auditlog)\n\n"
	"Afsluitcode: 0 gelukt; 2 foute invoer, geen beheerder of geen rij;\n"
	"3 database nieuwer dan deze spoor.\n",
	stdout);
}

int
cli_params_db(const char *url, struct params *p)
{
	struct store *s = NULL;
	char err[200];
	int rc;

	params_init(p);
	if ((rc = cli_store_open(url, 0, &s)))
		return rc;
	rc = store_params_laad(s, p, NULL, err, sizeof(err));
	if (rc == ST_ONGELDIG)
		rc = cli_fout("parameters: %s", err);
	else if (rc)
		rc = cli_fout("%s", store_errmsg(s));
	store_free(s);
	return rc;
}

static void
toon_tabel(const struct param_tabel *t, const char *eenheid,
	   const struct store_param *sp, size_t n)
{
	size_t i, j;

	printf("%s (%s)\n", t->naam, eenheid);
	for (i = 0; i < t->n; i++) {
		const struct param_rij *x = &t->rij[i];
		char d[DATE_STRLEN], euro[48];

		date_format(x->van, d);
		if (x->waarde < 0)
			snprintf(euro, sizeof(euro), "onbekend");
		else
			cli_euro(x->waarde, euro, sizeof(euro));
		for (j = 0; j < n; j++)
			if (!strcmp(sp[j].tabel, t->naam) && sp[j].van == x->van)
				break;
		if (j < n) {
			time_t tt = (time_t)sp[j].vastgelegd;
			struct tm tm;
			char wanneer[32] = "?";

			if (gmtime_r(&tt, &tm))
				strftime(wanneer, sizeof(wanneer), "%Y-%m-%d",
					 &tm);
			printf("  %s  %14s  opgeslagen  %s (%s, %s)\n", d, euro,
			       x->bron, sp[j].gebruiker, wanneer);
		} else {
			printf("  %s  %14s  ingebouwd   %s\n", d, euro, x->bron);
		}
	}
}

/* R-PAY-3: the youth scale, a row per date and age; a stored row is
 * table wml_jeugd_<age>. */
static void
toon_jeugd(const struct param_tabel *t, const struct store_param *sp, size_t n)
{
	size_t i, j;

	printf("%s (promille van het minimumuurloon per leeftijd; opslaan als "
	       "%s_L)\n", t->naam, t->naam);
	for (i = 0; i < t->n; i++) {
		const struct param_rij *x = &t->rij[i];
		char d[DATE_STRLEN], pct[32];

		date_format(x->van, d);
		if (x->waarde < 0)
			snprintf(pct, sizeof(pct), "onbekend");
		else
			snprintf(pct, sizeof(pct), "%d,%d%%",
				 (int)(x->waarde / 10), (int)(x->waarde % 10));
		for (j = 0; j < n; j++)
			if (params_jeugd_leeftijd(sp[j].tabel) == x->leeftijd &&
			    sp[j].van == x->van)
				break;
		if (j < n) {
			time_t tt = (time_t)sp[j].vastgelegd;
			struct tm tm;
			char wanneer[32] = "?";

			if (gmtime_r(&tt, &tm))
				strftime(wanneer, sizeof(wanneer), "%Y-%m-%d",
					 &tm);
			printf("  %s  %2d jaar  %8s  opgeslagen  %s (%s, %s)\n",
			       d, (int)x->leeftijd, pct, x->bron,
			       sp[j].gebruiker, wanneer);
		} else {
			printf("  %s  %2d jaar  %8s  ingebouwd   %s\n", d,
			       (int)x->leeftijd, pct, x->bron);
		}
	}
}

static int
lijst(const char *url)
{
	struct store *s = NULL;
	struct store_param *sp = NULL;
	struct params_extra *e = NULL;
	struct params p;
	size_t n = 0;
	int64_t versie = 0;
	char err[200];
	int rc;

	params_init(&p);
	if ((rc = cli_store_open(url, 0, &s)))
		return rc;
	if (store_params(s, &sp, &n, &versie) || store_params_extra(sp, n, &e)) {
		rc = cli_fout("%s", store_errmsg(s));
		goto out;
	}
	if (params_standaard(&p, err, sizeof(err)) ||
	    params_met_rijen(&p, e, n, err, sizeof(err))) {
		rc = cli_fout("parameters: %s", err);
		goto out;
	}
	printf("Parametertabellen (versie %lld, %zu opgeslagen rij%s)\n",
	       (long long)versie, n, n == 1 ? "" : "en");
	toon_tabel(&p.wml, "cent per uur", sp, n);
	toon_tabel(&p.maxd, "cent per dag", sp, n);
	toon_jeugd(&p.jeugd, sp, n);
	rc = fflush(stdout) == 0 ? EXIT_OK : cli_fout("schrijffout");
out:
	free(e);
	params_release(&p);
	store_params_free(sp, n);
	store_free(s);
	return rc;
}

/* The id of active user naam when he holds beheerder; prints and
 * returns EXIT_INVOER otherwise. */
static int
beheerder(struct store *s, const char *naam, int64_t *id)
{
	char *hash = NULL;
	uint32_t rollen = 0;
	int64_t g;
	int rc = store_gebruiker_login(s, naam, &g, &hash);

	free(hash);
	if (rc == ST_NIET_GEVONDEN)
		return cli_fout("parameters: --gebruiker: geen actieve "
				"gebruiker '%s'", naam);
	if (rc || store_alle_rollen(s, g, &rollen))
		return cli_fout("%s", store_errmsg(s));
	if (!(rollen & ROL_BIT(ROL_BEHEERDER)))
		return cli_fout("parameters: --gebruiker: '%s' is geen "
				"beheerder; alleen een beheerder wijzigt de "
				"parametertabellen", naam);
	*id = g;
	return 0;
}

struct opties {
	const char *db, *tabel, *bron, *gebruiker, *sub;
	sdate van;
	int64_t cent;
	int onbekend, heeft_cent;
	int promille;  /* the value came as --promille */
};

static int
lees_cent(const char *a, int64_t *out)
{
	/* digits only; the range of a table is checked later, with its
	 * own message */
	return num_parse_str(a, 0, INT64_MAX, out, NULL) ? -1 : 0;
}

/* Returns 0, or an exit status + 1. */
static int
opties(int argc, char **argv, struct opties *o)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"tabel", required_argument, NULL, 't'},
		{"vanaf", required_argument, NULL, 'v'},
		{"cent", required_argument, NULL, 'c'},
		{"promille", required_argument, NULL, 'p'},
		{"onbekend", no_argument, NULL, 'o'},
		{"bron", required_argument, NULL, 'b'},
		{"gebruiker", required_argument, NULL, 'g'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	optind = 0;  /* a full reset: main stopped getopt at the command */
	/* the command line is single-threaded */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) { /* NOLINT(concurrency-mt-unsafe) */
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 't':
			o->tabel = optarg;
			break;
		case 'v':
			if (cli_datum("--vanaf", optarg, &o->van))
				return EXIT_INVOER + 1;
			break;
		case 'c':
			if (lees_cent(optarg, &o->cent)) {
				cli_fout("parameters: --cent: verwacht een "
					 "bedrag in centen, kreeg '%s'", optarg);
				return EXIT_INVOER + 1;
			}
			o->heeft_cent = 1;
			break;
		case 'p':
			if (lees_cent(optarg, &o->cent)) {
				cli_fout("parameters: --promille: verwacht een "
					 "geheel getal, kreeg '%s'", optarg);
				return EXIT_INVOER + 1;
			}
			o->heeft_cent = 1;
			o->promille = 1;
			break;
		case 'o':
			o->onbekend = 1;
			break;
		case 'b':
			o->bron = optarg;
			break;
		case 'g':
			o->gebruiker = optarg;
			break;
		case 'h':
			help_parameters();
			return EXIT_OK + 1;
		default:
			cli_fout("parameters: onbekende of onvolledige optie "
				 "'%s' (zie 'spoor help parameters')",
				 argv[optind - 1]);
			return EXIT_INVOER + 1;
		}
	}
	if (optind < argc)
		o->sub = argv[optind++];
	if (optind < argc) {
		cli_fout("parameters: onverwacht argument '%s'", argv[optind]);
		return EXIT_INVOER + 1;
	}
	return 0;
}

/* The table and date options of zet and wis; prints and returns 2. */
static int
rij_opties(const struct opties *o, const char *sub)
{
	const char *reden;

	if (!o->tabel || o->van == DATE_NONE || !o->gebruiker)
		return cli_fout("parameters %s: --tabel, --vanaf en --gebruiker "
				"zijn verplicht", sub);
	if (params_rij_check(o->tabel, o->van, -1, "-", &reden) != PV_OK)
		return cli_fout("parameters %s: %s: %s", sub,
				params_max(o->tabel) < 0 ? "--tabel" : "--vanaf",
				reden);
	return 0;
}

static int
zet(const struct opties *o)
{
	struct store *s = NULL;
	const char *reden;
	int64_t id = 0, versie = 0, waarde = o->onbekend ? -1 : o->cent;
	char d[DATE_STRLEN];
	int rc, jeugd;

	if ((rc = rij_opties(o, "zet")))
		return rc;
	jeugd = params_jeugd_leeftijd(o->tabel) >= 0;
	if (o->onbekend == o->heeft_cent)
		return cli_fout("parameters zet: geef --%s N of --onbekend",
				jeugd ? "promille" : "cent");
	/* the unit must match the table: a percentage is no amount */
	if (o->heeft_cent && o->promille != jeugd)
		return cli_fout("parameters zet: %s: tabel %s gebruikt --%s",
				o->promille ? "--promille" : "--cent",
				o->tabel, jeugd ? "promille" : "cent");
	if (!o->bron)
		return cli_fout("parameters zet: --bron is verplicht");
	/* 0 is no amount: refused like any other out-of-range value */
	switch (params_rij_check(o->tabel, o->van, waarde, o->bron, &reden)) {
	case PV_OK:
		break;
	case PV_WAARDE:
		return cli_fout("parameters zet: --%s: %s",
				jeugd ? "promille" : "cent", reden);
	default:
		return cli_fout("parameters zet: --bron: %s", reden);
	}
	if ((rc = cli_store_open(cli_db_url(o->db), 0, &s)))
		return rc;
	if ((rc = beheerder(s, o->gebruiker, &id)))
		goto out;
	rc = store_param_zet(s, o->tabel, o->van, waarde, o->bron, id,
			     o->gebruiker, ROL_BIT(ROL_BEHEERDER), &versie);
	if (rc) {
		rc = cli_fout("parameters zet: %s", store_errmsg(s));
		goto out;
	}
	date_format(o->van, d);
	printf("parameter %s vanaf %s gezet (parameterversie %lld)\n",
	       o->tabel, d, (long long)versie);
	rc = EXIT_OK;
out:
	store_free(s);
	return rc;
}

static int
wis(const struct opties *o)
{
	struct store *s = NULL;
	int64_t id = 0, versie = 0;
	char d[DATE_STRLEN];
	int rc;

	if ((rc = rij_opties(o, "wis")))
		return rc;
	if (o->heeft_cent || o->onbekend || o->bron)
		return cli_fout("parameters wis: --cent, --promille, --onbekend "
				"en --bron horen bij zet");
	if ((rc = cli_store_open(cli_db_url(o->db), 0, &s)))
		return rc;
	if ((rc = beheerder(s, o->gebruiker, &id)))
		goto out;
	date_format(o->van, d);
	rc = store_param_wis(s, o->tabel, o->van, id, o->gebruiker,
			     ROL_BIT(ROL_BEHEERDER), &versie);
	if (rc == ST_NIET_GEVONDEN) {
		rc = cli_fout("parameters wis: geen opgeslagen rij %s vanaf %s",
			      o->tabel, d);
		goto out;
	}
	if (rc) {
		rc = cli_fout("parameters wis: %s", store_errmsg(s));
		goto out;
	}
	printf("parameter %s vanaf %s gewist (parameterversie %lld)\n",
	       o->tabel, d, (long long)versie);
	rc = EXIT_OK;
out:
	store_free(s);
	return rc;
}

int
cmd_parameters(int argc, char **argv)
{
	struct opties o;
	int rc;

	memset(&o, 0, sizeof(o));
	o.van = DATE_NONE;
	if ((rc = opties(argc, argv, &o)))
		return rc - 1;
	if (!o.sub || !strcmp(o.sub, "lijst")) {
		if (o.tabel || o.van != DATE_NONE || o.heeft_cent ||
		    o.onbekend || o.bron || o.gebruiker)
			return cli_fout("parameters lijst: alleen --db (zie "
					"'spoor help parameters')");
		return lijst(cli_db_url(o.db));
	}
	if (!strcmp(o.sub, "zet"))
		return zet(&o);
	if (!strcmp(o.sub, "wis"))
		return wis(&o);
	return cli_fout("parameters: onbekende opdracht '%s' (lijst, zet of "
			"wis)", o.sub);
}
