/*
 * escape.h - escapers for the text formats spoor writes, each appending
 * to a struct buf (lib/buf.h).
 *
 * Each takes bytes s[0..len), UTF-8 (the case file reader and the API
 * refuse anything else), and returns 0 or the buffer's BUF_ code. The
 * iCalendar and markup escapers write a byte that does not start a
 * well-formed UTF-8 sequence as U+FFFD, so their output is always valid
 * UTF-8; CSV passes bytes on. JSON goes through jansson, not here.
 */
#ifndef SPOOR_LIB_ESCAPE_H
#define SPOOR_LIB_ESCAPE_H

#include <stddef.h>

#include "lib/buf.h"

/*
 * One CSV field (RFC 4180) with a formula guard (OWASP "CSV
 * injection"): text starting with = + - @ TAB or CR would be run as a
 * formula by a spreadsheet, so it gets a leading '. The field is
 * quoted, with " doubled, when it contains " , ; CR or LF or when the
 * guard fired; ';' counts because Dutch spreadsheets split on it. For
 * text only: write numbers yourself (a guarded "-5" is text).
 */
int escape_csv(struct buf *b, const char *s, size_t len);

/*
 * iCalendar TEXT (RFC 5545 3.3.11): \ ; , escaped with a backslash, a
 * line break (CRLF, LF or CR) as \n, other control characters except
 * TAB dropped; content lines folded (3.1) so that no line passes 75
 * octets: CRLF and one space before the octet that would pass it, never
 * inside a UTF-8 sequence or an escape pair. *kolom is the number of
 * octets already on the current line (e.g. 8 after "SUMMARY:") and is
 * updated; the caller ends the line with CRLF and resets it to 0.
 */
int escape_ical(struct buf *b, const char *s, size_t len, size_t *kolom);

/* The longest content line of RFC 5545 in octets, without CRLF. */
#define ESCAPE_ICAL_REGEL 75

/*
 * Pango markup (GMarkup, a subset of XML): & < > ' " as entities;
 * control characters other than TAB, LF and CR, which XML 1.0 does not
 * allow in any form, are dropped, and so is DEL.
 */
int escape_markup(struct buf *b, const char *s, size_t len);

#endif /* SPOOR_LIB_ESCAPE_H */
