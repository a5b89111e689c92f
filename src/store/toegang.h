/*
 * toegang.h - who may read and write what (architecture §6), in one
 * place. Every path that hands out case content (API, export, search,
 * errors) filters through here; the UI never decides.
 *
 * A user's standing in a case is a set of roles (a bit mask of
 * 1u << enum rol), the union of the grants that reach the case.
 */
#ifndef SPOOR_TOEGANG_H
#define SPOOR_TOEGANG_H

#include <stddef.h>
#include <stdint.h>

#include "core/dossier.h"

enum rol {
	ROL_BEHEERDER = 0,
	ROL_CASEMANAGER,
	ROL_WERKGEVER,
	ROL_LEIDINGGEVENDE,
	ROL_BEDRIJFSARTS,
	ROL_ARBEIDSDESKUNDIGE,
	ROL_LOOPBAANCOACH,
	ROL_WERKNEMER,
	ROL_ADVISEUR,
	ROL__COUNT
};
#define ROL_BIT(r) (1u << (r))

extern const char *const rol_naam[ROL__COUNT];

/* The role named s (len bytes), or -1. */
int rol_zoek(const char *s, size_t len);

/*
 * The scope of a grant: none (beheerder), organisation-wide (every case
 * of one employer) or one case.
 */
enum bereik { BEREIK_GEEN = 0, BEREIK_WERKGEVER, BEREIK_DOSSIER };

/*
 * May role r be granted with scope b (architecture §6)? beheerder only
 * without scope; casemanager, werkgever and bedrijfsarts per employer or
 * per case; leidinggevende as well (§6 is silent: he is part of the
 * employer's organisation and reads what the werkgever reads); the
 * arbeidsdeskundige, loopbaancoach, adviseur and werknemer per case
 * only. Grants are checked against this when they are made and again
 * when they are used (toegang_toekenning()), so a grant stored by an
 * older version or by hand grants nothing.
 */
int toegang_bereik(enum rol r, enum bereik b);

/*
 * Fold one stored grant (role r, scope b) into the roles m: m with r
 * added when toegang_bereik(r, b), else m unchanged.
 */
uint32_t toegang_toekenning(uint32_t m, enum rol r, enum bereik b);

/*
 * The roles that count in a case for a user whose grants that reach the
 * case are case_rollen (folded by toegang_toekenning()) and who is a
 * beheerder when beheerder is set: a beheerder manages access and reads
 * no case content, so with beheerder every case role is ignored (0).
 */
uint32_t toegang_geldig(uint32_t case_rollen, int beheerder);

/* May a holder of these roles read / write entries of class z? */
int toegang_lees(uint32_t rollen, enum zichtbaarheid z);
int toegang_schrijf(uint32_t rollen, enum zichtbaarheid z);

/* May these roles see the case at all (a grant other than beheerder)?
 * beheerder manages users and grants and reads no case content. */
int toegang_dossier(uint32_t rollen);

/* May these roles append verzuim mutations (ziek/hersteld)? The parties
 * who register absence: casemanager, werkgever, leidinggevende,
 * bedrijfsarts. */
int toegang_verzuim_schrijf(uint32_t rollen);

/* Do these roles manage master data? The casemanager and the werkgever:
 * with roles in a case they change its dienstverband; with
 * organisation-wide roles for an employer they list and change its
 * employees and change the employer. */
int toegang_stamdata(uint32_t rollen);

/* May these roles read the case's access log? The werknemer, whose
 * case it is (architecture §6; the beheerder reads it through his
 * system-wide role, not through a role in the case). */
int toegang_inzage(uint32_t rollen);

/* The classes these roles may read, as a bit mask of 1u << zichtbaarheid,
 * for the audit log. */
uint32_t toegang_klassen(uint32_t rollen);

/*
 * May these roles see the werknemer's BSN? Those who need it for their
 * task: casemanager and werkgever (wage administration, the reports to
 * UWV), bedrijfsarts (the medical file and UWV), and the werknemer, whose
 * own number it is. The leidinggevende, arbeidsdeskundige, loopbaancoach
 * and adviseur do their work without it (data minimisation, AVG art. 5
 * lid 1 onder c; a BSN only for a purpose the law allows, Wabb art. 10).
 */
int toegang_bsn(uint32_t rollen);

/* A bit beyond the three classes of toegang_klassen(): the BSN. */
#define TOEGANG_ZICHT_BSN (1u << 3)

/* Everything a view filtered for these roles depends on: the classes of
 * toegang_klassen() plus TOEGANG_ZICHT_BSN when toegang_bsn(). Two role
 * sets with the same value get the same toegang_filter() result, so it
 * keys cached views. */
uint32_t toegang_zicht(uint32_t rollen);

/*
 * Remove from d every entry the roles may not read, in place, keeping the
 * order of the rest, and the BSN when !toegang_bsn(). A correction always
 * has the class of the entry it corrects (the store refuses anything
 * else), so no kept entry points at a removed one. Returns the number of
 * entries removed.
 */
size_t toegang_filter(struct dossier *d, uint32_t rollen);

#endif /* SPOOR_TOEGANG_H */
