#pragma once

#include <QString>

namespace pd {

// Personal data shown to roles that do not need it in full: only the last four characters
// of a national ID number, the first three and last four digits of a phone number.
QString maskNationalId(const QString& id);
QString maskPhone(const QString& phone);

} // namespace pd
