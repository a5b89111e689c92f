/* fixture of tests/layers_test.sh: a handler that loads a case unfiltered */
#include "store/laad.h"

int lek(struct store *s, struct dossier *d) { return store_dossier_laad(s, 1, d); }
