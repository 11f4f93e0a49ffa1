#include "relative_time.h"

#include "js_reply.h"
#include "ui_text.h"

namespace wb::app {

std::string relative_time(std::int64_t utc_ms) {
    const double minutes = (js::now_utc_ms() - static_cast<double>(utc_ms)) / 60000.0;
    const Translator& t = Translator::builtin();
    const Language lang = ui::language();
    if (minutes < 1) return ui::tr("time.just_now");
    if (minutes < 60) return t.format(lang, "time.minutes_ago", {{"count", std::to_string(static_cast<int>(minutes))}});
    if (minutes < 60 * 24) return t.format(lang, "time.hours_ago", {{"count", std::to_string(static_cast<int>(minutes / 60))}});
    return t.format(lang, "time.days_ago", {{"count", std::to_string(static_cast<int>(minutes / 1440))}});
}

}  // namespace wb::app
