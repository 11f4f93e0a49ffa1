#pragma once
// A sync service over an in-memory store, seeded with the sync fixture, and the client-side
// steps the sync tests repeat: pull until done, push a batch, apply as the system.
#include <doctest/doctest.h>

#include <optional>

#include "sync/client_replica.h"
#include "sync/memory_sync_store.h"
#include "sync/sync_service.h"
#include "sync_fixture.h"

namespace wb::test {

struct SyncWorld {
    sync::MemorySyncStore store{"epoch-1"};
    std::optional<sync::SyncService> server;
    SyncWorld()
    {
        std::string err;
        server = sync::SyncService::open(store, err);
        REQUIRE(server);
        REQUIRE(server->apply_as_system(sync_fixture_mutations(), "seed").response);
    }
    void pull_all(sync::ClientReplica& c, const std::string& user)
    {
        for (int i = 0; i < 100; ++i) {
            auto r = server->pull(c.next_pull(1000), user);
            REQUIRE_MESSAGE(r.response, r.error.message);
            c.on_pull(*r.response);
            if (!r.response->more) return;
        }
    }
    sync::PushResponse push(sync::ClientReplica& c, const std::string& user)
    {
        auto r = server->push(c.next_push(100), user);
        REQUIRE_MESSAGE(r.response, r.error.message);
        c.on_push(*r.response);
        return *r.response;
    }
    void system(const Mutation& m, const std::string& client)
    {
        auto r = server->apply_as_system({m}, client);
        REQUIRE_MESSAGE(r.response, r.error.message);
        REQUIRE(r.response->results.size() == 1);
        REQUIRE_MESSAGE(r.response->results[0].ok, m.name << ": " << r.response->results[0].error.message);
    }
};

}  // namespace wb::test
