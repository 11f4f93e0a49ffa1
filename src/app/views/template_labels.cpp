#include "views/template_labels.h"

#include "i18n/translator.h"
#include "ui_text.h"

namespace wb::app::template_labels {
namespace {

constexpr const char* kSeparator = " › ";

bool is_index(const std::string& s) {
    if (s.empty() || s.size() > 6) return false;
    for (char c : s) if (c < '0' || c > '9') return false;
    return true;
}

const char* kind_key(TemplateNodeKind kind) {
    switch (kind) {
    case TemplateNodeKind::Goal: return "templates.kind.goal";
    case TemplateNodeKind::Task: return "templates.kind.task";
    case TemplateNodeKind::SubTask: return "templates.kind.subtask";
    case TemplateNodeKind::Behaviour: return "templates.kind.behaviour";
    case TemplateNodeKind::Message: return "templates.kind.message";
    case TemplateNodeKind::Template: break;
    }
    return nullptr;
}

std::string node_name(TemplateNodeKind kind, const std::string& path, const std::vector<TemplateTreeRow>& tree) {
    const char* key = kind_key(kind);
    if (!key) return "";
    std::string out = ui::tr(key);
    for (const TemplateTreeRow& r : tree)
        if (r.path == path && !r.id.empty()) out += " " + r.id;
    return out;
}

}  // namespace

std::string field_title(const std::string& relative) {
    std::string out;
    size_t start = 0;
    while (start <= relative.size()) {
        size_t end = relative.find('/', start);
        if (end == std::string::npos) end = relative.size();
        const std::string key = relative.substr(start, end - start);
        start = end + 1;
        if (key.empty()) continue;
        if (is_index(key)) {   // "metrics/0" reads "指标 1"
            out += " " + std::to_string(std::stoi(key) + 1);
            continue;
        }
        const std::string table_key = "templates.key." + key;
        if (!out.empty()) out += kSeparator;
        out += Translator::builtin().has(ui::language(), table_key) ? ui::tr(table_key) : key;
    }
    return out;
}

std::string node_title(const std::string& path, const std::vector<TemplateTreeRow>& tree) {
    if (path.empty()) return ui::tr("templates.root");
    const std::string name = node_name(locate_template_path(path).kind, path, tree);
    return name.empty() ? path : name;
}

std::string problem_where(const TemplateProblem& problem, const std::vector<TemplateTreeRow>& tree) {
    if (problem.path.empty() || problem.path == "/") return ui::tr("templates.where.whole");
    const std::string node = node_name(problem.where.kind, problem.where.node, tree);
    const std::string field = field_title(problem.where.field);
    if (node.empty()) return field;
    return field.empty() ? node : node + kSeparator + field;
}

std::string problem_what(const TemplateProblem& problem) {
    return ui::format(problem.what.key.c_str(), problem.what.values);
}

}  // namespace wb::app::template_labels
