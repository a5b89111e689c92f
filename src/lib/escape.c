/*
 * escape.c - CSV, iCalendar and Pango markup escapers (see escape.h).
 */
#include <string.h>

#include "lib/escape.h"

int
escape_csv(struct buf *b, const char *s, size_t len)
{
	int guard = len > 0 && strchr("=+-@\t\r", s[0]) != NULL;
	int quote = guard;
	size_t i;

	for (i = 0; i < len && !quote; i++)
		if (s[i] == '"' || s[i] == ',' || s[i] == ';' ||
		    s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (!quote)
		return buf_add(b, s, len);
	buf_addc(b, '"');
	if (guard)
		buf_addc(b, '\'');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	/* the buffer's failure is sticky: the last add reports any */
	return buf_addc(b, '"');
}

/* U+FFFD, for a byte that does not start a well-formed sequence. */
static const char vervanging[] = "\xef\xbf\xbd";

/*
 * The length of the well-formed UTF-8 sequence at s[0..len) (RFC 3629
 * section 4: no overlong forms, no surrogates, nothing above U+10FFFF),
 * or 0 when there is none. A calendar or a PDF that carried the bad
 * byte on would be refused by its reader (GMarkup refuses the whole
 * markup); one bad byte becomes U+FFFD instead.
 */
static size_t
utf8_lengte(const unsigned char *s, size_t len)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (n > len || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

/* Append one unit (an escape pair or a character) that must not be
 * split, folding first when it would pass the line's 75 octets. */
static int
ical_eenheid(struct buf *b, const char *u, size_t n, size_t *kolom)
{
	if (*kolom + n > ESCAPE_ICAL_REGEL) {
		buf_add(b, "\r\n ", 3);
		*kolom = 1;
	}
	*kolom += n;
	return buf_add(b, u, n);
}

int
escape_ical(struct buf *b, const char *s, size_t len, size_t *kolom)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	char paar[2] = {'\\', 0};
	int rc = buf_fout(b);

	while (i < len && !rc) {
		switch (s[i]) {
		case '\\':
		case ';':
		case ',':
			paar[1] = s[i++];
			rc = ical_eenheid(b, paar, 2, kolom);
			break;
		case '\r':
			/* CRLF is one line break */
			i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
			rc = ical_eenheid(b, "\\n", 2, kolom);
			break;
		case '\n':
			i++;
			rc = ical_eenheid(b, "\\n", 2, kolom);
			break;
		default:
			if ((u[i] < 0x20 && u[i] != '\t') || u[i] == 0x7f) {
				i++;  /* not a TSAFE-CHAR: dropped */
				break;
			}
			n = utf8_lengte(u + i, len - i);
			if (n)
				rc = ical_eenheid(b, s + i, n, kolom);
			else
				rc = ical_eenheid(b, vervanging, 3, kolom);
			i += n ? n : 1;
			break;
		}
	}
	return rc;
}

int
escape_markup(struct buf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n, begin = 0;
	const char *ent;

	/* runs of plain bytes are copied at once */
	for (i = 0; i < len; i++) {
		if (u[i] >= 0x80) {
			/* a whole sequence is plain; a bad byte is U+FFFD */
			if ((n = utf8_lengte(u + i, len - i))) {
				i += n - 1;
				continue;
			}
			buf_add(b, s + begin, i - begin);
			buf_add(b, vervanging, 3);
			begin = i + 1;
			continue;
		}
		switch (s[i]) {
		case '&':
			ent = "&amp;";
			break;
		case '<':
			ent = "&lt;";
			break;
		case '>':
			ent = "&gt;";
			break;
		case '\'':
			ent = "&apos;";
			break;
		case '"':
			ent = "&quot;";
			break;
		default:
			if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
			     u[i] != '\r') || u[i] == 0x7f)
				ent = "";
			else
				continue;
			break;
		}
		buf_add(b, s + begin, i - begin);
		buf_addstr(b, ent);
		begin = i + 1;
	}
	return buf_add(b, s + begin, len - begin);
}
