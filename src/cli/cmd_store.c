/*
 * cmd_store.c - the commands on a database: init, import, export, user,
 * audit (backup and restore: cmd_backup.c).
 *
 * Every command takes --db URL (an SQLite path or a postgresql:// URI);
 * without it $SPOOR_DB, else "spoor.db" in the working directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "cli.h"
#include "lib/num.h"
#include "format/casefile.h"
#include "server/auth.h"
#include "store/migrate.h"
#include "store/store.h"

const char *
cli_db_url(const char *optie)
{
	const char *e = getenv("SPOOR_DB"); /* NOLINT(concurrency-mt-unsafe): single-threaded command */

	if (optie)
		return optie;
	return e && *e ? e : "spoor.db";
}

const char *
cli_db_toon(const char *url)
{
	return db_url_wachtwoord(url) ? "de database van --db (URL met "
					"wachtwoord)"
				      : url;
}

int
cli_store_open(const char *url, int migreer, struct store **out)
{
	char err[300], tweede[300];
	struct db *h = NULL;
	int v, van = 0, naar = 0, rc;

	/* the usual case, a current database, costs one connection */
	if (!store_open(url, 0, out, err, sizeof(err)))
		return 0;
	/* else look at the version, which store_open does not report */
	if (db_open(url, &h, tweede, sizeof(tweede)) ||
	    migrate_versie(h, &v)) {
		db_free(h);
		return cli_fout("%s", err);
	}
	if (v > migrate_laatste()) {
		db_free(h);
		migrate_te_nieuw(v, err, sizeof(err));
		cli_fout("%s: %s", cli_db_toon(url), err);
		return EXIT_SCHEMA;
	}
	/* serve upgrades a spoor database but creates none: a mistyped
	 * path is not a new installation */
	if (!migreer || v == migrate_laatste() || (migreer == 2 && v == 0)) {
		db_free(h);
		return cli_fout("%s", err);
	}
	rc = migrate_run(h, &van, &naar);
	if (rc) {
		cli_fout("%s: %s", cli_db_toon(url), db_errmsg(h));
		db_free(h);
		return EXIT_INVOER;
	}
	db_free(h);
	if (migreer == 2 && van != naar)
		printf("%s: schemaversie %d -> %d\n", cli_db_toon(url), van,
		       naar);
	if (store_open(url, 0, out, err, sizeof(err)))
		return cli_fout("%s", err);
	return 0;
}

void
help_init(void)
{
	printf("gebruik: spoor init [--db PAD|postgresql://...]\n\n"
	       "Maakt de database aan of brengt haar naar de nieuwste "
	       "schemaversie (%d).\nZonder --db: $SPOOR_DB, anders spoor.db.\n"
	       "Elke stap loopt in een eigen transactie: een onderbreking laat\n"
	       "een hele versie achter. Maak eerst een backup (spoor backup).\n"
	       "Heeft de database een nieuwere schemaversie dan deze spoor kent,\n"
	       "dan weigert spoor met afsluitcode 3.\n",
	       migrate_laatste());
}

int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_OPTIE_DB, CLI_OPTIE_HELP, CLI_OPTIE_EINDE,
	};
	const char *db = NULL;
	struct db *h = NULL;
	char err[300];
	int c, van = 0, naar = 0, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			db = optarg;
			break;
		case CLI_OPT_HELP:
			help_init();
			return EXIT_OK;
		default:
			return cli_optie_fout("init", "onbekende optie", c, argv);
		}
	}
	if (optind < argc)
		return cli_fout("init: onbekende optie '%s'", argv[optind]);
	db = cli_db_url(db);
	if (db_open(db, &h, err, sizeof(err)))
		return cli_fout("%s", err);
	if (!migrate_versie(h, &van) && van > migrate_laatste()) {
		migrate_te_nieuw(van, err, sizeof(err));
		cli_fout("%s: %s", cli_db_toon(db), err);
		db_free(h);
		return EXIT_SCHEMA;
	}
	rc = migrate_run(h, &van, &naar);
	if (rc) {
		cli_fout("%s: %s", cli_db_toon(db), db_errmsg(h));
		db_free(h);
		return EXIT_INVOER;
	}
	db_free(h);
	if (van == naar)
		printf("%s: schemaversie %d, al bij\n", cli_db_toon(db), naar);
	else
		printf("%s: schemaversie %d -> %d\n", cli_db_toon(db), van,
		       naar);
	return EXIT_OK;
}

void
help_import(void)
{
	fputs("gebruik: spoor import [--db URL] DOSSIER.json...\n\n"
	      "Slaat elk spoor-dossier/1-bestand op als nieuw dossier. Alles of\n"
	      "niets per bestand: bij een fout (met JSON-pad) blijft de database\n"
	      "zoals ze was en stopt spoor met afsluitcode 2.\n", stdout);
}

int
cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_OPTIE_DB, CLI_OPTIE_HELP, CLI_OPTIE_EINDE,
	};
	const char *db = NULL;
	struct store *s = NULL;
	struct casefile_fout f;
	int c, i, rc, nb, out = EXIT_OK;

	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			db = optarg;
			break;
		case CLI_OPT_HELP:
			help_import();
			return EXIT_OK;
		default:
			return cli_optie_fout("import", "onbekende optie", c,
					      argv);
		}
	}
	/* getopt moved the files to the end, in order */
	argv += optind;
	nb = argc - optind;
	if (!nb)
		return cli_fout("import: geef een of meer dossierbestanden");
	if ((rc = cli_store_open(cli_db_url(db), 0, &s)))
		return rc;
	for (i = 0; i < nb && out == EXIT_OK; i++) {
		char *buf = NULL;
		size_t len;
		int64_t id;

		if (casefile_slurp(argv[i], CASEFILE_MAX_BYTES, &buf, &len, &f)) {
			out = cli_fout("%s: %s", argv[i], f.reden);
			break;
		}
		rc = store_import(s, buf, len, 0, "spoor import", &id, &f);
		free(buf);
		if (rc == ST_ONGELDIG || rc == ST_CONFLICT)
			out = f.pad[0] ? cli_fout("%s: %s: %s", argv[i], f.pad,
						  f.reden)
				       : cli_fout("%s: %s", argv[i], f.reden);
		else if (rc)
			out = cli_fout("%s: %s", argv[i], store_errmsg(s));
		else
			printf("%s: opgeslagen\n", argv[i]);
	}
	store_free(s);
	return out;
}

void
help_export(void)
{
	fputs("gebruik: spoor export [--db URL] [--rol ROL] DOSSIER_ID\n\n"
	      "Schrijft het dossier als spoor-dossier/1 naar de standaarduitvoer.\n"
	      "Met --rol alleen wat die rol mag lezen (architectuur §6): voor\n"
	      "werkgever bijvoorbeeld geen medische of vertrouwelijke items.\n"
	      "Zonder --rol: het volledige dossier (beheer, back-up).\n", stdout);
}

int
cmd_export(int argc, char **argv)
{
	enum { O_ROL = CLI_OPT_EIGEN };
	static const struct option opts[] = {
		CLI_OPTIE_DB, CLI_OPTIE_HELP,
		{"rol", required_argument, NULL, O_ROL}, CLI_OPTIE_EINDE,
	};
	const char *db = NULL, *id_ext = NULL, *rol = NULL;
	struct store *s = NULL;
	char *txt = NULL;
	size_t len;
	int c, r, rc, out = EXIT_INVOER;
	uint32_t rollen = 0;

	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			db = optarg;
			break;
		case CLI_OPT_HELP:
			help_export();
			return EXIT_OK;
		case O_ROL:
			rol = optarg;
			if ((r = rol_zoek(rol, strlen(rol))) < 0)
				return cli_fout("--rol: onbekende rol '%s'", rol);
			rollen = ROL_BIT(r);
			break;
		default:
			return cli_optie_fout("export", "onbekende optie", c,
					      argv);
		}
	}
	if (argc - optind > 1)
		return cli_fout("export: een dossier tegelijk");
	if (argc - optind == 1)
		id_ext = argv[optind];
	if (!id_ext)
		return cli_fout("export: geef een dossier_id");
	if (rol && !toegang_dossier(rollen))
		return cli_fout("--rol: %s leest geen dossierinhoud", rol);
	if ((rc = cli_store_open(cli_db_url(db), 0, &s)))
		return rc;
	{
		struct app ctx = {s, NULL, NULL, NULL};
		struct app_wie w = {0, "spoor export"};

		rc = app_export(&ctx, &w, id_ext, rol != NULL, rollen, &txt,
				&len);
	}
	if (rc == ST_NIET_GEVONDEN) {
		cli_fout("export: geen dossier '%s'", id_ext);
		goto out;
	}
	if (rc) {
		cli_fout("%s", rc == ST_NOMEM ? "onvoldoende geheugen"
					      : store_errmsg(s));
		goto out;
	}
	fwrite(txt, 1, len, stdout);
	out = fflush(stdout) ? cli_fout("schrijffout") : EXIT_OK;
out:
	free(txt);
	store_free(s);
	return out;
}

void
help_user(void)
{
	fputs("gebruik: spoor user add [--db URL] NAAM --rol ROL\n"
	      "           [--werkgever WERKGEVER_ID | --dossier DOSSIER_ID]\n"
	      "           [--naam WEERGAVENAAM] [--wachtwoord W]\n\n"
	      "Maakt een gebruiker met een toekenning. casemanager, werkgever,\n"
	      "leidinggevende en bedrijfsarts krijgen een werkgever (alle\n"
	      "dossiers daarvan); loopbaancoach, arbeidsdeskundige, adviseur en\n"
	      "werknemer een dossier; beheerder geen van beide. Een account\n"
	      "is beheerder of partij in dossiers, niet beide. Zonder\n"
	      "--wachtwoord kiest spoor er een en drukt het af.\n"
	      "Bestaat de gebruiker al, dan krijgt hij de extra toekenning.\n\n"
	      "       spoor user tokens [--db URL] NAAM\n"
	      "       spoor user token-intrekken [--db URL] ID\n"
	      "       spoor user deactiveer [--db URL] NAAM\n"
	      "       spoor user activeer [--db URL] NAAM\n"
	      "       spoor user intrekken [--db URL] NAAM --rol ROL\n"
	      "           [--werkgever WERKGEVER_ID | --dossier DOSSIER_ID]\n"
	      "       spoor user totp-wissen [--db URL] NAAM\n\n"
	      "tokens toont de API-tokens van NAAM met hun ID; token-intrekken\n"
	      "trekt er een in. deactiveer beeindigt meteen de sessies en\n"
	      "tokens van NAAM en weigert zijn aanmelding (de laatste actieve\n"
	      "beheerder blijft); activeer maakt dat ongedaan, zonder de\n"
	      "tokens. intrekken neemt een toekenning weg. totp-wissen wist de\n"
	      "tweede factor en herstelcodes van NAAM (toestel kwijt): hij\n"
	      "meldt zich aan met zijn wachtwoord en stelt een nieuwe in.\n"
	      "Alles komt in het auditlog.\n",
	      stdout);
}

void
cli_nieuw_wachtwoord(char out[17])
{
	static const char abc[] = "abcdefghjkmnpqrstuvwxyz23456789";
	int i;

	for (i = 0; i < 16; i++)
		out[i] = abc[randombytes_uniform(sizeof(abc) - 1)];
	out[16] = '\0';
}

int
cmd_user(int argc, char **argv)
{
	enum { O_ROL = CLI_OPT_EIGEN, O_WG, O_DS, O_NAAM, O_PW };
	static const struct option opts[] = {
		CLI_OPTIE_DB,
		{"rol", required_argument, NULL, O_ROL},
		{"werkgever", required_argument, NULL, O_WG},
		{"dossier", required_argument, NULL, O_DS},
		{"naam", required_argument, NULL, O_NAAM},
		{"wachtwoord", required_argument, NULL, O_PW},
		CLI_OPTIE_HELP, CLI_OPTIE_EINDE,
	};
	const char *db = NULL, *naam = NULL, *wg = NULL, *ds = NULL,
		   *weergave = NULL, *pw = NULL;
	char gekozen[17], hash[AUTH_HASH_MAX], *oud = NULL;
	struct store *s = NULL;
	int c, rc, rol = -1, out = EXIT_INVOER;
	int64_t id;

	if (argc < 2 || strcmp(argv[1], "add") != 0) {
		if (argc >= 2 && !strcmp(argv[1], "--help")) {
			help_user();
			return EXIT_OK;
		}
		if (argc >= 2 && argv[1][0] != '-')
			return cli_user_intrekken(argc, argv);
		return cli_fout("user: verwacht 'spoor user add ...'");
	}
	/* after "add", as if it were the command */
	argc--;
	argv++;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			db = optarg;
			break;
		case O_ROL:
			rol = rol_zoek(optarg, strlen(optarg));
			if (rol < 0)
				return cli_fout("--rol: onbekende rol '%s'",
						optarg);
			break;
		case O_WG:
			wg = optarg;
			break;
		case O_DS:
			ds = optarg;
			break;
		case O_NAAM:
			weergave = optarg;
			break;
		case O_PW:
			pw = optarg;
			break;
		case CLI_OPT_HELP:
			help_user();
			return EXIT_OK;
		default:
			return cli_optie_fout("user add", "onbekende optie", c,
					      argv);
		}
	}
	if (optind < argc)
		naam = argv[optind++];
	if (optind < argc)
		return cli_fout("user add: een naam tegelijk");
	if (!naam || !auth_naam_geldig(naam, strlen(naam)))
		return cli_fout("user add: geef een gebruikersnaam van 1-64 "
				"tekens a-z, 0-9, '.', '_' of '-'");
	if (rol < 0)
		return cli_fout("user add: --rol ontbreekt");
	if (wg && ds)
		return cli_fout("user add: --werkgever of --dossier, niet "
				"beide");
	if (rol == ROL_BEHEERDER && (wg || ds))
		return cli_fout("user add: beheerder krijgt geen werkgever of "
				"dossier");
	if (rol != ROL_BEHEERDER && !wg && !ds)
		return cli_fout("user add: %s heeft --werkgever of --dossier "
				"nodig", rol_naam[rol]);
	if (wg && !toegang_bereik((enum rol)rol, BEREIK_WERKGEVER))
		return cli_fout("user add: %s krijgt toegang per dossier: geef "
				"--dossier in plaats van --werkgever",
				rol_naam[rol]);
	if (auth_init())
		return cli_fout("libsodium start niet");
	if (!pw) {
		cli_nieuw_wachtwoord(gekozen);
		pw = gekozen;
	} else if ((rc = auth_wachtwoord_regels(pw, naam, weergave, NULL))) {
		return cli_fout("--wachtwoord: %s", auth_wachtwoord_uitleg(rc));
	}
	rc = auth_wachtwoord_hash(pw, strlen(pw), AUTH_KOSTEN_NORMAAL, hash);
	if (rc)
		return cli_fout("--wachtwoord: %s", auth_wachtwoord_uitleg(rc));
	if ((rc = cli_store_open(cli_db_url(db), 0, &s)))
		return rc;
	if (store_begin(s))
		goto dbfout;
	rc = store_gebruiker_nieuw(s, naam, weergave ? weergave : naam, hash,
				   &id);
	if (rc == ST_CONFLICT) {
		/* an extra grant for an existing user; his password stays */
		store_rollback(s);
		if (store_begin(s) ||
		    store_gebruiker_login(s, naam, &id, &oud))
			goto dbfout;
		pw = NULL;
	} else if (rc) {
		goto dbfout;
	}
	rc = store_toekenning(s, id, (enum rol)rol, wg, ds);
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(s);
		cli_fout("user add: %s '%s' bestaat niet",
			 wg ? "werkgever" : "dossier", wg ? wg : ds);
		goto out;
	}
	if (rc == ST_VERBODEN) {
		store_rollback(s);
		cli_fout("user add: %s %s: een beheerder leest geen dossiers "
			 "en heeft daar geen rol; maak een apart account",
			 naam, rol == ROL_BEHEERDER ? "heeft een rol in dossiers"
						    : "is beheerder");
		goto out;
	}
	if (rc || store_toekenning_audit(s, 0, "spoor user add", naam,
					 (enum rol)rol, wg, ds) ||
	    store_commit(s))
		goto dbfout;
	printf("gebruiker %s: rol %s%s%s\n", naam, rol_naam[rol],
	       wg ? " bij werkgever " : ds ? " in dossier " : "",
	       wg ? wg : ds ? ds : "");
	if (pw == gekozen)
		printf("wachtwoord: %s\n", gekozen);
	out = EXIT_OK;
	goto out;
dbfout:
	cli_fout("%s", store_errmsg(s));
	store_rollback(s);
out:
	free(oud);
	sodium_memzero(gekozen, sizeof(gekozen));
	store_free(s);
	return out;
}

void
help_audit(void)
{
	fputs("gebruik: spoor audit verify [--db URL] [--kop 'VOLGNR HASH']\n"
	      "       spoor audit head [--db URL]\n\n"
	      "verify rekent de hashketen van het auditlog na. Afsluitcode 0:\n"
	      "intact; 1: gewijzigd of ingekort, met het eerste foute\n"
	      "volgnummer. Met --kop ook: heeft record VOLGNR nog de hash die\n"
	      "'spoor audit head' eerder gaf (een regel uit een dagelijkse\n"
	      "vastlegging buiten de database)?\n\n"
	      "head drukt de kop van de keten af op een regel: volgnummer,\n"
	      "hash en tijd (UTC) van het laatste record, om dagelijks buiten\n"
	      "de database te bewaren.\n",
	      stdout);
}

/* spoor audit head: one line, "VOLGNR HASH TIJD". */
static int
audit_kop(struct store *s)
{
	char hash[65], tijd[32] = "-";
	int64_t volgnr, t;
	struct tm tm;
	time_t tt;

	if (store_audit_kop(s, &volgnr, hash, &t)) {
		cli_fout("%s", store_errmsg(s));
		return EXIT_INVOER;
	}
	tt = (time_t)t;
	if (t && gmtime_r(&tt, &tm))
		strftime(tijd, sizeof(tijd), "%Y-%m-%dT%H:%M:%SZ", &tm);
	printf("%lld %s %s\n", (long long)volgnr, hash, tijd);
	return EXIT_OK;
}

/* --kop "VOLGNR HASH ...": 0 and the parts, or -1. */
static int
kop_lees(const char *t, int64_t *volgnr, char hash[65])
{
	const char *e = strchr(t, ' ');
	int64_t v;
	size_t i;

	if (!e || num_parse(t, (size_t)(e - t), 1, INT64_MAX, &v, NULL))
		return -1;
	for (e++, i = 0; i < 64; i++)
		if (!((e[i] >= '0' && e[i] <= '9') || (e[i] >= 'a' && e[i] <= 'f')))
			return -1;
	if (e[64] != '\0' && e[64] != ' ')
		return -1;
	memcpy(hash, e, 64);
	hash[64] = '\0';
	*volgnr = v;
	return 0;
}

int
cmd_audit(int argc, char **argv)
{
	enum { O_KOP = CLI_OPT_EIGEN };
	static const struct option opts[] = {
		CLI_OPTIE_DB, {"kop", required_argument, NULL, O_KOP},
		CLI_OPTIE_EINDE,
	};
	const char *db = NULL, *kop = NULL;
	struct store *s = NULL;
	int64_t n = 0, bad = 0, kop_nr = 0;
	char kop_hash[65], hash[65], naam[20];
	int c, rc, head;

	if (argc < 2 || (strcmp(argv[1], "verify") != 0 &&
			 strcmp(argv[1], "head") != 0)) {
		if (argc >= 2 && !strcmp(argv[1], "--help")) {
			help_audit();
			return EXIT_OK;
		}
		return cli_fout("audit: verwacht 'spoor audit verify' of "
				"'spoor audit head'");
	}
	head = !strcmp(argv[1], "head");
	snprintf(naam, sizeof(naam), "audit %s", argv[1]);
	/* after the subcommand, as if it were the command */
	argc--;
	argv++;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == CLI_OPT_DB) {
			db = optarg;
		} else if (c == O_KOP && !head) {
			kop = optarg;
			if (kop_lees(kop, &kop_nr, kop_hash))
				return cli_fout("--kop: verwacht 'VOLGNR HASH' "
						"zoals 'spoor audit head' die "
						"afdrukt");
		} else if (c == O_KOP) {
			/* verify's option; head has none */
			return cli_fout("%s: onbekende optie '--kop'", naam);
		} else {
			return cli_optie_fout(naam, "onbekende optie", c,
					      argv);
		}
	}
	if (optind < argc)
		return cli_fout("%s: onbekende optie '%s'", naam,
				argv[optind]);
	if ((rc = cli_store_open(cli_db_url(db), 0, &s)))
		return rc;
	if (head) {
		rc = audit_kop(s);
		store_free(s);
		return rc;
	}
	rc = store_audit_verify(s, &n, &bad);
	if (rc == 0 && kop) {
		int k = store_audit_hash(s, kop_nr, hash);

		if (k == ST_NIET_GEVONDEN || (!k && strcmp(hash, kop_hash) != 0)) {
			printf("auditlog GEWIJZIGD: record %lld heeft niet de "
			       "vastgelegde hash\n", (long long)kop_nr);
			store_free(s);
			return EXIT_BEVINDINGEN;
		}
		rc = k;
	}
	if (rc == ST_ONGELDIG) {
		printf("auditlog GEWIJZIGD: de keten breekt bij record %lld\n",
		       (long long)bad);
		store_free(s);
		return EXIT_BEVINDINGEN;
	}
	if (rc) {
		cli_fout("%s", store_errmsg(s));
		store_free(s);
		return EXIT_INVOER;
	}
	if (kop)
		printf("auditlog intact: %lld records; record %lld heeft de "
		       "vastgelegde hash\n", (long long)n, (long long)kop_nr);
	else
		printf("auditlog intact: %lld records\n", (long long)n);
	store_free(s);
	return EXIT_OK;
}
