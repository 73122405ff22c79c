namespace Bot.Knowledge.Search;

/// <summary>
/// One text of a document with its weight, e.g. ("name", "个体工商户设立登记", 3) or ("alias", "开个小卖部", 2).
/// A document may carry several fields of the same name (one per alias or FAQ question); each is also an
/// example of how people ask for the document.
/// </summary>
public sealed record SearchField(string Name, string Text, float Weight);
