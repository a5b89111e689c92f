/*
 * cmd_user.c - revocation on the command line (issue 12): spoor user
 * tokens, token-intrekken, deactiveer, activeer and intrekken. `spoor
 * user add` is in cmd_store.c, which hands the other subcommands here.
 * Every change is audited as made by the command line (user 0).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "store/db.h"
#include "store/store.h"
#include "store/store_totp.h"

/* The options after the subcommand: --db, and --rol, --werkgever and
 * --dossier when opties says so; one positional argument. */
struct user_args {
	const char *db, *arg, *wg, *ds;
	int rol;
};

static int
lees_args(int argc, char **argv, int opties, struct user_args *a)
{
	enum { O_ROL = CLI_OPT_EIGEN, O_WG, O_DS };
	static const struct option alleen_db[] = {
		CLI_OPTIE_DB, CLI_OPTIE_EINDE,
	};
	static const struct option grant[] = {
		CLI_OPTIE_DB,
		{"rol", required_argument, NULL, O_ROL},
		{"werkgever", required_argument, NULL, O_WG},
		{"dossier", required_argument, NULL, O_DS},
		CLI_OPTIE_EINDE,
	};
	const char *sub = argv[1];
	char naam[40];
	int c;

	memset(a, 0, sizeof(*a));
	a->rol = -1;
	snprintf(naam, sizeof(naam), "user %s", sub);
	/* after the subcommand, as if it were the command */
	argc--;
	argv++;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opties ? grant : alleen_db)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			a->db = optarg;
			break;
		case O_ROL:
			a->rol = rol_zoek(optarg, strlen(optarg));
			if (a->rol < 0)
				return cli_fout("--rol: onbekende rol '%s'",
						optarg);
			break;
		case O_WG:
			a->wg = optarg;
			break;
		case O_DS:
			a->ds = optarg;
			break;
		default:
			return cli_optie_fout(naam, "onbekende optie", c, argv);
		}
	}
	if (optind < argc)
		a->arg = argv[optind++];
	if (optind < argc)
		return cli_fout("%s: een %s tegelijk", naam,
				opties ? "naam" : "waarde");
	if (!a->arg)
		return cli_fout("%s: %s ontbreekt", naam,
				!strcmp(sub, "token-intrekken") ? "ID"
								: "NAAM");
	return EXIT_OK;
}

static void
datum(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || !strftime(out, 32, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, 32, "%" PRId64, t);
}

/* spoor user tokens NAAM: one line per token, newest first. */
static int
tokens(struct store *s, const char *naam)
{
	struct db_res r;
	size_t i, n = 0;

	if (store_tokens(s, 0, &r))
		return cli_fout("%s", store_errmsg(s));
	for (i = 0; i < r.nrows; i++) {
		char a[32], v[32];
		const char *wie = db_cel(&r, i, 6);

		if (!wie || !naam || strcmp(wie, naam) != 0)
			continue;
		datum(db_cel_int(&r, i, 2), a);
		datum(db_cel_int(&r, i, 3), v);
		printf("%s  %s  gemaakt %s  verloopt %s%s%s%s%s\n",
		       db_cel(&r, i, 0), db_cel(&r, i, 1), a, v,
		       db_cel_int(&r, i, 4) ? "  alleen lezen" : "",
		       db_cel(&r, i, 7) ? "  alleen werkgever " : "",
		       db_cel(&r, i, 7) ? db_cel(&r, i, 7) : "",
		       db_cel_int(&r, i, 5) ? "  ingetrokken" : "");
		n++;
	}
	db_res_release(&r);
	if (n == 0)
		printf("%s heeft geen API-tokens\n", naam);
	return EXIT_OK;
}

int
cli_user_intrekken(int argc, char **argv)
{
	const char *sub = argv[1];
	struct user_args a;
	struct store *s = NULL;
	char actie[120], *oud = NULL;
	int64_t id = 0;
	int rc, out = EXIT_INVOER;
	int grant = !strcmp(sub, "intrekken");

	if (strcmp(sub, "tokens") != 0 && strcmp(sub, "token-intrekken") != 0 &&
	    strcmp(sub, "deactiveer") != 0 && strcmp(sub, "activeer") != 0 &&
	    strcmp(sub, "totp-wissen") != 0 && !grant)
		return cli_fout("user: onbekende opdracht '%s'; zie spoor help "
				"user", sub);
	if ((rc = lees_args(argc, argv, grant, &a)))
		return rc;
	if (grant) {
		if (a.rol < 0)
			return cli_fout("user intrekken: --rol ontbreekt");
		if (a.wg && a.ds)
			return cli_fout("user intrekken: --werkgever of "
					"--dossier, niet beide");
	}
	if ((rc = cli_store_open(cli_db_url(a.db), 0, &s)))
		return rc;
	if (!strcmp(sub, "tokens")) {
		out = tokens(s, a.arg);
		goto out;
	}
	if (store_begin(s))
		goto dbfout;
	if (!strcmp(sub, "token-intrekken")) {
		rc = store_token_intrekken(s, a.arg, 0, NULL);
		snprintf(actie, sizeof(actie), "API-token intrekken: %.16s",
			 a.arg);
	} else if (!strcmp(sub, "totp-wissen")) {
		/* a user who lost his device: he logs in with his password
		 * and enrols again (docs/security.md, Second factor) */
		rc = store_totp_gebruiker(s, a.arg, &id);
		if (!rc)
			rc = store_totp_weg(s, id);
		snprintf(actie, sizeof(actie), "tweede factor gewist van "
			 "gebruiker %.64s", a.arg);
	} else if (!grant) {
		int aan = !strcmp(sub, "activeer");

		rc = store_gebruiker_actief(s, a.arg, aan, NULL);
		snprintf(actie, sizeof(actie), "gebruiker %s: %.64s",
			 aan ? "activeren" : "deactiveren", a.arg);
	} else {
		rc = store_gebruiker_login(s, a.arg, &id, &oud);
		if (!rc)
			rc = store_toekenning_weg(s, id, (enum rol)a.rol, a.wg,
						  a.ds);
		actie[0] = '\0';
	}
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(s);
		cli_fout("user %s: %s", sub,
			 !strcmp(sub, "token-intrekken")
				 ? "geen API-token met dit id (zie spoor user "
				   "tokens NAAM)"
			 : grant ? "geen actieve gebruiker met deze naam en "
				   "deze toekenning (zie GET /api/v1/gebruikers)"
			 : !strcmp(sub, "totp-wissen")
				 ? "geen gebruiker met deze naam, of hij heeft "
				   "geen tweede factor"
				 : "geen gebruiker met deze naam");
		goto out;
	}
	if (rc == ST_VERBODEN) {
		store_rollback(s);
		cli_fout("user %s: %s is de laatste actieve beheerder; maak "
			 "eerst een andere beheerder", sub, a.arg);
		goto out;
	}
	if (rc)
		goto dbfout;
	rc = grant ? store_intrekking_audit(s, 0, "spoor user intrekken",
					    a.arg, (enum rol)a.rol, a.wg, a.ds)
		   : store_audit(s, 0, "spoor user", 0, 0, actie, 0);
	if (rc || store_commit(s))
		goto dbfout;
	printf("%s: %s\n", sub, a.arg);
	out = EXIT_OK;
	goto out;
dbfout:
	cli_fout("%s", store_errmsg(s));
	store_rollback(s);
out:
	free(oud);
	store_free(s);
	return out;
}
