#include "core/review/FaceGeometry.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {
QPointF centreOf(const QList<QPointF>& points, int from, int to)
{
    if (points.size() < to)
        return {};
    QPointF sum;
    for (int i = from; i < to; ++i)
        sum += points.at(i);
    return sum / double(to - from);
}

PhotoFaceGeometry readGeometry(const Database& db, Id photoId, const QString& modelId)
{
    PhotoFaceGeometry g;
    g.photoId = photoId;
    if (!photoId)
        return g;
    Sql q(db, QStringLiteral("SELECT result FROM analysis_results WHERE photo_id = :p AND kind = :k AND producer_version = :m"));
    q.bind(QStringLiteral(":p"), photoId).bind(QStringLiteral(":k"), kFacesResultKind).bind(QStringLiteral(":m"), modelId).exec();
    if (!q.next())
        return g;
    const QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    const QJsonObject b = o.value(QStringLiteral("box")).toObject();
    g.box = QRect(b.value(QStringLiteral("x")).toInt(), b.value(QStringLiteral("y")).toInt(), b.value(QStringLiteral("w")).toInt(),
                  b.value(QStringLiteral("h")).toInt());
    for (const QJsonValue& v : o.value(QStringLiteral("landmarks")).toArray()) {
        const QJsonArray xy = v.toArray();
        g.landmarks.append(QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
    }
    g.found = g.landmarks.size() == 68 && !g.box.isEmpty();
    return g;
}
} // namespace

QPointF PhotoFaceGeometry::leftEyeCentre() const
{
    return centreOf(landmarks, 36, 42);
}

QPointF PhotoFaceGeometry::rightEyeCentre() const
{
    return centreOf(landmarks, 42, 48);
}

QPointF PhotoFaceGeometry::mouthCentre() const
{
    return centreOf(landmarks, 48, 68);
}

Result<AttemptFaceGeometry> loadFaceGeometry(const Store& store, Id attemptId, const QString& modelId)
{
    try {
        const Database& db = store.db();
        const auto attempt = AttemptRepository(db).find(attemptId);
        if (!attempt)
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(attemptId)};
        const PhotoRepository photos(db);
        AttemptFaceGeometry g;
        g.attemptId = attemptId;
        const auto submitted = photos.submittedFor(attemptId);
        const auto enrollment = photos.referenceFor(attempt->studentId, PhotoRole::Enrollment);
        const auto idCard = photos.referenceFor(attempt->studentId, PhotoRole::IdCard);
        g.submitted = readGeometry(db, submitted ? submitted->id : 0, modelId);
        g.enrollment = readGeometry(db, enrollment ? enrollment->id : 0, modelId);
        g.idCard = readGeometry(db, idCard ? idCard->id : 0, modelId);
        return g;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
