using Bot.Knowledge.Search;

namespace Bot.Tests.Knowledge.Search;

/// <summary>The engine end to end on a small hand-made catalogue (no seed needed).</summary>
public sealed class HybridKnowledgeSearchTests
{
    private static readonly IReadOnlyList<SearchDocument> Catalogue =
    [
        Document("GA-01", "居民身份证换领", "我要换身份证", ["身份证过期了", "身份证到期换新", "换二代证"]),
        Document("GA-02", "居民身份证补领", "我的身份证丢了（补办身份证）", ["身份证丢了", "身份证找不到了", "补办身份证", "身份证被偷了"]),
        Document("GA-04", "出生登记", "给孩子上户口", ["孩子出生报户口", "新生儿落户", "给宝宝上户口"]),
        Document("GA-07", "普通护照签发", "我要办护照", ["第一次办护照", "出国要办护照", "护照怎么办"]),
        Document("MZ-01", "结婚登记", "我们要领结婚证", ["领结婚证", "扯证", "结婚登记要带什么"]),
        Document("SCJG-01", "个体工商户设立登记", "我要开个体店", ["开个小卖部要办什么执照", "办个体执照", "个体户营业执照"]),
    ];

    private static readonly Lazy<Task<HybridKnowledgeSearch>> Search = new(async () =>
    {
        var search = RetrievalEvaluationTests.CreateSearch();
        await search.IndexAsync(Catalogue);
        return search;
    });

    [Theory]
    [InlineData("身份证丢了怎么办", "GA-02")]
    [InlineData("身分证丢了", "GA-02")]
    [InlineData("sfz丢了", "GA-02")]
    [InlineData("shenfenzheng diule", "GA-02")]
    [InlineData("身份證遺失", "GA-02")]
    [InlineData("孩子刚出生怎么上户囗", "GA-04")]
    [InlineData("ＨＵＺＨＡＯ怎么办", "GA-07")]
    public async Task Colloquial_typo_pinyin_and_traditional_queries_rank_the_right_item_first(string query, string expected)
    {
        var result = await (await Search.Value).SearchAsync(query, 3);

        Assert.NotEqual(SearchDecision.None, result.Decision);
        Assert.Equal(expected, result.Hits[0].Id);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("帮我写作业")]
    [InlineData("asdfgh")]
    [InlineData("给我讲个笑话")]
    public async Task Requests_nothing_fits_come_back_none(string query) =>
        Assert.Equal(SearchDecision.None, (await (await Search.Value).SearchAsync(query, 3)).Decision);

    [Fact]
    public async Task Empty_query_is_none_without_hits()
    {
        var result = await (await Search.Value).SearchAsync("  ！！ ", 3);

        Assert.Equal(SearchDecision.None, result.Decision);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task Explain_shows_per_signal_scores_matched_terms_and_the_nearest_example()
    {
        var result = await (await Search.Value).ExplainAsync("身份证丢了", 3);

        var signals = result.Hits[0].Signals!;
        Assert.InRange(signals.Lexical, 0.01, 1);
        Assert.InRange(signals.Vector, 0.01, 1);
        Assert.InRange(signals.Classifier, 0.01, 1);
        Assert.Contains("w:身份证", signals.MatchedTerms);
        Assert.Equal("身份证丢了", signals.NearestExample);
    }

    [Fact]
    public async Task Search_before_indexing_answers_none()
    {
        using var search = RetrievalEvaluationTests.CreateSearch();

        Assert.Equal(SearchDecision.None, (await search.SearchAsync("身份证丢了", 3)).Decision);
    }

    private static SearchDocument Document(string id, string name, string title, string[] aliases) => new(
        id,
        SearchDocumentKind.Item,
        name,
        [new SearchField("name", name, 3), new SearchField("title", title, 2.5f), .. aliases.Select(a => new SearchField("alias", a, 2))]);
}
