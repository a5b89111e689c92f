/*
 * test_bereik.c - an API token limited to one employer (store_bereik.h)
 * on SQLite and, when SPOOR_PG_URL is set, on PostgreSQL: with the
 * store's bereik_werkgever set, every resolution of a user's grants
 * counts only grants within that employer (case roles, organisation
 * roles, all roles, case lists, the dashboard list, case access, the
 * employer list); the scope is set once on a token of the user's, only
 * for an employer he holds a grant within.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/store.h"
#include "store/store_bereik.h"
#include "store/store_doc.h"
#include "store/toegang.h"
#include "testlib.h"

static int
setup_sqlite(void **state)
{
	return tl_setup_sqlite(state, "bereik", "s.db", TL_NU0);
}

static int
setup_pg(void **state)
{
	return tl_setup_pg(state, "tber", TL_NU0);
}

/* A case DS of employer WG (extern ids). */
static int64_t
zaak(struct store *s, const char *ds, const char *wg, const char *wn)
{
	char json[1024];

	snprintf(json, sizeof(json),
		 "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"%s\","
		 "\"werkgever\":{\"id\":\"%s\",\"naam\":\"Werkgever %s\"},"
		 "\"werknemer\":{\"id\":\"%s\",\"naam\":\"N. %s\"},"
		 "\"dienstverband\":{\"begindatum\":\"2020-01-01\",\"soort\":"
		 "\"onbepaalde_tijd\"},\"vangnet\":null,\"verzuim\":[{\"datum\":"
		 "\"2026-01-05\",\"soort\":\"ziek\",\"percentage\":100}],"
		 "\"gebeurtenissen\":[]}", ds, wg, wg, wn, wn);
	return tl_importeer(s, json, strlen(json));
}

static int64_t
werkgever_id(struct store *s, const char *wg)
{
	struct db_param p[] = {db_text(wg)};
	struct db_res r;
	int64_t id;

	assert_int_equal(db_query(s->db, "SELECT id FROM werkgever WHERE "
				  "extern_id = $1", p, 1, &r), 0);
	assert_int_equal(r.nrows, 1);
	id = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return id;
}

static void
t_rollen(void **state)
{
	struct store *s = tl_store(state);
	int64_t a1 = zaak(s, "D-A1", "WG-A", "WN-A1");
	int64_t b1 = zaak(s, "D-B1", "WG-B", "WN-B1");
	int64_t c1 = zaak(s, "D-C1", "WG-C", "WN-C1");
	int64_t wa = werkgever_id(s, "WG-A");
	int64_t cm = tl_gebruiker_rol(s, "cm", ROL_CASEMANAGER, "WG-A", NULL);
	int64_t ad = tl_gebruiker_rol(s, "ad", ROL_ADVISEUR, NULL, "D-C1");
	int64_t *ids = NULL, id = 0, versie = 0;
	uint32_t r = 0, *rs = NULL;
	struct db_res res;
	size_t n = 0;

	tl_toeken(s, cm, ROL_CASEMANAGER, "WG-B", NULL);
	/* without a scope: both employers */
	assert_int_equal(store_rollen(s, cm, b1, &r), 0);
	assert_int_equal(r, ROL_BIT(ROL_CASEMANAGER));
	assert_int_equal(store_dossiers(s, cm, &ids, &rs, &n), 0);
	assert_int_equal(n, 2);
	free(ids);
	free(rs);

	s->bereik_werkgever = wa;
	assert_int_equal(store_rollen(s, cm, a1, &r), 0);
	assert_int_equal(r, ROL_BIT(ROL_CASEMANAGER));
	assert_int_equal(store_rollen(s, cm, b1, &r), 0);
	assert_int_equal(r, 0);
	assert_int_equal(store_dossier_org_rollen(s, cm, b1, &r), 0);
	assert_int_equal(r, 0);
	assert_int_equal(store_werkgever_rollen(s, cm, "WG-A", &r), 0);
	assert_int_equal(r, ROL_BIT(ROL_CASEMANAGER));
	assert_int_equal(store_werkgever_rollen(s, cm, "WG-B", &r), 0);
	assert_int_equal(r, 0);
	/* another employer's case is missing, as if it did not exist */
	assert_int_equal(store_dossier_toegang(s, cm, "D-B1", &id, &versie,
					       &r), ST_NIET_GEVONDEN);
	assert_int_equal(store_dossier_toegang(s, cm, "D-A1", &id, &versie,
					       &r), 0);
	assert_int_equal(id, a1);
	assert_int_equal(r, ROL_BIT(ROL_CASEMANAGER));
	assert_int_equal(store_dossiers(s, cm, &ids, &rs, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], a1);
	free(ids);
	free(rs);
	assert_int_equal(store_dossierlijst(s, cm, &res), 0);
	assert_int_equal(res.nrows, 1);
	assert_string_equal(db_cel(&res, 0, 3), "D-A1");
	db_res_release(&res);
	assert_int_equal(store_alle_rollen(s, cm, &r), 0);
	assert_int_equal(r, ROL_BIT(ROL_CASEMANAGER));
	/* a per-case grant counts only within the scope too */
	assert_int_equal(store_alle_rollen(s, ad, &r), 0);
	assert_int_equal(r, 0);
	assert_int_equal(store_rollen(s, ad, c1, &r), 0);
	assert_int_equal(r, 0);
	s->bereik_werkgever = werkgever_id(s, "WG-C");
	assert_int_equal(store_rollen(s, ad, c1, &r), 0);
	assert_int_equal(r, ROL_BIT(ROL_ADVISEUR));
	assert_int_equal(store_alle_rollen(s, ad, &r), 0);
	assert_int_equal(r, ROL_BIT(ROL_ADVISEUR));
	s->bereik_werkgever = 0;
}

/* The employer list of a scoped caller: that employer only. */
static void
t_werkgevers(void **state)
{
	struct store *s = tl_store(state);
	struct store_werkgever *w = NULL;
	int64_t cm;
	size_t n = 0;

	(void)zaak(s, "D-A1", "WG-A", "WN-A1");
	(void)zaak(s, "D-B1", "WG-B", "WN-B1");
	cm = tl_gebruiker_rol(s, "cm", ROL_CASEMANAGER, "WG-A", NULL);
	tl_toeken(s, cm, ROL_CASEMANAGER, "WG-B", NULL);
	assert_int_equal(store_werkgevers(s, cm, 0, &w, &n), 0);
	assert_int_equal(n, 2);
	store_werkgevers_free(w, n);
	s->bereik_werkgever = werkgever_id(s, "WG-B");
	assert_int_equal(store_werkgevers(s, cm, 0, &w, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(w[0].id, "WG-B");
	store_werkgevers_free(w, n);
	/* even a caller who may list all sees only his scope */
	assert_int_equal(store_werkgevers(s, cm, 1, &w, &n), 0);
	assert_int_equal(n, 1);
	store_werkgevers_free(w, n);
	s->bereik_werkgever = 0;
}

static void
t_token(void **state)
{
	struct store *s = tl_store(state);
	int64_t cm, wg = -1, beh;
	const char *h1 = "1111111111111111111111111111111111111111111111111111111111111111";
	const char *h2 = "2222222222222222222222222222222222222222222222222222222222222222";
	const char *h3 = "3333333333333333333333333333333333333333333333333333333333333333";
	struct db_res res;

	(void)zaak(s, "D-A1", "WG-A", "WN-A1");
	(void)zaak(s, "D-B1", "WG-B", "WN-B1");
	cm = tl_gebruiker_rol(s, "cm", ROL_CASEMANAGER, "WG-A", NULL);
	beh = tl_gebruiker_rol(s, "beh", ROL_BEHEERDER, NULL, NULL);
	assert_int_equal(store_token_maak(s, h1, cm, "a", 2000000000, 0), 0);
	assert_int_equal(store_token_maak(s, h2, cm, "b", 2000000000, 0), 0);
	assert_int_equal(store_token_maak(s, h3, beh, "c", 2000000000, 0), 0);
	assert_int_equal(store_token_bereik(s, h1, &wg), 0);
	assert_int_equal(wg, 0);
	/* no grant within WG-B, an unknown employer, another's token */
	assert_int_equal(store_token_bereik_zet(s, h1, cm, "WG-B"),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_token_bereik_zet(s, h1, cm, "WG-X"),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_token_bereik_zet(s, h3, cm, "WG-A"),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_token_bereik_zet(s, h3, beh, "WG-A"),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_token_bereik_zet(s, h1, cm, "WG-A"), 0);
	assert_int_equal(store_token_bereik(s, h1, &wg), 0);
	assert_int_equal(wg, werkgever_id(s, "WG-A"));
	/* set once */
	tl_toeken(s, cm, ROL_CASEMANAGER, "WG-B", NULL);
	assert_int_equal(store_token_bereik_zet(s, h1, cm, "WG-B"),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_token_bereik(s, h2, &wg), 0);
	assert_int_equal(wg, 0);
	assert_int_equal(store_token_bereik(s, "x", &wg), ST_NIET_GEVONDEN);
	/* the list names the scope */
	assert_int_equal(store_tokens(s, cm, &res), 0);
	assert_int_equal(res.nrows, 2);
	assert_int_equal(res.ncols, 8);
	assert_true(!strcmp(db_cel(&res, 0, 0), "1111111111111111") ?
			    !strcmp(db_cel(&res, 0, 7), "WG-A") &&
				    db_cel(&res, 1, 7) == NULL :
			    !strcmp(db_cel(&res, 1, 7), "WG-A") &&
				    db_cel(&res, 0, 7) == NULL);
	db_res_release(&res);
}

#define TESTS(X) X(t_rollen) X(t_werkgevers) X(t_token)
#define SQ(f) cmocka_unit_test_setup_teardown(f, setup_sqlite, tl_teardown),
#define PG(f) cmocka_unit_test_setup_teardown(f, setup_pg, tl_teardown),

int
main(void)
{
	const struct CMUnitTest sqlite_tests[] = {TESTS(SQ)};
	const struct CMUnitTest pg_tests[] = {TESTS(PG)};
	int fouten = 0;

	fouten += cmocka_run_group_tests_name("bereik_sqlite", sqlite_tests,
					      NULL, NULL);
	if (!tl_pg_url())
		fprintf(stderr, "test_bereik: SPOOR_PG_URL is not set, the "
				"PostgreSQL tests are skipped (run: "
				"scripts/pg.sh run build/tests/test_bereik)\n");
	fouten += cmocka_run_group_tests_name("bereik_pg", pg_tests, NULL,
					      NULL);
	return fouten ? 1 : 0;
}
