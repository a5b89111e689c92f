/*
 * store_doc.h - documents (attachments with a content hash) and the
 * organisation records (werkgevers, werknemers, dienstverbanden) of the
 * store (see store.h, docs/store.md).
 */
#ifndef SPOOR_STORE_DOC_H
#define SPOOR_STORE_DOC_H

#include "store/store.h"

#endif /* SPOOR_STORE_DOC_H */
