#pragma once

#include <QString>

namespace pd {

// Folder with PhotoDesk's runtime data (demo photos, models, configuration files).
// Order: $PHOTODESK_SHARE_DIR, <exe>/../share/photodesk (build tree and installed layout),
// the build tree's share dir, /usr/share/photodesk.
QString shareDir();

// Path of a file below shareDir(), e.g. shareFile("demo/demo.json"); empty when missing.
QString shareFile(const QString& relative);

} // namespace pd
