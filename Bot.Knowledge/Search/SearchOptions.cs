using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Search;

/// <summary>Options of the knowledge search, bound from <see cref="SectionName"/>.</summary>
public sealed class SearchOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Knowledge:Search";

    /// <summary>Directory of the lexicon files; empty means <c>lexicon/</c> next to the application.</summary>
    public string? LexiconDirectory { get; set; }

    /// <summary>How query and document texts become vectors.</summary>
    [Required]
    public EmbeddingOptions Embedding { get; set; } = new();

    /// <summary>Where the vectors live.</summary>
    [Required]
    public VectorIndexOptions VectorIndex { get; set; } = new();

    /// <summary>How signals are fused and when the engine answers, clarifies or gives up.</summary>
    [Required]
    public DecisionOptions Decision { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        foreach (var (name, value) in new (string, object)[] { ("Embedding", Embedding), ("VectorIndex", VectorIndex), ("Decision", Decision) })
        {
            var nested = new List<ValidationResult>();
            Validator.TryValidateObject(value, new ValidationContext(value), nested, validateAllProperties: true);
            results.AddRange(nested.Select(r => new ValidationResult(
                r.ErrorMessage, r.MemberNames.Select(m => $"{SectionName}:{name}:{m}").ToArray())));
        }

        if (Embedding.Provider == "openai" && (Embedding.Endpoint is null || string.IsNullOrWhiteSpace(Embedding.Model)))
        {
            results.Add(new ValidationResult(
                "The openai embedding provider needs Knowledge:Search:Embedding:Endpoint and Knowledge:Search:Embedding:Model.",
                [$"{SectionName}:Embedding:Endpoint", $"{SectionName}:Embedding:Model"]));
        }

        if (VectorIndex.Provider == "qdrant" && VectorIndex.Url is null)
        {
            results.Add(new ValidationResult("The qdrant vector index needs Knowledge:Search:VectorIndex:Url.", [$"{SectionName}:VectorIndex:Url"]));
        }

        if (Decision.ClarifyThreshold > Decision.AnswerThreshold)
        {
            results.Add(new ValidationResult(
                "Knowledge:Search:Decision:ClarifyThreshold must not exceed AnswerThreshold.", [$"{SectionName}:Decision:ClarifyThreshold"]));
        }

        return results;
    }
}

/// <summary>Embedding generator settings.</summary>
public sealed class EmbeddingOptions
{
    /// <summary><c>builtin</c> (offline, hashed n-gram features weighted on the catalogue) or <c>openai</c> (any OpenAI-compatible /v1/embeddings).</summary>
    [Required]
    [RegularExpression("^(builtin|openai)$", ErrorMessage = "Knowledge:Search:Embedding:Provider must be 'builtin' or 'openai'.")]
    public string Provider { get; set; } = "builtin";

    /// <summary>Base address of the OpenAI-compatible server, e.g. http://embeddings:8080/v1/ (required for openai).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model name sent with each request (required for openai), e.g. bge-m3.</summary>
    public string? Model { get; set; }

    /// <summary>Bearer token, if the server wants one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vector size of the built-in generator.</summary>
    [Range(64, 8192)]
    public int Dimensions { get; set; } = 1024;

    /// <summary>Texts sent per embeddings request.</summary>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 64;
}

/// <summary>Vector index settings.</summary>
public sealed class VectorIndexOptions
{
    /// <summary><c>memory</c> (in process, exact) or <c>qdrant</c> (REST).</summary>
    [Required]
    [RegularExpression("^(memory|qdrant)$", ErrorMessage = "Knowledge:Search:VectorIndex:Provider must be 'memory' or 'qdrant'.")]
    public string Provider { get; set; } = "memory";

    /// <summary>Qdrant's REST address, e.g. http://qdrant:6333/ (required for qdrant).</summary>
    public Uri? Url { get; set; }

    /// <summary>Qdrant collection name.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,100}$")]
    public string Collection { get; set; } = "govdoorplate-knowledge";

    /// <summary>Qdrant API key, if the server wants one.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>
/// Fusion weights and decision thresholds. The defaults come from the calibration in
/// Bot.Tests/Knowledge/Search/DecisionCalibrationTests (left-out aliases and FAQ questions of the seed plus
/// out-of-scope requests; neither dev.tsv nor the held-out set). They suit the built-in embedding: an
/// external embedding model has another similarity scale, so recalibrate when switching provider.
/// </summary>
public sealed class DecisionOptions
{
    /// <summary>Weight of the lexical (BM25F) signal in the fused score.</summary>
    [Range(0.0, 1.0)]
    public double LexicalWeight { get; set; } = 0.3;

    /// <summary>Weight of the vector signal.</summary>
    [Range(0.0, 1.0)]
    public double VectorWeight { get; set; } = 0.3;

    /// <summary>Weight of the classifier signal.</summary>
    [Range(0.0, 1.0)]
    public double ClassifierWeight { get; set; } = 0.4;

    /// <summary>Fused score at or above which the top hit may be answered.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.65;

    /// <summary>Minimum lead of the top hit over the next one to answer rather than clarify.</summary>
    [Range(0.0, 1.0)]
    public double AnswerMargin { get; set; } = 0.3;

    /// <summary>Fused score at or above which a top hit that leads by <see cref="AnswerLead"/> in relative terms is answered.</summary>
    [Range(0.0, 1.0)]
    public double LeadThreshold { get; set; } = 0.7;

    /// <summary>Relative lead, (top − second) / top, that lets a top hit at or above <see cref="LeadThreshold"/> be answered.</summary>
    [Range(0.0, 1.0)]
    public double AnswerLead { get; set; } = 0.3;

    /// <summary>Similarity to a recorded near miss (notFor) from which, if no positive example is closer, the hit is not answered.</summary>
    [Range(0.0, 1.0)]
    public double NearMissSimilarity { get; set; } = 0.5;

    /// <summary>Classifier probability of "near miss" from which, when it also beats the top document's, nothing fits.</summary>
    [Range(0.0, 1.0)]
    public double OutsideThreshold { get; set; } = 0.2;

    /// <summary>Fused score below which nothing fits.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyThreshold { get; set; } = 0.275;

    /// <summary>Candidates within this distance of the top one are offered when clarifying (2–3 of them).</summary>
    [Range(0.0, 1.0)]
    public double ClarifyBand { get; set; } = 0.12;
}
