#pragma once
// An organisation's sync service on a test store, seeded with a small demo organisation.
#include <memory>

#include "core/model.h"
#include "server/organisation_sync.h"
#include "store/store.h"

namespace wb::test {

std::unique_ptr<server::OrganisationSync> seeded_organisation(store::Store& store, int students_per_tutor,
                                                              int lessons, TimeMs now);

}  // namespace wb::test
