<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ErrorTexts</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many failed logins. Try again later or ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rejection reasons do not fit the decision: a rejection needs at least one reason, an approval none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This submission no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This submission has already been decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another reviewer is working on this submission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo file is missing from the photo store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo file is damaged (its checksum does not match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo reference is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was created by a newer PhotoDesk. Please update PhotoDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo database already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your hold on this submission has expired; open it again to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resend of this SMS is still waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call note is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export file cannot be written. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name is empty or already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password is too weak: at least 8 characters, different from the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection platform cannot be reached. PhotoDesk keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection platform did not answer in time. PhotoDesk keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection platform refused the access token. Check PHOTODESK_PLATFORM_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection platform refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection platform reported a server error. PhotoDesk keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection platform sent an unreadable answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A downloaded photo did not match its checksum or size; it was not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo on the platform is larger than allowed; it was not downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the collection platform could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform already has a different decision for this submission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SMS access key is set: put it in PHOTODESK_SMS_ACCESS_KEY_ID and PHOTODESK_SMS_ACCESS_KEY_SECRET or in the desktop keychain. No SMS is sent until then; the messages wait in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clean lane is switched off (a supervisor&apos;s setting). Review in the normal queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: this submission is no longer clean (its analysis changed). It is back in the normal queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting is not valid: the page size must be between 4 and 48.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face model or the photo rules are not loaded yet; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clean lane only approves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not valid for this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting is locked by the system configuration (/etc/photodesk/photodesk.conf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are never written to a settings file: they go to the desktop keychain or the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file cannot be written. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desktop keychain is not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secret is not set: provide it in the desktop keychain or the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for the database file cannot be created or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway refused the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached or did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is not a mainland mobile number (11 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This submission has no photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo file is too large to show (over 20 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destination already exists; an export never replaces files. Choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the destination does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No approved photo matches the selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many photos for one zip file; export to a folder instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written (disk full or no permission?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoOverlay</name>
    <message>
        <source>hair top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eye line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewKeys</name>
    <message>
        <source>Approve the open submission (checklist ticked first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject with the checked reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle a reason by its number (type two digits quickly, e.g. 1 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the rule overlay on the submitted photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim the next submission nobody holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the note field, back to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the clean lane (when a supervisor has switched it on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in on the face, all three photos together (also the mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face zoom on or off (same facial area in every photo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the zoomed view (also dragging with the mouse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the active photo 90° to the left (display only, the file is not changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the active photo 90° to the right (display only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the next photo the active one (rotation; also a click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loupe on or off (follows the mouse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loupe on the eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loupe on the mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loupe on the ears (press again for the other ear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blink: alternate the submitted and the enrollment face, aligned on the eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole photos again: no zoom, rotation, loupe or blink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-screen comparison on or off (Esc leaves it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between the tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select or deselect the tile (also a click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deselect every tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the selected tiles (after a confirmation with their number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page: the tiles not approved go back to the normal queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the review workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list of keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit PhotoDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving through the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PhotoDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some secrets could not be stored in the desktop keychain:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AboutDialog</name>
    <message>
        <source>About PhotoDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PhotoDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review workstation for graduation ID photos: compare the submitted photo with the enrollment and ID-card photos, approve or reject with reasons from the school&apos;s rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLAS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmark model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1 (built with %2), OpenCV %3, dlib %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference BLAS — face comparison is slow (install libopenblas0-pthread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ checksum verified, SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ does not match its checksum (SHA-256 %1): reinstall PhotoDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 %1 (no checksum file to compare with)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program data %1
your data %2
logs %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AccountModel</name>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AccountPage</name>
    <message>
        <source>New account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial password for %1: &lt;b&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/b&gt; — hand it over now; it is not shown again and must be changed at the first login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 enabled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AuditLogModel</name>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second review: sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second review: confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second review: overturned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS resent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting back to default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AuditLogPage</name>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(all users)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(all actions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) loaded, counting…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing from event %1 downwards; %n event(s) in the log</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s) loaded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an event to see its details.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event before this one was deleted, inserted or moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events %1 to %2 before this one are missing (deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1, the newest at the checkpoint of %2, is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event does not match the checkpoint of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Audit chain intact (%n event(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Audit chain broken at event %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::CleanLaneDelegate</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every rule passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deselected: back to the normal queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CleanLanePage</name>
    <message>
        <source>Clean lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions whose photo rules all passed (warnings are marked) and whose face matches the enrollment and the ID-card photo. Look at each photo — headwear, jewellery and any warning are yours to judge — and deselect anything doubtful (click, or arrows and Space): it goes back to the normal queue. Each approval is its own decision with its own audit entry and SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve selected (%1) · Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approve %n submission(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve %n selected submission(s)? Each is decided on its own: its own decision, audit entry and SMS. By approving you confirm for each photo that there is no headwear or jewellery and that the marked warnings are acceptable. The %1 deselected go back to the normal queue.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the face model and the photo rules to load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for clean submissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No clean submission is free right now (%n held by other desks).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No clean submission is waiting. The others need a look in the normal queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clean submission(s), most urgent first. Deselect anything doubtful, then approve.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n not pre-screened yet, not shown.)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back in the normal queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approved %n submission(s); their SMS are queued.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Approved %1, not approved %2 (see the tiles). Ctrl+N for the next page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, SMS queued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CleanLaneSettingsPage</name>
    <message>
        <source>The clean lane lets reviewers approve, from a grid, submissions whose photo rules all passed (warnings are shown) and whose face matches both the enrollment and the ID-card photo. Each approval stays an individual decision with its own audit entry and SMS, and second review samples them like any other. The setting applies to every desk; changes are recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clean lane available to reviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submissions per page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save clean-lane setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>In force: on, %n per page</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In force: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean-lane setting saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CompareController</name>
    <message>
        <source>Blink needs a face with eyes in the submitted and the enrollment photo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CompareLayer</name>
    <message>
        <source>Blink: no eyes to align</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blink: enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blink: submitted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CompareWindow</name>
    <message>
        <source>PhotoDesk — comparison (Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DashboardPage</name>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 decisions · approval rate %2% · SLA compliance %3% · %4 pending overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions per hour of the day, per reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved and rejected per reviewer (approval rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA: decided within 48 h of payment (%1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending queue by time since payment (%1 overdue, %2 due within 6 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–12 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12–24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24–36 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>36–48 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewers and automated rules, per rule (decisions with a rules report):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DecisionPanel</name>
    <message>
        <source>The student reads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one reason to reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS if approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS if rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s)</source>
        <translation>
            <numerusform>%n SMS</numerusform>
            <numerusform>%n SMS parts</numerusform>
        </translation>
    </message>
    <message>
        <source>too long: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejection reasons (type the number to toggle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional, kept with the decision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the checklist items first: only a person can judge them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm before approving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional): for colleagues and the record; not sent to the student</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DiagnosticsExporter</name>
    <message>
        <source>Export diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collecting diagnostics (versions, settings, logs, database check)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnostics were saved to %1 (%2). Send this file to your school&apos;s IT staff; it holds no photos, passwords or unmasked personal numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnostics could not be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ExportLeftOutModel</name>
    <message>
        <source>No approved photo yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older approval (a later one is exported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo damaged or unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be brought into the national format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same file name as another student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ID-card or student number on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card or student number not well-formed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest submission still pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest submission rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is exported instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same key as student %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submitted photo on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ExportPage</name>
    <message>
        <source>Export the approved portraits for the national graduate-registration upload: one JPEG per student in the national format (480 × 640, 24-bit colour, quality at least 60), named by the chosen key, with a manifest and the list of what was left out. Photos that do not meet the format are re-encoded and marked as such. Personal data leaves PhotoDesk: every export is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Major:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Which photos:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new folder, or a new file ending in .zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All majors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No major on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) to export</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Folder in which the export folder is created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to a zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a destination first: a new folder or a new .zip file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written and no photo is marked as exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export did not finish: %1 Nothing was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n re-encoded)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>to %1. %n left out, listed below and in left-out.csv.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Manifest SHA-256: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export finished: %n photo(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::FaceMatchPanel</name>
    <message>
        <source>No reference photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo cannot be analysed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face pre-screen has not reached this submission yet; it is being analysed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face comparison is being computed in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face comparison is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comparison: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bands: match ≤ %1, mismatch ≥ %2 (Euclidean distance of dlib face descriptors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Match  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance %1: same person by the face descriptor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The descriptor cannot rule out a close relative or a twin; check the student&apos;s details when in doubt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? Uncertain  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance %1: neither clearly the same nor clearly another person; compare the photos yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Mismatch  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance %1: very likely a different person. The national system checks this too and blocks the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic pre-screen; the decision stays with the reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment photo check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card check</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n faces in the photo; the largest is compared.</source>
        <translation>
            <numerusform>%n face in the photo; the largest is compared.</numerusform>
            <numerusform>%n faces in the photo; the largest is compared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::FaceMatchProgressLabel</name>
    <message>
        <source>Pre-screen unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-screen done %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-screen up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-screen %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-screen unavailable: invalid photo-rule configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::FirstRunWizard</name>
    <message>
        <source>PhotoDesk set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this desk keeps submissions, decisions and the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single desk keeps everything in one file on this computer. Several desks that share one queue use the school&apos;s PostgreSQL server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded: a SQLite file on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team: the school&apos;s PostgreSQL server, shared by every desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the desktop keychain, never in a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school&apos;s name and the signature every SMS to students starts with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS signature must be the one registered with the SMS provider, without the 【】 brackets (PhotoDesk adds them). Left empty, the signature of the SMS templates is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where submissions come from and decisions go to. Leave the address empty to work without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test lists the first page of pending submissions with this token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway that tells students about decisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test sends one signed message to the number you enter, through the same code that sends the students&apos; messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the provider&apos;s public address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for this desk&apos;s user; each change is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by the system configuration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zhang San</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Example SMS (%n character(s)):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for the database file cannot be created or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The file does not exist yet: PhotoDesk creates it at the first start (%n migration(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to %1. Schema version %2: up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1. Schema version %2 of %3: %n migration(s) will be applied at the first start.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n submission(s) waiting on the platform (answered in %1 ms).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connected (answered in %1 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the access token (HTTP 401/403). Check the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform did not answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection (TLS) could not be established or verified. Check the address (https), the certificate and the campus CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform cannot be reached at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: the gateway accepted the signed test message (id %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a mainland mobile number (11 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the access key id and secret (or provide them in the environment or the keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway refused the message (access key, signature or template):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached or did not answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(entered; stored in the desktop keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — locked by the system configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has no desktop keychain: secrets entered here cannot be stored. Provide them in the environment instead (PHOTODESK_DB_PASSWORD, PHOTODESK_PLATFORM_TOKEN, PHOTODESK_SMS_ACCESS_KEY_ID / _SECRET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::HotlineWorkspace</name>
    <message>
        <source>&lt;h3&gt;Collection instructions&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Review time:&lt;/b&gt; every paid submission is reviewed within 48 hours of payment; the student gets the result by SMS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hotline hours:&lt;/b&gt; Tuesday to Sunday, 9:30–12:00 and 13:00–17:00. Closed on Mondays.&lt;/p&gt;&lt;p&gt;&lt;b&gt;After a rejection:&lt;/b&gt; the student collects a new photo in the same mini-program, following the reasons in the SMS. The new photo is a new submission with its own 48 hours.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Personal data:&lt;/b&gt; ID numbers and phone numbers are masked. Reveal them only when the caller&apos;s identity is confirmed; every reveal is recorded.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a student:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, student no., phone or last digits of the ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resend last SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call &amp;note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the caller asked and what you told them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add call note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors and administrators may see full ID numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for a student and select them to see their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:15px&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; %3&lt;br&gt;ID number: &lt;tt&gt;%4&lt;/tt&gt; &amp;nbsp; Phone: &lt;tt&gt;%5&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Shown in full; this has been recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This student has no SMS to resend yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last SMS was queued again (message %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call note saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View submitted photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo of the selected submission as the student sent it, with the rule flags and the SMS; read-only, and recorded in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted photo shown; this has been recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::LoginDialog</name>
    <message>
        <source>PhotoDesk — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PhotoDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graduation photo review workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotline agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PhotoDesk — Graduation photo review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PhotoDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision could not be delivered to the platform yet (%1); it is tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision was refused by the platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Claim next submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PhotoDesk — %1 graduation photo review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-&amp;up wizard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clean lane is switched off (a supervisor&apos;s setting).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PasswordChangeDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in with an initial or reset password. Choose your own password before you start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PhotoPane</name>
    <message>
        <source>The photo file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an image PhotoDesk can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 image is damaged and cannot be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named .%1 but really %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::QueueCountsBar</name>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending submissions past their 48-hour deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending submissions due within 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending submissions due in 6 to 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending submissions due in 24 hours or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show only these; click again to show all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::QueueModel</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid %1, deadline %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being reviewed by %1 (until %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RecoveryNotice</name>
    <message>
        <source>PhotoDesk did not shut down properly last time (session of %1, started %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session used another database; nothing was checked here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1, which this desk held, is still yours: it is open again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1, which this desk held for %2, was released back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hold on submission %1 had run out; it went back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is now being reviewed by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1, which this desk held, has been decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of submission %2 that was being saved was saved completely, with its audit record and messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of submission %2 that was being saved was not saved (nothing of it was written): please decide it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Still to be delivered from that session: %n SMS</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n platform message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> — sending resumes now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n were being sent at the time; the gateway is asked first, so none is sent twice.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reopened submission %1, where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No work was in progress; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered after an unexpected exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ReviewWorkspace</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name or student no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Review queue · %n pending</source>
        <translation>
            <numerusform>Review queue · %n pending</numerusform>
            <numerusform>Review queue · %n pending</numerusform>
        </translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submissions are waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submissions match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last submission in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first submission in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This submission was already %1; it cannot be decided again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submitted photo is stored for this attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enrollment photo is stored for this student.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ID-card photo is stored for this student.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the submission…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pending submission is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: rejection reasons %1 are checked. Uncheck them to approve, or press R to reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one reason (type its number) before rejecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the decision was not saved. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1; the SMS is queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rejected %1 with %n reason(s); the SMS is queued.</source>
        <translation>
            <numerusform>Rejected %1 with %n reason; the SMS is queued.</numerusform>
            <numerusform>Rejected %1 with %n reasons; the SMS is queued.</numerusform>
        </translation>
    </message>
    <message>
        <source>No more submissions are waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no reason number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed submission %1, which you were reviewing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hold on this submission could not be renewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submission could be claimed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unclaimed submission is waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every other submission is held by someone or was skipped; press N again to go through the skipped ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed submission %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: %1 is reviewing this submission (held until %2). Read-only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: %1 is reviewing this submission. Read-only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by you until %1 (renewed automatically while it is open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is reviewing this submission: it is read-only here and cannot be decided. Press J for the next one or N to claim one nobody holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This submission cannot be claimed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is reviewing this submission: it cannot be decided here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not hold this submission, so it cannot be decided. Press F5 to reload it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: tick the checklist items first (only a person can judge them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue cannot be counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the review queue: more room for the photos</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RuleAgreementModel</name>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged, cited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged, overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited, not flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RuleFlagsModel</name>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured [thresholds]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the student is asked to redo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RuleFlagsPanel</name>
    <message>
        <source>The photo could not be read, so the rules were not checked (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face box, landmarks, hair-top / eye-line / chin guides against the allowed bands, and the regions of flagged rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fail(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not measured</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>rule set %1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules were never checked on this photo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SecondReviewModel</name>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First reviewer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SecondReviewPage</name>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sample now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons for an overturn to rejection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm first decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overturn: approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overturn: reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a decision to review it a second time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) sampled for second review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1, first decision: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overturned; the student is notified again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First decision confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SessionFiguresLabel</name>
    <message numerus="yes">
        <source>Today %n decided</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>median %1 s per decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your decisions since midnight: %1 approved, %2 rejected.
Median time per decision: the middle of the gaps between your consecutive decisions today; gaps over %3 minutes count as pauses and are left out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SettingsDialog</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by the system configuration and cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System file: %1 (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by the system file (read-only here): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored in the settings files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Secrets&lt;/b&gt; — never written to a settings file: kept in the desktop keychain or given in the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set platform token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set SMS access key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set database password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-up wizard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new value entered (saved to the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given on the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the desktop keychain, or not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (no desktop keychain here: use %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform access token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS access key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team database password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n change(s), each recorded in the audit log.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database settings apply the next time PhotoDesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SettingsTableModel</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file (embedded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned platform certificate (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS gateway URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tencent SMS app id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS template: approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS template: rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS access key id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS access key secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team (PostgreSQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded (SQLite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliyun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tencent Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generic gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (no SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System file (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line (this run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — locked by the system configuration %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the default when saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings (when saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by the system configuration and cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ShortcutModel</name>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts (Esc closes this list)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SmsTemplatePage</name>
    <message>
        <source>The text students receive after a decision. {name} is the student&apos;s name, {reasons} the rejection reasons; the school&apos;s signature stays in 【】. Changes apply to decisions made after the reviewers&apos; next login and are recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview (approval, then a rejection with two reasons):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the built-in templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited templates in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in templates in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wang Xiaoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
(%2 characters, %3 SMS%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS templates saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the built-in SMS templates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::StudentSearchModel</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubmittedPhotoDialog</name>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons as sent to the student:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided yet: no result has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SMS was written for this submission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS (resent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted photo (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: nothing can be decided here. Opening this photo has been recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Submission %1&lt;/b&gt; (attempt #%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempt #%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SupervisionWorkspace</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SyncStatusWidget</name>
    <message>
        <source>retry %1 in %2 s: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start PhotoDesk with --platform URL (and the token in PHOTODESK_PLATFORM_TOKEN) to pull submissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>synced %1 (%n new)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 submissions received, %2 new, %3 updated, %4 photos downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>sync incomplete at %1: %n error(s), tried again automatically</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>SMS: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start PhotoDesk with --sms-provider and the key pair in the environment (docs/sms.md) to send the SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS: stopped (no access key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS: …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::TimelineModel</name>
    <message>
        <source>Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 (attempt #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
