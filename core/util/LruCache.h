#pragma once

#include <QHash>

#include <list>
#include <utility>

namespace pd {

// A map that keeps at most `capacity` entries and forgets the least recently used one when a
// new entry would exceed it: the bounded memory of the review prefetcher (a fixed number of
// prepared submissions, however fast the reviewer moves). Not thread-safe: one owner thread.
template <class Key, class Value>
class LruCache {
public:
    explicit LruCache(int capacity) : m_capacity(qMax(1, capacity)) {}

    int capacity() const { return m_capacity; }
    int size() const { return int(m_index.size()); }
    bool contains(const Key& key) const { return m_index.contains(key); }

    void setCapacity(int capacity)
    {
        m_capacity = qMax(1, capacity);
        trim();
    }

    // Inserts or replaces; the entry becomes the most recently used one.
    void insert(const Key& key, Value value)
    {
        if (auto it = m_index.find(key); it != m_index.end()) {
            it.value()->second = std::move(value);
            m_order.splice(m_order.begin(), m_order, it.value());
            return;
        }
        m_order.emplace_front(key, std::move(value));
        m_index.insert(key, m_order.begin());
        trim();
    }

    // The entry (nullptr when absent); marks it as the most recently used one.
    Value* find(const Key& key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return nullptr;
        m_order.splice(m_order.begin(), m_order, it.value());
        return &it.value()->second;
    }

    // The entry without changing the order.
    const Value* peek(const Key& key) const
    {
        const auto it = m_index.constFind(key);
        return it == m_index.constEnd() ? nullptr : &it.value()->second;
    }

    bool remove(const Key& key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return false;
        m_order.erase(it.value());
        m_index.erase(it);
        return true;
    }

    // Removes every entry for which keep(key, value) is false.
    template <class Predicate>
    int retain(Predicate keep)
    {
        int removed = 0;
        for (auto it = m_order.begin(); it != m_order.end();) {
            if (keep(it->first, it->second)) {
                ++it;
                continue;
            }
            m_index.remove(it->first);
            it = m_order.erase(it);
            ++removed;
        }
        return removed;
    }

    void clear()
    {
        m_order.clear();
        m_index.clear();
    }

    // Keys from the most to the least recently used.
    QList<Key> keys() const
    {
        QList<Key> out;
        out.reserve(size());
        for (const auto& entry : m_order)
            out << entry.first;
        return out;
    }

private:
    void trim()
    {
        while (int(m_index.size()) > m_capacity) {
            m_index.remove(m_order.back().first);
            m_order.pop_back();
        }
    }

    int m_capacity;
    std::list<std::pair<Key, Value>> m_order; // most recently used first
    QHash<Key, typename std::list<std::pair<Key, Value>>::iterator> m_index;
};

} // namespace pd
