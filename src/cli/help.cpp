#include <map>
#include <string>

#include "cli/commands.h"

namespace wb::cli {

std::string command_help(const std::string& command)
{
    static const std::map<std::string, std::string> help{
        {"demo", "workbench-cli demo [--now UTC] [--seed N] [--tutors N] [--students N] [--zone IANA] [--mutations] [--out FILE]\n"
                 "  Generates the deterministic demo dataset (one organisation, a manager, tutors with students, a\n"
                 "  12-lesson weekly course half-way through at --now; default: the current time) as dataset JSON,\n"
                 "  or with --mutations as the mutation log that builds it. Same options, same output.\n"},
        {"parse-reply", "workbench-cli parse-reply [--json] [--lang zh-CN|en] [TEXT...]\n"
                        "  Parses parent replies to the pre-attendance survey (from the arguments, or one per line on\n"
                        "  stdin) and prints attend / leave / unclear with the phrases that decided it and, for an\n"
                        "  unclear reply, the note the tutor sees (in --lang, default en).\n"},
        {"validate-template", "workbench-cli validate-template FILE|tutor|csm\n"
                              "  Checks an SOP template; prints the first problem as <JSON path>: <what is wrong>\n"
                              "  and exits with 2, or prints a summary.\n"},
        {"metrics", "workbench-cli metrics --data FILE [--template tutor|csm|FILE] [--from UTC] [--to UTC] [--now UTC]\n"
                    "                     [--tutor ID | --manager ID] [--lang zh-CN|en] [--json]\n"
                    "  Computes every metric the template names over the period (default: the 30 days before the\n"
                    "  last event), for one tutor, a manager's team or everyone, against the template's targets,\n"
                    "  with numerator, denominator, what was counted (in --lang, default en) and the number of\n"
                    "  students missing.\n"},
        {"risk", "workbench-cli risk --data FILE [--now UTC] [--level low|medium|high] [--lang zh-CN|en] [--json]\n"
                 "  Fits the refund-risk model on the dataset's history up to --now (default: the last event),\n"
                 "  prints its precision and recall on a held-back quarter of the students, then every active\n"
                 "  student at --level or above (default medium) with probability and top reasons.\n"},
        {"roster", "workbench-cli roster export --data FILE [--out FILE]\n"
                   "workbench-cli roster import --data FILE --csv FILE [--out FILE]\n"
                   "  Writes the roster (students and enrolments) as RFC 4180 CSV, or imports one into the dataset\n"
                   "  through mutations and writes the updated dataset JSON. Columns: studentId, name, parentName,\n"
                   "  parentPhone, wechat, address, segment, classId, enrolledAt (UTC), status, enrolmentId, studentPhone.\n"},
        {"export", "workbench-cli export --data FILE [--mutations] [--out FILE]\n"
                   "  Writes the whole dataset as JSON (normalised), or with --mutations as the mutation log.\n"},
        {"import", "workbench-cli import FILE [--out FILE]\n"
                   "  Reads a dataset JSON, replays it through the mutator so every change is validated, reports the\n"
                   "  first invalid one (exit 2) or writes the normalised dataset.\n"},
    };
    auto it = help.find(command);
    return it == help.end() ? "" : it->second;
}

}  // namespace wb::cli
