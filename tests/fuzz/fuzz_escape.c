/*
 * fuzz_escape.c - libFuzzer target for the escapers of src/lib.
 *
 * The first byte picks a cap for the buffer (small caps exercise the
 * refusal path); the rest is the text. For each escaper the output is
 * either refused with BUF_TE_GROOT (then the buffer is empty) or
 * checked:
 * - CSV: reading the field back (RFC 4180) gives the text, with a '
 *   in front exactly when the text starts with a formula character;
 * - iCalendar: no line above 75 octets, a fold is CRLF + space and is
 *   never followed by a UTF-8 continuation byte, no other CR or LF,
 *   and no unescaped ; or ,;
 * - markup: no < > ' " and every & starts one of the five entities;
 * - iCalendar and markup: well-formed UTF-8 whatever the input.
 * Anything else aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/escape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Well-formed UTF-8 (RFC 3629), or abort. */
static void
check_utf8(const char *o, size_t on)
{
	const unsigned char *u = (const unsigned char *)o;
	size_t i = 0, n, k;

	while (i < on) {
		unsigned char lo = 0x80, hi = 0xbf;

		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] >= 0xc2 && u[i] <= 0xdf)
			n = 2;
		else if (u[i] >= 0xe0 && u[i] <= 0xef)
			n = 3;
		else if (u[i] >= 0xf0 && u[i] <= 0xf4)
			n = 4;
		else
			abort();
		if (u[i] == 0xe0)
			lo = 0xa0;
		if (u[i] == 0xed)
			hi = 0x9f;
		if (u[i] == 0xf0)
			lo = 0x90;
		if (u[i] == 0xf4)
			hi = 0x8f;
		if (i + n > on || u[i + 1] < lo || u[i + 1] > hi)
			abort();
		for (k = 2; k < n; k++)
			if (u[i + k] < 0x80 || u[i + k] > 0xbf)
				abort();
		i += n;
	}
}

static void
check_csv(const char *s, size_t n, const char *o, size_t on)
{
	int guard = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
	size_t i = 0, j = 0;

	if (on == 0) {
		if (n != 0)
			abort();
		return;
	}
	if (o[0] != '"') {
		/* unquoted: the text itself, without specials */
		if (guard || on != n || memcmp(o, s, n) != 0)
			abort();
		for (i = 0; i < n; i++)
			if (strchr("\",;\r\n", s[i]) && s[i] != '\0')
				abort();
		return;
	}
	if (on < 2 || o[on - 1] != '"')
		abort();
	i = 1;
	if (guard) {
		if (o[1] != '\'')
			abort();
		i = 2;
	}
	for (; i < on - 1; i++, j++) {
		if (o[i] == '"') {
			if (o[i + 1] != '"' || i + 1 >= on - 1)
				abort();
			i++;
		}
		if (j >= n || o[i] != s[j])
			abort();
	}
	if (j != n)
		abort();
}

static void
check_ical(const char *o, size_t on, size_t lijn)
{
	size_t i;

	for (i = 0; i < on; i++) {
		unsigned char c = (unsigned char)o[i];

		if (c == '\r') {
			if (i + 2 >= on || o[i + 1] != '\n' || o[i + 2] != ' ')
				abort();
			if (i + 3 < on && ((unsigned char)o[i + 3] & 0xc0) == 0x80)
				abort();
			i += 2;
			lijn = 1;
			continue;
		}
		if (c == '\n' || (c < 0x20 && c != '\t') || c == 0x7f)
			abort();
		if (c == '\\') {
			if (i + 1 >= on || !strchr("\\;,n", o[i + 1]) ||
			    o[i + 1] == '\0')
				abort();
			i++;
			lijn++;
		} else if (c == ';' || c == ',') {
			abort();
		}
		if (++lijn > ESCAPE_ICAL_REGEL)
			abort();
	}
}

static void
check_markup(const char *o, size_t on)
{
	static const char *const ent[] = {"&amp;", "&lt;", "&gt;", "&apos;",
					  "&quot;"};
	size_t i, k;

	for (i = 0; i < on; i++) {
		if (strchr("<>'\"", o[i]) && o[i] != '\0')
			abort();
		if (o[i] != '&')
			continue;
		for (k = 0; k < 5; k++)
			if (on - i >= strlen(ent[k]) &&
			    !memcmp(o + i, ent[k], strlen(ent[k])))
				break;
		if (k == 5)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + 1;
	size_t n, cap, kolom;
	struct buf b;
	int rc;

	if (size == 0)
		return 0;
	n = size - 1;
	/* 0: no practical cap; else a small one */
	cap = data[0] == 0 ? (size_t)1 << 24 : (size_t)data[0] * 4u;

	buf_init(&b, cap);
	rc = escape_csv(&b, s, n);
	if (rc == BUF_OK)
		check_csv(s, n, buf_ptr(&b), buf_len(&b));
	else if (rc != BUF_TE_GROOT || buf_len(&b) != 0)
		abort();
	buf_release(&b);

	buf_init(&b, cap);
	kolom = n % 80;  /* any start column, also past 75 */
	rc = escape_ical(&b, s, n, &kolom);
	if (rc == BUF_OK) {
		if (buf_len(&b) > 0 && kolom > ESCAPE_ICAL_REGEL)
			abort();
		check_ical(buf_ptr(&b), buf_len(&b), n % 80);
		check_utf8(buf_ptr(&b), buf_len(&b));
	} else if (rc != BUF_TE_GROOT || buf_len(&b) != 0) {
		abort();
	}
	buf_release(&b);

	buf_init(&b, cap);
	rc = escape_markup(&b, s, n);
	if (rc == BUF_OK) {
		check_markup(buf_ptr(&b), buf_len(&b));
		check_utf8(buf_ptr(&b), buf_len(&b));
	} else if (rc != BUF_TE_GROOT || buf_len(&b) != 0) {
		abort();
	}
	buf_release(&b);
	return 0;
}
