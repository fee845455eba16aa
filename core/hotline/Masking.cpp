#include "core/hotline/Masking.h"

namespace pd {

QString maskNationalId(const QString& id)
{
    if (id.size() <= 4)
        return QString(id.size(), QLatin1Char('*'));
    return QString(id.size() - 4, QLatin1Char('*')) + id.right(4);
}

QString maskPhone(const QString& phone)
{
    if (phone.size() < 8)
        return QString(phone.size(), QLatin1Char('*'));
    return phone.left(3) + QString(phone.size() - 7, QLatin1Char('*')) + phone.right(4);
}

} // namespace pd
