#pragma once
// The settings view's account, storage and sync sections.
namespace wb::app {

void draw_account_settings();
void draw_storage_settings();
void draw_sync_settings();

}  // namespace wb::app
