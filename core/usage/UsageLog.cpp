#include "core/usage/UsageLog.h"

#include "core/usage/JobsReader.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace warroom::usage {

namespace {

constexpr quint32 NoTable = std::numeric_limits<quint32>::max();

enum RowFlag : quint8 { Failed = 1, Script = 2, CacheHit = 4, Parent = 8 };

struct Row
{
    EpochMicros time = 0;
    qint64 bytes = 0;
    quint32 user = 0;
    quint32 dest = NoTable;
    quint8 flags = 0;
};

bool excludedTableName(std::string_view name)
{
    // dataset = the part before the last dot (after the previous one).
    const size_t last = name.rfind('.');
    if (last == std::string_view::npos)
        return false;
    const size_t prev = last == 0 ? std::string_view::npos : name.rfind('.', last - 1);
    const std::string_view dataset = prev == std::string_view::npos
                                         ? name.substr(0, last)
                                         : name.substr(prev + 1, last - prev - 1);
    if (!dataset.empty() && dataset.front() == '_')
        return true;
    static constexpr std::string_view schema = "INFORMATION_SCHEMA";
    for (size_t i = 0; i + schema.size() <= name.size(); ++i) {
        size_t k = 0;
        while (k < schema.size()
               && std::toupper(static_cast<unsigned char>(name[i + k])) == schema[k])
            ++k;
        if (k == schema.size())
            return true;
    }
    return false;
}

// Open-addressing hash tables: one probe sequence in a flat array instead of a node per
// entry, which is what keeps a million jobs fast to add and cheap to free.
class Interner
{
public:
    quint32 intern(std::string_view s)
    {
        if ((m_strings.size() + 1) * 2 > m_slots.size())
            grow();
        const size_t mask = m_slots.size() - 1;
        for (size_t i = std::hash<std::string_view>()(s) & mask;; i = (i + 1) & mask) {
            const quint32 slot = m_slots[i];
            if (slot == 0) {
                const auto id = static_cast<quint32>(m_strings.size());
                m_strings.emplace_back(s);
                m_slots[i] = id + 1;
                return id;
            }
            if (m_strings[slot - 1] == s)
                return slot - 1;
        }
    }
    const std::string &at(quint32 id) const { return m_strings[id]; }
    size_t size() const { return m_strings.size(); }

private:
    void grow()
    {
        std::vector<quint32> table(std::max<size_t>(64, m_slots.size() * 2), 0);
        const size_t mask = table.size() - 1;
        for (quint32 id = 0; id < m_strings.size(); ++id) {
            size_t i = std::hash<std::string_view>()(m_strings[id]) & mask;
            while (table[i] != 0)
                i = (i + 1) & mask;
            table[i] = id + 1;
        }
        m_slots.swap(table);
    }
    std::vector<std::string> m_strings;
    std::vector<quint32> m_slots; // id + 1; 0: empty
};

// 64-bit key (never 0) → 32-bit value.
class FlatIndex
{
public:
    // Returns the existing value, or inserts `value` and returns it.
    quint32 insert(quint64 key, quint32 value, bool *inserted)
    {
        key = key ? key : 1;
        if ((m_count + 1) * 2 > m_keys.size())
            grow();
        const size_t mask = m_keys.size() - 1;
        for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            if (m_keys[i] == 0) {
                m_keys[i] = key;
                m_values[i] = value;
                ++m_count;
                *inserted = true;
                return value;
            }
            if (m_keys[i] == key) {
                *inserted = false;
                return m_values[i];
            }
        }
    }
    std::optional<quint32> find(quint64 key) const
    {
        key = key ? key : 1;
        if (m_keys.empty())
            return std::nullopt;
        const size_t mask = m_keys.size() - 1;
        for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            if (m_keys[i] == 0)
                return std::nullopt;
            if (m_keys[i] == key)
                return m_values[i];
        }
    }

private:
    static size_t mix(quint64 k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return static_cast<size_t>(k);
    }
    void grow()
    {
        std::vector<quint64> keys(std::max<size_t>(1024, m_keys.size() * 2), 0);
        std::vector<quint32> values(keys.size());
        const size_t mask = keys.size() - 1;
        for (size_t j = 0; j < m_keys.size(); ++j) {
            if (m_keys[j] == 0)
                continue;
            size_t i = mix(m_keys[j]) & mask;
            while (keys[i] != 0)
                i = (i + 1) & mask;
            keys[i] = m_keys[j];
            values[i] = m_values[j];
        }
        m_keys.swap(keys);
        m_values.swap(values);
    }
    std::vector<quint64> m_keys;
    std::vector<quint32> m_values;
    size_t m_count = 0;
};

} // namespace

struct UsageLog::Data
{
    Interner tables;
    Interner users;
    std::vector<quint8> tableExcluded;
    std::vector<UserKind> userKinds;
    mutable std::vector<Row> rows;
    mutable std::vector<quint64> refs; // (row << 32) | table
    FlatIndex jobIndex;
    mutable std::vector<quint64> parentKeys;
    mutable bool finalized = true;
    qint64 rowsRead = 0;
    qint64 malformed = 0;
    std::optional<EpochMicros> earliest, latest;
    std::string keyBuffer;

    quint64 jobKey(const std::string &project, const std::string &job)
    {
        keyBuffer.assign(project);
        keyBuffer.push_back('\x1f');
        keyBuffer.append(job);
        return std::hash<std::string_view>()(keyBuffer);
    }
    quint32 table(std::string_view name)
    {
        const quint32 id = tables.intern(name);
        if (id == tableExcluded.size())
            tableExcluded.push_back(excludedTableName(name) ? 1 : 0);
        return id;
    }
};

UsageLog::UsageLog()
    : d(std::make_unique<Data>())
{
    d->users.intern(std::string()); // id 0: no user
    d->userKinds.push_back(UserKind::Unknown);
}

UsageLog::~UsageLog() = default;

void UsageLog::add(const JobRecord &row)
{
    ++d->rowsRead;
    d->finalized = false;
    quint32 rowIndex;
    bool merged = false;
    if (!row.jobId.empty()) {
        const quint64 key = d->jobKey(row.projectId, row.jobId);
        bool inserted = false;
        rowIndex = d->jobIndex.insert(key, static_cast<quint32>(d->rows.size()), &inserted);
        merged = !inserted;
    } else {
        rowIndex = static_cast<quint32>(d->rows.size());
    }
    if (!merged) {
        Row r;
        r.time = row.creationTime.value_or(0);
        r.bytes = row.totalBytesProcessed;
        const quint32 user = d->users.intern(row.userEmail);
        if (user == d->userKinds.size())
            d->userKinds.push_back(classifyUser(QString::fromStdString(row.userEmail)));
        r.user = user;
        if (row.hasError || (!row.state.empty() && row.state != "DONE" && row.state != "done"))
            r.flags |= Failed;
        if (row.statementType == "SCRIPT" || row.statementType == "script")
            r.flags |= Script;
        if (row.cacheHit)
            r.flags |= CacheHit;
        // Destinations matter only to recognise a job's read of its own destination; anonymous
        // result tables (one per query) are never counted, so they are not interned at all.
        if (!row.destinationTable.empty() && !excludedTableName(row.destinationTable))
            r.dest = d->table(row.destinationTable);
        d->rows.push_back(r);
        if (!d->earliest || r.time < *d->earliest)
            d->earliest = r.time;
        if (!d->latest || r.time > *d->latest)
            d->latest = r.time;
    }
    for (const std::string &t : row.referencedTables)
        d->refs.push_back((quint64(rowIndex) << 32) | d->table(t));
    if (!row.parentJobId.empty())
        d->parentKeys.push_back(d->jobKey(row.projectId, row.parentJobId));
}

void UsageLog::setMalformedCount(qint64 count)
{
    d->malformed = count;
}

void UsageLog::finalize() const
{
    if (d->finalized)
        return;
    std::sort(d->refs.begin(), d->refs.end());
    d->refs.erase(std::unique(d->refs.begin(), d->refs.end()), d->refs.end());
    for (quint64 key : d->parentKeys) {
        if (const auto row = d->jobIndex.find(key))
            d->rows[*row].flags |= Parent;
    }
    d->finalized = true;
}

std::unique_ptr<UsageLog> UsageLog::load(const QString &path, ReadStats *stats,
                                         const std::function<bool(qint64, qint64)> &progress)
{
    auto log = std::make_unique<UsageLog>();
    JobsReader reader;
    reader.setProgress(progress);
    if (!reader.readFile(
            path, [&](const JobRecord &row) { log->add(row); }, stats))
        return nullptr;
    log->setMalformedCount(stats->malformed);
    log->finalize();
    return log;
}

qint64 UsageLog::rowCount() const
{
    return d->rowsRead;
}
qint64 UsageLog::jobCount() const
{
    return static_cast<qint64>(d->rows.size());
}
int UsageLog::tableCount() const
{
    return static_cast<int>(d->tables.size());
}
int UsageLog::userCount() const
{
    return static_cast<int>(d->users.size()) - 1;
}
std::optional<EpochMicros> UsageLog::earliest() const
{
    return d->earliest;
}
std::optional<EpochMicros> UsageLog::latest() const
{
    return d->latest;
}

bool UsageLog::isExcludedTable(const QString &table)
{
    return excludedTableName(table.toStdString());
}

UsageRanking UsageLog::rank(const RankingOptions &options) const
{
    finalize();
    UsageRanking result;
    result.since = options.since;
    result.until = options.until;
    result.rows.read = d->rowsRead;
    result.rows.malformed = d->malformed;

    const EpochMicros lo = options.since.value_or(std::numeric_limits<EpochMicros>::min());
    const EpochMicros hi = options.until.value_or(std::numeric_limits<EpochMicros>::max());
    const bool hasPrevious = options.since && options.until && *options.until > *options.since;
    const EpochMicros prevLo = hasPrevious ? lo - (hi - lo) : 0;

    struct Stat
    {
        qint64 refs = 0;
        qint64 prev = 0;
        qint64 bytes = 0;
        EpochMicros last = std::numeric_limits<EpochMicros>::min();
    };
    std::vector<Stat> stats(d->tables.size());
    std::vector<quint64> pairs; // (table << 32) | user
    pairs.reserve(d->refs.size());

    const quint8 excludedFlags = Script | Parent | (options.includeFailed ? 0 : Failed);
    auto groupOk = [&](quint32 user) {
        switch (options.userGroup) {
        case UserGroup::All:
            return true;
        case UserGroup::People:
            return d->userKinds[user] == UserKind::Person;
        case UserGroup::ServiceAccounts:
            return d->userKinds[user] == UserKind::ServiceAccount;
        }
        return true;
    };

    quint32 lastUsedRow = std::numeric_limits<quint32>::max();
    for (const quint64 ref : d->refs) {
        const auto rowIndex = static_cast<quint32>(ref >> 32);
        const auto table = static_cast<quint32>(ref & 0xffffffffu);
        if (d->tableExcluded[table])
            continue;
        const Row &row = d->rows[rowIndex];
        if (row.flags & excludedFlags)
            continue;
        if (options.excludeOwnDestination && row.dest == table)
            continue;
        if (!groupOk(row.user))
            continue;
        if (row.time >= lo && row.time < hi) {
            Stat &s = stats[table];
            ++s.refs;
            s.bytes += row.bytes;
            s.last = std::max(s.last, row.time);
            if (row.user != 0)
                pairs.push_back((quint64(table) << 32) | row.user);
            if (rowIndex != lastUsedRow) {
                ++result.rows.used;
                lastUsedRow = rowIndex;
            }
        } else if (hasPrevious && row.time >= prevLo && row.time < lo) {
            ++stats[table].prev;
        }
    }

    std::sort(pairs.begin(), pairs.end());
    // Per table: users with counts. Per user: tables with counts.
    std::vector<QList<UserCount>> tableUsers(d->tables.size());
    std::vector<int> people(d->tables.size()), services(d->tables.size());
    std::unordered_map<quint32, QList<UserTableCount>> userTables;
    std::vector<QString> userNames(d->users.size());
    std::vector<QString> tableNames(d->tables.size());
    auto tableName = [&](quint32 t) -> const QString & {
        if (tableNames[t].isNull())
            tableNames[t] = QString::fromStdString(d->tables.at(t));
        return tableNames[t];
    };
    auto userName = [&](quint32 u) -> const QString & {
        if (userNames[u].isNull())
            userNames[u] = QString::fromStdString(d->users.at(u));
        return userNames[u];
    };
    for (size_t i = 0; i < pairs.size();) {
        size_t j = i + 1;
        while (j < pairs.size() && pairs[j] == pairs[i])
            ++j;
        const auto table = static_cast<quint32>(pairs[i] >> 32);
        const auto user = static_cast<quint32>(pairs[i] & 0xffffffffu);
        const auto count = static_cast<qint64>(j - i);
        tableUsers[table].append({userName(user), count});
        if (d->userKinds[user] == UserKind::Person)
            ++people[table];
        else if (d->userKinds[user] == UserKind::ServiceAccount)
            ++services[table];
        userTables[user].append({tableName(table), count});
        i = j;
    }

    auto byCount = [](const auto &a, const auto &b) {
        return a.references > b.references;
    };
    for (quint32 t = 0; t < stats.size(); ++t) {
        const Stat &s = stats[t];
        if (s.refs == 0)
            continue;
        TableUsage u;
        u.table = tableName(t);
        u.references = s.refs;
        u.users = std::move(tableUsers[t]);
        std::sort(u.users.begin(), u.users.end(), [](const UserCount &a, const UserCount &b) {
            return a.references != b.references ? a.references > b.references : a.user < b.user;
        });
        u.distinctUsers = static_cast<int>(u.users.size());
        u.distinctPeople = people[t];
        u.distinctServiceAccounts = services[t];
        u.lastRead = s.last;
        u.bytesProcessed = s.bytes;
        u.previousReferences = s.prev;
        u.hasTrend = hasPrevious;
        u.topUsers = u.users.mid(0, std::max(0, options.topUsers));
        result.tables.append(std::move(u));
    }
    Q_UNUSED(byCount);
    std::sort(
        result.tables.begin(), result.tables.end(), [](const TableUsage &a, const TableUsage &b) {
            return a.references != b.references ? a.references > b.references : a.table < b.table;
        });

    for (auto &[user, tables] : userTables) {
        UserUsage u;
        u.user = userName(user);
        u.kind = d->userKinds[user];
        u.domain = userDomain(u.user);
        std::sort(tables.begin(), tables.end(),
                  [](const UserTableCount &a, const UserTableCount &b) {
                      return a.references != b.references ? a.references > b.references
                                                          : a.table < b.table;
                  });
        for (const UserTableCount &t : tables)
            u.references += t.references;
        u.tables = std::move(tables);
        result.users.append(std::move(u));
    }
    std::sort(result.users.begin(), result.users.end(), [](const UserUsage &a, const UserUsage &b) {
        return a.references != b.references ? a.references > b.references : a.user < b.user;
    });
    return result;
}

} // namespace warroom::usage
