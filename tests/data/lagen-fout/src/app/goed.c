/* fixture of tests/layers_test.sh: app may use the loader */
#include "store/laad.h"
#include "app/app.h"
