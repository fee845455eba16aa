// The compare tools of the review workspace, offscreen, on a real submission (CleanLaneFixture:
// obama_3 normalised, obama_1 and obama_2 as references) analysed by the window's pre-screen:
// zoom and pan synchronised on the face across the three photos (the same facial area at the
// same place and scale in every pane), the loupe on eyes / mouth / under the pointer, blink
// (the similarity transform maps the enrollment eye centres exactly onto the submitted ones),
// display-only rotation (stored bytes untouched), full screen, the shortcut overlay generated
// from the one key table and covering every shortcut of the window, verdict marks that differ
// by shape. Screenshots: zoomed, loupe, blink (enrollment phase), full screen.

#include "CleanLaneFixture.h"
#include "TestSupport.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/vision/FaceAnalyzer.h"
#include "widgets/CompareController.h"
#include "widgets/MainWindow.h"
#include "widgets/PhotoPane.h"
#include "widgets/ReviewKeys.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/ShortcutOverlay.h"
#include "widgets/UiLanguage.h"
#include "widgets/VerdictStyle.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QShortcut>
#include <QTableView>
#include <QtTest>

#include <cmath>

using namespace pd;

namespace {
double distance(const QPointF& a, const QPointF& b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}
} // namespace

class TestGuiCompare : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void zoomAndPanAreSynchronisedOnTheFace();
    void loupeOnEyesMouthAndPointer();
    void blinkAlignsTheEyes();
    void rotationIsDisplayOnly();
    void fullScreenComparison();
    void shortcutOverlayListsEveryKey();
    void verdictMarksDifferByShape();

private:
    void saveScreenshot(QWidget* w, const QString& name);
    CompareController* compare() const { return m_window->reviewWorkspace()->compare(); }
    CompareLayer* layer(int i) const { return compare()->layer(i); }

    std::unique_ptr<test::TempStore> m_temp;
    std::unique_ptr<MainWindow> m_window;
    Id m_attempt = 0;
};

void TestGuiCompare::initTestCase()
{
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    auto analyzer = FaceAnalyzer::shared();
    QVERIFY2(analyzer.ok(), analyzer.ok() ? "" : qPrintable(analyzer.error().message));
    m_temp = std::make_unique<test::TempStore>(test::Backend::SQLite);
    const Session reviewer = test::addUser(m_temp->store(), QStringLiteral("compare-reviewer"), Role::Reviewer);
    m_attempt = test::addCleanAttempts(*m_temp->store(), *analyzer.value(), 1).front().attemptId;
    m_window = std::make_unique<MainWindow>(m_temp->store(), reviewer);
    m_window->resize(1500, 940);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ReviewWorkspace* review = m_window->reviewWorkspace();
    QTRY_COMPARE_WITH_TIMEOUT(review->currentAttemptId(), m_attempt, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(review->photosPainted(), 60000);
    // The faces of all three photos, from the stored analysis (the window's pre-screen).
    QTRY_VERIFY_WITH_TIMEOUT(compare()->geometry().attemptId == m_attempt && compare()->geometry().submitted.found
                                 && compare()->geometry().enrollment.found && compare()->geometry().idCard.found,
                             240000);
    for (int i = 0; i < CompareState::kPanes; ++i)
        QTRY_VERIFY(layer(i)->frame().fromEyes);
    review->queueView()->setFocus();
}

void TestGuiCompare::cleanupTestCase()
{
    m_window.reset();
}

void TestGuiCompare::saveScreenshot(QWidget* w, const QString& name)
{
    QDir().mkpath(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR));
    const QPixmap shot = w->grab();
    shot.save(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR "/") + name);
    if (const QString dir = qEnvironmentVariable("PHOTODESK_LANE_SHOTS"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        shot.save(dir + QLatin1Char('/') + name);
    }
}

void TestGuiCompare::zoomAndPanAreSynchronisedOnTheFace()
{
    ReviewWorkspace* review = m_window->reviewWorkspace();
    CompareState* state = compare()->state();
    QVERIFY(state->isPlain());
    QTest::keyClick(review->queueView(), Qt::Key_Plus);
    QVERIFY(state->faceZoom());
    QTest::keyClick(review->queueView(), Qt::Key_Plus);
    QCOMPARE(state->zoom(), CompareState::kZoomStep);
    QTest::keyClick(review->queueView(), Qt::Key_Right, Qt::ShiftModifier);
    QVERIFY(state->centre().x() > 0);

    // In every pane the same facial point sits at the pane's centre and the eyes are the same
    // fraction of the pane's height apart: the same facial area at the same zoom.
    double expectedIod = -1;
    for (int i = 0; i < CompareState::kPanes; ++i) {
        const FaceFrame f = layer(i)->frame();
        const QTransform t = layer(i)->viewTransform();
        const QPointF centre = t.map(f.toImage(state->centre()));
        QVERIFY2(distance(centre, QPointF(layer(i)->width() / 2.0, layer(i)->height() / 2.0)) < 0.01,
                 qPrintable(QStringLiteral("pane %1: centre at %2,%3").arg(i).arg(centre.x()).arg(centre.y())));
        const double iod = distance(t.map(f.leftEye), t.map(f.rightEye)) / layer(i)->height();
        if (expectedIod < 0)
            expectedIod = iod;
        QVERIFY2(std::abs(iod - expectedIod) < 1e-6, qPrintable(QStringLiteral("pane %1: %2 vs %3").arg(i).arg(iod).arg(expectedIod)));
        QVERIFY(std::abs(iod - state->zoom() / CompareState::kSpan) < 1e-6);
    }
    // The wheel over any photo zooms all three, keeping the point under the pointer in place.
    CompareLayer* enrollment = layer(1);
    const QPointF pointer(enrollment->width() * 0.4, enrollment->height() * 0.45);
    bool invertible = false;
    const QPointF before = enrollment->frame().toCanonical(enrollment->viewTransform().inverted(&invertible).map(pointer));
    const double zoomBefore = state->zoom();
    QWheelEvent wheel(pointer, enrollment->mapToGlobal(pointer), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(enrollment, &wheel);
    QCOMPARE(state->zoom(), zoomBefore * CompareState::kZoomStep);
    const QPointF after = enrollment->frame().toCanonical(enrollment->viewTransform().inverted(&invertible).map(pointer));
    QVERIFY(distance(before, after) < 1e-6);
    // Dragging pans (all three).
    const QPointF centreBefore = state->centre();
    QTest::mousePress(layer(2), Qt::LeftButton, {}, QPoint(100, 100));
    QTest::mouseMove(layer(2), QPoint(140, 100));
    QTest::mouseRelease(layer(2), Qt::LeftButton, {}, QPoint(140, 100));
    QVERIFY(state->centre().x() < centreBefore.x());
    QCOMPARE(state->activePane(), 2);
    QTRY_VERIFY(m_window->reviewWorkspace()->photosPainted());
    saveScreenshot(m_window.get(), QStringLiteral("compare-zoomed.png"));
    // Z: back to the whole photos; Z again: the face at zoom 1.
    QTest::keyClick(review->queueView(), Qt::Key_Z);
    QVERIFY(!state->faceZoom());
    QTest::keyClick(review->queueView(), Qt::Key_Z);
    QVERIFY(state->faceZoom());
    QCOMPARE(state->zoom(), 1.0);
}

void TestGuiCompare::loupeOnEyesMouthAndPointer()
{
    ReviewWorkspace* review = m_window->reviewWorkspace();
    CompareState* state = compare()->state();
    QTest::keyClick(review->queueView(), Qt::Key_Home);
    QVERIFY(state->isPlain());
    QTest::keyClick(review->queueView(), Qt::Key_E);
    QCOMPARE(state->loupe(), CompareState::Loupe::Eyes);
    for (int i = 0; i < CompareState::kPanes; ++i) {
        const FaceFrame f = layer(i)->frame();
        QVERIFY(layer(i)->loupeRadius() > 0);
        QVERIFY(distance(layer(i)->loupeCentre(), layer(i)->viewTransform().map((f.leftEye + f.rightEye) / 2)) < 0.01);
    }
    saveScreenshot(m_window.get(), QStringLiteral("compare-loupe-eyes.png"));
    QTest::keyClick(review->queueView(), Qt::Key_M);
    QCOMPARE(state->loupe(), CompareState::Loupe::Mouth);
    const PhotoFaceGeometry& g = compare()->geometry().submitted;
    QVERIFY(distance(layer(0)->loupeCentre(), layer(0)->viewTransform().map(g.mouthCentre())) < 0.01);
    QTest::keyClick(review->queueView(), Qt::Key_H);
    QCOMPARE(state->loupe(), CompareState::Loupe::LeftEar);
    QTest::keyClick(review->queueView(), Qt::Key_H);
    QCOMPARE(state->loupe(), CompareState::Loupe::RightEar);
    // L: the loupe follows the pointer, at the same facial point in all three photos.
    QTest::keyClick(review->queueView(), Qt::Key_L);
    QCOMPARE(state->loupe(), CompareState::Loupe::Mouse);
    QTest::mouseMove(layer(1), QPoint(layer(1)->width() / 2, layer(1)->height() / 3));
    QTRY_VERIFY(distance(layer(1)->loupeCentre(), QPointF(layer(1)->width() / 2, layer(1)->height() / 3)) < 1.0);
    const QPointF point = state->loupePoint();
    QVERIFY(distance(layer(2)->loupeCentre(), layer(2)->viewTransform().map(layer(2)->frame().toImage(point))) < 0.01);
    QTest::keyClick(review->queueView(), Qt::Key_L);
    QCOMPARE(state->loupe(), CompareState::Loupe::Off);
}

void TestGuiCompare::blinkAlignsTheEyes()
{
    ReviewWorkspace* review = m_window->reviewWorkspace();
    CompareState* state = compare()->state();
    QTest::keyClick(review->queueView(), Qt::Key_B);
    QVERIFY(state->blink());
    QVERIFY(layer(0)->blinkAligned());
    const QTransform s = layer(0)->blinkTransform();
    // A similarity (rotation + uniform scale + shift) …
    QVERIFY(std::abs(s.m11() - s.m22()) < 1e-9 && std::abs(s.m12() + s.m21()) < 1e-9);
    QVERIFY(!s.isIdentity());
    // … that puts the enrollment photo's eye centres exactly on the submitted photo's.
    const AttemptFaceGeometry& g = compare()->geometry();
    QVERIFY(distance(s.map(g.enrollment.leftEyeCentre()), g.submitted.leftEyeCentre()) < 1e-6);
    QVERIFY(distance(s.map(g.enrollment.rightEyeCentre()), g.submitted.rightEyeCentre()) < 1e-6);
    // On screen too: through the pane's view the enrollment eyes land where the submitted eyes are drawn.
    const QTransform view = layer(0)->viewTransform();
    QVERIFY(distance((s * view).map(g.enrollment.leftEyeCentre()), view.map(g.submitted.leftEyeCentre())) < 1e-6);
    // It alternates by itself.
    const bool phase = state->blinkShowsEnrollment();
    QTRY_VERIFY_WITH_TIMEOUT(state->blinkShowsEnrollment() != phase, 3 * CompareController::kBlinkMs);
    QTRY_VERIFY_WITH_TIMEOUT(state->blinkShowsEnrollment(), 3 * CompareController::kBlinkMs);
    saveScreenshot(m_window.get(), QStringLiteral("compare-blink-enrollment.png"));
    QTRY_VERIFY_WITH_TIMEOUT(!state->blinkShowsEnrollment(), 3 * CompareController::kBlinkMs);
    saveScreenshot(m_window.get(), QStringLiteral("compare-blink-submitted.png"));
    QTest::keyClick(review->queueView(), Qt::Key_B);
    QVERIFY(!state->blink());
}

void TestGuiCompare::rotationIsDisplayOnly()
{
    ReviewWorkspace* review = m_window->reviewWorkspace();
    CompareState* state = compare()->state();
    const Store& store = *m_temp->store();
    const Photo submitted = *PhotoRepository(store.db()).submittedFor(m_attempt);
    const QByteArray bytesBefore = store.blobs().get(submitted.sha256).value();
    auto* pane = m_window->findChild<PhotoPane*>(QStringLiteral("submittedPhoto"));
    const qint64 pixelsBefore = pane->photo().image.cacheKey();

    QTest::keyClick(review->queueView(), Qt::Key_Home);
    state->setActivePane(0);
    QTest::keyClick(review->queueView(), Qt::Key_BracketLeft);
    QCOMPARE(state->rotation(0), 270);
    QTest::keyClick(review->queueView(), Qt::Key_P);
    QCOMPARE(state->activePane(), 1);
    QTest::keyClick(review->queueView(), Qt::Key_BracketRight);
    QCOMPARE(state->rotation(1), 90);
    QCOMPARE(state->rotation(0), 270);
    // Drawn turned: the eyes, side by side in the file, are now one above the other.
    const FaceFrame f = layer(0)->frame();
    const QTransform t = layer(0)->viewTransform();
    QVERIFY(std::abs(t.map(f.leftEye).x() - t.map(f.rightEye).x()) < std::abs(t.map(f.leftEye).y() - t.map(f.rightEye).y()));
    QTRY_VERIFY(review->photosPainted());
    saveScreenshot(m_window.get(), QStringLiteral("compare-rotated.png"));
    // Nothing stored changed: the same bytes, the same hash, the same rows, the same pixels.
    const QByteArray bytesAfter = store.blobs().get(submitted.sha256).value();
    QCOMPARE(bytesAfter, bytesBefore);
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytesAfter, QCryptographicHash::Sha256).toHex()), submitted.sha256);
    const Photo again = *PhotoRepository(store.db()).submittedFor(m_attempt);
    QCOMPARE(again.sha256, submitted.sha256);
    QCOMPARE(again.byteSize, submitted.byteSize);
    QCOMPARE(pane->photo().image.cacheKey(), pixelsBefore);
    QTest::keyClick(review->queueView(), Qt::Key_Home);
    QCOMPARE(state->rotation(0), 0);
    QCOMPARE(state->rotation(1), 0);
}

void TestGuiCompare::fullScreenComparison()
{
    ReviewWorkspace* review = m_window->reviewWorkspace();
    QTest::keyClick(review->queueView(), Qt::Key_Plus);
    QTest::keyClick(review->queueView(), Qt::Key_F);
    CompareWindow* full = compare()->fullScreenWindow();
    QVERIFY(full);
    QTRY_VERIFY(full->isVisible());
    QVERIFY(full->isFullScreen());
    const auto mirrors = full->panes();
    auto* source = m_window->findChild<PhotoPane*>(QStringLiteral("enrollmentPhoto"));
    QTRY_VERIFY(mirrors[1]->hasImage());
    QCOMPARE(mirrors[1]->photo().image.cacheKey(), source->photo().image.cacheKey()); // the same pixels, not decoded again
    QVERIFY(QTest::qWaitForWindowExposed(full));
    // The keys work there too (same state): E puts the loupe on the eyes in the big panes.
    QTest::keyClick(full, Qt::Key_E);
    QCOMPARE(compare()->state()->loupe(), CompareState::Loupe::Eyes);
    QTRY_VERIFY(mirrors[0]->paintedFinal() && mirrors[1]->paintedFinal() && mirrors[2]->paintedFinal());
    saveScreenshot(full, QStringLiteral("compare-fullscreen.png"));
    QTest::keyClick(full, Qt::Key_Escape);
    QTRY_VERIFY(!full->isVisible());
    // The main window is active again, the workspace has the keyboard back.
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTRY_VERIFY(review->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(review->queueView(), Qt::Key_Home);
    QVERIFY(compare()->state()->isPlain());
}

void TestGuiCompare::shortcutOverlayListsEveryKey()
{
    // Every key of the table, once.
    QSet<QKeySequence> tableKeys;
    QSet<QString> ids;
    for (const ReviewKeys::Action& a : ReviewKeys::table()) {
        QVERIFY2(!ids.contains(QLatin1String(a.id)), a.id);
        ids.insert(QLatin1String(a.id));
        QVERIFY(!a.keys.isEmpty());
        QVERIFY(!ReviewKeys::text(a).isEmpty());
        for (const QKeySequence& k : a.keys)
            tableKeys.insert(k);
    }
    // Every shortcut and menu key of the window (workspace, compare tools, full-screen view,
    // clean lane, menus) is in the table: the overlay cannot miss one.
    compare()->toggleFullScreen(); // makes the full-screen window and its keys
    QTRY_VERIFY(compare()->isFullScreen());
    compare()->toggleFullScreen();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    int checked = 0;
    for (QShortcut* s : m_window->findChildren<QShortcut*>()) {
        QVERIFY2(tableKeys.contains(s->key()), qPrintable(s->key().toString() + QStringLiteral(" (") + s->objectName() + QLatin1Char(')')));
        ++checked;
    }
    for (QAction* a : m_window->findChildren<QAction*>()) {
        for (const QKeySequence& k : a->shortcuts())
            QVERIFY2(tableKeys.contains(k), qPrintable(k.toString() + QStringLiteral(" (") + a->objectName() + QLatin1Char(')')));
    }
    QVERIFY(checked > 40);

    // "?" opens the overlay; it lists every action of the table.
    ReviewWorkspace* review = m_window->reviewWorkspace();
    QTest::keyClick(review->queueView(), Qt::Key_Question);
    ShortcutOverlay* overlay = ShortcutOverlay::find(m_window.get());
    QVERIFY(overlay && overlay->isVisible());
    QAbstractItemModelTester tester(overlay->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(overlay->model()->rowCount(), int(ReviewKeys::table().size()));
    QSet<QString> listed;
    for (int r = 0; r < overlay->model()->rowCount(); ++r) {
        listed.insert(overlay->model()->index(r, 0).data(ShortcutModel::ActionIdRole).toString());
        QVERIFY(!overlay->model()->index(r, ShortcutModel::KeysColumn).data().toString().isEmpty());
        QVERIFY(!overlay->model()->index(r, ShortcutModel::ActionColumn).data().toString().isEmpty());
    }
    QCOMPARE(listed, ids);
    // Translated (zh_CN first).
    QVERIFY(overlay->model()->index(0, ShortcutModel::ActionColumn).data().toString().contains(QStringLiteral("通过")));
    saveScreenshot(m_window.get(), QStringLiteral("shortcut-overlay.png"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!ShortcutOverlay::find(m_window.get()));
    // F1 from the menu does the same.
    QTest::keyClick(review->queueView(), Qt::Key_F1);
    QTRY_VERIFY(ShortcutOverlay::find(m_window.get()) && ShortcutOverlay::find(m_window.get())->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
    QTRY_VERIFY(!ShortcutOverlay::find(m_window.get()));
}

void TestGuiCompare::verdictMarksDifferByShape()
{
    // Colour-blind safe: the marks differ by their shape's outline, not only by colour.
    auto alphaAt = [](VerdictMark m, QPoint p) { return VerdictStyle::pixmap(m, 32, 2.0).toImage().pixelColor(p).alpha(); };
    QCOMPARE(VerdictStyle::pixmap(VerdictMark::Pass, 32, 2.0).toImage().size(), QSize(64, 64)); // device pixels at 2×
    QVERIFY(alphaAt(VerdictMark::Fail, QPoint(8, 8)) > 200);  // the square fills its corner
    QVERIFY(alphaAt(VerdictMark::Pass, QPoint(8, 8)) < 20);   // the disc does not
    QVERIFY(alphaAt(VerdictMark::Warn, QPoint(8, 56)) > 100);  // the triangle's base
    QVERIFY(alphaAt(VerdictMark::Warn, QPoint(8, 8)) < 20);
    QVERIFY(VerdictStyle::symbol(VerdictMark::Pass) != VerdictStyle::symbol(VerdictMark::Fail));
    QCOMPARE(VerdictStyle::fromName(QStringLiteral("mismatch")), VerdictMark::Fail);
    QCOMPARE(VerdictStyle::fromName(QStringLiteral("uncertain")), VerdictMark::Uncertain);
}

QTEST_MAIN(TestGuiCompare)
#include "tst_gui_compare.moc"
