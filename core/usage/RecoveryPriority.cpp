#include "core/usage/RecoveryPriority.h"

#include "core/usage/UsageTypes.h"

#include <algorithm>
#include <cmath>

namespace warroom::usage {

QString priorityFormula(const PriorityWeights &w)
{
    return Tr::tr("priority = %1 × log2(1 + references) + %2 × log2(1 + people) + %3 × log2(1 + "
                  "downstream tables)")
        .arg(w.references)
        .arg(w.people)
        .arg(w.reach);
}

PriorityScore recoveryPriority(qint64 references, int distinctPeople, double downstreamReach,
                               const PriorityWeights &w)
{
    PriorityScore s;
    const double refs = static_cast<double>(std::max<qint64>(0, references));
    const double people = std::max(0, distinctPeople);
    const double reach = std::max(0.0, downstreamReach);
    s.referencesTerm = w.references * std::log2(1.0 + refs);
    s.peopleTerm = w.people * std::log2(1.0 + people);
    s.reachTerm = w.reach * std::log2(1.0 + reach);
    s.value = s.referencesTerm + s.peopleTerm + s.reachTerm;
    s.explanation = Tr::tr("%1\n= %2 × log2(1 + %3) + %4 × log2(1 + %5) + %6 × log2(1 + %7)\n"
                           "= %8 + %9 + %10 = %11")
                        .arg(priorityFormula(w))
                        .arg(w.references)
                        .arg(references)
                        .arg(w.people)
                        .arg(distinctPeople)
                        .arg(w.reach)
                        .arg(downstreamReach)
                        .arg(s.referencesTerm, 0, 'f', 2)
                        .arg(s.peopleTerm, 0, 'f', 2)
                        .arg(s.reachTerm, 0, 'f', 2)
                        .arg(s.value, 0, 'f', 2);
    return s;
}

} // namespace warroom::usage
