#include "server/content_coding.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

namespace wb::server {

const char* coding_token(ContentCoding coding) {
    switch (coding) {
        case ContentCoding::Gzip: return "gzip";
        case ContentCoding::Brotli: return "br";
        case ContentCoding::Identity: break;
    }
    return "identity";
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "gzip;q=0.5" -> {"gzip", 0.5}. A malformed q counts as 0 (not acceptable).
std::pair<std::string, double> parse_element(std::string_view element) {
    auto semi = element.find(';');
    std::string name = lower(trim(element.substr(0, semi)));
    double q = 1.0;
    while (semi != std::string_view::npos) {
        element.remove_prefix(semi + 1);
        semi = element.find(';');
        auto param = trim(element.substr(0, semi));
        if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
            std::string value(param.substr(2));
            char* end = nullptr;
            q = std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end != '\0' || q < 0 || q > 1) q = 0;
        }
    }
    return {name, q};
}

}  // namespace

ContentCoding choose_coding(std::string_view header, AvailableCodings available) {
    std::map<std::string, double> q_of;
    while (!header.empty()) {
        auto comma = header.find(',');
        auto element = trim(header.substr(0, comma));
        if (!element.empty()) {
            auto [name, q] = parse_element(element);
            q_of[name] = q;
        }
        if (comma == std::string_view::npos) break;
        header.remove_prefix(comma + 1);
    }
    auto q_for = [&](const std::string& name, double otherwise) {
        if (auto it = q_of.find(name); it != q_of.end()) return it->second;
        if (auto star = q_of.find("*"); star != q_of.end()) return star->second;
        return otherwise;
    };
    // Without the header anything goes, but only identity is safe for old clients.
    double br = available.brotli ? q_for("br", 0) : 0;
    double gz = available.gzip ? std::max(q_for("gzip", 0), q_for("x-gzip", 0)) : 0;
    // Identity is acceptable unless refused explicitly, but when the client does not name it,
    // any coding it does name is preferred.
    double id = q_for("identity", 0.001);
    if (br > 0 && br >= gz && br >= id) return ContentCoding::Brotli;
    if (gz > 0 && gz >= id) return ContentCoding::Gzip;
    return ContentCoding::Identity;
}

std::string gzip_compress(std::string_view data) {
    z_stream zs{};
    // windowBits 15 + 16: a gzip wrapper rather than raw zlib.
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, data.size()), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string brotli_compress(std::string_view data) {
    size_t size = BrotliEncoderMaxCompressedSize(data.size());
    if (size == 0) size = data.size() + 1024;
    std::string out(size, '\0');
    // Quality 5: a good ratio at on-the-fly speed (the site's twins use 11 at build time).
    BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                          reinterpret_cast<const uint8_t*>(data.data()), &size,
                          reinterpret_cast<uint8_t*>(out.data()));
    out.resize(size);
    return out;
}

std::optional<std::string> gzip_decompress(std::string_view data) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) return std::nullopt;  // +32: gzip or zlib header
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - zs.avail_out);
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) return std::nullopt;
    return out;
}

std::optional<std::string> brotli_decompress(std::string_view data) {
    BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    size_t available_in = data.size();
    const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
    std::string out;
    uint8_t buffer[16384];
    BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        size_t available_out = sizeof buffer;
        uint8_t* next_out = buffer;
        rc = BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out,
                                           &next_out, nullptr);
        out.append(reinterpret_cast<char*>(buffer), sizeof buffer - available_out);
    }
    BrotliDecoderDestroyInstance(state);
    if (rc != BROTLI_DECODER_RESULT_SUCCESS) return std::nullopt;
    return out;
}

}  // namespace wb::server
