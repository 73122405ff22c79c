using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge;

/// <summary>Settings of section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Directory of the reviewed YAML seed; relative paths are resolved against the application's base directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SeedPath { get; set; } = "knowledge-seed";

    /// <summary>Re-import the seed on start whenever its files changed since the last import.</summary>
    public bool ImportSeedOnStart { get; set; } = true;

    /// <summary>How often a host checks whether knowledge was published elsewhere, in seconds.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 10;

    public string ResolvedSeedPath => Path.IsPathRooted(SeedPath) ? SeedPath : Path.Combine(AppContext.BaseDirectory, SeedPath);
}
