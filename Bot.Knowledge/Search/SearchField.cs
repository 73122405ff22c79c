namespace Bot.Knowledge.Search;

/// <summary>
/// One text of a document with its weight, e.g. ("name", "个体工商户设立登记", 3) or ("alias", "开个小卖部", 2).
/// A document may carry several fields of the same name (one per alias or FAQ question); each is also an
/// example of how people ask for the document. Fields named <see cref="NotFor"/> are the opposite: requests
/// that look like the document but are not it, which count against it.
/// </summary>
public sealed record SearchField(string Name, string Text, float Weight)
{
    /// <summary>The field name of a negative example (a near miss a curator recorded).</summary>
    public const string NotFor = "notFor";

    /// <summary>Whether this field is a negative example rather than a way of asking for the document.</summary>
    public bool IsNegative => Name == NotFor;
}
