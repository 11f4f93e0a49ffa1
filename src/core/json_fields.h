#pragma once
// Reading and writing plain structs as JSON without exceptions (the wasm build has exception
// catching switched off). Each struct lists its fields once in `describe(F&, T&)`; the same list
// drives JsonWriter and JsonReader, so the two directions cannot drift.
//
//   template <class F> void describe(F& f, Student& s) {
//       f("id", s.id, Need::Required);
//       f("name", s.name);
//   }
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/enum_names.h"
#include "core/phrase.h"

namespace wb {

using Json = nlohmann::json;

enum class Need { Optional, Required };

template <class T, class = void>
struct is_described : std::false_type {};
struct JsonWriter;
template <class T>
struct is_described<T, std::void_t<decltype(describe(std::declval<JsonWriter&>(), std::declval<T&>()))>>
    : std::true_type {};

template <class T, class = void>
struct is_enum_named : std::false_type {};
template <class T>
struct is_enum_named<T, std::void_t<decltype(enum_names(T{}))>> : std::true_type {};

template <class T>
Json to_json_value(const T& value);
template <class T>
Json to_json_value(const std::vector<T>& values);
template <class T>
Json to_json_value(const std::optional<T>& value);
template <class T>
Json to_json_value(const std::map<std::string, T>& values);

// Collects an object's fields into `out`.
struct JsonWriter {
    Json out = Json::object();
    template <class T>
    void operator()(const char* key, const T& value, Need = Need::Optional)
    {
        out[key] = to_json_value(value);
    }
};

template <class T>
Json to_json_value(const T& value)
{
    if constexpr (is_enum_named<T>::value) {
        return to_string(value);
    } else if constexpr (is_described<T>::value) {
        JsonWriter w;
        describe(w, const_cast<T&>(value));
        return w.out;
    } else {
        return Json(value);
    }
}

template <class T>
Json to_json_value(const std::vector<T>& values)
{
    Json out = Json::array();
    for (const auto& v : values) out.push_back(to_json_value(v));
    return out;
}

template <class T>
Json to_json_value(const std::optional<T>& value)
{
    return value ? to_json_value(*value) : Json(nullptr);
}

template <class T>
Json to_json_value(const std::map<std::string, T>& values)
{
    Json out = Json::object();
    for (const auto& [k, v] : values) out[k] = to_json_value(v);
    return out;
}

// Reads an object's fields; the first problem wins: its JSON path and what is wrong as a Phrase
// ("schema.*" keys, translated for an admin), and as the English "<json path>: <what>" for the API.
class JsonReader {
public:
    JsonReader(const Json& object, std::string path) : object_(object), path_(std::move(path))
    {
        if (!object_.is_object()) fail(path_, "schema.expected_object");
    }

    template <class T>
    void operator()(const char* key, T& out, Need need = Need::Optional)
    {
        if (!ok()) return;
        seen_.push_back(key);
        auto it = object_.find(key);
        if (it == object_.end() || it->is_null()) {
            if (need == Need::Required) fail(path_ + "/" + key, "schema.required");
            return;
        }
        read(*it, path_ + "/" + key, out);
    }

    bool ok() const { return problem_.empty(); }
    const SchemaProblem& problem() const { return problem_; }
    std::string error() const { return ok() ? std::string() : schema_problem_text(problem_); }  // English
    void fail(const std::string& path, const char* key, std::map<std::string, std::string> values = {})
    {
        if (ok()) problem_ = {path.empty() ? "/" : path, {key, std::move(values)}};
    }

    template <class T>
    void read(const Json& j, const std::string& path, T& out)
    {
        if constexpr (std::is_same_v<T, bool>) {
            if (!j.is_boolean()) return fail(path, "schema.expected_bool");
            out = j.get<bool>();
        } else if constexpr (std::is_integral_v<T>) {
            if (!j.is_number_integer()) return fail(path, "schema.expected_integer");
            out = static_cast<T>(j.get<int64_t>());
        } else if constexpr (std::is_floating_point_v<T>) {
            if (!j.is_number()) return fail(path, "schema.expected_number");
            out = j.get<double>();
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (!j.is_string()) return fail(path, "schema.expected_string");
            out = j.get<std::string>();
        } else if constexpr (std::is_same_v<T, Json>) {
            out = j;
        } else if constexpr (is_enum_named<T>::value) {
            if (!j.is_string() || !from_string(j.get_ref<const std::string&>(), out))
                return fail(path, "schema.expected_one_of", {{"names", joined_names(T{})}});
        } else {
            JsonReader inner(j, path);
            if (inner.ok()) describe(inner, out);
            inner.check_unknown_keys();
            if (!inner.ok() && ok()) problem_ = inner.problem();
        }
    }

    template <class T>
    void read(const Json& j, const std::string& path, std::vector<T>& out)
    {
        if (!j.is_array()) return fail(path, "schema.expected_array");
        out.clear();
        for (size_t i = 0; i < j.size() && ok(); ++i) {
            T item{};
            read(j[i], path + "/" + std::to_string(i), item);
            out.push_back(std::move(item));
        }
    }

    template <class T>
    void read(const Json& j, const std::string& path, std::map<std::string, T>& out)
    {
        if (!j.is_object()) return fail(path, "schema.expected_object");
        out.clear();
        for (const auto& item : j.items()) {
            T value{};
            read(item.value(), path + "/" + item.key(), value);
            if (!ok()) return;
            out.emplace(item.key(), std::move(value));
        }
    }

    template <class T>
    void read(const Json& j, const std::string& path, std::optional<T>& out)
    {
        T value{};
        read(j, path, value);
        if (ok()) out = std::move(value);
    }

    // Fails on a key no field asked for (a typo such as "ofset" would otherwise be ignored).
    void check_unknown_keys()
    {
        if (!ok() || !object_.is_object()) return;
        for (const auto& item : object_.items()) {
            bool known = false;
            for (const char* k : seen_) known = known || item.key() == k;
            if (!known) return fail(path_ + "/" + item.key(), "schema.unknown_field");
        }
    }

private:
    const Json& object_;
    std::string path_;
    SchemaProblem problem_;
    std::vector<const char*> seen_;
};

// Convenience: reads a whole struct from `j`; returns the problem (empty() when none)...
template <class T>
SchemaProblem read_json_problem(const Json& j, T& out, const std::string& path = "")
{
    JsonReader r(j, path);
    if (r.ok()) describe(r, out);
    r.check_unknown_keys();
    return r.problem();
}

// ...or "" or its English text.
template <class T>
std::string read_json(const Json& j, T& out, const std::string& path = "")
{
    const SchemaProblem p = read_json_problem(j, out, path);
    return p.empty() ? std::string() : schema_problem_text(p);
}

}  // namespace wb
