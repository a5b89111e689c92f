/*
 * fuzz_api_body.c - libFuzzer target for the request bodies of the
 * writing API paths: POST .../gebeurtenissen, POST .../verzuim and
 * POST /dossiers (import), through the store functions the handlers call.
 *
 * The first byte picks the path and the roles of the writer; the rest is
 * the body. Every input is either stored (the case still reads back and
 * computes) or refused with a reason, and a refusal leaves the database
 * exactly as it was (no entry, mutation or case half-written). Anything
 * else is a bug: abort().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/geval.h"
#include "store/laad.h"
#include "store/store.h"
#include "store/toegang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char basis[] =
	"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-F\","
	"\"werkgever\":{\"id\":\"WG-F\",\"naam\":\"F B.V.\"},"
	"\"werknemer\":{\"id\":\"WN-F\",\"naam\":\"F\"},"
	"\"dienstverband\":{\"begindatum\":\"2020-01-01\","
	"\"soort\":\"onbepaalde_tijd\",\"maandloon_cent\":300000,"
	"\"uren_per_week\":36},\"vangnet\":null,"
	"\"verzuim\":[{\"datum\":\"2026-01-05\",\"soort\":\"ziek\","
	"\"percentage\":100}],"
	"\"gebeurtenissen\":[{\"soort\":\"probleemanalyse\","
	"\"datum\":\"2026-02-10\",\"id\":\"E1\"},"
	"{\"soort\":\"contact\",\"datum\":\"2026-02-11\","
	"\"zichtbaarheid\":\"medisch\",\"id\":\"M1\"}]}";

static struct store *s;
static int64_t dossier, auteur;

static void
opzet(void)
{
	char dir[] = "/tmp/spoor-fuzz-api-XXXXXX", url[128], err[300];
	struct casefile_fout f;

	if (!mkdtemp(dir))
		abort();
	snprintf(url, sizeof(url), "%s/f.db", dir);
	if (store_open(url, 1, &s, err, sizeof(err)) ||
	    store_import(s, basis, sizeof(basis) - 1, 0, "fuzz", &dossier, &f) ||
	    store_gebruiker_nieuw(s, "fuzz", "Fuzz", "-", &auteur))
		abort();
	/* the file is deleted now; the open connection keeps it */
	snprintf(url, sizeof(url), "%s/f.db", dir);
	unlink(url);
	snprintf(url, sizeof(url), "%s/f.db-wal", dir);
	unlink(url);
	snprintf(url, sizeof(url), "%s/f.db-shm", dir);
	unlink(url);
	rmdir(dir);
}

static int64_t
telling(void)
{
	struct db_res r;
	int64_t n;

	if (db_query(s->db, "SELECT (SELECT count(*) FROM gebeurtenis) + "
		     "(SELECT count(*) FROM verzuim) + (SELECT count(*) FROM "
		     "dossier) + (SELECT max(versie) FROM dossier)", NULL, 0,
		     &r) || r.nrows != 1)
		abort();
	n = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t rollen[] = {
		ROL_BIT(ROL_CASEMANAGER), ROL_BIT(ROL_WERKGEVER),
		ROL_BIT(ROL_BEDRIJFSARTS), ROL_BIT(ROL_LOOPBAANCOACH),
		ROL_BIT(ROL_WERKNEMER), ROL_BIT(ROL_ADVISEUR),
	};
	struct casefile_fout f;
	struct geval g;
	char *nid = NULL, *body;
	int64_t voor, na, id;
	uint32_t r;
	int rc, pad;

	if (!s)
		opzet();
	if (size < 1)
		return 0;
	pad = data[0] % 3;
	r = rollen[(data[0] / 3) % (sizeof(rollen) / sizeof(rollen[0]))];
	/* the handlers get a NUL-terminated copy of the body */
	body = malloc(size);
	if (!body)
		abort();
	memcpy(body, data + 1, size - 1);
	body[size - 1] = '\0';
	memset(&f, 0, sizeof(f));
	voor = telling();
	if (pad == 0)
		rc = store_gebeurtenis_toevoegen(s, dossier, body, size - 1, r,
						 auteur, "Fuzz", &nid, &f);
	else if (pad == 1)
		rc = store_verzuim_toevoegen(s, dossier, body, size - 1, r,
					     auteur, "Fuzz", &f);
	else
		rc = store_import(s, body, size - 1, auteur, "fuzz", &id, &f);
	na = telling();
	if (rc != ST_OK) {
		/* refused: with a reason, and nothing changed */
		if ((rc == ST_ONGELDIG || rc == ST_VERBODEN ||
		     rc == ST_CONFLICT) && f.reden[0] == '\0')
			abort();
		if (rc != ST_ONGELDIG && rc != ST_VERBODEN &&
		    rc != ST_CONFLICT)
			abort();
		if (na != voor)
			abort();
	} else if (na == voor) {
		abort();
	}
	free(nid);
	free(body);
	/* the case still reads back and computes */
	geval_init(&g);
	if (store_dossier_laad(s, dossier, &g.ds))
		abort();
	rc = geval_bereken(&g, date_from_ymd(2026, 6, 1));
	if (rc == GEVAL_NOMEM)
		abort();
	geval_release(&g);
	return 0;
}
