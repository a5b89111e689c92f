/*
 * toegang.c - the access table of architecture §6 (see toegang.h).
 */
#include <string.h>

#include "toegang.h"

const char *const rol_naam[ROL__COUNT] = {
	"beheerder", "casemanager", "werkgever", "leidinggevende",
	"bedrijfsarts", "arbeidsdeskundige", "loopbaancoach", "werknemer",
	"adviseur",
};

/* Every party of a case: all roles but beheerder. */
#define PARTIJEN (((1u << ROL__COUNT) - 1) & ~ROL_BIT(ROL_BEHEERDER))

/* One row per class: who reads, who writes (architecture §6). */
static const struct {
	uint32_t lees, schrijf;
} tabel[3] = {
	[ZB_ALGEMEEN] = {PARTIJEN, PARTIJEN & ~ROL_BIT(ROL_ADVISEUR)},
	[ZB_MEDISCH] = {ROL_BIT(ROL_BEDRIJFSARTS) | ROL_BIT(ROL_WERKNEMER),
			ROL_BIT(ROL_BEDRIJFSARTS)},
	[ZB_VERTROUWELIJK] = {ROL_BIT(ROL_LOOPBAANCOACH) |
				      ROL_BIT(ROL_WERKNEMER),
			      ROL_BIT(ROL_LOOPBAANCOACH) |
				      ROL_BIT(ROL_WERKNEMER)},
};

int
rol_zoek(const char *s, size_t len)
{
	int i;

	for (i = 0; i < ROL__COUNT; i++)
		if (strlen(rol_naam[i]) == len && !memcmp(rol_naam[i], s, len))
			return i;
	return -1;
}

int
toegang_bereik(enum rol r, enum bereik b)
{
	switch (r) {
	case ROL_BEHEERDER:
		return b == BEREIK_GEEN;
	case ROL_CASEMANAGER:
	case ROL_WERKGEVER:
	case ROL_LEIDINGGEVENDE:
	case ROL_BEDRIJFSARTS:
		return b == BEREIK_WERKGEVER || b == BEREIK_DOSSIER;
	case ROL_ARBEIDSDESKUNDIGE:
	case ROL_LOOPBAANCOACH:
	case ROL_WERKNEMER:
	case ROL_ADVISEUR:
		return b == BEREIK_DOSSIER;
	case ROL__COUNT:
		break;
	}
	return 0;
}

uint32_t
toegang_toekenning(uint32_t m, enum rol r, enum bereik b)
{
	return toegang_bereik(r, b) ? m | ROL_BIT(r) : m;
}

uint32_t
toegang_geldig(uint32_t case_rollen, int beheerder)
{
	return beheerder ? 0 : case_rollen & PARTIJEN;
}

int
toegang_lees(uint32_t rollen, enum zichtbaarheid z)
{
	return (unsigned)z < 3 && (rollen & tabel[z].lees) != 0;
}

int
toegang_schrijf(uint32_t rollen, enum zichtbaarheid z)
{
	return (unsigned)z < 3 && (rollen & tabel[z].schrijf) != 0;
}

int
toegang_dossier(uint32_t rollen)
{
	return (rollen & PARTIJEN) != 0;
}

int
toegang_verzuim_schrijf(uint32_t rollen)
{
	return (rollen & (ROL_BIT(ROL_CASEMANAGER) | ROL_BIT(ROL_WERKGEVER) |
			  ROL_BIT(ROL_LEIDINGGEVENDE) |
			  ROL_BIT(ROL_BEDRIJFSARTS))) != 0;
}

int
toegang_stamdata(uint32_t rollen)
{
	return (rollen & (ROL_BIT(ROL_CASEMANAGER) |
			  ROL_BIT(ROL_WERKGEVER))) != 0;
}

int
toegang_inzage(uint32_t rollen)
{
	return (rollen & ROL_BIT(ROL_WERKNEMER)) != 0;
}

uint32_t
toegang_klassen(uint32_t rollen)
{
	uint32_t m = 0;
	unsigned z;

	for (z = 0; z < 3; z++)
		if (rollen & tabel[z].lees)
			m |= 1u << z;
	return m;
}

int
toegang_bsn(uint32_t rollen)
{
	return (rollen & (ROL_BIT(ROL_CASEMANAGER) | ROL_BIT(ROL_WERKGEVER) |
			  ROL_BIT(ROL_BEDRIJFSARTS) |
			  ROL_BIT(ROL_WERKNEMER))) != 0;
}

uint32_t
toegang_zicht(uint32_t rollen)
{
	return toegang_klassen(rollen) |
	       (toegang_bsn(rollen) ? TOEGANG_ZICHT_BSN : 0);
}

size_t
toegang_filter(struct dossier *d, uint32_t rollen)
{
	size_t i, o = 0, weg;

	if (!toegang_bsn(rollen))
		str_release(&d->bsn);

	for (i = 0; i < d->ngb; i++) {
		if (toegang_lees(rollen, (enum zichtbaarheid)d->gb[i].zichtbaarheid)) {
			if (o != i)
				d->gb[o] = d->gb[i];
			o++;
		} else {
			gebeurtenis_release(&d->gb[i]);
		}
	}
	weg = d->ngb - o;
	d->ngb = o;
	return weg;
}
