#pragma once
// Content codings: choosing one from a request's Accept-Encoding (RFC 9110 §12.5.3, q-values
// respected), and gzip / brotli compression and decompression with zlib and libbrotli.
#include <optional>
#include <string>
#include <string_view>

namespace wb::server {

enum class ContentCoding { Identity, Gzip, Brotli };

const char* coding_token(ContentCoding coding);  // "identity", "gzip", "br"

struct AvailableCodings {
    bool brotli = false;
    bool gzip = false;
};

// The coding to send. Among acceptable codings the highest q wins; ties prefer br, then gzip,
// then identity. Identity is chosen when nothing else is acceptable (RFC 9110 allows it).
ContentCoding choose_coding(std::string_view accept_encoding, AvailableCodings available);

std::string gzip_compress(std::string_view data);
std::string brotli_compress(std::string_view data);
// nullopt when the input is not valid compressed data.
std::optional<std::string> gzip_decompress(std::string_view data);
std::optional<std::string> brotli_decompress(std::string_view data);

}  // namespace wb::server
