/*
 * store.h - the dossier store: cases, entries, users, grants, sessions,
 * tokens and the audit log, on either backend of db.h.
 *
 * A case is kept as rows (werkgever, werknemer, dienstverband, dossier,
 * verzuim mutations, append-only gebeurtenissen) and handed out as the
 * struct dossier of spoor-dossier/1. Every write is one transaction that
 * also appends its audit record; a write either lands whole or not at
 * all. Entries are never updated or deleted: a correction is a new entry
 * whose `corrigeert` names the old one.
 *
 * A struct store wraps one connection and is used by one thread at a
 * time; the server opens one per worker thread.
 */
#ifndef SPOOR_STORE_H
#define SPOOR_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/dossier.h"
#include "format/casefile.h"
#include "store/db.h"
#include "store/toegang.h"

enum store_rc {
	ST_OK = 0,
	ST_ERR = DB_ERR,            /* database failure: store_errmsg() */
	ST_CONFLICT = DB_CONFLICT,  /* the name or id exists already */
	ST_BUSY = DB_BUSY,
	ST_NOMEM = DB_NOMEM,
	ST_NIET_GEVONDEN = -10,     /* no such case/user/session */
	ST_ONGELDIG = -11,          /* bad document: see the casefile_fout */
	ST_VERBODEN = -12,          /* the roles may not do this */
	ST_VERANDERD = -13          /* stale version (If-Match): store_doc.h */
};

struct store {
	struct db *db;
	/* The employer (werkgever.id) the caller is limited to, 0: none.
	 * The server sets it per request for an API token scoped to one
	 * employer (store_bereik.h); every resolution of a user's grants
	 * here then counts only grants within that employer, so such a
	 * caller has no roles in another employer's cases (they answer as
	 * missing) and sees none of them in a list. */
	int64_t bereik_werkgever;
};

/*
 * Open the store at url (an SQLite path or a postgresql:// URI). With
 * migreer the schema is created or upgraded (spoor init); without it a
 * database that is not at the current version is refused with a message
 * that says to run `spoor init`. *out is freed with store_free().
 */
int store_open(const char *url, int migreer, struct store **out, char *err,
	       size_t errlen);
void store_free(struct store *s);
const char *store_errmsg(const struct store *s);

/* The current time in seconds since the epoch: klok_nu() of
 * lib/klok.h (SPOOR_NU for tests). */
int64_t store_nu(void);

/* --- users, grants ------------------------------------------------ */

/* Create a user; ST_CONFLICT when the name is taken. */
int store_gebruiker_nieuw(struct store *s, const char *naam,
			  const char *weergavenaam, const char *hash,
			  int64_t *id);
/* For a login: the id and the password hash (*hash malloc'd) of an
 * active user; ST_NIET_GEVONDEN otherwise. */
int store_gebruiker_login(struct store *s, const char *naam, int64_t *id,
			  char **hash);
/* Name and display name of user id (both malloc'd). */
int store_gebruiker_info(struct store *s, int64_t id, char **naam,
			 char **weergavenaam);
int store_gebruiker_wachtwoord(struct store *s, int64_t id, const char *hash);

/* Every user with his grants: rows of (naam, weergavenaam, actief, rol,
 * werkgever extern_id, dossier extern_id, grant id), one per grant (rol
 * NULL for a user without one), ordered by name. */
int store_gebruikers(struct store *s, struct db_res *out);

/* Grant role r to user: for all cases of werkgever werkgever_ext, for the
 * one case dossier_ext, or without scope (both NULL: beheerder).
 * ST_ONGELDIG when the role may not have that scope (toegang_bereik()),
 * ST_VERBODEN when it would give a beheerder a role in cases or a
 * holder of such a role beheerder; ST_NIET_GEVONDEN for an unknown
 * employer or case. */
int store_toekenning(struct store *s, int64_t gebruiker, enum rol r,
		     const char *werkgever_ext, const char *dossier_ext);
/* The audit record of a grant, made by user door (0: the command line)
 * named door_wie, of role r to user naam: on the case for a grant for
 * one case (so it is in that case's access log), else without case. */
int store_toekenning_audit(struct store *s, int64_t door,
			   const char *door_wie, const char *naam, enum rol r,
			   const char *werkgever_ext, const char *dossier_ext);
/* The roles user holds in case dossier (0 when none reach it). */
int store_rollen(struct store *s, int64_t gebruiker, int64_t dossier,
		 uint32_t *rollen);
/* The roles of the user's organisation-wide grants for werkgever_ext. */
int store_werkgever_rollen(struct store *s, int64_t gebruiker,
			   const char *werkgever_ext, uint32_t *rollen);
/* The roles of the user's organisation-wide grants for the employer of
 * case dossier (what lets him change employer and employee data). */
int store_dossier_org_rollen(struct store *s, int64_t gebruiker,
			     int64_t dossier, uint32_t *rollen);
/* Every role the user holds anywhere. */
int store_alle_rollen(struct store *s, int64_t gebruiker, uint32_t *rollen);

/* --- sessions and API tokens (only hashes are stored) -------------- */

/*
 * Sessions end at verloopt (session_lifetime after the login) or when
 * unused for longer than idle seconds (session_idle; 0: no idle limit).
 * The last use is kept in the column gezien, written at most once per
 * STORE_SESSIE_GEZIEN seconds of a session, so a session ends between
 * idle and idle + STORE_SESSIE_GEZIEN seconds after its last request.
 * API tokens have no idle limit.
 */
#define STORE_SESSIE_GEZIEN 60

int store_sessie_nieuw(struct store *s, const char *token_hash,
		       int64_t gebruiker, const char *csrf, int64_t verloopt);
/* The user and CSRF token (malloc'd) of a live session; updates its
 * gezien when that is a step old (like store_sessie_wie). */
int store_sessie_zoek(struct store *s, const char *token_hash, int64_t nu,
		      int64_t idle, int64_t *gebruiker, char **csrf);
int store_sessie_weg(struct store *s, const char *token_hash);
/* Delete up to 1000 sessions that have ended at nu (past verloopt, or
 * idle as above); *weg (may be NULL) says how many went. */
int store_sessies_opruimen(struct store *s, int64_t nu, int64_t idle,
			   int64_t *weg);
int store_token_nieuw(struct store *s, const char *token_hash,
		      int64_t gebruiker, const char *naam);
int store_token_zoek(struct store *s, const char *token_hash,
		     int64_t *gebruiker);
/*
 * The same lookups, with the user's name and display name in the same
 * query (what every API request needs). csrf is NULL for a token. All
 * strings malloc'd, set only on success.
 */
int store_sessie_wie(struct store *s, const char *token_hash, int64_t nu,
		     int64_t idle, int64_t *gebruiker, char **csrf,
		     char **naam, char **weergavenaam);
int store_token_wie(struct store *s, const char *token_hash,
		    int64_t *gebruiker, char **naam, char **weergavenaam);

/*
 * Revocation (issue 12). A token lives STORE_TOKEN_DAGEN days unless
 * given another end, at most STORE_TOKEN_MAX_DAGEN; store_token_nieuw()
 * makes one of the default length that may write. A token is named by
 * its id: the first STORE_TOKEN_ID_LEN hex digits of its hash (the hash
 * of a random token: it tells nothing of the token).
 */
#define STORE_TOKEN_DAGEN 90
#define STORE_TOKEN_MAX_DAGEN 365
#define STORE_TOKEN_ID_LEN 16
int store_token_maak(struct store *s, const char *token_hash,
		     int64_t gebruiker, const char *naam, int64_t verloopt,
		     int alleen_lezen);
/* store_token_wie() at time nu that also says whether the token is
 * read-only; a token past its verloopt is ST_NIET_GEVONDEN. */
int store_token_wie_at(struct store *s, const char *token_hash, int64_t nu,
		       int64_t *gebruiker, char **naam, char **weergavenaam,
		       int *alleen_lezen);
/* The tokens of user gebruiker (0: of every user): rows of (id, naam,
 * aangemaakt, verloopt, alleen_lezen, ingetrokken, gebruikersnaam,
 * werkgever extern id or NULL: store_bereik.h), newest first. */
int store_tokens(struct store *s, int64_t gebruiker, struct db_res *out);
/* Revoke token id (of user gebruiker; 0: of any user). *van (may be
 * NULL) receives the owner's id. ST_NIET_GEVONDEN for no such token. */
int store_token_intrekken(struct store *s, const char *id, int64_t gebruiker,
			  int64_t *van);
/* (De)activate user naam: a deactivated user's sessions are deleted and
 * his tokens revoked, at once; login and lookups refuse him too.
 * ST_VERBODEN when it would leave no active beheerder; ST_NIET_GEVONDEN
 * for an unknown name. *id (may be NULL) receives his id. */
int store_gebruiker_actief(struct store *s, const char *naam, int actief,
			   int64_t *id);
/* Remove the grant of role r to user (scope as store_toekenning());
 * ST_NIET_GEVONDEN when he holds no such grant. */
int store_toekenning_weg(struct store *s, int64_t gebruiker, enum rol r,
			 const char *werkgever_ext, const char *dossier_ext);
/* Remove grant id; its user's name, role and scope (malloc'd, scope
 * NULL when none) for the audit record. ST_NIET_GEVONDEN: no grant. */
int store_toekenning_weg_id(struct store *s, int64_t id, char **naam,
			    enum rol *r, char **werkgever_ext,
			    char **dossier_ext);
/* The audit record of a revoked grant, like store_toekenning_audit(). */
int store_intrekking_audit(struct store *s, int64_t door,
			   const char *door_wie, const char *naam, enum rol r,
			   const char *werkgever_ext, const char *dossier_ext);

/* --- cases ------------------------------------------------------- */

/*
 * Store a spoor-dossier/1 document as a new case. ST_ONGELDIG with *f
 * filled for a bad document (also: a correction whose class differs from
 * the entry it corrects); ST_CONFLICT when its dossier_id exists.
 * auteur may be 0 (command line). The audit record names wie.
 */
int store_import(struct store *s, const char *json, size_t len,
		 int64_t auteur, const char *wie, int64_t *id,
		 struct casefile_fout *f);
/*
 * store_import() for a user of the API with roles rollen (his
 * organisation-wide roles for the document's employer): every entry must
 * be of a class the roles write (ST_VERBODEN, *f naming
 * $.gebeurtenissen[i].zichtbaarheid, nothing stored), and its auteur is
 * replaced by auteur_naam, the caller. A dossier_id that exists in a
 * case the user has no role in is ST_NIET_GEVONDEN (as a read), in one
 * of his ST_CONFLICT.
 */
int store_import_als(struct store *s, const char *json, size_t len,
		     int64_t auteur, const char *auteur_naam, const char *wie,
		     uint32_t rollen, int64_t *id, struct casefile_fout *f);

/* The internal id of case extern_id. */
int store_dossier_zoek(struct store *s, const char *extern_id, int64_t *id);
/* Case extern_id: its id, versie (raised by every write of the case) and
 * the roles of gebruiker in it (0: none), in one query. */
int store_dossier_toegang(struct store *s, int64_t gebruiker,
			  const char *extern_id, int64_t *id, int64_t *versie,
			  uint32_t *rollen);

/* The whole case, unfiltered, is read by store/laad.h: private to the
 * store and to src/app, which filters it for the caller (app.h). */

/*
 * Append one entry (the JSON object of a gebeurtenis) to case id as user
 * auteur with roles rollen. spoor assigns the entry's `id` and `auteur`
 * (a given `id` is refused). ST_VERBODEN when the roles may not write its
 * class; ST_ONGELDIG with *f (JSON paths relative to the entry, "$.datum")
 * for a bad entry. *nieuw_id (may be NULL) receives the assigned id,
 * malloc'd.
 */
int store_gebeurtenis_toevoegen(struct store *s, int64_t id,
				const char *json, size_t len, uint32_t rollen,
				int64_t auteur, const char *auteur_naam,
				char **nieuw_id, struct casefile_fout *f);

/* Append one verzuim mutation (the JSON object of §4). */
int store_verzuim_toevoegen(struct store *s, int64_t id, const char *json,
			    size_t len, uint32_t rollen, int64_t auteur,
			    const char *auteur_naam, struct casefile_fout *f);

/* The cases user may see (a grant other than beheerder reaches them),
 * ordered by id; *ids malloc'd, *rollen (may be NULL) malloc'd too. */
int store_dossiers(struct store *s, int64_t gebruiker, int64_t **ids,
		   uint32_t **rollen, size_t *n);
/*
 * The dashboard's one query: per case user may see and per grant that
 * reaches it, the columns id, versie, rol, extern_id, werknemer naam,
 * werkgever naam; ordered by id (fold the roles of equal ids).
 */
int store_dossierlijst(struct store *s, int64_t gebruiker,
		       struct db_res *out);
/* The same rows for every user, with gebruiker_id in front (7 columns),
 * ordered by user and case: what a cache warm-up needs. */
int store_alle_dossierlijsten(struct store *s, struct db_res *out);

/* --- audit ------------------------------------------------------- */

/*
 * Append an audit record: who (user id, may be 0, and name), with which
 * roles, on which case (0: none), what (a short Dutch verb phrase), and
 * the classes touched (bit mask of 1u << zichtbaarheid). Runs inside the
 * caller's transaction when there is one.
 */
int store_audit(struct store *s, int64_t gebruiker, const char *wie,
		uint32_t rollen, int64_t dossier, const char *actie,
		uint32_t klassen);

/*
 * store_audit() for a read, in its own transaction, committed without
 * waiting for the disk (SQLite: synchronous=NORMAL in WAL mode;
 * PostgreSQL: synchronous_commit off). The record survives a crash of
 * spoor; a power loss may take the last few read records, never a write
 * of case data and never the integrity of the chain. A read then costs
 * no fsync, which is what makes the read throughput of
 * docs/performance.md possible.
 */
int store_audit_lees(struct store *s, int64_t gebruiker, const char *wie,
		     uint32_t rollen, int64_t dossier, const char *actie,
		     uint32_t klassen);

/* One read record for store_audit_reeks(). */
struct store_audit_rec {
	int64_t gebruiker, dossier;
	uint32_t rollen, klassen;
	char *wie, *actie;
};

/* n read records in one transaction, committed like store_audit_lees():
 * the group commit of the server's audit queue. All or none. */
int store_audit_reeks(struct store *s, const struct store_audit_rec *r,
		      size_t n);

/* The head of the chain: the last record's volgnr, hash (64 hex digits)
 * and time (unix seconds); an empty log gives 0, 64 zeros and 0. */
int store_audit_kop(struct store *s, int64_t *volgnr, char hash[65],
		    int64_t *tijd);

/* The hash of record volgnr into hash; ST_NIET_GEVONDEN when there is no
 * such record. */
int store_audit_hash(struct store *s, int64_t volgnr, char hash[65]);

/* Recompute the hash chain. *n gets the number of records; on a break,
 * returns ST_ONGELDIG with *fout_volgnr the first bad record. */
int store_audit_verify(struct store *s, int64_t *n, int64_t *fout_volgnr);

/*
 * Reads of one case by one user (same roles, action and classes) within
 * STORE_AUDIT_VOUW seconds of the record that opened the window fold
 * into that record: its columns aantal (reads) and laatst (time of the
 * last) go up, outside the hash. Applies to store_audit_lees() and
 * store_audit_reeks(), never to store_audit() (writes).
 */
#define STORE_AUDIT_VOUW 600

/* The access log of a case, newest first: rows of (tijd, gebruiker, rol,
 * actie, klasse, aantal, laatst) whose reads lie partly in [van, tot)
 * (unix seconds; tot 0: no end), at most max rows after skipping
 * overslaan. The query is bounded by max, whatever the log holds. */
int store_toegang_log(struct store *s, int64_t dossier, int64_t van,
		      int64_t tot, size_t overslaan, size_t max,
		      struct db_res *out);

/* Begin/commit for callers that group writes. */
int store_begin(struct store *s);
int store_commit(struct store *s);
int store_rollback(struct store *s);

#endif /* SPOOR_STORE_H */
