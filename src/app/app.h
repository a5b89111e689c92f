/*
 * app.h - the use cases of spoor, once, for every adapter (issue 13).
 *
 * The HTTP handlers (src/server) and the commands (src/cli) are thin
 * adapters over these functions: they parse a request or arguments,
 * establish who is calling and his roles, call one use case and print
 * its result. A use case that reads a case loads it, filters it by the
 * caller's roles (toegang_filter), audits the read and computes what was
 * asked, always in that order; this is the only code outside the store
 * that reaches the unfiltered case loader (store/laad.h), as SQLite's
 * authorizer is the one checkpoint every statement passes.
 * tests/layers.sh fails when anything else includes it.
 *
 * Layers: lib <- core <- format <- store <- app <- server, cli.
 */
#ifndef SPOOR_APP_H
#define SPOOR_APP_H

#include <stddef.h>
#include <stdint.h>

#include "app/auditq.h"
#include "app/gcache.h"
#include "app/schrijfq.h"
#include "core/dossier.h"
#include "core/geval.h"
#include "core/tijdlijn.h"
#include "store/store.h"

/*
 * The context of a use case: this thread's store connection, and the
 * process's cache of computed results and audit queue (both may be
 * NULL: nothing cached, reads audited directly). Borrowed, not owned.
 */
struct app {
	struct store *st;
	struct gcache *cache;
	struct auditq *auditq;
	struct schrijfq *schrijfq;   /* NULL: each append commits alone */
};

/* Who is calling: user id (0: the command line) and the name the audit
 * log records. Borrowed. */
struct app_wie {
	int64_t id;
	const char *naam;
};

/*
 * Audit a read of case dossier (0: none) by w with roles rollen, of the
 * classes klassen (toegang_klassen() of what is shown): queued for the
 * group commit when there is a queue; a read that shows medical content
 * waits until its record is stored (ST_BUSY when that does not happen in
 * time: show nothing). Without a queue: store_audit_lees().
 */
int app_lees_audit(const struct app *a, const struct app_wie *w,
		   uint32_t rollen, int64_t dossier, const char *actie,
		   uint32_t klassen);

/*
 * Case id as roles rollen may see it: loaded, filtered (toegang_filter),
 * the read audited as actie. *out must be dossier_init'ed and is filled
 * only on success. ST_NIET_GEVONDEN for no such case.
 */
int app_dossier_lees(const struct app *a, const struct app_wie *w,
		     int64_t id, uint32_t rollen, const char *actie,
		     struct dossier *out);

/*
 * The dashboard's summary of case id for roles rollen at k->peil (k as
 * gcache.h: the case's versie and the classes the roles read): from the
 * cache, or loaded, filtered and computed (and then cached). Not audited:
 * the summary shows no entry content (the list read is audited by the
 * caller once).
 */
int app_samenvatting(const struct app *a, int64_t id, uint32_t rollen,
		     const struct gcache_sleutel *k,
		     struct gcache_samenvatting *sv);

/* The next thing to do in a case: its earliest open, coming or overdue
 * action (NULL: none); *te_laat receives the number overdue. */
const struct mijlpaal *app_volgende_actie(const struct tijdlijn *t,
					  int *te_laat);

/*
 * Compute the summary of every (user, case) at peil that the cache does
 * not hold yet: the warm-up after a start. stop (may be NULL) is polled
 * between cases; a non-zero answer ends the pass early.
 */
int app_opwarmen(const struct app *a, sdate peil, int (*stop)(void *),
		 void *arg);

/*
 * Append one entry (verzuim 0: the JSON object of a gebeurtenis; *nieuw_id
 * receives its id, malloc'd) or one verzuim mutation (verzuim 1) to case
 * id as user auteur (auteur_naam) with roles rollen: through the group
 * commit when the context has one, else in its own transaction. Results
 * as store_gebeurtenis_toevoegen() / store_verzuim_toevoegen().
 */
int app_toevoegen(const struct app *a, int verzuim, int64_t id,
		  const char *json, size_t len, uint32_t rollen,
		  int64_t auteur, const char *auteur_naam, char **nieuw_id,
		  struct casefile_fout *f);

/*
 * The export of case extern_id as a spoor-dossier/1 document for the
 * command line (the operator of the machine: w->id 0): filtered for
 * rollen when filter is set, else whole; audited as a write of the
 * audit log (store_audit). *txt (malloc'd, the caller frees) and *len
 * are set only on success.
 */
int app_export(const struct app *a, const struct app_wie *w,
	       const char *extern_id, int filter, uint32_t rollen,
	       char **txt, size_t *len);

#endif /* SPOOR_APP_H */
