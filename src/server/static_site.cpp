#include "server/static_site.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "server/content_coding.h"
#include "server/http_responses.h"
#include "server/mime_types.h"

namespace wb::server {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool is_regular(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool ends_with(const std::string& s, const char* suffix) {
    std::string t(suffix);
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

// An ETag for files missing from build-info.json: size and modification time.
std::string fallback_tag(const fs::path& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    auto time = fs::last_write_time(path, ec).time_since_epoch().count();
    std::ostringstream out;
    out << std::hex << size << '-' << time;
    return out.str();
}

}  // namespace

Result<std::unique_ptr<StaticSite>> StaticSite::open(const std::string& dir) {
    std::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    if (ec || !fs::is_directory(root, ec)) {
        return fail("site directory '" + dir +
                    "' does not exist: build the web app first (cmake --preset web && "
                    "cmake --build build/web) or pass --site DIR");
    }
    return std::unique_ptr<StaticSite>(new StaticSite(root));
}

std::optional<std::string> StaticSite::resolve(const std::string& url_path) const {
    if (url_path.empty() || url_path[0] != '/') return std::nullopt;
    if (url_path == "/") return std::string("index.html");
    std::string relative = url_path.substr(1);
    if (relative.find('\0') != std::string::npos || relative.find('\\') != std::string::npos) {
        return std::nullopt;
    }
    // Every segment must be a plain name: no empty segment ("//etc"), no ".", "..", dot-files.
    size_t start = 0;
    while (start <= relative.size()) {
        size_t slash = relative.find('/', start);
        std::string segment = relative.substr(start, slash == std::string::npos ? std::string::npos
                                                                                : slash - start);
        if (segment.empty() || segment[0] == '.') return std::nullopt;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    // Twins are chosen by negotiation, never named in a URL.
    if (ends_with(relative, ".br") || ends_with(relative, ".gz")) return std::nullopt;
    // Defence in depth: the resolved file must stay inside the root (symlinks included).
    std::error_code ec;
    fs::path full = fs::weakly_canonical(root_ / relative, ec);
    if (ec) return std::nullopt;
    auto root_text = root_.string() + "/";
    if (full.string().rfind(root_text, 0) != 0) return std::nullopt;
    return relative;
}

std::optional<std::string> StaticSite::published_hash(const std::string& relative) {
    fs::path info_path = root_ / "build-info.json";
    std::error_code ec;
    auto time = fs::last_write_time(info_path, ec);
    std::lock_guard<std::mutex> lock(build_info_mutex_);
    if (ec) {
        hashes_.clear();
        return std::nullopt;
    }
    if (time != build_info_time_) {
        hashes_.clear();
        build_info_time_ = time;
        if (auto text = read_file(info_path)) {
            auto info = nlohmann::json::parse(*text, nullptr, false);
            if (info.is_object() && info.contains("files") && info["files"].is_object()) {
                for (auto& [name, entry] : info["files"].items()) {
                    if (entry.is_object() && entry.contains("hash") && entry["hash"].is_string()) {
                        hashes_[name] = entry["hash"].get<std::string>();
                    }
                }
            }
        }
    }
    auto it = hashes_.find(relative);
    if (it == hashes_.end()) return std::nullopt;
    return it->second;
}

void StaticSite::serve(const httplib::Request& req, httplib::Response& res) {
    auto relative = resolve(req.path);
    if (!relative) {
        send_error(req, res, 400, "bad_path", "the path '" + req.path + "' is not allowed");
        return;
    }
    fs::path file = root_ / *relative;
    if (!is_regular(file)) {
        send_error(req, res, 404, "not_found", "no file " + req.path);
        return;
    }
    AvailableCodings available{is_regular(file.string() + ".br"), is_regular(file.string() + ".gz")};
    ContentCoding coding = choose_coding(req.get_header_value("Accept-Encoding"), available);

    auto hash = published_hash(*relative);
    bool versioned = hash && req.has_param("v") && req.get_param_value("v") == *hash;
    // Each coding is a different representation, so it gets its own strong ETag.
    std::string etag = "\"" + (hash ? *hash : fallback_tag(file));
    if (coding != ContentCoding::Identity) etag += std::string("-") + coding_token(coding);
    etag += "\"";

    res.set_header("Vary", "Accept-Encoding");
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");

    if (req.has_header("If-None-Match") && etag_matches(req.get_header_value("If-None-Match"), etag)) {
        res.status = 304;
        return;
    }
    fs::path source = file;
    if (coding == ContentCoding::Brotli) source += ".br";
    if (coding == ContentCoding::Gzip) source += ".gz";
    auto body = read_file(source);
    if (!body) {
        send_error(req, res, 500, "internal", "cannot read " + req.path);
        return;
    }
    if (coding != ContentCoding::Identity) res.set_header("Content-Encoding", coding_token(coding));
    res.status = 200;
    send_bytes(res, std::move(*body), mime_type_for(*relative));
}

bool etag_matches(const std::string& if_none_match, const std::string& etag) {
    auto strip_weak = [](std::string tag) {
        if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
        return tag;
    };
    std::string want = strip_weak(etag);
    std::istringstream list(if_none_match);
    std::string item;
    while (std::getline(list, item, ',')) {
        auto first = item.find_first_not_of(" \t");
        auto last = item.find_last_not_of(" \t");
        if (first == std::string::npos) continue;
        item = item.substr(first, last - first + 1);
        if (item == "*" || strip_weak(item) == want) return true;
    }
    return false;
}

}  // namespace wb::server
