#pragma once

// Screenshots from GUI tests (header-only: testsupport itself links no widgets). Written to
// $PHOTODESK_TEST_SCREENSHOT_DIR/<name>.png when that is set, so a run can be looked at;
// without it nothing is written.
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QWidget>

namespace pd::test {

// False only when a screenshot was asked for and could not be written.
inline bool shoot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("PHOTODESK_TEST_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // pending layouts first
    return widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace pd::test
