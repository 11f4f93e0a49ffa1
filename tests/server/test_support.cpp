#include "test_support.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>

#include "server/content_coding.h"

namespace wb::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "wb-server-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    REQUIRE(out.good());
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

namespace {
std::string pseudo_random_bytes(size_t size, unsigned seed) {
    std::mt19937 gen(seed);
    std::string out(size, '\0');
    for (auto& c : out) c = static_cast<char>(gen() & 0xff);
    return out;
}

std::string fnv_hash(const std::string& data) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
    char buf[17];
    snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}
}  // namespace

std::map<std::string, SiteFile> sample_site_files() {
    std::string js;
    for (int i = 0; i < 400; ++i) js += "function f" + std::to_string(i) + "() { return '工作台 " + std::to_string(i) + "'; }\n";
    // A wasm-like file: the magic number, then compressible structure and some noise.
    std::string wasm = std::string("\0asm\1\0\0\0", 8);
    for (int i = 0; i < 2000; ++i) wasm += std::string("\x20\x00\x41\x01\x6a\x0b", 6);
    wasm += pseudo_random_bytes(3000, 7);
    std::map<std::string, SiteFile> files;
    files["index.html"] = {"<!doctype html><html lang=\"zh-CN\"><title>工作台</title><body>" +
                           std::string(2000, ' ') + "</body></html>\n"};
    files["workbench.js"] = {js};
    files["workbench.wasm"] = {wasm};
    files["wb-cjk.ttf"] = {pseudo_random_bytes(5000, 3) + std::string(5000, 'A')};
    files["manifest.webmanifest"] = {"{\"name\":\"工作台\"}", true, true};
    files["style.css"] = {"body { margin: 0; }\n", false, true};   // only a .gz twin
    files["logo.png"] = {"\x89PNG\r\n\x1a\n" + pseudo_random_bytes(300, 5), false, false};
    files["icons/app.svg"] = {"<svg xmlns=\"http://www.w3.org/2000/svg\"/>", true, true};
    return files;
}

std::map<std::string, std::string> write_site(const fs::path& dir,
                                              const std::map<std::string, SiteFile>& files) {
    nlohmann::json info = {{"files", nlohmann::json::object()}};
    std::map<std::string, std::string> hashes;
    for (const auto& [name, file] : files) {
        write_file(dir / name, file.content);
        std::string hash = fnv_hash(file.content);
        hashes[name] = hash;
        nlohmann::json entry = {{"size", file.content.size()}, {"hash", hash}};
        if (file.brotli_twin) {
            auto br = server::brotli_compress(file.content);
            write_file(dir / (name + ".br"), br);
            entry["br"] = br.size();
        }
        if (file.gzip_twin) {
            auto gz = server::gzip_compress(file.content);
            write_file(dir / (name + ".gz"), gz);
            entry["gz"] = gz.size();
        }
        info["files"][name] = entry;
    }
    write_file(dir / "build-info.json", info.dump(1));
    return hashes;
}

server::ServerOptions test_options(const std::string& site_dir, const std::string& data_dir) {
    server::ServerOptions options;
    options.port = 0;
    options.site_dir = site_dir;
    options.data_dir = data_dir;
    options.password_cost = server::PasswordCost::Minimal;
    options.demo_students_per_tutor = kTestStudentsPerTutor;
    options.automation = false;  // tests that want the scheduler and delivery running turn it on
    return options;
}

RunningServer::RunningServer(const std::function<void(server::ServerOptions&)>& adjust) {
    hashes = write_site(site.path(), sample_site_files());
    auto options = test_options(site.str(), (data.path() / "data").string());
    if (adjust) adjust(options);
    auto started = server::WorkbenchServer::start(options);
    REQUIRE_MESSAGE(started.ok(), (started.ok() ? "" : started.message()));
    server = std::move(started).value();
}

httplib::Client RunningServer::client() const {
    httplib::Client cli("127.0.0.1", server->port());
    cli.set_decompress(false);
    cli.set_connection_timeout(5);
    cli.set_read_timeout(10);
    return cli;
}

}  // namespace wb::test
