#include "offline/local_store.h"

#include "js_reply.h"

namespace wb::app {

using nlohmann::json;

namespace {

json parse(const std::string& text) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return j.is_discarded() ? json() : j;
}

std::string string_field(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool bool_field(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

json& array_field(json& j, const char* key) {
    if (!j.contains(key)) j[key] = json::array();
    return j[key];
}

}  // namespace

StoreBatch& StoreBatch::put_meta(const std::string& key, nlohmann::json value) {
    json_["putMeta"][key] = std::move(value);
    return *this;
}
StoreBatch& StoreBatch::expect_meta(const std::string& key, nlohmann::json value) {
    json_["expectMeta"][key] = std::move(value);
    return *this;
}
StoreBatch& StoreBatch::clear_rows() { json_["clearRows"] = true; return *this; }
StoreBatch& StoreBatch::put_row(const std::string& key, std::string value) {
    array_field(json_, "putRows").push_back(nlohmann::json::array({key, std::move(value)}));
    return *this;
}
StoreBatch& StoreBatch::delete_row(const std::string& key) {
    array_field(json_, "deleteRows").push_back(key);
    return *this;
}
StoreBatch& StoreBatch::clear_pending() { json_["clearPending"] = true; return *this; }
StoreBatch& StoreBatch::put_pending(int64_t id, std::string value) {
    array_field(json_, "putPending").push_back(nlohmann::json::array({id, std::move(value)}));
    return *this;
}
StoreBatch& StoreBatch::delete_pending_through(int64_t id) {
    json_["deletePendingThrough"] = id;
    return *this;
}

void open_local_store(const std::string& name, std::function<void(StoreOpened)> done) {
    const int id = js::expect_answer([done = std::move(done)](int status, std::string text) {
        StoreOpened out;
        if (status != 1) { out.message = text; done(out); return; }
        const json j = parse(text);
        const std::string s = j.is_object() ? string_field(j, "status") : "";
        out.message = j.is_object() ? string_field(j, "message") : text;
        out.status = s == "ready" ? StoreOpened::Status::Ready
                   : s == "new"   ? StoreOpened::Status::New
                   : s == "wiped" ? StoreOpened::Status::Wiped
                                  : StoreOpened::Status::Unavailable;
        done(out);
    });
    wb_js_store_open(id, name.c_str());
}

void load_local_store(std::function<void(StoreContents)> done) {
    const int id = js::expect_answer([done = std::move(done)](int status, std::string text) {
        StoreContents out;
        if (status != 1) { out.error = text; done(std::move(out)); return; }
        json j = parse(text);
        if (!j.is_object()) { out.error = "the local store answered no object"; done(std::move(out)); return; }
        if (j.contains("meta") && j["meta"].is_object()) out.meta = std::move(j["meta"]);
        if (j.contains("rows") && j["rows"].is_array())
            for (auto& r : j["rows"])
                if (r.is_array() && r.size() == 2 && r[0].is_string() && r[1].is_string())
                    out.rows.emplace_back(r[0].get<std::string>(), r[1].get<std::string>());
        if (j.contains("pending") && j["pending"].is_array())
            for (auto& p : j["pending"])
                if (p.is_array() && p.size() == 2 && p[0].is_number_integer() && p[1].is_string())
                    out.pending.emplace_back(p[0].get<int64_t>(), p[1].get<std::string>());
        done(std::move(out));
    });
    wb_js_store_load(id);
}

namespace { uint64_t commits_begun = 0; }

uint64_t local_store_commits_begun() { return commits_begun; }

void commit_local_store(const StoreBatch& batch, std::function<void(StoreCommitted)> done, bool redraw) {
    ++commits_begun;
    const int id = js::expect_answer([done = std::move(done)](int status, std::string text) {
        StoreCommitted out;
        if (status != 1) { out.kind = "error"; out.message = text; done(out); return; }
        const json j = parse(text);
        out.ok = j.is_object() && bool_field(j, "ok");
        if (!out.ok) {
            out.kind = j.is_object() ? string_field(j, "kind") : "error";
            out.message = j.is_object() ? string_field(j, "message") : text;
        }
        done(out);
    }, redraw);
    const std::string text = batch.json().dump();
    wb_js_store_commit(id, text.c_str());
}

void estimate_local_store(std::function<void(StoreEstimate)> done) {
    const int id = js::expect_answer([done = std::move(done)](int status, std::string text) {
        StoreEstimate out;
        const json j = status == 1 ? parse(text) : json();
        if (j.is_object() && j.contains("usage") && j["usage"].is_number() && j.contains("quota") && j["quota"].is_number()) {
            out.known = true;
            out.usage = j["usage"].get<double>();
            out.quota = j["quota"].get<double>();
            out.persisted = bool_field(j, "persisted");
        }
        done(out);
    });
    wb_js_store_estimate(id);
}

void persist_local_store(std::function<void(bool)> done) {
    const int id = js::expect_answer([done = std::move(done)](int status, std::string text) {
        done(status == 1 && text == "true");
    });
    wb_js_store_persist(id);
}

}  // namespace wb::app
