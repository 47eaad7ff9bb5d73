// Status and Result<T>, the one shape core uses to say whether something worked, and the
// exit codes programs derive from it.
#include "common/exit_code.h"
#include "common/result.h"

#include <doctest/doctest.h>
#include <memory>
#include <optional>
#include <string>

using namespace lungguide;

namespace {

Result<int> parse_digit(char character) {
    if (character < '0' || character > '9')
        return Status::failure(Problem::invalid_input,
                               std::string("'") + character + "' is not a digit.");
    return character - '0';
}

} // namespace

TEST_CASE("a success is ok, with or without something worth telling") {
    CHECK(Status::success().ok());
    CHECK(Status{}.ok());
    const Status shortened = Status::success("The note was shortened.");
    CHECK(shortened.ok());
    CHECK(shortened.problem == Problem::none);
    CHECK(shortened.message_for_person == "The note was shortened.");
}

TEST_CASE("a failure carries its problem and a sentence for a person") {
    const Status full = Status::failure(Problem::disk_full, "The device is full.");
    CHECK_FALSE(full.ok());
    CHECK(full.problem == Problem::disk_full);
    CHECK(full.message_for_person == "The device is full.");
}

TEST_CASE("a result holds a value on success and only a status on failure") {
    const Result<int> seven = parse_digit('7');
    REQUIRE(seven.ok());
    CHECK(seven.value() == 7);
    CHECK(seven.problem() == Problem::none);
    CHECK(seven.message_for_person().empty());

    const Result<int> letter = parse_digit('x');
    CHECK_FALSE(letter.ok());
    CHECK(letter.problem() == Problem::invalid_input);
    CHECK(letter.message_for_person() == "'x' is not a digit.");
    CHECK(letter.status().problem == Problem::invalid_input);
    // Asking a failure for its value never hands back something that is not there.
    CHECK_THROWS_AS(static_cast<void>(letter.value()), std::bad_optional_access);
}

TEST_CASE("a result can succeed with a message, and hold a value that only moves") {
    Result<std::unique_ptr<int>> opened(std::make_unique<int>(3), "A damaged file was set aside.");
    REQUIRE(opened.ok());
    CHECK(opened.message_for_person() == "A damaged file was set aside.");
    std::unique_ptr<int> taken = std::move(opened.value());
    REQUIRE(taken);
    CHECK(*taken == 3);
}

TEST_CASE("exit codes follow the problem: the person's request, or the program's failure") {
    CHECK(exit_code_for(Problem::none) == exit_ok);
    CHECK(exit_code_for(Problem::not_found) == exit_bad_request);
    CHECK(exit_code_for(Problem::invalid_input) == exit_bad_request);
    for (Problem problem :
         {Problem::disk_full, Problem::read_only, Problem::busy, Problem::damaged, Problem::failed})
        CHECK(exit_code_for(problem) == exit_failure);
}
