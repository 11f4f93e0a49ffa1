#include "core/csv.h"

namespace wb {
namespace {

bool needs_quotes(const std::string& field)
{
    return field.find_first_of(",\"\r\n") != std::string::npos || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
}

}  // namespace

CsvTable parse_csv(std::string_view text)
{
    CsvTable out;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    CsvRow row;
    std::string field;
    bool quoted = false, field_started = false;
    int line = 1, quote_line = 0;
    auto end_field = [&] { row.push_back(std::move(field)); field.clear(); field_started = false; };
    auto end_row = [&] { end_field(); out.rows.push_back(std::move(row)); row.clear(); };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') {
                quoted = false;
                if (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '\r' && text[i + 1] != '\n') {
                    out.error = "line " + std::to_string(line) + ": text after a closing quote";
                    return out;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == '"' && !field_started) { quoted = true; field_started = true; quote_line = line; }
        else if (c == '"') { out.error = "line " + std::to_string(line) + ": a quote inside an unquoted field"; return out; }
        else if (c == ',') end_field();
        else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') { end_row(); ++i; ++line; }
        else if (c == '\n') { end_row(); ++line; }
        else { field += c; field_started = true; }
    }
    if (quoted) {
        out.error = "line " + std::to_string(quote_line) + ": a quoted field is never closed";
        return out;
    }
    if (field_started || !row.empty()) end_row();
    return out;
}

std::string write_csv(const std::vector<CsvRow>& rows)
{
    std::string out;
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            if (!needs_quotes(row[i])) { out += row[i]; continue; }
            out += '"';
            for (char c : row[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace wb
