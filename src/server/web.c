/*
 * web.c - serves the embedded web application (see web.h).
 *
 * The files of web/ are compiled into the binary by
 * cmake/embed_web.cmake; nothing is read from disk at run time, so no
 * path can reach outside them. Client-side routes (/dossiers/D-1, ...)
 * get index.html; the application's script reads location.pathname.
 */
#include <string.h>

#include "server/web.h"

/* generated/web_bestanden.c */
extern const unsigned long spoor_web_n;
extern const char *const spoor_web_pad[];
extern const unsigned char *const spoor_web_data[];
extern const unsigned long spoor_web_len[];

/* HTML may load scripts, styles and images from this origin only: no
 * inline script, no framing, forms post nowhere else. */
#define WEB_CSP "default-src 'self'; base-uri 'none'; form-action 'self'; " \
		"frame-ancestors 'none'"

static const struct {
	const char *ext, *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".json", "application/json; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".ico", "image/x-icon"},
	{".txt", "text/plain; charset=utf-8"},
	{".woff2", "font/woff2"},
};

static const char *
content_type(const char *pad)
{
	const char *punt = strrchr(pad, '.');
	size_t i;

	for (i = 0; punt && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(punt, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

/* Index of the embedded file at pad, or -1. */
static long
zoek(const char *pad)
{
	unsigned long i;

	for (i = 0; i < spoor_web_n; i++)
		if (!strcmp(spoor_web_pad[i], pad))
			return (long)i;
	return -1;
}

/* Does the last segment of pad name a file of a type we serve? A missing
 * asset then gets a 404 instead of the application page, while a client
 * route whose case id happens to contain a dot still gets the page. */
static int
is_bestandspad(const char *pad)
{
	const char *slash = strrchr(pad, '/');
	const char *laatste = slash ? slash + 1 : pad;
	const char *punt = strrchr(laatste, '.');
	size_t i;

	for (i = 0; punt && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(punt, types[i].ext))
			return 1;
	return punt && !strcmp(punt, ".map");
}

static int
niet_gevonden(struct http_resp *r)
{
	return http_resp_fout(r, 404, "niet_gevonden", "dit adres bestaat niet",
			      NULL);
}

int
web_bestand(struct http_req *q, struct http_resp *r)
{
	/* the route is "/{*}": param[0] is the path without its '/' */
	const char *pad = q->nparam > 0 && q->param[0] ? q->param[0] : "";
	const char *type;
	long i;

	if (!strncmp(pad, "api/", 4) || !strcmp(pad, "api"))
		return niet_gevonden(r);
	i = *pad ? zoek(pad) : -1;
	if (i < 0) {
		if (*pad && is_bestandspad(pad))
			return niet_gevonden(r);
		i = zoek("index.html");
		if (i < 0)
			return niet_gevonden(r);
	}
	type = content_type(spoor_web_pad[i]);
	if (http_resp_bestand(r, (const char *)spoor_web_data[i],
			      (size_t)spoor_web_len[i], type))
		return -1;
	if (!strncmp(type, "text/html", 9))
		return http_resp_header(r, "Content-Security-Policy", WEB_CSP);
	return 0;
}
