/*
 * store_int.h - helpers shared by the files of the store module
 * (store.c, store_doc.c); not for use outside src/store.
 */
#ifndef SPOOR_STORE_INT_H
#define SPOOR_STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/store.h"

/* One integer from a query with one row: 0 and *out set, or
 * ST_NIET_GEVONDEN (no row, or NULL), or the db error. */
int store_een_int(struct store *s, const char *sql, const struct db_param *p,
		  size_t np, int64_t *out);

/* strdup that passes NULL through; the caller frees. */
char *store_dup(const char *p);

/* The integer and the text (malloc'd) of a query's one row:
 * store_een_int with a second column. */
int store_int_en_tekst(struct store *s, const char *sql,
		       const struct db_param *p, size_t np, int64_t *i,
		       char **t);

/* The roles that count of rows (rol, werkgever_id, dossier_id) from
 * column col on (store_gebruiker.c). */
uint32_t store_rollen_geldig(const struct db_res *r, size_t col);

/*
 * The case and employer lists fold their grants (toekenning t) in SQL:
 * the rule of toegang_bereik() (which roles count organisation-wide)
 * and of toegang_geldig() (a beheerder's case roles count nowhere),
 * written out here. test_store's t_bereik_gebruik checks that both give
 * the same answer.
 */
#define TK_ORG_ROLLEN                                                      \
	"('casemanager', 'werkgever', 'leidinggevende', 'bedrijfsarts')"
#define TK_GEEN_BEHEERDER                                                  \
	"NOT EXISTS (SELECT 1 FROM toekenning b WHERE b.gebruiker_id = "   \
	"t.gebruiker_id AND b.rol = 'beheerder')"

/* A grant t within the employer of parameter N (store.h,
 * bereik_werkgever; 0: every grant): one for the employer, or for one of
 * its cases. A grant without scope (beheerder) is not within any. */
#define TK_BEREIK(N)                                                       \
	"(" N " = 0 OR t.werkgever_id = " N " OR t.dossier_id IN (SELECT "  \
	"bd.id FROM dossier bd JOIN dienstverband bv ON bv.id = "          \
	"bd.dienstverband_id WHERE bv.werkgever_id = " N "))"

/* Is bsn free in employer werkgever's administration (no employee but
 * werknemer, an extern id, has it)? ST_CONFLICT with *f (pad, a JSON
 * path) when another has it. */
int store_bsn_vrij(struct store *s, int64_t werkgever, const char *werknemer,
		   const char *bsn, const char *pad, struct casefile_fout *f);

#endif /* SPOOR_STORE_INT_H */
