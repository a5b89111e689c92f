/*
 * migrate.c - the schema, step by step (see migrate.h, docs/store.md).
 *
 * Never edit a released step: add a new one. Tokens: @ID@ is an
 * auto-numbered primary key, @BLOB@ a byte column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "migrate.h"

static const char *const stappen[] = {
	/* 1: the whole model of issue 4 */
	"CREATE TABLE gebruiker ("
	" id @ID@,"
	" naam TEXT NOT NULL UNIQUE,"
	" weergavenaam TEXT NOT NULL,"
	" wachtwoord_hash TEXT NOT NULL,"
	" actief INTEGER NOT NULL DEFAULT 1 CHECK (actief IN (0, 1)),"
	" aangemaakt BIGINT NOT NULL);"
	"CREATE TABLE rol (naam TEXT PRIMARY KEY);"
	"INSERT INTO rol (naam) VALUES ('beheerder'), ('casemanager'),"
	" ('werkgever'), ('leidinggevende'), ('bedrijfsarts'),"
	" ('arbeidsdeskundige'), ('loopbaancoach'), ('werknemer'),"
	" ('adviseur');"
	"CREATE TABLE werkgever ("
	" id @ID@,"
	" extern_id TEXT NOT NULL UNIQUE,"
	" naam TEXT NOT NULL,"
	" eigenrisicodrager_wga INTEGER NOT NULL DEFAULT 0"
	"  CHECK (eigenrisicodrager_wga IN (0, 1)));"
	"CREATE TABLE werknemer ("
	" id @ID@,"
	" extern_id TEXT NOT NULL UNIQUE,"
	" naam TEXT NOT NULL,"
	" geboortedatum TEXT,"
	" bsn TEXT);"
	/* the dienstverband object of spoor-dossier/1 as canonical JSON:
	 * its fields only ever travel together */
	"CREATE TABLE dienstverband ("
	" id @ID@,"
	" werkgever_id BIGINT NOT NULL REFERENCES werkgever (id),"
	" werknemer_id BIGINT NOT NULL REFERENCES werknemer (id),"
	" begindatum TEXT NOT NULL,"
	" gegevens TEXT NOT NULL);"
	"CREATE INDEX dienstverband_werkgever ON dienstverband (werkgever_id);"
	/* versie is raised by every write of the case: the UPDATE takes
	 * the row lock that serialises writers of one dossier */
	"CREATE TABLE dossier ("
	" id @ID@,"
	" extern_id TEXT NOT NULL UNIQUE,"
	" dienstverband_id BIGINT NOT NULL REFERENCES dienstverband (id),"
	" vangnet TEXT,"
	" versie BIGINT NOT NULL DEFAULT 0,"
	" aangemaakt BIGINT NOT NULL,"
	" gewijzigd BIGINT NOT NULL);"
	"CREATE INDEX dossier_dienstverband ON dossier (dienstverband_id);"
	"CREATE TABLE verzuim ("
	" dossier_id BIGINT NOT NULL REFERENCES dossier (id),"
	" volgnr INTEGER NOT NULL,"
	" datum TEXT NOT NULL,"
	" soort TEXT NOT NULL CHECK (soort IN ('ziek', 'hersteld',"
	"  'zwangerschapsverlof')),"
	" percentage INTEGER,"
	" vastgelegd BIGINT NOT NULL,"
	" auteur_id BIGINT REFERENCES gebruiker (id),"
	" PRIMARY KEY (dossier_id, volgnr));"
	/* append-only entries; gegevens is the canonical JSON of the
	 * entry as in spoor-dossier/1 */
	"CREATE TABLE gebeurtenis ("
	" dossier_id BIGINT NOT NULL REFERENCES dossier (id),"
	" volgnr INTEGER NOT NULL,"
	" extern_id TEXT,"
	" soort TEXT NOT NULL,"
	" datum TEXT NOT NULL,"
	" zichtbaarheid TEXT NOT NULL CHECK (zichtbaarheid IN ('algemeen',"
	"  'medisch', 'vertrouwelijk')),"
	" corrigeert TEXT,"
	" gegevens TEXT NOT NULL,"
	" vastgelegd BIGINT NOT NULL,"
	" auteur_id BIGINT REFERENCES gebruiker (id),"
	" PRIMARY KEY (dossier_id, volgnr),"
	" UNIQUE (dossier_id, extern_id));"
	"CREATE TABLE document ("
	" id @ID@,"
	" dossier_id BIGINT NOT NULL REFERENCES dossier (id),"
	" naam TEXT NOT NULL,"
	" mime TEXT NOT NULL,"
	" zichtbaarheid TEXT NOT NULL CHECK (zichtbaarheid IN ('algemeen',"
	"  'medisch', 'vertrouwelijk')),"
	" sha256 TEXT NOT NULL,"
	" grootte BIGINT NOT NULL,"
	" inhoud @BLOB@ NOT NULL,"
	" vastgelegd BIGINT NOT NULL,"
	" auteur_id BIGINT REFERENCES gebruiker (id));"
	"CREATE INDEX document_dossier ON document (dossier_id);"
	/* a grant: organisation-wide (werkgever_id), for one case
	 * (dossier_id), or without scope (beheerder) */
	"CREATE TABLE toekenning ("
	" id @ID@,"
	" gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),"
	" rol TEXT NOT NULL REFERENCES rol (naam),"
	" werkgever_id BIGINT REFERENCES werkgever (id),"
	" dossier_id BIGINT REFERENCES dossier (id),"
	" CHECK (werkgever_id IS NULL OR dossier_id IS NULL));"
	"CREATE INDEX toekenning_gebruiker ON toekenning (gebruiker_id);"
	"CREATE TABLE sessie ("
	" token_hash TEXT PRIMARY KEY,"
	" gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),"
	" csrf TEXT NOT NULL,"
	" aangemaakt BIGINT NOT NULL,"
	" verloopt BIGINT NOT NULL);"
	"CREATE TABLE api_token ("
	" token_hash TEXT PRIMARY KEY,"
	" gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),"
	" naam TEXT NOT NULL,"
	" aangemaakt BIGINT NOT NULL,"
	" ingetrokken INTEGER NOT NULL DEFAULT 0);"
	/* the audit log is a hash chain; audit_kop holds its head, and
	 * updating that one row serialises appends across processes */
	"CREATE TABLE audit ("
	" volgnr BIGINT PRIMARY KEY,"
	" tijd BIGINT NOT NULL,"
	" gebruiker_id BIGINT,"
	" gebruiker TEXT NOT NULL,"
	" rol TEXT NOT NULL,"
	" dossier_id BIGINT,"
	" actie TEXT NOT NULL,"
	" klasse TEXT NOT NULL,"
	" vorige TEXT NOT NULL,"
	" hash TEXT NOT NULL);"
	"CREATE INDEX audit_dossier ON audit (dossier_id, volgnr);"
	"CREATE TABLE audit_kop ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" volgnr BIGINT NOT NULL,"
	" hash TEXT NOT NULL);"
	"INSERT INTO audit_kop (id, volgnr, hash) VALUES (1, 0,"
	" '0000000000000000000000000000000000000000000000000000000000000000');",
	/* 2: a session's last use, for session_idle (store.h); existing
	 * sessions count as last seen at their login */
	"ALTER TABLE sessie ADD COLUMN gezien BIGINT NOT NULL DEFAULT 0;"
	"UPDATE sessie SET gezien = aangemaakt;",
	/* 3: parameter rows a beheerder stored (store_param.h); they
	 * override the compiled tables by (tabel, ingangsdatum), NULL
	 * waarde_cent is 'onbekend'; parameter_kop.versie is raised by
	 * every change (the server's cache key) */
	"CREATE TABLE parameter ("
	" tabel TEXT NOT NULL,"
	" ingangsdatum TEXT NOT NULL,"
	" waarde_cent BIGINT CHECK (waarde_cent IS NULL OR waarde_cent > 0),"
	" bron TEXT NOT NULL CHECK (bron <> ''),"
	" gebruiker_id BIGINT REFERENCES gebruiker (id),"
	" gebruiker TEXT NOT NULL,"
	" vastgelegd BIGINT NOT NULL,"
	" PRIMARY KEY (tabel, ingangsdatum));"
	"CREATE TABLE parameter_kop ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" versie BIGINT NOT NULL);"
	"INSERT INTO parameter_kop (id, versie) VALUES (1, 0);",
	/* 4: reads folded into one record (store.h STORE_AUDIT_VOUW): how
	 * many reads a record stands for and the time of the last, both
	 * outside the hash; the index finds a user's reads of a case in
	 * the last STORE_AUDIT_VOUW seconds without walking older ones */
	"ALTER TABLE audit ADD COLUMN aantal BIGINT NOT NULL DEFAULT 1;"
	"ALTER TABLE audit ADD COLUMN laatst BIGINT NOT NULL DEFAULT 0;"
	"UPDATE audit SET laatst = tijd;"
	"CREATE INDEX audit_vouw ON audit (dossier_id, gebruiker_id, tijd);",
	/* 5: an employee belongs to one employer's administration: his id
	 * is unique per employer, not in the whole installation (issue
	 * 12). An employee who had cases at several employers becomes one
	 * row per employer, each case pointing at its employer's row.
	 * SQLite cannot drop a UNIQUE constraint: the table is rebuilt
	 * (ids kept; foreign keys are off during a migration step and
	 * checked at its end, migrate_run_stappen). The index first: the
	 * step looks up each employee's dienstverbanden, as do the
	 * employee queries of store_doc.c; joins (UPDATE ... FROM, SQLite
	 * 3.33) rather than a subquery per row, which PostgreSQL planned
	 * as a scan of dienstverband per employee (7 s for 10,000) */
	"CREATE INDEX dienstverband_werknemer ON dienstverband (werknemer_id);"
	"@SQLITE{"
	"CREATE TABLE werknemer_nieuw ("
	" id @ID@,"
	" werkgever_id BIGINT REFERENCES werkgever (id),"
	" extern_id TEXT NOT NULL,"
	" naam TEXT NOT NULL,"
	" geboortedatum TEXT,"
	" bsn TEXT,"
	" UNIQUE (werkgever_id, extern_id));"
	"INSERT INTO werknemer_nieuw (id, werkgever_id, extern_id, naam,"
	" geboortedatum, bsn) SELECT n.id, (SELECT min(v.werkgever_id) FROM"
	" dienstverband v WHERE v.werknemer_id = n.id), n.extern_id, n.naam,"
	" n.geboortedatum, n.bsn FROM werknemer n;"
	"DROP TABLE werknemer;"
	"ALTER TABLE werknemer_nieuw RENAME TO werknemer;"
	"}@"
	"@PG{"
	"ALTER TABLE werknemer ADD COLUMN werkgever_id BIGINT"
	" REFERENCES werkgever (id);"
	"UPDATE werknemer SET werkgever_id = v.wg FROM (SELECT werknemer_id,"
	" min(werkgever_id) AS wg FROM dienstverband GROUP BY werknemer_id) v"
	" WHERE v.werknemer_id = werknemer.id;"
	"ALTER TABLE werknemer DROP CONSTRAINT werknemer_extern_id_key;"
	"ALTER TABLE werknemer ADD UNIQUE (werkgever_id, extern_id);"
	"}@"
	"INSERT INTO werknemer (werkgever_id, extern_id, naam, geboortedatum,"
	" bsn) SELECT DISTINCT v.werkgever_id, n.extern_id, n.naam,"
	" n.geboortedatum, n.bsn FROM werknemer n JOIN dienstverband v ON"
	" v.werknemer_id = n.id WHERE v.werkgever_id <> n.werkgever_id;"
	"UPDATE dienstverband SET werknemer_id = m.id FROM werknemer n, werknemer"
	" m WHERE n.id = dienstverband.werknemer_id AND m.extern_id = n.extern_id"
	" AND m.werkgever_id = dienstverband.werkgever_id AND n.werkgever_id <>"
	" dienstverband.werkgever_id;"
	"CREATE INDEX werknemer_bsn ON werknemer (werkgever_id, bsn);",
	/* 6: the employer is eigenrisicodrager for the Ziektewet
	 * (werkgever.eigenrisicodrager_zw of spoor-dossier/1, issue 14):
	 * no re-integratieverslag when an employee goes ill out of
	 * service (R-ZW-3) */
	"ALTER TABLE werkgever ADD COLUMN eigenrisicodrager_zw INTEGER NOT"
	" NULL DEFAULT 0 CHECK (eigenrisicodrager_zw IN (0, 1));",
	/* 7: API tokens end at verloopt and may be read-only (issue 12,
	 * store.h STORE_TOKEN_*); a token made before this step ends a
	 * year (the longest a token may live) after it was made */
	"ALTER TABLE api_token ADD COLUMN verloopt BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE api_token ADD COLUMN alleen_lezen INTEGER NOT NULL"
	" DEFAULT 0 CHECK (alleen_lezen IN (0, 1));"
	"UPDATE api_token SET verloopt = aangemaakt + 31536000;",
	/* 8: the size of the case's canonical document (what an export
	 * writes) as of dossier.versie omvang_versie: an append checks the
	 * limit of spoor-dossier/1 (CASEFILE_MAX_BYTES) without reading the
	 * whole case (issue 13). NULL or an older versie: not known, the
	 * next append computes it. */
	"ALTER TABLE dossier ADD COLUMN omvang BIGINT;"
	"ALTER TABLE dossier ADD COLUMN omvang_versie BIGINT;",
	/* 9: the second factor (issue 12, store_totp.h): a user's TOTP
	 * secret, pending (actief 0) until confirmed with a code, and the
	 * last step accepted, so a code is not accepted twice; recovery
	 * codes as SHA-256 hashes, gebruikt set when one is used */
	"CREATE TABLE totp ("
	" gebruiker_id BIGINT PRIMARY KEY REFERENCES gebruiker (id),"
	" geheim @BLOB@ NOT NULL,"
	" actief INTEGER NOT NULL DEFAULT 0 CHECK (actief IN (0, 1)),"
	" laatste_stap BIGINT NOT NULL DEFAULT 0,"
	" aangemaakt BIGINT NOT NULL);"
	"CREATE TABLE herstelcode ("
	" gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),"
	" hash TEXT NOT NULL,"
	" gebruikt BIGINT,"
	" PRIMARY KEY (gebruiker_id, hash));",
	/* 10: failed logins per user name (soort 0) and client address
	 * (soort 1), shared by every server on the database (issue 12,
	 * store_limiet.h): the key is a SHA-256 of the name or address, the
	 * failures in a row and the last one's time; the index on laatste
	 * serves the bounded cleanup */
	"CREATE TABLE aanmeldfout ("
	" soort INTEGER NOT NULL CHECK (soort IN (0, 1)),"
	" sleutel TEXT NOT NULL,"
	" fouten BIGINT NOT NULL,"
	" laatste BIGINT NOT NULL,"
	" PRIMARY KEY (soort, sleutel));"
	"CREATE INDEX aanmeldfout_laatste ON aanmeldfout (laatste);",
	/* 11: an API token may be limited to one employer (issue 12,
	 * store_bereik.h): NULL for a token that acts wherever its user's
	 * grants reach */
	"ALTER TABLE api_token ADD COLUMN werkgever_id BIGINT REFERENCES"
	" werkgever (id);",
};
#define NSTAPPEN ((int)(sizeof(stappen) / sizeof(stappen[0])))

int
migrate_laatste(void)
{
	return NSTAPPEN;
}

const char *const *
migrate_stap_lijst(void)
{
	return stappen;
}

/* Replace the tokens for the backend; the caller frees the result.
 * Text between @SQLITE{ and }@ is kept only for SQLite, between @PG{
 * and }@ only for PostgreSQL (blocks do not nest). */
static char *
vertaal(const char *sql, enum db_kind k)
{
	static const struct {
		const char *token, *sqlite, *pg;
	} t[] = {
		{"@ID@", "INTEGER PRIMARY KEY",
		 "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
		{"@BLOB@", "BLOB", "BYTEA"},
	};
	size_t n = strlen(sql) * 3 + 1, o = 0, i;
	char *out = malloc(n);
	const char *p = sql;
	int weg = 0;

	if (!out)
		return NULL;
	while (*p) {
		if (!strncmp(p, "@SQLITE{", 8) || !strncmp(p, "@PG{", 4)) {
			weg = (p[1] == 'S') != (k == DB_SQLITE);
			p += p[1] == 'S' ? 8 : 4;
			continue;
		}
		if (!strncmp(p, "}@", 2)) {
			weg = 0;
			p += 2;
			continue;
		}
		if (weg) {
			p++;
			continue;
		}
		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			size_t tl = strlen(t[i].token);

			if (!strncmp(p, t[i].token, tl)) {
				const char *r = k == DB_PG ? t[i].pg
							   : t[i].sqlite;
				size_t rl = strlen(r);

				memcpy(out + o, r, rl);
				o += rl;
				p += tl;
				break;
			}
		}
		if (i == sizeof(t) / sizeof(t[0]))
			out[o++] = *p++;
	}
	out[o] = '\0';
	return out;
}

int
migrate_versie(struct db *db, int *versie)
{
	struct db_res r;
	int rc;

	rc = db_script(db, "CREATE TABLE IF NOT EXISTS schema_versie ("
			   " versie INTEGER NOT NULL)");
	if (rc)
		return rc;
	rc = db_query(db, "SELECT max(versie) FROM schema_versie", NULL, 0,
		      &r);
	if (rc)
		return rc;
	*versie = (int)db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return DB_OK;
}

static void
te_nieuw(int versie, int n, char *buf, size_t len)
{
	snprintf(buf, len,
		 "database heeft schemaversie %d, deze spoor kent tot %d: "
		 "installeer een nieuwere spoor of zet een backup terug",
		 versie, n);
}

void
migrate_te_nieuw(int versie, char *buf, size_t len)
{
	te_nieuw(versie, NSTAPPEN, buf, len);
}

int
migrate_bekijk(struct db *db, int *versie, int64_t *tabellen)
{
	/* PostgreSQL: every schema a restore could have filled counts;
	 * schema_versie is looked up on the search path, as spoor does */
	static const char *const sql[][2] = {
		{"SELECT count(*) FROM sqlite_master WHERE type = 'table' "
		 "AND name NOT LIKE 'sqlite_%'",
		 "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
		 "AND name = 'schema_versie'"},
		{"SELECT count(*) FROM information_schema.tables WHERE "
		 "table_schema NOT IN ('pg_catalog', 'information_schema')",
		 "SELECT count(*) FROM (SELECT to_regclass('schema_versie') "
		 "AS t) x WHERE t IS NOT NULL"},
	};
	int k = db_soort(db) == DB_PG, v = -1, rc;
	int64_t n;
	struct db_res r;

	if ((rc = db_query(db, sql[k][0], NULL, 0, &r)))
		return rc;
	n = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	if ((rc = db_query(db, sql[k][1], NULL, 0, &r)))
		return rc;
	if (db_cel_int(&r, 0, 0) > 0) {
		db_res_release(&r);
		if ((rc = db_query(db, "SELECT coalesce(max(versie), 0) FROM "
				   "schema_versie", NULL, 0, &r)))
			return rc;
		v = (int)db_cel_int(&r, 0, 0);
	}
	db_res_release(&r);
	*versie = v;
	*tabellen = n;
	return DB_OK;
}

int
migrate_run(struct db *db, int *van, int *naar)
{
	return migrate_run_stappen(db, stappen, NSTAPPEN, van, naar);
}

int
migrate_run_stappen(struct db *db, const char *const *lijst, int n, int *van,
		    int *naar)
{
	int v, start, rc, fk_uit = 0;
	struct db_param p;
	char *sql = NULL;

	if ((rc = migrate_versie(db, &v)))
		return rc;
	start = v;
	if (v > n) {
		te_nieuw(v, n, db->fout, sizeof(db->fout));
		return DB_ERR;
	}
	/* SQLite: a step may rebuild a table that others reference, which
	 * needs foreign keys off (they cannot be switched inside a
	 * transaction); each step checks them all before it commits */
	if (v < n && db_soort(db) == DB_SQLITE) {
		if ((rc = db_script(db, "PRAGMA foreign_keys=OFF")))
			return rc;
		fk_uit = 1;
	}
	while (v < n) {
		if ((rc = db_begin(db)))
			goto out;
		/* a second process may have migrated meanwhile; on
		 * PostgreSQL the lock makes it wait for that one */
		if (db_soort(db) == DB_PG &&
		    (rc = db_script(db, "LOCK TABLE schema_versie IN "
				    "EXCLUSIVE MODE")))
			goto fout;
		if ((rc = migrate_versie(db, &v)))
			goto fout;
		if (v >= n) {
			if ((rc = db_commit(db)))
				goto fout;
			break;
		}
		sql = vertaal(lijst[v], db_soort(db));
		if (!sql) {
			rc = DB_NOMEM;
			goto fout;
		}
		if ((rc = db_script(db, sql)))
			goto fout;
		p = db_int(v + 1);
		if ((rc = db_exec(db, "INSERT INTO schema_versie (versie) "
				  "VALUES ($1)", &p, 1, NULL)))
			goto fout;
		if (fk_uit) {
			struct db_res fk;

			if ((rc = db_query(db, "PRAGMA foreign_key_check", NULL,
					   0, &fk)))
				goto fout;
			if (fk.nrows) {
				snprintf(db->fout, sizeof(db->fout),
					 "schemastap %d: verwijzing naar een "
					 "ontbrekende rij in tabel %.64s", v + 1,
					 db_cel(&fk, 0, 0) ? db_cel(&fk, 0, 0)
							   : "?");
				rc = DB_ERR;
			}
			db_res_release(&fk);
			if (rc)
				goto fout;
		}
		if ((rc = db_commit(db)))
			goto fout;
		free(sql);
		sql = NULL;
		v++;
	}
	if (van)
		*van = start;
	if (naar)
		*naar = v;
	rc = DB_OK;
	goto out;
fout:
	{
		char keep[sizeof(db->fout)];

		memcpy(keep, db->fout, sizeof(keep));
		db_rollback(db);
		memcpy(db->fout, keep, sizeof(keep));
	}
out:
	if (fk_uit && db_script(db, "PRAGMA foreign_keys=ON") && !rc)
		rc = DB_ERR;
	free(sql);
	return rc;
}
