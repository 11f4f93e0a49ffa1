#pragma once
// Serves the built site directory: index.html, workbench.js/.wasm, the font, build-info.json and
// the precompressed .br/.gz twins build_site.py writes next to each file.
//
// - Content negotiation: the .br twin, else .gz, else the file itself, by Accept-Encoding with
//   q-values; always `Vary: Accept-Encoding`.
// - Caching: a request with ?v=<hash> equal to the file's hash in build-info.json is immutable
//   for a year; anything else is `no-cache` with an ETag, and If-None-Match answers 304.
// - Safety: only plain relative paths inside the directory; no "..", no dot-files, no twins
//   requested directly.
#include <httplib.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "store/result.h"

namespace wb::server {

class StaticSite {
public:
    // Fails when `dir` is not a readable directory.
    static Result<std::unique_ptr<StaticSite>> open(const std::string& dir);

    void serve(const httplib::Request& req, httplib::Response& res);

    const std::filesystem::path& root() const { return root_; }

private:
    explicit StaticSite(std::filesystem::path root) : root_(std::move(root)) {}
    // The relative file a URL path names, or nullopt when the path is refused.
    std::optional<std::string> resolve(const std::string& url_path) const;
    // The file's hash from build-info.json (re-read when that file changes).
    std::optional<std::string> published_hash(const std::string& relative);

    std::filesystem::path root_;
    std::mutex build_info_mutex_;
    std::filesystem::file_time_type build_info_time_{};
    std::map<std::string, std::string> hashes_;
};

// True when an If-None-Match header value matches `etag` (weak comparison, lists and "*").
bool etag_matches(const std::string& if_none_match, const std::string& etag);

}  // namespace wb::server
