#pragma once
// Shared pieces of the server tests: temporary directories, a fabricated site with real .br/.gz
// twins and build-info.json, and a server started on a free port.
#include <httplib.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "server/server.h"

namespace wb::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string str() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

struct SiteFile {
    std::string content;
    bool brotli_twin = true;
    bool gzip_twin = true;
};

// The fabricated site: name -> file. Twins are compressed with zlib / brotli for real.
std::map<std::string, SiteFile> sample_site_files();
// Writes the files, their twins and build-info.json; returns each file's published hash.
std::map<std::string, std::string> write_site(const std::filesystem::path& dir,
                                              const std::map<std::string, SiteFile>& files);

// Students per tutor in test servers' demo organisation: small, so each server seeds in well under
// a second (the default 250 takes seconds; one startup test still seeds the full default).
inline constexpr int kTestStudentsPerTutor = 20;
inline constexpr int kTestDemoStudents = 4 * kTestStudentsPerTutor;  // the demo has four tutors

// Options for a test server: free port, cheap password hashing, a small demo organisation.
server::ServerOptions test_options(const std::string& site_dir, const std::string& data_dir);

void write_file(const std::filesystem::path& path, const std::string& content);
std::string read_file(const std::filesystem::path& path);

// A server on a free port over a fresh site and data directory.
struct RunningServer {
    TempDir site;
    TempDir data;
    std::map<std::string, std::string> hashes;
    std::unique_ptr<server::WorkbenchServer> server;

    // `adjust` may change the options before the start (e.g. a short session lifetime).
    explicit RunningServer(const std::function<void(server::ServerOptions&)>& adjust = {});
    httplib::Client client() const;  // no automatic decompression: tests see the wire bytes
};

}  // namespace wb::test
