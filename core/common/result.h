// How core says whether something worked: one shape for every operation that can fail.
//
// Status is the answer of an operation that returns nothing else; Result<T> carries a value
// on success and a Status either way. Both carry a sentence a person can read: on failure it
// says what went wrong and that nothing was changed; on success it is set only when it is
// worth telling ("The note was shortened."). Problem is for callers that act differently on
// different failures, such as the exit codes in exit_code.h.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace lungguide {

enum class Problem {
    none,
    not_found,     // no such bookmark, class, drug or file
    invalid_input, // e.g. an empty target, an unknown kind, a malformed file
    disk_full,     // nothing was changed
    read_only,     // the folder or file can't be written; nothing was changed
    busy,          // another LungGuide is writing; nothing was changed
    damaged,       // a file is damaged or was changed on the disk; nothing was changed
    failed         // anything else; nothing was changed
};

struct [[nodiscard]] Status {
    Problem problem = Problem::none;
    std::string message_for_person;

    bool ok() const { return problem == Problem::none; }

    static Status success(std::string worth_telling = {}) {
        return {Problem::none, std::move(worth_telling)};
    }
    static Status failure(Problem problem, std::string message_for_person) {
        assert(problem != Problem::none);
        return {problem, std::move(message_for_person)};
    }
};

template <typename T> class [[nodiscard]] Result {
  public:
    // A success; worth_telling as in Status::success.
    Result(T value, std::string worth_telling = {})
        : value_(std::move(value)), status_(Status::success(std::move(worth_telling))) {}
    // A failure: status must not be ok.
    Result(Status failure) : status_(std::move(failure)) { assert(!status_.ok()); }

    bool ok() const { return value_.has_value(); }
    const Status& status() const { return status_; }
    Problem problem() const { return status_.problem; }
    const std::string& message_for_person() const { return status_.message_for_person; }

    // Only on success; on a failure it throws std::bad_optional_access rather than hand back
    // something that is not there.
    T& value() { return value_.value(); }
    const T& value() const { return value_.value(); }

  private:
    std::optional<T> value_;
    Status status_;
};

} // namespace lungguide
