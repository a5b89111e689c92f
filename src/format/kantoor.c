/*
 * kantoor.c - the container check of office documents (see kantoor.h).
 *
 * libzip parses the archive (ZIP_CHECKCONS: the central directory must
 * agree with the local headers); this file decides what is acceptable
 * and counts what inflation produces, so that a declared size is never
 * believed. Every entry is read through to its end, which also makes
 * libzip check its CRC.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "format/kantoor.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

/* Read buffer: the most inflated bytes held at once per level. */
#define BLOK ((size_t)64 << 10)
/* The longest mimetype entry of ODF compared. */
#define MIMETYPE_MAX 128
/* Nesting allowed: the document (0) and an archive in it (1). The
 * check recurses (archief, onderdelen, lees_onderdeel) at most this
 * deep. */
#define MAX_DIEPTE 1
/* The longest entry name shown in a message. */
#define TOON 60

static const char *const ooxml[] = {
	"application/vnd.openxmlformats-officedocument.wordprocessingml."
	"document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.presentationml."
	"presentation",
};
static const char *const odf[] = {
	"application/vnd.oasis.opendocument.text",
	"application/vnd.oasis.opendocument.spreadsheet",
	"application/vnd.oasis.opendocument.presentation",
};

/* What one check carries through its levels. */
struct stand {
	uint64_t uitgepakt;         /* inflated so far, all levels */
	uint64_t grens;             /* kantoor_grens() of the document */
	struct kantoor_fout *f;
};

static int
in_lijst(const char *const *l, size_t n, const char *mime)
{
	size_t i;

	for (i = 0; mime && i < n; i++)
		if (!strcmp(l[i], mime))
			return 1;
	return 0;
}

int
kantoor_is_kantoor(const char *mime)
{
	return in_lijst(ooxml, NP(ooxml), mime) || in_lijst(odf, NP(odf), mime);
}

uint64_t
kantoor_grens(size_t len)
{
	uint64_t g = (uint64_t)len > KANTOOR_MAX_UITGEPAKT / KANTOOR_MAX_FACTOR
			     ? KANTOOR_MAX_UITGEPAKT
			     : (uint64_t)len * KANTOOR_MAX_FACTOR;

	return g < KANTOOR_MIN_GRENS ? KANTOOR_MIN_GRENS : g;
}

__attribute__((format(printf, 2, 3))) static int
zeg(struct kantoor_fout *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->reden, sizeof(f->reden), fmt, ap);
	va_end(ap);
	return KANTOOR_ONGELDIG;
}

/* An entry name fit for a message: printable ASCII kept, every other
 * byte '?', at most TOON bytes ("..." after a cut). */
static void
toonbaar(const char *naam, char uit[TOON + 4])
{
	size_t i, o = 0;

	for (i = 0; naam[i] && o < TOON; i++) {
		unsigned char c = (unsigned char)naam[i];

		if (c >= 0x20 && c < 0x7F && c != '\'')
			uit[o++] = naam[i];
		else
			uit[o++] = '?';
	}
	if (naam[i]) {
		memcpy(uit + o, "...", 3);
		o += 3;
	}
	uit[o] = '\0';
}

/* Why entry name naam is refused, or NULL. */
static const char *
naam_fout(const char *naam)
{
	const char *p = naam, *seg;
	size_t n;

	if (!*naam)
		return "heeft geen naam";
	if (naam[0] == '/' || (((naam[0] | 0x20) >= 'a' && (naam[0] | 0x20) <= 'z') &&
			       naam[1] == ':'))
		return "heeft een absoluut pad";
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\\')
			return "bevat een backslash";
		if (c < 0x20 || c == 0x7F)
			return "bevat een stuurteken";
	}
	for (seg = naam; *seg; seg += n + (seg[n] == '/')) {
		n = strcspn(seg, "/");
		if (n == 2 && seg[0] == '.' && seg[1] == '.')
			return "wijst met '..' buiten het archief";
	}
	return NULL;
}

/* Append n bytes to the malloc'd buffer *b of *len bytes (capacity
 * *cap). -1 when out of memory. */
static int
voeg_toe(unsigned char **b, size_t *len, size_t *cap, const void *p,
	 size_t n)
{
	if (*len + n > *cap) {
		size_t c = *cap ? *cap : BLOK;
		unsigned char *nb;

		while (c < *len + n)
			c *= 2;
		if (!(nb = realloc(*b, c)))
			return -1;
		*b = nb;
		*cap = c;
	}
	memcpy(*b + *len, p, n);
	*len += n;
	return 0;
}

/* The entry count of the end-of-central-directory record, or -1 when
 * there is none (libzip then refuses the archive). */
static long
eocd_aantal(const unsigned char *d, size_t len)
{
	size_t i, van = len > 22 + 65535 ? len - 22 - 65535 : 0;

	if (len < 22)
		return -1;
	for (i = len - 22 + 1; i-- > van;)
		if (d[i] == 'P' && d[i + 1] == 'K' && d[i + 2] == 5 &&
		    d[i + 3] == 6)
			return (long)(d[i + 10] | d[i + 11] << 8);
	return -1;
}

static int archief(struct stand *st, const unsigned char *data, size_t len,
		   int diepte, const char *mime, const char *waar);

/* Read entry i (name toon for messages) of za to its end. At depth 0 of
 * an ODF document *mt receives the first MIMETYPE_MAX bytes of the
 * mimetype entry (when mt is not NULL). */
static int
/* NOLINTNEXTLINE(misc-no-recursion): at most MAX_DIEPTE deep */
lees_onderdeel(struct stand *st, zip_t *za, zip_uint64_t i, int diepte,
	       const char *toon, const char *in, unsigned char *buf,
	       unsigned char *mt, size_t *nmt)
{
	unsigned char kop[4], *gen = NULL;
	size_t nkop = 0, ngen = 0, capgen = 0;
	int soort = 0; /* 0 undecided, 1 plain, 2 an archive */
	zip_file_t *zf = zip_fopen_index(za, i, 0);
	zip_int64_t n;
	int rc = KANTOOR_OK;

	if (!zf)
		return zeg(st->f, "%sonderdeel '%s' is niet te lezen: het archief "
			   "is beschadigd; sla het document opnieuw op", in, toon);
	while ((n = zip_fread(zf, buf, BLOK)) > 0) {
		size_t k = 0, m = (size_t)n;

		st->uitgepakt += (uint64_t)m;
		if (st->uitgepakt > st->grens) {
			rc = zeg(st->f, "%suitgepakt wordt het document groter dan "
				 "%llu MiB (bij onderdeel '%s'): dit lijkt een "
				 "zipbom; lever het als PDF of in kleinere delen",
				 in, (unsigned long long)(st->grens >> 20), toon);
			goto out;
		}
		if (mt && *nmt + m <= MIMETYPE_MAX) {
			memcpy(mt + *nmt, buf, m);
			*nmt += m;
		} else if (mt) {
			*nmt = MIMETYPE_MAX + 1;
		}
		if (soort == 0) {
			while (nkop < sizeof(kop) && k < m)
				kop[nkop++] = buf[k++];
			if (nkop == sizeof(kop))
				soort = memcmp(kop, "PK\3\4", 4) != 0 ? 1 : 2;
			if (soort == 2 && diepte >= MAX_DIEPTE) {
				rc = zeg(st->f, "%sonderdeel '%s' is een archief in een "
					 "archief in het document; pak het uit en "
					 "lever de delen los", in, toon);
				goto out;
			}
			if (soort == 2 && voeg_toe(&gen, &ngen, &capgen, kop, nkop)) {
				rc = KANTOOR_NOMEM;
				goto out;
			}
		}
		if (soort != 2)
			continue;
		if (ngen + (m - k) > KANTOOR_MAX_GENEST) {
			rc = zeg(st->f, "%sonderdeel '%s' is een ingesloten archief "
				 "groter dan %zu MiB; lever het los", in, toon,
				 KANTOOR_MAX_GENEST >> 20);
			goto out;
		}
		if (voeg_toe(&gen, &ngen, &capgen, buf + k, m - k)) {
			rc = KANTOOR_NOMEM;
			goto out;
		}
	}
	if (n < 0) {
		rc = zeg(st->f, "%sonderdeel '%s' is beschadigd (de inhoud klopt "
			 "niet met de controlesom of de opgegeven grootte); sla "
			 "het document opnieuw op", in, toon);
		goto out;
	}
	if (soort == 2)
		rc = archief(st, gen, ngen, diepte + 1, NULL, toon);
out:
	free(gen);
	zip_fclose(zf);
	return rc;
}

/* Check every entry of za (an archive at depth diepte; mime the
 * declared type at depth 0, NULL deeper; in the prefix of messages). */
static int
/* NOLINTNEXTLINE(misc-no-recursion): at most MAX_DIEPTE deep */
onderdelen(struct stand *st, zip_t *za, int diepte, const char *mime,
	   const char *in)
{
	unsigned char *buf = malloc(BLOK), mt[MIMETYPE_MAX + 1] = {0};
	zip_int64_t aantal = zip_get_num_entries(za, 0);
	zip_uint64_t i;
	size_t nmt = 0;
	int ct = 0, heeft_mt = 0, rc = KANTOOR_OK;
	char toon[TOON + 4];

	if (!buf)
		return KANTOOR_NOMEM;
	if (aantal < 0 || aantal > KANTOOR_MAX_ONDERDELEN) {
		rc = zeg(st->f, "%shet archief heeft meer dan %d onderdelen; "
			 "lever het document als PDF", in, KANTOOR_MAX_ONDERDELEN);
		goto out;
	}
	for (i = 0; i < (zip_uint64_t)aantal; i++) {
		const char *naam = zip_get_name(za, i, ZIP_FL_ENC_RAW), *w;
		int ismt;
		zip_stat_t zs;

		if (!naam || zip_stat_index(za, i, ZIP_FL_ENC_RAW, &zs) ||
		    !(zs.valid & ZIP_STAT_COMP_METHOD) ||
		    !(zs.valid & ZIP_STAT_ENCRYPTION_METHOD)) {
			rc = zeg(st->f, "%sonderdeel %llu van het archief is niet te "
				 "lezen; sla het document opnieuw op", in,
				 (unsigned long long)i + 1);
			goto out;
		}
		toonbaar(naam, toon);
		if ((w = naam_fout(naam))) {
			rc = zeg(st->f, "%sonderdeel '%s' %s; zo'n archief maakt "
				 "geen kantoorprogramma, sla het document opnieuw "
				 "op", in, toon, w);
			goto out;
		}
		if (zip_name_locate(za, naam, ZIP_FL_ENC_RAW) != (zip_int64_t)i) {
			rc = zeg(st->f, "%shet onderdeel '%s' staat twee keer in het "
				 "archief; sla het document opnieuw op", in, toon);
			goto out;
		}
		if (zs.encryption_method != ZIP_EM_NONE) {
			rc = zeg(st->f, "%sonderdeel '%s' is versleuteld; sla het "
				 "document op zonder wachtwoord", in, toon);
			goto out;
		}
		if (zs.comp_method != ZIP_CM_STORE &&
		    zs.comp_method != ZIP_CM_DEFLATE) {
			rc = zeg(st->f, "%sonderdeel '%s' is gecomprimeerd op een "
				 "manier die kantoorprogramma's niet gebruiken "
				 "(alleen 'stored' en 'deflate'); sla het "
				 "document opnieuw op", in, toon);
			goto out;
		}
		if (diepte == 0 && !strcmp(naam, "[Content_Types].xml"))
			ct = 1;
		ismt = diepte == 0 && !strcmp(naam, "mimetype");
		heeft_mt |= ismt;
		if ((rc = lees_onderdeel(st, za, i, diepte, toon, in, buf,
					 ismt ? mt : NULL, &nmt)))
			goto out;
	}
	if (diepte > 0)
		goto out;
	if (in_lijst(ooxml, NP(ooxml), mime) && !ct) {
		rc = zeg(st->f, "het onderdeel [Content_Types].xml ontbreekt: dit "
			 "is geen OOXML-document (.docx, .xlsx, .pptx); kies het "
			 "juiste type of sla het document opnieuw op");
	} else if (in_lijst(odf, NP(odf), mime) &&
		   (!heeft_mt || nmt != strlen(mime) ||
		    memcmp(mt, mime, nmt) != 0)) {
		rc = zeg(st->f, heeft_mt
			 ? "het onderdeel mimetype noemt een ander type dan %s; "
			   "kies het juiste type of sla het document opnieuw op"
			 : "het onderdeel mimetype ontbreekt: dit is geen "
			   "ODF-document van het type %s; kies het juiste type of "
			   "sla het document opnieuw op", mime);
	}
out:
	free(buf);
	return rc;
}

/* Check the archive of len bytes at depth diepte; waar names the entry
 * that holds it (NULL for the document itself). */
static int
/* NOLINTNEXTLINE(misc-no-recursion): at most MAX_DIEPTE deep */
archief(struct stand *st, const unsigned char *data, size_t len, int diepte,
	const char *mime, const char *waar)
{
	char in[96];
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	long n;
	int rc;

	in[0] = '\0';
	if (waar)
		snprintf(in, sizeof(in), "in het ingesloten archief '%s': ", waar);
	if (len < 4 || memcmp(data, "PK\3\4", 4) != 0)
		return zeg(st->f, "%sde inhoud is geen ZIP-archief, wat een "
			   "kantoordocument is; kies het juiste type of sla het "
			   "document opnieuw op", in);
	if ((n = eocd_aantal(data, len)) > KANTOOR_MAX_ONDERDELEN &&
	    n != 0xFFFF)
		return zeg(st->f, "%shet archief heeft meer dan %d onderdelen; "
			   "lever het document als PDF", in,
			   KANTOOR_MAX_ONDERDELEN);
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(data, len, 0, &ze))) {
		zip_error_fini(&ze);
		return KANTOOR_NOMEM;
	}
	if (!(za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
		rc = zip_error_code_zip(&ze) == ZIP_ER_MEMORY
			? KANTOOR_NOMEM
			: zeg(st->f, "%sde inhoud is geen geldig ZIP-archief (de "
			      "inhoudsopgave klopt niet met de onderdelen); sla "
			      "het document opnieuw op", in);
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	rc = onderdelen(st, za, diepte, mime, in);
	zip_discard(za);
	return rc;
}

int
kantoor_controleer(const void *data, size_t len, const char *mime,
		   struct kantoor_fout *f)
{
	struct kantoor_fout g;
	struct stand st;
	int rc;

	if (!kantoor_is_kantoor(mime))
		return zeg(f, "het type %.100s is geen kantoordocument",
			   mime ? mime : "(geen)");
	st.uitgepakt = 0;
	st.grens = kantoor_grens(len);
	st.f = &g;
	if ((rc = archief(&st, data, len, 0, mime, NULL)) == KANTOOR_ONGELDIG)
		*f = g;
	return rc;
}
