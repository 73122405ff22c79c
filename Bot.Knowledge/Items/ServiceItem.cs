namespace Bot.Knowledge.Items;

/// <summary>A government service item (政务服务事项) with everything a citizen needs to get it done in one visit.</summary>
public sealed record ServiceItem
{
    public required string Id { get; init; }
    /// <summary>Official name from the catalogue.</summary>
    public required string Name { get; init; }
    public required string DepartmentId { get; init; }
    /// <summary>Plain-language "我要…" title.</summary>
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Requests that look like this item but are not it (考驾照 for 驾驶证换证): negative examples for retrieval.</summary>
    public IReadOnlyList<string> NotFor { get; init; } = [];
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public required TimeLimit TimeLimit { get; init; }
    public required Fee Fee { get; init; }
    public int? MaxVisits { get; init; }
    public IReadOnlyList<Material> Materials { get; init; } = [];
    public IReadOnlyList<Situation> Situations { get; init; } = [];
    public IReadOnlyList<Faq> Faqs { get; init; } = [];
    public IReadOnlyList<string> Tips { get; init; } = [];
    public IReadOnlyList<OnlineChannel> OnlineChannels { get; init; } = [];
    public IReadOnlyList<PlaceRef> ServicePoints { get; init; } = [];
}

/// <summary>承诺时限: statutory and promised working days (0 = handled on the spot).</summary>
public sealed record TimeLimit(int? StatutoryDays, int? PromisedDays, string? Note);

/// <summary>收费标准.</summary>
public sealed record Fee(bool Free, string? Note);

/// <summary>A frequently asked question with its answer.</summary>
public sealed record Faq(string Question, string Answer);

/// <summary>An online way to do the item and what can be done there.</summary>
public sealed record OnlineChannel(string Name, string Url, string Can);

/// <summary>A service point that handles the item, and at which of its windows.</summary>
public sealed record PlaceRef(string PointId, IReadOnlyList<string> Windows);
