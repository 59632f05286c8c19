// CLibXML2: libxml2's parser and HTML parser headers, nothing more.
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <string.h>
// Debian builds libxml2 with ICU; its ICU headers clash with Foundation's bundled ICU
// module. Pantau never touches the ICU fields of xmlCharEncodingHandler, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
