using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Channels.Embed;

/// <summary>
/// Settings of section <c>Channels:Embed</c>: which other sites may embed the widget. Each origin may frame the
/// widget page (CSP <c>frame-ancestors</c>) and call the token endpoint and Direct Line from the browser (CORS).
/// Empty (the default): only this site's own pages.
/// </summary>
public sealed class EmbedOptions : IValidatableObject
{
    public const string Section = "Channels:Embed";
    public const string CorsPolicy = "govdoorplate-embed";

    /// <summary>Origins such as <c>https://www.example.gov.cn</c>: scheme, host and optional port, nothing else.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origin.EndsWith('/'))
                yield return new ValidationResult(
                    $"Channels:Embed:AllowedOrigins contains '{origin}', which is not an origin like https://www.example.gov.cn.",
                    [nameof(AllowedOrigins)]);
        }
    }
}
