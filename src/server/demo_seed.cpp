#include "server/demo_seed.h"

namespace wb::server {

Result<DemoSeed> seed_demo_if_empty(store::Store& store) {
    auto existing = store.organisations();
    if (!existing) return existing.error();
    DemoSeed seed;
    if (!existing.value().empty()) {
        seed.organisation = existing.value().front();
        return seed;
    }
    auto created = store.create_organisation(kDemoOrganisationName, kDemoTimeZone);
    if (!created) return fail("cannot seed the demo organisation: " + created.message());
    seed.seeded_now = true;
    seed.organisation = created.value();
    return seed;
}

}  // namespace wb::server
