#pragma once
// What the template editor calls things, in the admin's language: a field by its keys
// ("metrics/0/target/value" -> "指标 1 › 目标 › 数值"), where a validator problem is (the node of
// the SOP tree, then the field) and what it is.
#include <string>
#include <vector>

#include "core/template_edit.h"

namespace wb::app::template_labels {

// `relative`: the field's keys below its node, '/'-separated. Each key goes through the
// translation table ("templates.key.<key>"), an index reads as its place in the list (from 1); a
// key the table does not know (a message key, a segment name) stays as written.
std::string field_title(const std::string& relative);
// "子任务 icebreak › 指标 1 › 目标 › 数值"; "整个模板" for the document itself.
std::string problem_where(const TemplateProblem& problem, const std::vector<TemplateTreeRow>& tree);
std::string problem_what(const TemplateProblem& problem);
// The chosen node's heading: "任务 home_visit"; "模板" for the root.
std::string node_title(const std::string& path, const std::vector<TemplateTreeRow>& tree);

}  // namespace wb::app::template_labels
