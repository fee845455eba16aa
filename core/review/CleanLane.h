#pragma once

#include "core/domain/Types.h"
#include "core/review/ClaimService.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace pd {

class DecisionService;
class Store;

// The analysis results the lane judges by: the face model and the rule set in force (from the
// pre-screen service: modelId() and rulesVersion()). Rows of other versions do not count.
struct AnalysisVersions {
    QString modelId;
    QString rulesVersion;
};

// What the automated analysis says about one submission, as far as the clean lane cares.
// `exclusion` is empty when the submission is clean, otherwise one stable code:
//   not-screened    no face_match or rules row of the versions in force yet
//   stale           a reference photo was replaced after the analysis
//   no-reference    the student has no enrollment or no ID-card photo (both must match)
//   face-not-match  a comparison is missing or not in the match band (uncertain, mismatch)
//   rule-fail       a photo rule failed
//   rule-error      a rule could not measure (no face, undecodable file, incomplete report)
struct CleanLaneJudgement {
    QString exclusion;
    QStringList warnings;  // rules with verdict warn, catalog order: shown on the tile
    QStringList checklist; // checklist rules: judged by eye, confirmed by approving
    double enrollmentDistance = -1;
    double idCardDistance = -1;
    bool clean() const { return exclusion.isEmpty(); }
};

// `faceMatch`, `rules`: the stored rows (empty objects when there is none); `enrollmentId`,
// `idCardId`: the student's reference photos today (0: none).
CleanLaneJudgement judgeForCleanLane(const QJsonObject& faceMatch, const QJsonObject& rules, Id enrollmentId, Id idCardId);

// One tile of the grid.
struct CleanLaneItem {
    Id attemptId = 0;
    QString externalId;
    QDateTime deadline;
    Student student;
    Photo submitted;
    Id enrollmentPhotoId = 0;
    QString enrollmentChipSha256; // the enrollment photo's aligned face chip (blob), empty when none
    CleanLaneJudgement judgement;
    Claim claim; // this desk's hold on it, taken when the page was made
};

struct CleanLaneSelection {
    std::vector<CleanLaneItem> items; // most urgent deadline first
    int pageSize = 0;
    int scanned = 0;      // pending attempts looked at for this page
    int heldByOthers = 0; // clean, but held by a lease (another desk, or this reviewer's workspace)
    int unscreened = 0;   // not analysed with the versions in force yet
    bool exhausted = true; // every pending attempt after the last one scanned was looked at
};

struct CleanLaneApproval {
    Id attemptId = 0;
    QString claimToken;
};

// The result of approving one tile: the decision's id, or why it was not approved.
struct CleanLaneOutcome {
    Id attemptId = 0;
    Id decisionId = 0; // 0: not approved, see error
    Error error;
    bool ok() const { return decisionId != 0; }
};

// The clean lane (docs/review.md): pending submissions whose photo rules show no failure and
// no error and whose face matches with BOTH the enrollment and the ID-card photo are in the
// match band, a page at a time, most urgent first. Warnings do not exclude a submission but
// travel with it to the tile; checklist rules (headwear, jewellery) are judged by the reviewer
// looking at the tile. The page's submissions are claimed with leases (ClaimService) as it is
// made; anything already held by a valid lease — another desk's, or this reviewer's open
// workspace — is skipped, so the lane never decides what someone else holds.
//
// Approving is a list of individual decisions, each through DecisionService (its own
// transaction, audit event, SMS and platform outbox rows, lane "clean"), each re-judged first
// with the rows of that moment; one failing (lease lost, no longer clean) does not stop the
// others. Second-review sampling treats these decisions like any other (they are ordinary rows
// of `decisions`, marked lane = 'clean').
//
// Everything is refused unless the session may review (reviewer, supervisor: code forbidden)
// and a supervisor has switched the lane on (CleanLaneSettings: code clean-lane-off).
class CleanLane {
public:
    // At most this many pending attempts are looked at for one page (a queue whose head is
    // mostly not clean gives a shorter page with exhausted = false, not a long wait).
    static constexpr int kMaxScanPerPage = 5000;

    CleanLane(std::shared_ptr<const Store> store, std::shared_ptr<const DecisionService> decisions,
              std::shared_ptr<const ClaimService> claims);

    // Role and switch; the page size in force on success.
    Result<int> mayUse(const Session& who) const;

    // The next page: clean, unheld submissions not in `exclude` (what this reviewer sent back
    // to the normal queue in this session), claimed for `who`.
    Result<CleanLaneSelection> nextPage(const Session& who, const AnalysisVersions& versions, const QList<Id>& exclude = {}) const;

    // Approves each item individually (see above). Fails as a whole only for role or switch.
    Result<std::vector<CleanLaneOutcome>> approve(const Session& who, const AnalysisVersions& versions,
                                                  const std::vector<CleanLaneApproval>& items) const;

    // Gives tiles back to the normal queue (their claims released, audited by ClaimService).
    Status giveBack(const Session& who, const std::vector<Claim>& claims) const;

    // The judgement of one attempt with the rows stored now (any thread).
    Result<CleanLaneJudgement> judge(Id attemptId, const AnalysisVersions& versions) const;

private:
    std::shared_ptr<const Store> m_store;
    std::shared_ptr<const DecisionService> m_decisions;
    std::shared_ptr<const ClaimService> m_claims;
};

} // namespace pd
