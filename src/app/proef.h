/*
 * proef.h - the dry run of a verzuim mutation (issue 13): what recording
 * one more ziek, hersteld or zwangerschapsverlof mutation would do to the
 * aggregation of a case (R-AGG-1/2/5, R-CNT-9), computed by core and
 * stored nowhere. The web app shows its sentence ("herval binnen 4
 * weken: telt door vanaf ziektedag 31") and places the timeline's week
 * ticks from this instead of re-implementing the rules in JavaScript.
 *
 * The case is read for the caller (app_dossier_lees: filtered, audited);
 * the mutation is checked exactly as an append checks it (the same
 * reasons and JSON paths), then added in memory only.
 */
#ifndef SPOOR_PROEF_H
#define SPOOR_PROEF_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/date.h"
#include "core/verzuim.h"
#include "format/casefile.h"

/* Sick weeks of the axis: the 104 weeks of the wachttijd. */
#define PROEF_WEKEN 104

/* The latest verzuimgeval of a list of mutations. */
struct proef_verloop {
	int ziek;                  /* 0: no ziek mutation; nothing below set */
	int open;                  /* the illness is still running */
	uint32_t geval_nr;         /* 1-based number of this geval */
	uint32_t gevallen;         /* verzuimgevallen in the list */
	sdate eerste_ziektedag;    /* D */
	sdate laatste_ziektedag;   /* of a closed illness; DATE_NONE if open */
	sdate einde_wachttijd;     /* aggregated sick day 728 (R-CNT-9) */
	/* week[k - 1]: the date of aggregated sick day 7k, the last day of
	 * sick week k; a closed illness is projected as if it went on
	 * (ziekteverloop_sickday) */
	sdate week[PROEF_WEKEN];
};

struct proef {
	struct verzuim_mutatie mutatie;  /* as read, canonical */
	struct proef_verloop voor, na;   /* without / with the mutation */
	int32_t ziektedag;   /* counted sick days on or before its date, with
			      * it: the sick day of a ziek mutation, the
			      * last sick day's number for hersteld */
	int32_t ziekteweek;  /* (ziektedag + 6) / 7; 0 for day 0 */
	int samengeteld;     /* a ziek after a recovery or leave that counts
			      * on in the same geval (R-AGG-1/2, R-AGG-5) */
	int nieuw_geval;     /* a ziek that starts a verzuimgeval (the
			      * first, or after 28 fit days or more) */
	sdate nieuw_geval_vanaf; /* hersteld while ill: the first relapse
				  * date that would start a new geval
				  * (datum + 28, R-AGG-2); else DATE_NONE */
};

/*
 * The verloop of n mutations m (dates strictly increasing). 0, or
 * ST_NOMEM; a list without a ziek mutation gives out->ziek == 0.
 */
int proef_verloop_bereken(const struct verzuim_mutatie *m, size_t n,
			  struct proef_verloop *out);

/*
 * The dry run of mutation nieuw after the n mutations m (nieuw's date
 * already checked to follow them). 0 or ST_NOMEM; *out set on success.
 */
int proef_bereken(const struct verzuim_mutatie *m, size_t n,
		  const struct verzuim_mutatie *nieuw, struct proef *out);

/*
 * The verloop of case id as roles rollen see it: what the timeline's
 * axis needs without a mutation. Audited as "tijdlijn lezen", the read
 * it belongs to, so the screen's two requests fold into one record of
 * the access log (store.h STORE_AUDIT_VOUW) instead of adding a kind of
 * read the werknemer cannot place. *out set only on success.
 */
int app_verzuim_verloop(const struct app *a, const struct app_wie *w,
			int64_t id, uint32_t rollen,
			struct proef_verloop *out);

/*
 * The dry run of the mutation in json (len bytes; the body of POST
 * .../verzuim) on case id for roles rollen: ST_VERBODEN for a role that
 * may not record verzuim, ST_ONGELDIG with f's reason and JSON path as
 * the append would answer, else 0 with *out set; the read audited as
 * "verzuim proef". Nothing is written but the audit record.
 */
int app_verzuim_proef(const struct app *a, const struct app_wie *w,
		      int64_t id, uint32_t rollen, const char *json,
		      size_t len, struct proef *out, struct casefile_fout *f);

#endif /* SPOOR_PROEF_H */
