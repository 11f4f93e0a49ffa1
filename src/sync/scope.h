#pragma once
// Who sees and writes which rows. A tutor sees their own classes, the students enrolled in them
// and everything recorded about those students; a manager sees their team's; an admin sees the
// whole organisation. Rows every member needs (the organisation, users, courses, lessons, SOP
// templates) are shared: everyone reads them, only an admin writes them.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/state.h"
#include "sync/rows.h"

namespace wb::sync {

inline constexpr const char* kSharedOwner = "";      // rows every member of the organisation reads
inline constexpr const char* kUnassignedOwner = "-"; // rows no tutor owns yet (admin only)

struct Scope {
    std::string user_id;
    bool whole_organisation = false;  // admin
    std::set<std::string> tutors;     // the tutors whose rows this user reads and writes
    bool known = false;               // false: the user does not exist in the organisation
    bool server = false;              // the server's own workers (apply_as_system), not a device

    bool reads(const std::string& owner) const;
    bool writes(const std::string& owner) const;
};

Scope scope_for(const State& state, const std::string& user_id);

// What RowOwners::update replaced, so the owners as they were before that update can still be
// asked (a mutation may change a row only when it is the user's before and after). "" = none.
struct OwnersBefore {
    std::map<std::string, std::string> class_tutor;    // class id -> its tutor before
    std::map<std::string, std::string> student_tutor;  // student id -> their tutor before
    std::map<std::string, bool> tutor;                 // user id -> whether they were a tutor
};

// Resolves the owner (a tutor id, kSharedOwner or kUnassignedOwner) of rows. It keeps its own
// copy of who teaches what, and an index of each student's enrolments, events and outbox messages
// (so they follow a student who moves to another tutor); update() keeps
// both current per mutation, so a mutation costs what it touches, not the size of the state.
// Owners of students come from their enrolments.
class RowOwners {
public:
    explicit RowOwners(const State& state);
    // Brings the owners up to date after the rows `changed` changed in `state` (any kind: only
    // classes, users, enrolments, events and messages matter); records what it replaced in `before`.
    void update(const State& state, const std::vector<RowKey>& changed, OwnersBefore* before = nullptr);

    // With `before`, the answer as of before the update that filled it.
    std::string owner(const RowKey& key, const Json& body, const OwnersBefore* before = nullptr) const;
    std::string tutor_of_student(const std::string& student_id, const OwnersBefore* before = nullptr) const;
    // The enrolments, events and messages about a student: enrolments first, events in recorded
    // order, then messages by id.
    std::vector<RowKey> rows_of_student(const State& state, const std::string& student_id) const;
    std::vector<std::string> enrolments_of_student(const std::string& student_id) const;

private:
    std::map<std::string, std::string> class_tutor_;
    std::map<std::string, std::string> student_tutor_;
    std::set<std::string> tutors_;
    std::map<std::string, std::set<RowKey>> student_rows_;  // student -> enrolment, event, message keys
    std::map<RowKey, std::string> row_student_;             // enrolment, event or message key -> student

    std::string tutor_of_class(const std::string& class_id, const OwnersBefore* before) const;
    std::string tutor_of_user(const std::string& user_id, const OwnersBefore* before) const;
    // Files an enrolment, event or message under its student (or none); adds its students, then and now.
    void index_row(const State& state, const RowKey& key, std::set<std::string>& touched);
    void recompute_student(const State& state, const std::string& student_id, OwnersBefore* before);
};

}  // namespace wb::sync
