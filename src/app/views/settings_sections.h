#pragma once
// The settings view's sections: account, storage, sync, time zone, channels.
#include <imgui.h>

#include <string>

namespace wb::app {

void draw_account_settings();
void draw_storage_settings();
void draw_sync_settings();
void draw_time_zone_settings();   // settings_time_zone.cpp
void draw_channel_settings();     // settings_channels.cpp

// A section heading and a wrapped line of text in the settings' style (color 0: normal text).
void settings_heading(const char* key);
void settings_line(const std::string& text, ImU32 color = 0);

}  // namespace wb::app
