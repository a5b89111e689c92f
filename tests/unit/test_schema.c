/*
 * test_schema.c - docs/openapi.json describes an entry exactly as the
 * event schema of core says (format/schema.h, issue 13): its
 * components.schemas.Gebeurtenis equals schema_gebeurtenis(). On a
 * difference the generated document is printed, to be put in
 * docs/openapi.json.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "format/schema.h"

static void
t_openapi(void **state)
{
	json_error_t je;
	json_t *doc = json_load_file(SPOOR_TESTDATA "/../../docs/openapi.json",
				     0, &je);
	json_t *gen = schema_gebeurtenis(), *in;

	(void)state;
	if (!doc)
		fail_msg("docs/openapi.json: %s (regel %d)", je.text, je.line);
	assert_non_null(gen);
	in = json_object_get(json_object_get(json_object_get(doc, "components"),
					     "schemas"),
			     "Gebeurtenis");
	assert_non_null(in);
	if (!json_equal(in, gen)) {
		char *t = json_dumps(gen, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

		fprintf(stderr, "components.schemas.Gebeurtenis should be:\n%s\n",
			t ? t : "(no memory)");
		free(t);
		fail_msg("docs/openapi.json differs from the event schema");
	}
	json_decref(gen);
	json_decref(doc);
}

/* Every event type lists exactly the keys the reader accepts for it:
 * the seven common ones and its extra fields; the required ones are a
 * subset of them. */
static void
t_per_soort(void **state)
{
	json_t *gen = schema_gebeurtenis(), *alle;
	size_t s;

	(void)state;
	assert_non_null(gen);
	alle = json_object_get(gen, "allOf");
	assert_int_equal(json_array_size(alle), GB__COUNT);
	for (s = 0; s < GB__COUNT; s++) {
		json_t *een = json_array_get(alle, s);
		json_t *dan = json_object_get(een, "then");
		json_t *keys = json_object_get(json_object_get(dan,
							       "propertyNames"),
					       "enum");
		size_t i, n = 7;

		assert_string_equal(
			json_string_value(json_object_get(
				json_object_get(json_object_get(
							json_object_get(een, "if"),
							"properties"),
						"soort"),
				"const")),
			gb_soort_naam[s]);
		for (i = 0; i < GV__AANTAL; i++)
			if (gb_velden[s] & gv_schema[i].bit)
				n++;
		assert_int_equal(json_array_size(keys), n);
		for (i = 0; i < json_array_size(json_object_get(dan, "required"));
		     i++) {
			const char *k = json_string_value(json_array_get(
				json_object_get(dan, "required"), i));
			size_t j;

			for (j = 0; j < GV__AANTAL; j++)
				if (!strcmp(gv_schema[j].naam, k) &&
				    (gb_verplicht[s] & gv_schema[j].bit))
					break;
			assert_true(j < GV__AANTAL);
		}
	}
	/* a belastbaarheid must name its instrument, a sollicitatie its
	 * outcome (gb_verplicht) */
	assert_string_equal(json_string_value(json_array_get(json_object_get(
		json_object_get(json_array_get(alle, GB_BELASTBAARHEID), "then"),
		"required"), 0)), "instrument");
	json_decref(gen);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_openapi),
		cmocka_unit_test(t_per_soort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
