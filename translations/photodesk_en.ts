<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ErrorTexts</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account is locked after too many failed logins. Try again later or ask an administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your role is not allowed to do this.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rejection reasons do not fit the decision: a rejection needs at least one reason, an approval none.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This submission no longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This submission has already been decided.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another reviewer is working on this submission.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The photo file is missing from the photo store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The photo file is damaged (its checksum does not match).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The photo reference is invalid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database was created by a newer PhotoDesk. Please update PhotoDesk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database is busy. Please try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database reported an error. Nothing was saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo database already exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo data was not found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your hold on this submission has expired; open it again to decide.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PhotoDesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo data could not be created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::DecisionPanel</name>
    <message>
        <source>The student reads: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose at least one reason to reject.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SMS if approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SMS if rejected</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation><numerusform>%n character</numerusform><numerusform>%n characters</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s)</source>
        <translation><numerusform>%n SMS</numerusform><numerusform>%n SMS parts</numerusform></translation>
    </message>
    <message>
        <source>too long: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rejection reasons (type the number to toggle)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note (optional, kept with the decision)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For colleagues and the record; not sent to the student</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approve (A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reject (R)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::FaceMatchPanel</name>
    <message>
        <source>No reference photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No face found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photo cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not compared</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photo cannot be analysed (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Analysing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The face pre-screen has not reached this submission yet; it is being analysed now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Face comparison is being computed in the background.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Face comparison is unavailable: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No face chip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No comparison: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bands: match ≤ %1, mismatch ≥ %2 (Euclidean distance of dlib face descriptors).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Match  %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Distance %1: same person by the face descriptor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The descriptor cannot rule out a close relative or a twin; check the student's details when in doubt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>? Uncertain  %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Distance %1: neither clearly the same nor clearly another person; compare the photos yourself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✗ Mismatch  %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Distance %1: very likely a different person. The national system checks this too and blocks the registration.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic pre-screen; the decision stays with the reviewer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment photo check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID-card check</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n faces in the photo; the largest is compared.</source>
        <translation><numerusform>%n face in the photo; the largest is compared.</numerusform><numerusform>%n faces in the photo; the largest is compared.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::FaceMatchProgressLabel</name>
    <message>
        <source>Pre-screen unavailable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pre-screen done %1/%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pre-screen up to date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pre-screen %1/%2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::LoginDialog</name>
    <message>
        <source>PhotoDesk — Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PhotoDesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Graduation photo review workstation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hotline agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PhotoDesk — Graduation photo review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Refresh queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About PhotoDesk</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation><numerusform>%n pending</numerusform><numerusform>%n pending</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Approve the open submission&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Reject with the checked reasons&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;1 … 28&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Toggle a reason by its number (type two digits quickly, e.g. 1 2)&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;J&lt;/b&gt; / &lt;b&gt;PageDown&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next submission&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt; / &lt;b&gt;PageUp&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Previous submission&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh the queue&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Leave the note field, back to the queue&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About PhotoDesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;PhotoDesk %1&lt;/b&gt;&lt;br&gt;Review workstation for graduation ID photos: compare the submitted photo with the enrollment and ID-card photos, approve or reject with reasons from the school's rules.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::PhotoPane</name>
    <message>
        <source>The photo file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is not an image PhotoDesk can read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 image is damaged and cannot be decoded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The photo cannot be shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>named .%1 but really %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::PlaceholderPage</name>
    <message>
        <source>Hotline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Coming soon: look up a caller's submissions and decisions, and call back students whose photos failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Coming soon: review throughput, deadlines at risk, second reviews and the audit trail.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::QueueModel</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>overdue %1 h %2 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid %1, deadline %2 (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Student no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pd::ReviewWorkspace</name>
    <message>
        <source>pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The queue cannot be loaded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search name or student no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submitted photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID-card photo</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Review queue · %n pending</source>
        <translation><numerusform>Review queue · %n pending</numerusform><numerusform>Review queue · %n pending</numerusform></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No submissions are waiting for review.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No submissions match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is the last submission in the queue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is the first submission in the queue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submission %1 cannot be opened: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This submission was already %1; it cannot be decided again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No submitted photo is stored for this attempt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No enrollment photo is stored for this student.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No ID-card photo is stored for this student.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the submission…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Student no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No pending submission is open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not approved: rejection reasons %1 are checked. Uncheck them to approve, or press R to reject.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose at least one reason (type its number) before rejecting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the decision was not saved. %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approved %1; the SMS is queued.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Rejected %1 with %n reason(s); the SMS is queued.</source>
        <translation><numerusform>Rejected %1 with %n reason; the SMS is queued.</numerusform><numerusform>Rejected %1 with %n reasons; the SMS is queued.</numerusform></translation>
    </message>
    <message>
        <source>No more submissions are waiting for review.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no reason number %1.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
