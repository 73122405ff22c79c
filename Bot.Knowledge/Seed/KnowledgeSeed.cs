using Bot.Knowledge.Bundles;
using Bot.Knowledge.Departments;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;

namespace Bot.Knowledge.Seed;

/// <summary>The whole knowledge base as read from <c>knowledge-seed/</c>, validated.</summary>
public sealed record KnowledgeSeed(
    IReadOnlyList<Department> Departments,
    IReadOnlyList<ServicePoint> ServicePoints,
    IReadOnlyList<ServiceItem> Items,
    IReadOnlyList<Bundle> Bundles);
