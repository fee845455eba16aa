// The review workspace's layout (issue 15), offscreen, on the demo store with a submission open
// and claimed, at 1366×768, 1440×900 and 1920×1080 (and, as tst_gui_layout_hidpi with
// QT_SCALE_FACTOR=2, at 1440×900 logical = 2880×1800 device pixels), in Chinese and English:
// - the three photo canvases cover at least 45 % of the window, the submitted one the largest,
//   and they keep their size from one submission to the next (what the prefetcher scaled for
//   them is painted as it is);
// - every reason of the list is shown in full (one column, wrapped, never elided; each item as
//   tall as its text wrapped the way the style paints it), numbered for the 1–28 keys;
// - no label or button of the workspace is cut silently: wrapped with the height it needs,
//   wide enough, or with the full text in its tooltip (the rule table: elided cells carry the
//   full text in the tooltip);
// - the face chips are shown square, at least 64 px;
// - every control is reachable by Tab, and the review keys still work;
// - a moved splitter is remembered for the next window.
// Screenshots: layout-<lang>-<width>x<height>[-dpr2].png in PHOTODESK_TEST_SCREENSHOT_DIR.

#include "GuiShot.h"

#include "core/auth/AuthService.h"
#include "core/demo/DemoSeeder.h"
#include "core/store/Store.h"
#include "widgets/DecisionPanel.h"
#include "widgets/FaceMatchPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/PhotoPane.h"
#include "widgets/ReviewSplitter.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/RuleFlagsModel.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/UiLanguage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QtTest>

#include <array>

using namespace pd;

namespace {

const char* const kPanes[3] = {"submittedPhoto", "enrollmentPhoto", "idCardPhoto"};

// How many pixels the text of `item` needs, laid out the way QCommonStyle paints an item's
// text (QTextLayout, word wrap) in the text rectangle of an item of `rect`.
struct ItemFit {
    int needed = 0;
    int available = 0;
    int wrapWidth = 0;
};

ItemFit fitOf(QListWidget* list, QListWidgetItem* item, const QRect& rect)
{
    QStyleOptionViewItem opt;
    opt.initFrom(list);
    opt.rect = rect;
    opt.text = item->text();
    opt.font = item->font();
    opt.fontMetrics = QFontMetrics(item->font());
    opt.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::WrapText;
    opt.checkState = item->checkState();
    opt.textElideMode = Qt::ElideNone;
    const QRect textRect = list->style()->subElementRect(QStyle::SE_ItemViewItemText, &opt, list);
    const int margin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1;
    ItemFit fit;
    fit.wrapWidth = textRect.width() - 2 * margin;
    fit.available = textRect.height();
    QTextLayout layout(opt.text, opt.font);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(fit.wrapWidth);
        height += line.height();
        // A single word wider than the line is cut, not wrapped: count it as not fitting.
        if (line.naturalTextWidth() > fit.wrapWidth + 0.5)
            height += 10000;
    }
    layout.endLayout();
    fit.needed = qCeil(height);
    return fit;
}

// The text a label or button shows, or empty when it shows none (pixmaps, spaces).
QString shownText(QWidget* w)
{
    if (auto* label = qobject_cast<QLabel*>(w))
        return label->pixmap().isNull() ? label->text().trimmed() : QString();
    if (auto* button = qobject_cast<QAbstractButton*>(w))
        return button->text().trimmed();
    return {};
}

bool onScreen(QWidget* w)
{
    return w->isVisible() && !w->visibleRegion().isEmpty();
}

} // namespace

class TestGuiLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void photosGetMostOfTheWindow_data();
    void photosGetMostOfTheWindow();
    void everyControlIsReachableByTab();
    void movedSplitterIsRemembered();

private:
    // A main window of the demo reviewer at this size with a submission open, claimed and
    // everything of it on screen.
    std::unique_ptr<MainWindow> openWindow(const QSize& size);

    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    Session m_reviewer;
};

void TestGuiLayout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The remembered layout of this run only (never the user's, never an earlier run's).
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    UiLanguage::applyDefaultFont();
    const QString dbPath = m_dir.filePath(QStringLiteral("demo.sqlite"));
    auto seeded = seedDemo(dbPath);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
    m_store = Store::open(dbPath).value();
    auto reviewer = AuthService(m_store).login(QStringLiteral("reviewer"), QStringLiteral("review-demo-1"));
    QVERIFY(reviewer.ok());
    m_reviewer = reviewer.value();
}

void TestGuiLayout::cleanupTestCase()
{
    m_store.reset();
}

std::unique_ptr<MainWindow> TestGuiLayout::openWindow(const QSize& size)
{
    auto window = std::make_unique<MainWindow>(m_store, m_reviewer);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    ReviewWorkspace* review = window->reviewWorkspace();
    // The pre-screen loads its model first; the open submission is analysed at once.
    if (!QTest::qWaitFor([&] { return review->currentAttemptId() != 0 && review->submissionPainted() && review->claim(); }, 180000))
        return nullptr;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return window;
}

void TestGuiLayout::photosGetMostOfTheWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    // Logical pixels: with QT_SCALE_FACTOR=2 (tst_gui_layout_hidpi) 1440×900 is a 2880×1800 screen.
    const bool hiDpi = qApp->devicePixelRatio() > 1.0;
    const QList<QSize> sizes = hiDpi ? QList<QSize>{{1440, 900}} : QList<QSize>{{1366, 768}, {1440, 900}, {1920, 1080}};
    for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")})
        for (const QSize& size : sizes)
            QTest::addRow("%s-%dx%d", qPrintable(language), size.width(), size.height()) << language << size;
}

void TestGuiLayout::photosGetMostOfTheWindow()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QCOMPARE(UiLanguage::install(language), language);
    auto window = openWindow(size);
    QVERIFY2(window, "the submission did not open");
    ReviewWorkspace* review = window->reviewWorkspace();
    const qreal dpr = window->devicePixelRatioF();
    QCOMPARE(window->size(), size);

    // --- photos: the canvases on screen, at least 45 % of the window ---
    const double windowArea = double(window->width()) * window->height();
    double canvasArea = 0;
    double photoArea = 0;
    std::array<QSize, 3> canvases;
    QStringList report;
    for (int i = 0; i < 3; ++i) {
        auto* pane = window->findChild<PhotoPane*>(QLatin1String(kPanes[i]));
        QVERIFY(pane && pane->hasImage());
        QWidget* canvas = pane->canvas();
        QVERIFY(onScreen(canvas));
        const QRect onWindow = QRect(canvas->mapTo(window.get(), QPoint(0, 0)), canvas->size()) & window->rect();
        QCOMPARE(onWindow.size(), canvas->size()); // whole, not partly scrolled or cut off
        canvasArea += double(onWindow.width()) * onWindow.height();
        photoArea += double(pane->photoRect().width()) * pane->photoRect().height();
        canvases[size_t(i)] = canvas->size();
        report << QStringLiteral("%1 %2×%3 (photo %4×%5)")
                      .arg(QLatin1String(kPanes[i]))
                      .arg(canvas->width())
                      .arg(canvas->height())
                      .arg(pane->photoRect().width())
                      .arg(pane->photoRect().height());
    }
    qInfo("%s %d×%d at %.1fx: photo canvases %.1f %% of the window, photos drawn %.1f %%; %s", qPrintable(language), size.width(),
          size.height(), dpr, 100 * canvasArea / windowArea, 100 * photoArea / windowArea, qPrintable(report.join(QStringLiteral("; "))));
    QVERIFY2(canvasArea >= 0.45 * windowArea, qPrintable(QStringLiteral("photo canvases %1 %").arg(100 * canvasArea / windowArea)));
    const auto area = [](const QSize& s) { return s.width() * s.height(); };
    QVERIFY(area(canvases[0]) >= area(canvases[1]) && area(canvases[0]) >= area(canvases[2])); // the submitted photo the largest

    // --- face chips: square, at least 64 px ---
    FaceMatchPanel* faces = review->faceMatchPanel();
    for (int i = 0; i < 3; ++i) {
        QLabel* chip = faces->chipLabel(i);
        QVERIFY(onScreen(chip));
        QVERIFY2(chip->width() >= 64 && qAbs(chip->width() - chip->height()) <= 1,
                 qPrintable(QStringLiteral("chip %1: %2×%3").arg(i).arg(chip->width()).arg(chip->height())));
    }

    // --- reasons: one column, every title whole, reachable by scrolling ---
    auto* list = window->findChild<QListWidget*>(QStringLiteral("reasonList"));
    QVERIFY(list && onScreen(list));
    QCOMPARE(list->count(), 28);
    QCOMPARE(list->textElideMode(), Qt::ElideNone);
    QVERIFY(list->wordWrap());
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem* item = list->item(i);
        QVERIFY2(item->text().startsWith(QStringLiteral("%1  ").arg(i + 1, 2)), qPrintable(item->text())); // its number for the keys
        list->scrollToItem(item);
        const QRect rect = list->visualItemRect(item);
        QVERIFY2(list->viewport()->rect().contains(rect), qPrintable(QStringLiteral("reason %1 not wholly in view when scrolled to").arg(i + 1)));
        QCOMPARE(rect.left(), 0);
        QCOMPARE(rect.width(), list->viewport()->width());
        const ItemFit fit = fitOf(list, item, rect);
        QVERIFY2(fit.needed <= fit.available, qPrintable(QStringLiteral("reason \"%1\" needs %2 px at %3 px wide, has %4")
                                                             .arg(item->text())
                                                             .arg(fit.needed)
                                                             .arg(fit.wrapWidth)
                                                             .arg(fit.available)));
    }
    list->scrollToTop();

    // --- no silent cut: labels and buttons of the workspace ---
    QStringList cut;
    const auto widgets = review->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const QString text = shownText(w);
        if (text.isEmpty() || !onScreen(w) || !w->toolTip().isEmpty())
            continue;
        auto* label = qobject_cast<QLabel*>(w);
        const bool wraps = label && label->wordWrap();
        if (wraps ? label->height() < label->heightForWidth(label->width()) : w->width() < w->sizeHint().width())
            cut << QStringLiteral("%1 \"%2\" %3×%4 (needs %5)")
                       .arg(w->objectName().isEmpty() ? QLatin1String(w->metaObject()->className()) : w->objectName(), text.left(40))
                       .arg(w->width())
                       .arg(w->height())
                       .arg(wraps ? label->heightForWidth(label->width()) : w->sizeHint().width());
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n"))));

    // --- rule flags: a cell too narrow for its text has the text in full in its tooltip ---
    auto* rules = window->findChild<QTableView*>(QStringLiteral("ruleFlagsView"));
    QVERIFY(rules && onScreen(rules));
    QAbstractItemModel* model = rules->model();
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column : {int(RuleFlagsModel::RuleColumn), int(RuleFlagsModel::ValuesColumn)}) {
            const QModelIndex index = model->index(row, column);
            const QString text = index.data().toString();
            QString whole = text;
            if (column == RuleFlagsModel::RuleColumn)
                whole = text.section(QStringLiteral("  "), 1).trimmed(); // the title (the tooltip has it without the number)
            if (rules->fontMetrics().horizontalAdvance(text) + 12 > rules->columnWidth(column))
                QVERIFY2(index.data(Qt::ToolTipRole).toString().contains(whole.toHtmlEscaped()), qPrintable(text));
        }
    }
    // The verdict is never elided.
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(rules->fontMetrics().horizontalAdvance(model->index(row, RuleFlagsModel::VerdictColumn).data().toString())
                <= rules->columnWidth(RuleFlagsModel::VerdictColumn));

    QVERIFY(test::shoot(window.get(), QStringLiteral("layout-%1-%2x%3%4")
                                          .arg(language)
                                          .arg(size.width())
                                          .arg(size.height())
                                          .arg(dpr > 1 ? QStringLiteral("-dpr%1").arg(dpr) : QString())));

    // --- the canvases keep their size from one submission to the next (J) ---
    std::array<int, 3> scalings{};
    for (int i = 0; i < 3; ++i)
        scalings[size_t(i)] = window->findChild<PhotoPane*>(QLatin1String(kPanes[i]))->uiScalings();
    for (int step = 0; step < 3; ++step) {
        const Id before = review->currentAttemptId();
        QTest::keyClick(review->queueView(), Qt::Key_J);
        QTRY_VERIFY_WITH_TIMEOUT(review->currentAttemptId() != before && review->submissionPainted(), 60000);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(window->findChild<PhotoPane*>(QLatin1String(kPanes[i]))->canvasSize(), canvases[size_t(i)]);
    }
    QStringList rescaled;
    for (int i = 0; i < 3; ++i)
        rescaled << QString::number(window->findChild<PhotoPane*>(QLatin1String(kPanes[i]))->uiScalings() - scalings[size_t(i)]);
    qInfo("photos scaled on the UI thread during three J switches (submitted, enrollment, ID card): %s", qPrintable(rescaled.join(QStringLiteral(", "))));
}

void TestGuiLayout::everyControlIsReachableByTab()
{
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    auto window = openWindow({1366, 768});
    QVERIFY2(window, "the submission did not open");
    ReviewWorkspace* review = window->reviewWorkspace();
    auto* splitter = window->findChild<ReviewSplitter*>(QStringLiteral("reviewSplitter"));
    QVERIFY(splitter);
    QVERIFY(splitter->queueCollapsed()); // 1366 px: the photos get the queue's room

    // The keys: a reason by its two digits, the checklist, then everything can be pressed.
    DecisionPanel* panel = review->decisionPanel();
    for (int n : panel->checkedNumbers())
        QVERIFY(panel->toggleReason(n));
    review->queueView()->setFocus();
    QTest::keyClick(review->queueView(), Qt::Key_2);
    QTest::keyClick(review->queueView(), Qt::Key_8);
    QCOMPARE(panel->checkedNumbers(), QList<int>{28});
    panel->confirmChecklist();

    // Tab from the queue visits every control of the workspace and comes back round.
    QSet<QString> visited;
    QWidget* start = review->queueView();
    start->setFocus(Qt::OtherFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), start);
    for (int i = 0; i < 200; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        if (focus == start)
            break;
        visited << focus->objectName();
    }
    QCOMPARE(QApplication::focusWidget(), start);
    const QStringList expected{QStringLiteral("queueSearch"),   QStringLiteral("queueStateFilter"), QStringLiteral("queueToggle"),
                               QStringLiteral("reasonList"),    QStringLiteral("noteEdit"),         QStringLiteral("approveButton"),
                               QStringLiteral("rejectButton"),  QStringLiteral("overlayCheck"),     QStringLiteral("ruleFlagsView")};
    for (const QString& name : expected)
        QVERIFY2(visited.contains(name), qPrintable(name + QStringLiteral(" is not reached by Tab; reached: ")
                                                    + QStringList(visited.cbegin(), visited.cend()).join(QLatin1Char(' '))));
    for (const QString& id : panel->checklistIds())
        QVERIFY2(visited.contains(QStringLiteral("checklist_") + id), qPrintable(id));
    // Tabbing into the folded queue's search unfolded it.
    QVERIFY(!splitter->queueCollapsed());

    // Esc goes back to the queue, J to the next submission.
    panel->findChild<QWidget*>(QStringLiteral("noteEdit"))->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(review->queueView()));
    const Id before = review->currentAttemptId();
    QTest::keyClick(review->queueView(), Qt::Key_J);
    QTRY_VERIFY_WITH_TIMEOUT(review->currentAttemptId() != before, 30000);
}

void TestGuiLayout::movedSplitterIsRemembered()
{
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    // Nothing chosen yet (the Tab test above unfolded the queue: a choice too).
    QSettings(QSettings::IniFormat, QSettings::UserScope, QCoreApplication::applicationName(), QStringLiteral("review-layout")).clear();
    QList<int> moved;
    QList<int> movedSide;
    {
        auto window = openWindow({1440, 900});
        QVERIFY(window);
        auto* splitter = window->findChild<ReviewSplitter*>(QStringLiteral("reviewSplitter"));
        QVERIFY(splitter && !splitter->isChosen());
        QCOMPARE(splitter->sizes().first(), 0);
        // The reviewer drags the handle between the photos and the side column 80 px to the left.
        QSplitterHandle* handle = splitter->handle(ReviewSplitter::Side);
        QSignalSpy spy(splitter, &QSplitter::splitterMoved);
        const QPoint grip(handle->width() / 2, handle->height() / 2);
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QTest::mouseMove(handle, grip - QPoint(40, 0));
        QTest::mouseMove(handle, grip - QPoint(80, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(80, 0));
        QVERIFY(spy.size() > 0);
        QVERIFY(splitter->isChosen());
        moved = splitter->sizes();
        QVERIFY(moved.at(ReviewSplitter::Side) > ReviewSplitter::defaultSizes(1440).at(ReviewSplitter::Side) + 40);
        // Then unfolds the queue with its toggle.
        QTest::mouseClick(window->findChild<QAbstractButton*>(QStringLiteral("queueToggle")), Qt::LeftButton);
        QVERIFY(!splitter->queueCollapsed());
        moved = splitter->sizes();
        movedSide = window->findChild<QSplitter*>(QStringLiteral("sideSplitter"))->sizes();
    }
    // The next window (the next start) has the reviewer's layout, not the default one.
    auto window = openWindow({1440, 900});
    QVERIFY(window);
    auto* splitter = window->findChild<ReviewSplitter*>(QStringLiteral("reviewSplitter"));
    QVERIFY(splitter->isChosen());
    // The side column as dragged; the queue unfolded at its width (or wider: its minimum grows
    // with the counts in the state filter).
    QCOMPARE(splitter->sizes().at(ReviewSplitter::Side), moved.at(ReviewSplitter::Side));
    QVERIFY(splitter->sizes().at(ReviewSplitter::Queue) >= moved.at(ReviewSplitter::Queue));
    // The side column's parts as chosen, the faces at least at their height (the chips are
    // square: a wider side column makes them taller).
    const QList<int> side = window->findChild<QSplitter*>(QStringLiteral("sideSplitter"))->sizes();
    QVERIFY(side.at(0) >= movedSide.at(0));
    QCOMPARE(side.size(), 3);
    QVERIFY(test::shoot(window.get(), QStringLiteral("layout-remembered-1440x900")));
}

QTEST_MAIN(TestGuiLayout)
#include "tst_gui_layout.moc"
