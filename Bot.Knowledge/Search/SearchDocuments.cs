using Bot.Knowledge.Bundles;
using Bot.Knowledge.Items;
using Bot.Knowledge.Seed;

namespace Bot.Knowledge.Search;

/// <summary>
/// What retrieval sees of each item and bundle: its names, the ways people say it, its FAQ questions and
/// situation labels, with field weights (a name match counts most, a situation label least), and the near
/// misses curators recorded as not being it.
/// </summary>
public static class SearchDocuments
{
    public static IReadOnlyList<SearchDocument> From(KnowledgeSeed seed) => From(seed.Items, seed.Bundles);

    public static IReadOnlyList<SearchDocument> From(IEnumerable<ServiceItem> items, IEnumerable<Bundle> bundles) =>
        items.Select(Item).Concat(bundles.Select(Bundle)).ToList();

    private static SearchDocument Item(ServiceItem item) => new(item.Id, SearchDocumentKind.Item, item.Name,
        Fields(item.Name, item.Title, item.Summary, item.Aliases, item.Keywords, item.Faqs,
            item.Situations.Select(q => string.Join(' ', q.Options.Select(o => o.Label).Prepend(q.Text))), item.NotFor));

    private static SearchDocument Bundle(Bundle bundle) => new(bundle.Id, SearchDocumentKind.Bundle, bundle.Name,
        Fields(bundle.Name, bundle.Title, bundle.Summary, bundle.Aliases, bundle.Keywords, bundle.Faqs, [], bundle.NotFor));

    private static List<SearchField> Fields(string name, string title, string summary, IEnumerable<string> aliases,
        IEnumerable<string> keywords, IEnumerable<Faq> faqs, IEnumerable<string> situations, IEnumerable<string> notFor) =>
    [
        new("name", name, 3f),
        new("title", title, 2.5f),
        new("summary", summary, 0.6f),
        .. aliases.Select(a => new SearchField("alias", a, 2f)),
        .. keywords.Select(k => new SearchField("keyword", k, 2f)),
        .. faqs.Select(f => new SearchField("faq", f.Question, 1f)),
        .. situations.Select(s => new SearchField("situation", s, 0.4f)),
        .. notFor.Select(n => new SearchField(SearchField.NotFor, n, 1f)),
    ];
}
