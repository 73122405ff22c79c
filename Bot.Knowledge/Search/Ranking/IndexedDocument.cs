using Bot.Knowledge.Search.Lexical;

namespace Bot.Knowledge.Search.Ranking;

/// <summary>A document with its analysed fields, as one snapshot of the index holds it.</summary>
internal sealed record IndexedDocument(SearchDocument Document, IReadOnlyList<AnalyzedField> Fields);
