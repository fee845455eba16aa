#include "core/review/SubmissionLoader.h"

#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"

namespace pd {

namespace {
SubmissionBundle::PhotoBytes fetch(const Store& store, const Photo& photo)
{
    SubmissionBundle::PhotoBytes result{photo, {}, {}};
    auto bytes = store.blobs().get(photo.sha256);
    if (bytes)
        result.bytes = std::move(bytes).value();
    else
        result.error = bytes.error().code;
    return result;
}
} // namespace

Result<SubmissionBundle> loadSubmission(const Store& store, Id attemptId)
{
    try {
        const auto attempt = AttemptRepository(store.db()).find(attemptId);
        if (!attempt)
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(attemptId)};
        const auto student = StudentRepository(store.db()).find(attempt->studentId);
        if (!student)
            return Error{QStringLiteral("not-found"), QStringLiteral("student of attempt %1 does not exist").arg(attemptId)};
        SubmissionBundle bundle;
        bundle.attempt = *attempt;
        bundle.student = *student;
        const PhotoRepository photos(store.db());
        if (auto p = photos.submittedFor(attemptId))
            bundle.submitted = fetch(store, *p);
        if (auto p = photos.referenceFor(student->id, PhotoRole::Enrollment))
            bundle.enrollment = fetch(store, *p);
        if (auto p = photos.referenceFor(student->id, PhotoRole::IdCard))
            bundle.idCard = fetch(store, *p);
        return bundle;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
