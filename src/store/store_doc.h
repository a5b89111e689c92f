/*
 * store_doc.h - documents (attachments with a content hash) and the
 * organisation records (werkgevers, werknemers, dienstverbanden) of the
 * store (see store.h, docs/store.md).
 *
 * Documents are append-only: there is no update and no delete. Each has
 * a visibility class like a dossier entry, and the functions that hand
 * documents out take the caller's roles and leave out what they may not
 * read (toegang_lees), so no caller can forget the filter. A document is
 * not part of the case file: storing one leaves dossier.versie alone (no
 * computed result depends on it).
 *
 * An organisation write parses what it stores with the case-file reader
 * (casefile.h), so it accepts exactly what an import accepts, and raises
 * dossier.versie of every case whose case file it changes, in the same
 * transaction as the change and its audit record.
 *
 * Strings in the structs below are malloc'd and owned by the struct;
 * the *_release and *_free functions accept NULL / zeroed structs.
 */
#ifndef SPOOR_STORE_DOC_H
#define SPOOR_STORE_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/dossier.h"
#include "format/casefile.h"
#include "format/kantoor.h"
#include "store/store.h"

/* --- documents ---------------------------------------------------- */

/* Longest document name in bytes. */
#define STORE_DOC_NAAM_MAX 200
/* Length of a SHA-256 in lowercase hex. */
#define STORE_DOC_SHA256_HEX 64

/*
 * The canonical media type for a Content-Type value (case-insensitive,
 * parameters such as "; charset=utf-8" ignored) when spoor accepts it:
 * PDF, PNG, JPEG, plain text and the OOXML and ODF office types. A
 * static string, or NULL for any other type.
 */
const char *store_doc_mime(const char *content_type);

/* 1 when len bytes are an acceptable document name: 1 to
 * STORE_DOC_NAAM_MAX bytes of valid UTF-8; no control characters (C0
 * with NUL, DEL, C1) or bidirectional controls; no '/', '\' or ':'; not
 * "." or ".."; no trailing dot or space; no Windows device name (CON,
 * PRN, AUX, NUL, CONIN$, CONOUT$, COM0-9, LPT0-9, with any extension). */
int store_doc_naam_geldig(const char *naam, size_t len);

/* Why len bytes are not an acceptable document name (Dutch, a static
 * string), or NULL when they are. */
const char *store_doc_naam_fout(const char *naam, size_t len);

/* 1 when the first bytes fit canonical type mime: the signatures of
 * PDF, PNG and JPEG are checked, other types always fit. The container
 * of office types is checked by kantoor_controleer (format/kantoor.h),
 * which store_doc_nieuw calls. */
int store_doc_inhoud_past(const char *mime, const void *data, size_t len);

/* A document without its content. */
struct store_doc {
	int64_t id;
	char *naam;
	const char *mime;           /* static: a store_doc_mime() result */
	enum zichtbaarheid zichtbaarheid;
	char sha256[STORE_DOC_SHA256_HEX + 1];
	int64_t grootte;            /* bytes */
	int64_t vastgelegd;         /* seconds since the epoch */
	char *auteur;               /* display name; NULL when unknown */
};

void store_doc_release(struct store_doc *d);
/* Release n documents and free the array. */
void store_docs_free(struct store_doc *d, size_t n);

/*
 * Store len bytes as a new document of case dossier, written by user
 * auteur (name wie in the audit log) holding roles rollen, and append
 * the audit record, in one transaction. spoor computes the SHA-256.
 * ST_VERBODEN when the roles may not write class z; ST_ONGELDIG for a
 * bad name, a type spoor does not accept, empty content, content that
 * does not fit its type or an office document kantoor_controleer()
 * refuses, the reason of that one in *kf when kf is not NULL (kf->reden
 * is "" for every other ST_ONGELDIG; callers check first with the
 * functions above,
 * to answer each case precisely); ST_NIET_GEVONDEN for an unknown case.
 * *out (may be NULL) receives the stored document. The container check
 * runs before the transaction.
 */
int store_doc_nieuw(struct store *s, int64_t dossier, uint32_t rollen,
		    const char *naam, const char *mime, enum zichtbaarheid z,
		    const void *inhoud, size_t len, int64_t auteur,
		    const char *wie, struct store_doc *out,
		    struct kantoor_fout *kf);

/* The documents of case dossier that rollen may read, oldest first;
 * *out (malloc'd, store_docs_free) may be NULL when *n is 0. */
int store_docs(struct store *s, int64_t dossier, uint32_t rollen,
	       struct store_doc **out, size_t *n);

/*
 * Document doc of case dossier with its content (*inhoud malloc'd,
 * NUL-terminated for convenience, *len bytes). ST_NIET_GEVONDEN when it
 * does not exist, belongs to another case, or has a class rollen may not
 * read: the three are indistinguishable.
 */
int store_doc_lees(struct store *s, int64_t dossier, int64_t doc,
		   uint32_t rollen, struct store_doc *meta, char **inhoud,
		   size_t *len);

/* --- werkgevers ----------------------------------------------------- */

struct store_werkgever {
	char *id, *naam;            /* id: the case file's werkgever.id */
	int eigenrisicodrager_wga;
	int eigenrisicodrager_zw;   /* eigenrisicodrager Ziektewet */
	int64_t dossiers;           /* number of cases */
};

void store_werkgever_release(struct store_werkgever *w);
void store_werkgevers_free(struct store_werkgever *w, size_t n);

/* Every employer (alle), or those user gebruiker holds an
 * organisation-wide grant for, ordered by id. */
int store_werkgevers(struct store *s, int64_t gebruiker, int alle,
		     struct store_werkgever **out, size_t *n);

/*
 * Add an employer from the JSON object {id, naam, eigenrisicodrager_wga}
 * (the werkgever object of spoor-dossier/1). ST_ONGELDIG with *f (paths
 * relative to the object: "$.naam") for a bad object; ST_CONFLICT when
 * the id exists. The audit record names auteur/wie with roles rollen.
 */
int store_werkgever_nieuw(struct store *s, const char *json, size_t len,
			  int64_t auteur, const char *wie, uint32_t rollen,
			  struct store_werkgever *out,
			  struct casefile_fout *f);

/*
 * Replace name and eigenrisicodrager_wga of employer id with the JSON
 * object {naam, eigenrisicodrager_wga} (absent eigenrisicodrager_wga:
 * false, as in the case file; an "id" in the object is refused). When
 * anything changed, every case of the employer gets a new versie.
 * ST_NIET_GEVONDEN for an unknown id.
 */
int store_werkgever_wijzig(struct store *s, const char *id, const char *json,
			   size_t len, int64_t auteur, const char *wie,
			   uint32_t rollen, struct store_werkgever *out,
			   struct casefile_fout *f);

/* --- werknemers ----------------------------------------------------- */

struct store_werknemer {
	char *id, *naam, *bsn;      /* bsn NULL when not known */
	sdate geboortedatum;        /* DATE_NONE when not known */
	char **dossiers;            /* dossier_ids (store_werknemers only) */
	size_t ndossiers;
};

void store_werknemer_release(struct store_werknemer *w);
void store_werknemers_free(struct store_werknemer *w, size_t n);

/* The employees with a case at employer werkgever (extern id), by name,
 * each with the ids of those cases. */
int store_werknemers(struct store *s, const char *werkgever,
		     struct store_werknemer **out, size_t *n);

/*
 * User gebruiker's standing towards employee werknemer (an id in the
 * administration of employer werkgever, an extern id; NULL: of any
 * employer): *organisatie the roles of his organisation-wide grants for
 * the employers that have a case of the employee, *partij the roles of
 * every grant that reaches one of the employee's cases (organisation-
 * wide or for the case). Both 0 when none.
 */
int store_werknemer_rollen(struct store *s, int64_t gebruiker,
			   const char *werknemer, const char *werkgever,
			   uint32_t *organisatie, uint32_t *partij);

/*
 * Replace the data of employee id with the JSON object {naam,
 * geboortedatum, bsn} (the werknemer object of spoor-dossier/1 without
 * id; absent optional fields are cleared). An employee id is unique per
 * employer: the row changed is the one in the administration of
 * employer werkgever (NULL: any) that user auteur (0: the command line
 * or a test, any employer) manages with an organisation-wide casemanager
 * or werkgever grant; ST_CONFLICT (*f->pad "werkgever") when that is
 * more than one, ST_CONFLICT (*f->pad "$.bsn") when another employee of
 * the employer has the BSN. When anything changed, every case of the
 * employee gets a new versie; every case gets an audit record, so the
 * employee finds the change in its access log. ST_ONGELDIG with *f
 * (paths relative to the object), ST_NIET_GEVONDEN. out->dossiers stays
 * empty.
 */
int store_werknemer_wijzig(struct store *s, const char *id,
			   const char *werkgever, const char *json,
			   size_t len, int64_t auteur, const char *wie,
			   uint32_t rollen, struct store_werknemer *out,
			   struct casefile_fout *f);

/* --- dienstverband -------------------------------------------------- */

/*
 * Replace the dienstverband of case dossier with the JSON object json
 * (the dienstverband object of spoor-dossier/1). The whole case with the
 * new object is read by the case-file reader, so errors name case-file
 * paths ("$.dienstverband.soort") in *f (ST_ONGELDIG). Only casemanager
 * and werkgever may (ST_VERBODEN). The case gets a new versie. *canon
 * (may be NULL) receives the stored object as compact canonical JSON,
 * malloc'd.
 */
int store_dienstverband_wijzig(struct store *s, int64_t dossier,
			       const char *json, size_t len, uint32_t rollen,
			       int64_t auteur, const char *wie, char **canon,
			       struct casefile_fout *f);

/* --- optimistic concurrency (issue 12) ------------------------------ */

/* An ETag: '"', 32 hex digits (the first 128 bits of SHA-256 over the
 * kind and the stored fields of the object), '"' and the NUL. */
#define STORE_ETAG_LEN 35
void store_werkgever_etag(const struct store_werkgever *w,
			  char etag[STORE_ETAG_LEN]);
void store_werknemer_etag(const struct store_werknemer *w,
			  char etag[STORE_ETAG_LEN]);
/* canon: the compact canonical dienstverband object */
void store_dienstverband_etag(const char *canon, char etag[STORE_ETAG_LEN]);

/*
 * store_werkgever_wijzig(), store_werknemer_wijzig() and
 * store_dienstverband_wijzig() with a version check. als is the ETag the
 * writer read (If-Match); NULL or "*" checks nothing, "" never matches
 * (no If-Match sent). The check runs in the write's transaction after
 * the body is checked and the object found (so 422 and 404 come first):
 * when the stored object's ETag is not als, nothing is written and
 * ST_VERANDERD is returned with the stored object in *out (werkgever,
 * werknemer; out->dossiers stays empty) or *canon (malloc'd) -- the one
 * case where these are set on an error, so the caller can show the
 * newer values.
 */
int store_werkgever_wijzig_als(struct store *s, const char *id,
			       const char *json, size_t len, const char *als,
			       int64_t auteur, const char *wie,
			       uint32_t rollen, struct store_werkgever *out,
			       struct casefile_fout *f);
int store_werknemer_wijzig_als(struct store *s, const char *id,
			       const char *werkgever, const char *json,
			       size_t len, const char *als, int64_t auteur,
			       const char *wie, uint32_t rollen,
			       struct store_werknemer *out,
			       struct casefile_fout *f);
int store_dienstverband_wijzig_als(struct store *s, int64_t dossier,
				   const char *json, size_t len,
				   const char *als, uint32_t rollen,
				   int64_t auteur, const char *wie,
				   char **canon, struct casefile_fout *f);

/* Employer id (extern id) into *out, its cases counted (the caller
 * releases it). ST_NIET_GEVONDEN for an unknown id. */
int store_werkgever_lees(struct store *s, const char *id,
			 struct store_werkgever *out);
/* Employee id of the administration store_werknemer_wijzig() would
 * change for user gebruiker (same werkgever, same errors) into *out
 * (the caller releases it; out->dossiers stays empty). */
int store_werknemer_lees(struct store *s, const char *id,
			 const char *werkgever, int64_t gebruiker,
			 struct store_werknemer *out, struct casefile_fout *f);
/* The stored dienstverband of case dossier as compact canonical JSON
 * (*canon malloc'd, the caller frees). ST_NIET_GEVONDEN: no case. */
int store_dienstverband_lees(struct store *s, int64_t dossier, char **canon);

#endif /* SPOOR_STORE_DOC_H */
