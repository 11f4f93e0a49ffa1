#pragma once
// A small RFC 4180 CSV reader and writer over strings (no I/O). Written here rather than taken
// from Debian: libfccp-dev (Fast C++ CSV Parser) only reads, reads from files and reports errors
// by exceptions, which the wasm build cannot catch; libcsv-dev is a compiled C library that
// Emscripten cannot link. Quoted fields may hold commas, quotes ("") and line breaks; CRLF and
// LF line ends are both accepted; a UTF-8 byte-order mark is skipped.
#include <string>
#include <string_view>
#include <vector>

namespace wb {

using CsvRow = std::vector<std::string>;

struct CsvTable {
    std::vector<CsvRow> rows;
    std::string error;  // "line 3: ..." when the text is not valid CSV
};

CsvTable parse_csv(std::string_view text);
// Quotes a field only when it needs it; lines end with CRLF as RFC 4180 says.
std::string write_csv(const std::vector<CsvRow>& rows);

}  // namespace wb
