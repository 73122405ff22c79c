using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Doorplates;

/// <summary>Settings of section <c>Doorplates</c>.</summary>
public sealed class DoorplateOptions : IValidatableObject
{
    public const string Section = "Doorplates";

    /// <summary>
    /// The public address printed into QR codes, e.g. <c>https://zw.example.gov.cn</c>. Unset: the address the request
    /// came in on, which is wrong behind a proxy that rewrites the host, so set it in production.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult($"Doorplates:PublicBaseUrl '{url}' is not an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
    }
}
