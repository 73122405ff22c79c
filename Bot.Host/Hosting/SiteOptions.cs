using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Hosting;

/// <summary>Settings of section <c>Site</c>: how this deployment is reached from outside.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>
    /// The public address of the deployment, e.g. <c>https://zw.example.gov.cn</c>: printed into QR codes and used in the
    /// links the assistant sends (checklist pages). Behind a proxy it differs from the address the host listens on.
    /// </summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"Site:PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
    }

    /// <summary>An absolute link to <paramref name="path"/> (which starts with '/') on this deployment.</summary>
    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
