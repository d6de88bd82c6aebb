#include "core/lineage/LineageLogs.h"

#include <QCoreApplication>
#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace warroom::lineage {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::lineage::LineageLogs)
};

using Json = nlohmann::json;

// Streams the top-level objects of a JSON array or of NDJSON / concatenated JSON objects,
// one at a time, with the line each starts on. Bounded memory: one object at a time.
bool forEachObject(const QString &path, Diagnostics *diagnostics,
                   const std::function<void(const Json &, int line)> &visit,
                   const std::function<bool(std::string_view)> &worthParsing = {})
{
    std::unique_ptr<FILE, int (*)(FILE *)> file(std::fopen(QFile::encodeName(path).constData(), "rb"),
                                                &std::fclose);
    if (!file) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(path, 0, 0, Tr::tr("cannot open the file")));
        return false;
    }
    std::vector<char> chunk(1 << 20);
    std::string element;
    int line = 1;
    int startLine = 0;
    int depth = 0;
    bool inString = false, escape = false;
    bool skippingLine = false;
    int errors = 0;
    auto report = [&](int at, const QString &message) {
        if (diagnostics && ++errors <= 20)
            diagnostics->append(Diagnostic::error(path, at, 0, message));
    };
    auto finishElement = [&]() {
        if (worthParsing && !worthParsing(element)) {
            element.clear();
            return;
        }
        Json value = Json::parse(element, nullptr, false);
        if (value.is_discarded()) {
            // Re-parse with exceptions for the position of the problem.
            int at = startLine;
            QString message = Tr::tr("invalid JSON");
            try {
                const Json again = Json::parse(element);
                Q_UNUSED(again);
            } catch (const Json::parse_error &e) {
                const std::size_t upto = std::min<std::size_t>(e.byte, element.size());
                at += static_cast<int>(std::count(element.begin(), element.begin() + upto, '\n'));
                message = QString::fromUtf8(e.what());
            }
            report(at, message);
        } else {
            visit(value, startLine);
        }
        element.clear();
    };
    enum { Unknown, Array, Lines } mode = Unknown;
    auto blank = [](const std::string &text) {
        return text.find_first_not_of(" \t\r\n") == std::string::npos;
    };
    std::size_t n;
    while ((n = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0) {
        for (std::size_t i = 0; i < n; ++i) {
            const char c = chunk[i];
            if (mode == Unknown) {
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\xef' || c == '\xbb'
                    || c == '\xbf') { // whitespace, UTF-8 BOM
                    if (c == '\n')
                        ++line;
                    continue;
                }
                mode = c == '[' ? Array : Lines;
                if (mode == Array)
                    continue;
            }
            if (mode == Lines) {
                // NDJSON: one document per line; a bad line is reported and skipped.
                if (c == '\n') {
                    if (!blank(element))
                        finishElement();
                    element.clear();
                    ++line;
                    startLine = line;
                } else {
                    if (element.empty())
                        startLine = line;
                    element.push_back(c);
                }
                continue;
            }
            if (c == '\n')
                ++line;
            if (depth == 0) {
                if (skippingLine) {
                    if (c == '\n')
                        skippingLine = false;
                    continue;
                }
                if (c == '{') {
                    depth = 1;
                    startLine = line;
                    element.push_back(c);
                    inString = escape = false;
                } else if (!(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ']' || c == ',')) {
                    report(line, Tr::tr("expected a JSON object"));
                    skippingLine = true;
                }
                continue;
            }
            element.push_back(c);
            if (inString) {
                if (escape)
                    escape = false;
                else if (c == '\\')
                    escape = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"')
                inString = true;
            else if (c == '{' || c == '[')
                ++depth;
            else if (c == '}' || c == ']') {
                if (--depth == 0)
                    finishElement();
            }
        }
    }
    if (mode == Lines && !blank(element))
        finishElement();
    if (depth > 0)
        report(startLine, Tr::tr("unexpected end of file inside the object starting here"));
    if (errors > 20 && diagnostics)
        diagnostics->append(Diagnostic::error(path, 0, 0, Tr::tr("%1 more errors").arg(errors - 20)));
    return true;
}

const Json *member(const Json &object, std::initializer_list<const char *> keys)
{
    if (!object.is_object())
        return nullptr;
    for (const char *key : keys) {
        auto it = object.find(key);
        if (it != object.end() && !it->is_null())
            return &*it;
    }
    return nullptr;
}

std::string text(const Json *value)
{
    if (!value)
        return {};
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_number_integer())
        return std::to_string(value->get<long long>());
    return {};
}

bool skippedDataset(const std::string &dataset)
{
    if (dataset.empty() || dataset.front() == '_')
        return true;
    std::string upper;
    for (char c : dataset)
        upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return upper == "INFORMATION_SCHEMA";
}

// {project_id, dataset_id, table_id} (or camelCase), or "project.dataset.table".
std::string tableName(const Json &ref)
{
    if (ref.is_string()) {
        std::string s = ref.get<std::string>();
        for (char &c : s) {
            if (c == ':')
                c = '.';
        }
        const auto first = s.find('.');
        const auto last = s.rfind('.');
        const std::string dataset = first == last ? s.substr(0, first)
                                                  : s.substr(first + 1, last - first - 1);
        return skippedDataset(dataset) ? std::string() : s;
    }
    const std::string project = text(member(ref, {"project_id", "projectId"}));
    const std::string dataset = text(member(ref, {"dataset_id", "datasetId"}));
    const std::string table = text(member(ref, {"table_id", "tableId"}));
    if (dataset.empty() || table.empty() || skippedDataset(dataset))
        return {};
    return project.empty() ? dataset + '.' + table : project + '.' + dataset + '.' + table;
}

// The value right after `"key":` (whitespace skipped), or an empty view.
std::string_view valueAfter(std::string_view text, std::string_view quotedKey, std::size_t from = 0)
{
    const std::size_t at = text.find(quotedKey, from);
    if (at == std::string_view::npos)
        return {};
    std::size_t i = at + quotedKey.size();
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
    if (i >= text.size() || text[i] != ':')
        return {};
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
    return text.substr(i);
}

// Most JOBS rows are ad-hoc SELECTs: no referenced table, or an anonymous destination.
// Recognise them without building a JSON document (only when sure; anything else is parsed).
bool jobsRowWorthParsing(std::string_view row)
{
    std::string_view refs = valueAfter(row, "\"referenced_tables\"");
    if (!refs.empty() && refs.front() == '[') {
        std::size_t i = 1;
        while (i < refs.size() && (refs[i] == ' ' || refs[i] == '\n' || refs[i] == '\r' || refs[i] == '\t'))
            ++i;
        if (i < refs.size() && refs[i] == ']')
            return false;
    }
    if (refs.rfind("null", 0) == 0)
        return false;
    const std::size_t dest = row.find("\"destination_table\"");
    if (dest != std::string_view::npos) {
        std::string_view after = valueAfter(row, "\"destination_table\"");
        if (after.rfind("null", 0) == 0)
            return false;
        std::string_view dataset = valueAfter(row, "\"dataset_id\"", dest);
        if (dataset.size() > 1 && dataset[0] == '"' && dataset[1] == '_'
            && static_cast<std::size_t>(dataset.data() - row.data()) < dest + 200)
            return false;
    }
    return true;
}

} // namespace

bool readJobsFile(const QString &path, const TableFlowSink &sink, Diagnostics *diagnostics,
                  int *rowCount)
{
    int rows = 0;
    const bool ok = forEachObject(path, diagnostics, [&](const Json &row, int line) {
        const Json *query = nullptr;
        if (const Json *conf = member(row, {"configuration"}))
            query = member(*conf, {"query"});
        const Json *stats = nullptr;
        if (const Json *s = member(row, {"statistics"}))
            stats = member(*s, {"query"});
        const Json *dest = member(row, {"destination_table", "destinationTable"});
        if (!dest && query)
            dest = member(*query, {"destinationTable"});
        const Json *refs = member(row, {"referenced_tables", "referencedTables"});
        if (!refs && stats)
            refs = member(*stats, {"referencedTables"});
        if (!dest)
            return;
        TableFlow flow;
        flow.line = line;
        if (std::string out = tableName(*dest); !out.empty())
            flow.outputs.push_back(std::move(out));
        if (flow.outputs.empty())
            return;
        if (refs && refs->is_array()) {
            for (const Json &ref : *refs) {
                if (std::string in = tableName(ref); !in.empty() && in != flow.outputs.front())
                    flow.inputs.push_back(std::move(in));
            }
        }
        if (!flow.inputs.empty())
            sink(std::move(flow));
    }, [&](std::string_view row) {
        ++rows;
        return jobsRowWorthParsing(row);
    });
    if (rowCount)
        *rowCount = rows;
    return ok;
}

bool readOpenLineageFile(const QString &path, const TableFlowSink &sink, Diagnostics *diagnostics,
                         int *eventCount)
{
    int events = 0;
    const bool ok = forEachObject(path, diagnostics, [&](const Json &event, int line) {
        ++events;
        TableFlow flow;
        flow.line = line;
        if (const Json *job = member(event, {"job"}))
            flow.job = text(member(*job, {"name"}));
        auto collect = [&](const char *key, std::vector<std::string> &out) {
            const Json *list = member(event, {key});
            if (!list || !list->is_array())
                return;
            for (const Json &dataset : *list) {
                const std::string ns = text(member(dataset, {"namespace"}));
                const std::string name = text(member(dataset, {"name"}));
                if (ns.rfind("bigquery", 0) != 0 || name.empty())
                    continue;
                if (std::string t = tableName(Json(name)); !t.empty())
                    out.push_back(std::move(t));
            }
        };
        collect("inputs", flow.inputs);
        collect("outputs", flow.outputs);
        if (!flow.outputs.empty() || (!flow.inputs.empty() && !flow.job.empty()))
            sink(std::move(flow));
    });
    if (eventCount)
        *eventCount = events;
    return ok;
}

} // namespace warroom::lineage
