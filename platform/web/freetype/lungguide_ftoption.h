/* FreeType's own options, without zlib: the app's fonts are plain TrueType files, so the
   compressed-WOFF support (and a zlib build) is not needed in the browser. */
#include <freetype/config/ftoption.h>
#undef FT_CONFIG_OPTION_USE_ZLIB
