#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <optional>

namespace pd {

class Store;

// Everything the review workspace shows for one attempt: the student, the attempt, and the
// bytes of the three photos (missing references are simply absent). Safe to call from a
// worker thread (it uses that thread's connection), which is how the GUI calls it.
struct SubmissionBundle {
    Student student;
    Attempt attempt;
    struct PhotoBytes {
        Photo photo;
        QByteArray bytes;
        QString error; // set when the blob is missing or damaged; bytes are then empty
    };
    std::optional<PhotoBytes> submitted;
    std::optional<PhotoBytes> enrollment;
    std::optional<PhotoBytes> idCard;
};

Result<SubmissionBundle> loadSubmission(const Store& store, Id attemptId);

} // namespace pd
