#pragma once
// The template editor's working state [模板] (admin): the template being edited as JSON, the
// fields of the chosen node of the SOP tree as text, and the validator's verdict after every
// keystroke (core/template_edit.h, core/sop_template.h). A field whose text is not of its kind
// (a number field with "abc") keeps the text, shows why, and blocks saving; nothing typed is lost.
// Saving submits the template.set mutations of a new version; they sync to every tutor.
#include <string>
#include <vector>

#include "core/template_edit.h"
#include "views/lesson_actions.h"

namespace wb::app::template_editor {

struct Field {
    std::string path;     // absolute JSON path in the template
    std::string label;    // relative to the node: "title/zh-CN", "trigger/due/hours"
    std::string text;     // what the admin typed
    char kind = 's';      // 's' string, 'n' number, 'b' bool
    std::string error;    // translated, "" when the text is of its kind
};

struct Editor {
    std::string id;                     // the template being edited
    Json working;                       // the edited copy
    bool dirty = false;
    uint64_t loaded_at_version = 0;     // data version the copy was read at
    std::string selected;               // JSON path of the chosen node ("" = template root)
    std::vector<TemplateTreeRow> tree;
    std::vector<Field> fields;          // of the chosen node
    bool valid = true;
    TemplateProblem problem;            // when not valid
    char note[160] = {};
    LessonActionResult last;
};

Editor& editor();

// Opens template `id` for editing (drops unsaved edits of another one).
void open(std::string id);
// Keeps the copy current: the first time, and after someone else's save when nothing is edited.
void refresh();
// Chooses the node at `path` and loads its fields.
void select(const std::string& path);
// The admin typed into field `i`: convert, apply to the copy, validate again.
void edit_field(size_t i, const std::string& text);
// Fields whose text is not of their kind.
int field_errors();

// Saves the copy as the next version (template.set mutations); refuses while invalid.
LessonActionResult save();
// Saves version `version` again as the newest.
LessonActionResult rollback(int version);
// Makes `id` the template the organisation runs (org.configure).
LessonActionResult activate(const std::string& id);

}  // namespace wb::app::template_editor
