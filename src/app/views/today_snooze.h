#pragma once
// The snooze dialog of a Today item: until when (1 h, 3 h, tomorrow 9:00) and why (required by
// task.snooze). Enter confirms, Escape cancels; a refusal is shown and the reason kept.
#include "core/time_zone.h"

#include <string>

namespace wb::app {

// Asks for the dialog to open for `instance_id` on the next draw.
void open_snooze_dialog(const std::string& instance_id, const std::string& title);
// Draws it when open; submits task.snooze through the workspace.
void draw_snooze_dialog(const TimeZone& zone);

}  // namespace wb::app
