using System.ComponentModel.DataAnnotations;
using Bot.Knowledge.Search;

namespace Bot.Tests.Knowledge.Search;

public sealed class SearchOptionsTests
{
    [Fact]
    public void Default_options_are_valid() => Assert.Empty(Validate(new SearchOptions()));

    [Fact]
    public void The_openai_provider_without_endpoint_names_the_missing_keys()
    {
        var errors = Validate(new SearchOptions { Embedding = { Provider = "openai" } });

        Assert.Contains(errors, e => e.MemberNames.Contains("Knowledge:Search:Embedding:Endpoint"));
    }

    [Fact]
    public void An_unknown_vector_index_provider_is_refused()
    {
        var errors = Validate(new SearchOptions { VectorIndex = { Provider = "faiss" } });

        Assert.Contains(errors, e => e.MemberNames.Contains("Knowledge:Search:VectorIndex:Provider"));
    }

    private static List<ValidationResult> Validate(SearchOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
