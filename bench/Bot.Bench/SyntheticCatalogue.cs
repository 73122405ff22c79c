using Bot.Knowledge.Search;
using Bot.Knowledge.Text;

namespace Bot.Bench;

/// <summary>
/// Plausible made-up catalogue items for scale runs: each copies the shape of a random seed document (name,
/// title, summary, three aliases, one FAQ question, two keywords) and swaps about a third of each text's
/// dictionary words for words the seed uses in the same kind of field. Deterministic for a given count.
/// </summary>
internal static class SyntheticCatalogue
{
    private static readonly (string Field, int Take)[] Shape = [("name", 1), ("title", 1), ("summary", 1), ("alias", 3), ("faq", 1), ("keyword", 2)];

    public static IReadOnlyList<SearchDocument> Generate(IReadOnlyList<SearchDocument> seed, TextAnalyzer analyzer, int count)
    {
        var words = new Dictionary<SearchField, string[]>();
        foreach (var field in seed.SelectMany(d => d.Fields))
        {
            words[field] = analyzer.Words(analyzer.Normalizer.Normalize(field.Text)).ToArray();
        }

        var vocabulary = words
            .GroupBy(w => w.Key.Name, w => w.Value)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x).Distinct().ToArray());
        var random = new Random(100_000);
        var documents = new List<SearchDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var template = seed[random.Next(seed.Count)];
            var fields = new List<SearchField>();
            foreach (var (name, take) in Shape)
            {
                foreach (var field in template.Fields.Where(f => f.Name == name && words[f].Length > 0).Take(take))
                {
                    var text = words[field].Select(w => random.Next(3) == 0 ? vocabulary[name][random.Next(vocabulary[name].Length)] : w);
                    fields.Add(field with { Text = string.Concat(text) });
                }
            }

            var id = $"SYN-{i:D6}";
            documents.Add(new SearchDocument(id, SearchDocumentKind.Item, fields.FirstOrDefault(f => f.Name == "name")?.Text ?? id, fields));
        }

        return documents;
    }
}
