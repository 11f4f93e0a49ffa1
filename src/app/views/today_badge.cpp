#include "views/today_badge.h"

#include "views/today_model.h"

namespace wb::app {

int badge_count(ViewId view) {
    if (view != ViewId::Today) return 0;
    const TodayModel& model = today_model(today_selected_tutor());
    return model.ready ? model.all.open : 0;
}

}  // namespace wb::app
