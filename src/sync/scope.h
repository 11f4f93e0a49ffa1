#pragma once
// Who sees and writes which rows. A tutor sees their own classes, the students enrolled in them
// and everything recorded about those students; a manager sees their team's; an admin sees the
// whole organisation. Rows every member needs (the organisation, users, courses, lessons, SOP
// templates) are shared: everyone reads them, only an admin writes them.
#include <set>
#include <string>

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

    bool reads(const std::string& owner) const;
    bool writes(const std::string& owner) const;
};

Scope scope_for(const State& state, const std::string& user_id);

// Resolves the owner (a tutor id, kSharedOwner or kUnassignedOwner) of rows, as of the state it
// was built from (it keeps its own copy of who teaches what, so the state may change after).
// Owners of students come from their enrolments.
class RowOwners {
public:
    explicit RowOwners(const State& state);
    std::string owner(const RowKey& key, const Json& body) const;
    std::string tutor_of_student(const std::string& student_id) const;
    const std::map<std::string, std::string>& student_tutors() const { return student_tutor_; }

private:
    std::map<std::string, std::string> class_tutor_;
    std::map<std::string, std::string> student_tutor_;
    std::set<std::string> tutors_;
    std::string tutor_of_class(const std::string& class_id) const;
    std::string tutor_of_user(const std::string& user_id) const;
};

}  // namespace wb::sync
