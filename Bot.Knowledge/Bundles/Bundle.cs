using Bot.Knowledge.Items;

namespace Bot.Knowledge.Bundles;

/// <summary>一件事: one citizen need spanning several items, done in order with shared materials brought once.</summary>
public sealed record Bundle
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Requests that look like this bundle but are not it: negative examples for retrieval.</summary>
    public IReadOnlyList<string> NotFor { get; init; } = [];
    public required IReadOnlyList<BundleStep> Steps { get; init; }
    public IReadOnlyList<SharedMaterial> SharedMaterials { get; init; } = [];
    public TimeLimit? TimeLimit { get; init; }
    public IReadOnlyList<Faq> Faqs { get; init; } = [];
    public IReadOnlyList<string> Tips { get; init; } = [];
    public IReadOnlyList<OnlineChannel> OnlineChannels { get; init; } = [];
    public IReadOnlyList<PlaceRef> ServicePoints { get; init; } = [];
}

/// <summary>A member item of a bundle, in the order the citizen should do it.</summary>
public sealed record BundleStep(string ItemId, string? Note);

/// <summary>A material brought once and used by several member items.</summary>
public sealed record SharedMaterial(string Name, IReadOnlyList<MaterialRef> Refs);

/// <summary>A material of a member item.</summary>
public sealed record MaterialRef(string ItemId, string MaterialId);
