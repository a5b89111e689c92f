/* fixture of tests/layers_test.sh: a file in a subdirectory, taking the
 * loader's address */
int (*lader)(void) = store_dossier_laad;
