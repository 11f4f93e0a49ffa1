#include "seeded_organisation.h"

#include <doctest/doctest.h>

#include "core/demo.h"

namespace wb::test {

std::unique_ptr<server::OrganisationSync> seeded_organisation(store::Store& store, int students_per_tutor,
                                                              int lessons, TimeMs now)
{
    DemoOptions options;
    options.students_per_tutor = students_per_tutor;
    options.lessons = lessons;
    options.now = now;
    DemoDataset demo = generate_demo(options);
    REQUIRE(demo.error.empty());
    auto sync = server::OrganisationSync::open(store);
    REQUIRE(sync.ok());
    REQUIRE(sync.value()->apply_as_system(demo.mutations, "seed").response);
    return std::move(sync).value();
}

}  // namespace wb::test
