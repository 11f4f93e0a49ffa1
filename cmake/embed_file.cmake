# Script mode helper of wb_embed_text(): writes OUT, a C++ source holding IN's text.
# Hex bytes rather than a raw string literal: any content is safe and compilers have no
# string-literal length limit to trip over.
file(READ "${IN}" _hex HEX)
string(LENGTH "${_hex}" _len)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _bytes "${_hex}")
string(REGEX REPLACE "(([^,]*,){32})" "\\1\n" _bytes "${_bytes}")
file(WRITE "${OUT}.tmp" "// Generated from ${IN}; do not edit.\n"
  "static const char kData[] = {\n${_bytes}'\\0'};\n"
  "extern const char* const ${SYMBOL};\n"
  "const char* const ${SYMBOL} = kData;\n")
file(RENAME "${OUT}.tmp" "${OUT}")
