/*
 * params.c - parameter table parser (see params.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"

/* Generated at build time from data/parameters (CMakeLists.txt). */
extern const char spoor_param_wml[];
extern const char spoor_param_maximumdagloon[];

void
params_init(struct params *p)
{
	memset(p, 0, sizeof(*p));
}

void
params_release(struct params *p)
{
	free(p->rij[0]);
	free(p->rij[1]);
	free(p->tekst[0]);
	free(p->tekst[1]);
	params_init(p);
}

static int
parse_cents(const char *s, int64_t *out)
{
	int64_t v = 0;

	if (strcmp(s, "onbekend") == 0) {
		*out = -1;
		return 0;
	}
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

int
params_parse(const char *naam, const char *text, size_t len,
	     struct param_tabel *tab, struct param_rij **rij_out,
	     char **tekst_out, char *err, size_t errn)
{
	char *t = malloc(len + 1), *line, *next;
	struct param_rij *rij = NULL;
	size_t n = 0, cap = 0, lineno = 0;
	int rc = -1;

	if (!t) {
		snprintf(err, errn, "onvoldoende geheugen");
		return -1;
	}
	memcpy(t, text, len);
	t[len] = '\0';
	for (line = t; line; line = next) {
		char *f2, *f3;
		struct param_rij r;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		f2 = strchr(line, '\t');
		f3 = f2 ? strchr(f2 + 1, '\t') : NULL;
		if (!f2 || !f3) {
			snprintf(err, errn, "%s regel %zu: verwacht datum, "
				 "bedrag en bron gescheiden door tabs", naam,
				 lineno);
			goto out;
		}
		*f2++ = '\0';
		*f3++ = '\0';
		if (date_parse(line, strlen(line), &r.van) != 0) {
			snprintf(err, errn, "%s regel %zu: ongeldige datum '%s'",
				 naam, lineno, line);
			goto out;
		}
		if (parse_cents(f2, &r.waarde) != 0) {
			snprintf(err, errn, "%s regel %zu: ongeldig bedrag '%s' "
				 "(centen of 'onbekend')", naam, lineno, f2);
			goto out;
		}
		if (!*f3) {
			snprintf(err, errn, "%s regel %zu: bron ontbreekt", naam,
				 lineno);
			goto out;
		}
		if (n > 0 && r.van <= rij[n - 1].van) {
			snprintf(err, errn, "%s regel %zu: datums moeten oplopen",
				 naam, lineno);
			goto out;
		}
		r.bron = f3;
		if (n == cap) {
			struct param_rij *nr;

			cap = cap ? cap * 2 : 16;
			nr = realloc(rij, cap * sizeof(*rij));
			if (!nr) {
				snprintf(err, errn, "onvoldoende geheugen");
				goto out;
			}
			rij = nr;
		}
		rij[n++] = r;
	}
	if (n == 0) {
		snprintf(err, errn, "%s: geen rijen", naam);
		goto out;
	}
	tab->naam = naam;
	tab->rij = rij;
	tab->n = n;
	*rij_out = rij;
	*tekst_out = t;
	rij = NULL;
	t = NULL;
	rc = 0;
out:
	free(rij);
	free(t);
	return rc;
}

int
params_standaard(struct params *p, char *err, size_t errn)
{
	params_init(p);
	if (params_parse("wml_uur", spoor_param_wml, strlen(spoor_param_wml),
			 &p->wml, &p->rij[0], &p->tekst[0], err, errn) != 0 ||
	    params_parse("maximumdagloon", spoor_param_maximumdagloon,
			 strlen(spoor_param_maximumdagloon), &p->maxd,
			 &p->rij[1], &p->tekst[1], err, errn) != 0) {
		params_release(p);
		return -1;
	}
	return 0;
}
