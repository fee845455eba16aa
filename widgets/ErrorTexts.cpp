#include "widgets/ErrorTexts.h"

namespace pd {

QString ErrorTexts::forCode(const QString& code)
{
    if (code == QLatin1String("bad-credentials"))
        return tr("The user name or the password is wrong.");
    if (code == QLatin1String("locked"))
        return tr("This account is locked after too many failed logins. Try again later or ask an administrator.");
    if (code == QLatin1String("disabled"))
        return tr("This account is disabled. Ask an administrator.");
    if (code == QLatin1String("forbidden"))
        return tr("Your role is not allowed to do this.");
    if (code == QLatin1String("invalid-reasons"))
        return tr("The rejection reasons do not fit the decision: a rejection needs at least one reason, an approval none.");
    if (code == QLatin1String("not-found"))
        return tr("This submission no longer exists.");
    if (code == QLatin1String("already-decided"))
        return tr("This submission has already been decided.");
    if (code == QLatin1String("claimed-by-other"))
        return tr("Another reviewer is working on this submission.");
    if (code == QLatin1String("lease-lost"))
        return tr("Your hold on this submission has expired; open it again to decide.");
    if (code == QLatin1String("blob-missing"))
        return tr("The photo file is missing from the photo store.");
    if (code == QLatin1String("blob-corrupt"))
        return tr("The photo file is damaged (its checksum does not match).");
    if (code == QLatin1String("blob-invalid"))
        return tr("The photo reference is invalid.");
    if (code == QLatin1String("store-too-new"))
        return tr("The database was created by a newer PhotoDesk. Please update PhotoDesk.");
    if (code == QLatin1String("store-busy"))
        return tr("The database is busy. Please try again.");
    if (code == QLatin1String("store-open"))
        return tr("The database cannot be opened.");
    if (code.startsWith(QLatin1String("store-")))
        return tr("The database reported an error. Nothing was saved.");
    if (code == QLatin1String("resend-pending"))
        return tr("A resend of this SMS is still waiting to be sent.");
    if (code == QLatin1String("invalid-note"))
        return tr("The call note is empty.");
    if (code == QLatin1String("export-write"))
        return tr("The export file cannot be written. Choose another folder.");
    if (code == QLatin1String("invalid-account"))
        return tr("The user name is empty or already taken.");
    if (code == QLatin1String("weak-password"))
        return tr("The new password is too weak: at least 8 characters, different from the current one.");
    if (code == QLatin1String("demo-exists"))
        return tr("The demo database already exists.");
    if (code == QLatin1String("demo-data"))
        return tr("The demo data was not found.");
    return {};
}

QString ErrorTexts::text(const Error& error)
{
    const QString translated = forCode(error.code);
    if (translated.isEmpty())
        return error.message.isEmpty() ? error.code : error.message;
    return translated;
}

} // namespace pd
