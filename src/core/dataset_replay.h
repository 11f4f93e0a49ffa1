#pragma once
// A dataset as the mutations that build it, so an imported dataset passes the same validation
// as live changes (the single write path) and can seed a server or a browser store.
#include <vector>

#include "core/mutation.h"

namespace wb {

std::vector<Mutation> dataset_mutations(const State& state);

struct DatasetImport {
    State state;
    std::string error;  // "/students/3: ..." (reading) or "mutation 17 (event.record ev9): ..." (validation)
};
// Reads dataset JSON, replays it through `apply` into a fresh State and reports the first problem.
DatasetImport import_dataset(const Json& j);

}  // namespace wb
