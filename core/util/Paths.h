#pragma once

#include <QString>

namespace pd {

// Folder with PhotoDesk's runtime data (demo photos, models, configuration files).
// Order: $PHOTODESK_SHARE_DIR, <exe>/../share/photodesk (build tree and installed layout),
// the build tree's share dir, /usr/share/photodesk.
QString shareDir();

// Path of a file below shareDir(), e.g. shareFile("demo/demo.json"); empty when missing.
QString shareFile(const QString& relative);

// The user's own writable PhotoDesk folder (embedded database, logs): $PHOTODESK_DATA_DIR, else
// $XDG_DATA_HOME/photodesk (~/.local/share/photodesk). The same for the GUI and the command line
// whatever their application names, so the CLI's diagnostics find the GUI's logs. Not created.
QString userDataDir();
// The embedded store when no --db is given: userDataDir()/photodesk.sqlite.
QString defaultDatabasePath();

} // namespace pd
