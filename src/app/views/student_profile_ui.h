#pragma once
// The profile's parts (one file each) and the few drawing helpers they share.
#include "views/student_profile_data.h"

#include <imgui.h>

#include <map>
#include <string>

namespace wb::app {

// student_profile.cpp: name, class, parent and phone, risk with reasons; the tabs.
void draw_profile_header(const ProfileData& d);
// student_profile_facts.cpp: contact and enrolment cards; the student's tasks.
void draw_profile_facts(const ProfileData& d);
void draw_profile_tasks(const ProfileData& d);
// Copies the parent's phone to the clipboard and says so.
void copy_parent_phone(const std::string& phone);
// student_profile_timeline.cpp
void draw_profile_timeline(const ProfileData& d);
// student_profile_note.cpp
void draw_profile_note_editor(const ProfileData& d);
// student_profile_actions.cpp: the buttons under the header and the dialogs they open.
void draw_profile_quick_actions(const ProfileData& d);
void draw_profile_dialogs(const ProfileData& d);
// The timeline's actions on an outbox message (student_profile_actions.cpp): message.cancel, and
// the dialog in which a parent answers a message sent through a simulated channel.
void cancel_outbox_message(const std::string& message_id);
void open_simulated_reply(const std::string& message_id, const std::string& channel);

namespace profile_ui_parts {

// Translated text with values in the current language.
// A small grey heading above a section, recorded for tests.
void heading(const char* key);
// Text in `color` (0 = primary), wrapped at the region's width, recorded as drawn.
void text(const std::string& s, ImU32 color = 0);
// A rounded pill with a soft background and coloured text; advances the cursor on the line.
void pill(const std::string& label, ImU32 color);
// A card: rounded, bordered and padded around what is drawn between begin and end (`width`
// 0 = the region's width). Cards do not nest.
void begin_card(float width = 0.0f);
void end_card();
// The id of the user recording something, when the data knows them ("" otherwise).
std::string actor_id();

}  // namespace profile_ui_parts
}  // namespace wb::app
