/*
 * test_kantoor.c - the container check of office documents
 * (format/kantoor.h) on archives built here, byte by byte, with zlib:
 * a small valid docx, xlsx and odt; zip bombs (1 GiB of zeros, declared
 * honestly and declared as 1 KiB); nested archives; path tricks in entry
 * names; the encryption flag; other compression methods; duplicates;
 * a central directory that disagrees with the local headers; too many
 * entries. Also the document names of store_doc_naam_fout (device
 * names, trailing dots, separators).
 *
 * The bomb test prints the growth of the peak RSS (getrusage) while the
 * check runs and asserts it stays under BOM_RSS_MAX (docs/security.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <cmocka.h>
#include <zlib.h>

#include "format/kantoor.h"
#include "store/store_doc.h"

#define DOCX "application/vnd.openxmlformats-officedocument." \
	"wordprocessingml.document"
#define XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define ODT "application/vnd.oasis.opendocument.text"
#define ODS "application/vnd.oasis.opendocument.spreadsheet"
#define LIT(s) s, sizeof(s) - 1
#define MIB ((size_t)1 << 20)
/* The peak RSS may grow this much while a bomb is checked. */
#define BOM_RSS_MAX (48 * MIB)

/* ---- a ZIP writer ---- */

struct buf {
	unsigned char *p;
	size_t n, cap;
};

static void
put(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (b->n + n > b->cap) {
		size_t c = b->cap ? b->cap : 4096;

		while (c < b->n + n)
			c *= 2;
		b->p = realloc(b->p, c);
		assert_non_null(b->p);
		b->cap = c;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void
u16(struct buf *b, unsigned v)
{
	unsigned char c[2] = {(unsigned char)(v & 0xFF),
			      (unsigned char)((v >> 8) & 0xFF)};

	put(b, c, 2);
}

static void
u32(struct buf *b, uint32_t v)
{
	unsigned char c[4] = {(unsigned char)(v & 0xFF),
			      (unsigned char)((v >> 8) & 0xFF),
			      (unsigned char)((v >> 16) & 0xFF),
			      (unsigned char)((v >> 24) & 0xFF)};

	put(b, c, 4);
}

/* One entry as it goes into the archive. */
struct onderdeel {
	const char *naam;       /* in the local header and the directory */
	const char *cd_naam;    /* in the directory when it differs */
	const void *data;       /* what is stored (compressed already when
				   method is 8 and raw is set) */
	size_t len;
	unsigned method;        /* 0 stored, 8 deflate, other: as given */
	unsigned flags;         /* general purpose bits (1: encrypted) */
	int raw;                /* data is the compressed stream */
	uint32_t crc, usize;    /* with raw: CRC and declared size */
};

/* Raw deflate of n bytes at p into *out. */
static void
deflate_raw(const void *p, size_t n, struct buf *out)
{
	z_stream z;
	unsigned char o[65536];
	int rc;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, -15, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	do {
		z.next_out = o;
		z.avail_out = sizeof(o);
		rc = deflate(&z, Z_FINISH);
		put(out, o, sizeof(o) - z.avail_out);
	} while (rc == Z_OK);
	assert_int_equal(rc, Z_STREAM_END);
	deflateEnd(&z);
}

/* The archive of the n entries e. */
static void
zip(const struct onderdeel *e, size_t n, struct buf *out)
{
	struct buf cd = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		struct buf c = {0};
		uint32_t crc, usize, off = (uint32_t)out->n;
		const char *cn = e[i].cd_naam ? e[i].cd_naam : e[i].naam;

		if (e[i].raw) {
			put(&c, e[i].data, e[i].len);
			crc = e[i].crc;
			usize = e[i].usize;
		} else {
			crc = (uint32_t)crc32(0, e[i].data, (uInt)e[i].len);
			usize = (uint32_t)e[i].len;
			if (e[i].method == 8)
				deflate_raw(e[i].data, e[i].len, &c);
			else
				put(&c, e[i].data, e[i].len);
		}
		u32(out, 0x04034b50);
		u16(out, 20);
		u16(out, e[i].flags);
		u16(out, e[i].method);
		u16(out, 0);
		u16(out, 0x5B21); /* 2025-09-01 */
		u32(out, crc);
		u32(out, (uint32_t)c.n);
		u32(out, usize);
		u16(out, (unsigned)strlen(e[i].naam));
		u16(out, 0);
		put(out, e[i].naam, strlen(e[i].naam));
		put(out, c.p, c.n);

		u32(&cd, 0x02014b50);
		u16(&cd, 20);
		u16(&cd, 20);
		u16(&cd, e[i].flags);
		u16(&cd, e[i].method);
		u16(&cd, 0);
		u16(&cd, 0x5B21);
		u32(&cd, crc);
		u32(&cd, (uint32_t)c.n);
		u32(&cd, usize);
		u16(&cd, (unsigned)strlen(cn));
		u16(&cd, 0);
		u16(&cd, 0);
		u16(&cd, 0);
		u16(&cd, 0);
		u32(&cd, 0);
		u32(&cd, off);
		put(&cd, cn, strlen(cn));
		free(c.p);
	}
	{
		uint32_t off = (uint32_t)out->n;

		put(out, cd.p, cd.n);
		u32(out, 0x06054b50);
		u16(out, 0);
		u16(out, 0);
		u16(out, (unsigned)n);
		u16(out, (unsigned)n);
		u32(out, (uint32_t)cd.n);
		u32(out, off);
		u16(out, 0);
	}
	free(cd.p);
}

static const char ct_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://"
	"schemas.openxmlformats.org/package/2006/content-types\"><Default "
	"Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char doc_xml[] =
	"<?xml version=\"1.0\"?><w:document><w:body><w:p><w:r><w:t>Plan van "
	"aanpak</w:t></w:r></w:p></w:body></w:document>";

#define E(n, d, m) {n, NULL, d, sizeof(d) - 1, m, 0, 0, 0, 0}

/* Check the n entries e as type mime; the reason into f. */
static int
check(const struct onderdeel *e, size_t n, const char *mime,
      struct kantoor_fout *f)
{
	struct buf b = {0};
	int rc;

	zip(e, n, &b);
	rc = kantoor_controleer(b.p, b.n, mime, f);
	free(b.p);
	return rc;
}

static void
refused(const struct onderdeel *e, size_t n, const char *mime,
	const char *woord)
{
	struct kantoor_fout f;

	memset(&f, 0, sizeof(f));
	assert_int_equal(check(e, n, mime, &f), KANTOOR_ONGELDIG);
	if (!strstr(f.reden, woord))
		fail_msg("reason '%s' lacks '%s'", f.reden, woord);
}

static void
t_geldig(void **state)
{
	const struct onderdeel docx[] = {
		E("[Content_Types].xml", ct_xml, 8),
		E("_rels/.rels", "<Relationships/>", 8),
		E("word/document.xml", doc_xml, 8),
		E("docProps/leeg.xml", "", 0),
	};
	const struct onderdeel odt[] = {
		E("mimetype", ODT, 0),
		E("content.xml", doc_xml, 8),
		E("META-INF/manifest.xml", "<manifest/>", 8),
	};
	struct kantoor_fout f;

	(void)state;
	assert_int_equal(check(docx, 4, DOCX, &f), KANTOOR_OK);
	assert_int_equal(check(docx, 4, XLSX, &f), KANTOOR_OK);
	assert_int_equal(check(odt, 3, ODT, &f), KANTOOR_OK);
	assert_true(kantoor_is_kantoor(DOCX));
	assert_true(kantoor_is_kantoor(ODS));
	assert_false(kantoor_is_kantoor("application/pdf"));
	assert_false(kantoor_is_kantoor(NULL));
	assert_int_equal(kantoor_controleer("x", 1, "application/pdf", &f),
			 KANTOOR_ONGELDIG);
	assert_true(kantoor_grens(1) == KANTOOR_MIN_GRENS);
	assert_true(kantoor_grens(MIB) == 100 * MIB);
	assert_true(kantoor_grens(20 * MIB) == KANTOOR_MAX_UITGEPAKT);
}

static void
t_verplichte_delen(void **state)
{
	const struct onderdeel zonder_ct[] = {
		E("word/document.xml", doc_xml, 8),
	};
	const struct onderdeel odt_ander[] = {
		E("mimetype", ODT, 0),
		E("content.xml", doc_xml, 8),
	};
	const struct onderdeel odt_zonder[] = {
		E("content.xml", doc_xml, 8),
	};
	const struct onderdeel odt_lang[] = {
		E("mimetype", ODT "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 0),
	};
	struct kantoor_fout f;

	(void)state;
	refused(zonder_ct, 1, DOCX, "[Content_Types].xml ontbreekt");
	refused(odt_ander, 2, ODS, "mimetype noemt een ander type");
	refused(odt_zonder, 1, ODT, "mimetype ontbreekt");
	refused(odt_lang, 1, ODT, "mimetype noemt een ander type");
	refused(NULL, 0, DOCX, "geen ZIP-archief"); /* only the directory */
	assert_int_equal(kantoor_controleer(LIT("Beste collega,\n"), DOCX, &f),
			 KANTOOR_ONGELDIG);
	assert_non_null(strstr(f.reden, "geen ZIP-archief"));
	assert_int_equal(kantoor_controleer(LIT("PK\3\4 kapot"), DOCX, &f),
			 KANTOOR_ONGELDIG);
	assert_non_null(strstr(f.reden, "geen geldig ZIP-archief"));
}

/* n MiB of zeros as a raw deflate stream: 1 MiB deflated with a full
 * flush (a sequence of blocks that refer only to their own bytes)
 * repeated n times, then an empty final block. */
static void
nullen(size_t n, struct buf *out, uint32_t *crc)
{
	unsigned char *z = calloc(1, MIB), o[65536];
	struct buf een = {0};
	z_stream s;
	uint32_t c1;
	size_t i;

	assert_non_null(z);
	memset(&s, 0, sizeof(s));
	assert_int_equal(deflateInit2(&s, 9, Z_DEFLATED, -15, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	s.next_in = z;
	s.avail_in = (uInt)MIB;
	do {
		s.next_out = o;
		s.avail_out = sizeof(o);
		assert_int_equal(deflate(&s, Z_FULL_FLUSH), Z_OK);
		put(&een, o, sizeof(o) - s.avail_out);
	} while (s.avail_out == 0);
	deflateEnd(&s);
	for (i = 0; i < n; i++)
		put(out, een.p, een.n);
	put(out, "\x03\x00", 2); /* final fixed block: end of block only */
	c1 = (uint32_t)crc32(0, z, (uInt)MIB);
	*crc = 0;
	for (i = 0; i < n; i++)
		*crc = (uint32_t)crc32_combine(*crc, c1, (z_off_t)MIB);
	free(een.p);
	free(z);
}

static long
maxrss_kib(void)
{
	struct rusage ru;

	assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
	return ru.ru_maxrss;
}

static void
t_zipbom(void **state)
{
	struct onderdeel e[2] = {E("[Content_Types].xml", ct_xml, 8)};
	struct buf gb = {0}, arch = {0};
	struct kantoor_fout f;
	uint32_t crc;
	long voor, na;

	(void)state;
	/* 1 GiB of zeros, the size of the finding */
	nullen(1024, &gb, &crc);
	e[1].naam = "word/document.xml";
	e[1].data = gb.p;
	e[1].len = gb.n;
	e[1].method = 8;
	e[1].raw = 1;
	e[1].crc = crc;
	e[1].usize = 1024u * 1024u * 1024u;
	zip(e, 2, &arch);
	voor = maxrss_kib();
	assert_int_equal(kantoor_controleer(arch.p, arch.n, DOCX, &f),
			 KANTOOR_ONGELDIG);
	na = maxrss_kib();
	assert_non_null(strstr(f.reden, "zipbom"));
	assert_non_null(strstr(f.reden, "word/document.xml"));
	printf("zip bomb: %zu bytes, 1 GiB unpacked, bound %llu MiB; peak RSS "
	       "%ld KiB before, %ld KiB after the check (+%ld KiB)\n", arch.n,
	       (unsigned long long)(kantoor_grens(arch.n) >> 20), voor, na,
	       na - voor);
	assert_true((size_t)(na - voor) * 1024 < BOM_RSS_MAX);

	/* the same stream declared as 1 KiB unpacked */
	free(arch.p);
	memset(&arch, 0, sizeof(arch));
	e[1].usize = 1024;
	zip(e, 2, &arch);
	assert_int_equal(kantoor_controleer(arch.p, arch.n, DOCX, &f),
			 KANTOOR_ONGELDIG);
	free(arch.p);
	free(gb.p);
}

static void
t_genest(void **state)
{
	const struct onderdeel binnen[] = {
		E("[Content_Types].xml", ct_xml, 8),
		E("xl/workbook.xml", "<workbook/>", 8),
	};
	struct onderdeel buiten[2] = {E("[Content_Types].xml", ct_xml, 8)};
	struct onderdeel bom[1] = {{0}};
	struct buf bi = {0}, bi2 = {0}, gb = {0}, bb = {0};
	struct kantoor_fout f;
	uint32_t crc;

	(void)state;
	/* an embedded spreadsheet: checked, accepted */
	zip(binnen, 2, &bi);
	buiten[1].naam = "word/embeddings/blad.xlsx";
	buiten[1].data = bi.p;
	buiten[1].len = bi.n;
	buiten[1].method = 8;
	assert_int_equal(check(buiten, 2, DOCX, &f), KANTOOR_OK);

	/* an archive in the embedded archive: refused */
	buiten[1].naam = "diep.zip";
	zip(buiten, 2, &bi2);
	buiten[1].naam = "word/embeddings/blad.xlsx";
	buiten[1].data = bi2.p;
	buiten[1].len = bi2.n;
	refused(buiten, 2, DOCX, "archief in een archief");

	/* an embedded archive that is broken: refused */
	buiten[1].data = "PK\3\4kapot";
	buiten[1].len = 9;
	refused(buiten, 2, DOCX, "ingesloten archief");

	/* a bomb in an embedded archive: the budget is shared */
	nullen(512, &gb, &crc);
	bom[0].naam = "nul.bin";
	bom[0].data = gb.p;
	bom[0].len = gb.n;
	bom[0].method = 8;
	bom[0].raw = 1;
	bom[0].crc = crc;
	bom[0].usize = 512u << 20;
	zip(bom, 1, &bb);
	buiten[1].data = bb.p;
	buiten[1].len = bb.n;
	buiten[1].method = 0;
	refused(buiten, 2, DOCX, "zipbom");
	free(bi.p);
	free(bi2.p);
	free(gb.p);
	free(bb.p);
}

static void
t_namen(void **state)
{
	static const char *const slecht[] = {
		"../evil.xml", "word/../../evil.xml", "word/..", "/etc/passwd",
		"C:/Windows/x.xml", "c:x", "word\\document.xml", "a\x01.xml", "",
	};
	struct onderdeel e[2] = {E("[Content_Types].xml", ct_xml, 8),
				 E("x", doc_xml, 8)};
	struct kantoor_fout f;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(slecht) / sizeof(slecht[0]); i++) {
		e[1].naam = slecht[i];
		memset(&f, 0, sizeof(f));
		if (check(e, 2, DOCX, &f) != KANTOOR_ONGELDIG)
			fail_msg("entry name '%s' accepted", slecht[i]);
	}
	e[1].naam = "..word/a..b.xml";
	assert_int_equal(check(e, 2, DOCX, &f), KANTOOR_OK);
	e[1].naam = "../evil.xml";
	refused(e, 2, DOCX, "'..'");
}

static void
t_vlaggen(void **state)
{
	struct onderdeel e[2] = {E("[Content_Types].xml", ct_xml, 8),
				 E("word/document.xml", doc_xml, 8)};
	struct onderdeel dubbel[3] = {E("[Content_Types].xml", ct_xml, 8),
				      E("word/document.xml", doc_xml, 8),
				      E("word/document.xml", "<x/>", 8)};
	struct onderdeel anders[2] = {E("[Content_Types].xml", ct_xml, 8),
				      E("word/document.xml", doc_xml, 8)};

	(void)state;
	e[1].flags = 1;
	refused(e, 2, DOCX, "versleuteld");
	e[1].flags = 0;
	e[1].method = 12; /* bzip2 */
	refused(e, 2, DOCX, "gecomprimeerd");
	e[1].method = 14; /* LZMA */
	refused(e, 2, DOCX, "gecomprimeerd");
	/* libzip itself refuses a duplicate; kantoor.c checks it again */
	refused(dubbel, 3, DOCX, "archief");
	/* the directory names another entry than the local header */
	anders[1].cd_naam = "word/andere.xml";
	refused(anders, 2, DOCX, "geen geldig ZIP-archief");
}

static void
t_te_veel(void **state)
{
	size_t n = KANTOOR_MAX_ONDERDELEN + 1, i;
	struct onderdeel *e = calloc(n, sizeof(*e));
	char (*namen)[16] = calloc(n, sizeof(*namen));

	(void)state;
	assert_non_null(e);
	assert_non_null(namen);
	for (i = 0; i < n; i++) {
		snprintf(namen[i], sizeof(namen[i]), "d/%zu.xml", i);
		e[i].naam = i ? namen[i] : "[Content_Types].xml";
		e[i].data = "";
	}
	refused(e, n, DOCX, "meer dan 10000 onderdelen");
	assert_int_equal(check(e, n - 1, DOCX, &(struct kantoor_fout){{0}}),
			 KANTOOR_OK);
	free(namen);
	free(e);
}

/* Document names (store_doc_naam_fout). */
static void
t_documentnamen(void **state)
{
	static const char *const slecht[] = {
		"CON", "con.txt", "Prn.pdf", "AUX", "nul.docx", "NUL .txt",
		"COM1", "com9.pdf", "LPT1.docx", "lpt9", "COM\xc2\xb9.txt",
		"CONIN$", "conout$.txt", "brief.", "brief ", "brief.pdf...",
		".", "..", "../brief.pdf", "a\\b.pdf", "C:brief.pdf",
		"brief.pdf:stream", "a\x01.pdf", "gpj\xe2\x80\xae.exe",
		"a\xe2\x81\xa6x.pdf",
	};
	static const char *const goed[] = {
		"CONtract.pdf", "console.txt", "COM10.pdf", "LPT.pdf",
		"brief.pdf", "..brief.pdf", "rapport v2.docx", ".verborgen",
		"\xc3\x84rztlicher Bericht.pdf", "auxiliary.txt", "nul-meting.pdf",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(slecht) / sizeof(slecht[0]); i++)
		if (!store_doc_naam_fout(slecht[i], strlen(slecht[i])))
			fail_msg("name '%s' accepted", slecht[i]);
	for (i = 0; i < sizeof(goed) / sizeof(goed[0]); i++)
		if (store_doc_naam_fout(goed[i], strlen(goed[i])))
			fail_msg("name '%s' refused: %s", goed[i],
				 store_doc_naam_fout(goed[i], strlen(goed[i])));
	assert_false(store_doc_naam_geldig("a\0b", 3));
	assert_non_null(strstr(store_doc_naam_fout(LIT("CON.pdf")),
			       "apparaatnaam"));
	assert_non_null(strstr(store_doc_naam_fout(LIT("brief.")), "punt"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_geldig),
		cmocka_unit_test(t_verplichte_delen),
		cmocka_unit_test(t_zipbom),
		cmocka_unit_test(t_genest),
		cmocka_unit_test(t_namen),
		cmocka_unit_test(t_vlaggen),
		cmocka_unit_test(t_te_veel),
		cmocka_unit_test(t_documentnamen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
