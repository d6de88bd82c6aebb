#pragma once

#include <QString>
#include <QtGlobal>

namespace warroom::usage {

// Recovery priority of an affected table: who is hurt, and how far the damage spreads.
//
//   priority = wRefs × log2(1 + references) + wPeople × log2(1 + distinct people)
//            + wReach × log2(1 + downstream reach)
//
// Logarithms keep one very busy table from dwarfing everything: doubling the readers adds a
// constant. People weigh more than references (each one is someone to tell), downstream
// reach (tables that depend on this one, from the lineage graph) sits in between.
struct PriorityWeights
{
    double references = 1.0;
    double people = 2.0;
    double reach = 1.5;
};

struct PriorityScore
{
    double value = 0;
    double referencesTerm = 0;
    double peopleTerm = 0;
    double reachTerm = 0;
    QString explanation; // the formula with this table's numbers, for a tooltip or detail line
};

PriorityScore recoveryPriority(qint64 references, int distinctPeople, double downstreamReach,
                               const PriorityWeights &weights = {});

// "priority = 1 × log2(1 + references) + 2 × log2(1 + people) + 1.5 × log2(1 + downstream)"
QString priorityFormula(const PriorityWeights &weights = {});

} // namespace warroom::usage
