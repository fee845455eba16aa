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
    if (code == QLatin1String("no-photo"))
        return tr("This submission has no photo.");
    if (code == QLatin1String("photo-oversize"))
        return tr("The photo file is too large to show (over 20 MB).");
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
    if (code == QLatin1String("platform-unreachable"))
        return tr("The collection platform cannot be reached. PhotoDesk keeps trying.");
    if (code == QLatin1String("platform-timeout"))
        return tr("The collection platform did not answer in time. PhotoDesk keeps trying.");
    if (code == QLatin1String("platform-auth"))
        return tr("The collection platform refused the access token. Check PHOTODESK_PLATFORM_TOKEN.");
    if (code == QLatin1String("platform-rejected"))
        return tr("The collection platform refused the request.");
    if (code == QLatin1String("platform-server"))
        return tr("The collection platform reported a server error. PhotoDesk keeps trying.");
    if (code == QLatin1String("platform-bad-response"))
        return tr("The collection platform sent an unreadable answer.");
    if (code == QLatin1String("photo-checksum") || code == QLatin1String("photo-size"))
        return tr("A downloaded photo did not match its checksum or size; it was not stored.");
    if (code == QLatin1String("photo-too-large"))
        return tr("A photo on the platform is larger than allowed; it was not downloaded.");
    if (code == QLatin1String("tls-pin") || code == QLatin1String("tls-error"))
        return tr("The secure connection to the collection platform could not be verified.");
    if (code == QLatin1String("idempotency-conflict"))
        return tr("The platform already has a different decision for this submission.");
    if (code == QLatin1String("sms-credentials-missing"))
        return tr("No SMS access key is set: put it in PHOTODESK_SMS_ACCESS_KEY_ID and PHOTODESK_SMS_ACCESS_KEY_SECRET or in the "
                  "desktop keychain. No SMS is sent until then; the messages wait in the outbox.");
    if (code == QLatin1String("clean-lane-off"))
        return tr("The clean lane is switched off (a supervisor's setting). Review in the normal queue.");
    if (code == QLatin1String("not-clean"))
        return tr("Not approved: this submission is no longer clean (its analysis changed). It is back in the normal queue.");
    if (code == QLatin1String("invalid-setting"))
        return tr("This setting is not valid: the page size must be between 4 and 48.");
    if (code == QLatin1String("analysis-unavailable"))
        return tr("The face model or the photo rules are not loaded yet; try again in a moment.");
    if (code == QLatin1String("invalid-lane"))
        return tr("The clean lane only approves.");
    if (code == QLatin1String("setting-invalid"))
        return tr("The value is not valid for this setting.");
    if (code == QLatin1String("setting-locked"))
        return tr("This setting is locked by the system configuration (/etc/photodesk/photodesk.conf).");
    if (code == QLatin1String("setting-secret"))
        return tr("Secrets are never written to a settings file: they go to the desktop keychain or the environment.");
    if (code == QLatin1String("setting-unknown"))
        return tr("There is no such setting.");
    if (code == QLatin1String("settings-write"))
        return tr("The settings file cannot be written. Nothing was changed.");
    if (code == QLatin1String("keychain-unavailable") || code == QLatin1String("keychain-failed"))
        return tr("The desktop keychain is not available here.");
    if (code == QLatin1String("secret-missing"))
        return tr("A secret is not set: provide it in the desktop keychain or the environment.");
    if (code == QLatin1String("database-folder"))
        return tr("The folder for the database file cannot be created or written.");
    if (code == QLatin1String("sms-rejected"))
        return tr("The SMS gateway refused the message.");
    if (code == QLatin1String("sms-unavailable"))
        return tr("The SMS gateway could not be reached or did not answer.");
    if (code == QLatin1String("sms-phone-invalid"))
        return tr("The phone number is not a mainland mobile number (11 digits).");
    if (code == QLatin1String("destination-exists"))
        return tr("The destination already exists; an export never replaces files. Choose a new name.");
    if (code == QLatin1String("destination-invalid"))
        return tr("The folder of the destination does not exist.");
    if (code == QLatin1String("nothing-to-export"))
        return tr("No approved photo matches the selection.");
    if (code == QLatin1String("too-many-files"))
        return tr("Too many photos for one zip file; export to a folder instead.");
    if (code == QLatin1String("write-failed"))
        return tr("The export could not be written (disk full or no permission?).");
    if (code == QLatin1String("cancelled"))
        return tr("Cancelled.");
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
